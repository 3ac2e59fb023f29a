package extract

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestHeaderBlockDate: a date inside a page's <header> is the article's
// when that header is the article's — inside the <article>, or holding the
// title heading and no menu — and the site's when the header holds the
// site's menu (a portal's dateline: today's date beside the navigation).
// Pages written for the test in the shapes of a provincial portal, a
// portal wrapped whole in <main>, a fact-checking site and a district
// portal whose logo is an <h1>.
func TestHeaderBlockDate(t *testing.T) {
	const siteHeader = `<header class="site"><div class="logo"><a href="/">Cổng thông tin điện tử tỉnh Hòa Bình</a></div>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li><li><a href="/van-ban">Văn bản</a></li></ul></nav>
<div class="today-date">Thứ Bảy, 06/12/2026</div></header>`
	const prose = `<p>Sáng ngày 15/11/2026, Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai kế hoạch chuyển đổi số năm 2027, với sự tham dự của lãnh đạo các sở, ban, ngành.</p>
<p>Tại hội nghị, các đại biểu đã thảo luận về những nhiệm vụ trọng tâm, giải pháp và lộ trình thực hiện trong thời gian tới, nhất là hạ tầng số và dữ liệu.</p>`
	for _, tc := range []struct {
		name, html, want string
	}{
		{"article header outside <article>, site header with menu",
			`<html><head><title>Hội nghị triển khai kế hoạch chuyển đổi số | Cổng thông tin điện tử tỉnh Hòa Bình</title></head><body>` + siteHeader + `<div class="container"><header class="post-head"><h1>Hội nghị triển khai kế hoạch chuyển đổi số</h1>
<span class="post-date">28/11/2026 08:30</span></header><div class="post-body">` + prose + `</div></div></body></html>`,
			"2026-11-28"},
		{"site header inside <main>, labelled",
			`<html><body><main><header class="top"><nav><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a></nav><p>Cập nhật: 06/12/2026</p></header>
<div class="detail"><h1>Hội nghị triển khai kế hoạch chuyển đổi số</h1><p class="info">Ngày đăng: 28/11/2026</p>` + prose + `</div></main></body></html>`,
			"2026-11-28"},
		{"article's header in a class-header block with breadcrumbs",
			`<html><body>` + siteHeader + `<article class="post"><div class="header-wrapper card"><nav class="breadcrumbs"><a href="/">Home</a> <a href="/fact-check">Fact Checks</a></nav>
<header class="post-header"><h1>Did the council spend $2 million on a fountain?</h1><div class="dates"><span class="label">Published</span> <span class="date date-published">18 November 2026</span></div></header></div>
<div class="content"><p>On Nov. 15, 2026, a post shared widely on social media claimed that the city council had spent $2 million on a new fountain in the main square.</p>
<p>We found no record of such a payment in the council's published budget, and the council's spokesperson said the fountain cost a fraction of that amount.</p></div></article></body></html>`,
			"2026-11-18"},
		{"logo h1 in the site header is no title",
			`<html><body><header class="banner-top"><h1><a href="/">Cổng thông tin điện tử huyện Lạc Sơn</a></h1><span class="ngay">Thứ Bảy, ngày 06/12/2026</span></header>
<div class="noidung"><h2 class="title">Hội nghị triển khai kế hoạch chuyển đổi số</h2>` + prose + `</div></body></html>`,
			"2026-11-15"},
		// A site header whose name is a plain <h1> and whose menu is
		// outside it: its dateline (today) is the site's, not the
		// article's; the article's own header in <main> still dates it.
		{"site header, plain h1 site name, date class",
			`<html><head><title>Hội nghị triển khai kế hoạch chuyển đổi số - Cổng thông tin điện tử huyện Lạc Sơn</title></head><body>` +
				`<header class="site-header"><img src="/logo.png" alt="logo"><h1 class="site-name">Cổng thông tin điện tử huyện Lạc Sơn</h1><span class="date">Thứ Bảy, 06/12/2026</span></header>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li><li><a href="/van-ban">Văn bản</a></li></ul></nav>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc">Tin tức</a></div>
<div class="noidung"><h2 class="title">Hội nghị triển khai kế hoạch chuyển đổi số</h2>` + prose + `</div></body></html>`,
			"2026-11-15"},
		{"site header, plain h1 site name, <time> of today",
			`<html><head><title>Hội nghị triển khai kế hoạch chuyển đổi số</title></head><body><header id="header"><h1>Cổng thông tin điện tử huyện Lạc Sơn</h1><time datetime="2026-12-06">Thứ Bảy, 06/12/2026</time></header>
<div class="noidung"><h2 class="title">Hội nghị triển khai kế hoạch chuyển đổi số</h2>` + prose + `</div></body></html>`,
			"2026-11-15"},
		{"article header in <main> with breadcrumb and <time>",
			`<html><head><title>Hội nghị triển khai kế hoạch chuyển đổi số</title></head><body><main><header class="news-header"><div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc">Tin tức</a></div>
<h1>Hội nghị triển khai kế hoạch chuyển đổi số</h1><time datetime="2026-11-28T08:30:00+07:00">28/11/2026 08:30</time></header><div class="news-content">` + prose + `</div></main></body></html>`,
			"2026-11-28"},
	} {
		u, _ := url.Parse("https://portal.example.gov.vn/tin-tuc/hoi-nghi-chuyen-doi-so.html")
		a, err := Extract([]byte(tc.html), "text/html; charset=utf-8", u, Options{DateOrder: DayFirst})
		if err != nil {
			t.Fatal(err)
		}
		if a.Published != tc.want {
			t.Errorf("%s: published %q, want %q", tc.name, a.Published, tc.want)
		}
	}
}

