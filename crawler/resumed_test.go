package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// pagedPortal is a provincial portal's notices section over two listing
// pages: /thong-bao links the notices of page1 and /thong-bao/trang-2,
// which links those of page2; each notice at /thong-bao/<slug>.html, a
// page it lacks a real 404. stopAfter, when set, is the path after whose
// answer the test's clock passes the run's deadline.
type pagedPortal struct {
	mu           sync.Mutex
	docs         map[string]string
	page1, page2 []string
	stopAfter    string
	late         bool
}

func (p *pagedPortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	defer func() {
		if p.stopAfter != "" && r.URL.Path == p.stopAfter {
			p.late = true
		}
	}()
	list := func(slugs []string, more string) {
		var b strings.Builder
		b.WriteString(`<div class="danh-sach"><ul>`)
		for _, s := range slugs {
			fmt.Fprintf(&b, `<li><a href="/thong-bao/%s.html">%s</a></li>`, s, strings.ReplaceAll(s, "-", " "))
		}
		b.WriteString(`</ul>` + more + `</div>`)
		fmt.Fprint(w, portalChrome("Thông báo", b.String()))
	}
	switch r.URL.Path {
	case "/thong-bao":
		list(p.page1, `<a href="/thong-bao/trang-2">Trang sau</a>`)
		return
	case "/thong-bao/trang-2":
		list(p.page2, `<a href="/thong-bao">Trang trước</a>`)
		return
	case "/", "/tin-tuc", "/van-ban", "/lien-he":
		fmt.Fprint(w, portalChrome("Cổng thông tin", `<p>Trang `+r.URL.Path+` của cổng thông tin điện tử tỉnh.</p>`))
		return
	}
	if d, ok := p.docs[strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/thong-bao/"), ".html")]; ok {
		fmt.Fprint(w, d)
		return
	}
	http.NotFound(w, r)
}

func (p *pagedPortal) set(f func(p *pagedPortal)) {
	p.mu.Lock()
	f(p)
	p.mu.Unlock()
}

// TestResumedRunDecidesAsWhole: a run stopped by its deadline and resumed
// the next night decides what a run reading the site whole decides, on
// the evidence of both parts.
//
//   - Both notices of a section answering 404 a second night, each still
//     linked — one by the first listing page, one by the second — are a
//     broken route: kept. A run stopped after the notices, before the
//     second page, must not read the one it links as unlisted (before:
//     a tombstone at the stop); resumed, it reads the second page and
//     keeps both.
//   - A notice taken down and dropped by its listing page, the section's
//     other notice answering: a tombstone at the end of the run, stopped
//     or not.
func TestResumedRunDecidesAsWhole(t *testing.T) {
	notices := map[string]string{
		"ke-hoach-chuyen-doi-so-2028": softArticle("Thông báo số 14/TB-UBND", "Triển khai Kế hoạch chuyển đổi số năm 2028 tại các sở, ban, ngành và Ủy ban nhân dân cấp huyện."),
		"lich-tiep-cong-dan-quy-3":    softArticle("Thông báo số 15/TB-VP", "Lịch tiếp công dân quý III năm 2028 của Chủ tịch Ủy ban nhân dân tỉnh tại Trụ sở tiếp công dân."),
	}
	const a, b = "ke-hoach-chuyen-doi-so-2028", "lich-tiep-cong-dan-quy-3"
	for _, tc := range []struct {
		name string
		// night sets the portal for nights 2–3 and the path after which
		// night 3's deadline passes
		night     func(p *pagedPortal)
		stopAfter string
		// gone says which notices are tombstones after the run ends
		gone map[string]bool
		// awaiting is the suspects the stopped part reached (the known
		// notices are asked first), their decision waiting for the run's
		// end (Report.SuspectsAwaitingEnd)
		awaiting int
	}{
		{"both 404, each still linked, stopped before the second page", func(p *pagedPortal) {
			p.docs = map[string]string{}
		}, "/thong-bao/" + b + ".html", map[string]bool{}, 2},
		{"both 404, each still linked, not stopped", func(p *pagedPortal) {
			p.docs = map[string]string{}
		}, "", map[string]bool{}, 0},
		{"one taken down and dropped by the second page, stopped before it", func(p *pagedPortal) {
			p.docs, p.page2 = map[string]string{b: notices[b]}, nil
		}, "/thong-bao/" + b + ".html", map[string]bool{a: true}, 1},
		{"one taken down and dropped by the second page, not stopped", func(p *pagedPortal) {
			p.docs, p.page2 = map[string]string{b: notices[b]}, nil
		}, "", map[string]bool{a: true}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &pagedPortal{docs: map[string]string{a: notices[a], b: notices[b]}, page1: []string{b}, page2: []string{a}}
			srv := httptest.NewServer(p)
			defer srv.Close()
			store, c, site := smallSite(t, srv)
			deadline := time.Now().Add(time.Hour)
			c.now = func() time.Time {
				p.mu.Lock()
				defer p.mu.Unlock()
				if p.late {
					return deadline.Add(time.Minute)
				}
				return time.Now()
			}
			live := func(slug string) bool {
				d, err := store.Get(corpus.IDForURL(srv.URL + "/thong-bao/" + slug + ".html"))
				return err == nil && !d.Gone
			}
			crawl := func(night int, lim Limits) Report {
				t.Helper()
				rep, err := c.Crawl(context.Background(), site, lim)
				if err != nil {
					t.Fatalf("night %d: %v", night, err)
				}
				return rep
			}
			if rep := crawl(1, Limits{}); rep.New != 2 {
				t.Fatalf("night 1: %+v", rep)
			}
			p.set(tc.night)
			if rep := crawl(2, Limits{}); !live(a) || rep.Gone != 0 || rep.NotFoundSuspect == 0 {
				t.Fatalf("night 2: %+v; want the notices kept, suspected", rep)
			}
			p.set(func(p *pagedPortal) { p.stopAfter = tc.stopAfter })
			rep := crawl(3, Limits{Deadline: deadline})
			if tc.stopAfter != "" {
				if rep.Pending == 0 || rep.Gone != 0 || !live(a) || !live(b) {
					t.Errorf("night 3 (stopped before the second page): %+v, live %v %v; want pages left, nothing decided", rep, live(a), live(b))
				}
				// reported as waiting for the run's end, those not
				// reached as not reached
				if rep.SuspectsAwaitingEnd != tc.awaiting || rep.SuspectsNotReached+rep.SuspectsAwaitingEnd != rep.SuspectCount {
					t.Errorf("night 3 (stopped): %d suspects awaiting the run's end, %d not reached, %d in all; want %d awaiting, the rest not reached",
						rep.SuspectsAwaitingEnd, rep.SuspectsNotReached, rep.SuspectCount, tc.awaiting)
				}
				if n := evidenceRecords(t, store); n == 0 {
					t.Errorf("night 3 (stopped): no evidence record kept for the resumed part")
				}
				p.set(func(p *pagedPortal) { p.stopAfter, p.late = "", false })
				rep = crawl(4, Limits{}) // the run resumed to its end
				if rep.Pending != 0 {
					t.Fatalf("night 4 (resumed): %+v; want the run ended", rep)
				}
			}
			for _, slug := range []string{a, b} {
				if live(slug) == tc.gone[slug] {
					t.Errorf("%s after the run: live %v; want gone %v (%+v)", slug, live(slug), tc.gone[slug], rep)
				}
			}
			if n := len(tc.gone); rep.Gone != n {
				t.Errorf("the run's end: %d gone, want %d (%+v)", rep.Gone, n, rep)
			}
			if rep.SuspectsAwaitingEnd != 0 {
				t.Errorf("the run's end: %d suspects awaiting it, want 0 (decided or kept by it)", rep.SuspectsAwaitingEnd)
			}
			if n := evidenceRecords(t, store); n != 0 {
				t.Errorf("the run's end: %d evidence records left, want none (deleted once decided)", n)
			}
		})
	}
}

