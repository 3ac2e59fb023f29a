package crawler

import (
	"net/url"
	"testing"

	"github.com/vanban/vanban/crawler/extract"
)

// TestSameAddress: a page answered as itself — the address asked, over
// https, with or without its trailing slash — or elsewhere (a login page,
// the home page, another query). Addresses written for the test.
func TestSameAddress(t *testing.T) {
	for _, tc := range []struct {
		asked, got string
		want       bool
	}{
		{"https://soxd.example.gov.vn/thong-bao", "https://soxd.example.gov.vn/thong-bao", true},
		{"http://soxd.example.gov.vn/thong-bao", "https://soxd.example.gov.vn/thong-bao", true},
		{"https://soxd.example.gov.vn/thong-bao", "https://soxd.example.gov.vn/thong-bao/", true},
		{"https://SOXD.example.gov.vn/Default.aspx?tabid=56", "https://soxd.example.gov.vn/Default.aspx?tabid=56", true},
		{"https://soxd.example.gov.vn/thong-bao", "https://soxd.example.gov.vn/dang-nhap?returnUrl=/thong-bao", false},
		{"https://soxd.example.gov.vn/thong-bao", "https://soxd.example.gov.vn/", false},
		{"https://soxd.example.gov.vn/Default.aspx?tabid=56", "https://soxd.example.gov.vn/Default.aspx?tabid=1", false},
		{"https://soxd.example.gov.vn/thong-bao", "https://sso.example.gov.vn/thong-bao", false},
		{"://bad", "https://soxd.example.gov.vn/", false},
	} {
		got, _ := url.Parse(tc.got)
		if r := sameAddress(tc.asked, got); r != tc.want {
			t.Errorf("sameAddress(%s, %s) = %v, want %v", tc.asked, tc.got, r, tc.want)
		}
	}
}

// TestListingEvidence: which pages that are not articles tell that the
// site answered a run (answered.go): a listing or a home page linking
// pages of the site, read at the address asked, unlike the site's answer
// for a page it lacks. Pages written for the test in the shapes of a
// district portal (ASP.NET tabs) and a department's WordPress site.
func TestListingEvidence(t *testing.T) {
	const host = "https://huyen.example.gov.vn"
	menu := `<nav><a href="/Default.aspx?tabid=1">Trang chủ</a> <a href="/Default.aspx?tabid=56">Văn bản</a> <a href="/Default.aspx?tabid=80">Lịch công tác</a></nav>`
	maintenance := `<html><body>` + menu + `<div id="main"><h2>Website đang nâng cấp</h2><p>Chúng tôi đang nâng cấp hệ thống, quý khách vui lòng truy cập lại sau ít phút.</p></div></body></html>`
	for _, tc := range []struct {
		name, asked, at, page, probe string
		want, lists                  bool // answered; lists a document
	}{
		{"a listing with its menu", "/Default.aspx?tabid=56", "", `<html><body>` + menu + `<table><tr><td><a href="/Default.aspx?tabid=56&ItemID=12">Quyết định 12/QĐ-UBND</a></td></tr></table></body></html>`, "", true, true},
		{"a listing emptied, its menu left", "/Default.aspx?tabid=56", "", `<html><body>` + menu + `<p>Không có dữ liệu.</p></body></html>`, "", true, false},
		{"a WordPress category over https", "http://huyen.example.gov.vn/category/thong-bao/", host + "/category/thong-bao", `<html><body><a href="/category/thong-bao/page/2/">Trang sau</a></body></html>`, "", true, false},
		{"a search form in the menu", "/Default.aspx?tabid=56", "", `<html><body>` + menu + `<form action="/Default.aspx?tabid=90"><input name="q"><button>Tìm kiếm</button></form></body></html>`, "", true, false},
		{"a login form answered at the address asked", "/Default.aspx?tabid=56", "", `<html><body>` + menu + `<form method="post"><input name="user"><a href="/Default.aspx?tabid=91">Quên mật khẩu</a></form></body></html>`, "", true, false},
		{"a listing of attachments and documents", "/Default.aspx?tabid=56", "", `<html><body>` + menu + `<ul><li><a href="/Default.aspx?tabid=56&amp;ItemID=7">Kế hoạch 7/KH-UBND</a></li></ul></body></html>`, "", true, true},
		{"a listing of documents also served for a page it lacks", "/Default.aspx?tabid=56", "", `<html><body>` + menu + `<a href="/Default.aspx?tabid=56&amp;ItemID=7">Kế hoạch 7/KH-UBND</a></body></html>`, `<html><body>` + menu + `<a href="/Default.aspx?tabid=56&amp;ItemID=7">Kế hoạch 7/KH-UBND</a></body></html>`, false, false},
		{"a blank page", "/Default.aspx?tabid=56", "", `<html><body></body></html>`, "", false, false},
		{"a note without links", "/Default.aspx?tabid=56", "", `<html><body><p>Chuyên mục đang được cập nhật.</p></body></html>`, "", false, false},
		{"links to other sites only", "/Default.aspx?tabid=56", "", `<html><body><a href="https://chinhphu.vn/">Chính phủ</a> <a href="https://dichvucong.gov.vn/">Dịch vụ công</a></body></html>`, "", false, false},
		{"a link to itself only", "/Default.aspx?tabid=56", "", `<html><body><a href="/Default.aspx?tabid=56">Văn bản</a></body></html>`, "", false, false},
		{"a login page it was redirected to", "/Default.aspx?tabid=56", host + "/Login.aspx?ReturnUrl=%2fDefault.aspx", `<html><body>` + menu + `<form><input name="user"></form></body></html>`, "", false, false},
		{"a maintenance page served for a page it lacks too", "/Default.aspx?tabid=56", "", maintenance, maintenance, false, false},
		{"a listing beside a different missing page", "/Default.aspx?tabid=56", "", maintenance, `<html><body>` + menu + `<p>Không tìm thấy trang.</p></body></html>`, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := openStore(t)
			site := &Site{Name: "huyen", Start: []string{host + "/"}, Allow: []string{"^https?://huyen\\.example\\.gov\\.vn/"}, Article: []string{`ItemID=`}}
			if err := site.compile(); err != nil {
				t.Fatal(err)
			}
			l, err := loadLearner(store, site)
			if err != nil {
				t.Fatal(err)
			}
			r := &run{site: site, learn: l}
			asked := tc.asked
			if asked[0] == '/' {
				asked = host + asked
			}
			at, _ := url.Parse(asked)
			if tc.at != "" {
				at, _ = url.Parse(tc.at)
			}
			page, err := extract.Parse([]byte(tc.page), "text/html; charset=utf-8", at)
			if err != nil {
				t.Fatal(err)
			}
			r.noteListing(page, at, asked, pageLinks(page))
			if tc.probe != "" {
				pu, _ := url.Parse(host + "/Default.aspx?tabid=56&ItemID=99999900")
				pp, err := extract.Parse([]byte(tc.probe), "text/html; charset=utf-8", pu)
				if err != nil {
					t.Fatal(err)
				}
				r.probes = map[string]*probeAnswer{"k": {ok: true, fp: fingerprint(pp, pu, l.options(linkRef{}))}}
			}
			if got, lists := r.listingAnswered(); got != tc.want || lists != tc.lists {
				t.Errorf("listingAnswered = %v, lists %v; want %v, %v", got, lists, tc.want, tc.lists)
			}
		})
	}
}
