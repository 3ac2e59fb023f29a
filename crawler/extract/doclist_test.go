package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestDocumentList: tables written for the test — a database's list of
// other documents of one type, and tables that are not such a list (a
// plan's task table numbered 1, 2, 3; a property table).
func TestDocumentList(t *testing.T) {
	row := func(cells ...string) string { return "<tr><td>" + strings.Join(cells, "</td><td>") + "</td></tr>" }
	for _, c := range []struct {
		name, table string
		want        bool
	}{
		{"other decisions of the database", "<tr><th>Số hiệu</th><th>Trích yếu</th></tr>" +
			row("15/2024/QĐ-UBND", "Quy định giá dịch vụ xe ra, vào bến xe khách", "Tải về") +
			row("14/2024/QĐ-UBND", "Ban hành bảng giá đất điều chỉnh", "Tải về") +
			row("13/2024/QĐ-UBND", "Quy định tiêu chí xét tuyển viên chức", "Tải về"), true},
		{"a list without a header row", row("07/2023/TT-BTC", "Hướng dẫn chế độ kế toán") +
			row("06/2023/TT-BTC", "Sửa đổi mức thu phí") + row("05/2023/TT-BTC", "Quy định mẫu biểu"), true},
		{"a task table numbered by row", row("1", "Rà soát thủ tục hành chính", "Sở Tư pháp") +
			row("2", "Tập huấn cán bộ", "Sở Nội vụ") + row("3", "Báo cáo kết quả", "Văn phòng UBND"), false},
		{"a property table", row("Số ký hiệu", "15/2024/QĐ-UBND") + row("Ngày ban hành", "05/03/2024") +
			row("Loại văn bản", "Quyết định"), false},
		{"two numbered rows of five", row("15/2024/QĐ-UBND", "a") + row("14/2024/QĐ-UBND", "b") +
			row("Ghi chú", "c") + row("Nguồn", "d") + row("Lĩnh vực", "e"), false},
	} {
		doc, err := html.Parse(strings.NewReader("<table>" + c.table + "</table>"))
		if err != nil {
			t.Fatal(err)
		}
		if got := documentList(doc) != nil; got != c.want {
			t.Errorf("%s: documentList = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestNumberOverName: a page titled by its number whose heading prints
// the number over the name (written for the test): the name is the title.
func TestNumberOverName(t *testing.T) {
	a := &Article{Title: "15/2024/QĐ-UBND", Body: "15/2024/QĐ-UBND\nQuy định giá dịch vụ xe ra, vào bến xe khách trên địa bàn tỉnh\nSố hiệu | 15/2024/QĐ-UBND"}
	(&Page{}).nameTitle(a, "")
	if want := "Quy định giá dịch vụ xe ra, vào bến xe khách trên địa bàn tỉnh"; !strings.Contains(a.Title, want) {
		t.Errorf("title %q, want the name %q", a.Title, want)
	}
	if strings.HasPrefix(a.Body, "15/2024") {
		t.Errorf("body still opens with the number heading: %q", firstLine(a.Body))
	}
}
