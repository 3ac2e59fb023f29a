package outline

// Hard-wrapped bodies. Text taken from a PDF (pdftotext), an e-mail or a
// fixed-width file breaks every paragraph into lines of about the same
// width, wherever a word ends: a sentence goes on on the next line, often
// with a capital ("phối hợp với" / "Bộ Tư pháp"), and a page's number or
// "Trang 3/12" interrupts it. Read line by line as a body of one paragraph
// a line, each wrapped line would be a heading or a paragraph of its own.
// The outline parser asks wrapWidth once per body; in a wrapped body a
// line that fills the width and ends no sentence goes on on the next line
// (outlineParser.continues, .wraps). A body of one paragraph a line has
// lines of every length, most far longer than a PDF's, and is read as
// before.

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// minWrapLines is the fewest text lines a body needs to be judged
	// wrapped: a short letter's few lines say nothing of a width.
	minWrapLines = 20
	// maxWrapWidth is the widest wrap: pdftotext lines of an A4 page in
	// 13–14 pt Times run to 70–95 characters, e-mail to 72–80.
	maxWrapWidth = 110
	// minWrapWidth is the narrowest: a column of short lines (a list of
	// names, a table cell per line) is no wrapped paragraph.
	minWrapWidth = 50
	// fullShare is the share of the width (tenths) a line fills when the
	// next word did not fit: justified proportional type varies the count
	// of characters a line holds.
	fullShare = 7
	// wrapSample is the most text lines wrapWidth reads: a body's first
	// lines decide for the whole, so that its first part is read as the
	// whole is (an appendix of short table cells after wrapped articles
	// does not undo the decision) and an item's ID does not depend on the
	// lines far after it.
	wrapSample = 200
	// pageStep is the most a page's number goes up from the last one
	// read: a page that ended inside a table kept its number there.
	pageStep = 5
	// closeShare is the share of the width (tenths) a line ending with a
	// colon or a semicolon fills when the wrap fell after it (fullOpen).
	closeShare = 9
)

// wrapWidth returns the width a body's lines are hard-wrapped at, or 0
// when the body is not wrapped. It is wrapped when it has enough text
// lines (of its first wrapSample), nine in ten are at most a width between minWrapWidth and
// maxWrapWidth characters, and at least half of them fill that width (a
// wrapped paragraph fills every line but its last). Table rows ("a | b")
// are not counted.
func wrapWidth(lines []string) int {
	// A histogram of the lengths up to maxWrapWidth (longer lines in the
	// last bucket): no sort, no allocation.
	var hist [maxWrapWidth + 2]int
	n := 0
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" || strings.Contains(l, " | ") {
			continue
		}
		hist[runesUpTo(l, maxWrapWidth+1)]++
		if n++; n == wrapSample {
			break // a body keeps its form: its first lines tell
		}
	}
	if n < minWrapLines {
		return 0
	}
	// w is the length nine in ten lines are at most (the sorted lengths'
	// element n*9/10).
	w, seen := 0, 0
	for w = range hist {
		if seen += hist[w]; seen > n*9/10 {
			break
		}
	}
	if w < minWrapWidth || w > maxWrapWidth {
		return 0
	}
	full := 0
	for k := (w*fullShare + 9) / 10; k < len(hist); k++ {
		full += hist[k]
	}
	if full*2 < n {
		return 0
	}
	return w
}

// runesUpTo counts the runes of s up to limit (UTF-8 lead bytes: s is
// valid, the stored text is cleaned), stopping there.
func runesUpTo(s string, limit int) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			if n++; n == limit {
				break
			}
		}
	}
	return n
}

// full reports a line of a wrapped body that fills its width without
// ending a sentence: the paragraph goes on on the next line.
func (p *outlineParser) full(line string) bool {
	return p.fills(line) && !endsSentence(line)
}

// fullOpen is full for the last line taken (p.lastLine) of the body
// proper, where a semicolon at the end of a line that fills the width
// nearly to its end is where the wrap fell inside a sentence ("… mỗi tỉnh
// khoảng 200 tỷ đồng;" / "Gia Lai, Đắk Lắk …"). A shorter line ending so
// is a list entry, and so is a line that is its item's first ("đ) Cán bộ,
// công chức …;" / "Sĩ quan, …", an entry of one line: Nghị định
// 137/2026/NĐ-CP). A colon ends a heading ("… và hệ thống truyền thanh
// cơ sở:").
func (p *outlineParser) fullOpen(line string) bool {
	if endsParagraph(line) || !p.fills(line) {
		return false
	}
	if !endsSentence(line) {
		return true
	}
	return !p.lastFirst && strings.HasSuffix(strings.TrimRight(line, " \"”’)]*"), ";") && utf8.RuneCountInString(line)*10 >= p.wrapAt*closeShare
}

// speckedLabel reports a line that starts with a point's or a clause's
// label behind specks OCR read before it ("__ đ) Người có hành vi …",
// ": b) Đăng, phát cải chính …", "._c) Lựa chọn …"): after a line ending
// with a semicolon it is the next entry, not the rest of that line,
// whether or not ocrLabel could restore its label.
func speckedLabel(line string) bool {
	t := strings.TrimLeft(line, ocrSpecks)
	if t == line || t == "" {
		return false
	}
	_, _, kind, _ := itemLabel(t)
	return kind == labelLetter || kind == labelNumber
}

