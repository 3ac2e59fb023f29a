package filekind

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestOfURL(t *testing.T) {
	for _, tc := range []struct {
		url  string
		want Class
	}{
		// Readable: path, case, several dots, spaces, query and fragment after the name.
		{"https://vbpl.vn/TW/Lists/vbpq/Attachments/96172/VanBanGoc_101.2015.QH13.pdf", Readable},
		{"https://thanhhoa.gov.vn/Uploads/2024/5/QD 123.signed.pdf", Readable},
		{"https://thanhhoa.gov.vn/Uploads/2024/5/QD%20123.signed.pdf", Readable},
		{"https://sotc.hanoi.gov.vn/Uploads/VB/1234-QD-UBND.PDF", Readable},
		{"https://datafiles.chinhphu.vn/cpp/files/vbpq/2024/01/12-nd.signed.pdf?v=2", Readable},
		{"https://binhduong.gov.vn/files/quyet-dinh-45.docx#page=2", Readable},
		{"http://congbao.gov.vn/Data/2019/CV_145.DOC", Readable},
		// Download handlers: the file is a query value.
		{"https://sonv.angiang.gov.vn/download.aspx?file=/Uploads/QD%2012.pdf", Readable},
		{"https://stnmt.hue.gov.vn/Portals/0/Download.ashx?id=81&FileName=TB 05.DOCX", Readable},
		{"https://vanban.quangninh.gov.vn/viewer.aspx?url=a.xlsx&f=b.pdf", Readable},
		// Spreadsheets: annexes, read since i20-files.
		{"https://sotc.hanoi.gov.vn/Uploads/Bieu-mau-01.xlsx", Readable},
		{"https://sotc.hanoi.gov.vn/Uploads/Bieu mau 02.XLS", Readable},
		{"https://sonv.angiang.gov.vn/download.aspx?file=mau.xls", Readable},
		// Document files we cannot read: listed, not fetched.
		{"https://sotc.hanoi.gov.vn/Uploads/Bieu-mau-03.ods", Readable}, // read since i21-files
		{"https://moet.gov.vn/van-ban/Documents/ho-so-du-thao.zip", Other},
		{"https://moet.gov.vn/van-ban/Documents/ho-so.rar?v=3", Other},
		{"https://mic.gov.vn/Upload/slide-hoi-nghi.pptx", Other},
		{"https://mic.gov.vn/Upload/du-thao.odt", Readable}, // read since i21-files
		{"https://mic.gov.vn/Upload/du-thao.rtf", Other},
		// Media: not a page, not an attachment.
		{"https://baochinhphu.vn/Uploaded/2024/anh-hoi-nghi.JPG", Media},
		{"https://vtv.vn/video/phong-su.mp4", Media},
		// Pages.
		{"https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=96122", Page},
		{"https://chinhphu.vn/?pageid=27160&docid=210001", Page},
		{"https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Quyet-dinh-12-2024-QD-UBND-123456.aspx", Page},
		{"https://baochinhphu.vn/thu-tuong-chu-tri-hoi-nghi-102240101.htm", Page},
		{"https://vbpl.vn/TW/Pages/vbpq-van-ban-goc.aspx?ItemID=96122&dvid=13", Page},
		{"https://baochinhphu.vn/thumb.aspx?src=anh.jpg", Page},             // media in a query: a page
		{"https://example.gov.vn/tin-tuc/nghi-dinh-so-12.2024-nd-cp", Page}, // dots in a slug
		{"https://example.gov.vn/pdf", Page},
		{"https://example.gov.vn/files/", Page},
		// Download handlers naming no file: known from the response.
		{"https://sonv.angiang.gov.vn/download.aspx?id=5", Handler},
		{"https://stp.danang.gov.vn/Handler/Download?fileId=123", Handler},
		{"https://dichvucong.gov.vn/api/file/abc", Handler},
		{"https://stnmt.hue.gov.vn/Portals/0/DownloadFile.ashx?id=81", Handler},
		{"https://vanban.laocai.gov.vn/van-ban/tai-ve?id=7", Handler},
		{"https://sokhcn.camau.gov.vn/get_file.php?fid=12", Handler},
		{"https://example.gov.vn/files/abc123", Handler},
		{"https://example.gov.vn/tai-ve", Page},                      // a section page
		{"https://example.gov.vn/download", Page},                    // no id, nothing after
		{"https://example.gov.vn/van-ban/xem/pl1-kh-150", Page},      // a viewer page
		{"https://example.gov.vn/tin-tuc/file-moi.html?id=3", Page},  // an article
		{"https://example.gov.vn/download/huong-dan.html", Page},     // a page under a download section
		{"https://example.gov.vn/filemanager/index.aspx?id=2", Page}, // a word only opening the segment
		{"http://jaraguadosul.com.br/downloads.php?cat=586", Page},   // a downloads section's category (a real page's menu)
		{"http://jaraguadosul.com.br/downloads.php?id=84", Handler},
		{"https://example.gov.vn/download.aspx?page=2", Page},
		{"https://example.gov.vn/download.aspx?catid=3&id=5", Page}, // a listing with an item picked
		{"https://example.gov.vn/tai-ve.aspx?q=ke+hoach", Page},     // a search
		{"https://example.gov.vn/download.aspx?lang=vi", Page},      // names no file
		{"https://example.gov.vn/Download.ashx?FileName=QD12", Handler},
		{"", Page},
		{"http://[::1", Page}, // does not parse
	} {
		if got := OfURL(tc.url); got != tc.want {
			t.Errorf("OfURL(%q) = %v, want %v", tc.url, got, tc.want)
		}
		if got, want := Attachment(tc.url), tc.want >= Other; got != want {
			t.Errorf("Attachment(%q) = %v, want %v", tc.url, got, want)
		}
	}
}

