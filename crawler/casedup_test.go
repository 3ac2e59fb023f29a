package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// casePortal serves its articles under paths matched without regard to
// case (IIS, a CMS routing by slug), or with it; its listing links the
// articles in the spellings given.
type casePortal struct {
	mu       sync.Mutex
	blind    bool
	links    []string
	articles map[string]string // path → page
	ver      int               // in the ETag: the articles' edition
}

func (p *casePortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if r.URL.Path == "/tin-tuc" {
		var b strings.Builder
		for _, l := range p.links {
			fmt.Fprintf(&b, `<a href="%s">Văn bản</a> `, l)
		}
		fmt.Fprintf(w, `<html><body>%s</body></html>`, b.String())
		return
	}
	for k, v := range p.articles {
		if k == r.URL.Path || p.blind && strings.EqualFold(k, r.URL.Path) {
			etag := fmt.Sprintf(`"%s-%d"`, strings.ToLower(k), p.ver)
			w.Header().Set("ETag", etag)
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			fmt.Fprint(w, v)
			return
		}
	}
	http.NotFound(w, r)
}

func (p *casePortal) setLinks(l ...string) {
	p.mu.Lock()
	p.links = l
	p.mu.Unlock()
}

// TestCaseDuplicates: a case-blind server serves one article at
// /Van-Ban/Ke-Hoach-45.html and /van-ban/ke-hoach-45.html; the crawler
// cannot know the server is case-blind, but it can see the same article
// twice. One document is kept, the other URL remembered as its alias; a
// case-sensitive server's two articles that differ only by case in their
// URLs stay two documents; and a store that holds both copies (written
// before) keeps one after the next run.
func TestCaseDuplicates(t *testing.T) {
	plan := softArticle("Kế hoạch số 45/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai Nghị quyết số 57-NQ/TW về chuyển đổi số.")
	other := softArticle("Kế hoạch số 45/KH-UBND (bản dự thảo)", "Dự thảo kế hoạch triển khai Nghị quyết số 57-NQ/TW, lấy ý kiến các sở, ngành trước ngày 15/6.")
	upper, lower := "/Van-Ban/Ke-Hoach-45.html", "/van-ban/ke-hoach-45.html"
	newSite := func(t *testing.T, base string) *Site {
		site := &Site{Name: "case", Start: []string{base + "/tin-tuc"}, Allow: []string{"^" + base + "/"}, Article: []string{`(?i)/van-ban/`}, Concurrency: 2}
		if err := site.compile(); err != nil {
			t.Fatal(err)
		}
		return site
	}
	liveDocs := func(t *testing.T, store *corpus.Store) int {
		live, _, err := store.Count()
		if err != nil {
			t.Fatal(err)
		}
		return live
	}

	t.Run("case-blind", func(t *testing.T) {
		p := &casePortal{blind: true, links: []string{upper, lower}, articles: map[string]string{lower: plan}}
		srv := httptest.NewServer(p)
		defer srv.Close()
		store := openStore(t)
		c := testCrawler(t, store)
		site := newSite(t, srv.URL)
		for run := 1; run <= 2; run++ {
			rep, err := c.Crawl(context.Background(), site, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if n := liveDocs(t, store); n != 1 {
				t.Errorf("run %d: %d live documents, want 1 (%+v)", run, n, rep)
			}
		}
		states := urlStates(t, store)
		su, sl := states[srv.URL+upper], states[srv.URL+lower]
		if su.DocID == "" || su.DocID != sl.DocID || su.Alias == "" && sl.Alias == "" {
			t.Errorf("states: %+v, %+v; want one document, one URL its alias", su, sl)
		}
	})

	// The article is edited: the next run reaches the alias first (its
	// state sorts first), while the stored document is the old text; by
	// the run's end there is one document again.
	t.Run("edited, alias first", func(t *testing.T) {
		p := &casePortal{blind: true, links: []string{lower, upper}, articles: map[string]string{lower: plan}}
		srv := httptest.NewServer(p)
		defer srv.Close()
		store := openStore(t)
		c := testCrawler(t, store)
		site := newSite(t, srv.URL)
		site.Concurrency = 1
		if _, err := c.Crawl(context.Background(), site, Limits{}); err != nil {
			t.Fatal(err)
		}
		p.mu.Lock()
		p.articles[lower] = softArticle("Kế hoạch số 45/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai Nghị quyết số 57-NQ/TW về chuyển đổi số (sửa đổi lần 1).")
		p.ver++
		p.mu.Unlock()
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if n := liveDocs(t, store); n != 1 {
			t.Errorf("after the edit: %d live documents, want 1 (%+v)", n, rep)
		}
		d, err := store.Get(corpus.IDForURL(srv.URL + lower))
		if err != nil || d.Gone || !strings.Contains(d.Body, "sửa đổi lần 1") {
			t.Errorf("the kept document: %+v, %v; want the edited text", d, err)
		}
	})

	t.Run("case-sensitive", func(t *testing.T) {
		p := &casePortal{links: []string{upper, lower}, articles: map[string]string{lower: plan, upper: other}}
		srv := httptest.NewServer(p)
		defer srv.Close()
		store := openStore(t)
		c := testCrawler(t, store)
		if _, err := c.Crawl(context.Background(), newSite(t, srv.URL), Limits{}); err != nil {
			t.Fatal(err)
		}
		if n := liveDocs(t, store); n != 2 {
			t.Errorf("%d live documents, want 2: two articles", n)
		}
	})

	t.Run("stored twice before", func(t *testing.T) {
		p := &casePortal{blind: true, links: []string{upper}, articles: map[string]string{lower: plan}}
		srv := httptest.NewServer(p)
		defer srv.Close()
		store := openStore(t)
		c := testCrawler(t, store)
		site := newSite(t, srv.URL)
		if _, err := c.Crawl(context.Background(), site, Limits{}); err != nil {
			t.Fatal(err)
		}
		// What an earlier version left: the second spelling stored as a
		// document of its own, no record of spellings.
		p.setLinks(upper, lower)
		// the keys collected first: a write inside ForEachKV's read
		// transaction waits for it when bbolt must grow its map
		var folds []corpus.KVOp
		if err := store.ForEachKV(nsFold, func(k string, _ []byte) error {
			folds = append(folds, corpus.KVOp{NS: nsFold, Key: k})
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(folds) == 0 {
			t.Fatal("set-up: the first run recorded no spelling")
		}
		if err := store.ApplyKV(folds); err != nil {
			t.Fatal(err)
		}
		d, err := store.Get(corpus.IDForURL(srv.URL + upper))
		if err != nil {
			t.Fatal(err)
		}
		d2 := *d
		d2.ID, d2.URL, d2.Seq, d2.Hash = "", srv.URL+lower, 0, ""
		if _, err := store.Put(&d2); err != nil {
			t.Fatal(err)
		}
		v := fmt.Sprintf(`{"etag":"\"%s-0\"","doc":"%s","status":200,"run":"old"}`, strings.ToLower(lower), d2.ID)
		if err := store.PutKV(nsURL, srv.URL+lower, []byte(v)); err != nil {
			t.Fatal(err)
		}
		if n := liveDocs(t, store); n != 2 {
			t.Fatalf("set-up: %d live documents, want 2", n)
		}
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if n := liveDocs(t, store); n != 1 || rep.Aliases != 1 {
			t.Errorf("after the next run: %d live documents, %d aliases; want 1, 1 (%+v)", n, rep.Aliases, rep)
		}
	})
}
