package extract

import (
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/shared"
	"golang.org/x/text/unicode/norm"
)

// SharePoint and portal chrome that must never reach a body.
var chromeText = []string{
	"This div, which you should delete", "_spPageContextInfo", "__VIEWSTATE",
	"Trang chủ", "Thuộc tính", "Lược đồ", "Bản in", "Tải về",
}

func extractShared(t *testing.T, rel, rawURL string) *Article {
	t.Helper()
	path := shared.Path(t, "data", "html", rel)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(rawURL)
	a, err := Extract(b, "text/html; charset=utf-8", u, Options{})
	if err != nil {
		t.Fatalf("Extract(%s): %v", rel, err)
	}
	for name, s := range map[string]string{"title": a.Title, "body": a.Body, "summary": a.Summary} {
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("%s: %s is not NFC", rel, name)
		}
	}
	return a
}

// TestVBPLFullText: the toàn văn pages' text, number and type (the
// header's "BỘ LUẬT", not the first entry of the page's menu of types,
// "Hiến pháp", which they were read as before i19-extract).
func TestVBPLFullText(t *testing.T) {
	tests := []struct {
		file, url, title, number, typ string
		want                          []string
	}{
		// Titled by the header's trích yếu, not the page's "Bộ luật
		// 100/2015/QH13" (docname.go).
		{"vbpl.vn/vbpl_toanvan_ItemID96122_BLHS-100-2015-QH13.html", "https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=96122", "Bộ luật Hình sự", "100/2015/QH13", "Bộ luật",
			[]string{"Điều 1. Nhiệm vụ của Bộ luật hình sự", "Bộ luật này quy định về tội phạm và hình phạt."}},
		{"vbpl.vn/vbpl_toanvan_ItemID96172_BLTTHS-101-2015-QH13.html", "https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=96172", "Bộ luật Tố tụng hình sự", "101/2015/QH13", "Bộ luật",
			[]string{"Điều 1. Phạm vi điều chỉnh", "Điều 510. Quy định chi tiết"}},
		// "Hiến pháp Không số": the name is the line under HIẾN PHÁP
		// (not the quốc hiệu: it names the state after "NƯỚC"), its
		// capitals kept (i21-pages; "Hiến pháp" before).
		{"vbpl.vn/vbpl_toanvan_ItemID32801_HienPhap2013.html", "https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=32801", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam", "", "Hiến pháp",
			[]string{"LỜI NÓI ĐẦU", "Trải qua mấy nghìn năm lịch sử, Nhân dân Việt Nam"}},
	}
	for _, tt := range tests {
		a := extractShared(t, tt.file, tt.url)
		if a.Title != tt.title {
			t.Errorf("%s: title %q, want %q", tt.file, a.Title, tt.title)
		}
		for _, s := range tt.want {
			if !strings.Contains(a.Body, s) {
				t.Errorf("%s: body lacks %q", tt.file, s)
			}
		}
		for _, s := range chromeText {
			if strings.Contains(a.Body, s) {
				t.Errorf("%s: body holds chrome %q", tt.file, s)
			}
		}
		if a.Number != tt.number || a.Type != tt.typ {
			t.Errorf("%s: Number, Type = %q, %q, want %q, %q", tt.file, a.Number, a.Type, tt.number, tt.typ)
		}
		// Each names Quốc hội: the header, or for Hiến pháp, which has
		// none, its closing "… đã được Quốc hội … thông qua ngày" (adopt.go).
		if a.Issuer != "Quốc hội" {
			t.Errorf("%s: issuer %q, want Quốc hội", tt.file, a.Issuer)
		}
	}
}

