package extract

import (
	"net/url"
	"strings"
	"testing"
)

// TestDropHeadline: examples written for the test in the shapes news sites
// use (a provincial portal's kicker, a print edition's headline, a wire
// story's subheadline), none from the Zyte pages the rule was found on.
func TestDropHeadline(t *testing.T) {
	body := func(first string) string {
		return first + "\nSáng 5/3, UBND huyện tổ chức lễ khởi công cầu Suối Đá, tổng mức đầu tư 48 tỷ đồng.\nCầu dài 120 m, dự kiến hoàn thành trong năm 2025."
	}
	for _, c := range []struct {
		name, first string
		titles      []string
		drop        bool
	}{
		{"a shorter wording of the title", "Khởi công cầu Suối Đá nối hai huyện",
			[]string{"Khởi công xây dựng cầu Suối Đá nối hai huyện phía Bắc tỉnh"}, true},
		{"the title itself", "Khởi công cầu Suối Đá", []string{"", "Khởi công cầu Suối Đá"}, true},
		{"the title, accents dropped and cased otherwise", "KHOI CONG CAU SUOI DA", []string{"Khởi công cầu Suối Đá"}, true},
		{"an English subheadline", "Council approves new bridge over Stone Creek after years of delay",
			[]string{"Stone Creek bridge approved by council", "City council approves Stone Creek bridge - Valley Herald"}, true},
		{"a headline closing with an emoji", "Cầu Suối Đá đã khởi công 🎉", []string{"Khởi công cầu Suối Đá"}, true},
		{"a lead sentence sharing the title's words", "Khởi công cầu Suối Đá nối hai huyện vào sáng nay.",
			[]string{"Khởi công cầu Suối Đá nối hai huyện"}, false},
		{"a lead closing with a quote", "Chủ tịch huyện nói: “Khởi công cầu Suối Đá là mong mỏi của người dân.”",
			[]string{"Khởi công cầu Suối Đá"}, false},
		{"a heading of its own", "Tiến độ thi công", []string{"Khởi công cầu Suối Đá nối hai huyện"}, false},
		{"a line too long for a headline", strings.Repeat("cầu Suối Đá ", 12), []string{"cầu Suối Đá"}, false},
		{"no title", "Khởi công cầu Suối Đá", nil, false},
		// An embedded post's caption names its account: a social post,
		// not the headline, however many words it shares with it.
		{"an embedded post's caption", "@ubndhuyendongphu Lễ khởi công cầu Suối Đá nối hai huyện",
			[]string{"Khởi công cầu Suối Đá nối hai huyện phía Bắc tỉnh"}, false},
		{"a caption crediting a handle at its end", "Cầu Suối Đá ngày khởi công (ảnh: @dongphu.today)",
			[]string{"Khởi công cầu Suối Đá"}, false},
		{"an e-mail address is no handle", "Khởi công cầu Suối Đá - toasoan@dongphu.vn",
			[]string{"Khởi công cầu Suối Đá"}, true},
	} {
		b := body(c.first)
		got := dropHeadline(b, c.titles...)
		if dropped := got != b; dropped != c.drop {
			t.Errorf("%s: dropHeadline(%q, %q) dropped %v, want %v", c.name, c.first, c.titles, dropped, c.drop)
		}
		if got != b && !strings.HasPrefix(got, "Sáng 5/3") {
			t.Errorf("%s: body after the drop starts %q", c.name, got)
		}
	}
	// A body of two lines keeps both: the article's text stays.
	if got := dropHeadline("Khởi công cầu Suối Đá\nCầu dài 120 m.", "Khởi công cầu Suối Đá"); got != "Khởi công cầu Suối Đá\nCầu dài 120 m." {
		t.Errorf("two-line body lost its first line: %q", got)
	}
}

