package viet

import "strings"

// Untype reads a word typed with a Vietnamese input method switched off:
// its keys are left in the text. Telex spells a mark with letters after
// the vowel ("aa" â, "aw" ă, "ee" ê, "oo" ô, "ow" ơ, "uw" or "w" ư, "dd"
// đ) and the tone with one of s f r x j after the first vowel ("quyeets"
// quyết, "vieejt" việt); VNI with digits after the letter (6 â ê ô, 7 ơ ư,
// 8 ă, 9 đ; 1–5 the tones: "quye61t" quyết, "d9i5nh" định). It gives the
// syllable in NFC with its tone in the canonical place (Canon) and true
// when w is no syllable itself, holds a key and spells a valid syllable
// (ValidSyllable); otherwise "" and false: acronyms, codes and foreign
// words ("ubnd", "covid", "qh15", "wifi") are left alone, and so is a word
// of fewer than three keys, too short to tell. Shaped tells whether a key
// shaped a letter ("dd", "oo", "uw", VNI's 6–9): a word keyed with a tone
// alone may be a foreign word ("visa" vía, "taxi" tãi, "gas" gá), which a
// caller reads as typed unless the words around it were keyed too.
func Untype(w string) (syllable string, shaped, ok bool) {
	if len(w) < 3 || len(w) > 12 {
		return "", false, false
	}
	digits := false
	for i := 0; i < len(w); i++ { // before any allocation: most words are not typed
		switch c := w[i] | 0x20; {
		case 'a' <= c && c <= 'z':
		case '0' <= w[i] && w[i] <= '9':
			digits = true
		default:
			return "", false, false
		}
	}
	b := []byte(strings.ToLower(w))
	if b[0] < 'a' || ValidSyllable(string(b)) {
		return "", false, false
	}
	var rs []rune
	var tone rune
	if digits {
		rs, tone, shaped, ok = vni(b)
	} else {
		rs, tone, shaped, ok = telex(b)
	}
	if !ok || !keyedRhyme(rs) {
		return "", false, false
	}
	if tone != 0 {
		for i, r := range rs {
			if isVowelBase(r) || isShaped(r) {
				rs = append(rs[:i+1], append([]rune{tone}, rs[i+1:]...)...)
				break
			}
		}
	}
	s := Canon(NFC(string(rs)))
	if !ValidSyllable(s) {
		return "", false, false
	}
	return s, shaped, true
}

// toneKeys are the combining tone marks of Telex's keys.
var toneKeys = map[byte]rune{'s': '\u0301', 'f': '\u0300', 'r': '\u0309', 'x': '\u0303', 'j': '\u0323'}

// vniKeyTones are the combining tone marks of VNI's digits 1–5.
var vniKeyTones = [...]rune{'\u0301', '\u0300', '\u0309', '\u0303', '\u0323'}

// telex reads b's Telex keys: its letters, the tone's mark, whether a key
// shaped a letter and whether a key was read at all.
func telex(b []byte) ([]rune, rune, bool, bool) {
	rs := make([]rune, 0, len(b))
	var tone rune
	keyed, vowel := false, false
	for i := 0; i < len(b); i++ {
		c := b[i]
		next := byte(0)
		if i+1 < len(b) {
			next = b[i+1]
		}
		switch {
		case c == 'd' && next == 'd' && !vowel:
			rs, keyed = append(rs, 'đ'), true
			i++
		case c == 'u' && next == 'o' && i+2 < len(b) && b[i+2] == 'w':
			rs, keyed, vowel = append(rs, 'ư', 'ơ'), true, true
			i += 2
		case strings.IndexByte("aeo", c) >= 0 && next == c:
			rs, keyed, vowel = append(rs, map[byte]rune{'a': 'â', 'e': 'ê', 'o': 'ô'}[c]), true, true
			i++
		case strings.IndexByte("aou", c) >= 0 && next == 'w':
			rs, keyed, vowel = append(rs, map[byte]rune{'a': 'ă', 'o': 'ơ', 'u': 'ư'}[c]), true, true
			i++
		case c == 'w':
			rs, keyed, vowel = append(rs, 'ư'), true, true
		case strings.IndexByte("aeiouy", c) >= 0:
			rs, vowel = append(rs, rune(c)), true
		case vowel && toneKeys[c] != 0:
			if tone != 0 {
				return nil, 0, false, false
			}
			tone = toneKeys[c]
		default:
			rs = append(rs, rune(c))
		}
	}
	return rs, tone, keyed, keyed || tone != 0
}

// vni reads b's VNI keys as telex does its Telex keys.
func vni(b []byte) ([]rune, rune, bool, bool) {
	rs := make([]rune, 0, len(b))
	var tone rune
	vowel, shaped := false, false
	shape := func(from, to string) bool {
		if len(rs) == 0 {
			return false
		}
		i := strings.IndexRune(from, rs[len(rs)-1])
		if i < 0 {
			return false
		}
		rs[len(rs)-1] = []rune(to)[len([]rune(from[:i]))]
		shaped = true
		return true
	}
	for _, c := range b {
		switch {
		case 'a' <= c && c <= 'z':
			rs = append(rs, rune(c))
			vowel = vowel || strings.IndexByte("aeiouy", c) >= 0
		case c == '6':
			if !shape("aeo", "âêô") {
				return nil, 0, false, false
			}
		case c == '7':
			if !shape("ou", "ơư") {
				return nil, 0, false, false
			}
		case c == '8':
			if !shape("a", "ă") {
				return nil, 0, false, false
			}
		case c == '9':
			if !shape("d", "đ") {
				return nil, 0, false, false
			}
		case '1' <= c && c <= '5' && vowel && tone == 0:
			tone = vniKeyTones[c-'1']
		default:
			return nil, 0, false, false
		}
	}
	return rs, tone, shaped, true
}

// keyedRhymes are the finals a shaped vowel takes in Vietnamese: ă and â
// want a final ("lắ", "sấ" are none), ư takes a few ("ưan", "ưin", "ưp"
// are none), ươ wants one. ValidSyllable checks the folded shape ("uan",
// "uin"), so that Telex's keys read into codes and English words ("kWp"
// kưp, "WAN" ưan, "Twin" tưin, "laws" lắ) without this.
var keyedRhymes = map[rune][]string{
	'ă': {"c", "m", "n", "ng", "p", "t"},
	'â': {"c", "m", "n", "ng", "p", "t", "u", "y"},
	'ư': {"", "a", "c", "i", "n", "ng", "t", "u"},
	'ơ': {"c", "i", "m", "n", "ng", "p", "t", "u"}, // after ư
}

// keyedRhyme reports whether each of rs's ă, â, ư (and ươ) is followed by
// a final it takes (keyedRhymes).
func keyedRhyme(rs []rune) bool {
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == 'ư' && i+1 < len(rs) && rs[i+1] == 'ơ' {
			i, r = i+1, 'ơ'
		} else if r == 'ơ' {
			continue // ơ alone: ValidSyllable's
		}
		finals, ok := keyedRhymes[r]
		if !ok {
			continue
		}
		rest := string(rs[i+1:])
		found := false
		for _, f := range finals {
			if rest == f {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