func TestVBPLProperties(t *testing.T) {
	tests := []struct {
		file, url                      string
		title                          string
		number, typ, issuer, published string
		cell                           string // the Số ký hiệu cell, as the body shows it
		attachment                     string
	}{
		{"vbpl.vn/vbpl_thuoctinh_ItemID96172_BLTTHS-101-2015-QH13.html", "https://vbpl.vn/TW/Pages/vbpq-thuoctinh.aspx?dvid=13&ItemID=96172",
			"Bộ luật Tố tụng hình sự", "101/2015/QH13", "Bộ luật", "Quốc hội", "2015-11-27", "101/2015/QH13",
			"https://vbpl.vn/FileData/TW/Lists/vbpq/Attachments/96172/VanBanGoc_101.2015.QH13.P1.pdf"},
		// "Không số" (no number) is not a number.
		{"vbpl.vn/vbpl_thuoctinh_ItemID32801_HienPhap2013.html", "https://vbpl.vn/TW/Pages/vbpq-thuoctinh.aspx?ItemID=32801",
			"Hiến pháp năm 2013", "", "Hiến pháp", "Quốc hội", "2013-11-28", "Không số", ""},
		{"vbpl.vn/vbpl_thuoctinh-hopnhat_ItemID147301_31-VBHN-VPQH.html", "https://vbpl.vn/TW/Pages/vbpq-thuoctinh-hopnhat.aspx?ItemID=147301&View=0",
			"Văn bản hợp nhất Luật Xử lý vi phạm hành chính", "31/VBHN-VPQH", "Văn bản hợp nhất", "Văn phòng Quốc hội", "2020-12-07", "31/VBHN-VPQH", ""},
	}
	for _, tt := range tests {
		a := extractShared(t, tt.file, tt.url)
		if a.Title != tt.title || a.Number != tt.number || a.Type != tt.typ || a.Issuer != tt.issuer || a.Published != tt.published {
			t.Errorf("%s: title, number, type, issuer, published = %q, %q, %q, %q, %q; want %q, %q, %q, %q, %q",
				tt.file, a.Title, a.Number, a.Type, a.Issuer, a.Published, tt.title, tt.number, tt.typ, tt.issuer, tt.published)
		}
		if tt.attachment != "" && !contains1(a.Attachments, tt.attachment) {
			t.Errorf("%s: attachments %q lack %q", tt.file, a.Attachments, tt.attachment)
		}
		if !strings.Contains(a.Body, "Số ký hiệu | "+tt.cell) {
			t.Errorf("%s: body lacks the property table:\n%s", tt.file, a.Body)
		}
	}
}

// TestVBPLRelationPages: the lược đồ and related-documents pages, whose
// content is all links, got the footer's banner as their body ("CƠ SỞ DỮ
// LIỆU VĂN BẢN PHÁP LUẬT TRUNG ƯƠNG") and "Không số" in their title.
func TestVBPLRelationPages(t *testing.T) {
	for _, tt := range []struct{ file, url, title string }{
		{"vbpl.vn/vbpl_luocdo_ItemID32801_HienPhap2013.html", "https://vbpl.vn/TW/Pages/vbpq-luocdo.aspx?ItemID=32801", "Hiến pháp"},
		{"vbpl.vn/vbpl_vanbanlienquan_ItemID32801_HienPhap2013.html", "https://vbpl.vn/TW/Pages/vbpq-vanbanlienquan.aspx?dvid=13&ItemID=32801", "Hiến pháp"},
		{"vbpl.vn/vbpl_luocdo-hopnhat_ItemID147301_31-VBHN-VPQH.html", "https://vbpl.vn/TW/Pages/vbpq-luocdo-hopnhat.aspx?ItemID=147301", "Luật 31/VBHN-VPQH"},
	} {
		a := extractShared(t, tt.file, tt.url)
		if strings.Contains(strings.ToUpper(a.Body), "CƠ SỞ DỮ LIỆU VĂN BẢN") || a.Title != tt.title {
			t.Errorf("%s: title %q, body %.200q", tt.file, a.Title, a.Body)
		}
		// Lists of the documents related to one: pages about documents,
		// not documents (relpage.go; i21-pages).
		if a.NotDocument == "" {
			t.Errorf("%s: not told a page about documents", tt.file)
		}
	}
	// The document's own pages are documents.
	for _, tt := range []struct{ file, url string }{
		{"vbpl.vn/vbpl_toanvan_ItemID32801_HienPhap2013.html", "https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=32801"},
		{"vbpl.vn/vbpl_thuoctinh_ItemID32801_HienPhap2013.html", "https://vbpl.vn/TW/Pages/vbpq-thuoctinh.aspx?ItemID=32801"},
		{"vbpl.vn/vbpl_thuoctinh-hopnhat_ItemID147301_31-VBHN-VPQH.html", "https://vbpl.vn/TW/Pages/vbpq-thuoctinh-hopnhat.aspx?ItemID=147301&View=0"},
		{"anle.toaan.gov.vn/anle_thuoctinh_63-2023-AL.html", "https://anle.toaan.gov.vn/webcenter/portal/anle/chitietanle"},
	} {
		if a := extractShared(t, tt.file, tt.url); a.NotDocument != "" {
			t.Errorf("%s: told not a document: %s", tt.file, a.NotDocument)
		}
	}
}

