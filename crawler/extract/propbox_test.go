package extract

import (
	"strings"
	"testing"
)

// TestDropRepeatedProps: status boxes over property tables, written for
// the test in a provincial legal database's shape (not vbpl.vn's, where
// the rule was found).
func TestDropRepeatedProps(t *testing.T) {
	table := "Quy định mức thu phí tham quan di tích\nSố ký hiệu | 12/2024/QĐ-UBND | Ngày ban hành | 05/03/2024\nNgày hiệu lực | 15/03/2024 | Trạng thái | Đang có hiệu lực\nLĩnh vực: Phí, lệ phí"
	for _, c := range []struct {
		name, head, want string
	}{
		{"a status box: its status and date are the table's", "Trạng thái: Đang có hiệu lực\nNgày hiệu lực: 15/03/2024\n", ""},
		{"a label ending the table's label", "Hiệu lực: 15/03/2024\n", ""},
		{"a status said only in the box stays", "Trạng thái: Hết hiệu lực một phần\n", "Trạng thái: Hết hiệu lực một phần\n"},
		{"a value under another label stays", "Ngày ban hành: 15/03/2024\n", "Ngày ban hành: 15/03/2024\n"},
		{"a repeat as a line of its own", "Lĩnh vực: Phí, lệ phí\n", ""},
		{"a sentence with a colon stays", "Căn cứ: Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;\n", "Căn cứ: Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;\n"},
	} {
		got := dropRepeatedProps(c.head + table)
		if want := c.want + table; got != want {
			t.Errorf("%s: dropRepeatedProps(%q…) starts %q, want %q", c.name, c.head, firstLine(got), firstLine(want))
		}
	}
	// The lines of a table repeated once more as "label: value" lines
	// under it are not the box: only the opening run goes.
	in := "Số ký hiệu | 7/KH-UBND\nSố ký hiệu: 7/KH-UBND"
	if got := dropRepeatedProps(in); got != in {
		t.Errorf("dropRepeatedProps(%q) = %q", in, got)
	}
}

// TestStatusBoxPage: a document's property page (written for the test)
// whose status box sits above its name and table; the body opens with the
// name.
func TestStatusBoxPage(t *testing.T) {
	page := `<html><head><title>Thuộc tính văn bản</title></head><body><div class="menu"><a href="/">Trang chủ</a></div>
<div class="vb-detail"><div class="trang-thai"><ul><li>Trạng thái: <b>Đang có hiệu lực</b></li><li>Ngày hiệu lực: 15/03/2024</li></ul></div>
<div class="trich-yeu"><p>Quy định mức thu phí tham quan di tích lịch sử văn hóa trên địa bàn tỉnh</p></div>
<table class="thuoc-tinh"><tr><td>Số ký hiệu</td><td>12/2024/QĐ-UBND</td><td>Ngày ban hành</td><td>05/03/2024</td></tr>
<tr><td>Loại văn bản</td><td>Quyết định</td><td>Ngày hiệu lực</td><td>15/03/2024</td></tr>
<tr><td>Cơ quan ban hành</td><td>Ủy ban nhân dân tỉnh</td><td>Người ký</td><td>Trần Văn An</td></tr>
<tr><td>Trạng thái</td><td colspan="3">Đang có hiệu lực</td></tr></table></div></body></html>`
	a, err := Extract([]byte(page), "text/html; charset=utf-8", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Body, "Quy định mức thu phí") {
		t.Errorf("body starts %q, want the document's name", firstLine(a.Body))
	}
	if !strings.Contains(a.Body, "Đang có hiệu lực") {
		t.Errorf("body lost the table's status:\n%s", a.Body)
	}
}