// TestRestatedHeadline: a district portal's news page (written for the
// test) heads its content block with the headline in a shorter wording
// than its <title> and h1; the body starts with the lead paragraph. A
// decision's page keeps its name lines, which repeat its title.
func TestRestatedHeadline(t *testing.T) {
	page := `<html><head><title>Khởi công xây dựng cầu Suối Đá nối hai xã phía Bắc huyện - Cổng TTĐT huyện Đồng Phú</title>
<meta property="og:title" content="Khởi công xây dựng cầu Suối Đá nối hai xã phía Bắc huyện"></head><body>
<div class="header"><a href="/">Cổng TTĐT huyện Đồng Phú</a></div>
<div class="main"><h1 class="title">Khởi công xây dựng cầu Suối Đá nối hai xã phía Bắc huyện</h1>
<div class="news-content">
<h2>Khởi công cầu Suối Đá nối hai xã</h2>
<p>Sáng 5/3, UBND huyện Đồng Phú tổ chức lễ khởi công xây dựng cầu Suối Đá, công trình có tổng mức đầu tư 48 tỷ đồng từ ngân sách tỉnh và huyện.</p>
<p>Cầu dài 120 m, rộng 9 m, nối xã Tân Lợi với xã Tân Hưng; khi hoàn thành sẽ rút ngắn quãng đường đi lại của người dân hơn 15 km.</p>
<p>Phát biểu tại buổi lễ, Chủ tịch UBND huyện đề nghị đơn vị thi công bảo đảm chất lượng, an toàn và hoàn thành công trình trước mùa mưa năm 2025.</p>
</div></div></body></html>`
	u, _ := url.Parse("https://dongphu.example.vn/tin-tuc/khoi-cong-cau-suoi-da.html")
	a, err := Extract([]byte(page), "text/html; charset=utf-8", u, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Body, "Sáng 5/3") {
		t.Errorf("body starts %q, want the lead paragraph", firstLine(a.Body))
	}

	doc := `<html><head><title>Quyết định 215/QĐ-UBND về việc phê duyệt dự án cầu Suối Đá</title></head><body>
<div class="content"><h1>Quyết định 215/QĐ-UBND về việc phê duyệt dự án cầu Suối Đá</h1><div class="vanban">
<p>ỦY BAN NHÂN DÂN HUYỆN ĐỒNG PHÚ</p><p>Số: 215/QĐ-UBND</p><p>Đồng Phú, ngày 10 tháng 01 năm 2024</p>
<p>QUYẾT ĐỊNH</p><p>Về việc phê duyệt dự án cầu Suối Đá</p>
<p>Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;</p>
<p>Điều 1. Phê duyệt dự án đầu tư xây dựng cầu Suối Đá với tổng mức đầu tư 48 tỷ đồng.</p>
<p>Điều 2. Giao Ban Quản lý dự án huyện tổ chức thực hiện theo quy định.</p></div></div></body></html>`
	u, _ = url.Parse("https://dongphu.example.vn/van-ban/215-qd-ubnd.html")
	a, err = Extract([]byte(doc), "text/html; charset=utf-8", u, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "Về việc phê duyệt dự án cầu Suối Đá") {
		t.Errorf("decision's body lost its name line:\n%s", a.Body)
	}
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// FuzzBodyOpeners: the rules that take lines off a body's top
// (dropHeadline, dropRepeatedProps, readingTime) never panic, never add
// text, and only take whole lines off the top.
func FuzzBodyOpeners(f *testing.F) {
	f.Add("Khởi công cầu Suối Đá\nSáng 5/3, lễ khởi công.\nCầu dài 120 m.", "Khởi công cầu Suối Đá")
	f.Add("Hiệu lực: Còn hiệu lực\nTên\nTình trạng hiệu lực | Còn hiệu lực", "")
	f.Add("Thời gian đọc: 3 phút\n\n:", "|")
	f.Fuzz(func(t *testing.T, body, title string) {
		for _, got := range []string{dropHeadline(body, title), dropRepeatedProps(body)} {
			if got != body && !strings.HasSuffix(body, "\n"+got) {
				t.Fatalf("%q → %q: not a tail of whole lines", body, got)
			}
		}
		readingTime(body)
	})
}
