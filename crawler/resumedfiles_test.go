package crawler

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// TestRecheckFilesOfSitePages: a run's start rechecks the site's known
// files that wait for a tool (or are unlinked, or dead), and a file is the
// site's as its parent page is (Site.admits, the rule PruneDropped reads
// through siteOwns): a decision linked from the home page, a start outside
// allow, or from the feed is rechecked as one linked from an allowed
// notice; a file of a page no site admits is not.
func TestRecheckFilesOfSitePages(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		switch {
		case strings.HasSuffix(r.URL.Path, ".pdf"):
			w.Header().Set("Content-Type", "application/pdf")
			io.WriteString(w, "%PDF-1.4\n% Quyết định phê duyệt Kế hoạch cải cách hành chính năm 2028\n%%EOF\n")
		case strings.HasSuffix(r.URL.Path, ".rss"):
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Thông báo</title></channel></rss>`)
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<html><head><title>Sở Tư pháp tỉnh Hà Tĩnh</title></head><body><p>Cổng thông tin điện tử Sở Tư pháp.</p></body></html>`)
		}
	}))
	defer srv.Close()
	base := srv.URL
	for _, tc := range []struct {
		name, file, parent string
		rechecked          bool
	}{
		{"a file of an allowed notice", "/Portals/0/files/QD-12-2028-UBND.pdf", "/van-ban-phap-luat/quyet-dinh-so-12-2028-qd-ubnd.html", true},
		{"a file of the home page, a start outside allow", "/Portals/0/files/ke-hoach-cai-cach-hanh-chinh-2028.pdf", "/", true},
		{"a file of the feed", "/Portals/0/files/TB-15-2028-VP.pdf", "/rss/thong-bao.rss", true},
		{"a file of a page no site admits", "/Portals/0/files/BC-tong-ket-2027.pdf", "/tin-tuc/hoi-nghi-tong-ket-cong-tac-tu-phap-nam-2027.html", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := &Site{Name: "sotuphap", Start: []string{base + "/"}, Feeds: []string{base + "/rss/thong-bao.rss"},
				Allow: []string{`^` + base + `/van-ban-phap-luat(/[a-z0-9-]+\.html)?$`}, Concurrency: 1}
			if err := site.compile(); err != nil {
				t.Fatal(err)
			}
			store := openStore(t)
			// the file waits for a tool (its Debian package): the next run asks for it again
			b, _ := json.Marshal(urlState{Run: "2028-03-01T20:00:00Z", Parent: base + tc.parent, Pending: "poppler-utils", Status: 200})
			if err := store.PutKV(nsURL, base+tc.file, b); err != nil {
				t.Fatal(err)
			}
			mu.Lock()
			clear(hits)
			mu.Unlock()
			if _, err := testCrawler(t, store).Crawl(context.Background(), site, Limits{}); err != nil {
				t.Fatal(err)
			}
			mu.Lock()
			got := hits[tc.file] > 0
			mu.Unlock()
			if got != tc.rechecked {
				t.Errorf("%s (parent %s): asked for again %v, want %v", tc.file, tc.parent, got, tc.rechecked)
			}
		})
	}
}
