package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/crawler"
)

// TestIngestPageAboutDocuments: a saved page that only lists the
// documents related to one (a portal's "Văn bản căn cứ" tab, written for
// the test) is refused naming why, counted as not read; it is not stored as
// an empty document under the described document's name.
func TestIngestPageAboutDocuments(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("thong-bao.html", `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Thông báo kết luận</title></head><body><article><h1>Thông báo kết luận của Chủ tịch Ủy ban nhân dân tỉnh</h1><p>Chủ tịch Ủy ban nhân dân tỉnh kết luận về tiến độ giải ngân vốn đầu tư công năm 2025 của các sở, ngành.</p></article></body></html>`)
	write("can-cu.html", `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Quyết định 125/QĐ-UBND</title></head><body>
<div class="tabs"><a href="/vb/125/noi-dung">Nội dung</a> <a href="/vb/125/can-cu">Văn bản căn cứ</a></div>
<div class="main"><h1>Quyết định 125/QĐ-UBND</h1><ul><li><a href="/vb/88">Nghị định 68/2017/NĐ-CP Về quản lý, phát triển cụm công nghiệp</a></li>
<li><a href="/vb/91">Quyết định số 12/2020/QĐ-UBND Ban hành quy chế phối hợp</a></li></ul></div></body></html>`)
	data := t.TempDir()
	got, stderr, err := ingestFolder(t, data, IngestOptions{}, dir)
	if got != "2 1 0 0 0 0 1" || err == nil || !strings.Contains(stderr, "can-cu.html") || !strings.Contains(stderr, "not a document") {
		t.Fatalf("ingest: %s, %v; want 2 files, 1 new, 1 refused as not a document:\n%s", got, err, stderr)
	}
	if hits := searchHits(t, data, "quyết định 125", 5); rankOf(hits, "/can-cu.html") != 0 {
		t.Errorf("the list of related documents is stored: %+v", hits)
	}
}

// TestCrawlSummaryNotDocuments: the summary line adds up the pages about
// documents of every site and says they were not stored.
func TestCrawlSummaryNotDocuments(t *testing.T) {
	r := &crawlReport{Sites: []crawler.Report{{Name: "a", Fetched: 5, New: 3, NotDocuments: 2}, {Name: "b", Fetched: 2, New: 1, NotDocuments: 1}}}
	if s := r.summary(); !strings.Contains(s, ", 3 pages about documents not stored") || !strings.Contains(s, "0 failed") {
		t.Errorf("summary %q", s)
	}
	if s := (&crawlReport{Sites: []crawler.Report{{Name: "a", Fetched: 5}}}).summary(); strings.Contains(s, "about documents") {
		t.Errorf("summary %q names pages about documents where there were none", s)
	}
}

// TestCrawlSummaryRechecked: the summary line adds up the article pages
// without a document the weekly recheck asked (crawler/hubrecheck.go) and
// those its bound left to a later week, and says nothing of them when
// there were none.
func TestCrawlSummaryRechecked(t *testing.T) {
	for _, c := range []struct {
		name  string
		sites []crawler.Report
		want  []string
		not   []string
	}{
		{"two sites", []crawler.Report{{Name: "quangninh", NotModified: 40, Rechecked: 3}, {Name: "vbpl", NotModified: 12, Rechecked: 2}},
			[]string{", 5 article pages without a document rechecked (weekly)"}, []string{"later week"}},
		{"over the bound", []crawler.Report{{Name: "quangninh", Rechecked: 64, RecheckDeferred: 9}},
			[]string{", 64 article pages without a document rechecked (weekly), 9 more due left to a later week (the night's bound)"}, nil},
		{"none", []crawler.Report{{Name: "quangninh", Fetched: 5}}, nil, []string{"rechecked", "later week"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := (&crawlReport{Sites: c.sites}).summary()
			for _, w := range c.want {
				if !strings.Contains(s, w) {
					t.Errorf("summary %q lacks %q", s, w)
				}
			}
			for _, w := range c.not {
				if strings.Contains(s, w) {
					t.Errorf("summary %q says %q", s, w)
				}
			}
		})
	}
}
