package extract

import (
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// The examples below are written for these tests; none comes from the
// portal fixtures the rules were tuned on (crawler/portal_test.go, the
// demo portal).

func TestDateStyle(t *testing.T) {
	tests := []struct{ in, style string }{
		{"5/6/2024 3:04 PM", "/1ampm"},
		{"05.06.2024", ".0"},
		{"12/11/2024 14:30", "/?time"},
		{"05-06-2024 8:30 SA", "-0sach"},
		{"9:15 AM 7/8/2023", "/1ampm"}, // time before the date
		{"Cập nhật 10/11/2023", "/?"},
	}
	for _, tt := range tests {
		if h := firstDate(tt.in); h.style != tt.style {
			t.Errorf("style of %q = %q, want %q", tt.in, h.style, tt.style)
		}
	}
	if !compatibleStyles("/?", "/1") || !compatibleStyles("/0time", "/?time") || compatibleStyles("/0", "/1") || compatibleStyles("/1", "/1ampm") || compatibleStyles(".0", "/0") {
		t.Error("compatibleStyles")
	}
	if got := DescribeStyle("/1ampm"); got != "5/6/2024 3:04 PM" {
		t.Errorf("DescribeStyle = %q", got)
	}
}

func TestSlotVotes(t *testing.T) {
	tests := []struct {
		slot string
		want DateVotes
	}{
		{"13/5/2024", DateVotes{"/1": {DayFirst: 1}}},
		{"5/13/2024 9:00 AM", DateVotes{"/1ampm": {MonthFirst: 1, MonthFirstHints: 1}}},
		{"Thứ Sáu, 7/6/2024", DateVotes{"/1": {DayFirst: 1}}},                                // 7 June 2024 was a Friday, 6 July a Saturday
		{"Monday, 6/3/2024", DateVotes{"/1": {MonthFirst: 1}}},                               // June 3 2024 was a Monday
		{"Thứ tư, 03/04/2024 - 16:45", DateVotes{"/0time": {DayFirst: 1, DayFirstHints: 1}}}, // 3 April 2024, a Wednesday
		{"05/06/2024 16:45", DateVotes{"/0time": {DayFirstHints: 1}}},
		{"05/06/2024 8:30 CH", DateVotes{"/0sach": {DayFirstHints: 1}}},
		{"ngày 5/6/2024", nil},                                           // a writer's Vietnamese, not the site's software
		{"Thu hút đầu tư 5/6/2024", nil},                                 // "Thu" is Vietnamese, not Thursday
		{"Từ 02/03/2024 đến 15/03/2024", DateVotes{"/0": {DayFirst: 1}}}, // the second date decides
	}
	for _, tt := range tests {
		var got DateVotes
		slotVotes(tt.slot, &got)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("slotVotes(%q) = %v, want %v", tt.slot, got, tt.want)
		}
	}
}

func TestVotesOrder(t *testing.T) {
	tests := []struct {
		v     DateVotes
		style string
		want  DateOrder
	}{
		{nil, "/1", OrderUnknown},
		{DateVotes{"/1": {MonthFirst: 1}}, "/1", MonthFirst},
		{DateVotes{"/1": {MonthFirst: 4, DayFirst: 1}}, "/1", MonthFirst},
		{DateVotes{"/1": {MonthFirst: 3, DayFirst: 1}}, "/1", OrderUnknown}, // conflicting
		{DateVotes{"/1": {MonthFirstHints: 5}}, "/1", MonthFirst},
		{DateVotes{"/1": {MonthFirstHints: 9, DayFirst: 1}}, "/1", DayFirst}, // strong beats hints
		// One site, two styles: each keeps its order; a third style with
		// no evidence of its own follows the site's total when it decides.
		{DateVotes{"/1ampm": {MonthFirst: 9}, "/0time": {DayFirst: 3}}, "/1ampm", MonthFirst},
		{DateVotes{"/1ampm": {MonthFirst: 9}, "/0time": {DayFirst: 3}}, "/0time", DayFirst},
		{DateVotes{"/1ampm": {MonthFirst: 9}, "/0time": {DayFirst: 3}}, "/0", OrderUnknown},
		{DateVotes{"/1ampm": {MonthFirst: 9}}, "/1", MonthFirst},
		{DateVotes{"/?": {DayFirst: 2}}, "/0", DayFirst}, // 15/10/2024 says how 05/06/2024 reads
	}
	for _, tt := range tests {
		if got := tt.v.Order(tt.style); got != tt.want {
			t.Errorf("%v.Order(%q) = %v, want %v", tt.v, tt.style, got, tt.want)
		}
	}
}

