package outline

// Lettered points: the letter a point should have by its place in the
// list, the letters OCR misreads or damages, lower-case roman lists, and
// the order of letters.

import (
	"strconv"
	"strings"
	"unicode"
)

// romanLetter reports whether the point "i)", "v)" or "x)" at line i
// numbers a lower-case roman list rather than a lettered one: "i)" when
// the next labelled line is "ii)" ("c) Các loại công trình sau đây:",
// "i) Nhà siêu cao tầng;", "ii) …"), "v)" and "x)" when an open roman
// point comes right before ("iv)" then "v)"). "i)" after "h)" with no
// "ii)" after it, or "v)" after "u)", stays a letter.
func (p *outlineParser) romanLetter(i int, id string) bool {
	switch id {
	case "i":
		for j := i + 1; j < len(p.lines) && j <= i+40; j++ {
			next, _ := clean(p.lines[j])
			if _, nid, kind, _ := itemLabel(next); kind != labelNone {
				return kind == labelRoman && nid == "ii"
			}
		}
	case "v", "x":
		want := 4
		if id == "x" {
			want = 9
		}
		for k := len(p.stack) - 1; k >= 0; k-- {
			if it := &p.o.Items[p.stack[k]]; it.kind == labelRoman {
				return romanValue(strings.TrimSuffix(it.Label, ")")) == want
			}
		}
	}
	return false
}

// misreadLetters are the letters OCR reads for another ("đ)" for "d)",
// "e)" for "c)", "ï)" for "i)"), each with the letters it may stand for.
var misreadLetters = map[string][]string{
	"đ": {"d"}, "d": {"đ"}, "e": {"c"}, "c": {"e"},
	"q": {"d", "g"}, "ï": {"i"}, "í": {"i"}, "ì": {"i"}, "ỉ": {"i"}, "ĩ": {"i"}, "ị": {"i"},
}

// misreadLetter reads a lettered point whose letter does not follow the
// open point before it but a letter OCR confuses it with does: "đ)" right
// after "c)" is "d)", "e)" after "b)" is "c)", "ï)" after "h)" is "i)"
// (scanned decrees: NĐ 252/2026, NĐ 283/2026 read "d)" as "đ)" dozens of
// times, so the real "đ)" after it collided). A letter that follows, or
// one no confusable letter would make follow (a list skipping a point,
// a new list), is left as written; so is a letter past the open one that
// the next point follows as written ("đ)" after "c)" then "e)": the "d)"
// line's label lost or the point repealed, NĐ 260/2026; it returns id and
// false then, so that ocrLabel still takes the label as a point).
func (p *outlineParser) misreadLetter(id string) (string, bool) {
	alts, ok := misreadLetters[id]
	if !ok {
		return "", false
	}
	for j := len(p.stack) - 1; j >= 0; j-- {
		prev := &p.o.Items[p.stack[j]]
		if prev.kind != labelLetter {
			continue
		}
		letter := strings.TrimSuffix(prev.Label, ")")
		if labelFollows(letter, id) {
			return "", false
		}
		for _, a := range alts {
			if labelFollows(letter, a) {
				if id != letter && labelFollows(id, p.nextPointLetter()) {
					return id, false
				}
				return a, true
			}
		}
		return "", false
	}
	return "", false
}

// nextPointLetter is the letter of the next lettered point after the line
// being read, within maxPointGap lines and before a numbered item or a
// heading ends the list; "" when there is none, or when a line whose
// label OCR damaged comes first ("đ Bản sao…", "bÌ) Chuỗi dự án…": the
// point after this one is there, its letter unread).
func (p *outlineParser) nextPointLetter() string {
	for j := p.at + 1; j < len(p.lines) && j <= p.at+maxPointGap; j++ {
		next, _ := clean(p.lines[j])
		if _, _, ok := articleHeading(next); ok {
			return ""
		}
		switch _, id, kind, _ := itemLabel(next); kind {
		case labelLetter:
			return id
		case labelNumber:
			return ""
		case labelNone, labelDash:
			if damagedPoint(next) {
				return ""
			}
		}
	}
	return ""
}