// TestArticleHeader: which header blocks are the article's (shapes
// written for the test: portals' and news sites' headers).
func TestArticleHeader(t *testing.T) {
	for _, tc := range []struct {
		html string
		want bool
	}{
		{`<header><h1>Hội nghị chuyển đổi số</h1><span class="date">28/11/2026</span></header>`, true},
		{`<div class="post-header"><h1>Hội nghị chuyển đổi số</h1><p>Ngày đăng: 28/11/2026</p></div>`, true},
		{`<article><header><span class="date">28/11/2026</span></header></article>`, true}, // inside the article
		{`<article><div class="header-wrapper"><nav><a href="/">Home</a></nav><header><h1>T</h1></header></div></article>`, true},
		{`<header><nav><a href="/">Trang chủ</a></nav><h1>Hội nghị chuyển đổi số</h1></header>`, false}, // the menu
		{`<header><div role="navigation"><a href="/">Trang chủ</a></div><p>Thứ Bảy, 06/12/2026</p></header>`, false},
		{`<header><h1><a href="/">Cổng thông tin điện tử huyện Lạc Sơn</a></h1><p>06/12/2026</p></header>`, false}, // a logo
		{`<div class="header"><h1 class="site-name">Cổng thông tin điện tử tỉnh Hòa Bình</h1><ul><li><a href="/">Trang chủ</a></li>` +
			`<li><a href="/tin-tuc">Tin tức</a></li><li><a href="/van-ban">Văn bản</a></li></ul></div>`, false}, // a list of links is a menu
		{`<div id="header"><h1>Cổng thông tin điện tử tỉnh Hòa Bình</h1><div class="main-menu"><a href="/">Trang chủ</a></div></div>`, false},
		{`<header><h1>Hội nghị chuyển đổi số</h1><ul><li>Thời gian: 8 giờ</li><li>Địa điểm: Hội trường tỉnh</li><li>Chủ trì: Chủ tịch UBND tỉnh</li></ul></header>`, true},
		{`<header><p>Thứ Bảy, 06/12/2026</p></header>`, false},                                                         // no title
		{`<header><h1>Cổng thông tin điện tử huyện Lạc Sơn</h1><span class="date">06/12/2026</span></header>`, false},  // the site's name, not the title
		{`<header><h1>Hội nghị chuyển đổi số năm 2027: những việc cần làm</h1><time>28/11/2026</time></header>`, true}, // the title and its subtitle
		{`<main><header><p class="today">Thứ Bảy, 06/12/2026</p><nav><a href="/">Trang chủ</a></nav></header></main>`, false},
		{`<div class="content"><h1>Hội nghị</h1></div>`, false}, // no header at all
	} {
		doc, err := html.Parse(strings.NewReader(`<html><body>` + tc.html + `</body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		var hdr *html.Node
		var find func(*html.Node)
		find = func(n *html.Node) {
			for c := n.FirstChild; c != nil && hdr == nil; c = c.NextSibling {
				if c.Type == html.ElementNode && (c.DataAtom == atom.Header || c.DataAtom == atom.Div) {
					hdr = c
					return
				}
				find(c)
			}
		}
		find(doc)
		if hdr == nil {
			t.Fatalf("%s: no block", tc.html)
		}
		if got := articleHeader(hdr, "Hội nghị chuyển đổi số"); got != tc.want {
			t.Errorf("articleHeader(%s) = %v, want %v", tc.html, got, tc.want)
		}
	}
}

// TestLabelRest: a date label reads its own line, or the next when it ends
// its own, never the paragraph after.
func TestLabelRest(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{" 28/11/2026 08:30\nSáng ngày 15/11/2026, Ủy ban nhân dân tỉnh", "28/11/2026 08:30"},
		{"\n 28/11/2026\nSáng ngày 15/11/2026", "28/11/2026"},
		{"  18 November 2026  | 5 min read", "18 November 2026 | 5 min read"},
		{strings.Repeat("x", 80), strings.Repeat("x", maxLabelRest)},
		{"", ""},
	} {
		if got := labelRest(tc.in); got != tc.want {
			t.Errorf("labelRest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
