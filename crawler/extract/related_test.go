package extract

import (
	"net/url"
	"strings"
	"testing"
)

// relatedArticle is a plan posted on a fictional portal (written for this
// test): its text cites Nghị quyết 57-NQ/TW; the lists beside it name
// other documents, which the page itself does not state.
const relatedArticle = `<h1>Kế hoạch triển khai chuyển đổi số năm 2025</h1>
<p>Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai chuyển đổi số năm 2025 trên địa bàn tỉnh.</p>
<p>Các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố căn cứ chức năng, nhiệm vụ được giao, chủ động triển khai thực hiện các nhiệm vụ của kế hoạch.</p>
<p>Sở Thông tin và Truyền thông chủ trì, theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2025.</p>`

// The other documents' titles the lists name.
var relatedTitles = []string{"99/QĐ-UBND", "318/QĐ-UBND", "12/2023/NQ-HĐND", "45/KH-UBND", "Hội nghị sơ kết"}

// TestRelatedListsAreNotThePage: a "Tin liên quan" / "Văn bản liên quan" /
// "Bài viết liên quan" / "Tin khác" list — by class, by heading alone,
// inside the article or beside it, as links, a table or teasers — gives
// neither the page's body (whose citations are read from it), nor its
// title, nor its attachments.
func TestRelatedListsAreNotThePage(t *testing.T) {
	tests := []struct{ name, inside, beside string }{
		{"class tin-lien-quan beside the article", "",
			`<div class="tin-lien-quan"><h3>Tin liên quan</h3><ul>
<li><a href="/tin/1.html">Quyết định số 99/QĐ-UBND bãi bỏ Quyết định số 318/QĐ-UBND về quy chế quản lý</a> (12/11/2024)</li>
<li><a href="/tin/2.html">Hội nghị sơ kết thực hiện Nghị quyết số 12/2023/NQ-HĐND</a> (05/10/2024)</li></ul></div>`},
		{"heading 'Văn bản liên quan' without a class name", "",
			`<div class="box"><h3>Văn bản liên quan</h3><ul>
<li><a href="/van-ban/99.html">Quyết định số 99/QĐ-UBND bãi bỏ Quyết định số 318/QĐ-UBND về quy chế quản lý</a></li>
<li><a href="/van-ban/45.html">Kế hoạch số 45/KH-UBND thực hiện Nghị quyết số 12/2023/NQ-HĐND</a></li>
<li><a href="/tin/3.html">Hội nghị sơ kết công tác chuyển đổi số</a></li></ul></div>`},
		{"'Bài viết liên quan' inside the article", `<p><strong>Bài viết liên quan:</strong></p><ul>
<li><a href="/tin/1.html">Quyết định số 99/QĐ-UBND bãi bỏ Quyết định số 318/QĐ-UBND về quy chế quản lý</a></li>
<li><a href="/tin/2.html">Hội nghị sơ kết thực hiện Nghị quyết số 12/2023/NQ-HĐND và Kế hoạch số 45/KH-UBND</a></li></ul>`, ""},
		{"a table of related documents", "",
			`<table class="table"><tr><th colspan="2">Văn bản liên quan</th></tr>
<tr><td><a href="/van-ban/99.html">Quyết định số 99/QĐ-UBND bãi bỏ Quyết định số 318/QĐ-UBND</a></td><td>12/11/2024</td></tr>
<tr><td><a href="/van-ban/45.html">Kế hoạch số 45/KH-UBND thực hiện Nghị quyết số 12/2023/NQ-HĐND</a></td><td>05/10/2024</td></tr>
<tr><td><a href="/tin/3.html">Hội nghị sơ kết công tác chuyển đổi số</a></td><td>01/10/2024</td></tr></table>`},
		{"teasers under 'Tin khác'", "",
			`<div><h3>Tin khác</h3>
<div><a href="/tin/1.html">Quyết định số 99/QĐ-UBND bãi bỏ Quyết định số 318/QĐ-UBND</a><p>Ủy ban nhân dân tỉnh vừa ban hành quyết định bãi bỏ quy chế quản lý cũ, thay bằng quy chế mới áp dụng từ năm sau…</p></div>
<div><a href="/tin/2.html">Hội nghị sơ kết thực hiện Nghị quyết số 12/2023/NQ-HĐND</a><p>Sáng nay, Hội đồng nhân dân tỉnh tổ chức hội nghị sơ kết một năm thực hiện nghị quyết về nông nghiệp công nghệ cao…</p></div>
<div><a href="/van-ban/45.html">Kế hoạch số 45/KH-UBND về chuyển đổi số</a><p>Kế hoạch đặt mục tiêu đến năm 2030 toàn bộ hồ sơ công việc được xử lý trên môi trường mạng, trừ hồ sơ mật…</p></div></div>`},
	}
	for _, tt := range tests {
		u, _ := url.Parse("https://phuan.gov.vn/van-ban/ke-hoach-cds.html")
		a, err := Extract([]byte(chromePage(relatedArticle+tt.inside, tt.beside)), "", u, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != "Kế hoạch triển khai chuyển đổi số năm 2025" {
			t.Errorf("%s: title %q", tt.name, a.Title)
		}
		if !strings.Contains(a.Body, "57-NQ/TW") || !strings.Contains(a.Body, "trước ngày 15/12/2025") {
			t.Errorf("%s: the plan's own text lost:\n%s", tt.name, a.Body)
		}
		for _, s := range relatedTitles {
			if strings.Contains(a.Body, s) {
				t.Errorf("%s: body holds the related list's %q:\n%s", tt.name, s, a.Body)
			}
		}
		for _, s := range []string{"Tin liên quan", "Văn bản liên quan", "Bài viết liên quan", "Tin khác"} {
			if strings.Contains(a.Body, s) {
				t.Errorf("%s: body holds the list's heading %q", tt.name, s)
			}
		}
	}
}

// TestRelationPageStatesNothing: a page that is only boxes of links to
// other documents (a "Lược đồ" page, written for this test in vbpl.vn's
// shape) has no text of its own; a title longer than a teaser's (over 300
// characters, as long trích yếu are) in a list whose titles hold ten
// commas or more (so the list is not dropped whole) is still a list
// entry, not the page's body, whose citations would be read as the
// page's (vbpl.vn's Lược đồ of Hiến pháp 2013 had Nghị quyết
// 144/2016/QH13's title for its body).
func TestRelationPageStatesNothing(t *testing.T) {
	long := "Nghị quyết 88/2024/QH15 Về lùi hiệu lực thi hành của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15, Luật Kinh doanh bất động sản số 29/2023/QH15 và Luật Các tổ chức tín dụng số 32/2024/QH15, bổ sung dự án Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15 vào chương trình xây dựng luật, pháp lệnh năm 2025 của Quốc hội khóa XV, điều chỉnh chương trình xây dựng luật, pháp lệnh năm 2024 và thời hạn trình các dự án luật có liên quan"
	item := func(id, title string) string {
		return `<li><a class="jTips" href="/TW/Pages/vbpq-luocdo.aspx?ItemID=` + id + `" title="` + title + `">` + title + `</a>
<p><span><a href="/TW/Pages/vbpq-thuoctinh.aspx?ItemID=` + id + `">[Thuộc tính]</a></span> <span><a href="/TW/Pages/vbpq-toanvan.aspx?ItemID=` + id + `">[Toàn văn]</a></span></p></li>`
	}
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Luật 31/2024/QH15</title></head><body>
<div class="box-map"><a href="/">Trang chủ</a> » <a href="/tw">Văn bản pháp luật</a> » Luật 31/2024/QH15</div>
<div class="luocdo"><div class="title">Văn bản sửa đổi <span>(2)</span></div><ul>` +
		item("501", long) + item("502", "Luật 43/2024/QH15 Sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở, Luật Kinh doanh bất động sản") +
		`</ul></div><div class="luocdo"><div class="title">Văn bản hướng dẫn <span>(1)</span></div><ul>` +
		item("503", "Nghị định 102/2024/NĐ-CP Quy định chi tiết thi hành một số điều của Luật Đất đai") + `</ul></div></body></html>`
	a, err := Extract([]byte(page), "", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"88/2024/QH15", "43/2024/QH15", "102/2024/NĐ-CP"} {
		if strings.Contains(a.Body, s) {
			t.Errorf("body holds the listed document %q:\n%s", s, a.Body)
		}
	}
}
