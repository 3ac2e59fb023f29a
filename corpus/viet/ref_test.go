package viet

// References the fast code is checked against (TestLowerCanonMatchReference,
// FuzzLowerCanonReference, TestFoldMatchesReference). refCanon is not a copy
// of tone.go: it is the tone-placement rule of shared/docs/vietnamese-text.md
// §2.2 written out step by step on decomposed (NFD) letters, with strings of
// combining marks, where tone.go works on precomposed rune tables.
// TestCanonRhymes checks both against spellings written by hand.

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func refLower(s string) string {
	if isPlainASCII(s) {
		return strings.ToLower(s)
	}
	return refCanon(strings.ToLower(NFC(s)))
}

// The five tone marks (dấu thanh) and the three shape marks of §2.
const (
	refTones  = "\u0300\u0301\u0303\u0309\u0323" // huyền, sắc, ngã, hỏi, nặng
	refBreve  = '\u0306'                         // ă
	refCircum = '\u0302'                         // â ê ô
	refHorn   = '\u031B'                         // ơ ư
)

// refVowel is one letter of a syllable, decomposed: a vowel (a e i o u y,
// either case) with at most one shape mark that letter takes and at most one
// tone, or any other letter (vowel false, kept as written).
type refVowel struct {
	letter rune // the letter as written, for non-vowels
	vowel  bool
	base   rune // a e i o u y, either case
	shape  rune // 0, refBreve, refCircum or refHorn
	tone   rune // 0 or one of refTones
}

// refDecompose splits a precomposed letter into base, shape and tone.
func refDecompose(r rune) refVowel {
	d := []rune(norm.NFD.String(string(r)))
	v := refVowel{letter: r, base: d[0]}
	if !strings.ContainsRune("aeiouyAEIOUY", d[0]) {
		return v
	}
	for _, m := range d[1:] {
		switch {
		case strings.ContainsRune(refTones, m) && v.tone == 0:
			v.tone = m
		case m == refBreve && v.shape == 0 && unicode.ToLower(d[0]) == 'a',
			m == refCircum && v.shape == 0 && strings.ContainsRune("aeoAEO", d[0]),
			m == refHorn && v.shape == 0 && strings.ContainsRune("ouOU", d[0]):
			v.shape = m
		default:
			return refVowel{letter: r} // a mark Vietnamese does not use here
		}
	}
	v.vowel = true
	return v
}

// compose writes the vowel with tone t.
func (v refVowel) compose(t rune) rune {
	s := string(v.base)
	if v.shape != 0 {
		s += string(v.shape)
	}
	if t != 0 {
		s += string(t)
	}
	r, _ := utf8.DecodeRuneInString(norm.NFC.String(s))
	return r
}

