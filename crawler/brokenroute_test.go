package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// brokenNights are nights on which a portal's notices cannot be read
// while its home page and menus answer: none of them says a notice was
// taken down. Pages written for the test in the shapes of a provincial
// portal after a CMS upgrade, behind a CDN and behind a login wall.
var brokenNights = []struct {
	name  string
	serve func(p *smallPortal, w http.ResponseWriter, r *http.Request)
}{
	{"every notice 404, the listing still linking it", func(p *smallPortal, w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/thong-bao" {
			fmt.Fprint(w, portalChrome("Thông báo", `<div class="danh-sach"><ul><li><a href="/thong-bao/`+p.listed[0]+`.html">Thông báo</a></li></ul></div>`))
			return
		}
		if r.URL.Path == "/" || r.URL.Path == "/tin-tuc" || r.URL.Path == "/van-ban" || r.URL.Path == "/lien-he" {
			fmt.Fprint(w, portalChrome("Cổng thông tin", `<p>Trang chủ.</p>`))
			return
		}
		http.NotFound(w, r)
	}},
	{"every notice 404, the listing linking it and a new notice under the new route", func(p *smallPortal, w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/thong-bao" {
			fmt.Fprint(w, portalChrome("Thông báo", `<div class="danh-sach"><ul><li><a href="/thong-bao/ke-hoach-phong-chong-thien-tai-2028.html">Kế hoạch phòng chống thiên tai</a></li><li><a href="/thong-bao/`+p.listed[0]+`.html">Thông báo</a></li></ul></div>`))
			return
		}
		if r.URL.Path == "/" || r.URL.Path == "/tin-tuc" || r.URL.Path == "/van-ban" || r.URL.Path == "/lien-he" {
			fmt.Fprint(w, portalChrome("Cổng thông tin", `<p>Trang chủ.</p>`))
			return
		}
		http.NotFound(w, r)
	}},
	{"every notice 404, the listing a search form in the menu", func(p *smallPortal, w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/thong-bao", "/", "/tin-tuc", "/van-ban", "/lien-he":
			fmt.Fprint(w, portalChrome("Tra cứu văn bản", `<form action="/tim-kiem" method="get"><label>Số, ký hiệu</label><input name="q"><label>Trích yếu</label><input name="ty"><button>Tìm kiếm</button></form>`))
			return
		}
		http.NotFound(w, r)
	}},
	{"a login wall answering 200 at every address", func(p *smallPortal, w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, portalChrome("Đăng nhập hệ thống", `<form method="post"><p>Vui lòng đăng nhập để tiếp tục.</p><input name="user"><input name="pass" type="password"><a href="/quen-mat-khau">Quên mật khẩu?</a> <a href="/dang-ky">Đăng ký tài khoản</a></form>`))
	}},
	{"a maintenance listing with the menu, every notice 404", func(p *smallPortal, w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/thong-bao", "/", "/tin-tuc", "/van-ban", "/lien-he":
			fmt.Fprint(w, portalChrome("Bảo trì", `<div class="maintenance"><h2>Hệ thống đang nâng cấp</h2><p>Chuyên mục tạm ngừng phục vụ để nâng cấp, xin quay lại sau.</p></div>`))
			return
		}
		http.NotFound(w, r)
	}},
}

// TestBrokenRouteLosesNothing: a section of one notice, then nights
// (brokenNights) on which the notice cannot be read while the portal's
// pages answer. Neither night may cost the notice (the second decides);
// the night the portal reads again, it is live and no longer suspected.
func TestBrokenRouteLosesNothing(t *testing.T) {
	for _, tc := range brokenNights {
		t.Run(tc.name, func(t *testing.T) {
			const slug = "lich-tiep-cong-dan-thang-9"
			page := softArticle("Thông báo số 91/TB-UBND", "Lịch tiếp công dân định kỳ tháng 9 của Chủ tịch Ủy ban nhân dân thị xã ven biển.")
			p := &smallPortal{listed: []string{slug}, docs: map[string]string{slug: page}}
			srv := httptest.NewServer(p)
			defer srv.Close()
			store, c, site := smallSite(t, srv)
			id := corpus.IDForURL(srv.URL + "/thong-bao/" + slug + ".html")
			live := func() bool {
				d, err := store.Get(id)
				return err == nil && !d.Gone
			}
			crawl := func(night int) Report {
				t.Helper()
				rep, err := c.Crawl(context.Background(), site, Limits{})
				if err != nil && rep.Failed == 0 {
					t.Fatalf("night %d: %v", night, err)
				}
				return rep
			}
			if rep := crawl(1); rep.New != 1 {
				t.Fatalf("night 1: %+v, want the notice stored", rep)
			}
			p.set(func(p *smallPortal) {
				p.down = func(w http.ResponseWriter, r *http.Request) { tc.serve(p, w, r) }
			})
			for night := 2; night <= 3; night++ {
				if rep := crawl(night); !live() || rep.Gone != 0 {
					t.Errorf("night %d (notices unreadable, the portal answering): notice live %v, %+v; want it kept", night, live(), rep)
				}
			}
			p.set(func(p *smallPortal) { p.down = nil })
			if rep := crawl(4); !live() || rep.SuspectCount != 0 {
				t.Errorf("night 4 (back): notice live %v, %+v; want it live, no suspect", live(), rep)
			}
		})
	}
}

// TestTakenDownWhileSectionListsOthers: a notice taken down (404) and
// dropped from its listing, which still lists the section's other notice
// (read, unchanged): a tombstone on the second night.
func TestTakenDownWhileSectionListsOthers(t *testing.T) {
	slugs := []string{"thong-bao-tuyen-sinh-lop-10", "thong-bao-lich-nghi-le-quoc-khanh"}
	p := &smallPortal{listed: slugs, docs: map[string]string{
		slugs[0]: softArticle("Thông báo số 12/TB-SGDĐT", "Tuyển sinh vào lớp 10 trung học phổ thông năm học 2028–2029 trên địa bàn tỉnh."),
		slugs[1]: softArticle("Thông báo số 13/TB-VP", "Lịch nghỉ lễ Quốc khánh 2/9 đối với cán bộ, công chức, viên chức của tỉnh."),
	}}
	srv := httptest.NewServer(p)
	defer srv.Close()
	store, c, site := smallSite(t, srv)
	live := func(i int) bool {
		d, err := store.Get(corpus.IDForURL(srv.URL + "/thong-bao/" + slugs[i] + ".html"))
		return err == nil && !d.Gone
	}
	for night := 1; night <= 3; night++ {
		if night == 2 {
			p.set(func(p *smallPortal) { delete(p.docs, slugs[1]); p.listed = slugs[:1] })
		}
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatalf("night %d: %v", night, err)
		}
		if !live(0) {
			t.Fatalf("night %d: the listed notice lost: %+v", night, rep)
		}
		if night == 3 && (live(1) || rep.Gone != 1 || rep.SuspectCount != 0) {
			t.Errorf("night 3 (taken down, unlisted, the section listing another): live %v, %+v; want a tombstone", live(1), rep)
		}
	}
}
