package abbrev

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// The lines are written for the test in the style of Vietnamese legal
// text; none comes from an evaluation corpus.
func TestMine(t *testing.T) {
	tests := []struct {
		name, text string
		want       []Definition
	}{
		{"gọi tắt, acronym", "Tòa án có thể áp dụng biện pháp khẩn cấp tạm thời (sau đây gọi tắt là BPKCTT) theo yêu cầu của đương sự.",
			[]Definition{{Short: "BPKCTT", Long: "biện pháp khẩn cấp tạm thời", Kind: Named, Abbrev: true, Consistent: true, Explicit: true}}},
		{"viết tắt, quoted", "Hội đồng nhân dân (viết tắt là “HĐND”) quyết định.",
			[]Definition{{Short: "HĐND", Long: "Hội đồng nhân dân", Kind: Named, Abbrev: true, Consistent: true, Explicit: true}}},
		{"gọi tắt, colon", "Trung tâm Phục vụ hành chính công (gọi tắt là: TTPVHCC) tiếp nhận hồ sơ.",
			[]Definition{{Short: "TTPVHCC", Long: "Trung tâm Phục vụ hành chính công", Kind: Named, Abbrev: true, Consistent: true, Explicit: true}}},
		{"initials after", "Chủ tịch Ủy ban nhân dân (UBND) cấp xã ký.",
			[]Definition{{Short: "UBND", Long: "Ủy ban nhân dân", Kind: Initials, Abbrev: true, Consistent: true}}},
		{"initials, skipped và", "Sở Khoa học và Công nghệ (KHCN) chủ trì.",
			[]Definition{{Short: "KHCN", Long: "Khoa học và Công nghệ", Kind: Initials, Abbrev: true, Consistent: true}}},
		{"initials, & and hyphen", "Sở Thông tin và Truyền thông (TT&TT); phát triển kinh tế - xã hội (KT-XH).",
			[]Definition{{Short: "TT&TT", Long: "Thông tin và Truyền thông", Kind: Initials, Abbrev: true, Consistent: true},
				{Short: "KT-XH", Long: "kinh tế - xã hội", Kind: Initials, Abbrev: true, Consistent: true}}},
		{"initials, Đ as D, no marks", "luu tru ho so dien tu (HSĐT) cua co quan",
			[]Definition{{Short: "HSĐT", Long: "ho so dien tu", Kind: Initials, Abbrev: true, Consistent: true}}},
		{"digraph onset", "ban hành Chương trình (CTr) hành động",
			[]Definition{{Short: "CTr", Long: "Chương trình", Kind: Initials, Abbrev: true, Consistent: true}}},
		{"acronym first", "Thẩm phán quyết định áp dụng BPKCTT (biện pháp khẩn cấp tạm thời) trong 48 giờ.",
			[]Definition{{Short: "BPKCTT", Long: "biện pháp khẩn cấp tạm thời", Kind: Initials, Abbrev: true, Consistent: true}}},
		{"gọi tắt, ordinary words", "Trung tâm Phục vụ hành chính công (sau đây gọi tắt là Trung tâm) là đơn vị hành chính.",
			[]Definition{{Short: "Trung tâm", Long: "Trung tâm Phục vụ hành chính công", Kind: Named, Explicit: true}}},
		{"gọi chung, a list", "cơ quan, tổ chức, cá nhân (sau đây gọi chung là chủ thể) có quyền",
			[]Definition{{Short: "chủ thể", Long: "cơ quan, tổ chức, cá nhân", Kind: Cover}}},
		{"gọi chung, an acronym of the list", "Quy định về cán bộ, công chức, viên chức (sau đây gọi chung là CBCCVC) của tỉnh.",
			[]Definition{{Short: "CBCCVC", Long: "cán bộ, công chức, viên chức", Kind: Cover, Abbrev: true, Consistent: true}}},
		{"gọi tắt, letters disagree", "gia nhập Tổ chức Thương mại Thế giới (sau đây gọi tắt là WTO)",
			[]Definition{{Short: "WTO", Long: "gia nhập Tổ chức Thương mại Thế giới", Kind: Named, Abbrev: true, Explicit: true}}},
		{"gọi tắt, letters disagree, a word after", "Trung tâm Phục vụ hành chính công tỉnh (gọi tắt là PVHCC) tiếp nhận",
			[]Definition{{Short: "PVHCC", Long: "Trung tâm Phục vụ hành chính công tỉnh", Kind: Named, Abbrev: true, Explicit: true}}},
		{"gọi là, letters disagree", "Luật này (sau đây gọi là LTV) quy định",
			[]Definition{{Short: "LTV", Long: "Luật này", Kind: Named, Abbrev: true}}},

		// ordinary parentheses
		{"English acronym", "hệ thống phân giải tên miền (DNS) quốc gia", nil},
		{"unit", "dung lượng 10 gigabyte (GB) trở lên", nil},
		{"roman numeral", "quy định tại Chương (II) và", nil},
		{"list label", "các trường hợp sau (a) và (b)", nil},
		{"aside", "người lao động (trừ trường hợp quy định tại Điều 5) được", nil},
		{"year", "Luật Đất đai (2013) và", nil},
		{"letters not initials", "Ban quản lý dự án (BQLDA) thành lập", []Definition{{Short: "BQLDA", Long: "Ban quản lý dự án", Kind: Initials, Abbrev: true, Consistent: true}}},
		{"one letter short", "hợp đồng lao động (HĐ) ký", nil},
		{"long form too long", strings.Repeat("một ", 20) + "(sau đây gọi tắt là Một)", nil},
		{"unclosed", "Ủy ban nhân dân (UBND", nil},
		{"across a line", "Ủy ban nhân dân\n(UBND)", nil},
		{"number", "Nghị quyết số 154/NQ-CP (NQ) ngày", nil},
		{"empty", "()", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Mine(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Mine(%q)\n got %+v\nwant %+v", tt.text, got, tt.want)
			}
		})
	}
}

