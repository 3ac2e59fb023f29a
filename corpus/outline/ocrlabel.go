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
	if t := strings.TrimLeft(line, ocrSpecks); t != line {
		return t, t != "" && p.labelFits(t)
	}
	return "", false
}

// ocrSpecks are the marks OCR reads from dust, a rule or an underline on
// the scan before a label, and the spaces between them: "„2.", "`2,",
// ". đ)", "__2.", "_1,", "—1,", "- 9.", "._.1,", "' 1." (govdocs: NĐ 154,
// 200, 210, 212, 233, 234, 237, 254, 274, 275, 284/2026). Only a label
// that fits where it stands is read behind them (ocrLabel, labelFits);
// speckedLabel reads any label behind them as the next entry of a
// wrapped list.
const ocrSpecks = "_.,:;'‘’`„-–— "

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
// ocrNumber).
func (p *outlineParser) labelFits(line string) bool {
	label, id, kind, _ := itemLabel(line)
	switch kind {
	case labelLetter:
		if a, ok := p.misreadLetter(id); ok || a == id {
			return true // read as the letter it stands for, or kept (the next point follows it)
		}
		if id == "a" && p.nextLetter() == "" {
			// The first point, after the lead-in announcing the points
			// ("2. Các trường hợp khai thuế thay, nộp thay thuế:" then
			// "_ a) …", NĐ 252/2026 Điều 22).
			return strings.HasSuffix(strings.TrimSpace(p.lastLine), ":")
		}
		return id == p.nextLetter()
	case labelNumber:
		if strings.HasSuffix(label, ")") {
			return false // "1)" lists are too often a letter misread
		}
		return p.numberFollows(id) || id == "1" && p.opensClauses()
	case labelNone:
		_, _, _, ok := p.ocrNumber(line)
		return ok
	}
	return false
}

// opensClauses reports that a clause 1 may open here: no clause and no
// lettered point before it in the section, after a sentence's end or the
// heading, and "2." next ("_1. Phạt tiền …" then "2. …", NĐ 284/2026;
// the rule ocrNumber keeps for "1," and "1:").
func (p *outlineParser) opensClauses() bool {
	if _, found := p.lastClause(); found || p.nextLetter() != "" {
		return false
	}
	return p.afterSentence() && p.nextClause() == 2
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
		prev := strings.TrimRight(it.Label, ".)-,:;")
		prev = prev[strings.LastIndexByte(prev, '.')+1:]
		m, err := strconv.Atoi(prev)
		return err == nil && m == n-1
	}
	return false
}

// ocrNumber recognizes a clause whose label OCR damaged, read from its
// neighbours. The dot read as a comma, a colon or a semicolon ("3,
// Cơ quan có thẩm quyền…" after "2. …", "4: Trường hợp…", "5; Đối
// với…"): a number of one or two digits, the mark, a space and a
// capital, the number right after the last clause of the section. Its
// digit read wrong as well ("3: Đẩy mạnh…" between "1." and "3.", NĐ
// 235/2026 Điều 3; "53: Quyền của…" between "1." and "3."): it stands
// where the number after the last clause N belongs, the next clause
// being N+2 (misreadNumber), and is N+1; the first clause of a section
// ("1: Ban Tiếp công dân…", "1, Phạt tiền…"; the one read as the letter
// l, with a dot too: "l. Các trường hợp…", NĐ 262/2026 Điều 13) when the
// next is 2 — only a 1: "15: Khai mạc…" before "2." is a time, not a
// clause (i29-rev-outline §3). Those two, and any colon or semicolon,
// only after a line that ends a sentence or the section's heading: "… khoản 1, khoản 2 Điều" / "16;
// Điều 17; …" is a list of articles wrapped, not a clause. The comma
// right after the last clause is taken after any line (i17's rule).
func (p *outlineParser) ocrNumber(line string) (label, id, rest string, ok bool) {
	i := 0
	for i < len(line) && i < 3 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	// The one read as the letter l, before any lettered point of the
	// section: after "k)" an "l." is the point l with its bracket read as
	// a dot, no clause 1 after the points.
	ell := i == 0 && strings.HasPrefix(line, "l") && p.nextLetter() == ""
	if ell {
		i = 1
	}
	if i == 0 || i > 2 || i+2 >= len(line) || line[i+1] != ' ' {
		return "", "", "", false
	}
	mark := line[i]
	if mark != ',' && mark != ':' && mark != ';' && (mark != '.' || !ell) {
		return "", "", "", false
	}
	num, after := line[:i], strings.TrimSpace(line[i+2:])
	if r, _ := utf8.DecodeRuneInString(after); !unicode.IsUpper(r) {
		return "", "", "", false
	}
	n, _ := strconv.Atoi(num)
	prev, found := p.lastClause()
	if !ell && found && n == prev+1 && (mark == ',' || p.afterSentence()) {
		return line[:i+1], num, after, true
	}
	if !found && n != 1 && !ell {
		return "", "", "", false // only a 1 opens a section's clauses ("15: Khai mạc …" is a time)
	}
	if found && ell || !p.afterSentence() || p.nextClause() != prev+2 {
		return "", "", "", false
	}
	id = strconv.Itoa(prev + 1)
	return id + string(mark), id, after, true
}

// misreadNumber reads a clause whose number OCR misread behind a dot
// ("5." between "7." and "9.", a misread 8; "5." twice before "7."): a
// number of one part that does not follow the last clause N of the
// section while the next clause is N+2 stands for N+1, which it returns
// with true. A number skipped ("1.", "3.", "4.": a clause repealed) is
// left as written, and so is one the next clause follows.
func (p *outlineParser) misreadNumber(id string) (string, bool) {
	n, err := strconv.Atoi(id)
	if err != nil {
		return "", false
	}
	prev, found := p.lastClause()
	if !found || n == prev+1 || p.nextClause() != prev+2 {
		return "", false
	}
	return strconv.Itoa(prev + 1), true
}

// lastClause is the number of the last numbered item of one part at the
// top of the section, within siblingLookback items; false if none.
func (p *outlineParser) lastClause() (int, bool) {
	sec := len(p.o.Sections) - 1
	for j := len(p.o.Items) - 1; j >= 0 && j >= len(p.o.Items)-siblingLookback; j-- {
		it := &p.o.Items[j]
		if it.Section != sec {
			break
		}
		if it.kind == labelNumber && it.depth == 1 && it.Label != "" {
			n, err := strconv.Atoi(strings.TrimRight(it.Label, ".)-,:;"))
			return n, err == nil
		}
	}
	return 0, false
}

// nextClause is the number of the next numbered item of one part after
// the line being read, within maxListLines lines and before a heading; 0
// when there is none.
func (p *outlineParser) nextClause() int {
	for j := p.at + 1; j < len(p.lines) && j <= p.at+maxListLines; j++ {
		next, _ := clean(p.lines[j])
		if _, _, ok := articleHeading(next); ok {
			return 0
		}
		if _, _, ok := romanHeading(next); ok {
			return 0
		}
		if _, id, kind, _ := itemLabel(next); kind == labelNumber && !strings.Contains(id, ".") {
			n, _ := strconv.Atoi(id)
			return n
		}
	}
	return 0
}

// afterSentence reports that the line before the one being read ends a
// sentence, or is the heading of the section.
func (p *outlineParser) afterSentence() bool {
	j := p.at - 1
	for j >= 0 && strings.TrimSpace(p.lines[j]) == "" {
		j--
	}
	if j < 0 || p.sec().Line == j+1 {
		return true
	}
	return endsSentence(strings.TrimSpace(p.lines[j]))
}
