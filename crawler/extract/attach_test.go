package extract

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

// portalChrome is the header, menu, sidebar and footer of a fictional
// provincial portal (written for this test in the shape of Vietnamese
// portals: a guide in the header, forms in the menu, a rate card and an
// operating rule in the footer, a weekly schedule in the sidebar). None of
// its files is any page's document.
const portalChrome = `
<header class="site-header"><a href="/">Cổng thông tin điện tử tỉnh Phú An</a>
 <a href="/Portals/0/huong-dan-su-dung-cong.pdf">Hướng dẫn sử dụng</a></header>
<nav><ul><li><a href="/tin-tuc">Tin tức</a></li><li><a href="/bieu-mau/mau-don-thu.doc">Mẫu đơn thư</a></li></ul></nav>
<div class="col-sidebar"><h3>Lịch công tác</h3><ul><li><a href="/lich/lich-tuan-20.docx">Lịch công tác tuần 20</a></li></ul></div>
<div id="footer"><p>Bản quyền thuộc Văn phòng UBND tỉnh Phú An.</p>
 <a href="/Portals/0/quy-che-hoat-dong-cong.pdf">Quy chế hoạt động</a> · <a href="/quang-cao/bang-gia-2024.pdf">Bảng giá quảng cáo</a></div>`

const newsBody = `<h1>Hội nghị tổng kết công tác phòng, chống thiên tai năm 2024</h1>
<p>Sáng 12/12, Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh tổ chức hội nghị tổng kết công tác năm 2024, triển khai nhiệm vụ năm 2025.</p>
<p>Năm 2024, trên địa bàn tỉnh xảy ra 12 đợt mưa lớn, hai cơn bão, gây thiệt hại về nhà ở, hoa màu và công trình thủy lợi; các địa phương đã chủ động sơ tán người dân khỏi vùng nguy hiểm.</p>`

