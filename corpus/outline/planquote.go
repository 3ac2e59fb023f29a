package outline

// Quoted provisions and one-paragraph articles: the items of a legal text
// that its outline does not number itself.

import (
	"strings"
	"unicode"
)

// quoteMark separates an announcing item's (or section's) ID from the ID
// a quoted provision has in the text it amends: "Đ1.“Đ4.1" is khoản 1 of
// the Điều 4 that Điều 1 of the amending text puts in force. No label of
// an outline holds the mark, so such an ID collides with none.
const quoteMark = "“"

// maxQuoteDepth is the deepest quote whose provisions are grafted: a quote
// (depth 0's) and a quote inside it, as an amending text quoted with its
// own quoted amendment.
const maxQuoteDepth = 2

// openQuote remembers where a quoted amendment starts: the item or
// section text announcing it and its first line.
func (p *outlineParser) openQuote() {
	p.qAnn, p.qSec, p.qLines, p.qAmends = p.last, len(p.o.Sections)-1, p.qLines[:0], p.amends()
}

// announcingLine is the line a quote opening on the line being read
// follows: the last line taken, or the heading of the article just opened
// when nothing of it was read yet (headingAnnounces).
func (p *outlineParser) announcingLine() string {
	if p.headingAnnounces() {
		return p.sec().Title
	}
	return p.lastLine
}

// headingAnnounces reports an article just opened, nothing of it read,
// whose heading amends: it is what a quote on the next line follows
// ("Điều 1. Sửa đổi, bổ sung Điều 3 như sau:" then "“Điều 3. …",
// 153/2026/NĐ-CP), so the quoted provisions are the article's Quoted
// items ("Đ1.“Đ3.1"), not its own clauses. A heading that amends nothing
// ("Điều 1. Phê duyệt Kế hoạch … như sau:" then a motto in an unclosed
// quote) opens none: a quote never closed would take the plan's sections.
func (p *outlineParser) headingAnnounces() bool {
	si := len(p.o.Sections) - 1
	if p.last >= 0 || si == 0 || p.hasSecText() || !p.inArticle() || !amending(p.sec().Title) {
		return false
	}
	n := len(p.o.Items)
	return n == 0 || p.o.Items[n-1].Section != si
}

// endQuote ends a quoted amendment: its lines go to the text announcing
// it, and its provisions become items.
func (p *outlineParser) endQuote() {
	p.quoting, p.bare = 0, false
	p.quoteText()
	p.graftQuote()
}

// quoteText adds the lines of the quote just read to the item (or section
// text) announcing it, in one piece.
func (p *outlineParser) quoteText() {
	if len(p.qLines) == 0 {
		return
	}
	var b strings.Builder
	for k, q := range p.qLines {
		if k > 0 {
			b.WriteByte('\n')
		}
		line, _ := clean(p.lines[q])
		b.WriteString(line)
	}
	if p.qAnn >= 0 {
		p.o.Items[p.qAnn].Text += "\n" + b.String()
	} else {
		p.sectionText(p.qLines[0], b.String())
	}
}

