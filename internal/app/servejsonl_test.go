package app

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeImportedDocument: a document imported from JSON Lines, served
// by `vanban serve`: its page opens from the result list though its _id is
// a path, and it offers no archived copy (only a crawled page has one: the
// link answered 404 "Không có văn bản …" for every imported document).
// Lines written for the test.
func TestServeImportedDocument(t *testing.T) {
	data := t.TempDir()
	src := filepath.Join(t.TempDir(), "docs.jsonl")
	line := `{"_id":"van-ban/noi-vu/12-2025-tt-bnv.md","title":"Thông tư 12/2025/TT-BNV hướng dẫn chế độ phụ cấp công vụ","number":"12/2025/TT-BNV","type":"Thông tư","published":"2025-05-02","text":"Thông tư này hướng dẫn chế độ phụ cấp công vụ đối với cán bộ, công chức."}` + "\n"
	if err := os.WriteFile(src, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{src}}); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, done, _ := startServe(t, ctx, data, ServeOptions{})
	get := func(u string) (int, string) {
		t.Helper()
		r, err := http.Get(base + u)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Body.Close()
		b, _ := io.ReadAll(r.Body)
		return r.StatusCode, string(b)
	}
	_, results := get("/?q=" + url.QueryEscape("phu cap cong vu"))
	link := `href="/doc/` + url.PathEscape("van-ban/noi-vu/12-2025-tt-bnv.md")
	if !strings.Contains(results, link) {
		t.Fatalf("the result list does not link %s", link)
	}
	code, page := get("/doc/" + url.PathEscape("van-ban/noi-vu/12-2025-tt-bnv.md"))
	if code != 200 || !strings.Contains(page, "12/2025/TT-BNV") {
		t.Fatalf("document page: %d", code)
	}
	if strings.Contains(page, "/archive/") {
		t.Errorf("the page of an imported document links an archived copy, which does not exist")
	}
	cancel()
	<-done
}

// TestSearchImportedDocument: `vanban search` names a hit without a
// source URL by its ID (what `vanban refs` and the page take), and an
// untitled one by its number: it printed an empty line and an empty
// title. Lines written for the test.
func TestSearchImportedDocument(t *testing.T) {
	data := t.TempDir()
	src := filepath.Join(t.TempDir(), "docs.jsonl")
	lines := `{"_id":"van-ban/noi-vu/12-2025-tt-bnv.md","title":"Thông tư 12/2025/TT-BNV hướng dẫn chế độ phụ cấp công vụ","number":"12/2025/TT-BNV","type":"Thông tư","published":"2025-05-02","text":"Thông tư này hướng dẫn chế độ phụ cấp công vụ đối với cán bộ, công chức."}
{"_id":"van-ban/noi-vu/13-2025-tt-bnv.md","number":"13/2025/TT-BNV","type":"Thông tư","text":"Thông tư này sửa đổi chế độ phụ cấp công vụ của viên chức."}
`
	if err := os.WriteFile(src, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{src}}); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	out, _, err := call(t, data, RunSearch, SearchOptions{Query: "phu cap cong vu", Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Thông tư 12/2025/TT-BNV hướng dẫn chế độ phụ cấp công vụ (2025-05-02)\n   van-ban/noi-vu/12-2025-tt-bnv.md\n",
		". 13/2025/TT-BNV\n   van-ban/noi-vu/13-2025-tt-bnv.md\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("vanban search output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\n   \n") {
		t.Errorf("vanban search prints an empty line for a hit:\n%s", out)
	}
}