// datePage builds a small article page around a date line.
func datePage(head, dateline string) string {
	return `<html><head>` + head + `<title>Thông báo kết quả xét tuyển viên chức</title></head><body>
<div class="content"><h1>Thông báo kết quả xét tuyển viên chức</h1><div class="ngay-dang">` + dateline + `</div>
<p>Hội đồng xét tuyển viên chức của Sở đã họp, thống nhất danh sách thí sinh trúng tuyển theo quy định hiện hành.</p>
<p>Thí sinh trúng tuyển hoàn thiện hồ sơ, nộp tại Văn phòng Sở trong thời hạn ba mươi ngày làm việc.</p></div></body></html>`
}

func TestResolveDate(t *testing.T) {
	tests := []struct {
		name, page, url string
		opt             Options
		published       string
		readings        []string
	}{
		{"no evidence", datePage("", "4/9/2023"), "", Options{}, "", []string{"2023-09-04", "2023-04-09"}},
		{"configured", datePage("", "4/9/2023"), "", Options{DateOrder: MonthFirst}, "2023-04-09", nil},
		{"meta of the same day", datePage(`<meta property="article:published_time" content="2023-04-09T10:00:00+07:00">`, "4/9/2023"), "", Options{}, "2023-04-09", nil},
		{"URL month", datePage("", "4/9/2023"), "https://so.example.gov.vn/tin/2023/04/77-ket-qua", Options{}, "2023-04-09", nil},
		{"URL month, other order", datePage("", "4/9/2023"), "https://so.example.gov.vn/tin/2023/09/77-ket-qua", Options{}, "2023-09-04", nil},
		{"listing date", datePage("", "4/9/2023"), "", Options{LinkDate: "2023-09-04 08:00"}, "2023-09-04", nil},
		{"weekday", datePage("", "Chủ nhật, 4/9/2023"), "", Options{}, "2023-04-09", nil}, // 9 April 2023 was a Sunday
		{"AM/PM", datePage("", "4/9/2023 10:15 AM"), "", Options{}, "2023-04-09", nil},
		{"site evidence", datePage("", "4/9/2023"), "", Options{SiteVotes: DateVotes{"/1": {DayFirst: 6}}}, "2023-09-04", nil},
		{"site evidence for another style", datePage("", "4/9/2023"), "", Options{SiteVotes: DateVotes{"/1ampm": {MonthFirst: 6}, "/1": {DayFirst: 2}}}, "2023-09-04", nil},
		{"configured beats evidence", datePage("", "Chủ nhật, 4/9/2023"), "", Options{DateOrder: DayFirst}, "2023-09-04", nil},
		{"unambiguous", datePage("", "4/19/2023"), "", Options{}, "2023-04-19", nil},
	}
	for _, tt := range tests {
		a := extractAt(t, tt.page, tt.url, tt.opt)
		if a.Published != tt.published || a.DateAmbiguous != (tt.readings != nil) || !reflect.DeepEqual(a.DateReadings, tt.readings) {
			t.Errorf("%s: published %q, ambiguous %v %v; want %q %v", tt.name, a.Published, a.DateAmbiguous, a.DateReadings, tt.published, tt.readings)
		}
	}
}

// TestProseDate: a date a person typed in a Vietnamese sentence is read day
// first; the same date alone on a line is the site's and stays ambiguous.
func TestProseDate(t *testing.T) {
	prose := `<html><body><div class="content"><p>Theo kế hoạch của Ủy ban nhân dân tỉnh, từ 03/04/2024 các cơ quan, đơn vị bắt đầu tiếp nhận hồ sơ trực tuyến.</p>
<p>Các sở, ngành có trách nhiệm hướng dẫn người dân, doanh nghiệp thực hiện dịch vụ công trực tuyến toàn trình.</p>
<p>Kết quả thực hiện được báo cáo định kỳ hằng tháng về Văn phòng Ủy ban nhân dân tỉnh để tổng hợp.</p></div></body></html>`
	a, _ := Extract([]byte(prose), "", nil, Options{})
	if a.Published != "2024-04-03" || a.DateAmbiguous {
		t.Errorf("prose date: %q %v, want 2024-04-03", a.Published, a.DateAmbiguous)
	}
}

func TestArticleResolve(t *testing.T) {
	a := &Article{DateAmbiguous: true, DateReadings: []string{"2023-09-04", "2023-04-09"}}
	if a.Resolve(OrderUnknown) || !a.DateAmbiguous {
		t.Error("Resolve(unknown) settled the date")
	}
	if !a.Resolve(MonthFirst) || a.Published != "2023-04-09" || a.DateAmbiguous || a.DateReadings != nil {
		t.Errorf("Resolve(mdy): %+v", a)
	}
	if a.Resolve(DayFirst) {
		t.Error("Resolve of a settled date")
	}
}

