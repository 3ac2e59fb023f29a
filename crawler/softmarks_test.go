package crawler

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/extract"
)

// slugsPortal routes each article by its directory, a slug per document
// without digits (/thong-bao/lich-hop-giao-ban/index.html), serving it
// for any address under that directory; elsewhere under /thong-bao/ its
// error template (200). Its listing links every article.
type slugsPortal struct {
	mu       sync.Mutex
	articles map[string]string // directory → page
	// realNotFound: an address under no article's directory is a real
	// 404, not the template.
	realNotFound bool
}

func (p *slugsPortal) set(dir, page string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if page == "" {
		delete(p.articles, dir)
		return
	}
	p.articles[dir] = page
}

func (p *slugsPortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if r.URL.Path == "/tin-tuc" {
		dirs := slices.Sorted(func(yield func(string) bool) {
			for d := range p.articles {
				if !yield(d) {
					return
				}
			}
		})
		var b strings.Builder
		b.WriteString(`<html><body>`)
		for _, d := range append(dirs, "/thong-bao/bai-da-go-truoc-day/") {
			fmt.Fprintf(&b, `<a href="%sindex.html">Thông báo</a> `, d)
		}
		b.WriteString(`</body></html>`)
		fmt.Fprint(w, b.String())
		return
	}
	dir := r.URL.Path[:strings.LastIndex(r.URL.Path, "/")+1]
	if a, ok := p.articles[dir]; ok {
		fmt.Fprint(w, a)
		return
	}
	if strings.HasPrefix(r.URL.Path, "/thong-bao/") && !p.realNotFound {
		fmt.Fprint(w, templateNotFound(r.URL.Path))
		return
	}
	http.NotFound(w, r)
}

// TestSoft404ShortSlugRewritten: on a slug-routed portal, short notices
// without a number (under thinBody characters: the probe in their own
// directory gets the notice itself, which reads as a template would).
// A notice rewritten whole in one night shares no text with its stored
// document, and reads as the probe; but it carries what the site's live
// article pages carry and its error template lacks (the date line), so
// it is no soft 404: stored with its new text, that night and the next.
// A new short notice is stored too. A notice taken down reads as the
// template, which carries none of it: suspected, then a tombstone.
func TestSoft404ShortSlugRewritten(t *testing.T) {
	p := &slugsPortal{articles: map[string]string{}}
	p.set("/thong-bao/lich-hop-giao-ban/", softArticle("Lịch họp giao ban tuần", "Lãnh đạo Văn phòng họp giao ban sáng thứ Hai."))
	p.set("/thong-bao/lich-tiep-cong-dan/", softArticle("Lịch tiếp công dân", "Lãnh đạo tỉnh tiếp công dân ngày 15 hằng tháng."))
	p.set("/thong-bao/nghi-le-quoc-khanh/", softArticle("Nghỉ lễ Quốc khánh", "Cán bộ, công chức nghỉ lễ theo quy định."))
	srv := httptest.NewServer(p)
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "slugs", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/thong-bao/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 3 || rep.SoftNotFound != 1 {
		t.Fatalf("first run: %+v %v; want 3 notices, the dead link a soft 404", rep, err)
	}
	doc := func(dir string) *corpus.Document {
		d, err := store.Get(corpus.IDForURL(srv.URL + dir + "index.html"))
		if err != nil {
			return nil
		}
		return d
	}
	if d := doc("/thong-bao/lich-hop-giao-ban/"); d == nil || d.Number != "" || len([]rune(d.Body)) >= thinBody {
		t.Fatalf("the notice: %+v; want it short, without a number", d)
	}
	p.set("/thong-bao/lich-hop-giao-ban/", softArticle("Điều chỉnh lịch làm việc", "Chuyển cuộc họp sang chiều thứ Ba tại phòng số 2."))
	p.set("/thong-bao/nghi-tet-duong-lich/", softArticle("Nghỉ Tết Dương lịch", "Cơ quan nghỉ một ngày, trực theo lịch."))
	p.set("/thong-bao/lich-tiep-cong-dan/", "")
	for night := 2; night <= 3; night++ {
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if d := doc("/thong-bao/lich-hop-giao-ban/"); d == nil || d.Gone || !strings.Contains(d.Body, "chiều thứ Ba") {
			t.Errorf("night %d: the rewritten notice %+v; want it live with its new text (%+v)", night, d, rep)
		}
		if d := doc("/thong-bao/nghi-tet-duong-lich/"); d == nil || d.Gone {
			t.Errorf("night %d: the new notice %+v; want it stored (%+v)", night, d, rep)
		}
		gone := doc("/thong-bao/lich-tiep-cong-dan/")
		if night == 2 && (gone == nil || gone.Gone || rep.SoftSuspect != 1) {
			t.Errorf("night 2: the notice taken down %+v; want it suspected, kept (%+v)", gone, rep)
		}
		if night == 3 && (gone == nil || !gone.Gone || rep.SoftSuspect != 0) {
			t.Errorf("night 3: the notice taken down %+v; want a tombstone (%+v)", gone, rep)
		}
	}
}

