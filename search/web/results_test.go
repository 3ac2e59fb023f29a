package web

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/search"
)

// copiesOf are one circular ingested from three files (the same number,
// type and issuer), written for the test.
func copiesOf() []*corpus.Document {
	body := "Thông tư hướng dẫn chế độ phụ cấp đối với người làm công tác lưu trữ hồ sơ điện tử tại cơ quan nhà nước. "
	return []*corpus.Document{
		{ID: "tt/luu-tru-1.md", Title: "Thông tư 58/2026/TT-BNV phụ cấp lưu trữ hồ sơ điện tử", Number: "58/2026/TT-BNV", Type: "Thông tư", Issuer: "Bộ Nội vụ", Published: "2026-04-01", Body: body + body},
		{ID: "tt/luu-tru-2.md", Title: "Thông tư số 58/2026/TT-BNV", Number: "58/2026/TT-BNV", Type: "Thông tư", Issuer: "Bộ Nội vụ", Published: "2026-04-01", Body: body},
		{ID: "tt/luu-tru-3.md", URL: "https://moha.example/vb/58", Title: "58/2026/TT-BNV (bản scan)", Number: "58/2026/TT-BNV", Type: "Thông tư", Issuer: "Bộ Nội vụ", Published: "2026-04-01", Body: body},
	}
}

// TestSearchCollapsesCopies: the API lists a number once with its copies,
// the total counting it once, and collapse=0 lists every copy; the page
// shows "2 bản khác" with the copies' links.
func TestSearchCollapsesCopies(t *testing.T) {
	srv, _ := demoService(t, copiesOf()...)
	q := url.QueryEscape("phu cap luu tru ho so dien tu")
	var one, all search.Result
	getJSON(t, srv.URL+"/api/search?size=100&q="+q, 200, &one)
	getJSON(t, srv.URL+"/api/search?size=100&collapse=0&q="+q, 200, &all)
	count := func(r search.Result) (n int, copies []search.Copy) {
		for _, h := range r.Hits {
			if h.Number == "58/2026/TT-BNV" {
				n++
				copies = append(copies, h.Copies...)
			}
		}
		return
	}
	if n, copies := count(one); n != 1 || len(copies) != 2 {
		t.Fatalf("collapsed: 58/2026/TT-BNV listed %d times with %d copies, want once with 2", n, len(copies))
	}
	if n, _ := count(all); n != 3 {
		t.Errorf("collapse=0: 58/2026/TT-BNV listed %d times, want 3", n)
	}
	if one.Total != all.Total-2 || one.Folded != 2 {
		t.Errorf("total %d (folded %d), uncollapsed %d: want 2 fewer", one.Total, one.Folded, all.Total)
	}
	for _, f := range one.Facets["type"] {
		if f.Value == "Thông tư" && f.Count != 1 {
			t.Errorf("type facet Thông tư: %d, want 1", f.Count)
		}
	}
	res, err := http.Get(srv.URL + "/?q=" + q)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	page := string(b)
	for _, want := range []string{"2 bản khác", "gộp 2 bản trùng số hiệu", `href="https://moha.example/vb/58"`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	var bad search.Result
	getJSON(t, srv.URL+"/api/search?collapse=2&q="+q, 400, &bad)
}

// TestSearchCountsMostWords: the page and the API count the documents
// holding enough of the query's pairs of words and list the ranking
// unchanged (listed: every document matching a word); minmatch=0 counts
// every document matching a word.
func TestSearchCountsMostWords(t *testing.T) {
	srv, _ := demoService(t, copiesOf()...)
	q := url.QueryEscape("ho so dien tu luu tru")
	var most, any search.Result
	getJSON(t, srv.URL+"/api/search?size=100&collapse=0&q="+q, 200, &most)
	getJSON(t, srv.URL+"/api/search?size=100&collapse=0&minmatch=0&q="+q, 200, &any)
	if most.Total < 3 || most.Total > 5 || most.Listed != any.Total || any.Total <= most.Total {
		t.Errorf("total %d, listed %d; any word %d: want the 3 copies of 58/2026/TT-BNV and the few documents on electronic records counted, every match listed", most.Total, most.Listed, any.Total)
	}
	if len(most.Hits) != len(any.Hits) {
		t.Fatalf("%d hits, any-word %d: the list is the ranking unchanged", len(most.Hits), len(any.Hits))
	}
	for i, h := range most.Hits {
		if any.Hits[i].ID != h.ID {
			t.Errorf("hit %d: %s, any-word ranking has %s", i, h.ID, any.Hits[i].ID)
		}
	}
	res, err := http.Get(srv.URL + "/?q=" + q)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	want := fmt.Sprintf("%d văn bản khớp đủ từ khóa · %d kết quả kể cả khớp một phần", most.Total-2, most.Listed-2) // collapsed: the copies once
	if !strings.Contains(string(b), want) {
		t.Errorf("page lacks %q", want)
	}
	var bad search.Result
	getJSON(t, srv.URL+"/api/search?minmatch=x&q="+q, 400, &bad)
}
