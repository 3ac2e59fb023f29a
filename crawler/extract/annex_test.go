package extract

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

// annexPlan is a plan posted on a fictional provincial portal (written for
// this test in the shape of such postings): its text, then the list of its
// own annexes and forms.
const annexPlan = `<h1>Kế hoạch thực hiện công tác cải cách hành chính năm 2025</h1>
<p>Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030, Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện công tác cải cách hành chính năm 2025.</p>
<p>Các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố căn cứ nhiệm vụ được giao, xây dựng kế hoạch của đơn vị, tổ chức triển khai thực hiện và báo cáo kết quả định kỳ hằng quý.</p>
<p>Sở Nội vụ chủ trì, theo dõi, đôn đốc, kiểm tra việc thực hiện kế hoạch, tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 10/12/2025.</p>
`

// TestAnnexListIsTheDocuments: a plan's own list of annexes and forms —
// each item a link to the file or to a viewer page, labelled "Phụ lục I",
// "Mẫu 01", "Mẫu số 02", "Biểu 01", or headed "Tài liệu kèm theo" — is the
// document's: its lines stay in the body, its files are attachments. A
// list of other documents inside the article, unlabelled or headed "Văn
// bản liên quan", and a portal's "Biểu mẫu" box in the side column are not.
func TestAnnexListIsTheDocuments(t *testing.T) {
	tests := []struct {
		name, article, side string
		lines, notLines     []string
		files               []string
	}{
		{"annexes each a viewer page and its file", annexPlan + `<p><strong>Phụ lục kèm theo:</strong></p><ul>
<li><a href="/van-ban/xem/pl1-kh-150">Phụ lục I: Danh mục nhiệm vụ cải cách hành chính năm 2025</a> (<a href="/Uploads/2025/pl1-kh-150.pdf">tải về</a>)</li>
<li><a href="/van-ban/xem/pl2-kh-150">Phụ lục II: Kinh phí thực hiện các nhiệm vụ cải cách hành chính</a> (<a href="/Uploads/2025/pl2-kh-150.xlsx">tải về</a>)</li></ul>`, "",
			[]string{"Phụ lục I: Danh mục nhiệm vụ cải cách hành chính năm 2025", "Phụ lục II: Kinh phí thực hiện"}, nil,
			[]string{"/Uploads/2025/pl1-kh-150.pdf", "/Uploads/2025/pl2-kh-150.xlsx"}},
		{"forms each a file link", annexPlan + `<ul>
<li><a href="/Uploads/2025/mau-01.docx">Mẫu 01: Báo cáo kết quả thực hiện công tác cải cách hành chính quý</a></li>
<li><a href="/Uploads/2025/mau-02.docx">Mẫu số 02: Biểu tổng hợp thủ tục hành chính được đơn giản hóa</a></li></ul>`, "",
			[]string{"Mẫu 01: Báo cáo kết quả thực hiện", "Mẫu số 02: Biểu tổng hợp thủ tục"}, nil,
			[]string{"/Uploads/2025/mau-01.docx", "/Uploads/2025/mau-02.docx"}},
		{"report tables labelled outside their links", annexPlan + `<ul>
<li>Biểu 01: <a href="/van-ban/xem/bieu-01">Tổng hợp kết quả giải quyết hồ sơ thủ tục hành chính</a> - <a href="/Uploads/2025/bieu-01.xls">Tải về</a></li>
<li>Biểu 02: <a href="/van-ban/xem/bieu-02">Tổng hợp kết quả kiểm soát thủ tục hành chính</a> - <a href="/Uploads/2025/bieu-02.xls">Tải về</a></li></ul>`, "",
			[]string{"Biểu 01: Tổng hợp kết quả giải quyết hồ sơ", "Biểu 02: Tổng hợp kết quả kiểm soát"}, nil,
			[]string{"/Uploads/2025/bieu-01.xls", "/Uploads/2025/bieu-02.xls"}},
		{"a list headed 'Tài liệu kèm theo' of unlabelled items", annexPlan + `<p><b>Tài liệu kèm theo:</b></p><ul>
<li><a href="/van-ban/xem/dm-150">Danh mục các đơn vị được kiểm tra công tác cải cách hành chính</a> (<a href="/Uploads/2025/dm-150.pdf">tải về</a>)</li>
<li><a href="/van-ban/xem/lich-150">Lịch kiểm tra công tác cải cách hành chính năm 2025</a> (<a href="/Uploads/2025/lich-150.pdf">tải về</a>)</li></ul>`, "",
			[]string{"Danh mục các đơn vị được kiểm tra", "Lịch kiểm tra công tác cải cách"}, nil,
			[]string{"/Uploads/2025/dm-150.pdf", "/Uploads/2025/lich-150.pdf"}},
		{"annexes in a table of two rows: label, viewer page, file", annexPlan + `<table><tr><td>Phụ lục I</td><td><a href="/van-ban/xem/pl1-kh-150">Danh mục nhiệm vụ cải cách hành chính năm 2025</a></td><td><a href="/Uploads/2025/pl1-kh-150.pdf">Tải về</a></td></tr>
<tr><td>Phụ lục II</td><td><a href="/van-ban/xem/pl2-kh-150">Kinh phí thực hiện các nhiệm vụ cải cách hành chính</a></td><td><a href="/Uploads/2025/pl2-kh-150.xlsx">Tải về</a></td></tr></table>`, "",
			[]string{"Phụ lục I | Danh mục nhiệm vụ cải cách", "Phụ lục II | Kinh phí thực hiện"}, nil,
			[]string{"/Uploads/2025/pl1-kh-150.pdf", "/Uploads/2025/pl2-kh-150.xlsx"}},
		{"other documents in a table of two rows", annexPlan + `<table><tr><td>1</td><td><a href="/van-ban/xem/kh-88">Kế hoạch số 88/KH-UBND về kiểm tra cải cách hành chính năm 2024</a></td><td><a href="/Uploads/2024/kh-88.pdf">Tải về</a></td></tr>
<tr><td>2</td><td><a href="/van-ban/xem/qd-99">Quyết định số 99/QĐ-UBND về Bộ chỉ số cải cách hành chính</a></td><td><a href="/Uploads/2024/qd-99.pdf">Tải về</a></td></tr></table>`, "",
			// Their files are theirs: a row of a table of two rows or more
			// that links another page's title is a listing row, as a list
			// item is (i20-files; kept before).
			nil, []string{"88/KH-UBND", "99/QĐ-UBND"}, nil},
		{"a one-row layout table around the article keeps its file", `<table><tr><td><a href="/tin-tuc">Tin tức - Sự kiện chỉ đạo điều hành</a></td><td>` + annexPlan +
			`<p>Tệp: <a href="/Uploads/2025/kh-150.pdf">kh-150.pdf</a></p></td></tr></table>`, "",
			nil, nil, []string{"/Uploads/2025/kh-150.pdf"}},
		{"a two-row layout table, the article in a row beside a menu link", `<table><tr><td>Cổng thông tin</td></tr><tr><td><a href="/tin-tuc">Tin tức - Sự kiện chỉ đạo điều hành</a></td><td>` + annexPlan +
			`<p>Tệp: <a href="/Uploads/2025/kh-150.pdf">kh-150.pdf</a></p></td></tr></table>`, "",
			nil, nil, []string{"/Uploads/2025/kh-150.pdf"}},
		{"a single annex in a paragraph", annexPlan + `<p>Phụ lục: <a href="/van-ban/xem/pl-150">Bảng phân công nhiệm vụ thực hiện kế hoạch</a> (<a href="/Uploads/2025/pl-150.pdf">tải về</a>)</p>`, "",
			[]string{"Phụ lục: Bảng phân công nhiệm vụ"}, nil, []string{"/Uploads/2025/pl-150.pdf"}},
		{"other documents listed in the article, unlabelled", annexPlan + `<ul>
<li><a href="/van-ban/xem/kh-88">Kế hoạch số 88/KH-UBND về kiểm tra công tác cải cách hành chính năm 2024</a> (<a href="/Uploads/2024/kh-88.pdf">tải về</a>)</li>
<li><a href="/van-ban/xem/qd-99">Quyết định số 99/QĐ-UBND về Bộ chỉ số cải cách hành chính của tỉnh</a> (<a href="/Uploads/2024/qd-99.pdf">tải về</a>)</li></ul>`, "",
			nil, []string{"88/KH-UBND", "99/QĐ-UBND"}, nil},
		{"other documents under 'Văn bản liên quan' in the article", annexPlan + `<p><strong>Văn bản liên quan:</strong></p><ul>
<li><a href="/van-ban/xem/kh-88">Kế hoạch số 88/KH-UBND về kiểm tra công tác cải cách hành chính năm 2024</a> (<a href="/Uploads/2024/kh-88.pdf">tải về</a>)</li>
<li><a href="/van-ban/xem/pl-88">Phụ lục I kèm theo Kế hoạch số 88/KH-UBND năm 2024</a> (<a href="/Uploads/2024/pl1-kh-88.pdf">tải về</a>)</li></ul>`, "",
			nil, []string{"88/KH-UBND"}, nil},
		{"forms each a paragraph all link", annexPlan + `<p><a href="/Uploads/2025/mau-03.docx">Mẫu số 03: Phiếu khảo sát mức độ hài lòng của người dân</a></p>
<p><a href="/Uploads/2025/mau-04.docx">Mẫu số 04: Đề cương báo cáo sơ kết công tác cải cách</a></p>`, "",
			[]string{"Mẫu số 03: Phiếu khảo sát", "Mẫu số 04: Đề cương báo cáo"}, nil,
			[]string{"/Uploads/2025/mau-03.docx", "/Uploads/2025/mau-04.docx"}},
		{"another document's annexes under 'Văn bản liên quan'", annexPlan + `<p><strong>Văn bản liên quan:</strong></p><ul>
<li><a href="/van-ban/xem/pl1-kh-88">Phụ lục I kèm theo Kế hoạch số 88/KH-UBND năm 2024</a> (<a href="/Uploads/2024/pl1-kh-88.pdf">tải về</a>)</li>
<li><a href="/van-ban/xem/pl2-kh-88">Phụ lục II kèm theo Kế hoạch số 88/KH-UBND năm 2024</a> (<a href="/Uploads/2024/pl2-kh-88.pdf">tải về</a>)</li></ul>`, "",
			nil, []string{"88/KH-UBND"}, nil},
		// i20-files: the label split where an editor bolded part of it.
		{"annex labels split across inline markup", annexPlan + `<ul>
<li><b>Phụ</b> lục I: <a href="/van-ban/xem/pl1-kh-150">Danh mục nhiệm vụ cải cách hành chính năm 2025</a> (<a href="/Uploads/2025/pl1-kh-150.pdf">tải về</a>)</li>
<li><strong>Phụ lục</strong> II: <a href="/van-ban/xem/pl2-kh-150">Kinh phí thực hiện các nhiệm vụ cải cách hành chính</a> (<a href="/Uploads/2025/pl2-kh-150.xlsx">tải về</a>)</li></ul>
<p><span>M</span><span>ẫu số</span> 03: <a href="/van-ban/xem/mau-03">Phiếu khảo sát mức độ hài lòng của người dân</a> (<a href="/Uploads/2025/mau-03.docx">tải về</a>)</p>`, "",
			[]string{"Phụ lục I: Danh mục nhiệm vụ", "Phụ lục II: Kinh phí thực hiện", "Mẫu số 03: Phiếu khảo sát"}, nil,
			[]string{"/Uploads/2025/pl1-kh-150.pdf", "/Uploads/2025/pl2-kh-150.xlsx", "/Uploads/2025/mau-03.docx"}},
		{"split words that make no label: other documents' rows", annexPlan + `<ul>
<li><b>Mẫu</b> đơn: <a href="/van-ban/xem/kh-88">Kế hoạch số 88/KH-UBND về cải cách hành chính năm 2024</a> (<a href="/Uploads/2024/kh-88.pdf">tải về</a>)</li>
<li><b>Phụ</b> trách: <a href="/van-ban/xem/kh-89">Kế hoạch số 89/KH-UBND về kiểm soát thủ tục hành chính</a> (<a href="/Uploads/2024/kh-89.pdf">tải về</a>)</li></ul>`, "",
			nil, []string{"88/KH-UBND", "89/KH-UBND"}, nil},
		{"the portal's forms box in the side column", annexPlan,
			`<div class="col-sidebar"><h3>Biểu mẫu</h3><ul><li><a href="/bieu-mau/mau-so-01-don-de-nghi.doc">Mẫu số 01: Đơn đề nghị cung cấp thông tin</a></li>
<li><a href="/bieu-mau/mau-so-02-phieu-yeu-cau.doc">Mẫu số 02: Phiếu yêu cầu cung cấp thông tin</a></li></ul></div>`,
			nil, []string{"Đơn đề nghị", "Phiếu yêu cầu"}, nil},
	}
	const base = "https://phuan.gov.vn"
	for _, tt := range tests {
		u, _ := url.Parse(base + "/chi-dao-dieu-hanh/ke-hoach-150.html")
		a, err := Extract([]byte(chromePage(tt.article, tt.side)), "", u, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Body, "Sở Nội vụ chủ trì") {
			t.Errorf("%s: the plan's text is not the body:\n%s", tt.name, a.Body)
		}
		for _, l := range tt.lines {
			if !strings.Contains(a.Body, l) {
				t.Errorf("%s: body lacks %q:\n%s", tt.name, l, a.Body)
			}
		}
		for _, l := range tt.notLines {
			if strings.Contains(a.Body, l) {
				t.Errorf("%s: body holds %q:\n%s", tt.name, l, a.Body)
			}
		}
		var want []string
		for _, f := range tt.files {
			want = append(want, base+f)
		}
		if !slices.Equal(a.Attachments, want) && !(len(a.Attachments) == 0 && len(want) == 0) {
			t.Errorf("%s: attachments\n%s\nwant\n%s", tt.name, strings.Join(a.Attachments, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestAnnexLabel: the labels that open an annex or form of the document
// itself, folded; a type and number ("Kế hoạch số 88/KH-UBND"), a form's
// bare name and words that open like a label do not.
func TestAnnexLabel(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Phụ lục I: Danh mục nhiệm vụ", true},
		{"Phụ lục 02 - Kinh phí", true},
		{"PHỤ LỤC IV", true},
		{"Phụ lục: Bảng phân công", true},
		{"Phụ lục kèm theo", true},
		{"Mẫu 01: Báo cáo", true},
		{"Mẫu số 02/TB: Thông báo", true},
		{"Biểu 01: Tổng hợp", true},
		{"Biểu mẫu số 3", true},
		{"Phụ biểu 05", true},
		{"Mẫu đơn thư", false},
		{"Biểu dương 15 tập thể", false},
		{"Kế hoạch số 88/KH-UBND", false},
		{"Luật 15/2012/QH13 Xử lý vi phạm hành chính", false},
		{"Mẫu xe mới ra mắt 2025", false},
	}
	for _, tt := range tests {
		if got := annexLabel(tt.s); got != tt.want {
			t.Errorf("annexLabel(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestAsideInTheArticle: an <aside> inside the <article> is chrome for
// files (on the real pages it holds ads, newsletters, "More in …" lists,
// author boxes, pull quotes, never a file) unless it is an attachment box
// ("Tệp đính kèm", by heading or class).
func TestAsideInTheArticle(t *testing.T) {
	const text = `<p>Ủy ban nhân dân huyện Tân Phú vừa ban hành kế hoạch tổ chức Ngày hội văn hóa các dân tộc, dự kiến diễn ra trong ba ngày tại trung tâm huyện.</p>`
	tests := []struct {
		name, aside string
		want        []string
	}{
		{"a 'Tệp đính kèm' box by heading", `<aside><h4>Tệp đính kèm</h4><ul><li><a href="/Uploads/kh-88.pdf">kh-88.pdf</a></li></ul></aside>`,
			[]string{"/Uploads/kh-88.pdf"}},
		{"a 'Tệp đính kèm' box by class", `<aside class="file-dinh-kem"><a href="/Uploads/kh-88.docx">Kế hoạch số 88/KH-UBND</a></aside>`,
			[]string{"/Uploads/kh-88.docx"}},
		{"an unlabelled box: an advertiser's brochure", `<aside class="box-qc"><a href="/quang-cao/gioi-thieu-dich-vu.pdf">Giới thiệu dịch vụ</a></aside>`, nil},
	}
	for _, tt := range tests {
		page := `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>` + portalChrome +
			`<article><h1>Ngày hội văn hóa các dân tộc</h1>` + text + tt.aside + `</article></body></html>`
		u, _ := url.Parse("https://phuan.gov.vn/tin/1.html")
		a, err := Extract([]byte(page), "", u, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, w := range tt.want {
			want = append(want, "https://phuan.gov.vn"+w)
		}
		if !slices.Equal(a.Attachments, want) && !(len(a.Attachments) == 0 && len(want) == 0) {
			t.Errorf("%s: attachments %q, want %q", tt.name, a.Attachments, want)
		}
	}
}