// TestArticleMarks: the marks a site's live article pages carry and its
// missing-page answer lacks, in the layouts of a SharePoint portal (the
// "no such item" answer in the article's own layout, its date field
// empty), a WordPress site and a Joomla portal (pages written for the
// test); an article rewritten whole carries them, the template does not.
func TestArticleMarks(t *testing.T) {
	for _, tc := range []struct {
		name              string
		live              []string // the site's live article pages
		template, article string   // its missing-page answer; an article rewritten whole
	}{
		{"SharePoint, an empty date field",
			[]string{
				`<div id="ctl00_PlaceHolderMain_ctl01"><div class="news-detail"><h2 class="title">Kế hoạch số 12/KH-UBND</h2><span class="date">12/05/2025</span><div class="content"><p>Triển khai chuyển đổi số.</p></div><div class="tools"><a>In trang</a></div></div></div>`,
				`<div id="ctl00_PlaceHolderMain_ctl01"><div class="news-detail"><h2 class="title">Thông báo lịch họp</h2><span class="date">13/05/2025</span><div class="content"><p>Họp giao ban.</p><table><tr><td>Thứ Hai</td></tr></table></div><div class="tools"><a>In trang</a></div></div></div>`,
			},
			`<div id="ctl00_PlaceHolderMain_ctl01"><div class="news-detail"><h2 class="title"></h2><span class="date"></span><div class="content"><p>Không tìm thấy mục bạn yêu cầu.</p></div></div></div>`,
			`<div id="ctl00_PlaceHolderMain_ctl01"><div class="news-detail"><h2 class="title">Điều chỉnh lịch</h2><span class="date">14/05/2025</span><div class="content"><p>Chuyển sang thứ Ba.</p></div><div class="tools"><a>In trang</a></div></div></div>`},
		{"WordPress, a 404 template",
			[]string{
				`<article id="post-451" class="post-451 post type-post"><h1 class="entry-title">Nghỉ lễ</h1><time class="entry-date">01/09/2025</time><div class="entry-content"><p>Nghỉ hai ngày.</p></div></article>`,
				`<article id="post-452" class="post-452 post type-post"><h1 class="entry-title">Tiếp công dân</h1><time class="entry-date">02/09/2025</time><div class="entry-content"><p>Ngày 15 hằng tháng.</p></div></article>`,
			},
			`<section class="error-404 not-found"><h1 class="page-title">Không tìm thấy trang</h1><div class="page-content"><p>Trang không tồn tại.</p></div></section>`,
			`<article id="post-451" class="post-451 post type-post"><h1 class="entry-title">Lịch trực Tết</h1><time class="entry-date">03/09/2025</time><div class="entry-content"><p>Trực theo phân công.</p></div></article>`},
		{"Joomla, the message in the article's place",
			[]string{
				`<div class="item-page"><h2 itemprop="headline">Hội nghị sơ kết</h2><dl class="article-info"><dd class="published">Ngày 05/06/2025</dd></dl><div itemprop="articleBody"><p>Sơ kết sáu tháng.</p></div></div>`,
				`<div class="item-page"><h2 itemprop="headline">Tập huấn kỹ năng số</h2><dl class="article-info"><dd class="published">Ngày 06/06/2025</dd></dl><div itemprop="articleBody"><p>Cán bộ cấp xã.</p></div></div>`,
			},
			`<div id="system-message"><div class="alert alert-error"><h4>Lỗi</h4><p>Không tìm thấy bài viết</p></div></div>`,
			`<div class="item-page"><h2 itemprop="headline">Thay đổi địa điểm</h2><dl class="article-info"><dd class="published">Ngày 07/06/2025</dd></dl><div itemprop="articleBody"><p>Tại hội trường B.</p></div></div>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			marks := func(body string) map[mark]bool {
				u, _ := url.Parse("https://example.gov.vn/tin/x")
				p, err := extract.Parse([]byte(portalChrome("Trang", body)), "text/html; charset=utf-8", u)
				if err != nil {
					t.Fatal(err)
				}
				return pageMarks(p)
			}
			l := &learner{}
			for _, page := range tc.live {
				l.observeMarks(marks(page))
			}
			own := l.ownMarks(marks(tc.template))
			if len(own) == 0 {
				t.Fatal("no marks the template lacks")
			}
			if carriesMarks(marks(tc.template), own) {
				t.Errorf("the template carries the article marks %v", own)
			}
			if !carriesMarks(marks(tc.article), own) {
				t.Errorf("the rewritten article lacks the article marks %v", own)
			}
			if (&learner{}).ownMarks(marks(tc.template)) != nil {
				t.Error("marks without a live page")
			}
		})
	}
}

// TestMarksWindow: the site's marks follow its layout: after a redesign
// the old layout's marks go and the new one's come within about
// markWindow pages; the counts kept stay bounded whatever the pages.
func TestMarksWindow(t *testing.T) {
	l := &learner{}
	page := func(sigs ...string) map[mark]bool {
		m := map[mark]bool{}
		for _, s := range sigs {
			m[markOf(s)] = true
		}
		return m
	}
	for range 40 {
		l.observeMarks(page("div.news-detail+", "span.date+", "body+"))
	}
	if own := l.ownMarks(page("body+")); !slices.Equal(slices.Sorted(slices.Values(own)), []string{"div.news-detail+", "span.date+"}) {
		t.Fatalf("old layout's marks %v", own)
	}
	for i := range 64 {
		unique := fmt.Sprintf("div.x%c%c+", 'a'+i%26, 'a'+i/26) // a class of its own on every page
		l.observeMarks(page("article.post+", "time.entry-date+", "body+", unique))
	}
	own := l.ownMarks(page("body+"))
	if !slices.Equal(slices.Sorted(slices.Values(own)), []string{"article.post+", "time.entry-date+"}) {
		t.Errorf("after the redesign: marks %v", own)
	}
	if n := len(l.marks.Count); n > maxSiteMarks || n > 40 {
		t.Errorf("%d signatures kept", n)
	}
	many := map[mark]bool{}
	for i := range 2 * maxSiteMarks {
		many[mark{sig: fmt.Sprintf("span.c%d", i)}] = true
	}
	l.observeMarks(many)
	if n := len(l.marks.Count); n > maxSiteMarks {
		t.Errorf("%d signatures kept, over %d", n, maxSiteMarks)
	}
}

// TestSoft404NoMarksNoTombstone: a portal whose missing-page answer is
// laid out as its articles are, element for element, each holding text
// (its date line too): no mark tells a page taken down from an article.
// The page reads as the probe, so it is suspected; with only its text
// for evidence it is suspected again the next nights, its document kept
// (searchable, asked in full each night), never a tombstone.
func TestSoft404NoMarksNoTombstone(t *testing.T) {
	lookalike := func(string) string {
		return softArticle("Thông báo", "Nội dung bạn tìm không có hoặc đã được gỡ xuống khỏi cổng thông tin.")
	}
	p := &softPortal{articles: map[string]string{}, notFound: lookalike}
	p.set("/van-ban/45/ke-hoach-45.html", softArticle("Kế hoạch số 45/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai Nghị quyết số 57-NQ/TW về chuyển đổi số."))
	p.set("/van-ban/46/thong-bao-46.html", softArticle("Thông báo số 46/TB-UBND", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh tháng 6."))
	srv := httptest.NewServer(p)
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "soft", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/van-ban/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 2 {
		t.Fatalf("first run: %+v %v", rep, err)
	}
	p.set("/van-ban/45/ke-hoach-45.html", "")
	for night := 2; night <= 4; night++ {
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		d, err := store.Get(corpus.IDForURL(srv.URL + "/van-ban/45/ke-hoach-45.html"))
		if err != nil || d.Gone || !strings.Contains(d.Body, "57-NQ/TW") || rep.SoftSuspect != 1 || rep.Gone != 0 {
			t.Errorf("night %d: the plan %+v %v; want it suspected, kept as it was (%+v)", night, d, err, rep)
		}
	}
}

// TestMarksSaved: the site's article marks are written every
// marksSaveEvery pages and at the end of a run, not with every page's
// state, and read back by the next run; a damaged record is relearned.
func TestMarksSaved(t *testing.T) {
	store := openStore(t)
	site := &Site{Name: "marks"}
	l, err := loadLearner(store, site)
	if err != nil {
		t.Fatal(err)
	}
	page := map[mark]bool{{sig: "p.date", text: true}: true, {sig: "body", text: true}: true}
	for i := 1; i < marksSaveEvery; i++ {
		l.observeMarks(page)
		for _, op := range l.saveOps(false) {
			if op.NS == nsMarks {
				t.Fatalf("marks written after %d pages", i)
			}
		}
	}
	l.observeMarks(page)
	if ops := l.saveOps(false); len(ops) != 1 || ops[0].NS != nsMarks {
		t.Fatalf("after %d pages: %v; want the marks written", marksSaveEvery, ops)
	}
	l.observeMarks(page)
	if err := store.ApplyKV(l.saveOps(true)); err != nil {
		t.Fatal(err)
	}
	back, err := loadLearner(store, site)
	if err != nil {
		t.Fatal(err)
	}
	if own := back.ownMarks(map[mark]bool{{sig: "body", text: true}: true}); !slices.Equal(own, []string{"p.date+"}) {
		t.Errorf("read back: marks %v, want [p.date+]", own)
	}
	if err := store.PutKV(nsMarks, site.Name, []byte("{not json")); err != nil {
		t.Fatal(err)
	}
	if back, err = loadLearner(store, site); err != nil || back.ownMarks(nil) != nil {
		t.Errorf("a damaged record: %v, marks %v; want none, no error", err, back.ownMarks(nil))
	}
}

// TestSoft404ShortSlugOwnLayout: on a slug-routed portal most notices
// carry a share box, one short notice does not. Rewritten whole, it
// reads as the probe in its own directory (the notice itself), and lacks
// a mark most live pages carry: measured against that probe it would
// read as the site's missing page. The marks are measured against the
// site's answer in a directory it cannot have (the template), which the
// notice does not read as: it is its directory's own, kept with its new
// text on every night.
func TestSoft404ShortSlugOwnLayout(t *testing.T) {
	shared := func(title, body string) string {
		return strings.Replace(softArticle(title, body), `</div><footer>`, `</div><div class="share">Chia sẻ: Facebook Zalo</div><footer>`, 1)
	}
	p := &slugsPortal{articles: map[string]string{}}
	for i, slug := range []string{"hop-bao-chi", "tiep-cong-dan", "lich-truc", "tap-huan", "so-ket"} {
		p.set("/thong-bao/"+slug+"/", shared("Thông báo về "+strings.ReplaceAll(slug, "-", " "), fmt.Sprintf("Văn phòng thông báo lịch %s tuần thứ %s.", strings.ReplaceAll(slug, "-", " "), []string{"nhất", "hai", "ba", "tư", "năm"}[i])))
	}
	p.set("/thong-bao/lich-hop-giao-ban/", softArticle("Lịch họp giao ban tuần", "Lãnh đạo Văn phòng họp giao ban sáng thứ Hai."))
	srv := httptest.NewServer(p)
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "slugs", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/thong-bao/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 6 {
		t.Fatalf("first run: %+v %v; want 6 notices", rep, err)
	}
	p.set("/thong-bao/lich-hop-giao-ban/", softArticle("Điều chỉnh lịch làm việc", "Chuyển cuộc họp sang chiều thứ Ba tại phòng số 2."))
	for night := 2; night <= 3; night++ {
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		d, err := store.Get(corpus.IDForURL(srv.URL + "/thong-bao/lich-hop-giao-ban/index.html"))
		if err != nil || d.Gone || !strings.Contains(d.Body, "chiều thứ Ba") || rep.SoftSuspect != 0 {
			t.Errorf("night %d: the rewritten notice %+v %v; want it live with its new text (%+v)", night, d, err, rep)
		}
	}
}

// TestMarksBounded: the marks record stays bounded in bytes, not only in
// signatures, whatever a page's class and id attributes hold (a page of
// elements each with a class list of thousands of characters); and a
// record damaged in its values (pages not positive, a count over the
// pages or not positive, more signatures than the cap) is relearned, not
// taken as evidence for a tombstone.
func TestMarksBounded(t *testing.T) {
	long := strings.Repeat("tw-flex tw-items-center tw-justify-between ", 100) // 4,300 characters
	var b strings.Builder
	b.WriteString(`<html><body>`)
	for i := range 300 {
		fmt.Fprintf(&b, `<div class="%s c%c%c" id="khoi-%s">Đoạn văn</div>`, long, 'a'+i%26, 'a'+i/26, strings.Repeat("x", 3000))
	}
	b.WriteString(`</body></html>`)
	p, err := extract.Parse([]byte(b.String()), "text/html; charset=utf-8", nil)
	if err != nil {
		t.Fatal(err)
	}
	l := &learner{}
	for range 31 {
		l.observeMarks(pageMarks(p))
	}
	v, _ := json.Marshal(l.marks)
	if len(v) > 256<<10 {
		t.Errorf("marks record %d bytes after 31 pages of long classes; want at most 256 KiB", len(v))
	}
	for s := range l.marks.Count {
		if len(s) > maxSigBytes+1 || !utf8.ValidString(s) {
			t.Fatalf("signature of %d bytes", len(s))
		}
	}

	store := openStore(t)
	site := &Site{Name: "marks"}
	many := map[string]int{}
	for i := range maxSiteMarks + 1 {
		many[fmt.Sprintf("span.c%d", i)] = 1
	}
	for _, tc := range []struct {
		name string
		rec  markStats
	}{
		{"pages negative", markStats{Pages: -5, Count: map[string]int{"p.date+": 1}}},
		{"a count over the pages", markStats{Pages: 10, Count: map[string]int{"p.date+": 99}}},
		{"a count negative", markStats{Pages: 10, Count: map[string]int{"p.date+": -1}}},
		{"over the cap", markStats{Pages: 10, Count: many}},
		{"a signature over its length", markStats{Pages: 10, Count: map[string]int{"p." + strings.Repeat("x", 2*maxSigBytes): 9}}},
	} {
		v, _ := json.Marshal(tc.rec)
		if err := store.PutKV(nsMarks, site.Name, v); err != nil {
			t.Fatal(err)
		}
		l, err := loadLearner(store, site)
		if err != nil || l.marks != nil {
			t.Errorf("%s: %v, marks %+v; want relearned, no error", tc.name, err, l.marks != nil)
		}
	}
}