// damagedPoint reports a line starting with what is left of a point's
// label after OCR, before a capital: a short token closed by a bracket
// ("bÌ) Chuỗi…", "đd) Không…"), a lone lower-case letter ("đ Bản sao…")
// or a lone mark ("® Điều chỉnh…", ": @ Có phẩm chất…"), or a point's
// label after specks ("_. đ) Không nhập kho…", "- đ) Không cho…").
func damagedPoint(line string) bool {
	if t := strings.TrimLeftFunc(line, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }); t != line {
		if _, _, kind, _ := itemLabel(t); kind == labelLetter {
			return true
		}
	}
	first, rest, ok := strings.Cut(line, " ")
	if !ok || !startsUpper(strings.TrimLeft(rest, ":;,.@®©`'„ ")) {
		return false
	}
	r := []rune(first)
	switch {
	case len(r) <= 3 && r[len(r)-1] == ')':
		return true
	case len(r) == 1:
		return unicode.IsLower(r[0]) || !unicode.IsLetter(r[0]) && !unicode.IsDigit(r[0]) && !strings.ContainsRune("-+•–—*", r[0])
	}
	return false
}

// maxPointGap bounds the lines between two points of a list that
// nextPointLetter reads (romanLetter reads as far).
const maxPointGap = 40

// popToLetter closes the open items a point "b.1.2)" is not under: it
// goes under "b.1)" (a point of fewer parts), else "b)", else a number.
// It returns the ID part — what the label adds to its parent's ("2" under
// "b.1)"; "b.1" when no lettered point is open) — and the label's depth.
func (p *outlineParser) popToLetter(label string) (part string, depth int) {
	depth = strings.Count(label, ".")
	for len(p.stack) > 0 {
		top := &p.o.Items[p.stack[len(p.stack)-1]]
		if top.kind == labelLetter || top.kind == labelNumber || top.kind == labelSubLetter && top.depth < depth {
			if core := strings.TrimSuffix(top.Label, ")"); top.kind != labelNumber && strings.HasPrefix(label, core+".") {
				return label[len(core)+1:], depth
			}
			break
		}
		p.stack = p.stack[:len(p.stack)-1]
	}
	return label, depth
}

// letterOrders are the orders of lettered items: the Vietnamese one
// ("đ)" after "d)", no "f)", "j)", "w)" or "z)") and the Latin one some
// documents use.
var letterOrders = [...]string{"abcdđeghiklmnopqrstuvxy", "abcdefghijklmnopqrstuvwxyz"}

// labelFollows reports whether label b comes right after label a: "d"
// after "c", "đ" after "d", "4" after "3", "iv" after "iii" (a label
// being a letter or a number, without its brackets).
func labelFollows(a, b string) bool {
	if isAllDigits(a) && isAllDigits(b) && a != "" && b != "" {
		x, _ := strconv.Atoi(a)
		y, _ := strconv.Atoi(b)
		return y == x+1
	}
	if a == "" || b == "" {
		return false
	}
	if x, y := lowerRoman(a), lowerRoman(b); x > 0 && y == x+1 {
		return true // "ii" after "i", "v" after "iv"
	}
	for _, order := range letterOrders {
		if i, j := strings.Index(order, a), strings.Index(order, b); i >= 0 && j >= 0 && j == i+len(a) {
			return true
		}
	}
	return false
}

// lowerRoman is the value of a lower-case roman numeral ("i" 1, "iv"
// 4), 0 for anything else.
func lowerRoman(s string) int {
	if s == "" || len(s) > 5 || strings.Trim(s, "ivx") != "" || !isRoman(strings.ToUpper(s)) {
		return 0
	}
	return romanNumber(strings.ToUpper(s))
}
