package extract

import (
	"net/url"
	"strings"
	"testing"
)

// TestLinkedCitationsStay: a posted document's own lines that link the
// documents they cite — "Căn cứ <Luật …>;" with the law's name a link, the
// items of "Bãi bỏ các văn bản sau:" each a link ended by ";" or "." — are
// its text (its citations and relations are read from them), not entries
// of a list of other pages (written for this test: a fictional province's
// decision posted as HTML with its citations linked; the all-link list
// items of a Lược đồ box stay out, TestRelationPageStatesNothing).
func TestLinkedCitationsStay(t *testing.T) {
	long := "Quyết định số 12/2015/QĐ-UBND ngày 05 tháng 3 năm 2015 của Ủy ban nhân dân tỉnh Phú An ban hành Quy định về quản lý, vận hành, khai thác và bảo vệ công trình thủy lợi, công trình cấp nước sạch nông thôn tập trung, hệ thống kênh mương nội đồng, trạm bơm điện và các công trình phụ trợ khác trên địa bàn các huyện, thị xã, thành phố thuộc tỉnh Phú An"
	tests := []struct {
		name, article string
		want          []string
	}{
		{"preamble lines linking the laws they cite", `<p>Căn cứ <a href="/van-ban/luat-77">Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015</a>;</p>
<p>Căn cứ <a href="/van-ban/luat-80">Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015</a>;</p>
<p>Xét <a href="/van-ban/tt-45">Tờ trình số 45/TTr-STP ngày 10 tháng 3 năm 2024 của Sở Tư pháp</a>.</p>`,
			[]string{"Căn cứ Luật Tổ chức chính quyền địa phương", "Căn cứ Luật Ban hành văn bản", "Xét Tờ trình số 45/TTr-STP"}},
		{"an article's list of documents it repeals, each a link", `<p>Điều 1. Bãi bỏ toàn bộ các văn bản sau:</p>
<ol><li><a href="/van-ban/12-2015">` + long + `</a>;</li><li><a href="/van-ban/18-2016">Quyết định số 18/2016/QĐ-UBND ngày 01 tháng 4 năm 2016 của Ủy ban nhân dân tỉnh Phú An</a>.</li></ol>`,
			[]string{"12/2015/QĐ-UBND", "18/2016/QĐ-UBND"}},
	}
	for _, tt := range tests {
		page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Quyết định 99/QĐ-UBND</title></head><body>` + portalChrome +
			`<div class="main"><div class="content-detail"><h1>Quyết định số 99/QĐ-UBND về việc bãi bỏ văn bản quy phạm pháp luật</h1>
<p>ỦY BAN NHÂN DÂN TỈNH PHÚ AN</p>` + tt.article + `
<p>Theo đề nghị của Giám đốc Sở Tư pháp, Ủy ban nhân dân tỉnh quyết định bãi bỏ các văn bản quy phạm pháp luật không còn phù hợp với quy định hiện hành.</p>
<p>Điều 2. Quyết định này có hiệu lực kể từ ngày 01 tháng 4 năm 2024. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tư pháp và thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.</p></div></div></body></html>`
		u, _ := url.Parse("https://phuan.gov.vn/van-ban/99-qd-ubnd.html")
		a, err := Extract([]byte(page), "", u, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(a.Body, w) {
				t.Errorf("%s: body lost %q:\n%s", tt.name, w, a.Body)
			}
		}
		if !strings.Contains(a.Body, "chịu trách nhiệm thi hành") {
			t.Errorf("%s: body lost the article's text:\n%s", tt.name, a.Body)
		}
	}
}