// graftQuote adds the provisions of the quote just read ("“Điều 4. Mức
// chi", "1. Các đối tượng …", "2. …”") as items of the amending text
// (Item.Quoted): the text they put in force is what the amending text
// carries out, clause by clause, so each is offered for linking. The
// quote is read as an outline of its own (its article, clauses, points)
// and each of its items gets the ID of the announcing item, or of the
// section whose text announced it, then quoteMark and the ID it has in
// the quote. The announcing item keeps its text (the quote with it) and
// its ID, no item of the amending text is renamed, and a quoted item is
// no passage of the text (Passages): the quote is not an article of the
// amending text, and a parent's announcing passage stays whole.
func (p *outlineParser) graftQuote() {
	lines := p.qLines
	p.qLines = p.qLines[:0]
	if len(lines) == 0 || !p.qAmends {
		// Only what an amendment puts in force is read: a plan quoting
		// slogans, or a definition quoted after "… được hiểu như sau:",
		// quotes no provisions.
		return
	}
	if p.depth >= maxQuoteDepth {
		// A quote inside a quoted amendment is grafted (an amending
		// text's amendment quoted whole); one inside that stays the
		// text of the item announcing it. Each level re-reads its
		// quote's lines: nested quotes never closed (each open up to
		// maxQuoteLines) read every line once a level, so the levels are
		// bounded to keep the parse linear.
		return
	}
	body := make([]string, len(lines))
	for k, q := range lines {
		body[k] = p.lines[q]
	}
	body[0] = strings.TrimLeft(strings.TrimSpace(body[0]), "“\"")
	body[len(body)-1] = unquoteEnd(body[len(body)-1])
	sub := &outlineParser{
		o:      &Outline{Sections: []Section{{Kind: SectionPreamble}}},
		counts: map[string]int{}, ids: map[string]bool{}, secIDs: map[string]int{}, letterDash: map[string]bool{}, alts: map[string]int{}, last: -1,
		body: true, lines: body, clauses: articleID(p.o.Sections[p.qSec].ID), depth: p.depth + 1,
	}
	for k := range body {
		sub.line(k)
	}
	sub.finish()
	items := quotedArticles(sub.o, body)
	base := p.o.Sections[p.qSec].ID
	if p.qAnn >= 0 {
		base = p.o.Items[p.qAnn].ID
	}
	if base != "" {
		base += "." // a letter's text before any section has no ID: "“2"
	}
	off := len(p.o.Items)
	for _, it := range items {
		it.ID = p.unique(base + quoteMark + it.ID)
		it.Line = lines[it.Line-1] + 1
		it.Section = p.qSec
		it.Quoted = true
		if it.Parent >= 0 {
			it.Parent += off
		}
		if it.intro > 0 {
			it.intro += off // the quote's lead-in paragraph, an index of sub's (clausePoint)
		}
		p.o.Items = append(p.o.Items, it)
	}
}

// quotedArticles returns the items of a quote's outline with an item for
// each article the quote puts in force that has none ("Điều 100b. Trách
// nhiệm …" after "Điều 100a." in one quote, NĐ 21/2026's "Bổ sung các
// Điều 110a, …, 110g … như sau:"): its ID is the article's ("Đ100b"), its
// label the heading's ("Điều 100b."), its text the title and any lead-in,
// and it heads the article's clauses, one level down. An article of one
// paragraph has its item already (articleParagraph), with the same ID.
// Items stay in line order, so every quoted article is an item of its own
// and the heading lines of the quote are all read, not only its first.
//
// Only a quote that opens with an article or a part ("“Điều 110a.",
// "“Mục 11"), or with a line announcing the article after it (a quoted
// amendment of an amending text), puts whole articles in force; an
// article heading inside a quote of clauses ("“2. Hồ sơ gồm …" then
// "Điều 14. …") more likely shows a quote run on past its end, and is
// left as it was read.
func quotedArticles(o *Outline, body []string) []Item {
	if len(o.Sections) < 2 {
		return o.Items
	}
	first, _ := clean(body[0])
	switch {
	case o.Sections[1].Line == 1:
		if _, _, ok := partHeading(first); !ok && !articleID(o.Sections[1].ID) {
			return o.Items
		}
	case o.Sections[1].Line == 2 && articleID(o.Sections[1].ID) &&
		(strings.HasSuffix(first, "như sau:") || announcesAmendment(first)):
		// A quoted amendment of an amending text, whose first line
		// announces the article after it (TT 15/2026/TT-BCT: “3a. Bổ
		// sung Điều 28a vào sau Điều 28 Thông tư số 40/2018/TT-BCT như
		// sau:" then "Điều 28a. …"): the article is put in force too.
	default:
		return o.Items
	}
	have := map[string]bool{}
	for _, it := range o.Items {
		have[it.ID] = true
	}
	out := make([]Item, 0, len(o.Items)+len(o.Sections))
	moved := make([]int, len(o.Items)) // index in out of each item of o
	art := map[int]int{}               // section → index in out of its article item
	k := 0
	for si := 1; si < len(o.Sections); si++ {
		s := &o.Sections[si]
		if !articleID(s.ID) || have[s.ID] || s.Line < 1 || s.Line > len(body) {
			continue
		}
		for ; k < len(o.Items) && o.Items[k].Section < si; k++ {
			moved[k] = len(out)
			out = append(out, o.Items[k])
		}
		line, _ := clean(body[s.Line-1])
		label := line
		if f := strings.Fields(line); len(f) >= 2 {
			label = f[0] + " " + f[1] // "Điều 100b."
		}
		text := s.Title
		if s.Text != "" {
			text = strings.TrimSpace(text + "\n" + s.Text)
		}
		if !strings.ContainsFunc(text, unicode.IsLetter) {
			continue // "Điều 5." alone: no text to offer (its clauses keep Đ5 in their IDs)
		}
		art[si] = len(out)
		out = append(out, Item{ID: s.ID, Label: label, Text: text, Line: s.Line, Level: 1, Section: si, Kind: s.Kind, Parent: -1, kind: labelPara})
	}
	if len(art) == 0 {
		return o.Items
	}
	for ; k < len(o.Items); k++ {
		moved[k] = len(out)
		out = append(out, o.Items[k])
	}
	for _, j := range moved {
		it := &out[j]
		a, under := art[it.Section]
		switch {
		case it.Parent >= 0:
			it.Parent = moved[it.Parent]
		case under:
			it.Parent = a
		}
		if it.intro > 0 {
			it.intro = moved[it.intro-1] + 1
		}
		if under {
			it.Level++
		}
	}
	return out
}

