package viet

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/shared"
)

// TestCleanFastSameAsSlow: Clean, which returns a text whose characters
// all keep (isClean) as it is, gives what its rune loop and NFKC give, for
// every character of the table alone, after a letter, and before each
// combining mark (which may compose with it), and for every character
// past the table before one.
func TestCleanFastSameAsSlow(t *testing.T) {
	var marks []string
	for r := rune(0x300); r <= 0x36F; r++ {
		marks = append(marks, string(r))
	}
	marks = append(marks, "\u0300\u0323", "\u0323\u0302", "\u3099", "\u0E48", "\u200D", "\u00A0", "\xff", "ﬁ", "Ð")
	check := func(s string) {
		t.Helper()
		if got, want := Clean(s), cleanSlow(s); got != want {
			t.Fatalf("Clean(%q) = %q, rune loop and NFKC give %q", s, got, want)
		}
	}
	kept := 0
	for r := rune(0); r < 0x3100; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		c := string(r)
		if r < rune(len(keeps)) && keeps[r] {
			kept++
		}
		check(c)
		check("ê" + c)
		check(c + "ế")
		for _, m := range marks {
			check(c + m)
			check("ệ" + c + m)
		}
	}
	// the Vietnamese letters, precomposed, must take the fast path
	for _, s := range []string{"Ủy ban nhân dân", "ĐẢNG CỘNG SẢN", "thuỷ lợi, hoà bình", "Điều 5. Nghị định số 30/2020/NĐ-CP"} {
		if !isClean(s) {
			t.Errorf("isClean(%q) = false", s)
		}
	}
	if kept < 1000 {
		t.Errorf("%d characters keep, want the Latin letters", kept)
	}
}

// TestCleanRealText: Clean and its rune loop with NFKC give the same text
// for every title and body of the real ALQAC corpora.
func TestCleanRealText(t *testing.T) {
	n, fast := 0, 0
	for _, set := range []string{"alqac22", "alqac23-train"} {
		f, err := os.Open(filepath.Join(shared.Path(t, "eval", set), "corpus.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<26)
		for sc.Scan() {
			var d struct{ Title, Text string }
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
				t.Fatal(err)
			}
			for _, s := range []string{d.Title, d.Text, unclean(d.Text)} {
				n++
				if isClean(s) {
					fast++
				}
				if got, want := Clean(s), cleanSlow(s); got != want {
					t.Fatalf("%s: Clean differs from its rune loop and NFKC on %.80q", set, s)
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d texts, %d on the fast path", n, fast)
}

// unclean is s with some characters Clean changes: a decomposed letter, a
// no-break space, a zero-width space.
func unclean(s string) string {
	return strings.NewReplacer("ế", "e\u0302\u0301", " và ", "\u00A0và\u200B ").Replace(s)
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"hoà", "Uỷ ban", "ÐẢNG", "a\xffb", "e\u0302\u0301", "ﬁ", "x\u00A0y", "Ａ１", "\u1E9B\u0323", "ᄀ\u1161"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Clean(s), cleanSlow(s); got != want {
			t.Fatalf("Clean(%q) = %q, rune loop and NFKC give %q", s, got, want)
		}
	})
}

// TestWordRunes: the tokenizer's table says what the Unicode tables say,
// for every character.
func TestWordRunes(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if got, want := isWordRune(r), isWordRuneSlow(r); got != want {
			t.Fatalf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
	for c := range utf8.RuneSelf {
		if asciiWord[c] != isWordRuneSlow(rune(c)) {
			t.Fatalf("asciiWord[%q] = %v", rune(c), asciiWord[c])
		}
	}
}
