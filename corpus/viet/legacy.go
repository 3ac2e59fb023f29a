package viet

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Legacy Vietnamese font encodings: TCVN3 (TCVN 5712:1993, the "ABC"
// .VnTime fonts) and VNI-Windows. Neither is ever declared by a page or a
// file, and neither is in x/text, so both are decoded here from their
// definitions:
//
//   - TCVN3 is single-byte. The VN3 layout puts ă â ê ô ơ ư đ at 0xA8–0xAE
//     (capitals at 0xA1–0xA7), the five tone marks as combining bytes at
//     0xB0–0xB4, and each vowel's toned forms in the order huyền, hỏi, ngã,
//     sắc, nặng from 0xB5 up. VN1 adds the toned capitals in the bytes VN3
//     leaves free (0x80–0x9F, a few C0 controls and gaps in the
//     lowercase runs); they are decoded too. glibc iconv's TCVN5712-1 agrees
//     byte for byte (TestTCVN3MatchesIconv).
//   - VNI-Windows writes a base letter followed by a Latin-1 letter for its
//     diacritics: "aù" = á, "eá" = ế (circumflex and tone in one byte),
//     "aé" = ắ (breve and tone), "ô" = ơ, "ö" = ư, "ñ" = đ, and single bytes
//     for the toned i ("í" ì "æ" ỉ "ó" ĩ "ò" ị) and ỵ ("î"). Capitals use
//     the capital forms of the same bytes.
//
// The ABC fonts have no toned capitals: upper-case text was typed in
// lowercase codes and shown with a .VnTimeH font, so its case is lost.

// Tone marks in TCVN3 order: huyền, hỏi, ngã, sắc, nặng.
var tcvnTones = [5]rune{'\u0300', '\u0309', '\u0303', '\u0301', '\u0323'}

// tcvnVowels lists, for each base letter, its toned forms' bytes in
// tcvnTones order: lowercase from VN3, capitals from VN1.
var tcvnVowels = []struct {
	base  string
	bytes [5]byte
}{
	{"a", [5]byte{0xB5, 0xB6, 0xB7, 0xB8, 0xB9}},
	{"ă", [5]byte{0xBB, 0xBC, 0xBD, 0xBE, 0xC6}},
	{"â", [5]byte{0xC7, 0xC8, 0xC9, 0xCA, 0xCB}},
	{"e", [5]byte{0xCC, 0xCE, 0xCF, 0xD0, 0xD1}},
	{"ê", [5]byte{0xD2, 0xD3, 0xD4, 0xD5, 0xD6}},
	{"i", [5]byte{0xD7, 0xD8, 0xDC, 0xDD, 0xDE}},
	{"o", [5]byte{0xDF, 0xE1, 0xE2, 0xE3, 0xE4}},
	{"ô", [5]byte{0xE5, 0xE6, 0xE7, 0xE8, 0xE9}},
	{"ơ", [5]byte{0xEA, 0xEB, 0xEC, 0xED, 0xEE}},
	{"u", [5]byte{0xEF, 0xF1, 0xF2, 0xF3, 0xF4}},
	{"ư", [5]byte{0xF5, 0xF6, 0xF7, 0xF8, 0xF9}},
	{"y", [5]byte{0xFA, 0xFB, 0xFC, 0xFD, 0xFE}},
	{"A", [5]byte{0x80, 0x81, 0x82, 0x83, 0x84}},
	{"Ă", [5]byte{0xAF, 0xBA, 0xBF, 0xC0, 0x85}},
	{"Â", [5]byte{0xC1, 0xC2, 0xC3, 0xC4, 0x86}},
	{"E", [5]byte{0x87, 0x88, 0x89, 0x8A, 0x8B}},
	{"Ê", [5]byte{0xC5, 0xCD, 0xD9, 0xDA, 0x8C}},
	{"I", [5]byte{0x8D, 0x8E, 0x8F, 0x90, 0x91}},
	{"O", [5]byte{0x92, 0x93, 0x94, 0x95, 0x96}},
	{"Ô", [5]byte{0xDB, 0xE0, 0xF0, 0xFF, 0x97}},
	{"Ơ", [5]byte{0x98, 0x99, 0x9A, 0x9B, 0x9C}},
	{"U", [5]byte{0x9D, 0x9E, 0x9F, 0x01, 0x02}},
	{"Ư", [5]byte{0x04, 0x05, 0x06, 0x11, 0x12}},
	{"Y", [5]byte{0x13, 0x14, 0x15, 0x16, 0x17}},
}

// tcvnShaped are the untoned shaped letters at 0xA1–0xAE.
const tcvnShaped = "ĂÂÊÔƠƯĐăâêôơưđ"

var tcvnDecode, tcvnEncode = buildTCVN()

func buildTCVN() ([256]rune, map[rune]byte) {
	var dec [256]rune
	for i := range dec {
		dec[i] = rune(i) // ASCII, and Latin-1 where nothing is assigned (0xA0 is NBSP)
	}
	enc := map[rune]byte{}
	i := 0xA1
	for _, r := range tcvnShaped {
		dec[i], enc[r] = r, byte(i)
		i++
	}
	for t, m := range tcvnTones {
		dec[0xB0+t] = m
	}
	for _, v := range tcvnVowels {
		for t, b := range v.bytes {
			r, _ := utf8.DecodeRuneInString(norm.NFC.String(v.base + string(tcvnTones[t])))
			dec[b], enc[r] = r, b
		}
	}
	return dec, enc
}

// DecodeTCVN3 decodes TCVN3 (TCVN 5712 VN3, with the VN1 capitals) bytes
// to NFC text.
func DecodeTCVN3(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for _, c := range b {
		sb.WriteRune(tcvnDecode[c])
	}
	return norm.NFC.String(sb.String())
}

// ErrUnrepresentable is returned by the encoders for a rune the legacy
// encoding has no bytes for.
var ErrUnrepresentable = errors.New("viet: rune not representable in the legacy encoding")

// EncodeTCVN3 encodes s to TCVN3 with the VN1 capitals. It exists to build
// test fixtures; ASCII control bytes that VN1 uses for capitals are
// written as they are.
func EncodeTCVN3(s string) ([]byte, error) {
	out := make([]byte, 0, len(s))
	for _, r := range norm.NFC.String(s) {
		switch {
		case r < 0x80:
			out = append(out, byte(r))
		case r == '\u00a0':
			out = append(out, 0xA0)
		default:
			b, ok := tcvnEncode[r]
			if !ok {
				return out, ErrUnrepresentable
			}
			out = append(out, b)
		}
	}
	return out, nil
}

// VNI-Windows diacritic bytes (lowercase forms; capitals are 0x20 lower).
// Tone order: none, huyền, sắc, ngã, hỏi, nặng (toneMarks).
var (
	vniTone = [6]byte{0, 0xF8, 0xF9, 0xF5, 0xFB, 0xEF}    // after a e o u y ơ ư
	vniCirc = [6]byte{0xE2, 0xE0, 0xE1, 0xE3, 0xE5, 0xE4} // after a e o: â ê ô + tone
	vniBrev = [6]byte{0xEA, 0xE8, 0xE9, 0xFC, 0xFA, 0xEB} // after a: ă + tone
	vniI    = [6]byte{'i', 0xEC, 0xED, 0xF3, 0xE6, 0xF2}  // toned i, one byte
	vniYDot = byte(0xEE)                                  // ỵ
	vniHorn = map[byte]rune{0xF4: 'ơ', 0xF6: 'ư', 0xD4: 'Ơ', 0xD6: 'Ư'}
)

// vniMark maps a lowercase diacritic byte to its shape mark (0, U+0302 or
// U+0306) and tone index, for each group.
type vniMark struct {
	shape rune
	tone  uint8
	ok    bool
}

var vniTones, vniCircs, vniBrevs [256]vniMark

func init() {
	for t := range 6 {
		if t > 0 {
			vniTones[vniTone[t]] = vniMark{0, uint8(t), true}
		}
		vniCircs[vniCirc[t]] = vniMark{'\u0302', uint8(t), true}
		vniBrevs[vniBrev[t]] = vniMark{'\u0306', uint8(t), true}
	}
}

var cp1252 = func() (t [256]rune) {
	for i := range t {
		t[i] = charmap.Windows1252.DecodeByte(byte(i))
	}
	return t
}()

// DecodeVNI decodes VNI-Windows bytes to NFC text. Bytes that are not part
// of a VNI letter read as windows-1252.
func DecodeVNI(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for i := 0; i < len(b); i++ {
		c := b[i]
		var base rune
		var circOK, brevOK bool
		switch c | 0x20 {
		case 'a':
			base, circOK, brevOK = rune(c), true, true
		case 'e', 'o':
			base, circOK = rune(c), true
		case 'u', 'y':
			base = rune(c)
		}
		if c >= 0x80 {
			if h, ok := vniHorn[c]; ok {
				base = h
			}
		}
		if base == 0 || i+1 == len(b) {
			sb.WriteRune(vniSingle(c))
			continue
		}
		m := b[i+1]
		if m >= 0xC0 && m < 0xE0 {
			m |= 0x20
		}
		var mk vniMark
		switch {
		case circOK && vniCircs[m].ok:
			mk = vniCircs[m]
		case brevOK && vniBrevs[m].ok:
			mk = vniBrevs[m]
		case vniTones[m].ok:
			mk = vniTones[m]
		}
		if !mk.ok {
			sb.WriteRune(vniSingle(c))
			continue
		}
		i++
		r := base
		if mk.shape != 0 {
			r = compose(base, mk.shape)
		}
		if mk.tone > 0 {
			r = compose(r, toneMarks[mk.tone])
		}
		sb.WriteRune(r)
	}
	return norm.NFC.String(sb.String())
}

// vniSingle decodes a byte that stands alone.
func vniSingle(c byte) rune {
	if c < 0x80 {
		return rune(c)
	}
	if h, ok := vniHorn[c]; ok {
		return h
	}
	lower, upper := c|0x20, c&^0x20 == c
	if c < 0xC0 {
		return cp1252[c]
	}
	r := rune(0)
	switch lower {
	case 0xF1:
		r = 'đ'
	case vniYDot:
		r = 'ỵ'
	default:
		for t := 1; t < 6; t++ {
			if vniI[t] == lower {
				r = compose('i', toneMarks[t])
			}
		}
	}
	if r == 0 {
		return cp1252[c]
	}
	if upper && c != lower {
		return unicode.ToUpper(r)
	}
	return r
}

func compose(base, mark rune) rune {
	r, _ := utf8.DecodeRuneInString(norm.NFC.String(string(base) + string(mark)))
	return r
}

// EncodeVNI encodes s to VNI-Windows. It exists to build test fixtures.
func EncodeVNI(s string) ([]byte, error) {
	out := make([]byte, 0, len(s)+len(s)/4)
	var buf [16]byte
	for _, r := range norm.NFC.String(s) {
		if r < 0x80 {
			out = append(out, byte(r))
			continue
		}
		switch r {
		case 'đ':
			out = append(out, 0xF1)
			continue
		case 'Đ':
			out = append(out, 0xD1)
			continue
		}
		d := norm.NFD.AppendString(buf[:0], string(r))
		base := d[0]
		var shape, tone rune
		for _, m := range string(d[1:]) {
			switch m {
			case '\u0302', '\u0306', '\u031B':
				shape = m
			default:
				tone = m
				for t, tm := range toneMarks {
					if tm == m && t > 0 {
						tone = rune(t)
					}
				}
				if tone > 5 {
					return out, ErrUnrepresentable
				}
			}
		}
		upper := base >= 'A' && base <= 'Z'
		up := func(c byte) byte {
			if upper && c >= 0xE0 {
				return c - 0x20
			}
			return c
		}
		switch lb := base | 0x20; {
		case base >= 0x80:
			return out, ErrUnrepresentable
		case lb == 'i' && shape == 0 && tone > 0:
			out = append(out, up(vniI[tone]))
		case lb == 'y' && shape == 0 && tone == 5:
			out = append(out, up(vniYDot))
		case shape == '\u031B' && (lb == 'o' || lb == 'u'):
			h := byte(0xF4)
			if lb == 'u' {
				h = 0xF6
			}
			out = append(out, up(h))
			if tone > 0 {
				out = append(out, up(vniTone[tone]))
			}
		case shape == '\u0302' && (lb == 'a' || lb == 'e' || lb == 'o'):
			out = append(out, base, up(vniCirc[tone]))
		case shape == '\u0306' && lb == 'a':
			out = append(out, base, up(vniBrev[tone]))
		case shape == 0 && tone > 0 && strings.IndexByte("aeouy", lb) >= 0:
			out = append(out, base, up(vniTone[tone]))
		default:
			return out, ErrUnrepresentable
		}
	}
	return out, nil
}

// SniffLegacy decides whether b, bytes that are not valid UTF-8 or were
// declared in a Latin charset, hold Vietnamese text in windows-1258,
// TCVN3, VNI-Windows, VISCII or VPS: each decoding is scored by the share of its non-ASCII
// words that are valid Vietnamese syllables (ValidSyllable), and the best
// one wins when at least half of its words are valid, it has at least
// minWords more valid words than reading the bytes as windows-1252 and its
// share is 0.1 higher. A single "£" read as TCVN3 "Ê" is a valid syllable:
// minWords keeps a stray symbol from deciding. It returns the encoding's name
// ("windows-1258", "tcvn3", "vni", "viscii", "vps") and the NFC text, or
// "" and nil.
func SniffLegacy(b []byte, minWords int) (string, []byte) {
	sample := b
	if len(sample) > 256<<10 {
		sample = sample[:256<<10]
	}
	latin, err := charmap.Windows1252.NewDecoder().Bytes(sample)
	if err != nil {
		return "", nil
	}
	bestShare, latinValid := share(string(latin))
	bestName := ""
	cands := []struct {
		name string
		text func([]byte) string
	}{
		{"windows-1258", decode1258},
		{"tcvn3", DecodeTCVN3},
		{"vni", DecodeVNI},
		{"viscii", DecodeVISCII},
		{"vps", DecodeVPS},
	}
	var best func([]byte) string
	for _, c := range cands {
		if s, valid := share(c.text(sample)); s > bestShare+0.1 && s >= 0.5 && valid-latinValid >= minWords {
			bestShare, bestName, best = s, c.name, c.text
		}
	}
	if best == nil {
		return "", nil
	}
	return bestName, []byte(best(b))
}

func decode1258(b []byte) string {
	d, _ := charmap.Windows1258.NewDecoder().Bytes(b)
	return norm.NFC.String(string(d))
}

// share returns the fraction of the words of s holding a non-ASCII letter
// that are valid Vietnamese syllables, and their number; it looks at the
// first 4000 such words and returns 0 when there are none.
func share(s string) (float64, int) {
	valid, total := 0, 0
	start := -1
	nonASCII := false
	flush := func(end int) {
		if start >= 0 && nonASCII {
			total++
			if ValidSyllable(s[start:end]) {
				valid++
			}
		}
		start, nonASCII = -1, false
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			if r >= 0x80 {
				nonASCII = true
			}
			continue
		}
		flush(i)
		if total >= 4000 {
			break
		}
	}
	flush(len(s))
	if total == 0 {
		return 0, 0
	}
	return float64(valid) / float64(total), valid
}

