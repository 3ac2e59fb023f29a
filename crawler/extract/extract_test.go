package extract

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// encode1258 encodes NFC text as windows-1258, which holds the shaped
// vowels (ê, ơ, ư …) precomposed and the five tones as combining marks:
// each letter the code page lacks is split into its NFC base and its tone.
func encode1258(t testing.TB, s string) string {
	t.Helper()
	enc := charmap.Windows1258.NewEncoder()
	var b strings.Builder
	for _, r := range s {
		if out, err := enc.String(string(r)); err == nil {
			b.WriteString(out)
			continue
		}
		var base, tone []rune
		for _, c := range norm.NFD.String(string(r)) {
			if strings.ContainsRune("\u0300\u0301\u0303\u0309\u0323", c) {
				tone = append(tone, c)
			} else {
				base = append(base, c)
			}
		}
		out, err := enc.String(norm.NFC.String(string(base)) + string(tone))
		if err != nil {
			t.Fatalf("encode1258(%q): %v", r, err)
		}
		b.WriteString(out)
	}
	return b.String()
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in    string
		order DateOrder
		want  string
	}{
		{"Ngày đăng: 23/11/2024", DayFirst, "2024-11-23"},
		{"Hà Nội, ngày 23 tháng 11 năm 2022", DayFirst, "2022-11-23"},
		{"Bình Dương, ngày 05 tháng 7 năm 2024", DayFirst, "2024-07-05"},
		{"NGÀY 5 THÁNG 02 NĂM 2024", DayFirst, "2024-02-05"},
		{"Thứ Hai, 15/07/2024 - 08:30", DayFirst, "2024-07-15"},
		{"6/30/2025 10:00 AM", DayFirst, "2025-06-30"}, // 30 > 12 decides
		{"6/7/2025 10:00 AM", MonthFirst, "2025-06-07"},
		{"6/7/2025", DayFirst, "2025-07-06"},
		{"05.07.2024", DayFirst, "2024-07-05"},
		{"2024-07-05T08:30:00+07:00", DayFirst, "2024-07-05"},
		{"31/02/2024", DayFirst, ""},
		{"giai đoạn 2021–2025", DayFirst, ""},
		{"", DayFirst, ""},
	}
	for _, tt := range tests {
		if got := parseDate(tt.in, tt.order); got != tt.want {
			t.Errorf("parseDate(%q, %v) = %q, want %q", tt.in, tt.order, got, tt.want)
		}
	}
}

const portalPage = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>UBND tỉnh ban hành Kế hoạch phát triển kinh tế số - Cổng TTĐT tỉnh Bình Dương</title>
<meta property="article:published_time" content="2024-11-23T08:30:00&#x2B;07:00">
</head><body>
<div id="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li></ul></div>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc/tin-kinh-te">Tin kinh tế</a></div>
<div class="news-detail">
<h1>UBND tỉnh ban hành Kế hoạch phát triển kinh tế số</h1>
<p class="sapo">TTĐT - UBND tỉnh vừa ban hành Kế hoạch số 2562/KH-UBND về phát triển kinh tế số năm 2025.</p>
<p>Theo kế hoạch, tỉnh phấn đấu đến năm 2025, kinh tế số chiếm 20% GRDP, tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử đạt 80%.</p>
<p>Các sở, ngành, địa phương có trách nhiệm triển khai, kiểm tra, đôn đốc việc thực hiện kế hoạch, báo cáo kết quả về Sở Thông tin và Truyền thông.</p>
<p>Tải về: <a href="/files/KH-2562.pdf#page=1">Kế hoạch 2562</a></p>
<script>var x = "không phải nội dung";</script>
<div style="display: none">Nội dung ẩn</div>
</div>
<div class="footer">Bản quyền thuộc Cổng thông tin điện tử tỉnh Bình Dương. Địa chỉ: Tầng 16, Tháp A, Trung tâm hành chính tập trung.</div>
</body></html>`

func TestExtractPortal(t *testing.T) {
	u, _ := url.Parse("https://www.binhduong.gov.vn/tin-kinh-te/2024/11/548-ke-hoach")
	a, err := Extract([]byte(portalPage), "text/html", u, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := &Article{
		Title:       "UBND tỉnh ban hành Kế hoạch phát triển kinh tế số",
		Published:   "2024-11-23",
		Summary:     "UBND tỉnh vừa ban hành Kế hoạch số 2562/KH-UBND về phát triển kinh tế số năm 2025.",
		Category:    "Tin kinh tế",
		Attachments: []string{"https://www.binhduong.gov.vn/files/KH-2562.pdf"},
	}
	got := *a
	got.Body = ""
	if !reflect.DeepEqual(&got, want) {
		t.Errorf("Extract = %+v\nwant %+v", got, *want)
	}
	for _, s := range []string{"kinh tế số chiếm 20% GRDP", "Sở Thông tin và Truyền thông"} {
		if !strings.Contains(a.Body, s) {
			t.Errorf("body lacks %q:\n%s", s, a.Body)
		}
	}
	for _, s := range []string{"Trang chủ", "Bản quyền", "không phải", "Nội dung ẩn"} {
		if strings.Contains(a.Body, s) {
			t.Errorf("body holds %q:\n%s", s, a.Body)
		}
	}
}

func TestParseWindows1258(t *testing.T) {
	src := "<html><head><meta charset=\"windows-1258\"><title>Nghị quyết</title></head><body><p>Quyết định về việc phê duyệt đề án</p></body></html>"
	enc := encode1258(t, src)
	for _, ct := range []string{"text/html", "text/html; charset=windows-1258"} {
		p, err := Parse([]byte(enc), ct, nil)
		if err != nil {
			t.Fatal(err)
		}
		if p.Charset != "windows-1258" {
			t.Errorf("Parse(%q).Charset = %q, want windows-1258", ct, p.Charset)
		}
		if got := p.Article(Options{}).Title; got != "Nghị quyết" {
			t.Errorf("title = %q (%+q), want Nghị quyết", got, got)
		}
	}
}

func TestLinks(t *testing.T) {
	page := `<html><head><base href="/vb/"></head><body>
