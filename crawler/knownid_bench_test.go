package crawler

import (
	"fmt"
	"net/url"
	"sync"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// letters writes i in base 26 with the letters a–z: a slug part without
// digits, so that every page's address is a shape of its own (urlShape
// writes a run of digits as 0).
func letters(i int) string {
	b := []byte{}
	for {
		b = append(b, byte('a'+i%26))
		i /= 26
		if i == 0 {
			return string(b)
		}
	}
}

// BenchmarkKnownID: the number probe's base (soft404.go knownID) on a run
// that knows 100,000 URLs of one query-routed shape (a SharePoint-style
// portal, ?ItemID=N&l=VanBan): one call is one scan; a run calls it once
// per shape (inside the memoised probe).
func BenchmarkKnownID(b *testing.B) {
	r := &run{seen: map[string]bool{}}
	for i := range 100_000 {
		r.seen[fmt.Sprintf("https://sokhcn.example.gov.vn/Pages/default.aspx?ItemID=%d&l=VanBan", i+1)] = true
	}
	u, _ := url.Parse("https://sokhcn.example.gov.vn/Pages/default.aspx?ItemID=50000&l=VanBan")
	for b.Loop() {
		if r.knownID(u, "ItemID") != 100_000 {
			b.Fatal("wrong largest ID")
		}
	}
}

// BenchmarkRouteParamSlugs: the routing parameter of a page (probeparam.go
// routeParam), asked by every soft-404 check, on a run that knows 100,000
// path-routed pages (a number last in the path, …-12.html) whose slugs
// differ in letters, each with its version (?ver=2) — each page a shape
// of its own, so each check of another page misses the per-shape memo.
func BenchmarkRouteParamSlugs(b *testing.B) {
	r := &run{seen: map[string]bool{}}
	var pages []*url.URL
	for i := range 100_000 {
		raw := "https://sonv.example.gov.vn/tin-tuc/thong-bao-lich-lam-viec-" + letters(i) + "-12.html?ver=2"
		r.seen[raw] = true
		if i%97 == 0 {
			u, _ := url.Parse(raw)
			pages = append(pages, u)
		}
	}
	i := 0
	for b.Loop() {
		if p, _ := r.routeParam(pages[i%len(pages)]); p != "" {
			b.Fatal("a path-routed page routed by a parameter")
		}
		i++
	}
}

// TestShapeURLsKeptUp: the URLs a run adds after the first read of the
// shapes (enqueue) are read by the next: the largest known number and
// the routing evidence are those of a scan of every URL the run knows.
func TestShapeURLsKeptUp(t *testing.T) {
	const h = "https://sokhcn.example.gov.vn"
	store := openStore(t)
	site := &Site{Name: "kh", Start: []string{h + "/"}, Allow: []string{"^" + h + "/"}}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	r := &run{c: &Crawler{store: store, log: testCrawler(t, store).log}, site: site, seen: map[string]bool{}, hints: map[string]linkRef{}, ops: map[string][]corpus.KVOp{}}
	r.cond = sync.NewCond(&r.mu)
	add := func(paths ...string) {
		t.Helper()
		if err := r.enqueue("", false, refs(prefix(h, paths))); err != nil {
			t.Fatal(err)
		}
	}
	add("/Pages/default.aspx?ItemID=12&l=VanBan", "/Pages/default.aspx?ItemID=87&l=VanBan", "/gioi-thieu.html")
	u, _ := url.Parse(h + "/Pages/default.aspx?ItemID=5&l=VanBan")
	if got := r.knownID(u, "ItemID"); got != 87 {
		t.Fatalf("knownID = %d, want 87", got)
	}
	add("/Pages/default.aspx?ItemID=4410&l=VanBan", "/Pages/default.aspx?ItemID=9&l=TinTuc&page=2")
	if got := r.knownID(u, "ItemID"); got != 4410 {
		t.Errorf("knownID after the run added URLs = %d, want 4410", got)
	}
	v, _ := url.Parse(h + "/tin-tuc/chi-tiet.aspx?NewsId=31")
	if p, _ := r.routeParam(v); p != "NewsId" { // named an ID: no evidence needed
		t.Errorf("routeParam(%s) = %q, want NewsId", v, p)
	}
	add("/van-ban/quyet-dinh-12.html?ver=1", "/van-ban/quyet-dinh-12.html?ver=2")
	w, _ := url.Parse(h + "/van-ban/quyet-dinh-12.html?ver=3")
	if p, _ := r.routeParam(w); p != "" { // a page's version, its path routing it
		t.Errorf("routeParam(%s) = %q, want none", w, p)
	}
}

func prefix(h string, paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = h + p
	}
	return out
}