func TestIsDateline(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Thứ năm, 2/11/2023, 19:20 (GMT+7)", true},
		{"Chủ nhật, 14/1/2024 | 06:05 GMT+7", true},
		{"Thứ Hai, 08/07/2024 - 10:30", true},
		{"Cập nhật lúc 09:12 ngày 21/03/2024", true},
		{"Wednesday, 03/04/2024 8:15 AM", true},
		{"2024-03-21T09:12:00+07:00", true},
		{"21/03/2024", true},
		{"Ngày 21/3/2024, UBND tỉnh tổ chức hội nghị tổng kết", false},
		{"Hội nghị diễn ra từ 8:00 đến 11:30 ngày 21/3/2024 tại hội trường tỉnh", false},
		{"Số: 45/KH-UBND 21/03/2024", false},
		{"Thứ năm", false},
	}
	for _, tt := range tests {
		if got := isDateline(tt.line); got != tt.want {
			t.Errorf("isDateline(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestDatelineOffBody: a classless dateline opening the body is not text;
// it dates the page (the weekday settles the order).
func TestDatelineOffBody(t *testing.T) {
	page := `<html><head><title>Khai mạc hội chợ nông sản</title></head><body><div id="main"><h1>Khai mạc hội chợ nông sản</h1>
<div><span>Thứ bảy, 6/4/2024, 08:05 (GMT+7)</span></div>
<p>Hội chợ quy tụ hơn hai trăm gian hàng của các hợp tác xã, doanh nghiệp trong và ngoài tỉnh, giới thiệu nông sản đặc trưng.</p>
<p>Ban tổ chức cho biết hội chợ kéo dài năm ngày, mở cửa miễn phí cho người dân tham quan, mua sắm.</p>
<p>Nhiều hoạt động bên lề như hội thảo kết nối cung cầu, trình diễn chế biến món ăn cũng được tổ chức.</p></div></body></html>`
	a, _ := Extract([]byte(page), "", nil, Options{})
	if strings.Contains(a.Body, "GMT") || strings.Contains(a.Body, "6/4/2024") {
		t.Errorf("dateline left in the body:\n%s", a.Body)
	}
	if a.Published != "2024-04-06" { // 6 April 2024 was a Saturday
		t.Errorf("published %q, want 2024-04-06", a.Published)
	}
}

// FuzzHasNumericDate checks the cheap filter against the regexp it
// stands in for: whatever numericDate matches, hasNumericDate accepts.
func FuzzHasNumericDate(f *testing.F) {
	for _, s := range []string{"5/6/2024", "x12.11.2024y", "1-1-1999", "123/4/2024", "5/6/24", "0/0/0000", "ngày 05/7/2024 15:04"} {
		f.Add(s)
	}
	re := regexp.MustCompile(numericDate.String())
	f.Fuzz(func(t *testing.T, s string) {
		if re.MatchString(s) && !hasNumericDate(s) {
			t.Fatalf("hasNumericDate(%q) = false, the regexp matches", s)
		}
	})
}

// extractAt extracts page as found at rawURL ("" for none).
func extractAt(t *testing.T, page, rawURL string, opt Options) *Article {
	t.Helper()
	var u *url.URL
	if rawURL != "" {
		u, _ = url.Parse(rawURL)
	}
	a, err := Extract([]byte(page), "", u, opt)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// FuzzDateEvidence checks that the evidence and dateline parsers never
// panic on any text (they slice around matches) and that whatever they
// read is a valid date.
func FuzzDateEvidence(f *testing.F) {
	for _, s := range []string{"Thứ năm, 2/11/2023, 19:20 (GMT+7)", "5/13/2024 9:00 AM", "ngày 5/6/2024", "\xff1/1/2000 1:1", "Monday, 6/3/2024", "31/31/3000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var v DateVotes
		for _, h := range slotVotes(s, &v) {
			for _, d := range h.readings() {
				if d == "" {
					t.Fatalf("ambiguous hit %+v in %q has an empty reading", h, s)
				}
			}
		}
		isDateline(s)
		if h := firstDate(s); h.valid() && h.format(DayFirst) == "" && h.format(MonthFirst) == "" {
			t.Fatalf("valid hit %+v of %q reads as no date", h, s)
		}
		LearnTitleAffixes([]string{s, s + " - A", "B - A", "C - A"})
	})
}
