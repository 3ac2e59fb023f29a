package viet

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestCanon(t *testing.T) {
	tests := []struct{ in, want string }{
		{"hoà", "hòa"},
		{"hòa", "hòa"},
		{"thuỷ", "thủy"},
		{"khoẻ", "khỏe"},
		{"Uỷ ban", "Ủy ban"},
		{"UỶ BAN", "ỦY BAN"},
		{"qúy", "quý"},
		{"QÚY", "QUÝ"},
		{"vịêt", "việt"},
		{"thuýên", "thuyến"},
		{"ngoài", "ngoài"},
		{"khuỷu", "khuỷu"},
		{"gìn", "gìn"},
		{"giá", "giá"},
		{"giữ", "giữ"},
		{"người", "người"},
		{"trường", "trường"},
		{"hoàn", "hoàn"},
		{"mía", "mía"},
		{"của", "của"},
		{"rượu", "rượu"},
		{"quyết", "quyết"},
		{"hoá đơn", "hóa đơn"},
		{"Ðảm bảo", "Đảm bảo"},
		{norm.NFD.String("hoà bình"), "hòa bình"},
		{"154/NQ-CP", "154/NQ-CP"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Canon(tt.in); got != tt.want {
			t.Errorf("Canon(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nghị quyết", "nghi quyet"},
		{"ĐẢNG", "dang"},
		{"Ðảm", "dam"},
		{"ðảm", "dam"},
		{norm.NFD.String("Việt Nam"), "viet nam"},
		{"đường", "duong"},
		{"HĐND", "hdnd"},
		{"abc", "abc"},
		{"ABC", "abc"},
		{"Ủy ban nhân dân", "uy ban nhan dan"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLower(t *testing.T) {
	for _, in := range []string{"Hoà", "HÒA", "hòa", norm.NFD.String("hoà"), norm.NFD.String("HÒA")} {
		if got := Lower(in); got != "hòa" {
			t.Errorf("Lower(%q) = %q, want %q", in, got, "hòa")
		}
	}
	if got := Lower("ÐẢNG"); got != "đảng" {
		t.Errorf("Lower(ÐẢNG) = %q, want đảng", got)
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Năm\u00a02024", "Năm 2024"},
		{"ngh\u200bị quyết", "nghị quyết"},
		{"số １５４", "số 154"},
		{norm.NFD.String("Nghị quyết"), "Nghị quyết"},
		{"QUY ÐỊNH", "QUY ĐỊNH"},
		{"a\xffb", "a\uFFFDb"},
		{"plain text\n", "plain text\n"},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string // "#" marks a DocNumber token
	}{
		{"Nghị quyết số 154/NQ-CP ngày 23/11/2022", []string{"Nghị", "quyết", "số", "#154/NQ-CP", "154", "NQ", "CP", "ngày", "23", "11", "2022"}},
		{"Nghị định 30/2020/NĐ-CP.", []string{"Nghị", "định", "#30/2020/NĐ-CP", "30", "2020", "NĐ", "CP"}},
		{"Nghị quyết số 24-NQ/TW,", []string{"Nghị", "quyết", "số", "#24-NQ/TW", "24", "NQ", "TW"}},
		{"năm học 2023/2024 tỷ lệ 1/2", []string{"năm", "học", "2023", "2024", "tỷ", "lệ", "1", "2"}},
		{"ĐT 0274-3822-111", []string{"ĐT", "0274", "3822", "111"}},
		{"số 113/CTr-TU của Tỉnh ủy", []string{"số", "#113/CTr-TU", "113", "CTr", "TU", "của", "Tỉnh", "ủy"}},
		{"kinh tế - xã hội", []string{"kinh", "tế", "xã", "hội"}},
		// the forms before 2000: compact capitals without "/"
		{"Nghị định số 73-CP ngày", []string{"Nghị", "định", "số", "#73-CP", "73", "CP", "ngày"}},
		{"Quyết định 217-HĐBT,", []string{"Quyết", "định", "#217-HĐBT", "217", "HĐBT"}},
		// not numbers: lower case or spaced without "/", words, a
		// number continued, letters after digits
		{"7-chloro 146-ndcp", []string{"7", "chloro", "146", "ndcp"}},
		{"Chương 1 - QUY ĐỊNH", []string{"Chương", "1", "QUY", "ĐỊNH"}},
		{"Khoản 3/Điều 5", []string{"Khoản", "3", "Điều", "5"}},
		{"QCVN 01:2021/BXD", []string{"QCVN", "01", "2021", "BXD"}},
		{"1/2a", []string{"1", "2a"}},
		// stray spaces, "&", "_", mixed-case codes
		{"số 154 /NQ-CP", []string{"số", "#154 /NQ-CP", "154", "NQ", "CP"}},
		{"12/2020/TT-BGD&ĐT.", []string{"#12/2020/TT-BGD&ĐT", "12", "2020", "TT", "BGD", "ĐT"}},
		{"05/2018/TT_BTC", []string{"#05/2018/TT_BTC", "05", "2018", "TT", "BTC"}},
		{"12/QyĐ-UBND", []string{"#12/QyĐ-UBND", "12", "QyĐ", "UBND"}},
	}
	for _, tt := range tests {
		var got []string
		Tokenize(tt.in, func(tok Token) {
			s := tt.in[tok.Start:tok.End]
			if tok.Kind == DocNumber {
				s = "#" + s
			}
			got = append(got, s)
		})
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNumberKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"154/NQ-CP", "154/nq-cp"},
		{"Số: 05/2020/NĐ–CP", "5/2020/nd-cp"},
		{"5 / 2020 / ND - CP", "5/2020/nd-cp"},
		{"24-NQ/TW", "24-nq/tw"},
		{"73-CP", "73-cp"},
		{"Số 73-CP", "73-cp"},
		{"73-cp", "73-cp"}, // a value taken as a number: case does not matter
		{"05/2018/TT_BTC", "5/2018/tt-btc"},
		{"12/2020/TT-BGD&ĐT", "12/2020/tt-bgd&dt"},
		{"23/11/2022", ""},
		{"2021-2025", ""},
		{"COVID-19", ""},
		{"154/NQ-CP ngày", ""},
		{"hello", ""},
		{"", ""},
		// OCR's noise in a Quốc hội term, read as the term the year fixes
		// (TermCode), so the index, the graph and a query name one law
		{"139/2025/QHI15", "139/2025/qh15"},
		{"Số 34/2014/QHi3", "34/2014/qh13"},
		{"02/2022/UBTVQHI5", "2/2022/ubtvqh15"},
		{"45/2019/QHI5", "45/2019/qhi5"},         // no term of 2019 reads so: as typed
		{"1656/NQ-UBTVQHI5", "1656/nq-ubtvqhi5"}, // no year: as typed
		{"15/2012/QH13", "15/2012/qh13"},
	}
	for _, tt := range tests {
		if got := GrammarKey(tt.in); got != tt.want {
			t.Errorf("GrammarKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestComposeMarks(t *testing.T) {
	for _, s := range []string{
		"",
		"Nghị quyết số 154/NQ-CP có hiệu lực", // composed already
		norm.NFD.String("Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 1234/QĐ-UBND"),
		"Thông tư này hết hie\u0323\u0302u lực",                            // one word decomposed, marks out of canonical order
		"bãi bo\u0309 Điều 5\n" + norm.NFD.String("sửa đổi") + "\tkhoản 2", // runs cut at white space
		"\u0301 a\u0301", // a mark after a space stays a mark
	} {
		if got, want := ComposeMarks(s), norm.NFC.String(s); got != want {
			t.Errorf("ComposeMarks(%q) = %q, want %q", s, got, want)
		}
	}
	plain := "Căn cứ Nghị định số 30/2020/NĐ-CP"
	if n := testing.AllocsPerRun(10, func() { ComposeMarks(plain) }); n != 0 {
		t.Errorf("ComposeMarks allocates %v times on a string without marks", n)
	}
}

// latinOnly reports whether s is written only in the Latin blocks
// Vietnamese uses, with their combining marks.
func latinOnly(s string) bool {
	for _, r := range s {
		if r > 0x24F && (r < 0x300 || r > 0x36F) && (r < 0x1E00 || r > 0x1EFF) {
			return false
		}
	}
	return true
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"hoà", "Uỷ ban", "vịêt", "154/NQ-CP", "Nghị định số 73-CP", "154 /nq- CP", "1/ΑΒ", "ÐẢNG", "ð", "a\xffb", norm.NFD.String("thuỷ"), "qúy giữ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Canon(s)
		if utf8.ValidString(s) && !utf8.ValidString(c) {
			t.Fatalf("Canon(%q) = %q: invalid UTF-8", s, c)
		}
		if cc := Canon(c); cc != c {
			t.Fatalf("Canon not idempotent: %q → %q → %q", s, c, cc)
		}
		fo := Fold(s)
		if ff := Fold(fo); ff != fo {
			t.Fatalf("Fold not idempotent: %q → %q → %q", s, fo, ff)
		}
		if !utf8.ValidString(s) {
			return
		}
		if got, want := Fold(c), Fold(s); got != want {
			t.Fatalf("Fold(Canon(%q)) = %q, want Fold = %q", s, got, want)
		}
		cl := Clean(s)
		if !utf8.ValidString(cl) || Clean(cl) != cl {
			t.Fatalf("Clean(%q) = %q not valid or not idempotent", s, cl)
		}
		Tokenize(s, func(tok Token) {
			if tok.Start < 0 || tok.End > len(s) || tok.Start >= tok.End {
				t.Fatalf("Tokenize(%q): bad span %+v", s, tok)
			}
			// A number the tokenizer finds always has a key.
			if tok.Kind == DocNumber && GrammarKey(s[tok.Start:tok.End]) == "" {
				t.Fatalf("Tokenize(%q): number %q has no GrammarKey", s, s[tok.Start:tok.End])
			}
		})
		_ = GrammarKey(s)
		cm := ComposeMarks(s)
		if norm.NFC.String(cm) != norm.NFC.String(s) {
			t.Fatalf("ComposeMarks(%q) = %q: not canonically equivalent", s, cm)
		}
		if latinOnly(s) && cm != norm.NFC.String(s) {
			t.Fatalf("ComposeMarks(%q) = %q, want NFC %q", s, cm, norm.NFC.String(s))
		}
	})
}

func TestFoldedSyllable(t *testing.T) {
	for _, w := range []string{"truyen", "nghieng", "so", "thong", "y", "gi", "quoc", "khuyen", "a", "uy"} {
		if !FoldedSyllable(w) {
			t.Errorf("FoldedSyllable(%q) = false", w)
		}
	}
	for _, w := range []string{"ubnd", "tnmt", "gd", "dt", "hdnd", "vhttdl", "nn", "ptnt", "bch", "xyzw", ""} {
		if FoldedSyllable(w) {
			t.Errorf("FoldedSyllable(%q) = true", w)
		}
	}
}
