package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Parts: the part of a document a relation targets, written before the
// reference.
//
//	part  = ["các"] item {sep item} [conn]
//	item  = unit label {("," | "và" | "hoặc") label} {unit label}
//	unit  = "điểm" | "khoản" | "Điều" | "Mục" | "Chương" | "Phần" | "Phụ lục" | "tiểu mục"
//	label = a number ("5", "5a", "1.2", "I.3"), a roman numeral ("II"), a letter ("a", "đ")
//	sep   = "," | ";" | "và" | "hoặc"
//	conn  = "của" | "tại" | "thuộc" | "trong" | ["ban hành"] "kèm theo" | "(" title ")"
//
// "Phụ lục" may stand without a label ("các Phụ lục ban hành kèm theo …").
// "Điều này", "khoản 2 Điều này" name the text's own document: no part.

// unitWord reports whether token k ends a unit word and returns its first
// token.
func (p *relPass) unitWord(k int) (int, bool) {
	switch p.word(k) {
	case "dieu", "khoan", "diem", "muc", "chuong", "phan":
		if p.word(k) == "muc" && p.word(k-1) == "tieu" {
			return k - 1, true
		}
		return k, true
	case "luc":
		if p.word(k-1) == "phu" {
			return k - 1, true
		}
	}
	return k, false
}

// isLabel reports whether token k can label a unit.
func (p *relPass) isLabel(k int) bool {
	if k < 0 || k >= len(p.toks) || p.toks[k].kind != tWord {
		return false
	}
	t := p.toks[k]
	w := p.s[t.start:t.end]
	if len(w) > 10 {
		return false
	}
	if t.digit {
		return true
	}
	roman := true
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case 'I', 'V', 'X', 'L', 'C', '.':
		default:
			roman = false
		}
	}
	if roman {
		return true
	}
	r, size := utf8.DecodeRuneInString(w)
	if size == len(w) && unicode.IsLower(r) {
		return true // điểm a, điểm đ
	}
	// B.II, H.I, Đ.I: a capital, a dot, a roman numeral
	if size < len(w) && w[size] == '.' && unicode.IsUpper(r) {
		for i := size + 1; i < len(w); i++ {
			if !strings.ContainsRune("IVXLC0123456789.", rune(w[i])) {
				return false
			}
		}
		return true
	}
	return false
}

// partConn steps back over the words joining a part to its reference:
// "của", "tại", "thuộc", "trong", "ban hành kèm theo", a parenthetical title.
func (p *relPass) partConn(k int) int {
	for {
		j := p.partConn1(k)
		if j == k {
			return k
		}
		k = j
	}
}

func (p *relPass) partConn1(k int) int {
	switch p.word(k) {
	case fCua, "thuoc", "trong", fTai:
		return k - 1
	case fTheo:
		if p.word(k-1) == "kem" {
			k -= 2
			if p.word(k) == "hanh" && p.word(k-1) == "ban" {
				k -= 2
			}
			return k
		}
	}
	if k >= 0 && p.toks[k].kind == tClose {
		for j := k - 1; j >= 0 && j > k-16; j-- {
			switch p.toks[j].kind {
			case tOpen:
				return j - 1
			case tRef, tStop, tBreak, tItem, tSemi:
				return k
			}
		}
	}
	return k
}

// partBefore reads the part written before token k+1 (a reference). It
// returns the part's text ("" when none), the token before the part and its
// connector, and the first token of the part.
func (p *relPass) partBefore(k int) (string, int) {
	j := p.partConn(k)
	// the part must end in a label, or in "Phụ lục"
	end := j
	first := -1
	switch {
	case p.isLabel(j):
		if u, ok := p.unitWord(j - 1); ok {
			first = u
		} else if p.isLabel(j-1) || p.toks[max(j-1, 0)].kind == tComma || p.word(j-1) == fVa {
			first = j // a label list: "khoản 4, 5, 6"; checked below
		}
	default:
		if u, ok := p.unitWord(j); ok && p.word(j) == "luc" {
			first = u
		}
	}
	if first < 0 {
		return "", k
	}
	// extend back over units, labels and separators
	q := first
	for q > 0 {
		b := q - 1
		if u, ok := p.unitWord(b); ok {
			q = u
			continue
		}
		if p.isLabel(b) && p.nextUnitOrLabel(b) {
			q = b
			continue
		}
		if p.toks[b].kind == tComma || p.toks[b].kind == tSemi || p.word(b) == fVa || p.word(b) == fHoac {
			if p.isLabel(b-1) || p.unitLabelEnd(b-1) {
				q = b - 1
				continue
			}
		}
		break
	}
	// the part starts at its first unit word
	for q <= end && !p.isUnitStart(q) && !(p.word(q) == "phu" && p.word(q+1) == "luc") && !(p.word(q) == "tieu" && p.word(q+1) == "muc") {
		q++
	}
	if q > end {
		return "", k
	}
	before := q - 1
	if p.word(before) == fCac || p.word(before) == "nhung" {
		before--
	}
	return p.spanText(q, end), before
}

// isUnitStart reports a one-word unit at token q.
func (p *tokView) isUnitStart(q int) bool {
	switch p.word(q) {
	case "dieu", "khoan", "diem", "muc", "chuong", "phan":
		return true
	}
	return false
}

// nextUnitOrLabel: a label at b is followed by a unit, a label or a separator.
func (p *relPass) nextUnitOrLabel(b int) bool {
	n := b + 1
	if n >= len(p.toks) {
		return false
	}
	if p.isUnitStart(n) || p.word(n) == "phu" || p.toks[n].kind == tComma || p.toks[n].kind == tSemi || p.word(n) == fVa || p.word(n) == fHoac {
		return true
	}
	return p.isLabel(n)
}

// unitLabelEnd: token b ends "unit label".
func (p *relPass) unitLabelEnd(b int) bool {
	if p.isLabel(b) {
		_, ok := p.unitWord(b - 1)
		return ok
	}
	u, ok := p.unitWord(b)
	return ok && p.word(b) == "luc" && u >= 0
}

// spanText returns the text of tokens a..b with white space collapsed and
// markup dropped.
func (p *relPass) spanText(a, b int) string {
	raw := p.s[p.toks[a].start:p.toks[b].end]
	var sb strings.Builder
	space := false
	for _, r := range raw {
		switch {
		case r == '*' || r == '[' || r == ']' || r == '_':
		case unicode.IsSpace(r):
			space = true
		default:
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = false
			sb.WriteRune(r)
		}
	}
	return sb.String()
}