// TestResumedRunKnowsItsURLs: a SharePoint-style portal routing every
// item by its number (?ItemID=N), answering an unknown number with 200
// and its "no such item" template. A run stopped after item 9000, before
// a short new item 12, and resumed: its soft-404 probe for item 12 must
// ask a number past every item the run knows — 9000 among them, finished
// before the stop — as a run read whole asks (before: the resumed run
// knew its frontier only, and asked 1200–1299, a number the site may
// have).
func TestResumedRunKnowsItsURLs(t *testing.T) {
	var mu sync.Mutex
	listed := []int{9000}
	items := map[int]string{9000: softArticle("Quyết định số 9000/QĐ-UBND", "Quyết định phê duyệt Đề án phát triển du lịch cộng đồng gắn với xây dựng nông thôn mới giai đoạn 2026–2030 trên địa bàn tỉnh.")}
	var probes []int
	stop, late := false, false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch r.URL.Path {
		case "/Pages/danh-sach.aspx":
			var b strings.Builder
			for _, id := range listed {
				fmt.Fprintf(&b, `<li><a href="/Pages/default.aspx?ItemID=%d&amp;l=VanBan">Văn bản %d</a></li>`, id, id)
			}
			fmt.Fprint(w, portalChrome("Văn bản", `<ul class="danh-sach">`+b.String()+`</ul>`))
			return
		case "/Pages/default.aspx":
			id, _ := strconv.Atoi(r.URL.Query().Get("ItemID"))
			if stop && id == 9000 {
				late = true
			}
			if a, ok := items[id]; ok {
				fmt.Fprint(w, a)
				return
			}
			probes = append(probes, id)
			fmt.Fprint(w, portalChrome("Thông báo", `<div class="content-detail"><h1>Thông báo</h1><p>Không tìm thấy mục bạn yêu cầu. Mục có thể đã bị xóa hoặc chuyển sang địa chỉ khác.</p></div>`))
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	deadline := time.Now().Add(time.Hour)
	c.now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		if late {
			return deadline.Add(time.Minute)
		}
		return time.Now()
	}
	site := &Site{Name: "sp", Start: []string{srv.URL + "/Pages/danh-sach.aspx"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`default\.aspx\?ItemID=`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 1 {
		t.Fatalf("night 1: %+v %v", rep, err)
	}
	mu.Lock()
	listed = []int{9000, 12}
	items[12] = softArticle("Thông báo số 12/TB-VP", "Nghỉ Tết Dương lịch 01/01/2028.")
	stop, probes = true, nil
	mu.Unlock()
	rep, err := c.Crawl(context.Background(), site, Limits{Deadline: deadline})
	if err != nil || rep.Pending == 0 {
		t.Fatalf("night 2 (stopped after item 9000): %+v %v; want item 12 left", rep, err)
	}
	mu.Lock()
	stop, late = false, false
	mu.Unlock()
	if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 1 || rep.Pending != 0 {
		t.Fatalf("night 2 (resumed): %+v %v; want item 12 stored", rep, err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(probes) == 0 {
		t.Fatal("no probe asked for the short new item")
	}
	for _, id := range probes {
		if id <= 9000 {
			t.Errorf("probe ItemID=%d; want past 9000, the largest item the run knows (probes %v)", id, probes)
		}
	}
}

// evidenceRecords counts the records in the run evidence namespace.
func evidenceRecords(t *testing.T, store *corpus.Store) int {
	t.Helper()
	n := 0
	if err := store.ForEachKV(nsEvidence, func(string, []byte) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	return n
}
