package outline

// Text: a line that is no label, heading or row goes to the item before
// it (continued, or a paragraph of its own) or to its section's text.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/viet"
)

// text places a line without a label: the continuation of the item or
// section text before it, or a paragraph item of its own. A line without
// a letter (a number, a rule of dots, a code fence) is never an item of
// its own: it continues what is before it.
func (p *outlineParser) text(i int, line string) {
	if p.continues(line) || !strings.ContainsFunc(line, unicode.IsLetter) {
		if p.last >= 0 {
			it := &p.o.Items[p.last]
			sep := "\n"
			name := cite.NameRest(p.itemTail(it.Text), line) > 0
			if p.wraps(line) || name {
				sep = " " // a hard-wrapped body, or the rest of an agency's name ("- Sở Giáo dục" / "và Đào tạo: …")
			}
			it.Text = p.itemText(it.Text, sep, line)
			if name && it.Agency == "" { // read only then: the text of a wrapped item is all one line
				if agency, ok := inlineAgency(it.Text); ok {
					it.Agency = agency
				}
			}
		} else {
			p.sectionText(i, line)
		}
		p.lastLine, p.lastFirst = line, false
		return
	}
	if len(p.stack) == 0 && p.sec().lead {
		p.push(i, Item{Text: line, kind: labelPara}, "") // a lead-in part's paragraphs are its items (leadin.go)
		return
	}
	if len(p.stack) == 0 {
		p.sectionText(i, line)
		p.last, p.lastLine, p.lastFirst = -1, line, false
		return
	}
	cur := p.stack[len(p.stack)-1]
	parent := p.o.Items[cur].Parent
	if first := firstLine(p.o.Items[cur].Text); headingLike(first) || p.clause(cur) || !endsSentence(first) && p.headsLikeSibling(cur) {
		parent = cur
	}
	if p.legal() && (ReportsDifficulties(line) || chargesExecution(line)) {
		// "Trong quá trình thực hiện, nếu có vướng mắc …", "Các Bộ
		// trưởng … chịu trách nhiệm thi hành Nghị định này." close the
		// article (and the text), whatever clause they follow.
		parent = -1
	}
	for parent >= 0 && p.o.Items[parent].kind == labelPara && headingLike(line) {
		// A short paragraph after a paragraph heading, or after what is
		// under one, is the next heading (or the next line of a list of
		// names or figures): its sibling, not under it — unless the
		// paragraph announces it, with a colon or as an agency's name
		// ("Sở Y tế:" or "Sở Y tế" then "Tổ chức tiêm chủng mở rộng"),
		// and the line announces nothing itself. Paragraphs nest at most
		// twice, so an ID does not grow with the text.
		h := &p.o.Items[parent]
		announces := strings.HasSuffix(firstLine(h.Text), ":") || AgencyName(firstLine(h.Text))
		if announces && !strings.HasSuffix(line, ":") && !AgencyName(line) &&
			(h.Parent < 0 || p.o.Items[h.Parent].kind != labelPara) {
			break
		}
		parent = p.o.Items[parent].Parent
	}
	for len(p.stack) > 0 && p.stack[len(p.stack)-1] != parent {
		p.stack = p.stack[:len(p.stack)-1]
	}
	// A clause's further paragraph is more of its text, not a point under
	// it: it does not make the clause a heading (finish), as it did not
	// when it was the clause's sibling. A clause broken over two lines
	// ("4. Kinh phí xây dựng bảng giá đất, hệ số" / "điều chỉnh giá đất
	// …") has a first line without final punctuation.
	more := parent >= 0 && p.clause(parent) && !headingLike(firstLine(p.o.Items[parent].Text))
	p.push(i, Item{Text: line, kind: labelPara, more: more}, "")
}

