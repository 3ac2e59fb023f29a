package extract

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestWrappedLead: a news page (written for the test, a provincial
// newspaper's template) sets its lead paragraph apart — a <p> alone in a
// wrapper styled for the sourced first paragraph — beside the body's
// paragraphs and the "read all" block that wins. The lead is the article's
// first paragraph; a wrapper holding one short promotional paragraph, or
// a link, stays out.
func TestWrappedLead(t *testing.T) {
	body := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(`<div class="body-para">Theo Sở Giao thông vận tải, trong tháng 11 đã có 1.250 lượt phương tiện lưu thông qua cầu tạm, ` +
				`lưu lượng tăng gấp đôi so với dự báo, nên tỉnh sẽ bổ sung phương án phân luồng vào giờ cao điểm sáng và chiều; ` +
				`các huyện Bù Đốp, Lộc Ninh, Bù Gia Mập được yêu cầu rà soát, cắm biển báo, bố trí lực lượng hướng dẫn giao thông, ` +
				`đồng thời báo cáo kết quả về Sở trước ngày 30 hằng tháng để tổng hợp, đề xuất Ủy ban nhân dân tỉnh.</div>`)
		}
		return b.String()
	}
	page := `<html><head><title>Tỉnh khánh thành cầu Bến Đá sau hai năm thi công</title></head><body>
<div class="header"><a href="/">Báo Bình Phước</a></div>
<div class="article-body"><div class="container">
<div class="leadmedia leadmedia--sourced-para"><p class="lead-para"><cite>Bình Phước (BP)</cite> Sáng 18/11, UBND tỉnh tổ chức lễ khánh thành cầu Bến Đá, công trình nối hai huyện phía Bắc, <a href="/tin/cau-ben-da-khoi-cong.html">khởi công</a> từ tháng 9/2022.</p></div>
<div class="promo-wrap"><p>Đăng ký nhận bản tin hằng ngày!</p></div>
<div class="body-para">Cầu dài 320 m, rộng 12 m, tổng mức đầu tư 410 tỷ đồng từ ngân sách tỉnh.</div>
<div class="read-all">` + body(16) + `</div>
</div></div>
<div class="footer">Báo Bình Phước điện tử</div></body></html>`
	u, _ := url.Parse("https://baobinhphuoc.example.vn/tin/khanh-thanh-cau-ben-da.html")
	a, err := Extract([]byte(page), "text/html; charset=utf-8", u, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Body, "Bình Phước (BP) Sáng 18/11") {
		t.Errorf("body starts %q, want the lead paragraph", firstLine(a.Body))
	}
	if strings.Contains(a.Body, "Đăng ký nhận bản tin") {
		t.Errorf("body keeps the promotion:\n%s", a.Body)
	}
}

func TestLoneParagraph(t *testing.T) {
	for _, c := range []struct {
		html string
		lone bool
	}{
		{`<p>Sáng 18/11, UBND tỉnh khánh thành cầu Bến Đá.</p>`, true},
		{`<div class="lead-media"><p>Sáng 18/11, UBND tỉnh khánh thành cầu Bến Đá.</p></div>`, true},
		{`<div> <!-- lead --> <div class="inner"><p>Sáng 18/11, UBND tỉnh khánh thành cầu.</p></div> </div>`, true},
		{`<div><p>Đoạn một.</p><p>Đoạn hai.</p></div>`, false},
		{`<div>Lời dẫn: <p>Đoạn một.</p></div>`, false},
		{`<div><img src="/a.jpg"><p>Chú thích ảnh.</p></div>`, false},
		{`<div><div><div><div><p>Quá sâu.</p></div></div></div></div>`, false},
		{`<div><span>Không phải đoạn văn.</span></div>`, false},
	} {
		doc, err := html.Parse(strings.NewReader(`<html><body>` + c.html + `</body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		n := findAtom(doc, atom.Body).FirstChild
		got := loneParagraph(n)
		if lone := got.DataAtom == atom.P; lone != c.lone {
			t.Errorf("loneParagraph(%s) = <%s>, want a paragraph %v", c.html, got.Data, c.lone)
		}
	}
}
