package extract

import (
	"net/url"
	"testing"
)

// TestSectionSuffix: a newspaper's article page (written for the test)
// whose <title> ends with its section and its name, and whose headline is
// no heading the title rules read. The section is the text of the menu's
// link to the folder holding the page; a link elsewhere (a tag page,
// another site) names no section.
func TestSectionSuffix(t *testing.T) {
	page := func(title, menu string) string {
		return `<html><head><title>` + title + `</title>
<meta property="og:site_name" content="Báo Bình Minh">
<link rel="canonical" href="https://baobinhminh.example.vn/tin-dia-phuong/2024/05/cau-moi-noi-doi-bo-song-be.html"></head><body>
<div class="menu"><a href="https://baobinhminh.example.vn/">Trang chủ</a> ` + menu + ` <a href="/the-thao/">Thể thao</a></div>
<div class="article"><p class="sapo"><strong>Cầu mới nối đôi bờ sông Bé</strong></p>
<p>Sáng 12/5, cây cầu bê tông dài 180 m bắc qua sông Bé chính thức thông xe, thay cho chuyến đò ngang đã chở người dân hai xã suốt ba mươi năm qua.</p>
<p>Công trình có tổng vốn 65 tỷ đồng, khởi công từ tháng 3 năm 2023; người dân hai bên bờ nay đi lại, chở nông sản ra chợ huyện chỉ mất mười phút.</p>
</div></body></html>`
	}
	for _, c := range []struct {
		name, title, menu, url, want string
	}{
		{"the section's menu link, a saved page", "Cầu mới nối đôi bờ sông Bé - Tin địa phương - Báo Bình Minh",
			`<a href="/tin-dia-phuong/">Tin địa phương</a>`, "", "Cầu mới nối đôi bờ sông Bé"},
		{"the section's breadcrumb link, a fetched page", "Cầu mới nối đôi bờ sông Bé | Tin địa phương",
			`<a href="https://baobinhminh.example.vn/tin-dia-phuong">Tin địa phương</a>`,
			"https://baobinhminh.example.vn/tin-dia-phuong/2024/05/cau-moi-noi-doi-bo-song-be.html", "Cầu mới nối đôi bờ sông Bé"},
		{"a tag page's link is no section", "Cầu mới nối đôi bờ sông Bé - Giao thông",
			`<a href="/chu-de/giao-thong/">Giao thông</a>`, "", "Cầu mới nối đôi bờ sông Bé - Giao thông"},
		{"another site's folder is no section", "Cầu mới nối đôi bờ sông Bé - Tin địa phương",
			`<a href="https://tinkhac.example.vn/tin-dia-phuong/">Tin địa phương</a>`, "", "Cầu mới nối đôi bờ sông Bé - Tin địa phương"},
	} {
		var u *url.URL
		if c.url != "" {
			u, _ = url.Parse(c.url)
		}
		a, err := Extract([]byte(page(c.title, c.menu)), "text/html; charset=utf-8", u, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != c.want {
			t.Errorf("%s: title %q, want %q", c.name, a.Title, c.want)
		}
	}
}

func TestSectionOf(t *testing.T) {
	page, _ := url.Parse("https://www.portal.example.vn/tin-tuc/kinh-te/2025/09/1048-hoi-cho.html")
	for _, c := range []struct {
		href string
		want bool
	}{
		{"/tin-tuc/", true},
		{"/tin-tuc", true},
		{"https://portal.example.vn/tin-tuc/kinh-te/", true},
		{"/", false}, // the home page: a site name already
		{"/tin-tuc/kinh-te/2025/09/1048-hoi-cho.html", false}, // the page itself
		{"/tin-tuc-khac/", false},
		{"/tin-tuc/?page=2", false},
		{"https://other.example.vn/tin-tuc/", false},
	} {
		u, _ := page.Parse(c.href)
		if got := sectionOf(u, page); got != c.want {
			t.Errorf("sectionOf(%q) = %v, want %v", c.href, got, c.want)
		}
	}
}