// refCanon applies refSyllable to every run of letters of the NFC form of s
// (a syllable as far as the rule is concerned); everything else is copied.
// Invalid UTF-8 becomes U+FFFD, byte by byte.
func refCanon(s string) string {
	rs := []rune(NFC(s))
	var b strings.Builder
	for i := 0; i < len(rs); {
		if !unicode.IsLetter(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		j := i
		for j < len(rs) && unicode.IsLetter(rs[j]) {
			j++
		}
		b.WriteString(refSyllable(rs[i:j]))
		i = j
	}
	return b.String()
}

// refSyllable follows §2.2 step by step. Ð and ð (impostors of Đ, đ) are
// mapped as §3.2 asks of the exact view. The rule assumes one tone; with
// several, the first is kept and the others dropped.
func refSyllable(run []rune) string {
	ls := make([]refVowel, len(run))
	var tone rune
	for i, r := range run {
		switch r {
		case 'Ð':
			r = 'Đ'
		case 'ð':
			r = 'đ'
		}
		ls[i] = refDecompose(r)
		// 1. Decompose; remove the tone and remember it.
		if ls[i].vowel && ls[i].tone != 0 {
			if tone == 0 {
				tone = ls[i].tone
			}
			ls[i].tone = 0
		}
	}
	out := func(at int) string {
		var b strings.Builder
		for i, l := range ls {
			switch {
			case !l.vowel:
				b.WriteRune(l.letter)
			case i == at:
				b.WriteRune(l.compose(tone))
			default:
				b.WriteRune(l.compose(0))
			}
		}
		return b.String()
	}
	if tone == 0 {
		return out(-1)
	}
	// 2. The nucleus is the first maximal run of vowels…
	lo := slices.IndexFunc(ls, func(l refVowel) bool { return l.vowel })
	hi := lo
	for hi < len(ls) && ls[hi].vowel {
		hi++
	}
	// … less the u of the onset qu and the i of the onset gi when another
	// vowel follows them (a nucleus is never left empty).
	if lo > 0 && hi-lo > 1 {
		onset, first := unicode.ToLower(ls[lo-1].letter), unicode.ToLower(ls[lo].base)
		if onset == 'q' && first == 'u' || onset == 'g' && first == 'i' {
			lo++
		}
	}
	// 3. A shaped vowel takes the tone; of two (ươ), the last.
	for i := hi - 1; i >= lo; i-- {
		if ls[i].shape != 0 {
			return out(i)
		}
	}
	// 4. Otherwise the shape of the syllable decides: after a final
	// consonant the last vowel, of three vowels (or more) the middle
	// (second), of two the first (old style), of one that one.
	switch n := hi - lo; {
	case hi < len(ls):
		return out(hi - 1)
	case n >= 3:
		return out(lo + 1)
	default:
		return out(lo)
	}
}

// TestCanonRhymes checks tone placement on syllables spelled by hand in
// the old style (§2.1, §2.2 and common Vietnamese words): every other
// placement of the tone, in lower and upper case, NFC and NFD, must give
// the canonical spelling, from Canon and from refCanon.
func TestCanonRhymes(t *testing.T) {
	canonical := []string{
		// one vowel, open and closed
		"à", "má", "bể", "lý", "mộc", "tuổi",
		// two vowels, open: the first
		"hòa", "khỏe", "thủy", "mía", "múa", "của", "hái", "cháo", "cháu", "cày", "lẽo", "chịu", "gói", "gửi", "tửu",
		// two vowels, closed: the last
		"hoàn", "toán", "huýt", "khoảng", "thoát", "quyết",
		// shaped vowel wins, the last of two
		"việt", "người", "trường", "rượu", "cửa", "tuấn", "huế", "thuở", "xoắn", "yếu", "hiểu", "mẫu", "đấy", "nuôi", "tuổi",
		// three vowels, open: the middle one
		"ngoài", "xoáy", "khuỷu", "khoái",
		// onsets qu and gi
		"quý", "quà", "quyền", "quạ", "giá", "giữ", "giường", "giếng", "già", "gìn", "giỏi",
		// capitals
		"Ủy", "HÒA", "QUÝ", "NGƯỜI",
	}
	for _, c := range canonical {
		for _, form := range []string{c, strings.ToUpper(c)} {
			for _, v := range tonePlacements(form) {
				for _, in := range []string{v, norm.NFD.String(v)} {
					if got := Canon(in); got != form {
						t.Errorf("Canon(%q) = %q, want %q", in, got, form)
					}
					if got := refCanon(in); got != form {
						t.Errorf("refCanon(%q) = %q, want %q", in, got, form)
					}
				}
			}
		}
	}
	// The suggested cases of §2.2.
	for in, want := range map[string]string{"hoà": "hòa", "thuỷ": "thủy", "khoẻ": "khỏe", "Uỷ ban": "Ủy ban", "UỶ BAN": "ỦY BAN", "qúy": "quý", "vịêt": "việt", "thuýên": "thuyến"} {
		if got := Canon(in); got != want {
			t.Errorf("Canon(%q) = %q, want %q", in, got, want)
		}
	}
}

// tonePlacements returns s with its tone moved to each of its vowels in turn.
func tonePlacements(s string) []string {
	rs := []rune(s)
	var tone rune
	var vowels []int
	for i, r := range rs {
		if v := refDecompose(r); v.vowel {
			vowels = append(vowels, i)
			if v.tone != 0 {
				tone = v.tone
			}
		}
	}
	var out []string
	for _, at := range vowels {
		vs := slices.Clone(rs)
		for _, i := range vowels {
			t := rune(0)
			if i == at {
				t = tone
			}
			vs[i] = refDecompose(rs[i]).compose(t)
		}
		out = append(out, string(vs))
	}
	return out
}

// refTokenize is Tokenize before its ASCII fast path.
func refTokenize(s string, emit func(Token)) {
	numEnd := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !refIsWordRune(r) {
			i += size
			continue
		}
		if i >= numEnd && isDigit(r) {
			if end := ScanNumber(s, i, nil); end > 0 {
				emit(Token{Start: i, End: end, Kind: DocNumber})
				numEnd = end
			}
		}
		j := i + size
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !refIsWordRune(r) {
				break
			}
			j += size
		}
		emit(Token{Start: i, End: j, Kind: Word})
		i = j
	}
}

func refIsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// refSamples are inputs every table must treat like the reference.
func refSamples() []string {
	out := []string{benchText, "", "a\xffb", "Ð", "ð", "ĐÐð", "QUÝ", "qúy", "vịêt", "Uỷ", "hoà", "ÓA", "x\u0301", "GIỮ", "khuỷu", "thuýên", "ǅ", "ẞ", "İ", "Ω", "×÷", "\x01ả"}
	for _, w := range strings.Fields(benchText) {
		out = append(out, w, strings.ToUpper(w), norm.NFD.String(w), norm.NFD.String(strings.ToUpper(w)))
	}
	for r := rune(0); r < 0x2100; r++ {
		out = append(out, string(r), "ho"+string(r), string(r)+"a", "qu"+string(r)+"n")
	}
	return out
}

func TestLowerCanonMatchReference(t *testing.T) {
	for _, s := range refSamples() {
		if got, want := Canon(s), refCanon(s); got != want {
			t.Errorf("Canon(%q) = %q, reference %q", s, got, want)
		}
		if got, want := Lower(s), refLower(s); got != want {
			t.Errorf("Lower(%q) = %q, reference %q", s, got, want)
		}
		if got, want := Tokens(s), refTokens(s); !slices.Equal(got, want) {
			t.Errorf("Tokens(%q) = %v, reference %v", s, got, want)
		}
	}
}

func refTokens(s string) []Token {
	var ts []Token
	refTokenize(s, func(t Token) { ts = append(ts, t) })
	return ts
}

// TestLatinIsNFC checks the assumption of lowerLatin: strings of ASCII and
// isLatin runes are NFC, and lowercasing keeps them so.
func TestLatinIsNFC(t *testing.T) {
	var set []rune
	for r := rune(0x20); r < 0x1F00; r++ {
		if r < utf8.RuneSelf || isLatin(r) {
			set = append(set, r)
		}
	}
	for _, r := range set {
		if l := unicode.ToLower(r); l >= utf8.RuneSelf && !isLatin(l) {
			t.Errorf("ToLower(%U) = %U, outside the Latin ranges", r, l)
		}
	}
	if testing.Short() {
		set = set[:200]
	}
	for _, a := range set {
		for _, b := range set {
			if s := string([]rune{a, b}); !norm.NFC.IsNormalString(s) {
				t.Fatalf("%q (%U %U) is not NFC", s, a, b)
			}
		}
	}
}

func FuzzLowerCanonReference(f *testing.F) {
	for _, s := range refSamples()[:200] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Canon(s), refCanon(s); got != want {
			t.Fatalf("Canon(%q) = %q, reference %q", s, got, want)
		}
		if got, want := Lower(s), refLower(s); got != want {
			t.Fatalf("Lower(%q) = %q, reference %q", s, got, want)
		}
		if got, want := Fold(s), refFold(s); got != want {
			t.Fatalf("Fold(%q) = %q, reference %q", s, got, want)
		}
		if got, want := Tokens(s), refTokens(s); !slices.Equal(got, want) {
			t.Fatalf("Tokens(%q) = %v, reference %v", s, got, want)
		}
	})
}

// refFold is the specification of Fold: the simple rune-by-rune fold
// (Fold before AppendFold) of the NFC form of s. (vi_fold_v2: before it,
// runes outside Vietnamese with an NFC singleton, such as U+037E, were
// folded unnormalized, so Fold(Canon(x)) could differ from Fold(x).)
func refFold(s string) string {
	return refFoldRunes(norm.NFC.String(s))
}

func refFoldRunes(s string) string {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			break
		}
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case isMark(r):
		case r >= foldLo && r <= foldHi && foldTable[r-foldLo] != 0:
			b.WriteByte(byte(foldTable[r-foldLo]))
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func TestFoldMatchesReference(t *testing.T) {
	for _, s := range refSamples() {
		if got, want := Fold(s), refFold(s); got != want {
			t.Errorf("Fold(%q) = %q, reference %q", s, got, want)
		}
		if got, want := string(AppendFold([]byte("x"), s)), "x"+refFold(s); got != want {
			t.Errorf("AppendFold(x, %q) = %q, want %q", s, got, want)
		}
	}
}
