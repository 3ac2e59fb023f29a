package extract

import (
	"reflect"
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

// TestParseDocumentNFD: ParseDocument reads a text in NFD (a file's text
// or an OCR engine's lines decomposed) as it reads it in NFC: every field,
// the date line's date through dateForm, the authority line's issuer and
// its casing (i31-rev-extract: the date line "Phú An, ngày 05 tháng 3 năm
// 2026" in NFD gave no date, "ỦY BAN NHÂN DÂN TỈNH PHÚ AN" the issuer "Ủy
// ban Nhân dân tỉnh phú an").
func TestParseDocumentNFD(t *testing.T) {
	for _, lines := range [][]string{
		{"ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH PHÚ AN | Độc lập - Tự do - Hạnh phúc",
			"Số: 245/QĐ-UBND | Phú An, ngày 05 tháng 3 năm 2026", "QUYẾT ĐỊNH", "Về việc ban hành Quy chế làm việc",
			"ỦY BAN NHÂN DÂN TỈNH PHÚ AN", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", "QUYẾT ĐỊNH:",
			"Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.", "Nơi nhận:", "- Như Điều 3;", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Thị Hoa"},
		{"QUYẾT ĐỊNH", "Về việc ban hành Quy chế quản lý cụm công nghiệp", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ AN",
			"Căn cứ Luật Tổ chức chính quyền địa phương;", "QUYẾT ĐỊNH:", "Điều 1. Ban hành kèm theo Quyết định này Quy chế."},
		{"HUYỆN ỦY PHÚ HÒA | ĐẢNG CỘNG SẢN VIỆT NAM", "* | Phú Hòa, ngày 5/3/2026", "Số 18-KH/HU", "KẾ HOẠCH",
			"thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI", "Thực hiện Kế hoạch số 12-KH/TU ngày 20 tháng 1 năm 2026 của Tỉnh ủy,"},
		{"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phan Vĩ", "QUY CHẾ", "Làm việc của Ủy ban nhân dân huyện Phú Hòa",
			"(Ban hành kèm theo Quyết định số 27/2026/QĐ-UBND ngày 5 tháng 3 năm 2026 của Ủy ban nhân dân huyện Phú Hòa)", "Chương I", "QUY ĐỊNH CHUNG"},
	} {
		want := ParseDocument(lines)
		nfd := make([]string, len(lines))
		for i, l := range lines {
			nfd[i] = norm.NFD.String(l)
		}
		if got := ParseDocument(nfd); !reflect.DeepEqual(got, want) {
			t.Errorf("%q in NFD:\n got %+v\nwant %+v", lines[:3], got, want)
		}
		if want.Issuer == "" || want.Type == "" {
			t.Errorf("%q: no issuer or type read (the row's NFC text names both)", lines[:3])
		}
	}
}

// TestTitleFormIssuerBeforeNumber: a title form's "của …" before "số"
// loses its "của" however typed (capitals, no marks, the old tone place
// "cuả", NFD). i31-extract's rows check "cua" typed without marks
// (TestHeldOutHeaders); these add "CỦA", "cuả" and NFD (i31-rev-extract).
func TestTitleFormIssuerBeforeNumber(t *testing.T) {
	for _, tt := range []struct{ line, issuer string }{
		{"Quyết định của Thủ tướng Chính phủ số 115/2004/QĐ-TTg ngày 25 tháng 6 năm 2004 về việc phê duyệt Đề án", "Thủ tướng Chính phủ"},
		{"QUYẾT ĐỊNH CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 115/2004/QĐ-TTG NGÀY 25 THÁNG 6 NĂM 2004 VỀ VIỆC PHÊ DUYỆT ĐỀ ÁN", "THỦ TƯỚNG CHÍNH PHỦ"},
		{"Quyet dinh cua Thu tuong Chinh phu so 115/2004/QD-TTg ngay 25 thang 6 nam 2004 ve viec phe duyet De an", "Thu tuong Chinh phu"},
		{"Quyết định cuả Thủ tướng Chính phủ số 115/2004/QĐ-TTg ngày 25 tháng 6 năm 2004 về việc phê duyệt Đề án", "Thủ tướng Chính phủ"},
		{norm.NFD.String("Quyết định của Thủ tướng Chính phủ số 115/2004/QĐ-TTg ngày 25 tháng 6 năm 2004 về việc phê duyệt Đề án"), "Thủ tướng Chính phủ"},
	} {
		p := docParser{lines: []string{tt.line}}
		typ, num, date, issuer := p.titleForm(0, 1)
		if typ != "Quyết định" || num == "" || date != "2004-06-25" || issuer != tt.issuer {
			t.Errorf("titleForm(%q) = %q %q %q %q, want Quyết định, the number, 2004-06-25, %q", tt.line, typ, num, date, issuer, tt.issuer)
		}
	}
}