func chromePage(article, outside string) string {
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Cổng thông tin điện tử tỉnh Phú An</title></head><body>` +
		portalChrome + `<div class="main"><div class="content-detail">` + article + `</div>` + outside + `</div></body></html>`
}

// TestAttachmentsOfTheArticle: a page's attachments are the files its
// article links and those of its attachment block ("Tệp đính kèm", "Tải
// về", a download dialog), wherever the block sits; not the files of the
// portal's header, menu, sidebar and footer, nor those of a list of other
// pages ("Tin liên quan", "Văn bản liên quan", a listing row of another
// document).
func TestAttachmentsOfTheArticle(t *testing.T) {
	const base = "https://phuan.gov.vn"
	tests := []struct {
		name          string
		article, side string
		want          []string
	}{
		{"news linking no file of its own", newsBody, "", nil},
		{"a file cited in the article's text", newsBody +
			`<p>UBND tỉnh đã ban hành <a href="/van-ban/KH-45-UBND.pdf">Kế hoạch số 45/KH-UBND</a> về phòng, chống thiên tai.</p>`, "",
			[]string{"/van-ban/KH-45-UBND.pdf"}},
		{"attachment block inside the article", newsBody +
			`<div class="file-dinh-kem"><b>File đính kèm:</b> <a href="/Uploads/2024/qd-1210.signed.pdf">qd-1210.signed.pdf</a></div>`, "",
			[]string{"/Uploads/2024/qd-1210.signed.pdf"}},
		{"attachment box in the side column, named by its heading", newsBody,
			`<aside class="box-right"><div><h4>Văn bản đính kèm</h4><ul><li><a href="/Uploads/2024/ke-hoach-88.docx">ke-hoach-88.docx</a></li></ul></div></aside>`,
			[]string{"/Uploads/2024/ke-hoach-88.docx"}},
		{"hidden download dialog outside the article", newsBody,
			`<div id="dlgDownload" title="Tải về" style="display:none"><ul><li><a href="javascript:taiVe('/Lists/VanBan/Attachments/7/7.QD.UBND.doc')">7.QD.UBND.doc</a></li></ul></div>`,
			[]string{"/Lists/VanBan/Attachments/7/7.QD.UBND.doc"}},
		{"every document file, read or not, in any case; a download handler in a javascript: link", newsBody +
			`<div class="file-dinh-kem"><b>Tệp đính kèm:</b> <a href="/Uploads/2024/QD 1210.signed.PDF?v=2">Quyết định</a>
 <a href="/Uploads/2024/bieu-mau-01.xlsx">Biểu mẫu 01</a> <a href="/Uploads/2024/trinh-chieu.pptx">Tài liệu hội nghị</a>
 <a href="/Uploads/2024/du-thao.rtf">Dự thảo</a> <a href="/Uploads/2024/ho-so.7z">Hồ sơ</a>
 <a href="javascript:taiVe('/DownloadFile.ashx?file=/Uploads/2024/to-trinh-15.docx')">Tờ trình</a>
 <a href="/Uploads/2024/anh-hoi-nghi.jpg">Ảnh</a> <a href="javascript:xem('/van-ban/chi-tiet.aspx')">Xem</a></div>`, "",
			[]string{"/Uploads/2024/QD%201210.signed.PDF?v=2", "/Uploads/2024/bieu-mau-01.xlsx", "/Uploads/2024/trinh-chieu.pptx",
				"/Uploads/2024/du-thao.rtf", "/Uploads/2024/ho-so.7z", "/DownloadFile.ashx?file=/Uploads/2024/to-trinh-15.docx"}},
		{"related news, by class and by heading", newsBody +
			`<div class="tin-lien-quan"><ul><li><a href="/tin-tuc/88.html">Triển khai Kế hoạch 88/KH-UBND</a> <a href="/van-ban/88.pdf">(PDF)</a></li></ul></div>`,
			`<div class="box"><h3>Văn bản liên quan</h3><ul><li><a href="/van-ban/99-QD-UBND.pdf">Quyết định số 99/QĐ-UBND</a></li></ul></div>`,
			nil},
		{"an attachment list whose rows pair a viewer page with the file", newsBody,
			`<div class="tep-dinh-kem"><h4>Tệp đính kèm</h4><ul><li><a href="/xem-van-ban/1210">Xem trực tuyến văn bản</a> | <a href="/Uploads/1210-QD-UBND.pdf">Tải về</a></li></ul></div>`,
			[]string{"/Uploads/1210-QD-UBND.pdf"}},
		{"a related list whose rows have their own download boxes", newsBody,
			`<div class="van-ban-lien-quan"><ul><li><a href="/van-ban/77.html">Quyết định số 77/QĐ-UBND về quy chế</a> <span class="tai-ve"><a href="/Uploads/77-QD-UBND.pdf">Tải về</a></span></li></ul></div>`,
			nil},
		{"files of other documents listed on a document's page, and the page's own", `<h1>Luật 31/VBHN-VPQH</h1>
<table><tr><td>Số ký hiệu</td><td>31/VBHN-VPQH</td></tr>
<tr><td>Văn bản được hợp nhất</td><td><ul class="listVB"><li><div class="item"><p class="title"><a href="/van-ban/chi-tiet.aspx?ItemID=501">Luật 15/2012/QH13 Xử lý vi phạm hành chính</a></p>
 <div style="display:none"><ul><li><a href="/Attachments/501/15.2012.QH13.doc">15.2012.QH13.doc</a></li></ul></div></div></li></ul></td></tr>
<tr><td>File download</td><td><ul><li><a href="javascript:downloadfile('31.doc','/Attachments/909/31.VBHN.VPQH.doc');">31.VBHN.VPQH.doc</a></li></ul></td></tr></table>`, "",
			[]string{"/Attachments/909/31.VBHN.VPQH.doc"}},
		// i19-extractrev: shapes the first version lost the page's file on.
		{"a page wrapper whose class names related posts (a theme's option) around the article and its attachment block", `<div class="post-wrap has-related-posts">` + newsBody +
			`<div class="file-dinh-kem"><b>Tệp đính kèm:</b> <a href="/Uploads/2024/qd-1210.pdf">qd-1210.pdf</a></div></div>`, "",
			[]string{"/Uploads/2024/qd-1210.pdf"}},
		{"a side box titled 'Tài liệu đính kèm' over a table of files", newsBody,
			`<div class="col-sidebar"><div class="box"><h3>Tài liệu đính kèm</h3><table><tr><td><a href="/Uploads/2024/kh-88.pdf">kh-88.pdf</a></td></tr></table></div></div>`,
			[]string{"/Uploads/2024/kh-88.pdf"}},
		{"a side box whose title bar is a sibling of its nested list", newsBody,
			`<div class="sidebar"><div class="box"><div class="box-title"><span>Tài liệu đính kèm</span></div><div class="box-body"><div class="list"><ul><li><a href="/Uploads/2024/kh-89.doc">kh-89.doc</a></li></ul></div></div></div></div>`,
			[]string{"/Uploads/2024/kh-89.doc"}},
		{"a paragraph of the article opening 'Xem thêm:' before the file", newsBody +
			`<p>Xem thêm: <a href="/Uploads/2024/kh-45.pdf">Kế hoạch số 45/KH-UBND</a></p><p>Xem thêm toàn văn <a href="/Uploads/2024/kh-46.pdf">tại đây</a>.</p>`, "",
			[]string{"/Uploads/2024/kh-45.pdf", "/Uploads/2024/kh-46.pdf"}},
		{"a related box whose heading is bare text before its list", newsBody,
			`<div class="box">Văn bản liên quan<ul><li><a href="/Uploads/99-QD-UBND.pdf">Quyết định số 99/QĐ-UBND</a></li></ul></div>`, nil},
		{"a footer of the article itself", `<article><h1>Kế hoạch 88</h1>` + newsBody + `<footer class="entry-footer"><a href="/Uploads/kh-88.pdf">kh-88.pdf</a></footer></article>`, "",
			[]string{"/Uploads/kh-88.pdf"}},
	}
	for _, tt := range tests {
		u, _ := url.Parse(base + "/tin-tuc/1.html")
		a, err := Extract([]byte(chromePage(tt.article, tt.side)), "", u, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, w := range tt.want {
			want = append(want, base+w)
		}
		if !slices.Equal(a.Attachments, want) && !(len(a.Attachments) == 0 && len(want) == 0) {
			t.Errorf("%s: attachments\n%s\nwant\n%s", tt.name, strings.Join(a.Attachments, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestFileChromeByClass: class names judge chrome for files only where
// they name it (pages written for this test): a WordPress sidebar widget
// is chrome; a page builder's "elementor-widget" blocks and an ad-margin
// wrapper around the whole <article> are not.
func TestFileChromeByClass(t *testing.T) {
	const text = `<p>Ủy ban nhân dân huyện Tân Phú vừa ban hành kế hoạch tổ chức Ngày hội văn hóa các dân tộc, dự kiến diễn ra trong ba ngày tại trung tâm huyện.</p>`
	tests := []struct {
		name, page string
		want       []string
	}{
		{"sidebar widget", `<div class="content"><h1>Ngày hội văn hóa</h1>` + text + `</div>
<div class="sidebar-right"><div class="widget widget_text"><div class="textwidget"><a href="/wp-content/uploads/bao-gia-quang-cao.pdf">Báo giá quảng cáo</a></div></div></div>`, nil},
		{"widget without a sidebar name", `<div class="content"><h1>Ngày hội văn hóa</h1>` + text + `</div>
<div class="widget-7 panel"><p><a href="/uploads/media-kit.pdf">Media kit</a></p></div>`, nil},
		{"page-builder blocks hold the article", `<div class="elementor-section"><div class="elementor-widget-container"><h1>Ngày hội văn hóa</h1>` + text +
			`<p>Xem <a href="/uploads/ke-hoach-ngay-hoi.pdf">kế hoạch tổ chức</a>.</p></div></div>`, []string{"/uploads/ke-hoach-ngay-hoi.pdf"}},
		{"an ad-margin wrapper around the article", `<div class="Page-ad-margins"><article><h1>Ngày hội văn hóa</h1>` + text +
			`<p>Xem <a href="/uploads/ke-hoach-ngay-hoi.pdf">kế hoạch tổ chức</a>.</p></article></div>`, []string{"/uploads/ke-hoach-ngay-hoi.pdf"}},
	}
	for _, tt := range tests {
		u, _ := url.Parse("https://tanphu.phuan.gov.vn/tin/1.html")
		a, err := Extract([]byte(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>`+tt.page+`</body></html>`), "", u, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, w := range tt.want {
			want = append(want, "https://tanphu.phuan.gov.vn"+w)
		}
		if !slices.Equal(a.Attachments, want) && !(len(a.Attachments) == 0 && len(want) == 0) {
			t.Errorf("%s: attachments %q, want %q", tt.name, a.Attachments, want)
		}
	}
}

