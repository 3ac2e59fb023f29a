package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalLinks runs `vanban eval links` on a set written for the test.
func TestEvalLinks(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs.jsonl")
	labels := filepath.Join(dir, "labels.jsonl")
	os.WriteFile(docs, []byte(`{"_id":"nq","title":"Nghị quyết số 8/NQ-HĐND","number":"8/NQ-HĐND","text":"1. Bê tông hóa đường giao thông nông thôn.\n2. Kiên cố hóa kênh mương nội đồng."}
{"_id":"kh","title":"Kế hoạch số 20/KH-UBND thực hiện Nghị quyết số 8/NQ-HĐND","number":"20/KH-UBND","text":"1. Bê tông hóa đường giao thông nông thôn các thôn vùng cao.\n2. Kiên cố hóa kênh mương nội đồng xã Tân Lập."}
`), 0o644)
	os.WriteFile(labels, []byte(`{"plan":"20/KH-UBND","item":"Bê tông hóa đường giao thông nông thôn các thôn","resolution":"8/NQ-HĐND","quote":"Bê tông hóa đường giao thông nông thôn."}
{"plan":"20/KH-UBND","item":"Kiên cố hóa kênh mương nội đồng xã Tân Lập.","resolution":"8/NQ-HĐND","quote":"Kiên cố hóa kênh mương nội đồng."}
`), 0o644)
	code, out, stderr := runCmd(t, "eval", "links", "--docs", docs, "--labels", labels)
	if code != 0 || !strings.Contains(out, "20/KH-UBND") || !strings.Contains(out, "overall") {
		t.Fatalf("eval links: exit %d\n%s\n%s", code, out, stderr)
	}
	code, out, stderr = runCmd(t, "eval", "links", "--docs", docs, "--labels", labels, "--json")
	var rep struct {
		Overall struct {
			Items int     `json:"items"`
			P1    float64 `json:"p@1"`
			Found float64 `json:"found_rate"`
		} `json:"overall"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil {
		t.Fatalf("eval links --json: exit %d\n%s\n%s", code, out, stderr)
	}
	if rep.Overall.Items != 2 || rep.Overall.P1 != 1 || rep.Overall.Found != 1 {
		t.Errorf("figures %+v, want 2 items, all found and right", rep.Overall)
	}
	if code, _, _ := runCmd(t, "eval", "links", "--docs", docs); code != 2 {
		t.Errorf("eval links without --labels: exit %d, want 2", code)
	}
	if code, _, stderr := runCmd(t, "eval", "links", "--docs", filepath.Join(dir, "none.jsonl"), "--labels", labels); code != 1 || !strings.Contains(stderr, "none.jsonl") {
		t.Errorf("missing docs file: exit %d, %q", code, stderr)
	}
}
