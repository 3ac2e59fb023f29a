package viet

// The map-based implementation of Canon and Lower as it was before the rune
// tables (tone.go), kept as the reference the tables must match byte for
// byte (TestLowerCanonMatchReference, FuzzLowerCanonReference).

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

// letter describes one precomposed letter: its base (shape kept, tone
// removed) and its tone index into toneMarks.
type refLetter struct {
	base rune
	tone uint8
}

// tables are built once from x/text's decompositions; they are only read.
type refTables struct {
	split   map[rune]refLetter // toned or plain vowel → base + tone
	compose map[refLetter]rune // base + tone → precomposed letter
}

var refTab = buildRefTables()

func buildRefTables() *refTables {
	t := &refTables{split: make(map[rune]refLetter, 300), compose: make(map[refLetter]rune, 300)}
	for _, base := range vowelBases {
		for tone, mark := range toneMarks {
			r := base
			if mark != 0 {
				s := norm.NFC.String(string(base) + string(mark))
				r, _ = utf8.DecodeRuneInString(s)
			}
			l := refLetter{base: base, tone: uint8(tone)}
			t.split[r] = l
			t.compose[l] = r
		}
	}
	return t
}

func refIsVowelBase(r rune) bool { return strings.ContainsRune(vowelBases, r) }

func refIsShaped(r rune) bool {
	switch unicode.ToLower(r) {
	case 'ă', 'â', 'ê', 'ô', 'ơ', 'ư':
		return true
	}
	return false
}

// Canon puts the tone mark of every syllable in s in one canonical place, the
// old ("kiểu cũ") style that most Vietnamese text uses: hoà → hòa, thuỷ → thủy,
// khoẻ → khỏe, Uỷ → Ủy. Misplaced marks are repaired (qúy → quý, vịêt → việt).
// The input may be NFC or NFD; the output is NFC. Case is preserved.
func refCanon(s string) string {
	if isPlainASCII(s) {
		return s
	}
	s = NFC(s)
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start >= 0 {
			b.WriteString(refCanonSyllable(s[start:end]))
			start = -1
		}
	}
	for i, r := range s {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(s))
	return b.String()
}

// canonSyllable re-places the tone of one letter run. It returns w itself
// when w has no tone or is already canonical, so the common case does not
// allocate.
func refCanonSyllable(w string) string {
	var buf [16]rune
	rs := buf[:0]
	tone := uint8(0)
	tonePos := -1
	for _, r := range w {
		l, ok := refTab.split[r]
		if !ok {
			switch r {
			case 'Ð':
				r = 'Đ'
			case 'ð':
				r = 'đ'
			}
			rs = append(rs, r)
			continue
		}
		if l.tone != 0 {
			if tone == 0 {
				tone = l.tone
			}
			if tonePos < 0 {
				tonePos = len(rs)
			}
		}
		rs = append(rs, l.base)
	}
	if tone == 0 {
		if strings.ContainsAny(w, "Ðð") {
			return string(rs)
		}
		return w
	}
	at := refTonePosition(rs)
	if at < 0 {
		at = tonePos
	}
	rs[at] = refTab.compose[refLetter{base: rs[at], tone: tone}]
	return string(rs)
}

// tonePosition returns the index in rs (bases, no tones) of the vowel that
// carries the tone, or -1 when rs has no vowel.
func refTonePosition(rs []rune) int {
	lo := -1
	for i, r := range rs {
		if refIsVowelBase(r) {
			lo = i
			break
		}
	}
	if lo < 0 {
		return -1
	}
	hi := lo
	for hi < len(rs) && refIsVowelBase(rs[hi]) {
		hi++
	}
	// Onset exceptions: the u of qu and the i of gi (before a vowel) belong
	// to the onset.
	if lo > 0 && hi-lo > 1 {
		prev, first := unicode.ToLower(rs[lo-1]), unicode.ToLower(rs[lo])
		if (prev == 'q' && first == 'u') || (prev == 'g' && first == 'i') {
			lo++
		}
	}
	for i := hi - 1; i >= lo; i-- {
		if refIsShaped(rs[i]) {
			return i
		}
	}
	n := hi - lo
	switch {
	case hi < len(rs): // closed syllable: last vowel of the nucleus
		return hi - 1
	case n >= 3:
		return lo + 1
	default:
		return lo
	}
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
		if i >= numEnd && isDigit(r) && (i == 0 || !isWordByteBefore(s, i)) {
			if end := docNumberEnd(s, i); end > 0 {
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