// clause reports item cur is a clause of a legal text ("3. …" at the top
// of an article): an unnumbered paragraph after it ("Trường hợp …") is the
// clause's next paragraph, not the article's. NĐ 30/2020/NĐ-CP lays an
// article out in clauses that may each hold several paragraphs, so what
// comes between clause N and clause N+1 is clause N's (and after the last
// clause, the last clause's: a closing request to report difficulties
// aside, ReportsDifficulties). Outside an article (a plan's or a letter's
// numbered list, "Các sở, ngành … báo cáo …" after "5.") a paragraph
// after the list closes the section: it stays at the list's level.
func (p *outlineParser) clause(cur int) bool {
	it := &p.o.Items[cur]
	return it.kind == labelNumber && it.Parent < 0 && p.legal()
}

// legal reports the line is read in an article ("Điều 3.", an appendix's
// "PL.Đ2") or in a quote an article of an amending text puts in force:
// a legal text's, whose numbered items are clauses.
func (p *outlineParser) legal() bool {
	return p.clauses || articleID(p.sec().ID)
}

// chargesExecution reports the sentence giving a whole text to those who
// carry it out: "Các Bộ trưởng, … chịu trách nhiệm thi hành Nghị định
// này.", "Chánh Văn phòng …, Giám đốc các sở … chịu trách nhiệm thi hành
// Quyết định này." It opens with a capital (the rest of a clause broken
// over two lines, "dân cấp tỉnh chịu trách nhiệm thi hành …", continues
// its clause) and names the text itself ("… này"); a clause's paragraph
// on another duty ("Chủ đầu tư chịu trách nhiệm cung cấp hồ sơ …") is
// none.
func chargesExecution(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(r) {
		return false
	}
	f := strings.TrimRight(viet.Fold(line), " .;")
	_, rest, ok := strings.Cut(f, "chiu trach nhiem thi hanh ")
	return ok && strings.HasSuffix(rest, " nay") && len(strings.Fields(rest)) <= 5 // "thong tu lien tich nay"
}

// continues reports whether line carries on the paragraph before it: it
// starts in lower case, or the line before ended without punctuation and
// was not the first line of a heading ("3. Cục Điện ảnh" then its task).
func (p *outlineParser) continues(line string) bool {
	if p.lastLine == "" {
		return true
	}
	r := []rune(line)[0]
	if r >= 'a' && r <= 'z' || r > 0x7f && strings.ToLower(string(r)) == string(r) && strings.ToUpper(string(r)) != string(r) {
		return true
	}
	if p.fullOpen(p.lastLine) && !(endsSentence(p.lastLine) && speckedLabel(line)) {
		return true // a wrapped line: its sentence goes on (wrap.go)
	}
	if p.colonInParen(line) {
		return true
	}
	if endsSentence(p.lastLine) {
		return false
	}
	if p.lastFirst && p.last >= 0 && headingLike(firstLine(p.o.Items[p.last].Text)) {
		return false
	}
	if p.titleEnded() && p.headsLikeSibling(p.last) && cite.NameRest(p.lastLine, line) == 0 {
		return false
	}
	return true
}

// colonInParen reports a last line ending with a colon inside a
// parenthesis its paragraph opened and has not closed, which line closes
// ("… (hoặc qua đầu mối là Vụ …, gặp đ/c …:" / "ĐT 09…) để triển khai
// …"): what follows is the contact the parenthesis gives, not a list, and
// the paragraph goes on. The paragraph is the last item's last line of
// text, or the section text's, up to and with the last line; it is read
// back from its end at most maxParenBack bytes, so that a wrapped
// paragraph of many such lines costs no more a line than a short one. A
// next line that does not close it (an OCR'd form's fields, "- Tên Giám
// đốc (Phó Giám đốc}/… cũ:" / "~ Tên … mới:") is not read so.
func (p *outlineParser) colonInParen(line string) bool {
	last := strings.TrimSpace(p.lastLine)
	if !strings.HasSuffix(last, ":") || !closesParen(line) {
		return false
	}
	pieces := p.secLines
	if p.last >= 0 {
		pieces = []string{p.o.Items[p.last].Text}
	}
	if n := len(pieces); n == 0 || !strings.HasSuffix(pieces[n-1], last) {
		pieces = []string{last}
	}
	closed, read := 0, 0
	for k := len(pieces) - 1; k >= 0; k-- {
		s := pieces[k]
		for i := len(s) - 1; i >= 0 && read < maxParenBack; i, read = i-1, read+1 {
			switch s[i] {
			case '\n':
				return false // the paragraph's start
			case ')':
				closed++
			case '(':
				if closed == 0 {
					return true
				}
				closed--
			}
		}
	}
	return false
}