func TestUsable(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"biện pháp khẩn cấp tạm thời (sau đây gọi tắt là BPKCTT)", true},
		{"Ủy ban nhân dân (UBND)", true},
		{"Tổ chức Thương mại Thế giới (sau đây gọi tắt là WTO)", true}, // the text says so
		{"Luật này (sau đây gọi là LTV)", false},                       // "gọi là" alone, letters disagree
		{"Trung tâm Phục vụ hành chính công (sau đây gọi tắt là Trung tâm)", false},
		{"cơ quan, tổ chức, cá nhân (sau đây gọi chung là chủ thể)", false},
	}
	for _, tt := range tests {
		ds := Mine(tt.text)
		if len(ds) != 1 {
			t.Fatalf("Mine(%q) = %+v, want one definition", tt.text, ds)
		}
		if ds[0].Usable() != tt.want {
			t.Errorf("Usable(%q) = %v, want %v", tt.text, !tt.want, tt.want)
		}
	}
}

func FuzzMine(f *testing.F) {
	for _, s := range []string{
		"biện pháp khẩn cấp tạm thời (sau đây gọi tắt là BPKCTT)",
		"Ủy ban nhân dân (UBND) tỉnh", "BPKCTT (biện pháp khẩn cấp tạm thời)",
		"cơ quan, tổ chức (sau đây gọi chung là CQTC)", "((()))", "(sau đây gọi tắt là", "Ð (ĐĐ)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range Mine(s) {
			if d.Short == "" || d.Long == "" {
				t.Fatalf("Mine(%q): empty side in %+v", s, d)
			}
			if utf8.ValidString(s) && (!utf8.ValidString(d.Short) || !utf8.ValidString(d.Long)) {
				t.Fatalf("Mine(%q): invalid UTF-8 in %+v", s, d)
			}
			if n := len(FoldedWords(d.Long)); n > 2*maxLongWords || n > maxInitialWords && d.Consistent {
				t.Fatalf("Mine(%q): long form of %d words: %+v", s, n, d)
			}
			if d.Consistent && !spell(abbrevLetters(d.Short), spans(d.Long)) {
				t.Fatalf("Mine(%q): %+v is not spelled by its initials", s, d)
			}
			if d.Usable() {
				if e, ok := ParseEntry(d.Entry().String()); !ok || e.Short != d.Short || e.Long != d.Long {
					t.Fatalf("Mine(%q): entry %q does not read back: %+v", s, d.Entry(), e)
				}
			}
		}
	})
}

// BenchmarkMine reads a page of legal text with definitions and ordinary
// parentheses, and a worst case for the initials (every word skippable).
func BenchmarkMine(b *testing.B) {
	page := strings.Repeat("Tòa án có thể áp dụng biện pháp khẩn cấp tạm thời (sau đây gọi tắt là BPKCTT) theo yêu cầu của đương sự (trừ trường hợp quy định tại khoản 2). "+
		"Chủ tịch Ủy ban nhân dân (UBND) cấp xã ký quyết định trong thời hạn 05 ngày làm việc (kể từ ngày nhận đủ hồ sơ hợp lệ). ", 20)
	worst := strings.Repeat("va ", 40) + "(VAVAVAVAVAVA)"
	for _, c := range []struct{ name, text string }{{"page", page}, {"worst", worst}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				Mine(c.text)
			}
		})
	}
}
