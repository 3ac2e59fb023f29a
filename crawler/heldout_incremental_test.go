package crawler

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/shared"
	"github.com/vanban/vanban/internal/zyte"
)

// heldOutPortal serves real pages no crawler test was written from (the
// Zyte benchmark's articles, ../shared/data/html's portal pages), read
// from ../shared at test time, under the paths of binhduong.gov.vn's
// portal: a SharePoint list view linking every article, each at
// /<category>/<yyyy>/<mm>/<itemid>-<slug>. Every answer carries an ETag
// and a Last-Modified, and a conditional request for an unchanged page is
// answered 304; each request is recorded with whether it was
// conditional.
type heldOutPortal struct {
	mu       sync.Mutex
	pages    map[string][]byte // path → page
	order    []string
	asked    map[string]int // path → requests
	cond     map[string]int // path → conditional requests
	answered map[string]int // path → 200 answers
}

const heldOutListing = "/chinhquyen/Lists/TinChiDaoDieuHanh/AllItems.aspx"

func (p *heldOutPortal) listing() []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tin chỉ đạo điều hành - Cổng thông tin điện tử tỉnh Bình Dương</title></head><body><table class="ms-listviewtable">`)
	for i, path := range p.order {
		fmt.Fprintf(&b, `<tr><td><a href="%s">TTĐT - UBND tỉnh ban hành văn bản số %d</a></td><td>6/30/2025 10:00 AM</td><td>Đã ban hành</td></tr>`, path, i+1)
	}
	b.WriteString(`</table></body></html>`)
	return []byte(b.String())
}

func (p *heldOutPortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	path := r.URL.Path
	body, ok := p.pages[path]
	if path == heldOutListing {
		body, ok = p.listing(), true
	}
	if !ok {
		http.NotFound(w, r)
		return
	}
	p.asked[path]++
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	conditional := r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != ""
	if conditional {
		p.cond[path]++
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", "Mon, 30 Jun 2025 03:00:00 GMT")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	p.answered[path]++
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(body)
}

// heldOutPages loads n pages of the Zyte benchmark and the portal pages
// of ../shared/data/html under 300 KB, each at a path of its own.
func heldOutPages(t *testing.T, n int) *heldOutPortal {
	t.Helper()
	zp, err := zyte.Load(shared.Path(t, "data", "zyte-extraction"))
	if err != nil {
		t.Fatal(err)
	}
	p := &heldOutPortal{pages: map[string][]byte{}, asked: map[string]int{}, cond: map[string]int{}, answered: map[string]int{}}
	add := func(slug string, html []byte) {
		path := fmt.Sprintf("/chinh-quyen-tin-chi-dao-dieu-hanh/2025/06/%d-%s", 500+len(p.order), slug)
		p.pages[path] = html
		p.order = append(p.order, path)
	}
	for _, pg := range zp[:min(n, len(zp))] {
		add(pg.ID[:12], pg.HTML)
	}
	files, err := filepath.Glob(filepath.Join(shared.Path(t, "data", "html"), "*", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	for _, f := range files {
		if fi, err := os.Stat(f); err != nil || fi.Size() > 300<<10 {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		add(strings.ToLower(strings.TrimSuffix(filepath.Base(f), ".html")), b)
	}
	return p
}

// TestHeldOutIncremental: a first crawl of the held-out portal, then a
// second one with nothing changed, then a third after one article was
// edited. The second asks the listing and every page that stored a
// document conditionally and reads none again (every answer 304: nothing
// fetched, extracted or stored); the third reads the edited article
// alone again.
func TestHeldOutIncremental(t *testing.T) {
	p := heldOutPages(t, 24)
	srv := httptest.NewServer(p)
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "binhduong", Start: []string{srv.URL + heldOutListing},
		Allow:   []string{"^" + srv.URL + "/(chinhquyen/Lists/TinChiDaoDieuHanh|chinh-quyen-tin-chi-dao-dieu-hanh/)"},
		Article: []string{`/chinh-quyen-tin-chi-dao-dieu-hanh/\d{4}/\d{2}/\d+-`}, Concurrency: 2}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	// The crawler's clock, not the machine's: night n is a fixed date
	// (the weekly recheck of article pages that stored no document picks
	// its pages by the night, hubrecheck.go; counted below).
	day := time.Date(2026, 6, 15, 1, 0, 0, 0, time.UTC)
	at := func(night int) time.Time { return day.Add(time.Duration(night) * 24 * time.Hour) }
	crawl := func(night int) (Report, map[string]int, map[string]int, map[string]int) {
		t.Helper()
		c.now = func() time.Time { return at(night) }
		p.mu.Lock()
		p.asked, p.cond, p.answered = map[string]int{}, map[string]int{}, map[string]int{}
		p.mu.Unlock()
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatalf("night %d: %v", night, err)
		}
		p.mu.Lock()
		defer p.mu.Unlock()
		return rep, p.asked, p.cond, p.answered
	}
	rep1, asked1, _, answered1 := crawl(1)
	if rep1.New == 0 || rep1.Failed != 0 {
		t.Fatalf("first crawl: %+v", rep1)
	}
	t.Logf("first crawl: %d pages asked, %d answered in full, %d new, %d not documents", len(asked1), len(answered1), rep1.New, rep1.NotDocuments)

	// The pages the second crawl asks: the start and every page that
	// stored a document (run.start's scan); a page about documents
	// (extract.Article.NotDocument: vbpl's related-documents and outline
	// pages) is asked when a page linking it answers in full, and on its
	// night of the week (hubrecheck.go), not after a 304 otherwise (a
	// 304's links are not read again).
	want := map[string]bool{heldOutListing: true}
	hubs := map[int]map[string]bool{2: {}, 3: {}} // by night
	for u, s := range urlStates(t, store) {
		if s.DocID != "" && s.Parent == "" {
			want[strings.TrimPrefix(u, srv.URL)] = true
		}
		for n := range hubs {
			if hubCandidate(site, u, s) && hubDue(u, at(n), c.recheckNights()) {
				hubs[n][strings.TrimPrefix(u, srv.URL)] = true
			}
		}
	}
	t.Logf("pages that stored no document due: %d on the second night, %d on the third", len(hubs[2]), len(hubs[3]))
	// Over a week's nights each page about documents the first crawl
	// read (rep1.NotDocuments, counted as it read them, not by the rule
	// under test) is due on exactly one: a rule that took none, or more
	// than those pages, or one page on two nights, fails here.
	week := map[string]int{}
	for n := 2; n < 2+hubRecheckNights; n++ {
		for u, s := range urlStates(t, store) {
			if hubCandidate(site, u, s) && hubDue(u, at(n), hubRecheckNights) {
				week[u]++
			}
		}
	}
	if len(week) != rep1.NotDocuments || rep1.NotDocuments == 0 {
		t.Errorf("over a week %d pages that stored no document due, want the first crawl's %d pages about documents", len(week), rep1.NotDocuments)
	}
	for u, n := range week {
		if n != 1 {
			t.Errorf("%s due on %d nights of a week, want 1", u, n)
		}
	}
	rep2, asked2, cond2, answered2 := crawl(2)
	for path := range want {
		if asked2[path] == 0 {
			t.Errorf("second crawl: %s not asked again", path)
		} else if cond2[path] != asked2[path] {
			t.Errorf("second crawl: %s asked without its validators (%d of %d requests conditional)", path, cond2[path], asked2[path])
		}
	}
	for path := range asked2 {
		if !want[path] && !hubs[2][path] {
			t.Errorf("second crawl: %s asked", path)
		}
	}
	for path, n := range answered2 {
		t.Errorf("second crawl: %s answered in full %d times, read again", path, n)
	}
	if rep2.Fetched != 0 || rep2.New+rep2.Changed+rep2.Unchanged != 0 || rep2.NotModified != len(want)+len(hubs[2]) || rep2.Rechecked != len(hubs[2]) {
		t.Errorf("second crawl: %+v; want nothing fetched or stored, %d answers 304, %d rechecked", rep2, len(want)+len(hubs[2]), len(hubs[2]))
	}

	// one article edited
	edited := ""
	p.mu.Lock()
	for _, path := range p.order {
		if want[path] && strings.Contains(string(p.pages[path]), "</body>") {
			edited = path
			p.pages[path] = []byte(strings.Replace(string(p.pages[path]), "</body>", "<p>Cập nhật: Ủy ban nhân dân tỉnh Bình Dương đính chính ngày ban hành văn bản.</p></body>", 1))
			break
		}
	}
	p.mu.Unlock()
	if edited == "" {
		t.Fatal("no page to edit")
	}
	rep3, _, _, answered3 := crawl(3)
	if len(answered3) != 1 || answered3[edited] != 1 || rep3.Fetched != 1 || rep3.NotModified != len(want)-1+len(hubs[3]) || rep3.Rechecked != len(hubs[3]) || rep3.New != 0 || rep3.Changed+rep3.Unchanged != 1 {
		t.Errorf("third crawl (%s edited): read in full %v, %+v; want the edited page alone", edited, answered3, rep3)
	}
}