func contains1(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestAnLe(t *testing.T) {
	a := extractShared(t, "anle.toaan.gov.vn/anle_thuoctinh_63-2023-AL.html", "https://anle.toaan.gov.vn/webcenter/portal/anle/chitietanle")
	// The attribute page shows the precedent's description under its
	// heading, its properties, and a table of the other precedents: that
	// table is a listing of other documents, not its text (doclist.go).
	if !strings.HasPrefix(a.Body, "Về xem xét quyết định hành chính có liên quan đến hành vi hành chính bị khiếu kiện\n") {
		t.Errorf("body does not open with the precedent's description:\n%.300s", a.Body)
	}
	// Its <title> and heading are the number alone: the number is the
	// number, the title is the precedent's name (docname.go).
	if a.Title != "Về xem xét quyết định hành chính có liên quan đến hành vi hành chính bị khiếu kiện" || a.Number != "63/2023/AL" || a.Type != "Án lệ" {
		t.Errorf("title, number, type = %q, %q, %q", a.Title, a.Number, a.Type)
	}
	// Its date is the day the precedent was adopted ("Ngày thông qua"),
	// not a news ticker's link date nor its source decision's.
	if a.Published != "2023-02-01" {
		t.Errorf("published %q, want 2023-02-01 (Ngày thông qua)", a.Published)
	}
	for _, s := range []string{"62/2023/AL", "53/2022/AL"} {
		if strings.Contains(a.Body, s) {
			t.Errorf("body holds the list of other precedents (%q):\n%s", s, a.Body)
		}
	}
	for _, s := range []string{"Nguồn án lệ | Quyết định giám đốc thẩm số 04/2018/HC-GĐT", "Ngày áp dụng | 27/03/2023"} {
		if !strings.Contains(a.Body, s) {
			t.Errorf("body lacks its own property %q:\n%s", s, a.Body)
		}
	}
}

// TestVPCPEntities checks numeric character references: the home page
// writes Vietnamese as &#x1EC7; and the like.
func TestVPCPEntities(t *testing.T) {
	path := shared.Path(t, "data", "html", "vpcp.chinhphu.vn", "vpcp_chinhphu_vn_homepage_2024-12.html")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse("https://vpcp.chinhphu.vn/")
	p, err := Parse(b, "", u)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range p.Links() {
		if strings.Contains(l.Text, "&#") || !norm.NFC.IsNormalString(l.Text) {
			t.Errorf("link text not decoded: %q", l.Text)
		}
		if strings.Contains(l.Text, "Quán triệt") {
			n++
		}
		if !strings.HasPrefix(l.URL, "http") || strings.Contains(l.URL, "#") {
			t.Errorf("link URL %q not absolute or has a fragment", l.URL)
		}
	}
	if n == 0 {
		t.Error("no link text holds the decoded \"Quán triệt\"")
	}
	// The home page is a listing, not a document (relpage.go, i21-pages:
	// it was stored with the banner "chính phủ nước cộng hòa …" as text).
	if a := p.Article(Options{}); a.NotDocument == "" {
		t.Errorf("home page not told a listing: title %q, body %q", a.Title, a.Body)
	}
}