// TestOfResponse: what a file link answered, by its Content-Disposition
// name first, then its Content-Type; a generic type leaves it to the
// bytes (Handler).
func TestOfResponse(t *testing.T) {
	for _, tc := range []struct {
		disposition, contentType string
		want                     Class
		name                     string
	}{
		{`attachment; filename="QD-1210.pdf"`, "application/octet-stream", Readable, "QD-1210.pdf"},
		{`attachment; filename*=UTF-8''Ph%E1%BB%A5%20l%E1%BB%A5c%20I.xlsx`, "application/octet-stream", Readable, "Phụ lục I.xlsx"},
		{`attachment; filename="ho-so.zip"`, "application/pdf", Other, "ho-so.zip"}, // the name wins over a portal's one type
		{`inline; filename="C:\Uploads\to-trinh.DOC"`, "", Readable, "to-trinh.DOC"},
		{`attachment`, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Readable, ""},
		{``, "application/vnd.ms-excel; charset=binary", Readable, ""},
		{``, "application/msword", Readable, ""},
		{``, "text/html; charset=utf-8", Page, ""},
		{``, "image/jpeg", Media, ""},
		{``, "application/x-rar-compressed", Other, ""},
		// Response-only kinds (i21-files): a program, a disk image, a
		// video of any subtype, named or typed; a page's link to them
		// stays no attachment (OfName).
		{`attachment; filename="setup.exe"`, "application/octet-stream", Other, "setup.exe"},
		{`attachment; filename="ban-do-quy-hoach.tar.gz"`, "", Other, "ban-do-quy-hoach.tar.gz"},
		{``, "application/x-msdownload", Other, ""},
		{``, "application/vnd.android.package-archive", Other, ""},
		{``, "video/quicktime", Media, ""},
		{``, "audio/x-wav", Media, ""},
		{``, "image/webp", Media, ""},
		{`attachment; filename="tai-lieu"`, "application/octet-stream", Handler, "tai-lieu"},
		{``, "", Handler, ""},
		{`;;;`, "garbage", Handler, ""},
	} {
		if c, name := OfResponse(tc.disposition, tc.contentType); c != tc.want || name != tc.name {
			t.Errorf("OfResponse(%q, %q) = %v, %q; want %v, %q", tc.disposition, tc.contentType, c, name, tc.want, tc.name)
		}
	}
}

// TestViewed: an Office viewer's link stands for the document it shows.
func TestViewed(t *testing.T) {
	for u, want := range map[string]string{
		"https://vbpl.vn/tw/_layouts/15/WopiFrame.aspx?sourcedoc=/TW/Lists/vbpq/Attachments/32801/Hien phap nam 2013.doc": "https://vbpl.vn/TW/Lists/vbpq/Attachments/32801/Hien%20phap%20nam%202013.doc",
		"https://vbpl.vn/tw/_layouts/15/WopiFrame.aspx?sourcedoc=/TW/a.pdf&action=default":                                "https://vbpl.vn/TW/a.pdf",
		"https://sharepoint.hanoi.gov.vn/_layouts/15/WopiFrame2.aspx?SourceDoc=%2FShared%20Documents%2FKH.docx#x":         "https://sharepoint.hanoi.gov.vn/Shared%20Documents/KH.docx",
		"https://vbpl.vn/tw/_layouts/15/WopiFrame.aspx?sourcedoc=/TW/Pages/home.aspx":                                     "", // no document
		"https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=96122":                                                         "",
		"https://example.gov.vn/download.aspx?file=a.pdf":                                                                 "", // a handler, not a viewer
		"http://[::1": "",
		"https://vbpl.vn/tw/_layouts/15/WopiFrame.aspx?sourcedoc=/TW/x%23a.pdf": "", // the name is a fragment's
	} {
		if got := Viewed(u); got != want {
			t.Errorf("Viewed(%q) = %q, want %q", u, got, want)
		}
	}
}

func TestOfName(t *testing.T) {
	for name, want := range map[string]Class{
		"QD 123.signed.pdf":          Readable,
		"/srv/files/CV-45.Docx":      Readable,
		"Biểu mẫu.xlsx":              Readable,
		"Biểu mẫu.ods":               Readable,
		"trang.html":                 Page,
		"README":                     Page,
		"anh.png":                    Media,
		"ho-so.pdf.zip":              Other,
		"/Uploads/2024/nghi-dinh.7z": Other,
	} {
		if got := OfName(name); got != want {
			t.Errorf("OfName(%q) = %v, want %v", name, got, want)
		}
	}
}

