package extract

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

// TestHandlerLinksInAttachmentBlocks: a download handler's link naming no
// file ("/download.aspx?id=5", "/Handler/Download?fileId=123",
// "/api/file/abc") is one of the page's files only inside an attachment
// block — by class, by heading, by a "Tải về" link text opening its block
// — and never in the article's text, a related list or chrome; an Office
// viewer's link (vbpl.vn's WopiFrame.aspx?sourcedoc=…) stands for the
// file it shows, once beside the direct link. Pages written for this test
// in the shapes of provincial portals.
func TestHandlerLinksInAttachmentBlocks(t *testing.T) {
	const base = "https://phuan.gov.vn"
	for _, tt := range []struct {
		name          string
		article, side string
		want          []string
	}{
		{"handlers in a 'Tệp đính kèm' box by class", newsBody +
			`<div class="file-dinh-kem"><b>Tệp đính kèm:</b> <a href="/download.aspx?id=5">Quyết định 1210</a> <a href="/Handler/Download?fileId=123">Phụ lục</a> <a href="/api/file/abc">Biểu mẫu</a></div>`, "",
			[]string{"/download.aspx?id=5", "/Handler/Download?fileId=123", "/api/file/abc"}},
		{"a handler in a side box headed 'File đính kèm'", newsBody,
			`<div class="col-right"><div class="box"><h4>File đính kèm</h4><ul><li><a href="/DownloadFile.ashx?id=81">kh-88</a></li></ul></div></div>`,
			[]string{"/DownloadFile.ashx?id=81"}},
		{"a 'Tải về' link naming no file", newsBody + `<p><a href="/van-ban/tai-ve?id=7">Tải về</a></p>`, "",
			[]string{"/van-ban/tai-ve?id=7"}},
		{"a handler cited in the article's text is no attachment block's", newsBody +
			`<p>Chi tiết xem <a href="/download.aspx?id=6">kế hoạch của huyện</a>.</p>`, "", nil},
		{"a handler in a related list", newsBody,
			`<div class="tin-lien-quan"><h3>Tin liên quan</h3><ul><li><a href="/tin-tuc/9.html">Hội nghị sơ kết công tác phòng chống thiên tai</a> <a href="/download.aspx?id=9">Tải về</a></li></ul></div>`, nil},
		{"a viewer page and a section page in an attachment box are no files", newsBody +
			`<div class="attach"><b>Tệp đính kèm</b> <a href="/van-ban/xem/1210">Xem trực tuyến</a> <a href="/tai-ve">Kho tài liệu</a> <a href="/Uploads/1210.pdf">Tải về</a></div>`, "",
			[]string{"/Uploads/1210.pdf"}},
		{"an Office viewer beside the direct link: the file once", newsBody,
			`<div class="vbFile"><ul><li><a href="javascript:downloadfile('a.doc','/TW/Lists/vbpq/Attachments/7/Luat so 7.doc');">Luat so 7.doc</a>
(<a href="/tw/_layouts/15/WopiFrame.aspx?sourcedoc=/TW/Lists/vbpq/Attachments/7/Luat so 7.doc&amp;action=default">Xem nhanh</a>)</li></ul></div>`,
			[]string{"/TW/Lists/vbpq/Attachments/7/Luat%20so%207.doc"}},
		{"an Office viewer alone", newsBody,
			`<div class="vbFile"><a href="/tw/_layouts/15/WopiFrame.aspx?sourcedoc=/TW/Lists/vbpq/Attachments/8/8.pdf&amp;action=default">Xem nhanh</a></div>`,
			[]string{"/TW/Lists/vbpq/Attachments/8/8.pdf"}},
	} {
		u, _ := url.Parse(base + "/tin-tuc/1.html")
		a, err := Extract([]byte(chromePage(tt.article, `<div class="footer-links"><a href="/download.aspx?id=1">Quy chế hoạt động</a></div>`+tt.side)), "", u, Options{})
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