// TestFileChromeWrapsTheArticle: a layout wrapper whose class names chrome
// by a word of it ("has-sidebar", "layout-sidebar-right", "sticky-footer",
// "page-header-offset", "left-menu") around an article titled without an
// <h1> (portals write the title in an h2 or a div) is the article's
// container: the file its text cites is the page's (pages written for this
// test). The portal's own chrome files still go.
func TestFileChromeWrapsTheArticle(t *testing.T) {
	article := `<div class="news-detail"><h2 class="title-news">Kế hoạch tổ chức Ngày hội văn hóa các dân tộc năm 2025</h2>
<p>Ủy ban nhân dân huyện Tân Phú vừa ban hành kế hoạch tổ chức Ngày hội văn hóa các dân tộc, dự kiến diễn ra trong ba ngày tại trung tâm huyện, với sự tham gia của các xã, thị trấn.</p>
<p>Chương trình gồm hội thi trang phục truyền thống, trình diễn nhạc cụ dân tộc, ẩm thực và các trò chơi dân gian; các xã đăng ký đoàn tham gia trước ngày 15/5/2025.</p>
<p>Xem chi tiết <a href="/Uploads/2025/kh-88.pdf">Kế hoạch số 88/KH-UBND</a>.</p></div>`
	for _, wrapper := range []string{`<div class="wrapper has-sidebar">`, `<div id="page-wrap" class="layout-sidebar-right">`,
		`<div class="sticky-footer-wrap">`, `<div class="page-header-offset">`, `<div class="col-left-menu">`} {
		page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ngày hội văn hóa</title></head><body>` + portalChrome + wrapper + article +
			`<div class="sidebar-box"><h3>Lịch công tác</h3><a href="/lich/lich-tuan-21.docx">Lịch công tác tuần 21</a></div></div></body></html>`
		u, _ := url.Parse("https://phuan.gov.vn/tin-tuc/ngay-hoi.html")
		a, err := Extract([]byte(page), "", u, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"https://phuan.gov.vn/Uploads/2025/kh-88.pdf"}; !slices.Equal(a.Attachments, want) {
			t.Errorf("%s: attachments %q, want %q", wrapper, a.Attachments, want)
		}
	}
}

// TestArticleMark: the mark of an article is the opening of its longest
// line, none when that line is too short to tell the article from chrome
// repeating its words.
func TestArticleMark(t *testing.T) {
	tests := []struct{ body, want string }{
		{"", ""},
		{"Lịch công tác\nTuần 21", ""},
		{"Tin ngắn\nSở Tư pháp tổ chức hội nghị tập huấn nghiệp vụ", "Sở Tư pháp tổ chức hội nghị tập huấn nghiệp vụ"},
		{"Ủy ban nhân dân huyện Tân Phú vừa ban hành kế hoạch tổ chức Ngày hội văn hóa các dân tộc, dự kiến trong ba ngày.\nNgắn.",
			"Ủy ban nhân dân huyện Tân Phú vừa ban hành kế hoạch tổ chức "},
	}
	for _, tt := range tests {
		if got := articleMark(tt.body); got != tt.want {
			t.Errorf("articleMark(%q) = %q, want %q", tt.body, got, tt.want)
		}
	}
}