<a href="a.aspx?id=1#top">Một</a> <a href="mailto:x@y.vn">mail</a> <a href="javascript:void(0)">js</a>
<a href="https://vbpl.vn/TW/Pages/vanban.aspx">Văn bản</a> <a href="#x">frag</a></body></html>`
	u, _ := url.Parse("https://example.gov.vn/tin/1.html")
	p, err := Parse([]byte(page), "", u)
	if err != nil {
		t.Fatal(err)
	}
	want := []Link{
		{URL: "https://example.gov.vn/vb/a.aspx?id=1", Text: "Một"},
		{URL: "https://vbpl.vn/TW/Pages/vanban.aspx", Text: "Văn bản"},
	}
	if got := p.Links(); !reflect.DeepEqual(got, want) {
		t.Errorf("Links() = %v, want %v", got, want)
	}
}

func TestNormalCase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ỦY BAN NHÂN DÂN TỈNH SÔNG BÉ", "Ủy ban nhân dân tỉnh Sông Bé"},
		{"ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân thành phố Hồ Chí Minh"},
		{"UBND HUYỆN DẦU TIẾNG", "UBND huyện Dầu Tiếng"},
		{"SỞ TÀI CHÍNH", "Sở Tài chính"},
		{"SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Sở Kế hoạch và Đầu tư"},
		{"BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Bộ Giáo dục và Đào tạo"},
		{"CỤC THUẾ TỈNH BÌNH DƯƠNG", "Cục Thuế tỉnh Bình Dương"},
		{"VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ"},
		{"CHÍNH PHỦ", "Chính phủ"},
		{"QUỐC HỘI", "Quốc hội"},
		{"TỈNH ỦY BÌNH DƯƠNG", "Tỉnh ủy Bình Dương"},
		{"HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH DƯƠNG", "Hội đồng nhân dân tỉnh Bình Dương"},
		{"TÒA ÁN NHÂN DÂN TỐI CAO", "Tòa án nhân dân tối cao"},
		{"Ủy ban nhân dân tỉnh Sông Bé", "Ủy ban nhân dân tỉnh Sông Bé"},
	}
	for _, tt := range tests {
		if got := normalCase(tt.in); got != tt.want {
			t.Errorf("normalCase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestChromeLinesFit(t *testing.T) {
	for l := range chromeLines {
		if len(l) > maxChromeLine-3 {
			t.Errorf("chromeLines entry %q is longer than maxChromeLine allows", l)
		}
	}
}
