package outline

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestHeadingForms: an article's and a chapter's heading is read in every
// spelling a portal or a converter gives it — NFC, NFD (macOS, some PDF
// tools), the tone on another vowel ("Điêù", "Đìêu", as old fonts and
// typists place it), capitals ("ĐIỀU 5.", in NFD too) — through the one
// canonical form (headingForm, viet.Canon): the outline is the NFC
// body's, section for section and item for item, and the words after the
// heading's stay as written ("hoà", not "hòa"). Lines written for the
// test in the shape of a decree (NĐ 159/2026's articles, read as
// sections s4… in NFD before).
func TestHeadingForms(t *testing.T) {
	body := func(word, chapter string) string {
		return chapter + " I\nQUY ĐỊNH CHUNG\n" +
			word + " 1. Phạm vi điều chỉnh\n" +
			"Nghị định này quy định chính sách hỗ trợ hoà nhập cộng đồng.\n" +
			word + " 2. Trách nhiệm thực hiện\n" +
			"1. Sở Lao động chủ trì, phối hợp với các sở, ngành triển khai.\n" +
			"2. Ủy ban nhân dân các huyện tổ chức thực hiện.\n"
	}
	sig := func(o *Outline) string {
		var b strings.Builder
		for _, s := range o.Sections {
			fmt.Fprintf(&b, "S %s %q %q\n", s.ID, norm.NFC.String(s.Title), norm.NFC.String(s.Text))
		}
		for _, it := range o.Items {
			fmt.Fprintf(&b, "I %s %d %q\n", it.ID, it.Line, norm.NFC.String(it.Text))
		}
		return b.String()
	}
	want := sig(Parse(body("Điều", "Chương")))
	if !strings.Contains(want, "S Đ2 ") || !strings.Contains(want, "I Đ2.2 ") || !strings.Contains(want, "hoà nhập") {
		t.Fatalf("the NFC body's outline lacks its articles:\n%s", want)
	}
	for _, c := range []struct{ name, body string }{
		{"NFD", norm.NFD.String(body("Điều", "Chương"))},
		{"tone on u", body("Điêù", "Chương")},
		{"tone on i", body("Đìêu", "Chương")},
		{"capitals", body("ĐIỀU", "CHƯƠNG")},
		{"capitals NFD", norm.NFD.String(body("ĐIỀU", "CHƯƠNG"))},
		{"capitals tone on U", body("ĐIÊÙ", "CHƯƠNG")},
		{"tones decomposed", strings.ReplaceAll(body("Điều", "Chương"), "Điều", "Đi\u00ea\u0300u")},
		// OCR drops a tone ("Điêu 24. Trách nhiệm của Uy ban nhân dân
		// cầp tỉnh", NĐ 262/2026) and a summary is written without
		// diacritics ("Dieu 1. Pham vi dieu chinh", NĐ 146/2026): the
		// word read folded, when the line is an article's heading.
		{"tone lost", body("Điêu", "Chương")},
		{"no diacritics", body("Dieu", "Chương")},
		{"capitals no diacritics", body("DIEU", "CHƯƠNG")},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := sig(Parse(c.body))
			if strings.HasPrefix(c.name, "capitals") {
				// The capitals' titles are the NFC body's; only the
				// chapter word differs.
				got = strings.ReplaceAll(got, "CHƯƠNG", "Chương")
			}
			if got != want {
				t.Errorf("outline\n%s\nwant the NFC body's\n%s", got, want)
			}
		})
	}
	// A sentence opening with the word is no heading in any spelling.
	for _, w := range []string{"Điều", "Điêù", "Điêu", "Dieu"} {
		o := Parse("Điều 1. Phạm vi\n" + w + " kiện hỗ trợ được quy định tại Phụ lục.\n")
		if len(o.Sections) != 2 {
			t.Errorf("%q: sections %d, want 2", w, len(o.Sections))
		}
	}
	// A reference a hard wrap broke before the word, its tone lost ("…
	// quy định tại" then "Điêu 32 Nghị định này.", NĐ 5/2026), opens no
	// article and stays as written.
	o := Parse("Điều 1. Phạm vi\n1. Người lao động thuộc đối tượng quy định tại\nĐiêu 32 Nghị định này.\n")
	kept := false
	for _, it := range o.Items {
		kept = kept || strings.Contains(it.Text, "Điêu 32 Nghị định này.")
	}
	if len(o.Sections) != 2 || !kept {
		t.Errorf("a wrapped reference: sections %d, items %+v", len(o.Sections), o.Items)
	}
	// Other words folding alike open nothing: "Điệu múa …", "Diễu hành".
	for _, l := range []string{"Điệu 1. Múa sạp", "Diễu 2. Hành"} {
		if o := Parse("Điều 1. Phạm vi\n" + l + "\n"); len(o.Sections) != 2 {
			t.Errorf("%q: sections %d, want 2", l, len(o.Sections))
		}
	}
}
