package extract

import (
	"net/url"
	"strings"
	"testing"
)

func TestNamesDocument(t *testing.T) {
	for text, want := range map[string]bool{
		"Nghị định 68/2017/NĐ-CP Về quản lý, phát triển cụm công nghiệp": true,
		"Quyết định số 12/2020/QĐ-UBND":                                  true,
		"Chỉ thị Không số Về tăng cường phòng cháy":                      true,
		"Kế hoạch 45/KH-UBND Ngày ban hành: 03/04/2024":                  true,
		"Luật":                          false, // a menu of types
		"Thông tư liên tịch":            false,
		"Hướng dẫn sử dụng":             false, // a type's word opening a menu item
		"Luật Đất đai 2024 có hiệu lực": false, // a headline
		"Tỉnh triển khai Nghị quyết 57": false,
		"Xem toàn văn":                  false,
		"Quyết định số":                 false,
		"":                              false,
	} {
		if got := namesDocument(text); got != want {
			t.Errorf("namesDocument(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestNotDocument extracts the tabs of a provincial portal's document
// (written for the test, not vbpl.vn's layout): the "Văn bản căn cứ" tab
// lists the documents the decision rests on and has no text of its own —
// not a document; its "Thuộc tính" tab, a page with a file and a type
// menu, an article that lists related documents under its text and a page
// linking one document are documents.
func TestNotDocument(t *testing.T) {
	page := func(title, content string) string {
		return `<html><head><title>` + title + ` - Cổng thông tin điện tử tỉnh Sông Bé</title></head><body>
<div class="menu"><a href="/vb?loai=luat">Luật</a> <a href="/vb?loai=nd">Nghị định</a> <a href="/vb?loai=qd">Quyết định</a> <a href="/huong-dan">Hướng dẫn sử dụng</a></div>
<div class="tabs"><a href="/vb/125/noi-dung">Nội dung</a> <a href="/vb/125/thuoc-tinh">Thuộc tính</a> <a href="/vb/125/can-cu">Văn bản căn cứ</a></div>
<div class="main"><h1>` + title + `</h1>` + content + `</div>
<div id="footer"><p>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH SÔNG BÉ</p></div></body></html>`
	}
	item := func(href, text, date string) string {
		return `<li><a href="` + href + `">` + text + `</a><span>Ngày ban hành: ` + date + `</span></li>`
	}
	file := `<p class="files">Tệp đính kèm: <a href="/upload/125-qd-ubnd.pdf">125-qd-ubnd.pdf</a></p>`
	tests := []struct {
		name, page string
		not        bool
	}{
		{"basis tab", page("Quyết định 125/QĐ-UBND", `<h3>Văn bản căn cứ</h3><ul>`+
			item("/vb/88", "Luật 47/2019/QH14 Sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ", "22/11/2019")+
			item("/vb/91", "Nghị định 68/2017/NĐ-CP Về quản lý, phát triển cụm công nghiệp", "25/05/2017")+
			item("/vb/97", "Quyết định số 12/2020/QĐ-UBND Ban hành quy chế phối hợp", "02/03/2020")+`</ul>`+file), true},
		{"properties tab", page("Quyết định 125/QĐ-UBND", `<table><tr><td>Số ký hiệu</td><td>125/QĐ-UBND</td></tr>
<tr><td>Ngày ban hành</td><td>03/04/2024</td></tr><tr><td>Trích yếu</td><td>Về việc ban hành Quy chế phối hợp quản lý cụm công nghiệp</td></tr></table>`+file), false},
		{"a file and menus", page("Quyết định 125/QĐ-UBND", file), false},
		{"an article listing related documents", page("Tỉnh ban hành quy chế quản lý cụm công nghiệp",
			`<p>Ủy ban nhân dân tỉnh vừa ban hành quy chế phối hợp quản lý cụm công nghiệp trên địa bàn tỉnh, thay thế quy chế ban hành năm 2020; quy chế có hiệu lực từ ngày ký.</p><h3>Văn bản liên quan</h3><ul>`+
				item("/vb/91", "Nghị định 68/2017/NĐ-CP Về quản lý, phát triển cụm công nghiệp", "25/05/2017")+
				item("/vb/97", "Quyết định số 12/2020/QĐ-UBND Ban hành quy chế phối hợp", "02/03/2020")+`</ul>`), false},
		{"one related document", page("Quyết định 125/QĐ-UBND", `<ul>`+
			item("/vb/91", "Nghị định 68/2017/NĐ-CP Về quản lý, phát triển cụm công nghiệp", "25/05/2017")+`</ul>`+file), false},
	}
	for _, tt := range tests {
		u, _ := url.Parse("https://songbe.gov.vn/vb/125/" + strings.ReplaceAll(tt.name, " ", "-"))
		a, err := Extract([]byte(tt.page), "text/html; charset=utf-8", u, Options{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if (a.NotDocument != "") != tt.not {
			t.Errorf("%s: NotDocument %q, want set %v (body %q)", tt.name, a.NotDocument, tt.not, a.Body)
		}
	}
}

func TestHomePage(t *testing.T) {
	for raw, want := range map[string]bool{
		"https://songbe.gov.vn":                             true,
		"https://songbe.gov.vn/":                            true,
		"http://www.songbe.gov.vn/index.html":               true,
		"https://congbao.songbe.gov.vn/Default.aspx":        true,
		"https://songbe.gov.vn/trang-chu":                   true,
		"https://songbe.gov.vn/?lang=en":                    false, // a query: not the bare home page
		"https://songbe.gov.vn/tin-tuc":                     false,
		"https://songbe.gov.vn/van-ban/index.html":          false,
		"https://songbe.gov.vn/quyet-dinh-125-qd-ubnd.html": false,
		"file:///tmp/index.html":                            false,
	} {
		u, _ := url.Parse(raw)
		if got := homePage(u); got != want {
			t.Errorf("homePage(%q) = %v, want %v", raw, got, want)
		}
	}
	// A home page (written for the test) is not a document, though it has
	// text: its banner and its headlines.
	page := `<html><head><title>Cổng thông tin điện tử tỉnh Sông Bé</title></head><body><div class="banner"><p>ỦY BAN NHÂN DÂN TỈNH SÔNG BÉ</p></div>
<div class="hot"><a href="/tin-tuc/1.html">Tỉnh triển khai kế hoạch chuyển đổi số năm 2025 trên địa bàn toàn tỉnh</a>
<a href="/tin-tuc/2.html">Hội nghị tổng kết công tác cải cách hành chính năm 2024 và nhiệm vụ năm 2025</a></div></body></html>`
	u, _ := url.Parse("https://songbe.gov.vn/")
	if a, err := Extract([]byte(page), "text/html; charset=utf-8", u, Options{}); err != nil || a.NotDocument == "" {
		t.Errorf("home page: NotDocument %q (%v), want set; title %q, body %q", a.NotDocument, err, a.Title, a.Body)
	}
}
