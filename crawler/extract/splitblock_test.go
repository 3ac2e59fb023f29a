package extract

import (
	"net/url"
	"strings"
	"testing"
)

// TestFigureSplitBlocks: a long-form article (written for the test in the
// shape of a magazine's template) is cut by figures into blocks of one
// class; the first block nests its paragraphs, beside a sidebar, deeper
// than the scoring credits, so it has no score of its own. It joins the
// winning block as its same-class siblings do: the lead is kept, in
// order. A block of that class as deep, holding only a one-line
// promotion, stays out: its best candidate is weak beside the winner's.
func TestFigureSplitBlocks(t *testing.T) {
	paras := func(prefix string, n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(`<p>` + prefix + ` Các nhà nghiên cứu ở Viện Hàn lâm Khoa học và Công nghệ đã theo dõi những cánh rừng ngập mặn ven biển suốt mười năm, ` +
				`đo lượng các-bon mà rễ cây giữ lại trong bùn, so sánh với các khu rừng trồng mới, và nhận thấy rằng rừng tự nhiên giữ lại nhiều gấp ba lần.</p>`)
		}
		return b.String()
	}
	block := func(inner string) string {
		return `<div class="story-block scale1 mt2"><section class="outer"><div class="inner"><div class="story__section"><div class="story__content">` +
			inner + `</div></div></div></section></div>`
	}
	deep := func(inner string) string { // as deep as the first block, no sidebar
		return `<div class="story-block scale1 mt2"><div class="wrap"><div class="container"><div class="story__flex"><section class="outer"><div class="inner">` +
			`<div class="story__section"><div class="story__content">` + inner + `</div></div></div></section></div></div></div></div>`
	}
	figure := func(caption string) string {
		return `<figure><img src="/anh.jpg" alt=""><figcaption><p>` + caption + `</p></figcaption></figure>`
	}
	page := `<html><head><title>Rừng ngập mặn giữ các-bon nhiều gấp ba rừng trồng</title></head><body>
<div class="site-nav"><a href="/">Tạp chí Khoa học</a> <a href="/moi-truong">Môi trường</a></div>
<div id="story"><div class="story-title"><h1>Rừng ngập mặn giữ các-bon nhiều gấp ba rừng trồng</h1></div>` +
		figure("Rừng ngập mặn ở Cà Mau lúc triều xuống.") +
		`<div class="story-block scale1 mt2"><div class="wrap"><div class="container"><div class="story__flex">
<aside class="story__sidebar"><p>Nguyễn Lan, phóng viên</p><p>18/11/2026</p></aside>
<section class="outer"><div class="inner"><div class="story__section"><div class="story__content">` +
		`<p>Mở đầu: khi nhóm của bà Trần Thu đào những ống mẫu bùn đầu tiên ở Cà Mau, họ không ngờ lớp bùn đen dưới rễ đước lại giữ nhiều các-bon đến vậy.</p>` +
		paras("Phần một.", 2) + `</div></div></div></section></div></div></div></div>` +
		figure("Mẫu bùn được cắt thành từng lớp.") +
		block(paras("Phần hai.", 10)) +
		figure("Rễ đước giữ bùn lại khi triều rút.") +
		block(paras("Phần ba.", 4)) +
		deep(`<p>Đăng ký nhận bản tin khoa học hằng tuần!</p>`) +
		`</div><div class="site-footer">Tạp chí Khoa học điện tử</div></body></html>`
	u, _ := url.Parse("https://tapchi.example.vn/moi-truong/rung-ngap-man.html")
	a, err := Extract([]byte(page), "text/html; charset=utf-8", u, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Body, "Mở đầu: khi nhóm") {
		t.Errorf("body starts %q, want the first block's lead", firstLine(a.Body))
	}
	one, two, three := strings.Index(a.Body, "Phần một."), strings.Index(a.Body, "Phần hai."), strings.Index(a.Body, "Phần ba.")
	if one < 0 || two < one || three < two {
		t.Errorf("blocks missing or out of order (%d, %d, %d):\n%s", one, two, three, a.Body)
	}
	if strings.Contains(a.Body, "Đăng ký nhận bản tin") {
		t.Errorf("body keeps the promotion block")
	}
}
