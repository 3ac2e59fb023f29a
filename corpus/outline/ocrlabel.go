package outline

// Labels OCR damaged (the format is in plan.go's comment): a speck read
// before the label, the letter of a point lost, the space after it lost.

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ocrLabel restores the label of a line OCR damaged, and reports whether
// it did: a speck read as a mark before it ("„2. Trường hợp…", "`2,
// Thông báo…", ". đ) Áp dụng…"), the letter of a point lost (") Tịch thu
// tang vật…" after "b)"), the space after a point's bracket lost ("b)Lực
// lượng…"). Only a label that follows the open item before it (the number
// or letter after it) is restored: anything else stays text as written.
func (p *outlineParser) ocrLabel(line string) (string, bool) {
	if rest, ok := strings.CutPrefix(line, ") "); ok {
		// The letter lost: the point after the open one.
		if next := p.nextLetter(); next != "" && startsUpper(rest) {
			return next + line, true
		}
		return "", false
	}
	r, n := utf8.DecodeRuneInString(line)
	if unicode.IsLower(r) && n < len(line) && line[n] == ')' {
		if next, _ := utf8.DecodeRuneInString(line[n+1:]); unicode.IsUpper(next) {
			fixed := line[:n+1] + " " + line[n+1:]
			return fixed, p.labelFits(fixed)
		}
		return "", false
	}
	if t := strings.TrimLeft(line, "„`.,"); t != line {
		t = strings.TrimLeft(t, " ")
		return t, t != "" && p.labelFits(t)
	}
	return "", false
}

// startsUpper reports text starting with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// nextLetter is the letter after the innermost open lettered point ("c"
// after "b)", "đ" after "d)"), "" when none is open or it is the last.
func (p *outlineParser) nextLetter() string {
	for j := len(p.stack) - 1; j >= 0; j-- {
		it := &p.o.Items[p.stack[j]]
		if it.kind != labelLetter {
			continue
		}
		order := []rune(letterOrders[0])
		cur := []rune(strings.TrimSuffix(it.Label, ")"))
		for k, r := range order {
			if len(cur) == 1 && r == cur[0] && k+1 < len(order) {
				return string(order[k+1])
			}
		}
		return ""
	}
	return ""
}

// labelFits reports a line whose label is a point or a number that
// follows the open one before it: the letter after the innermost open
// lettered point (or one OCR confuses with it, misreadLetter), or the
// number after the innermost open number of as many parts ("3, …" by
// commaNumber).
func (p *outlineParser) labelFits(line string) bool {
	label, id, kind, _ := itemLabel(line)
	switch kind {
	case labelLetter:
		if a, ok := p.misreadLetter(id); ok || a == id {
			return true // read as the letter it stands for, or kept (the next point follows it)
		}
		return id == p.nextLetter()
	case labelNumber:
		if strings.HasSuffix(label, ")") {
			return false // "1)" lists are too often a letter misread
		}
		return p.numberFollows(id)
	case labelNone:
		_, _, _, ok := p.commaNumber(line)
		return ok
	}
	return false
}

// numberFollows reports whether the number id ("2", "2.3") comes right
// after the innermost open numbered item of as many parts ("1", "2.2").
func (p *outlineParser) numberFollows(id string) bool {
	depth := strings.Count(id, ".") + 1
	last := id[strings.LastIndexByte(id, '.')+1:]
	n, err := strconv.Atoi(last)
	if err != nil {
		return false
	}
	for j := len(p.stack) - 1; j >= 0; j-- {
		it := &p.o.Items[p.stack[j]]
		if it.kind != labelNumber || it.depth != depth || it.Label == "" {
			continue
		}
		prev := strings.TrimRight(it.Label, ".)-,")
		prev = prev[strings.LastIndexByte(prev, '.')+1:]
		m, err := strconv.Atoi(prev)
		return err == nil && m == n-1
	}
	return false
}
