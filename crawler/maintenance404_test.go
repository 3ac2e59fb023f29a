package crawler

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestMaintenanceNightsKeepDocuments: a portal down for maintenance for
// two nights in a row — every address, the listing included, answering
// 404; every document 404 while the listing answers; a maintenance page
// answering 200 everywhere; or every address redirected to a login page —
// costs no document: the site's other
// documents did not answer, so the second night decides nothing.
// Once the site is back, a document still answering so is a tombstone
// and the others are live with no suspect left.
func TestMaintenanceNightsKeepDocuments(t *testing.T) {
	for _, tc := range []struct {
		name string
		down func(w http.ResponseWriter, r *http.Request)
	}{
		{"404 everywhere", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }},
		{"404 on every document, the listing up", func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/van-ban" {
				w.Write([]byte(`<html><body><p>Danh sách văn bản đang được bảo trì.</p></body></html>`))
				return
			}
			http.NotFound(w, r)
		}},
		{"a maintenance page answering 200 everywhere", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(portalChrome("Bảo trì hệ thống", `<div class="maintenance"><h2>Hệ thống đang bảo trì</h2><p>Cổng thông tin đang được nâng cấp, xin vui lòng quay lại sau.</p></div>`)))
		}},
		{"login redirect", func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/dang-nhap" {
				w.Write([]byte(`<html><body><form><p>Đăng nhập hệ thống</p><input name="user"></form></body></html>`))
				return
			}
			http.Redirect(w, r, "/dang-nhap?returnUrl="+r.URL.Path, http.StatusFound)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			slugs := []string{"ke-hoach-phong-chong-thien-tai-2027", "thong-bao-ket-luan-giao-ban-quy-iii", "chi-thi-tang-cuong-ky-cuong-hanh-chinh"}
			p := &slug404Portal{slugs: slugs, down: map[string]int{}, docs: map[string]string{
				slugs[0]: softArticle("Kế hoạch số 311/KH-UBND", "Kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn năm 2027 của tỉnh miền núi."),
				slugs[1]: softArticle("Thông báo số 312/TB-UBND", "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại buổi giao ban quý III."),
				slugs[2]: softArticle("Chỉ thị số 13/CT-UBND", "Tăng cường kỷ luật, kỷ cương hành chính trong các cơ quan nhà nước của tỉnh."),
			}}
			var mu sync.Mutex
			maintenance := false
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				m := maintenance
				mu.Unlock()
				if m && r.URL.Path != "/robots.txt" {
					tc.down(w, r)
					return
				}
				p.ServeHTTP(w, r)
			}))
			defer srv.Close()
			store := openStore(t)
			c := New(store, Options{Policy: testCrawler(t, store).policy, WARCDir: t.TempDir()})
			site := &Site{Name: "baotri", Start: []string{srv.URL + "/van-ban"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/van-ban/.+\.html$`}, Concurrency: 1}
			if err := site.compile(); err != nil {
				t.Fatal(err)
			}
			crawl := func(night int) Report {
				t.Helper()
				rep, err := c.Crawl(context.Background(), site, Limits{})
				if err != nil && rep.Failed == 0 {
					t.Fatalf("night %d: %v", night, err)
				}
				return rep
			}
			live := func(i int) bool {
				d, err := store.Get(corpus.IDForURL(srv.URL + "/van-ban/" + slugs[i] + ".html"))
				return err == nil && !d.Gone
			}
			if rep := crawl(1); rep.New != 3 {
				t.Fatalf("night 1: %+v, want 3 new", rep)
			}
			mu.Lock()
			maintenance = true
			mu.Unlock()
			for night := 2; night <= 3; night++ {
				rep := crawl(night)
				if !live(0) || !live(1) || !live(2) || rep.Gone != 0 {
					t.Errorf("night %d (maintenance): live %v %v %v, %+v; want every document kept", night, live(0), live(1), live(2), rep)
				}
			}
			// Night 4: the site back, the plan removed.
			mu.Lock()
			maintenance = false
			mu.Unlock()
			p.mu.Lock()
			delete(p.docs, slugs[0])
			p.mu.Unlock()
			rep := crawl(4)
			if live(0) || !live(1) || !live(2) || rep.Gone != 1 {
				t.Errorf("night 4: live %v %v %v, %+v; want the removed plan a tombstone, the others live", live(0), live(1), live(2), rep)
			}
			if rep.SuspectCount != 0 {
				t.Errorf("night 4: suspects %+v; want none left", rep.Suspects)
			}
		})
	}
}

// TestPageGoneFileLive: an article whose page answers 404 on two nights
// (the site's other article live) is a tombstone; the document read from
// its file, which still answers, is kept as read.
func TestPageGoneFileLive(t *testing.T) {
	portal := newFilePortal()
	const path = "/files/236-KH-UBND.docx"
	portal.file(path, demoFile(t, "236-KH-UBND.docx"))
	portal.listing = []string{"/tin-tuc/2.html", "/tin-tuc/3.html"}
	portal.article("/tin-tuc/2.html", "Kế hoạch thực hiện chương trình hành động", "Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện chương trình hành động của Chính phủ.", []string{path})
	portal.article("/tin-tuc/3.html", "Thông báo lịch tiếp công dân", "Lãnh đạo Ủy ban nhân dân tỉnh tiếp công dân định kỳ vào ngày 15 hằng tháng tại trụ sở.", nil)
	srv := httptest.NewServer(portal)
	defer srv.Close()
	store := openStore(t)
	c := fileCrawler(store, t.TempDir(), nil, FileOptions{})
	site := filePortalSite(t, srv.URL)
	night := func(n int) Report {
		t.Helper()
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatalf("night %d: %v", n, err)
		}
		return rep
	}
	night(0)
	read := getDoc(t, store, srv.URL+path)
	portal.mu.Lock()
	delete(portal.articles, "/tin-tuc/2.html")
	portal.mu.Unlock()
	night(1)
	if d := getDoc(t, store, srv.URL+"/tin-tuc/2.html"); d.Gone {
		t.Errorf("night 1: the article's first 404 made it a tombstone")
	}
	night(2)
	if d := getDoc(t, store, srv.URL+"/tin-tuc/2.html"); !d.Gone {
		t.Errorf("night 2: the article's second 404 kept it live")
	}
	if d := getDoc(t, store, srv.URL+path); d.Gone || d.Body != read.Body {
		t.Errorf("night 2: the file's document gone %v; want it kept as read, its file answering", d.Gone)
	}
}
