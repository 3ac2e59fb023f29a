package extract

import (
	"net/url"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/doctype"
)

// TestTranslatedHeaderNumber: the English translation of a Vietnamese
// legal document (headers written for the test in the shape of a
// ministry's English pages) gives its number from the header's "No.",
// "No.:" or "Number:" line and its type from the English type line; an
// English news page's "No. 1 priority", a "No." opening a paragraph of a
// body, and a number alone in a page without a header give no number.
func TestTranslatedHeaderNumber(t *testing.T) {
	page := func(title string, lines ...string) []byte {
		return []byte(`<html><head><title>` + title + `</title></head><body><div class="nav"><a href="/en/">Home</a></div>
<div class="content"><h1>` + title + `</h1><div class="doc"><p>` + strings.Join(lines, "</p><p>") + `</p></div></div></body></html>`)
	}
	header := func(issuer, number, typ, subject string) []string {
		return []string{issuer, "SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness", number,
			"Hanoi, March 5, 2026", typ, subject,
			"Pursuant to the Law on Government Organization dated June 19, 2015;",
			"Article 1. Scope. This document provides for the storage, use and digitisation of public archives held by state agencies and public service units."}
	}
	// The number is kept as typed; the grammar's key folds the ASCII code
	// to the marked one, so the index finds it either way.
	if doctype.NumberKey("12/2026/ND-CP") != doctype.NumberKey("12/2026/NĐ-CP") {
		t.Fatalf("NumberKey does not fold ND to NĐ")
	}
	for _, tc := range []struct {
		name   string
		html   []byte
		number string // "" for none
		typ    string
	}{
		{"decree, No.", page("Decree on public archives", header("THE GOVERNMENT", "No. 12/2026/ND-CP", "DECREE", "ON PUBLIC ARCHIVES")...),
			"12/2026/ND-CP", "Nghị định"},
		{"law, No.:", page("Law on Archives", header("THE NATIONAL ASSEMBLY", "No.: 45/2025/QH15", "LAW", "ON ARCHIVES")...),
			"45/2025/QH15", "Luật"},
		{"directive, Number:", page("Directive on flood prevention", header("THE PRIME MINISTER", "Number: 03/CT-TTg", "DIRECTIVE", "ON FLOOD PREVENTION")...),
			"03/CT-TTg", "Chỉ thị"},
		{"circular, number and date in one row", page("Circular on tax invoices", header("MINISTRY OF FINANCE", "No. 07/2026/TT-BTC | Hanoi, March 5, 2026", "CIRCULAR", "GUIDING TAX INVOICES")...),
			"07/2026/TT-BTC", "Thông tư"},
		{"resolution", page("Resolution on the budget", header("THE GOVERNMENT", "No. 66.18/2026/NQ-CP", "RESOLUTION", "ON THE STATE BUDGET")...),
			"66.18/2026/NQ-CP", "Nghị quyết"},
		{"decision", page("Decision on a scheme", header("THE PRIME MINISTER", "No. 1696/QD-TTg", "DECISION", "APPROVING A SCHEME")...),
			"1696/QD-TTg", "Quyết định"},
		{"news, No. 1 priority", page("Clean water is the city's No. 1 priority",
			"Clean water is the city's No. 1 priority",
			"No. 1 priority for the new council is clean water, the mayor said on Tuesday after the vote on the budget for next year.",
			"The council will spend most of the new budget on pipes and treatment plants across the northern districts, officials said."),
			"", ""},
		{"news, No. opening a body paragraph", page("New rules for archives",
			"The government has issued new rules on public archives, which take effect in May.",
			"No. 12/2026/ND-CP sets out how state agencies store, use and digitise the records they hold, and who pays for it.",
			"Agencies have until the end of the year to register their archives with the ministry, the statement said."),
			"", ""},
		{"news, a number alone in a list of links", page("New rules for archives",
			"The government has issued new rules on public archives, which take effect in May, the ministry said on Monday.",
			"Agencies have until the end of the year to register their archives with the ministry, the statement said.",
			"Related documents", "No. 12/2026/ND-CP"),
			"", ""},
	} {
		u, _ := url.Parse("https://portal.example.gov.vn/en/doc/1.html")
		a, err := Extract(tc.html, "text/html; charset=utf-8", u, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Number != tc.number {
			t.Errorf("%s: number %q, want %q", tc.name, a.Number, tc.number)
		}
		if a.Type != tc.typ {
			t.Errorf("%s: type %q, want %q", tc.name, a.Type, tc.typ)
		}
	}
}

// TestEnglishNumberIn: the English number label reads a header cell that
// holds the label and a number only (shapes of ministries' English pages
// and of English news, written for the test).
func TestEnglishNumberIn(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"No. 12/2026/ND-CP", "12/2026/ND-CP"},
		{"No.: 45/2025/QH15", "45/2025/QH15"},
		{"Number: 03/CT-TTg", "03/CT-TTg"},
		{"NO. 507 /UBND-KGVX", "507/UBND-KGVX"},
		{"No.24-NQ/TW", "24-NQ/TW"},
		{"No. 12/2026/ND-CP.", "12/2026/ND-CP"},
		{"No. 1 priority", ""},
		{"No. 1", ""},
		{"No. 12/2026/ND-CP sets out the rules", ""},
		{"No, 12/2026/ND-CP", ""},
		{"Note: 12/2026/ND-CP", ""},
		{"Number of cases: 12", ""},
		{"Số: 12/2026/NĐ-CP", ""}, // numberIn's
	} {
		if got := englishNumberIn(tc.in); got != tc.want {
			t.Errorf("englishNumberIn(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestEnglishHeaderFile: a file's lines (crawler/filetext reads files
// with ParseDocument) — a translated header gives the number and type;
// an English report whose first line is "DECISION" and that has no
// translated header gives no type.
func TestEnglishHeaderFile(t *testing.T) {
	d := ParseDocument([]string{"THE PRIME MINISTER | SOCIALIST REPUBLIC OF VIETNAM", "| Independence - Freedom - Happiness",
		"No. 1696/QD-TTg | Hanoi, 5 March 2026", "DECISION", "APPROVING THE SCHEME ON DIGITAL ARCHIVES", "THE PRIME MINISTER",
		"Pursuant to the Law on Government Organization dated June 19, 2015;"})
	if d.Number != "1696/QD-TTg" || d.Type != "Quyết định" || d.Published != "2026-03-05" {
		t.Errorf("translated header: number %q type %q published %q", d.Number, d.Type, d.Published)
	}
	d = ParseDocument([]string{"DECISION", "How the board chose the new supplier",
		"The board met on Tuesday and chose the new supplier after comparing three offers on price, quality and delivery times across the region."})
	if d.Type != "" || d.Number != "" {
		t.Errorf("English report: number %q type %q, want none", d.Number, d.Type)
	}
}

// FuzzEnglishNumber: a number read from an English label is one number
// by the grammar, and never panics.
func FuzzEnglishNumber(f *testing.F) {
	for _, s := range []string{"No. 12/2026/ND-CP", "Number: 03/CT-TTg", "No. 1 priority", "No.: 66.18/2026/NQ-CP", "no.\u00a0/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n := englishNumberIn(s); n != "" && normNumber(n) == "" {
			t.Errorf("englishNumberIn(%q) = %q, not a number", s, n)
		}
	})
}

// TestTranslatedHeaderIssuer: a translated header's issuer line ("THE
// GOVERNMENT", "MINISTRY OF FINANCE", "PEOPLE'S COMMITTEE OF … PROVINCE",
// one cell of a two-column header or a name wrapped over two lines) gives
// the issuer's Vietnamese name (corpus/cite owns the table); a department
// the table does not know under its ministry gives none rather than the
// ministry, and an English page without a translated header reads no
// issuer from a line that names one. Headers written for the test.
func TestTranslatedHeaderIssuer(t *testing.T) {
	tail := []string{"Pursuant to the Law on Organization of Local Government dated June 19, 2015;",
		"Article 1. Scope. This document provides for the storage, use and digitisation of public archives held by state agencies."}
	for _, tc := range []struct {
		name  string
		lines []string
		want  string
	}{
		{"government, two columns", append([]string{"THE GOVERNMENT | SOCIALIST REPUBLIC OF VIETNAM", "------- | Independence - Freedom - Happiness",
			"No. 12/2026/ND-CP | Hanoi, March 5, 2026", "DECREE", "ON PUBLIC ARCHIVES"}, tail...), "Chính phủ"},
		{"ministry, one column", append([]string{"MINISTRY OF FINANCE", "-------", "SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness",
			"No.: 07/2026/TT-BTC", "Hanoi, March 5, 2026", "CIRCULAR", "GUIDING TAX INVOICES"}, tail...), "Bộ Tài chính"},
		{"province, wrapped", append([]string{"PEOPLE’S COMMITTEE | SOCIALIST REPUBLIC OF VIETNAM", "OF BINH DUONG PROVINCE | Independence - Freedom - Happiness",
			"No. 45/QD-UBND | Binh Duong, 5 March 2026", "DECISION", "ON THE DIGITAL ARCHIVES PLAN"}, tail...), "Ủy ban nhân dân tỉnh Binh Duong"},
		{"provincial council, before", append([]string{"QUANG NINH PROVINCIAL PEOPLE'S COUNCIL | SOCIALIST REPUBLIC OF VIETNAM", "| Independence - Freedom - Happiness",
			"No. 12/2026/NQ-HDND | Quang Ninh, March 5, 2026", "RESOLUTION", "ON THE 2026 BUDGET"}, tail...), "Hội đồng nhân dân tỉnh Quang Ninh"},
		{"unknown department under its ministry", append([]string{"MINISTRY OF FINANCE", "GENERAL DEPARTMENT OF TAXATION", "SOCIALIST REPUBLIC OF VIETNAM",
			"Independence - Freedom - Happiness", "No. 507/TCT-CS", "Hanoi, March 5, 2026", "DECISION", "ON TAX FORMS"}, tail...), ""},
		// A name wrapped over two lines whose last line is another
		// issuer's name, and a central committee under its organisation:
		// never the shorter name.
		{"government office, wrapped", append([]string{"OFFICE OF THE | SOCIALIST REPUBLIC OF VIETNAM", "GOVERNMENT | Independence - Freedom - Happiness",
			"No. 1234/VPCP-KGVX | Hanoi, March 5, 2026", "DECISION", "ON THE DIGITAL ARCHIVES PLAN"}, tail...), "Văn phòng Chính phủ"},
		{"standing committee, wrapped", append([]string{"STANDING COMMITTEE OF | SOCIALIST REPUBLIC OF VIETNAM", "THE NATIONAL ASSEMBLY | Independence - Freedom - Happiness",
			"No. 12/2026/UBTVQH15 | Hanoi, March 5, 2026", "RESOLUTION", "ON COURT FEES"}, tail...), "Ủy ban Thường vụ Quốc hội"},
		{"council of judges, wrapped", append([]string{"COUNCIL OF JUDGES OF THE | SOCIALIST REPUBLIC OF VIETNAM", "SUPREME PEOPLE'S COURT | Independence - Freedom - Happiness",
			"No. 02/2026/NQ-HDTP | Hanoi, March 5, 2026", "RESOLUTION", "GUIDING THE PENAL CODE"}, tail...), "Hội đồng Thẩm phán Tòa án nhân dân tối cao"},
		{"name the table lacks, wrapped onto a known one", append([]string{"COMMITTEE FOR MANAGEMENT OF | SOCIALIST REPUBLIC OF VIETNAM", "STATE CAPITAL AT ENTERPRISES | Independence - Freedom - Happiness",
			"No. 12/QD-UBQLV | Hanoi, March 5, 2026", "DECISION", "ON AUDITS"}, tail...), ""},
		{"front's central committee", append([]string{"VIETNAM FATHERLAND FRONT | SOCIALIST REPUBLIC OF VIETNAM", "CENTRAL COMMITTEE | Independence - Freedom - Happiness",
			"No. 12/2026/NQ-MTTW | Hanoi, March 5, 2026", "RESOLUTION", "ON SUPERVISION"}, tail...), ""},
		{"party's central committee, one column", append([]string{"COMMUNIST PARTY OF VIETNAM", "CENTRAL COMMITTEE", "No. 12-NQ/TW", "Hanoi, March 5, 2026",
			"RESOLUTION", "ON SCIENCE AND TECHNOLOGY"}, tail...), "Ban Chấp hành Trung ương"},
		{"natural resources, one cell", append([]string{"MINISTRY OF NATURAL RESOURCES AND ENVIRONMENT | SOCIALIST REPUBLIC OF VIETNAM", "------- | Independence - Freedom - Happiness",
			"No. 12/2026/TT-BTNMT | Hanoi, March 5, 2026", "CIRCULAR", "ON LAND SURVEYS"}, tail...), "Bộ Tài nguyên và Môi trường"},
		{"state bank, wrapped", append([]string{"STATE BANK | SOCIALIST REPUBLIC OF VIETNAM", "OF VIETNAM | Independence - Freedom - Happiness",
			"No. 12/2026/TT-NHNN | Hanoi, March 5, 2026", "CIRCULAR", "ON LOANS"}, tail...), "Ngân hàng Nhà nước Việt Nam"},
		{"English report, no translated header", []string{"MINISTRY OF FINANCE",
			"The ministry said on Tuesday that the new tax forms will be used from May, after consultations with businesses across the country.",
			"Companies will have until the end of the year to switch to the electronic invoices, officials said at a briefing in Hanoi."}, ""},
	} {
		if got := ParseDocument(tc.lines).Issuer; got != tc.want {
			t.Errorf("%s: issuer %q, want %q", tc.name, got, tc.want)
		}
	}
	// A whole page: the header in the article's paragraphs.
	page := `<html><head><title>Decree on public archives</title></head><body><div class="content"><h1>Decree on public archives</h1><div class="doc"><p>` +
		strings.Join([]string{"THE GOVERNMENT", "SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness", "No. 12/2026/ND-CP",
			"Hanoi, March 5, 2026", "DECREE", "ON PUBLIC ARCHIVES", tail[0], tail[1]}, "</p><p>") + `</p></div></div></body></html>`
	u, _ := url.Parse("https://portal.example.gov.vn/en/doc/1.html")
	a, err := Extract([]byte(page), "text/html; charset=utf-8", u, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Issuer != "Chính phủ" || a.Number != "12/2026/ND-CP" {
		t.Errorf("page: issuer %q number %q, want Chính phủ, 12/2026/ND-CP", a.Issuer, a.Number)
	}
}
