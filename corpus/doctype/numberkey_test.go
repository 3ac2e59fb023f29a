package doctype

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/viet"
	"golang.org/x/text/unicode/norm"
)

// TestNumberKeyDot: a "." is the dash between a number's codes only after
// a type's code; after another code the number ends at it. Numbers made
// up.
func TestNumberKeyDot(t *testing.T) {
	for in, want := range map[string]string{
		"15/2030/NĐ.CP":  "15/2030/nd-cp",
		"22/2030NĐ.CP":   "22/2030/nd-cp",
		"208/QĐ.UBND":    "208/qd-ubnd",
		"12/CT.TTg":      "12/ct-ttg",
		"45/bc.vp":       "45/bc-vp",
		"123/UBND.UBND":  "123/ubnd",
		"01/CCTT.ĐK":     "1/cctt",
		"7/2030/TKDN.HQ": "7/2030/tkdn",
		// a code with digits names no type either: the dot ends the
		// number (i26-rev-cite)
		"31/2030/QH16.UBND": "31/2030/qh16",
		"45/2029/QH15.BỘ":   "45/2029/qh15",
		"15/2030/NĐ-CP":     "15/2030/nd-cp",
		"Số: 15/2030/NĐ-CP": "15/2030/nd-cp",
		"tháng 5":           "",
	} {
		if got := NumberKey(in); got != want {
			t.Errorf("NumberKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNumberKeyDotAfterLaterCode (i28-refs): a "." after a code that is not
// the number's first ends the number too, whatever the code: the grammar
// reads a dot for a dash only after the first code (a type's, "NĐ.CP"), and
// a later code is an issuer's or a unit's, never a type's ("123/SYT-KH.TC":
// KH is the Phòng Kế hoạch here). "88/KH-UBND.VX" — a plan of the Ủy ban's
// culture and society office — had no key at all, so its document had no
// number in the index or the graph; "25/SXD.QLN" already keyed as 25/SXD
// (i27-numkey). Numbers made up in the shapes local portals publish.
func TestNumberKeyDotAfterLaterCode(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"88/KH-UBND.VX", "88/kh-ubnd"},
		{"Số: 88/KH-UBND.VX", "88/kh-ubnd"},
		{"12/QĐ-UBND.KT", "12/qd-ubnd"},
		{"3/2030/QĐ-UBND.NC", "3/2030/qd-ubnd"},
		{"1234/UBND-KT.TH", "1234/ubnd-kt"},
		{"45/BC-UBND.NC", "45/bc-ubnd"},
		{"9/KH-SYT.NVY", "9/kh-syt"},
		{"200/UBND-KGVX.VX", "200/ubnd-kgvx"},
		{"123/SYT-KH.TC", "123/syt-kh"},
		{"88/kh-ubnd.vx", "88/kh-ubnd"},
		{"88 / KH - UBND.VX", "88/kh-ubnd"},
		// a type's dot, then a later code's
		{"208/QĐ.UBND.VX", "208/qd-ubnd"},
		{"15/2030/NĐ.CP.VX", "15/2030/nd-cp"},
		// unchanged: the first code's dot (a type's a dash, another's the
		// end), no dot, and no number before the dot
		{"208/QĐ.UBND", "208/qd-ubnd"},
		{"125/UBND.VX", "125/ubnd"},
		{"88/KH-UBND-VX", "88/kh-ubnd-vx"},
		{"15/2030/NĐ–CP", "15/2030/nd-cp"},
		{"22/2030NĐ.CP", "22/2030/nd-cp"},
		{"208 – QĐ.UBND", "208-qd-ubnd"},
		{"5.3/KH-UBND", ""},
		{"ngày 5.3", ""},
		{"KH-UBND.VX", ""},
	} {
		if got := NumberKey(tt.in); got != tt.want {
			t.Errorf("NumberKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestNumberKeyDotWord (i29-cite): the letters after a number's "." are a
// code only when none carries a tone mark — a word of a sentence run into
// the number ("208/QĐ.ĐIỀU 1.", a heading in capitals; "208/QĐ.Ngày …")
// was read as the code after a type's dot, so the key held the word
// (208/qd-dieu). Of the 53,163 capital code segments of the numbers in
// ../shared's citation strings, govdocs, plans and pages and the dev plans,
// none carries a tone; five carry a horn ("UBTƯMTTQVN": Trung ương), so a
// shape mark without a tone stays a code. NFC and NFD alike. Numbers made
// up.
func TestNumberKeyDotWord(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"208/QĐ.ĐIỀU", "208/qd"},
		{"Số: 208/QĐ.ĐIỀU", "208/qd"},
		{"208/QĐ.Ngày", "208/qd"},
		{"12/CT.CỦA", "12/ct"},
		{"15/2030/NĐ.QUYẾT", "15/2030/nd"},
		{"208/qđ.ngày", "208/qd"},
		{norm.NFD.String("208/QĐ.ĐIỀU"), "208/qd"},
		{norm.NFD.String("12/CT.CỦA"), "12/ct"},
		// unchanged: codes (a horn, no tone; Đ is a letter of its own)
		{"12/CT.TƯ", "12/ct-tu"},
		{norm.NFD.String("12/CT.TƯ"), "12/ct-tu"},
		{"208/QĐ.UBND", "208/qd-ubnd"},
		{"15/2030/NĐ.CP", "15/2030/nd-cp"},
		{"45/bc.vp", "45/bc-vp"},
		{"15/2030/nđ.cp", "15/2030/nd-cp"},
		{"208/QĐ.BCĐ", "208/qd-bcd"},
		{"5/2030/NQLT.UBTƯMTTQVN", "5/2030/nqlt-ubtumttqvn"},
		// a later code's dot ended the number already
		{"43/2030/NĐ-CP.ĐIỀU", "43/2030/nd-cp"},
		{"88/KH-UBND.UBND", "88/kh-ubnd"},
	} {
		if got := NumberKey(tt.in); got != tt.want {
			t.Errorf("NumberKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzNumberKey: the key is viet's wherever no dot follows a code no
// type has, and otherwise the key of a prefix; it never panics.
func FuzzNumberKey(f *testing.F) {
	for _, s := range []string{"15/2030/NĐ.CP", "123/UBND.UBND", "01/CCTT.ĐK", "22/2030NĐ.CP", "1.2/A.B", "Số. 5/QĐ.X", "9/Ð.\u0301CP"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := NumberKey(s)
		if k == "" {
			return
		}
		for i := 0; i <= len(s); i++ {
			if i == len(s) || s[i] == '.' {
				if k == viet.GrammarKey(s[:i]) {
					return
				}
			}
		}
		t.Errorf("NumberKey(%q) = %q: the key of no prefix ending at a dot or the end", s, k)
	})
}

// TestOneNumberKey: no package reads a number's identity with the grammar's
// key (viet.GrammarKey) but this one's NumberKey; the graph, roles, the web
// and search's NumbersNamed read viet's while the index read this one, and
// "25/SXD.QLN" named two documents (i27-numkey). Source files only: tests
// of the grammar may read it.
func TestOneNumberKey(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); n == "testdata" || strings.HasPrefix(n, ".") && p != root {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || filepath.Dir(rel) == filepath.Join("corpus", "doctype") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.Contains(b, []byte("viet.GrammarKey")) { // a call or a function value ("key := viet.GrammarKey")
			t.Errorf("%s reads viet.GrammarKey: a number's key is doctype.NumberKey", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestUnitCodeEnd: after the "." that ends a number, a unit's code (whose
// end corpus/cite reads the date after) or a word of a sentence run into
// the number (0). In ../shared every number.Capital form after a later
// code is a run-in word in Title case ("…/NĐ-CP.Điều 45.4…", four), none a
// unit's code; unit codes are the shapes local portals publish. Lines
// written for the test.
func TestUnitCodeEnd(t *testing.T) {
	for _, tt := range []struct {
		in   string
		code string // the code read, "" for none
	}{
		{"88/KH-UBND.VX ngày 02/3/2030", "VX"},
		{"12/QĐ-UBND.KT, ngày", "KT"},
		{"9/KH-SYT.NVY", "NVY"},
		{"25/SXD.QLN2 ngày", "QLN2"},
		{"88/KH-UBND.TƯ ngày", "TƯ"},
		// NFD: a horn is a combining mark of the code's letter, as in
		// NFC it is part of the letter (i29-rev-cite)
		{norm.NFD.String("88/KH-UBND.TƯ ngày"), norm.NFD.String("TƯ")},
		{norm.NFD.String("88/KH-UBND.UBTƯMTTQVN, ngày"), norm.NFD.String("UBTƯMTTQVN")},
		{norm.NFD.String("88/KH-UBND.ĐƠ"), norm.NFD.String("ĐƠ")},
		{norm.NFD.String("88/KH-UBND.ĐIỀU 1"), ""},
		{norm.NFD.String("88/KH-UBND.Ưu tiên"), ""},
		{"200/UBND-KGVX.VX;", "VX"},
		// capitals without a tone: read as a code (decided)
		{"88/KH-UBND.UBND tỉnh", "UBND"},
		// words: Title case, a tone, one letter, lower case
		{"43/2030/NĐ-CP.Điều 45", ""},
		{"9/KH-SYT.Ngày 3/3", ""},
		{"88/KH-UBND.ĐIỀU 1", ""},
		{"88/KH-UBND.NGÀY 02/3/2030", ""},
		{norm.NFD.String("88/KH-UBND.NGÀY 02/3/2030"), ""},
		{"88/KH-UBND.CỦA ỦY BAN", ""},
		{"88/KH-UBND.Vx", ""},
		{"88/KH-UBND.V ngày", ""},
		{"88/KH-UBND.vx", ""},
		{"88/KH-UBND.", ""},
		{"88/KH-UBND. VX", ""},
	} {
		dot := strings.Index(tt.in, "UBND.")
		if dot < 0 {
			dot = strings.IndexByte(tt.in, '.')
		} else {
			dot += len("UBND")
		}
		for dot >= 0 && dot < len(tt.in) && tt.in[dot] != '.' {
			dot++
		}
		got := ""
		if e := UnitCodeEnd(tt.in, dot); e > 0 {
			got = tt.in[dot+1 : e]
		}
		if got != tt.code {
			t.Errorf("UnitCodeEnd(%q) read %q, want %q", tt.in, got, tt.code)
		}
	}
}