func FuzzOfURL(f *testing.F) {
	for _, s := range []string{"https://a.gov.vn/a.pdf", "download.aspx?file=a.DOCX", "http://[::1", "/x.xls?f=y.pdf", "%zz.pdf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		c := OfURL(u)
		if c < Page || c > Readable {
			t.Fatalf("OfURL(%q) = %d, not a class", u, c)
		}
		if Attachment(u) != (c >= Other) {
			t.Fatalf("Attachment(%q) disagrees with OfURL", u)
		}
		if v := Viewed(u); v != "" && OfURL(v) < Other {
			t.Fatalf("Viewed(%q) = %q, no document", u, v)
		}
		if k, _ := OfResponse(u, u); k < Page || k > Readable {
			t.Fatalf("OfResponse(%q) = %d, not a class", u, k)
		}
		// A document named by the path is never lowered by its query.
		if pu, err := url.Parse(u); err == nil && pu.Path == u && OfName(u) >= Other && c != OfName(u) {
			t.Fatalf("OfURL(%q) = %v, its path says %v", u, c, OfName(u))
		}
	})
}

// TestOfResponseHostile (i20-filesrev): Content-Disposition as servers
// send it — RFC 5987 names, quoted names holding ";", a path, names
// Go's strict parser refuses (unquoted with spaces, a repeated parameter),
// bytes that are no UTF-8, a name of 10 KB — gives the file's base name,
// valid UTF-8 of at most maxName bytes keeping its extension, and the
// class that name tells.
func TestOfResponseHostile(t *testing.T) {
	long := strings.Repeat("Kế hoạch triển khai ", 500)
	for _, tc := range []struct {
		disposition string
		want        Class
		name        string
	}{
		{`attachment; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh.pdf`, Readable, "Quyết định.pdf"},
		{`attachment; filename="Kế hoạch; đợt 2.pdf"`, Readable, "Kế hoạch; đợt 2.pdf"},
		{`attachment; filename="../../x.pdf"`, Readable, "x.pdf"},
		{`attachment; filename="..\..\x.pdf"`, Readable, "x.pdf"},
		{`attachment; filename=".."`, Handler, ""},
		{`attachment; filename="/"`, Handler, ""},
		{`attachment; filename="Quyết định.pdf"`, Readable, "Quyết định.pdf"},
		{`attachment; filename="x.zip"; filename*=UTF-8''Quy%E1%BA%BFt.pdf`, Readable, "Quyết.pdf"},
		{`attachment; filename=Kế hoạch 236.docx`, Readable, "Kế hoạch 236.docx"},
		{`attachment;filename=Phu luc 1.xlsx;size=2048`, Readable, "Phu luc 1.xlsx"},
		{`attachment; filename="a.pdf"; filename="a.pdf"`, Readable, "a.pdf"},
		{"attachment; filename=\"Quy\xeat \xf0inh.doc\"", Readable, "Quy\uFFFDt \uFFFDinh.doc"},
		{`attachment; filename="` + long + `.pdf"`, Readable, ""}, // name checked below
		{``, Handler, ""},
	} {
		c, name := OfResponse(tc.disposition, "application/octet-stream")
		if tc.disposition == `attachment; filename="`+long+`.pdf"` {
			if c != tc.want || len(name) > maxName || !strings.HasSuffix(name, ".pdf") || !utf8.ValidString(name) || !strings.HasPrefix(name, "Kế hoạch") {
				t.Errorf("10 KB name: %v, %d bytes %q…", c, len(name), name[:min(len(name), 40)])
			}
			continue
		}
		if c != tc.want || name != tc.name {
			t.Errorf("OfResponse(%q) = %v, %q; want %v, %q", tc.disposition, c, name, tc.want, tc.name)
		}
	}
}

// TestViewedHostile (i20-filesrev): a viewer's sourcedoc is a web file or
// nothing — "file:///etc/a.pdf" was listed as the page's attachment.
func TestViewedHostile(t *testing.T) {
	const v = "https://vbpl.vn/tw/_layouts/15/WopiFrame.aspx?sourcedoc="
	for doc, want := range map[string]string{
		"file:///etc/a.pdf":              "",
		"ftp://vbpl.vn/a.pdf":            "",
		"javascript:alert(1)//a.pdf":     "",
		"data:text/html,a.pdf":           "",
		"../../../a.pdf":                 "https://vbpl.vn/a.pdf",
		"//congbao.chinhphu.vn/a.pdf":    "https://congbao.chinhphu.vn/a.pdf", // another host: fetched only where the site allows it (fileAllowed)
		"http://vbpl.vn/TW/Attach/a.doc": "http://vbpl.vn/TW/Attach/a.doc",
	} {
		if got := Viewed(v + doc); got != want {
			t.Errorf("Viewed(…sourcedoc=%s) = %q, want %q", doc, got, want)
		}
	}
}
