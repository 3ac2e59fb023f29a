package filetext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
	"golang.org/x/text/encoding/charmap"
)

// Text typed in a legacy Vietnamese font (TCVN3 ".VnTime", VNI-Times)
// reaches us as the font's byte codes read as Latin-1 or windows-1252
// glyphs: pdftotext and antiword print "QuyÕt ®Þnh cña Thñ t−íng" for
// "Quyết định của Thủ tướng". Tools name a few glyphs by their PostScript
// names, so the TCVN3 byte 0xAD (ư) arrives as U+2212 MINUS SIGN or U+00AD
// SOFT HYPHEN and 0xB7 (ã) as U+2219 BULLET OPERATOR or U+00B7. Each
// rune is taken back to its byte and the bytes decoded with corpus/viet.
//
// A file can mix Unicode and legacy runs, so the choice is made per run
// (a PDF line, a DOC paragraph, a DOCX run without a font name): the
// decoding that gives the most valid Vietnamese syllables wins when it
// wins clearly; otherwise the page's, then the file's, choice applies.
// Nothing may clean the text before this step: viet.Clean drops U+00AD.

type encoding uint8

const (
	asIs encoding = iota
	tcvn3
	vni
	numEncodings
)

func (e encoding) String() string {
	switch e {
	case tcvn3:
		return "tcvn3"
	case vni:
		return "vni"
	}
	return ""
}

// glyphBytes maps the runes tools print for legacy font codes above 0x7F
// back to the codes.
var glyphBytes = func() map[rune]byte {
	m := map[rune]byte{}
	for b := 0x80; b < 0x100; b++ {
		if r := charmap.Windows1252.DecodeByte(byte(b)); r != utf8.RuneError {
			m[r] = byte(b)
		}
		if _, ok := m[rune(b)]; !ok {
			m[rune(b)] = byte(b) // Latin-1 reading of 0x80–0x9F
		}
	}
	m['\u2212'] = 0xAD // minus: TCVN3 ư
	m['\u2219'] = 0xB7 // bullet operator: TCVN3 ã
	m['\u2215'] = '/'
	return m
}()

// legacyBytes returns s as font codes, or false when s holds a rune no
// legacy font code reads as (real Unicode Vietnamese: ư, ạ, ờ…).
func legacyBytes(s string) ([]byte, bool) {
	b := make([]byte, 0, len(s))
	high := false
	for _, r := range s {
		switch {
		case r < 0x80:
			b = append(b, byte(r))
		default:
			c, ok := glyphBytes[r]
			if !ok {
				return nil, false
			}
			b = append(b, c)
			high = true
		}
	}
	return b, high
}

// decodeWord decodes one whitespace-free token. A token whose ASCII
// letters are all capitals was typed in an upper-case font (.VnTimeH),
// which has no toned capitals: its decoded letters are made capitals too.
func decodeWord(w string, e encoding) string {
	if e == asIs {
		return w
	}
	b, ok := legacyBytes(w)
	if !ok {
		return w
	}
	var d string
	if e == tcvn3 {
		d = viet.DecodeTCVN3(b)
	} else {
		d = viet.DecodeVNI(b)
	}
	if capsWord(w) {
		d = strings.ToUpper(d)
	}
	return d
}

// capsWord reports a word typed in capitals: its ASCII letters are all
// capitals and there are two, or one that is not the first letter ("ñY"
// for ỦY). "Bé" (Bộ) is a capitalised word, not one in capitals.
func capsWord(w string) bool {
	n, first := 0, true
	lone := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'a' && c <= 'z' {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			n++
			lone = !first
		}
		if c >= 0x80 || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			first = false
		}
	}
	return n >= 2 || n == 1 && lone
}

// score counts, for each encoding, the valid Vietnamese syllables among
// the tokens that could be legacy text. Many Latin-1 words read as valid
// syllables both ways ("tháng" as TCVN3 is "thỏng"), so a run holding a
// letter no legacy font code reads as (ư, ơ, ă, đ, ạ, ế…) is Unicode for
// certain: all its valid syllables count for asIs, which also makes the
// page and file lean to Unicode.
type score [numEncodings]int

func scoreTokens(toks []string) (s, glue score, unicode bool) {
	for _, t := range toks {
		if vietUnicode(t) {
			unicode = true
			break
		}
	}
	if unicode {
		for _, t := range toks {
			s[asIs] += validSyllables(t)
		}
		return s, glue, true
	}
	for _, t := range toks {
		if _, high := legacyBytes(t); !high {
			continue
		}
		for e := asIs; e < numEncodings; e++ {
			d := decodeWord(t, e)
			s[e] += validSyllables(d)
			if glued(d) {
				glue[e]++ // "Q§-UBND", "ph¬ng": a symbol inside a word is a font's letter
			}
		}
	}
	return s, glue, false
}

// glued reports a symbol a legacy font uses for a letter ("§" Đ, "¬" ơ,
// "−" ư) right after a letter: Unicode text puts no such symbol there.
func glued(t string) bool {
	prevLetter := false
	for _, r := range t {
		if prevLetter && r >= 0x80 && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("“”‘’«»‹›…–—•", r) {
			if _, ok := glyphBytes[r]; ok {
				return true
			}
		}
		prevLetter = unicode.IsLetter(r)
	}
	return false
}

