package extract

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLabelTitle(t *testing.T) {
	tests := []struct {
		title, typ string
		want       bool
	}{
		{"Quyết định 125/QĐ-UBND", "Quyết định", true},
		{"Chỉ thị Không có", "Chỉ thị", true},
		{"Nghị quyết Đang cập nhật", "", true}, // the type read from the title
		{"Thông tư số 12/2024/TT-BTC", "Thông tư", true},
		{"Kế hoạch —", "Kế hoạch", true},
		{"45/2019/AL", "", true},
		{"Công văn", "Công văn", true},
		{"Quyết định về việc ban hành Quy chế làm việc", "Quyết định", false},
		{"Luật Đất đai", "Luật", false},
		{"Hội nghị triển khai Nghị quyết 57-NQ/TW", "", false},
		{"Tỉnh đón 2 triệu lượt khách năm 2024", "", false},
		{"2024", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := labelTitle(tt.title, tt.typ); got != tt.want {
			t.Errorf("labelTitle(%q, %q) = %v, want %v", tt.title, tt.typ, got, tt.want)
		}
	}
}

func TestNoNumber(t *testing.T) {
	for s, want := range map[string]bool{
		"Không số": true, "không có": true, "Đang cập nhật": true, "Đang cập nhật.": true, "—": true, "-": true, "Chưa có": true,
		"Số 5": false, "15/CT-UBND": false, "Không thời hạn": false,
	} {
		if noNumber(s) != want {
			t.Errorf("noNumber(%q) = %v, want %v", s, !want, want)
		}
	}
}

func TestDocName(t *testing.T) {
	tests := []struct{ typ, abstract, want string }{
		{"Luật", "Đường bộ", "Luật Đường bộ"},
		{"Luật", "LUẬT ĐƯỜNG BỘ", "Luật đường bộ"},
		{"Bộ luật", "DÂN SỰ", "Bộ luật Dân sự"},
		{"Quyết định", "Về việc công bố thủ tục hành chính", "Quyết định về việc công bố thủ tục hành chính"},
		{"Quyết định", "Quyết định phê duyệt quy hoạch", "Quyết định phê duyệt quy hoạch"},
		{"Văn bản hợp nhất", "hợp nhất Nghị định về đăng ký doanh nghiệp", "Văn bản hợp nhất Nghị định về đăng ký doanh nghiệp"},
		{"", "Về áp dụng thời hiệu khởi kiện", "Về áp dụng thời hiệu khởi kiện"},
		{"Nghị định", "", ""},
		{"Chỉ thị", "  Tăng cường\n phòng cháy  ", "Chỉ thị Tăng cường phòng cháy"},
		// A letter's "V/v" is "về việc" (i31-extract), as "Về" continues
		// the type in lower case.
		{"Công văn", "V/v tổ chức trồng cây đầu xuân", "Công văn về việc tổ chức trồng cây đầu xuân"},
		{"Công văn", "V/v: góp ý dự thảo Quy chế", "Công văn về việc góp ý dự thảo Quy chế"},
		// The state's and its bodies' names keep their capitals when a
		// trích yếu in capitals is sentence-cased; "nước" before the
		// state's name continues the type in lower case.
		{"Hiến pháp", "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"},
		{"Luật", "QUỐC TỊCH VIỆT NAM", "Luật Quốc tịch Việt Nam"},
		{"Luật", "TỔ CHỨC QUỐC HỘI", "Luật Tổ chức Quốc hội"},
		{"Nghị quyết", "VỀ CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ", "Nghị quyết về chương trình hành động của Chính phủ"},
		{"", "NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nước Cộng hoà xã hội chủ nghĩa Việt Nam"},
	}
	for _, tt := range tests {
		if got := docName(tt.typ, tt.abstract); got != tt.want {
			t.Errorf("docName(%q, %q) = %q, want %q", tt.typ, tt.abstract, got, tt.want)
		}
	}
}

// TestDocumentName extracts pages of layouts other than vbpl.vn's: a
// provincial e-portal's "Văn bản" page with a Số ký hiệu / Trích yếu
// table, a công báo-like page, a news article without a number, and a
// page whose content is all links above a footer banner.
func TestDocumentName(t *testing.T) {
	portal := func(crumb, rows string) string {
		return `<html><head><title>` + crumb + ` - Cổng thông tin điện tử tỉnh Sông Bé</title></head><body>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/van-ban">Văn bản</a> » <span>` + crumb + `</span></div>
<div class="content"><table class="vanban">` + rows + `</table>
<p>Tệp đính kèm: <a href="/upload/vb/125.pdf">125.pdf</a></p></div>
<div id="footer"><p><strong>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH SÔNG BÉ</strong></p></div></body></html>`
	}
	row := func(label, value string) string {
		return `<tr><td class="lbl">` + label + `</td><td>` + value + `</td></tr>`
	}
	tests := []struct {
		name, url, page     string
		title, number, typ  string
		bodyHas, bodyHasNot string
	}{
		{"portal table", "https://songbe.gov.vn/van-ban/125-qd-ubnd",
			portal("Quyết định 125/QĐ-UBND", row("Số ký hiệu", "125/QĐ-UBND")+row("Loại văn bản", "Quyết định")+
				row("Trích yếu", "Về việc ban hành Quy chế phối hợp quản lý cụm công nghiệp trên địa bàn tỉnh")+row("Ngày ban hành", "03/04/2024")),
			"Quyết định về việc ban hành Quy chế phối hợp quản lý cụm công nghiệp trên địa bàn tỉnh", "125/QĐ-UBND", "Quyết định", "Trích yếu", ""},
		{"portal, no number", "https://songbe.gov.vn/van-ban/chi-thi-phong-chay",
			portal("Chỉ thị Đang cập nhật", row("Số ký hiệu", "Đang cập nhật")+row("Loại văn bản", "Chỉ thị")+
				row("Trích yếu nội dung", "Tăng cường công tác phòng cháy, chữa cháy mùa khô")+row("Ngày ban hành", "10/01/2024")),
			"Chỉ thị Tăng cường công tác phòng cháy, chữa cháy mùa khô", "", "Chỉ thị", "Đang cập nhật", ""},
		{"portal, a dash", "https://songbe.gov.vn/van-ban/ke-hoach",
			portal("Kế hoạch —", row("Số ký hiệu", "—")+row("Loại văn bản", "Kế hoạch")+
				row("Tên văn bản", "Kế hoạch chuyển đổi số năm 2025")+row("Ngày ban hành", "02/01/2025")),
			"Kế hoạch chuyển đổi số năm 2025", "", "Kế hoạch", "", ""},
		// A công báo-like page: the heading is "type số number"; the
		// trích yếu heads the attribute table, one cell across it.
		{"congbao", "https://congbao.example.vn/van-ban/thong-tu-12-2024-tt-btc",
			`<html><head><title>Thông tư số 12/2024/TT-BTC</title></head><body><h1>Thông tư số 12/2024/TT-BTC</h1>
<div class="detail"><table><tr><td colspan="2" class="tieude">Hướng dẫn quản lý, sử dụng kinh phí sự nghiệp bảo vệ môi trường</td></tr>
<tr><td>Số hiệu</td><td>12/2024/TT-BTC</td></tr><tr><td>Loại văn bản</td><td>Thông tư</td></tr>
<tr><td>Cơ quan ban hành</td><td>Bộ Tài chính</td></tr><tr><td>Ngày ban hành</td><td>15/03/2024</td></tr></table>
<p>Công báo số 401 + 402, ngày 28 tháng 3 năm 2024. Tệp văn bản: <a href="/files/12-2024-tt-btc.pdf">tải về</a>.</p></div></body></html>`,
			"Thông tư Hướng dẫn quản lý, sử dụng kinh phí sự nghiệp bảo vệ môi trường", "12/2024/TT-BTC", "Thông tư", "Số hiệu | 12/2024/TT-BTC", ""},
		// A news article about a document keeps its headline; it has no number.
		{"news", "https://baosongbe.vn/thoi-su/tinh-trien-khai-nghi-quyet-57-nq-tw.html",
			`<html><head><title>Tỉnh triển khai Nghị quyết 57-NQ/TW về khoa học, công nghệ</title></head><body>
<article><h1>Tỉnh triển khai Nghị quyết 57-NQ/TW về khoa học, công nghệ</h1>
<p>Sáng 12/3, Tỉnh ủy tổ chức hội nghị quán triệt, triển khai Nghị quyết 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.</p>
<p>Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến đến các huyện, thị xã, thành phố, với hơn 1.200 đại biểu tham dự.</p></article>
<footer><p>BÁO SÔNG BÉ ĐIỆN TỬ</p></footer></body></html>`,
			"Tỉnh triển khai Nghị quyết 57-NQ/TW về khoa học, công nghệ", "", "", "Tỉnh ủy tổ chức hội nghị", "BÁO SÔNG BÉ"},
		// Content all links: the footer's banner is not the body.
		{"links and a footer", "https://songbe.gov.vn/van-ban/125/lien-quan",
			`<html><head><title>Văn bản liên quan</title></head><body><div class="content"><h2>Văn bản căn cứ</h2>
<ul><li><a href="/van-ban/1">Luật Tổ chức chính quyền địa phương 2015</a></li><li><a href="/van-ban/2">Nghị định 68/2017/NĐ-CP về quản lý, phát triển cụm công nghiệp</a></li></ul></div>
<div id="footer"><div class="content"><p><strong>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH SÔNG BÉ — CƠ QUAN CHỦ QUẢN: ỦY BAN NHÂN DÂN TỈNH</strong></p></div></div></body></html>`,
			"Văn bản liên quan", "", "", "", "CỔNG THÔNG TIN"},
	}
	for _, tt := range tests {
		u, _ := url.Parse(tt.url)
		a, err := Extract([]byte(tt.page), "text/html; charset=utf-8", u, Options{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if a.Title != tt.title || a.Number != tt.number || a.Type != tt.typ {
			t.Errorf("%s: title, number, type = %q, %q, %q; want %q, %q, %q", tt.name, a.Title, a.Number, a.Type, tt.title, tt.number, tt.typ)
		}
		if tt.bodyHas != "" && !strings.Contains(a.Body, tt.bodyHas) || tt.bodyHasNot != "" && strings.Contains(a.Body, tt.bodyHasNot) {
			t.Errorf("%s: body (want %q, not %q):\n%s", tt.name, tt.bodyHas, tt.bodyHasNot, a.Body)
		}
	}
}

// FuzzDocName: the title rules never panic, keep UTF-8 valid, and a name
// is never a label.
//
//	go test -run '^$' -fuzz FuzzDocName -fuzztime 30s ./crawler/extract
func FuzzDocName(f *testing.F) {
	f.Add("Hiến pháp Không số", "Hiến pháp", "HIẾN PHÁP NĂM 2013")
	f.Add("63/2023/AL", "", "Về áp dụng thời hiệu\nSố án lệ | Tên")
	f.Add("Thông tư số 12/2024/TT-BTC", "Thông tư", "hướng dẫn")
	f.Add("Luật 31/VBHN-VPQH", "Văn bản hợp nhất", "hợp nhất Luật Đất đai")
	f.Add("\xff số", "số", "về\xff")
	f.Add("Luật 50/2014/QH13 Xây dựng", "Luật", "Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIII, kỳ họp thứ 7 thông qua ngày 18 tháng 6 năm 2014.")
	f.Add("Hiến pháp Không số Hiến pháp năm 1992", "", "NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	f.Fuzz(func(t *testing.T, title, typ, abstract string) {
		_ = labelTitle(title, typ)
		_, _ = cutType(title, typ)
		name := docName(typ, abstract)
		if utf8.ValidString(typ) && utf8.ValidString(abstract) && !utf8.ValidString(name) {
			t.Errorf("docName(%q, %q) = %q: invalid UTF-8", typ, abstract, name)
		}
		if l := firstLineName(abstract); l != "" && (numberOnly(l) || strings.Contains(l, "\n")) {
			t.Errorf("firstLineName(%q) = %q", abstract, l)
		}
		// i21-pages: the adoption formula, a link naming a document.
		if by := adoptedBy(strings.Split(abstract, "\n")); by != "" && (!utf8.ValidString(by) || !strings.Contains(abstract, by)) {
			t.Errorf("adoptedBy(%q) = %q: not a part of the text", abstract, by)
		}
		_ = namesDocument(title)
	})
}

// TestNameUnderType reads the name printed under a type line that has no
// number: the line naming the state is the name, not the Quốc hiệu, and
// "LỜI NÓI ĐẦU" (a preamble's heading) opens the body. The pages are
// written for the test in the layout of a constitution's and a charter's
// full text.
func TestNameUnderType(t *testing.T) {
	tests := []struct {
		name, page, title, typ, issuer, bodyStart string
	}{
		{"constitution", `<html><head><title>Hiến pháp Không số</title></head><body>
<div class="crumbs"><a href="/">Trang chủ</a> » <a href="/vb">Văn bản pháp luật</a> » Hiến pháp Không số</div>
<div id="noidung"><p><b>HIẾN PHÁP</b></p><p><b>NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p>
<p><b>LỜI NÓI ĐẦU</b></p><p>Nhân dân Việt Nam, qua bao thế hệ, đã xây dựng và bảo vệ đất nước; bản Hiến pháp này ghi nhận những thành quả ấy và định ra con đường phía trước cho các thế hệ mai sau.</p>
<p>Chương I</p><p>CHẾ ĐỘ CHÍNH TRỊ</p><p>Điều 1. Nước Cộng hòa xã hội chủ nghĩa Việt Nam là một nước độc lập, có chủ quyền, thống nhất và toàn vẹn lãnh thổ.</p>
<p>Hiến pháp này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa IX, kỳ họp thứ 3 thông qua ngày 01 tháng 7 năm 1999.</p></div>
</body></html>`, "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Hiến pháp", "Quốc hội", "HIẾN PHÁP\nNƯỚC CỘNG HÒA"},
		{"rules under a motto", `<html><head><title>Quy chế Không số</title></head><body>
<div class="vb"><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p>
<p><b>QUY CHẾ</b></p><p><b>HOẠT ĐỘNG ĐỐI NGOẠI CỦA QUỐC HỘI</b></p><p><b>LỜI MỞ ĐẦU</b></p>
<p>Hoạt động đối ngoại của Quốc hội là một bộ phận của hoạt động đối ngoại chung của Nhà nước, được tiến hành theo đường lối đối ngoại độc lập, tự chủ, hòa bình, hợp tác và phát triển.</p>
<p>Điều 1. Quy chế này quy định nguyên tắc, nội dung và hình thức hoạt động đối ngoại.</p></div></body></html>`, "Quy chế Hoạt động đối ngoại của Quốc hội", "Quy chế", "", "CỘNG HÒA XÃ HỘI"},
	}
	for _, tt := range tests {
		u, _ := url.Parse("https://luat.example.vn/van-ban/" + tt.name)
		a, err := Extract([]byte(tt.page), "text/html; charset=utf-8", u, Options{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if a.Title != tt.title || a.Type != tt.typ || a.Issuer != tt.issuer || !strings.HasPrefix(a.Body, tt.bodyStart) {
			t.Errorf("%s: title %q, type %q, issuer %q, body %.60q; want %q, %q, %q, %q…", tt.name, a.Title, a.Type, a.Issuer, a.Body, tt.title, tt.typ, tt.issuer, tt.bodyStart)
		}
	}
}

// TestAdoptedBy reads the body that adopted a text from its closing
// formula, in the words of laws, ordinances and council resolutions (lines
// written for the test).
func TestAdoptedBy(t *testing.T) {
	tests := []struct{ line, want string }{
		{"Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 7 thông qua ngày 29 tháng 6 năm 2024.", "Quốc hội"},
		{"Pháp lệnh này đã được Ủy ban Thường vụ Quốc hội khóa XIV thông qua ngày 12 tháng 7 năm 2019.", "Ủy ban Thường vụ Quốc hội"},
		{"Nghị quyết này đã được Hội đồng nhân dân tỉnh Sông Bé khóa X, kỳ họp thứ 12 thông qua ngày 08 tháng 12 năm 2023 và có hiệu lực từ ngày 20 tháng 12 năm 2023./.", "Hội đồng nhân dân tỉnh Sông Bé"},
		{"Bộ luật này đã được Quốc hội nước Cộng hoà xã hội chủ nghĩa Việt Nam khoá XIII, kỳ họp thứ 10 thông qua ngày 27 tháng 11 năm 2015.", "Quốc hội"},
		// Not the formula: a plan that cites an adoption, a sentence
		// about a draft.
		{"Căn cứ Nghị quyết đã được Hội đồng nhân dân tỉnh thông qua tại kỳ họp thứ 12;", ""},
		{"Dự thảo đã được các sở, ngành góp ý và thông qua ngày 5 tháng 3 năm 2024.", ""},
	}
	for _, tt := range tests {
		lines := []string{"Điều 10. Hiệu lực thi hành", "Văn bản này có hiệu lực từ ngày ký.", tt.line}
		if got := adoptedBy(lines); got != tt.want {
			t.Errorf("adoptedBy(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestSiteTitle: a document page's title naming the site, not the
// document (i31-extract's held-out pages).
func TestSiteTitle(t *testing.T) {
	for _, tt := range []struct {
		title, issuer string
		want          bool
	}{
		{"Chi tiết văn bản", "", true},                   // a SharePoint list's item page
		{"VĂN BẢN", "Ủy ban nhân dân tỉnh Phú An", true}, // the web part's heading
		{"UBND huyện Phú Hòa", "Ủy ban nhân dân huyện Phú Hòa", true},
		{"Ủy ban nhân dân tỉnh Phú An", "Ủy ban nhân dân tỉnh Phú An", true},
		{"văn bản", "", false}, // lower case: no heading (siteHeading)
		{"Phú Hòa ra quân trồng cây đầu xuân", "Ủy ban nhân dân huyện Phú Hòa", false},
		{"UBND huyện Phú Hòa", "", false},
		{"UBND huyện Phú Hòa", "Ủy ban nhân dân tỉnh Phú An", false},
		{"UBND huyện Phú Hòa - Văn bản chỉ đạo", "Ủy ban nhân dân huyện Phú Hòa", true}, // the <title>'s site and section
		{"Văn bản chỉ đạo :: UBND huyện Phú Hòa", "Ủy ban nhân dân huyện Phú Hòa", true},
		{"UBND huyện Phú Hòa ra quân trồng cây - Tin tức", "Ủy ban nhân dân huyện Phú Hòa", false},
		// i31-rev-extract: the site named as a portal, not by the issuer
		// ("Cổng thông tin điện tử …", "Trang thông tin điện tử …", "Cổng
		// TTĐT …"), and a site's heading before the site's name.
		{"Cổng thông tin điện tử huyện Phú Hòa - Văn bản chỉ đạo", "Ủy ban nhân dân huyện Phú Hòa", true},
		{"Văn bản chỉ đạo điều hành | CỔNG THÔNG TIN ĐIỆN TỬ TỈNH PHÚ AN", "Ủy ban nhân dân tỉnh Phú An", true},
		{"Trang thông tin điện tử xã Hòa Thắng", "Ủy ban nhân dân xã Hòa Thắng", true},
		{"Cổng TTĐT Sở Tài chính - Văn bản", "Sở Tài chính tỉnh Phú An", true},
		{"Văn bản | Sở Văn hóa, Thể thao và Du lịch tỉnh Phú An", "Ủy ban nhân dân tỉnh Phú An", true},
		{"Chi tiết văn bản - Sở Tài chính", "", true},
		// guards: a document's or an article's title naming a portal or a
		// heading further in
		{"Quy chế quản lý Cổng thông tin điện tử tỉnh Phú An", "Ủy ban nhân dân tỉnh Phú An", false},
		{"Kế hoạch nâng cấp Cổng thông tin điện tử - Văn bản", "Ủy ban nhân dân tỉnh Phú An", false},
		{"Sở Tài chính - Văn bản", "Ủy ban nhân dân tỉnh Phú An", false},
	} {
		if got := siteTitle(tt.title, tt.issuer); got != tt.want {
			t.Errorf("siteTitle(%q, %q) = %v, want %v", tt.title, tt.issuer, got, tt.want)
		}
	}
}
