package app

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/crawler"
	"github.com/vanban/vanban/crawler/filetext"
	"github.com/vanban/vanban/demo"
)

// demoData stores the demo portal's ground truth in a data directory.
func demoData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	s, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, a := range demo.Articles() {
		d := &corpus.Document{URL: "http://demo.test" + a.Path, Title: a.Title, Published: a.Published, Body: a.Body,
			Type: a.Type, Number: a.Number, Issuer: a.Issuer}
		if _, err := s.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// demoDataWithFiles is demoData plus the demo's attached files, read from
// disk as the crawl of writeDemoConfig reads them (no OCR), each linked to
// its article.
func demoDataWithFiles(t *testing.T) string {
	t.Helper()
	dir := demoData(t)
	s, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := filetext.NewReader(filetext.Options{NoOCR: true})
	for _, p := range demo.Files() {
		data, err := os.ReadFile(filepath.Join("../../demo/site/files", path.Base(p)))
		if err != nil {
			t.Fatal(err)
		}
		u := "http://demo.test" + p
		res, err := r.Read(context.Background(), u, data)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		d := crawler.FileDocument(u, res, data)
		d.Parent = corpus.IDForURL("http://demo.test" + demo.FileArticle(p))
		if _, err := s.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestRefsParse(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Thực hiện Nghị quyết số 154/NQ-CP ngày 23/11/2022 của Chính phủ.",
			`[{"text":"Nghị quyết số 154/NQ-CP ngày 23/11/2022 của Chính phủ","type":"Nghị quyết","key":"154/NQ-CP","number":"154","year":2022,"issuer":"Chính phủ","date":"2022-11-23","relation":"implements"}]`},
		{"Kế hoạch 45/KH-UBND", `[{"text":"Kế hoạch 45/KH-UBND","type":"Kế hoạch","key":"45/KH-UBND","number":"45","year":0,"issuer":"UBND","date":"","relation":"mentions"}]`},
		// NFD input, a part, the closing article's date, a passive's actor
		{"Đi\u0300ều 3. Quyết định này có hiệu lực từ ngày 01/7/2024 và bãi bỏ khoản 2 Điều 5 Quyết định số 12/2019/QĐ-UBND. Quyết định số 07/2020/QĐ-UBND đã được sửa đổi bởi Quyết định số 09/2022/QĐ-UBND.",
			`[{"text":"Quyết định số 12/2019/QĐ-UBND","type":"Quyết định","key":"12/2019/QĐ-UBND","number":"12","year":2019,"issuer":"UBND","date":"","relation":"repeals","part":"khoản 2 Điều 5","partial":true,"effective":"2024-07-01"},` +
				`{"text":"Quyết định số 07/2020/QĐ-UBND","type":"Quyết định","key":"07/2020/QĐ-UBND","number":"07","year":2020,"issuer":"UBND","date":"","relation":"amends","other":"09/2022/QĐ-UBND"},` +
				`{"text":"Quyết định số 09/2022/QĐ-UBND","type":"Quyết định","key":"09/2022/QĐ-UBND","number":"09","year":2022,"issuer":"UBND","date":"","relation":"amends","by":true,"other":"07/2020/QĐ-UBND"}]`},
		{"không có số hiệu nào", `[]`},
	}
	for _, tt := range tests {
		out, _, err := callStdin(t, tt.in, "", RunRefs, RefsOptions{Parse: true, File: "-"})
		if err != nil {
			t.Fatalf("refs --parse: %v", err)
		}
		var got, want any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("refs --parse %q: %v: %s", tt.in, err, out)
		}
		json.Unmarshal([]byte(tt.want), &want)
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if !bytes.Equal(g, w) {
			t.Errorf("refs --parse %q =\n%s\nwant\n%s", tt.in, g, w)
		}
	}
}