// dashWraps reports a dash "item" that is the rest of the line before in
// a wrapped body: the wrap fell before the dash of "vận động - tiếp nhận
// - phân phối", so the line starts "- phân phối …" in lower case after a
// line that filled the width without ending a sentence; or it fell inside
// a range of numbers (rangeWraps).
func (p *outlineParser) dashWraps(kind labelKind, rest string) bool {
	return kind == labelDash && (p.full(p.lastLine) && startsLower(rest) || p.rangeWraps(rest))
}

// rangeWraps reports a wrap that fell before the dash of a range of
// years ("… năm học 2025" / "- 2026 gửi về Bộ …"): the line before fills
// the width without ending a sentence (a wrap falls nowhere else: after
// "… đến năm 2030" on a short line, "- 100 xã …", "- 30 ngày …" are
// bullets), it ends with a year and rest opens with a later year followed
// by a word — not one heading an entry ("- 2027: …", "- 2026 - 2027: …"),
// nor a count ("Mẫu số 01" / "- 02 bản sao …").
func (p *outlineParser) rangeWraps(rest string) bool {
	if !p.full(p.lastLine) {
		return false
	}
	prev := strings.Fields(p.lastLine)
	next := strings.Fields(rest)
	if len(prev) == 0 || len(next) < 2 || next[1] == "-" || next[1] == "–" {
		return false
	}
	from, to := prev[len(prev)-1], strings.TrimRight(next[0], ",")
	return isYear(from) && isYear(to) && to > from
}

// isYear reports four digits from 1900 to 2099.
func isYear(s string) bool {
	return len(s) == 4 && isAllDigits(s) && (s[:2] == "19" || s[:2] == "20")
}

// fills reports a line of a wrapped body that fills the width.
func (p *outlineParser) fills(line string) bool {
	return p.wrapAt > 0 && utf8.RuneCountInString(line)*10 >= p.wrapAt*fullShare
}