// vietUnicode reports a Vietnamese letter outside Latin-1 (ă đ ĩ ũ ơ ư,
// the toned vowels of Latin Extended Additional, a combining tone mark),
// which no legacy font code is read as; windows-1252's own letters
// (ž, Ÿ, ƒ…, VN1 capitals) do not count.
func vietUnicode(t string) bool {
	for _, r := range t {
		switch {
		case r >= 0x1EA0 && r <= 0x1EF9, r >= 0x300 && r <= 0x323:
			return true
		case strings.ContainsRune("ĂăĐđĨĩŨũƠơƯư", r):
			return true
		}
	}
	return false
}

func (s *score) add(o score) {
	for i := range s {
		s[i] += o[i]
	}
}

// choice returns the encoding that wins clearly (by margin valid
// syllables), or false.
func (s score) choice(margin int) (encoding, bool) {
	best, second := asIs, -1
	for e := asIs; e < numEncodings; e++ {
		if s[e] > s[best] {
			best = e
		}
	}
	for e := asIs; e < numEncodings; e++ {
		if e != best && s[e] > second {
			second = s[e]
		}
	}
	return best, s[best]-second >= margin
}

// validSyllables counts the valid Vietnamese syllables among the letter
// runs of s of two letters or more: a lone letter is weak evidence (the
// TCVN3 reading of "…" is "Ặ", a valid syllable).
func validSyllables(s string) int {
	n := 0
	eachWord(s, func(w string) {
		if utf8.RuneCountInString(w) >= 2 && viet.ValidSyllable(w) {
			n++
		}
	})
	return n
}

// eachWord calls f with every run of letters (and combining marks) of s.
func eachWord(s string, f func(string)) {
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			f(s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		f(s[start:])
	}
}

// decoder decides and applies legacy decoding over the runs of a file,
// grouped in pages. Runs are token lists; they are decoded in place.
type decoder struct {
	file    score
	pages   []score
	runs    [][]score // per page, per run
	unicode [][]bool  // per page, per run: certainly Unicode
}

// decodeRuns decodes pages of runs of tokens in place and returns the
// legacy encoding used most, or asIs.
func decodeRuns(pages [][][]string) encoding {
	var d decoder
	d.pages = make([]score, len(pages))
	d.runs = make([][]score, len(pages))
	d.unicode = make([][]bool, len(pages))
	for p, runs := range pages {
		d.runs[p] = make([]score, len(runs))
		d.unicode[p] = make([]bool, len(runs))
		for i, toks := range runs {
			s, glue, u := scoreTokens(toks)
			d.pages[p].add(s)
			for e := range s {
				s[e] -= 2 * glue[e] // evidence for the run itself, not for its page
			}
			d.runs[p][i], d.unicode[p][i] = s, u
		}
		d.file.add(d.pages[p])
	}
	fileEnc, ok := d.file.choice(3)
	if !ok {
		fileEnc = asIs
	}
	var used [numEncodings]int
	for p, runs := range pages {
		pageEnc, ok := d.pages[p].choice(3)
		if !ok {
			pageEnc = fileEnc
		}
		for i, toks := range runs {
			enc, ok := d.runs[p][i].choice(2)
			if !ok {
				enc = pageEnc
			}
			if enc == asIs || d.unicode[p][i] {
				continue
			}
			for j, t := range toks {
				if _, high := legacyBytes(t); high {
					toks[j] = decodeWord(t, enc)
					used[enc]++
				}
			}
		}
	}
	best := asIs
	for e := tcvn3; e < numEncodings; e++ {
		if used[e] > used[best] && used[e] > 0 {
			best = e
		}
	}
	return best
}

// quality measures how Vietnamese a page's text is: its words (runs of
// letters), the valid syllables among them, and the valid syllables with a
// letter outside ASCII (a text layer of OCR junk, "CQNG HOA XA HQI", or
// undecodable mojibake has few).
type quality struct{ words, valid, marked int }

func measure(s string) quality {
	var q quality
	eachWord(s, func(w string) {
		q.words++
		if viet.ValidSyllable(w) {
			q.valid++
			for _, r := range w {
				if r >= 0x80 {
					q.marked++
					break
				}
			}
		}
	})
	return q
}

// garbled reports text that is there but is not Vietnamese: at least ten
// words, and too few of them valid or toned.
func (q quality) garbled() bool {
	return q.words >= 10 && !(float64(q.valid) >= 0.6*float64(q.words) && float64(q.marked) >= 0.2*float64(q.words))
}

// usable reports whether a page's text layer is worth keeping: enough
// valid syllables, most words valid, and the share of toned or shaped
// syllables of real Vietnamese (over 40% in running text; ASCII-only OCR
// junk has under 10%).
func (q quality) usable() bool {
	if q.valid < 10 {
		return false
	}
	return float64(q.valid) >= 0.6*float64(q.words) && float64(q.marked) >= 0.2*float64(q.words)
}
