package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The second pass: a date and an issuer after a trích yếu (see doc.go).

// titleWindow bounds how far after a reference a trích yếu may run
// before its "ngày … của …": the longest Pháp điển titles measured are
// about 600 bytes.
const titleWindow = 900

// attachTitles gives open references the date and issuer that follow their
// trích yếu. See the file comment.
func (p *parser) attachTitles() {
	// next[i] is where the first accepted reference after cands[i] starts.
	next := make([]int, len(p.cands))
	end := len(p.s)
	for i := len(p.cands) - 1; i >= 0; i-- {
		next[i] = end
		if !p.cands[i].reject {
			end = p.cands[i].ref.Start
		}
	}
	var stack []int
	for i := range p.cands {
		c := &p.cands[i]
		if c.reject {
			continue
		}
		if c.open {
			stack = append(stack, i)
		}
		if len(stack) > 0 {
			stack = p.scanTitle(stack, c.spanEnd, next[i])
		}
	}
}

// phrase is a "ngày D của I" (or "ban hành ngày D") after a trích yếu.
type phrase struct {
	date  string
	names []string
	weak  bool // after a ";": only a matching issuer code may take it
}

// scanTitle scans s[from:to] for phrases and boundaries and returns what
// remains of the stack of open references. Phrases are collected in groups
// ended by a boundary or by to (the next reference): every phrase but the
// last of a group closes the innermost compatible reference, the last one
// the outermost, so that in "Thông tư số A sửa đổi Thông tư số B ngày D
// của Bộ Y tế" D goes to A, while in "A … B … ngày D1 của I ngày D2 của I"
// D1 goes to B and D2 to A.
func (p *parser) scanTitle(stack []int, from, to int) []int {
	s := p.s
	var group []phrase
	lastWord := ""
	semi := false
	q := from
	for q < to && len(stack) > 0 {
		for len(stack) > 0 && q-p.cands[stack[0]].spanEnd > titleWindow {
			stack = stack[1:]
		}
		r, size := utf8.DecodeRuneInString(s[q:])
		if !isWordRune(r) {
			if r == ';' {
				semi = true
			} else if isBoundary(s, q, r) {
				stack = p.resolve(stack, group)
				stack, group = stack[:0], group[:0]
			}
			q += size
			continue
		}
		if c := s[q] | 0x20; c != 'n' && c != 'l' && c != 'h' {
			// only "ngày", "hiệu" and "lực" matter: skip without folding
			q = wordEnd(s, q)
			lastWord = ""
			continue
		}
		w, _ := wordAt(s, q)
		q = w.end
		switch {
		case w.fold == "luc" && lastWord == "hieu": // có hiệu lực
			stack = p.resolve(stack, group)
			stack, group = stack[:0], group[:0]
		case w.fold == "ngay":
			d, end, ok := dateAt(s, skipSpace(s, w.end))
			if !ok || end > to {
				break
			}
			var names []string
			e := skipSpace(s, end)
			if cw, ok := wordAt(s, e); ok && cw.fold == "cua" {
				if ns, iend, ok := issuersAt(s, skipSpace(s, cw.end), p.stackCodes(stack)); ok && iend <= to {
					names, end = ns, iend
				}
			}
			if names == nil && !banHanhBefore(s, w.start) {
				break
			}
			group = append(group, phrase{date: d, names: names, weak: semi})
			q = end
		}
		lastWord = w.fold
	}
	return p.resolve(stack, group)
}

// resolve assigns a group of phrases to the open references on the stack.
func (p *parser) resolve(stack []int, group []phrase) []int {
	for i, ph := range group {
		last := i == len(group)-1
		k := -1
		for j := range stack {
			jj := j
			if !last {
				jj = len(stack) - 1 - j // innermost first
			}
			c := &p.cands[stack[jj]]
			if ph.names != nil && !compatible(c.ref.IssuerCode, ph.names) {
				continue
			}
			if ph.weak && (ph.names == nil || c.ref.IssuerCode == "") {
				continue
			}
			if !yearAgrees(c.ref.Year, ph.date) {
				continue
			}
			k = jj
			break
		}
		if k < 0 {
			continue
		}
		c := &p.cands[stack[k]]
		for _, o := range stack[k:] {
			if o := &p.cands[o]; o == c || o.ref.Key == c.ref.Key {
				o.ref.Date, o.open = ph.date, false
				if ph.names != nil {
					o.issuers = ph.names
				}
			}
		}
		stack = stack[:k]
	}
	return stack
}

func isBoundary(s string, q int, r rune) bool {
	switch r {
	case '\n', '(', ')', '|', '[', ']':
		return true
	case '.':
		// a sentence end: ". " followed by an upper-case letter or a digit
		n := skipSpace(s, q+1)
		if n == q+1 || n >= len(s) {
			return n >= len(s)
		}
		r2, _ := utf8.DecodeRuneInString(s[n:])
		return unicode.IsUpper(r2) || unicode.IsDigit(r2)
	}
	return false
}

func banHanhBefore(s string, pos int) bool {
	w, ok := prevWord(s, pos, "")
	if !ok || w.fold != "hanh" {
		return false
	}
	w2, ok := prevWord(s, w.start, "")
	return ok && w2.fold == "ban"
}

// stackCodes joins the issuer codes of the open references: a phrase's
// issuer list goes on past a comma to a name one of them spells
// (issuersAt).
func (p *parser) stackCodes(stack []int) string {
	codes := make([]string, 0, len(stack))
	for _, i := range stack {
		if c := p.cands[i].ref.IssuerCode; c != "" {
			codes = append(codes, c)
		}
	}
	return strings.Join(codes, "-")
}