// Vietnamese syllable structure: onset, vowel nucleus, coda, one tone.
var (
	onsets = []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
		"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""}
	codas   = []string{"ch", "ng", "nh", "c", "m", "n", "p", "t", ""}
	nucleus = map[string]bool{}
)

func init() {
	for _, n := range strings.Fields(`a ă â e ê i o ô ơ u ư y
		ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê
		iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu uêu`) {
		nucleus[n] = true
	}
}

// ValidSyllable reports whether w (one word, any case, NFC or NFD) is a
// well-formed Vietnamese syllable: an onset, a vowel nucleus, a coda and at
// most one tone mark.
func ValidSyllable(w string) bool {
	var buf [32]rune
	rs := buf[:0]
	tones := 0
	for _, r := range norm.NFC.String(w) {
		r = unicode.ToLower(r)
		if r == 'đ' {
			rs = append(rs, r)
			continue
		}
		if v := lookup(r); v.ok {
			if v.tone > 0 {
				tones++
			}
			rs = append(rs, unicode.ToLower(v.base))
			continue
		}
		if r < 'a' || r > 'z' {
			return false
		}
		rs = append(rs, r)
		if len(rs) > 8 {
			return false
		}
	}
	if tones > 1 || len(rs) == 0 {
		return false
	}
	s := string(rs)
	for _, on := range onsets {
		if !strings.HasPrefix(s, on) {
			continue
		}
		rest := s[len(on):]
		if on == "gi" && rest == "" {
			return true // gì, gỉ
		}
		for _, co := range codas {
			if strings.HasSuffix(rest, co) && nucleus[rest[:len(rest)-len(co)]] {
				return true
			}
		}
	}
	return false
}