// maxParenBack is how far back (bytes) colonInParen looks for the
// parenthesis a colon sits in: about five lines of a wrapped body.
const maxParenBack = 600

// closesParen reports a line closing a parenthesis opened before it.
func closesParen(line string) bool {
	depth := 0
	for _, r := range line {
		switch r {
		case '(':
			depth++
		case ')':
			if depth--; depth < 0 {
				return true
			}
		}
	}
	return false
}

// titleEnded reports the last line ended the first line of item p.last:
// it was the item's first line, or, in a hard-wrapped body, the short
// line closing the item's first sentence (its lines joined with spaces,
// wraps), which filled no width, so no wrap fell after it ("9. Tổ chức
// nghiên cứu, học tập kinh nghiệm … trong và" / "ngoài nước" then "Tham
// mưu, đề xuất …").
func (p *outlineParser) titleEnded() bool {
	if p.last < 0 || p.fills(p.lastLine) {
		return false
	}
	return p.lastFirst || p.wrapAt > 0 && !strings.Contains(p.o.Items[p.last].Text, "\n")
}

// headsLikeSibling reports a numbered item whose sibling before it is a
// title without final punctuation with items under it: in a list of such
// titles ("8. Tổ chức hội nghị, hội thảo …" then its bullets), an item
// written the same way is a title too, however long, and the capitalised
// line after it is its first paragraph ("9. Tổ chức nghiên cứu, học tập
// kinh nghiệm …" then "Tham mưu, đề xuất …"), not the rest of its line.
func (p *outlineParser) headsLikeSibling(k int) bool {
	it := &p.o.Items[k]
	if it.kind != labelNumber {
		return false
	}
	for j := k - 1; j > it.Parent && p.o.Items[j].Section == it.Section; j-- { // nothing before its parent is a sibling
		sib := &p.o.Items[j]
		if sib.Parent != it.Parent || sib.kind != it.kind || sib.depth != it.depth {
			continue
		}
		return !endsSentence(firstLine(sib.Text)) && j+1 < k && p.o.Items[j+1].Parent == j
	}
	return false
}

// sectionText adds a line to the last section's text. The lines wait in
// p.secLines and join its Text at once (flushText) before anything reads it:
// one concatenation a line copied the text every line, quadratic in a
// long section (TT 38/2026: 5,155 lines).
func (p *outlineParser) sectionText(i int, line string) {
	if !p.hasSecText() {
		if p.pageBeforeText(i, line) {
			return // a page's number between a heading and its text opens no text
		}
		p.sec().textLine = i + 1
		p.secLines = append(p.secLines, line)
		return
	}
	sep := "\n"
	if p.wraps(line) {
		sep = " "
	}
	p.secLines = append(p.secLines, sep, line)
}

// hasSecText reports whether the last section has text, joined or still
// waiting in p.secLines.
func (p *outlineParser) hasSecText() bool {
	return p.sec().Text != "" || len(p.secLines) > 0
}

// flushText joins the pieces sectionText holds (each line after the first
// with the separator before it: a line break, or a space where the body is
// hard-wrapped) to the last section's Text.
func (p *outlineParser) flushText() {
	if len(p.secLines) == 0 {
		return
	}
	s := p.sec()
	s.Text += strings.Join(p.secLines, "")
	p.secLines = p.secLines[:0]
}
