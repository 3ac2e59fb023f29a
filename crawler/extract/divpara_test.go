package extract

import (
	"net/url"
	"strings"
	"testing"
)

// TestDivParagraphs: a post written in <div><span> with photos between
// its paragraphs, no <p> (as blog editors save it; a page written for the
// test, a commune's news post in a blog template's nested wrappers), is the
// body, not an image gallery to drop: a div holding only text counts as a
// paragraph, as Readability makes it one.
func TestDivParagraphs(t *testing.T) {
	img := func(n string) string {
		return `<div class="separator"><a href="/anh/` + n + `.jpg"><img src="/anh/` + n + `s.jpg" width="320" height="240"></a></div>`
	}
	para := func(s string) string { return `<div><span style="font-size: small;">` + s + `</span></div>` }
	page := `<html><head><title>Xã Tân Lập ra quân làm đường giao thông nông thôn</title></head><body>
<div id="main-wrapper"><div class="main section"><div class="blog-posts hfeed"><div class="blog-post hentry"><h1 class="post-title">Xã Tân Lập ra quân làm đường giao thông nông thôn</h1>
<div class="post-meta"><span class="post-date">12/03/2024</span></div>
<div class="post-body post-content">` +
		para("Sáng 12/3, xã Tân Lập tổ chức lễ ra quân làm đường giao thông nông thôn năm 2024 với sự tham gia của hơn 300 người dân.") +
		img("1") + img("2") +
		para("Năm nay xã phấn đấu cứng hóa thêm 4 km đường thôn, xóm; nhân dân hiến hơn 2.000 mét vuông đất.") +
		img("3") + img("4") +
		para("Xem thêm ảnh:") + img("5") +
		`</div><div class="post-footer"><a href="/tag/giao-thong">Giao thông</a></div>
<div class="blog-post-comments"><p>Chưa có bình luận nào cho bài viết này, mời bạn đọc gửi ý kiến.</p></div></div></div></div></div></body></html>`
	u, _ := url.Parse("https://tanlap.example.vn/2024/03/ra-quan-lam-duong.html")
	a, err := Extract([]byte(page), "text/html; charset=utf-8", u, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"xã Tân Lập tổ chức lễ ra quân", "cứng hóa thêm 4 km đường thôn"} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, a.Body)
		}
	}
}