// endsParagraph reports a line ending with a full stop, a question or an
// exclamation mark.
func endsParagraph(s string) bool {
	s = strings.TrimRight(s, " \"”’)]*")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// frontGoesOn reports a line of a wrapped body that carries on the header
// line before it ("- Chủ tịch Ủy ban nhân dân các tỉnh, thành" / "phố: Hà
// Tĩnh, Quảng Trị …", an addressee over two lines).
func (p *outlineParser) frontGoesOn(line string) bool {
	return p.lastFront != "" && p.full(p.lastFront) && goesOn(line)
}

// wraps reports whether line, which continues the text before it in a
// wrapped body, is the rest of the same paragraph: it starts in lower
// case, or the line before filled the width and ended no sentence, or
// ended with a colon inside a parenthesis line closes (colonInParen), or
// the wrap fell inside a range of numbers (rangeWraps). It is
// joined with a space, not a line break, so that the item's first line is
// its sentence (headingLike, the agency at its start) as in a body of one
// paragraph a line.
func (p *outlineParser) wraps(line string) bool {
	if p.wrapAt == 0 || p.lastLine == "" {
		return false
	}
	if rest, ok := strings.CutPrefix(line, "- "); ok && p.rangeWraps(rest) {
		return true
	}
	return startsLower(line) || p.fullOpen(p.lastLine) || p.colonInParen(line)
}

// titleGoesOn adds line to the title of the section just opened when the
// heading filled a wrapped body's width ("Điều 1. Phê duyệt … và quản lý"
// / "chất lượng môi trường không khí …": nearly to its end, or most of it
// and line starts in lower case) and line is no heading, item or row of
// its own; it reports whether it did.
func (p *outlineParser) titleGoesOn(line string) bool {
	if !p.titleOpen {
		return false
	}
	p.titleOpen = false
	if p.last >= 0 || p.hasSecText() || !goesOn(line) {
		return false
	}
	if !p.titleFull(p.titleLine) && !startsLower(line) || p.titleSentence(p.at) {
		return false
	}
	s := p.sec()
	s.Title = strings.TrimSpace(s.Title + " " + line)
	p.titleOpen, p.titleLine = p.full(line), line
	return true
}

// titleSentence reports an article's heading that is its one sentence,
// not its title, when line i would carry it on: line i fills the width
// too, so the title would fill two lines or more ("Điều 24. Việc kết
// nối, … về đất đai" / "Việc kết nối Hệ thống … với Cơ sở dữ liệu" /
// "quốc gia về đất đai …"), or line i ends the sentence before the next
// heading, so the article would keep no text ("Điều 3. Lưu chiều điện tử
// là việc … để thực hiện" / "việc lưu chiểu." / "Điều 4. …"). A title
// ending with a full stop before the article's clauses ("… các nguồn
// lực" / "của Hệ sinh thái tận dụng các FTA." / "1. …") is a title.
func (p *outlineParser) titleSentence(i int) bool {
	if !articleID(p.sec().ID) {
		return false // a plan's headings ("II. NHIỆM VỤ …") are titles, however long
	}
	l, _ := clean(p.lines[i])
	if p.full(l) {
		return true
	}
	return endsParagraph(l) && p.headingAfter(i)
}

// headingAfter reports the next line of text after line i opening a
// section (an article, a roman or part heading, an appendix) or none.
func (p *outlineParser) headingAfter(i int) bool {
	for j := i + 1; j < len(p.lines); j++ {
		l, _ := clean(p.lines[j])
		if l == "" || pageForm(l) || shortNumber(l) {
			continue
		}
		_, _, article := articleHeading(l)
		_, _, roman := romanHeading(l)
		_, _, part := partHeading(l)
		_, _, app := appendixHeading(l)
		return article || roman || part || app
	}
	return true
}

// titleFull reports a heading line of a wrapped body whose title goes on
// on the next line: it fills the width nearly to its end (a title is
// short, and one that only fills most of the width, "Điều 4. Cơ quan, đơn
// vị có cơ chế tài chính đặc thù", is whole).
func (p *outlineParser) titleFull(line string) bool {
	return p.full(line) && utf8.RuneCountInString(line)*10 >= p.wrapAt*closeShare
}

// goesOn reports a line that can carry on a wrapped line: it has no label
// of an item, is no heading, row, closing or signature.
func goesOn(line string) bool {
	if _, _, kind, _ := itemLabel(line); kind != labelNone {
		return false
	}
	if _, _, ok := romanHeading(line); ok {
		return false
	}
	if _, _, ok := partHeading(line); ok {
		return false
	}
	if _, _, ok := articleHeading(line); ok {
		return false
	}
	if _, _, ok := appendixHeading(line); ok {
		return false
	}
	if _, _, ok := letterHeading(line); ok {
		return false
	}
	return tableCells(line) == nil && !isClosing(line) && !isSignature(line)
}

// pageLine recognizes a page's header or footer line: "Trang 3/12",
// "Trang 3", "- 3 -", and in a wrapped body outside a table a number alone
// ("3") that follows the last page's number by at most pageStep (a
// table's figures a cell a line, "IALLOBARBITAL" / "10", or a table of
// contents' page numbers are out of that sequence), or a number OCR'd
// with a space and a dot ("3 .", "28 .": NĐ 235/2026, NĐ 210/2026) after
// any page. The parser skips it
// as a blank line, so that the line before it still says whether a
// sentence ended.
func (p *outlineParser) pageLine(line string) bool {
	if pageForm(line) {
		return true
	}
	if p.wrapAt == 0 || p.table != nil || p.opened() && p.headingAfter(p.at) {
		// Between two headings a number is a table of contents' page
		// ("THUYẾT MINH" / "1" / "CHƯƠNG I: …").
		return false
	}
	if n, ok := strings.CutSuffix(line, " ."); ok && shortNumber(n) {
		// OCR's form of a page's number, no figure's or list's: a page
		// whatever the last one read (NĐ 210/2026's "28 ." and "30 ." are
		// its only page numbers read).
		p.lastPage, _ = strconv.Atoi(n)
		return true
	}
	return p.nextPage(line)
}

// opened reports a section just opened: no text, no item yet (false
// before the parser has an outline).
func (p *outlineParser) opened() bool {
	if p.o == nil {
		return false
	}
	n := len(p.o.Items)
	return p.sec().Text == "" && (n == 0 || p.o.Items[n-1].Section != len(p.o.Sections)-1)
}

// nextPage reports a number alone that follows the last page's number
// read by at most pageStep, and reads it as the page's.
func (p *outlineParser) nextPage(line string) bool {
	if !shortNumber(line) {
		return false
	}
	n, _ := strconv.Atoi(line)
	if n <= p.lastPage || n > p.lastPage+pageStep {
		return false
	}
	p.lastPage = n
	return true
}

// pageForm reports "Trang 3/12", "Trang 3" or "- 3 -".
func pageForm(line string) bool {
	if t, ok := strings.CutPrefix(line, "Trang "); ok {
		n, of, _ := strings.Cut(t, "/")
		return shortNumber(n) && (of == "" || shortNumber(of))
	}
	if t, ok := strings.CutPrefix(line, "- "); ok {
		n, ok := strings.CutSuffix(t, " -")
		return ok && shortNumber(n)
	}
	return false
}

// pageBeforeText reports a number alone on line i followed by a line of
// text: a page's number where a section's text would start (a column of
// figures is followed by more figures), in the pages' sequence (nextPage:
// a table's figure a cell a line, "IALLOBARBITAL" / "10" / "IALPRAZOLAM",
// is not).
func (p *outlineParser) pageBeforeText(i int, line string) bool {
	if !shortNumber(line) {
		return false
	}
	for j := i + 1; j < len(p.lines); j++ {
		if next, _ := clean(p.lines[j]); next != "" {
			return strings.ContainsFunc(next, unicode.IsLetter) && !p.headingAfter(i) && p.nextPage(line)
		}
	}
	return false
}

// shortNumber reports one to three digits.
func shortNumber(s string) bool {
	return s != "" && len(s) <= 3 && isAllDigits(s)
}