func TestRefsAndLinks(t *testing.T) {
	data := demoData(t)
	tests := []struct {
		opts    any // RefsOptions or LinksOptions
		wantErr bool
		want    []string // substrings of stdout (or of the error)
	}{
		{RefsOptions{Arg: "154/NQ-CP"}, false, []string{"documents with this number (1)", "236/KH-UBND", "113/CTr-TU"}},
		{RefsOptions{Arg: "24-NQ/TW", JSON: true}, false, []string{`"lookup_key": "24-nq/tw"`, `"documents": []`, `"number": "154/NQ-CP"`}},
		{RefsOptions{Arg: "nghị quyết"}, true, []string{"neither a stored document ID nor a document number"}},
		{LinksOptions{Arg: "45/KH-UBND"}, false, []string{"implements 57-NQ/TW", "II.1.a    → 57-NQ/TW II.1", "III.r5", "[Văn phòng UBND tỉnh; Năm 2025]"}},
		{LinksOptions{Arg: "57-NQ/TW"}, false, []string{"plans citing it: ", "21-CTr/TU", "uncovered: II.7"}},
		{LinksOptions{Arg: "12/2023/NQ-HĐND"}, false, []string{"uncovered: none"}},
		// Roles from citations: 45/KH-UBND cites the Quyết định approving
		// the data project, but its page is a news article with no
		// passages, so no parent: 45/KH-UBND's task header, once computed,
		// names only parents with passages, and its stale reading agrees
		// (docs/log/i24-review6.md); the enrolment decision implements
		// nothing and nothing implements it.
		{LinksOptions{Arg: "1579/QĐ-UBND"}, true, []string{"implements no stored document and none implements it"}},
		{LinksOptions{Arg: "612/QĐ-UBND"}, true, []string{"implements no stored document"}},
		{LinksOptions{Arg: "999/KH-UBND"}, true, []string{"no document"}},
	}
	for _, tt := range tests {
		out, stderr, err := refsOrLinks(t, data, tt.opts)
		text := out
		if tt.wantErr {
			if !plain(err) {
				t.Errorf("%+v: error %v, want a plain error", tt.opts, err)
				continue
			}
			text = err.Error()
		} else if err != nil {
			t.Errorf("%+v: %v (%s)", tt.opts, err, stderr)
		}
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%+v: output lacks %q:\n%s", tt.opts, w, text)
			}
		}
	}
}

// refsOrLinks runs RunRefs or RunLinks, as opts is.
func refsOrLinks(t *testing.T, data string, opts any) (string, string, error) {
	t.Helper()
	switch o := opts.(type) {
	case RefsOptions:
		return call(t, data, RunRefs, o)
	case LinksOptions:
		return call(t, data, RunLinks, o)
	}
	t.Fatalf("no command for %T", opts)
	return "", "", nil
}

func TestRefsDocJSON(t *testing.T) {
	data := demoData(t)
	out, _, err := call(t, data, RunLinks, LinksOptions{Arg: "236/KH-UBND", JSON: true})
	if err != nil {
		t.Fatalf("links: %v", err)
	}
	var pl link.PlanLinks
	if err := json.Unmarshal([]byte(out), &pl); err != nil {
		t.Fatal(err)
	}
	out, _, err = call(t, data, RunRefs, RefsOptions{Arg: pl.ID, JSON: true})
	if err != nil {
		t.Fatalf("refs: %v", err)
	}
	var d docRefsJSON
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	keys := map[string]int{}
	for _, r := range d.Refs {
		keys[r.Key] = len(r.DocIDs)
	}
	if keys["154/NQ-CP"] != 1 || keys["24-NQ/TW"] != 0 || len(d.CitedBy) == 0 || d.Number != "236/KH-UBND" {
		t.Errorf("refs --json %s: refs %v, cited by %d", pl.ID, keys, len(d.CitedBy))
	}
}

// TestLinksAfterCrawl checks that a crawled portal (extracted bodies, the
// files read, the graph built by the crawl's Puts) links exactly like its
// ground truth: the articles' texts and the files read from disk.
func TestLinksAfterCrawl(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo portal")
	}
	portal := httptest.NewServer(demo.Handler())
	defer portal.Close()
	cfg := writeDemoConfig(t, portal.URL) // first: it skips without the tools
	crawled, truth := t.TempDir(), demoDataWithFiles(t)
	if _, stderr, err := call(t, crawled, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatalf("crawl: %v: %s", err, stderr)
	}
	for _, n := range []string{"45/KH-UBND", "21-CTr/TU", "236/KH-UBND", "113/CTr-TU", "178/KH-UBND", "112/KH-UBND", "57-NQ/TW", "154/NQ-CP", "12/2023/NQ-HĐND"} {
		got, _, _ := call(t, crawled, RunLinks, LinksOptions{Arg: n})
		want, _, _ := call(t, truth, RunLinks, LinksOptions{Arg: n})
		if got != want || want == "" {
			t.Errorf("links %s after a crawl:\n%s\nwant (ground truth):\n%s", n, got, want)
		}
	}
}
