package extract

import (
	"net/url"
	"strings"
	"testing"
)

// Dates written with the month's name, in the languages translations of
// Vietnamese documents and foreign news pages use; lines written for the
// test.
func TestMonthNameDates(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Hanoi, March 5, 2026", "2026-03-05"},
		{"Hanoi, 5 March 2026", "2026-03-05"},
		{"Ho Chi Minh City, 5th March, 2026", "2026-03-05"},
		{"Hanoï, le 5 mars 2026", "2026-03-05"},
		{"Hà Nội, le 1er février 2025", "2025-02-01"},
		{"Da Nang, Nov. 15, 2019", "2019-11-15"},
		{"segunda-feira, 22 de janeiro de 2018 às 0:13", "2018-01-22"},
		{"Hanói, 5 de março de 2026", "2026-03-05"},
		{"Hanói, 5 de marzo de 2026", "2026-03-05"},
		{"Hanoi, 5. März 2026", "2026-03-05"},
		{"Wednesday 20 November 2019 9:22 am", "2019-11-20"},
		{"DECEMBER 31, 2025", "2025-12-31"},
		// No day, no year, no such day, a month-like word: no date.
		{"Hanoi, March 2026", ""},
		{"HANOI, March 5 (Reuters) - Vietnam's exports rose", ""},
		{"Hanoi, February 30, 2026", ""},
		{"Maybe 5, 2026 will tell", ""},
		{"Room 5 Mars 2026 Expo", "2026-03-05"},
	} {
		if got := ParseDate(tc.in, OrderUnknown); got != tc.want {
			t.Errorf("ParseDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Header date lines of Vietnamese documents: unaccented, numeric, and
// translated. The numeric form is read day first (the Vietnamese order of
// a header's date line); an unfilled one gives no date.
func TestHeaderDateLines(t *testing.T) {
	for _, tc := range []struct{ line, date, place string }{
		{"Ha Noi, ngay 05 thang 3 nam 2026", "2026-03-05", "Ha Noi"},
		{"HA NOI, NGAY 05 THANG 3 NAM 2026", "2026-03-05", "HA NOI"},
		{"Hà Nội, 05/3/2026", "2026-03-05", "Hà Nội"},
		{"Bình Dương, 04/05/2026", "2026-05-04", "Bình Dương"},
		{"Hanoi, March 5, 2026", "2026-03-05", "Hanoi"},
		{"Hanoi, 5 March 2026", "2026-03-05", "Hanoi"},
		{"Hanoï, le 5 mars 2026", "2026-03-05", "Hanoï"},
		{"Hà Nội, ngày      tháng     năm 2026", "", "Hà Nội"},
	} {
		if !IsDateLine(tc.line) {
			t.Errorf("IsDateLine(%q) = false", tc.line)
		}
		lines := []string{"THE GOVERNMENT | SOCIALIST REPUBLIC OF VIETNAM", "| Independence - Freedom - Happiness",
			"No. 12/2026/ND-CP | " + tc.line, "DECREE", "ON PUBLIC ARCHIVES", "Pursuant to the Law on Government Organization;"}
		d := ParseDocument(lines)
		if d.Published != tc.date || d.Place != tc.place {
			t.Errorf("ParseDocument(… %q …): published %q place %q, want %q %q", tc.line, d.Published, d.Place, tc.date, tc.place)
		}
	}
	for _, l := range []string{"HANOI, March 5 (Reuters)", "Hanoi, in March 2026 the ministry", "Theo kế hoạch, 05/3/2026 là hạn chót"} {
		if d := ParseDocument([]string{l, "Nội dung"}); d.Published != "" {
			t.Errorf("ParseDocument(%q): published %q, want none", l, d.Published)
		}
	}
}

// TestIsForeignDateline: a dateline in another language opening a body is
// taken off it.
func TestIsForeignDateline(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"Wednesday 20 November 2019 9:22 am", true},
		{"Posted on March 5, 2026 at 10:15", true},
		{"segunda-feira, 22 de janeiro de 2018 às 0:13", true},
		{"mardi 5 mars 2026, 14h30", true},
		{"Hanoi, March 5, 2026", false}, // a place: a document's date line, kept
		{"On March 5, 2026 the ministry published the decree", false},
	} {
		if got := isDateline(tc.line); got != tc.want {
			t.Errorf("isDateline(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

// TestTranslatedDocumentDate: the English translation of a decree, posted
// on a portal's English pages (written for the test), is dated by its
// header's date line; a Vietnamese document's numeric header date is read
// day first; a foreign news page's short numeric line is not guessed.
func TestTranslatedDocumentDate(t *testing.T) {
	page := func(title, body string) []byte {
		return []byte(`<html><head><title>` + title + `</title></head><body><div class="nav"><a href="/en/">Home</a></div>
<div class="content"><h1>` + title + `</h1><div class="doc">` + body + `</div></div></body></html>`)
	}
	ps := func(lines ...string) string { return "<p>" + strings.Join(lines, "</p><p>") + "</p>" }
	decree := ps("THE GOVERNMENT", "SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness", "No. 12/2026/ND-CP",
		"%s", "DECREE", "ON PUBLIC ARCHIVES",
		"Pursuant to the Law on Government Organization dated June 19, 2015; the Law on Archives dated November 11, 2011;",
		"At the request of the Minister of Home Affairs, the Government promulgates a Decree on public archives.",
		"Article 1. Scope. This Decree provides for the storage, use and digitisation of public archives held by state agencies.")
	vn := ps("BỘ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 12/2026/TT-BNV",
		"%s", "THÔNG TƯ", "Hướng dẫn lưu trữ tài liệu điện tử",
		"Căn cứ Luật Lưu trữ ngày 21 tháng 6 năm 2024;",
		"Bộ trưởng Bộ Nội vụ ban hành Thông tư hướng dẫn lưu trữ tài liệu điện tử của các cơ quan nhà nước.",
		"Điều 1. Phạm vi điều chỉnh. Thông tư này hướng dẫn việc lưu trữ, sử dụng tài liệu điện tử tại các cơ quan, tổ chức.")
	news := ps("LONDON, 04/05/2026", "The city council approved the new cycle lanes after a long public consultation on Tuesday evening.",
		"Work on the first lanes will begin in the summer and last until the end of the year, the council said.")
	for _, tc := range []struct {
		name, title, body, want string
		ambiguous               bool
	}{
		{"English, month first", "Decree on public archives", strings.Replace(decree, "%s", "Hanoi, March 5, 2026", 1), "2026-03-05", false},
		{"English, day first", "Decree on public archives", strings.Replace(decree, "%s", "Hanoi, 5 March 2026", 1), "2026-03-05", false},
		{"unaccented", "Decree on public archives", strings.Replace(decree, "%s", "Ha Noi, ngay 05 thang 3 nam 2026", 1), "2026-03-05", false},
		{"Vietnamese numeric", "Thông tư hướng dẫn lưu trữ tài liệu điện tử", strings.Replace(vn, "%s", "Hà Nội, 05/3/2026", 1), "2026-03-05", false},
		{"news, not a document", "Council approves cycle lanes", news, "", true},
	} {
		u, _ := url.Parse("https://portal.example.gov.vn/en/doc/1.html")
		a, err := Extract(page(tc.title, tc.body), "text/html; charset=utf-8", u, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Published != tc.want || a.DateAmbiguous != tc.ambiguous {
			t.Errorf("%s: published %q ambiguous %v, want %q %v", tc.name, a.Published, a.DateAmbiguous, tc.want, tc.ambiguous)
		}
	}
}

// TestTeaserDate: a date inside a teaser card linking another article
// (written for the test: a news site's "more stories" cards under the
// text) is that article's, not the page's.
func TestTeaserDate(t *testing.T) {
	page := `<html><head><title>Ferry service resumes after storm</title></head><body>
<div class="story"><h1>Ferry service resumes after storm</h1>
<p>The ferry between the two islands resumed service on Monday morning after three days of closures, the operator said in a statement.</p>
<p>Passengers with tickets for the cancelled crossings can travel on any ferry this week without paying again, the operator added.</p>
<p>The storm brought down trees and power lines across the north of the larger island, where repairs continue.</p></div>
<div class="more-stories"><div class="cards"><a class="card" href="/news/harbour-works-begin"><div class="card-body"><h5>Harbour works begin</h5>
<span class="date">8 October 2019</span></div></a></div></div></body></html>`
	u, _ := url.Parse("https://islands.example.com/news/ferry-resumes")
	a, err := Extract([]byte(page), "text/html; charset=utf-8", u, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Published == "2019-10-08" {
		t.Errorf("published %q: the teaser card's date", a.Published)
	}
}

// TestAdoptionDateLabel: a property table dating its document by
// "Ngày thông qua" (a law's or a precedent's adoption; written for the
// test in a legal database's shape) gives the date.
func TestAdoptionDateLabel(t *testing.T) {
	page := `<html><head><title>Luật Lưu trữ</title></head><body><div class="nav"><a href="/">Trang chủ</a></div>
<div class="detail"><h1>Luật Lưu trữ</h1>
<p>Dự thảo Luật được đăng tải lấy ý kiến nhân dân từ ngày 15 tháng 5 năm 2023 trên cổng thông tin của Bộ Nội vụ.</p><table class="props">
<tr><td>Số hiệu</td><td>33/2024/QH15</td><td>Ngày thông qua</td><td>21/06/2024</td></tr>
<tr><td>Ngày hiệu lực</td><td>01/07/2025</td><td>Tình trạng</td><td>Còn hiệu lực</td></tr></table>
<p>Luật này quy định về tài liệu lưu trữ, hoạt động lưu trữ, lưu trữ tài liệu điện tử, quyền và nghĩa vụ của cơ quan, tổ chức, cá nhân.</p>
<p class="news"><a href="/tin/hoi-nghi">Hội nghị phổ biến Luật Lưu trữ <span class="date">(18/08/2024)</span></a></p></div></body></html>`
	u, _ := url.Parse("https://luat.example.gov.vn/van-ban/33-2024-qh15")
	a, err := Extract([]byte(page), "text/html; charset=utf-8", u, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Published != "2024-06-21" {
		t.Errorf("published %q, want 2024-06-21", a.Published)
	}
}

// TestNewsAboutDocumentDate: a news article about a decision (its title
// names the number; written for the test) is dated by the portal, not by
// a sentence of its text that holds "ngày … tháng … năm".
func TestNewsAboutDocumentDate(t *testing.T) {
	page := `<html><head><title>Quyết định số 15/2024/QĐ-UBND ngày 25 tháng 3 năm 2024 ban hành Quy chế quản lý chợ</title>
<meta property="article:published_time" content="2024-04-02T08:00:00+07:00"></head><body>
<div class="news"><h1>Quyết định số 15/2024/QĐ-UBND ngày 25 tháng 3 năm 2024 ban hành Quy chế quản lý chợ</h1>
<p>Ủy ban nhân dân tỉnh vừa ban hành Quyết định số 15/2024/QĐ-UBND về Quy chế quản lý, phát triển chợ trên địa bàn tỉnh.</p>
<p>Quy chế gồm 4 chương, 20 điều, quy định trách nhiệm của các sở, ngành và Ủy ban nhân dân cấp huyện trong quản lý chợ.</p>
<p>Sở Công Thương là cơ quan đầu mối, hằng năm tổng hợp tình hình hoạt động của các chợ, báo cáo Ủy ban nhân dân tỉnh.</p>
<p>Quyết định này có hiệu lực kể từ ngày 12 tháng 4 năm 2024.</p></div>
<footer><p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh. Địa chỉ: Số 2 đường Trần Phú, thành phố Đông Phú.</p></footer></body></html>`
	u, _ := url.Parse("https://tinh.example.gov.vn/tin-tuc/quy-che-cho.html")
	a, err := Extract([]byte(page), "text/html; charset=utf-8", u, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Published != "2024-04-02" {
		t.Errorf("published %q, want the portal's 2024-04-02", a.Published)
	}
}
