package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// TestSuspectOfStartPage: a document stored from a start outside allow
// (a notice named as a start beside the allowed news section) that
// answers 404 one night is kept as a suspect, and the site's report
// lists it (reportSuspects reads the site's pages by Site.admits, the
// rule that stored it), as it lists a suspect article of the section.
func TestSuspectOfStartPage(t *testing.T) {
	const notice, article = "/thong-bao/lich-tiep-cong-dan-quy-4.html", "/tin-tuc/ke-hoach-57.html"
	for _, tc := range []struct {
		name, gone string
	}{
		{"the start's notice", notice},
		{"an article of the section", article},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var night atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				if night.Load() == 2 && r.URL.Path == tc.gone {
					http.NotFound(w, r)
					return
				}
				switch r.URL.Path {
				case notice:
					fmt.Fprint(w, page("Thông báo lịch tiếp công dân quý IV năm 2028",
						`Chủ tịch Ủy ban nhân dân tỉnh tiếp công dân định kỳ vào ngày 15 hằng tháng. <a href="`+article+`">Kế hoạch số 57/KH-UBND</a>`))
				case article:
					fmt.Fprint(w, page("Kế hoạch số 57/KH-UBND về chuyển đổi số năm 2028",
						"Ủy ban nhân dân tỉnh ban hành kế hoạch chuyển đổi số năm 2028 trên địa bàn tỉnh."))
				default:
					http.NotFound(w, r)
				}
			}))
			defer srv.Close()
			store := openStore(t)
			c := testCrawler(t, store)
			site := &Site{Name: "sonoivu", Start: []string{srv.URL + notice}, Allow: []string{"^" + srv.URL + "/tin-tuc/"}, Concurrency: 1}
			if err := site.compile(); err != nil {
				t.Fatal(err)
			}
			night.Store(1)
			if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 2 {
				t.Fatalf("first night: %v, %d new, want 2", err, rep.New)
			}
			night.Store(2)
			rep, err := c.Crawl(context.Background(), site, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if rep.NotFoundSuspect != 1 {
				t.Fatalf("second night: %d suspected on a 404, want 1", rep.NotFoundSuspect)
			}
			if len(rep.Suspects) != 1 || rep.Suspects[0].URL != srv.URL+tc.gone || rep.SuspectCount != 1 {
				t.Errorf("the site's report lists %d suspects (%+v), want %s", rep.SuspectCount, rep.Suspects, tc.gone)
			}
		})
	}
}