// articleParagraph makes the text of the article just read an item when
// the article has no item of its own ("Điều 4. Cơ quan, đơn vị có cơ chế
// tài chính đặc thù" then one paragraph): a provision like any clause,
// offered for linking. The item's ID is the article's ("Đ4"), the ID its
// text already had as a passage (Passages), so no ID changes.
func (p *outlineParser) articleParagraph() {
	si := len(p.o.Sections) - 1
	s := &p.o.Sections[si]
	if si == 0 || !articleID(s.ID) || !strings.ContainsFunc(s.Text, unicode.IsLetter) || strings.HasSuffix(strings.TrimSpace(s.Text), ":") {
		// A text ending with a colon announces what follows ("Phê duyệt
		// Kế hoạch … với các nội dung sau:" over roman sections): a
		// lead-in, no provision of its own. A text without a letter (a
		// number, a rule of dots) is no paragraph (text).
		return
	}
	if closingClause(s.Text) || executionClause(s.Text) {
		// A statement of effect or the execution formula ("Điều 2.
		// Hiệu lực thi hành" then "Quyết định này có hiệu lực …",
		// "Điều 3. Trách nhiệm thi hành" then "Chánh Văn phòng …
		// chịu trách nhiệm thi hành Quyết định này.") is no provision to
		// carry out: it stays the article's text, as it was (a decision
		// issuing a plan would list it as a task, and the formula alone
		// is no closingClause, so it would be linked). A transitional
		// article is an item (labelled so in set 3), closing when linked
		// (ClosingItem).
		return
	}
	for j := len(p.o.Items) - 1; j >= 0 && p.o.Items[j].Section == si; j-- {
		if !p.o.Items[j].Quoted {
			return
		}
	}
	if p.ids[s.ID] {
		return
	}
	p.ids[s.ID] = true
	// Before the article's quoted items, if any: items are in line order.
	at := len(p.o.Items)
	for at > 0 && p.o.Items[at-1].Section == si {
		at--
	}
	for j := at; j < len(p.o.Items); j++ {
		if p.o.Items[j].Parent >= at {
			p.o.Items[j].Parent++
		}
	}
	it := Item{ID: s.ID, Text: s.Text, Line: s.textLine, Section: si, Parent: -1, Level: 1, kind: labelPara}
	p.o.Items = append(p.o.Items[:at], append([]Item{it}, p.o.Items[at:]...)...)
	s.Text = ""
}

// unquoteEnd drops the mark closing a quote from its last line and what
// follows it ("b) Bản sao giấy chứng nhận.”." → "b) Bản sao giấy chứng
// nhận."), keeping a full stop the mark stood before ("… theo mẫu”." →
// "… theo mẫu.").
func unquoteEnd(line string) string {
	t := strings.TrimRight(strings.TrimSpace(line), " .;,")
	before, ok := strings.CutSuffix(t, "”")
	if !ok {
		if before, ok = strings.CutSuffix(t, "\""); !ok {
			return line
		}
	}
	if strings.HasSuffix(before, ".") || strings.HasSuffix(before, ";") || strings.HasSuffix(before, ":") ||
		strings.HasSuffix(before, "!") || strings.HasSuffix(before, "?") {
		return before
	}
	return before + "."
}
