package outline

// Headings: the shapes that open a section (part, roman, article, letter,
// appendix), the legends and letter options that only look like one, and
// opening the section.

import (
	"sort"
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// headingShape recognizes a numbered heading (part, roman, article,
// letter) without changing the parser's state.
func (p *outlineParser) headingShape(line string) (id, title string, ok bool) {
	if id, title, ok := partHeading(line); ok {
		return id, title, true
	}
	if id, title, ok := romanHeading(line); ok && !p.romanLegend(line, id, title) {
		return id, title, true
	}
	if id, title, ok := articleHeading(line); ok {
		return id, title, true
	}
	return letterHeading(line)
}

// endsTable reports a line between two tables that heads what follows
// and so ends the table before it, even when a row follows: an article
// or a part ("Điều 14. Định mức chi …" between two tables of rates). It
// does so after a table without tasks, or before a new table's header;
// inside a task table a line "Điều 5 Luật Đầu tư công" is more likely a
// cell wrapped by the layout, and continues its row as any other line
// does. A roman title stays a group row of the table ("I. NÂNG CAO NHẬN
// THỨC", "I. Bộ, ngành" in a table of figures).
func (p *outlineParser) endsTable(i int, line string) bool {
	if _, _, ok := articleHeading(line); !ok {
		if _, _, ok := partHeading(line); !ok {
			return false
		}
	}
	if p.table.roles == nil {
		return true
	}
	for j := i + 1; j < len(p.lines) && j <= i+2; j++ {
		next, _ := clean(p.lines[j])
		if cells := tableCells(next); cells != nil {
			_, header := headerRoles(cells)
			return header
		}
	}
	return false
}

// heading recognizes a section heading.
func (p *outlineParser) heading(line string, md bool) (id, title string, ok bool) {
	if id, title, ok := partHeading(line); ok {
		p.partTitle = true
		return id, title, true
	}
	if id, title, ok := romanHeading(line); ok && !p.romanLegend(line, id, title) {
		return id, title, true
	}
	if id, title, ok := articleHeading(line); ok && !p.wrappedReference(id, line) {
		return id, title, true
	}
	if id, title, ok := p.stoplessArticle(line); ok {
		return id, title, true
	}
	if id, title, ok := letterHeading(line); ok {
		return id, title, true
	}
	if id, title, ok := p.letterDashHeading(line); ok {
		return id, title, true
	}
	if _, _, kind, _ := itemLabel(line); kind != labelNone {
		return "", "", false
	}
	if md || isUpperLine(line) && len([]rune(line)) <= 160 && !endsSentence(strings.TrimSuffix(line, ":")) && !(p.legal() && equation(line)) {
		return "", line, true
	}
	return "", "", false
}

// romanLegend reports a roman heading with a dash over a title in sentence
// case that is a formula's legend whose letter is a roman numeral ("X -
// Số lần nộp tiền;", "V - Thể tích khí thải." under "Trong đó:" in
// section II) or a range ("IV - V"): its title ends with ";" or ",", is a
// roman numeral itself, or its number follows none seen. Such a heading
// is a section when it is "I" (a list restarting under a letter section:
// "I- Vật liệu rời"), or when the last roman section, or any opened
// earlier, is numbered one or two before it, or the same (a number
// skipped or used twice; the next part of an appendix after nested
// lists: "II – Phụ lục phân loại gỗ" after "I – PHỤ LỤC TRỌNG LƯỢNG…").
func (p *outlineParser) romanLegend(line, id, title string) bool {
	sep := strings.TrimLeft(line[len(id):], " ")
	if strings.HasPrefix(sep, ":") && !upperTitle(title) && p.legal() && definesSymbol(title) {
		// "I: Tổng số chu kỳ giao dịch trong năm N;" under "Trong đó:"
		// in an article (TT 29/2026/TT-BCT): a formula's symbol, defined.
		return true
	}
	if !strings.HasPrefix(sep, "-") && !strings.HasPrefix(sep, "–") && !strings.HasPrefix(sep, "—") || upperTitle(title) {
		return false
	}
	if strings.HasSuffix(title, ";") || strings.HasSuffix(title, ",") || isRoman(strings.TrimRight(title, ".")) {
		return true
	}
	n := romanNumber(id)
	if n == 1 {
		return false
	}
	if p.lastRoman > 0 && n >= p.lastRoman && n <= p.lastRoman+2 {
		return false
	}
	return !p.romans[n-1] && !p.romans[n-2] && !p.romans[n]
}

// upperTitle reports a title in upper case but for its words holding a
// digit ("ĐỊNH MỨC CẤP PHỐI VẬT LIỆU CHO 1m3 VỮA XÂY": a unit).
func upperTitle(title string) bool {
	if !strings.ContainsAny(title, "0123456789") {
		return isUpperLine(title)
	}
	var kept []string
	for _, w := range strings.Fields(title) {
		if !strings.ContainsAny(w, "0123456789") {
			kept = append(kept, w)
		}
	}
	return len(kept) > 0 && isUpperLine(strings.Join(kept, " "))
}

// maxLetterLookahead bounds how far letterDashHeading looks for "B- "
// (600 lines apart in a real appendix of weights).
const maxLetterLookahead = 5000

// letterDashHeading recognizes a letter heading with a dash and a title
// in sentence case ("A- Nhóm vật liệu không kim loại", later "B- Nhóm vật
// liệu kim loại") by its siblings: "A- " when a "B- " line comes three
// lines or more later,
// another letter when the one before it opened a section. A legend
// ("G - Giá tính tiền cấp quyền…", "T - Tổng số tiền…") is none.
func (p *outlineParser) letterDashHeading(line string) (id, title string, ok bool) {
	letter, title, dash, ok := letterLabel(line)
	if !ok || !dash || endsSentence(title) || viet.WordCount(title) > headingWords {
		return "", "", false
	}
	if letter != "A" {
		for prev := range p.letterDash {
			if labelFollows(viet.Lower(prev), viet.Lower(letter)) {
				p.letterDash[letter] = true
				return letter, title, true
			}
		}
		return "", "", false
	}
	if p.last >= 0 {
		// Inside a list ("1. Phương án đầu tư:" then "A- Giữ nguyên
		// hiện trạng" … "B- Nâng cấp toàn bộ"): options, not sections.
		return "", "", false
	}
	if p.bLines == nil {
		// The lines starting "B- ", found once for the body.
		p.bLines = []int{}
		for j, l := range p.lines {
			if b, _, d, ok := letterLabel(strings.TrimSpace(l)); ok && d && b == "B" {
				p.bLines = append(p.bLines, j)
			}
		}
	}
	// "B- " a few lines on at least: a legend's lines ("A - Chiều dài",
	// "B - Chiều rộng") follow each other.
	if k := sort.SearchInts(p.bLines, p.at+3); k < len(p.bLines) && p.bLines[k] <= p.at+maxLetterLookahead {
		p.letterDash[letter] = true
		return letter, title, true
	}
	return "", "", false
}

// openAppendix opens appendix num at line i. A heading repeating the
// open appendix's before anything of it ("# Phụ lục I", a converter's
// heading, then the document's own "Phụ lục I" and its title) goes on
// with it.
func (p *outlineParser) openAppendix(i int, num, title string) {
	if s, k := p.sec(), len(p.o.Sections)-1; s.Appendix && s.ID == "PL"+num && s.Text == "" && len(p.secLines) == 0 &&
		(len(p.o.Items) == 0 || p.o.Items[len(p.o.Items)-1].Section != k) {
		if s.Title == "" {
			s.Title = title
		}
		p.appTitle = true
		return
	}
	p.appendix, p.appTitle = true, true
	p.openSection(i, "PL"+num, title)
	p.sec().Appendix = true
}

func (p *outlineParser) openSection(i int, id, title string) {
	p.flushText()
	p.articleParagraph()
	if p.appendix && !strings.HasPrefix(id, "PL") && id != "" {
		// A roman heading inside an appendix: "PLII.I".
		for j := len(p.o.Sections) - 1; j >= 0; j-- {
			if s := p.o.Sections[j]; s.Appendix && strings.HasPrefix(s.ID, "PL") && !strings.Contains(s.ID, ".") {
				id = s.ID + "." + id
				break
			}
		}
	}
	if id != "" {
		if n := p.secIDs[id]; n > 0 {
			p.secIDs[id] = n + 1
			id += "~" + itoa(n+1)
		} else {
			p.secIDs[id] = 1
		}
	}
	if len(p.letterDash) > 0 && !p.letterDash[id] && (isUpperLine(title) || p.appendix && strings.HasPrefix(id, "PL") && !strings.Contains(id, ".")) {
		// A section at the level of the letter sections or above
		// ("II. TỔ CHỨC THỰC HIỆN", an appendix) ends them: a later
		// "C - Chi phí…" is a legend, not the letter after "B- ".
		clear(p.letterDash)
	}
	s := Section{ID: id, Title: title, Kind: sectionKindAt(id, title), Appendix: p.appendix, Line: i + 1}
	if !p.appendix {
		p.hasSections = true
	}
	if r, _, _ := strings.Cut(id[strings.LastIndexByte(id, '.')+1:], "~"); isRoman(r) {
		p.lastRoman = romanNumber(r)
		p.romans[p.lastRoman] = true
	}
	p.o.Sections = append(p.o.Sections, s)
	if id != "" {
		p.idSec = len(p.o.Sections)
	}
	p.stack, p.rows, p.table, p.last = p.stack[:0], 0, nil, -1
	h, _ := clean(p.lines[i])
	p.titleOpen, p.titleLine = p.full(h), h
}

// definesSymbol reports the title of a legend "I: …" (romanLegend): a
// definition closes with ";", "." or "," ("Tổng số chu kỳ giao dịch trong
// năm N;"), or runs on to the next line, long ("Tổng số chu kỳ giao dịch
// của chu kỳ thanh toán trong đó nhà máy điện phải phát tăng" / "thêm
// …;"). A section's title in an article is short and unpunctuated: "I: Mục
// tiêu" of a scheme a decision approves in its Điều 1 stays a section.
func definesSymbol(title string) bool {
	t := strings.TrimSpace(title)
	return strings.HasSuffix(t, ";") || strings.HasSuffix(t, ".") || strings.HasSuffix(t, ",") || len(strings.Fields(t)) >= 8
}
