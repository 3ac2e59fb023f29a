package extract

import (
	"strings"
	"testing"
	"unicode"

	"github.com/vanban/vanban/corpus/viet"
	"golang.org/x/text/unicode/norm"
)

// spellings returns s as it is (NFC), decomposed (NFD), typed without
// diacritics and in capitals without them: every reader of a
// Vietnamese-form date reads each (i31-extract).
func spellings(s string) map[string]string {
	bare := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			f := []rune(viet.Fold(string(r)))
			if len(f) != 1 {
				b.WriteRune(r)
				continue
			}
			if unicode.IsUpper(r) {
				f[0] = unicode.ToUpper(f[0])
			}
			b.WriteRune(f[0])
		}
		return b.String()
	}
	return map[string]string{
		"NFC":           s,
		"NFD":           norm.NFD.String(s),
		"no marks":      bare(s),
		"capitals":      strings.ToUpper(s),
		"NFD capitals":  norm.NFD.String(strings.ToUpper(s)),
		"bare capitals": strings.ToUpper(bare(s)),
	}
}

// TestDateGrammarOwner: the date of a title form, of a heading and of a
// date line is vietDate's, whatever the spelling; the forms it reads
// (the words, "/", "." or "-" between the figures, the two mixed) are
// read in each place.
func TestDateGrammarOwner(t *testing.T) {
	for _, tt := range []struct{ date, want string }{
		{"ngày 5 tháng 3 năm 2026", "2026-03-05"},
		{"ngày 05/3/2026", "2026-03-05"},
		{"ngày 5 tháng 3/2026", "2026-03-05"},
		{"ngày 5/3 năm 2026", "2026-03-05"},
		{"ngày 05.03.2026", "2026-03-05"},
		{"ngày 5-3-2026", "2026-03-05"},
		{"ngày 31 thắng 12 nắm 2025", "2025-12-31"}, // OCR's wrong marks
	} {
		for sp, date := range spellings(tt.date) {
			name := tt.date + " (" + sp + ")"
			if !wholeDate(date) {
				t.Errorf("%s: wholeDate false", name)
			}
			if got := parseDate(viet.NFC(date), DayFirst); got != tt.want {
				t.Errorf("%s: parseDate %q, want %q", name, got, tt.want)
			}
			form := spellings("Quyết định số 12/QĐ-UBND ")[sp] + date + spellings(" của Ủy ban nhân dân tỉnh Phú An về việc ban hành Quy chế")[sp]
			p := docParser{lines: []string{form}}
			typ, num, got, issuer := p.titleForm(0, 1)
			if typ != "Quyết định" || got != tt.want || num == "" || issuer == "" {
				t.Errorf("%s: titleForm(%q) = %q %q %q %q, want Quyết định, the number, %q, the issuer", name, form, typ, num, got, issuer, tt.want)
			}
			heading := spellings("THÔNG TƯ SỐ 12/2026/TT-BTC ")[sp] + date
			d := ParseDocument([]string{viet.NFC(heading), "Quy định về quản lý phí thẩm định", "Căn cứ Luật Phí và lệ phí;"})
			if d.Published != tt.want || d.Number == "" {
				t.Errorf("%s: heading %q: number %q date %q, want %q", name, heading, d.Number, d.Published, tt.want)
			}
		}
	}
}

// TestDateLineGrammar: the header's date line, its slots and a body's
// opening date read the same words as vietDate, in every spelling.
func TestDateLineGrammar(t *testing.T) {
	for _, tt := range []struct {
		line             string
		dateLine, opener bool
	}{
		{"Phú An, ngày 05 tháng 3 năm 2026", true, false},
		{"Phú An, ngày 05 thắng 3 nắm 2026", true, false}, // OCR's marks
		{"Phú An, ngày … tháng 3 năm 2026", true, false},  // the day left blank
		{"Phú An, ngày    tháng    năm 2026", true, false},
		{"Ngày 5 tháng 3 năm 2026, tại Phú An, Chủ tịch đã chủ trì", false, true},
		{"Ngày 5/3/2026, tại Phú An, Chủ tịch đã chủ trì", false, true},
	} {
		for sp, l := range spellings(tt.line) {
			l = viet.NFC(l)
			if got := IsDateLine(l); got != tt.dateLine {
				t.Errorf("%q (%s): IsDateLine %v, want %v", l, sp, got, tt.dateLine)
			}
			if got := bodyOpenerRe.MatchString(viet.Fold(l)); got != tt.opener {
				t.Errorf("%q (%s): a body's opening date %v, want %v", l, sp, got, tt.opener)
			}
		}
	}
}
