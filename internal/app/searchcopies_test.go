package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSearchFoldsCopies: `vanban search` lists a number ingested from two
// files once, naming the other copy under it; --all-copies lists both.
func TestSearchFoldsCopies(t *testing.T) {
	data := t.TempDir()
	src := filepath.Join(t.TempDir(), "docs.jsonl")
	lines := `{"_id":"van-ban/tai-chinh/41-2026-tt-btc.md","title":"Thông tư 41/2026/TT-BTC về phí thẩm định dự án đầu tư","number":"41/2026/TT-BTC","type":"Thông tư","published":"2026-03-02","text":"Thông tư này quy định mức thu phí thẩm định dự án đầu tư xây dựng."}
{"_id":"tai-lieu/tt41-ban-pdf.md","title":"Thông tư số 41/2026/TT-BTC","number":"41/2026/TT-BTC","type":"Thông tư","published":"2026-03-02","text":"Thông tư này quy định mức thu phí thẩm định dự án đầu tư xây dựng (bản PDF)."}
{"_id":"van-ban/xay-dung/9-2026-tt-bxd.md","title":"Thông tư 9/2026/TT-BXD về thẩm định dự án đầu tư xây dựng","number":"9/2026/TT-BXD","type":"Thông tư","published":"2026-01-10","text":"Thông tư này hướng dẫn thẩm định dự án đầu tư xây dựng."}
`
	if err := os.WriteFile(src, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{src}}); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	out, _, err := call(t, data, RunSearch, SearchOptions{Query: "phi tham dinh du an dau tu", Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out, "41/2026/TT-BTC"); n != 1 {
		t.Errorf("41/2026/TT-BTC printed %d times, want once:\n%s", n, out)
	}
	if !strings.Contains(out, "   1 bản khác:\n     ") || !strings.Contains(out, "1 copies of the same numbers folded") {
		t.Errorf("the other copy is not named:\n%s", out)
	}
	all, _, err := call(t, data, RunSearch, SearchOptions{Query: "phi tham dinh du an dau tu", Limit: 5, AllCopies: true})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(all, "41/2026/TT-BTC"); n != 2 || strings.Contains(all, "bản khác") {
		t.Errorf("--all-copies: 41/2026/TT-BTC printed %d times, want 2 without folding:\n%s", n, all)
	}
}
