package corpus

// Outlines of plans, resolutions and the letters between them.
//
// A body is read line by line (one paragraph or table row a line, as the
// extractor and the store keep it; a line that starts in lower case, or
// follows a line without final punctuation, continues the one before):
//
//	front     = the header block before the first paragraph: issuer, motto,
//	            "Số:", place and date, title lines, "Kính gửi:" / "… điện:"
//	            and the addressees under it — none of it is outline
//	section   = roman "." or "-" title ("II. NHIỆM VỤ", "II- NHIỆM VỤ")
//	          | "Điều 1." | "A. " upper-case title | an upper-case line
//	          | "PHỤ LỤC [n]" (an appendix, with its title lines)
//	item      = number "." text ("1.", "2.1.") | letter ")" ("a)")
//	          | letter "." number ")" ("b.1)", "b.1.2)": under "b)")
//	          | "(1)" | "-" | "•" | "+" (bullets)
//	          | a row of a task table (below)
//	          | a paragraph of its own: under a heading item ("3. Cục Điện
//	            ảnh" then its task), or after a list, at the list's level
//	closing   = "Nơi nhận:", signature lines ("KT. THỦ TƯỚNG…") or a
//	            line only a distribution list holds ("- Lưu: VT, …";
//	            "- Như trên;" when the list runs on to its end) up to the
//	            next appendix: never outline
//	formula   = "QUYẾT NGHỊ:", "QUYẾT ĐỊNH:": skipped
//	quote     = after "… như sau:", a line opening a quote up to the line
//	            closing it ("“2. …", "a) …", "… ”."): the text an amending
//	            document puts in force, part of the item announcing it
//
// A task table starts at a header row naming a task column and at least one
// other role ("STT | Nội dung | Cơ quan chủ trì | Thời hạn"). Its rows are
// items keeping agency, co-agencies, output and deadline. A row shorter
// than the header continues the last full one: its cells are the last
// columns and the leading ones (agency, co-agencies, group) are inherited.
// Group rows ("A. | BỘ XÂY DỰNG", a one-cell "I. NÂNG CAO NHẬN THỨC") head
// the rows after them and do not end the table; a line without cells ends
// it only when no row follows within two lines. Tables whose header names
// no task (statistics) give no items.
//
// A section is classified by its title (sectionKind): tasks, goals,
// organisation, funding or background. Text before the first section is
// the preamble; its items are the operative part of a letter or telegram
// without sections, and background when sections follow.
//
// IDs are stable (they are in URLs) and unique: an item's ID is its
// section's ID, then its number ("II.1", "II.1.1"), or its parent's ID and
// its letter, "(1)", "•n" (n-th bullet), "¶n" (n-th paragraph) or, for a
// table row, "rn" (n-th row of the section). A section number used twice
// gets "~2"; an item ID used twice gets the section's index ("§3.1").

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/viet"
)

// SectionKind tells task sections from the others.
type SectionKind int

const (
	SectionTasks        SectionKind = iota // nhiệm vụ, giải pháp, nội dung, phân công (the default)
	SectionGoals                           // mục đích, mục tiêu, yêu cầu, quan điểm, phạm vi
	SectionOrganisation                    // tổ chức thực hiện
	SectionPreamble                        // text before the first heading
	SectionFunding                         // kinh phí, nguồn lực
	SectionBackground                      // đánh giá tình hình, kết quả, thực trạng
)

func (k SectionKind) String() string {
	return [...]string{"tasks", "goals", "organisation", "preamble", "funding", "background"}[k]
}

// Section is one heading of an outline and the text directly under it.
type Section struct {
	ID       string      `json:"id"` // "II", "Đ1", "PLI", "IV~2", or "" when unnumbered
	Title    string      `json:"title"`
	Kind     SectionKind `json:"-"`
	Appendix bool        `json:"appendix,omitempty"`
	Line     int         `json:"line"` // 1-based line of the heading in the body
	Text     string      `json:"-"`    // lines that belong to no item
	textLine int         // line of the first of them
}

// Item is one numbered, lettered or bulleted point of an outline, a
// paragraph standing as one, or a row of a task table.
type Item struct {
	ID       string      `json:"id"`    // "II.1.a", "1.•2", "III.r3", "1.¶1"
	Label    string      `json:"label"` // as written: "1.", "a)", "-", "" for a row or paragraph
	Level    int         `json:"level"` // 1 at the top of a section
	Text     string      `json:"text"`  // without the label; the task cells of a row
	Agency   string      `json:"agency,omitempty"`
	Partners string      `json:"partners,omitempty"` // co-agencies (cơ quan phối hợp)
	Output   string      `json:"output,omitempty"`   // chỉ tiêu, sản phẩm
	Deadline string      `json:"deadline,omitempty"`
	Line     int         `json:"line"`              // 1-based line of the body where the item starts
	Heading  bool        `json:"heading,omitempty"` // it heads the items under it and states no task itself
	Quoted   bool        `json:"quoted,omitempty"`  // a provision of the text an amending item quotes (planquote.go)
	Section  int         `json:"-"`                 // index in Outline.Sections
	Kind     SectionKind `json:"-"`
	Parent   int         `json:"-"` // index in Outline.Items, -1 at the top
	kind     labelKind
	depth    int // parts of a number label ("2.1" → 2)
}

// Outline is the sections and items of a document body.
type Outline struct {
	Sections []Section
	Items    []Item
}

// outlineParser holds the state of ParseOutline.
type outlineParser struct {
	o     *Outline
	lines []string

	body, headerSeen   bool // past the front matter; a header line was seen
	addrNext, addrDash bool // the next line / dash lines are addressees
	closing            bool // in "Nơi nhận" and signatures
	quoting            int  // lines of a quoted amendment still to read at most, 0: none
	appendix, appTitle bool // in an appendix; reading its title lines
	partTitle          bool // reading the title lines of a part heading ("Chương I")
	stack              []int
	counts             map[string]int // "•", "¶" counters per parent
	rows               int            // task rows of the section
	table              *tableState
	ids                map[string]bool
	secIDs             map[string]int
	last               int             // item that took the last line, -1: section text
	lastLine           string          // the last line taken
	lastFirst          bool            // the last line was an item's first line
	hasSections        bool            // a section (not an appendix) was opened
	letterDash         map[string]bool // letter sections with a dash in sentence case ("A- Nhóm …")
	at                 int             // the line being read
	bLines             []int           // lines starting "B- " (letterDashHeading), nil until needed
	alts               map[string]int  // the last "~n" unique gave a colliding ID
	qFrom, qStop       int             // quoteCloses: the lines it searched after and stopped at
	qClosed            bool            // quoteCloses: the line it stopped at closes a quote
	romans             [90]bool        // the numbers of the roman sections opened (romanLegend)
	qAnn, qSec         int             // the quote's announcing item (-1: the section text) and section
	qAmends            bool            // the announcing text amends (amends): its quote is grafted
	qLines             []int           // the lines of the quote being read
	lastRoman          int             // the number of the last of them, 0: none
	wrapAt             int             // the width the body is hard-wrapped at (wrap.go), 0: not wrapped
	titleOpen          bool            // the last line was a heading that filled the wrapped width
	titleLine          string          // the line of the last heading (titleGoesOn)
	lastFront          string          // the last line of the header block, "" after any other line
	secLines           []string        // lines of the last section's text not yet in its Text (flushText)
	lastPage           int             // the last page's number skipped (pageLine)
}

// ParseOutline splits a body into sections and items.
func ParseOutline(body string) *Outline {
	p := &outlineParser{
		o:      &Outline{Sections: []Section{{Kind: SectionPreamble}}},
		counts: map[string]int{}, ids: map[string]bool{}, secIDs: map[string]int{}, letterDash: map[string]bool{}, alts: map[string]int{}, last: -1,
	}
	p.lines = strings.Split(body, "\n")
	for i, l := range p.lines {
		p.lines[i] = foldSpaces(l)
	}
	p.wrapAt = wrapWidth(p.lines)
	for i := range p.lines {
		p.line(i)
	}
	p.finish()
	return p.o
}

// clean trims a line and drops a markdown heading mark; md reports one.
func clean(line string) (string, bool) {
	line = strings.TrimSpace(line)
	if t, ok := strings.CutPrefix(line, "## "); ok {
		return strings.TrimSpace(t), true
	}
	if t, ok := strings.CutPrefix(line, "### "); ok {
		return strings.TrimSpace(t), true
	}
	return line, false
}

func (p *outlineParser) sec() *Section { return &p.o.Sections[len(p.o.Sections)-1] }

func (p *outlineParser) line(i int) {
	p.at = i
	line, md := clean(p.lines[i])
	if line == "" || p.pageLine(line) {
		return
	}
	if !p.body && !md && p.front(line) {
		if _, _, ok := appendixHeading(line); !ok {
			return
		}
	}
	p.body = true
	if p.titleGoesOn(line) {
		return
	}
	if p.quoting > 0 && (isClosing(line) || isSignature(line) || p.announcesQuote(i, line) || p.nextArticle(line)) {
		// A quote never closed ends where the document does, where the
		// next amendment is announced, or at the amending document's
		// next article.
		p.endQuote()
	}
	if p.quoting > 0 {
		p.quoted(i, line, false)
		return
	}
	if p.closing {
		if num, title, ok := appendixHeading(line); ok {
			p.closing = false
			p.openAppendix(i, num, title)
		}
		return
	}
	if dist := p.closesList(i, line); isClosing(line) || isSignature(line) || closingRow(line) || dist {
		if _, _, kind, _ := itemLabel(line); kind == labelDash && dist {
			p.dropAddressees(i)
		}
		p.endTable()
		p.closing = true
		return
	}
	if p.appTitle {
		if tableCells(line) == nil && (isUpperLine(line) || attachmentNote(line)) {
			s := p.sec()
			if !attachmentNote(line) {
				s.Title = strings.TrimSpace(s.Title + " " + line)
			}
			return
		}
		p.appTitle = false
	}
	if p.partTitle {
		p.partTitle = false
		if p.partTitleLine(line) {
			return
		}
	}
	if num, title, ok := appendixHeading(line); ok {
		p.endTable()
		p.openAppendix(i, num, title)
		return
	}
	if attachmentNote(line) {
		return
	}
	if cells := tableCells(line); cells != nil {
		p.row(i, cells)
		return
	}
	if p.table != nil && p.endsTable(i, line) {
		p.endTable()
	}
	if p.table != nil {
		if p.rowFollows(i) {
			p.tableLine(i, line)
			return
		}
		if t := p.table; t.roles != nil && len(t.pending) == 0 {
			if cols, ok := p.wrapRow([]string{line}); ok {
				// The last row's cells wrapped onto a line of their own.
				p.appendWrap([]string{line}, cols)
				return
			}
		}
		if t := p.table; t.roles != nil && t.lastRow >= 0 && p.last == t.lastRow && startsLower(line) && len(t.pending) == 0 {
			// The task of the last row wrapped onto lines of its own.
			it := &p.o.Items[p.last]
			it.Text = joinWrapped(it.Text, line)
			return
		}
		p.endTable()
	}
	if isFormula(line) && !md {
		return
	}
	if p.opensQuote(line) {
		p.quoting = maxQuoteLines
		p.openQuote()
		p.quoted(i, line, true)
		return
	}
	if id, title, ok := p.heading(line, md); ok {
		p.openSection(i, id, title)
		return
	}
	if fixed, ok := p.ocrLabel(line); ok {
		line = fixed
	}
	if label, id, kind, rest := itemLabel(line); kind != labelNone && !p.dashWraps(kind, rest) {
		p.item(i, label, id, kind, rest)
		return
	}
	if label, id, rest, ok := p.commaNumber(line); ok {
		p.item(i, label, id, labelNumber, rest)
		return
	}
	p.text(i, line)
}

// commaNumber recognizes a numbered item whose dot OCR read as a comma
// ("3, Cơ quan có thẩm quyền cấp giấy phép…" after "2. …"): a number of
// one or two digits, ", " and a capital, and only when the item before it
// at the top of the section is the number before ("44, Điều 56, Điều 76
// …", a list of articles wrapped onto its own line, follows no "43.").
func (p *outlineParser) commaNumber(line string) (label, id, rest string, ok bool) {
	num, after, found := strings.Cut(line, ", ")
	if !found || len(num) == 0 || len(num) > 2 || !isAllDigits(num) {
		return "", "", "", false
	}
	if r, _ := utf8.DecodeRuneInString(after); !unicode.IsUpper(r) {
		return "", "", "", false
	}
	n, _ := strconv.Atoi(num)
	sec := len(p.o.Sections) - 1
	for j := len(p.o.Items) - 1; j >= 0 && j >= len(p.o.Items)-siblingLookback; j-- {
		it := &p.o.Items[j]
		if it.Section != sec {
			break
		}
		if it.kind == labelNumber && it.depth == 1 && it.Label != "" {
			prev, err := strconv.Atoi(strings.TrimRight(it.Label, ".)-,"))
			if err == nil && prev == n-1 {
				return num + ",", num, strings.TrimSpace(after), true
			}
			break
		}
	}
	return "", "", "", false
}

// closingRow reports a table row with a cell starting "Nơi nhận" (a layout
// table holding the distribution list beside the signature: "Nơi nhận: |
// TM. ỦY BAN NHÂN DÂN"), which opens the closing block as the line would.
func closingRow(line string) bool {
	if !strings.Contains(line, " | ") && !(strings.HasPrefix(line, "|") && strings.Count(line, "|") >= 2) {
		return false // no row (tableCells)
	}
	for rest := line; ; {
		cell, after, found := strings.Cut(rest, "|")
		// Only a cell starting with N can start "Nơi nhận": fold no other.
		if c := strings.TrimSpace(cell); c != "" && (c[0] == 'N' || c[0] == 'n') && isClosing(c) {
			return true
		}
		if !found {
			return false
		}
		rest = after
	}
}

// dropAddressees removes the dash items on the lines right before line i
// that name addressees ("- Các bộ, cơ quan ngang bộ;", "- HĐND, UBND các
// tỉnh;"), when line i shows them to be a distribution list whose "Nơi
// nhận:" was lost: each is one short line ending with ";" or ",", with
// nothing under it. Only the last items go, so no other ID changes.
func (p *outlineParser) dropAddressees(i int) {
	next := i + 1
	for n := len(p.o.Items); n > 0; n-- {
		it := &p.o.Items[n-1]
		if it.kind != labelDash || it.Line >= next || next-it.Line > 2 || strings.Contains(it.Text, "\n") ||
			words(it.Text) > 15 || !strings.HasSuffix(it.Text, ";") && !strings.HasSuffix(it.Text, ",") {
			return
		}
		next = it.Line
		p.o.Items = p.o.Items[:n-1]
		p.stack = p.stack[:0]
		p.last = -1
	}
}

// maxListLines bounds how far listEnds looks for the end of a
// distribution list.
const maxListLines = 40

// closesList reports whether line i is a line of a distribution list
// that closes the body: one only such a list holds ("- Lưu: VT", "- VPCP:
// …"), or one a plan may hold too ("- Như trên;", "- Ban Bí thư Trung
// ương Đảng;") when the list goes on to its end (listEnds).
func (p *outlineParser) closesList(i int, line string) bool {
	ok, sure := distribution(line)
	return ok && (sure || p.listEnds(i))
}

// listEnds reports whether the distribution-looking line i ends the
// document's outline: before anything else of the plan, a line only a
// distribution list holds, a signature, "Nơi nhận" or an appendix
// follows, or the body ends, with only short lines between (addressees,
// names, titles). "- Như trên." among an agency's tasks, or "- Ban Bí thư
// Trung ương Đảng;" among the addressees of a report, is followed by more
// of the plan (a numbered item, a heading, a paragraph) and closes
// nothing.
func (p *outlineParser) listEnds(i int) bool {
	seen := 0
	for j := i + 1; j < len(p.lines) && seen < maxListLines; j++ {
		line, _ := clean(p.lines[j])
		if line == "" {
			continue
		}
		seen++
		if _, sure := distribution(line); sure || isClosing(line) || isSignature(line) {
			return true
		}
		if _, _, ok := appendixHeading(line); ok {
			return true
		}
		if _, _, ok := p.headingShape(line); ok {
			return false
		}
		if _, _, kind, _ := itemLabel(line); kind != labelNone && kind != labelDash || words(line) > 15 {
			return false
		}
	}
	return true
}

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

// maxQuoteLines bounds a quoted amendment whose closing quote is lost.
const maxQuoteLines = 300

// opensQuote reports the first line of a quoted amendment: after an item
// or text ending "… như sau:", a line opening a quote it does not close
// ("“2. Đất, đá thải mỏ là …", then "10. …", "a) …" up to the line
// ending "”."; or in straight quotes, as many amending decrees are
// typed: a line starting `"1. Cơ sở dữ liệu …` up to one ending `…".`). What is quoted is the text
// the amending document puts in force, not its own outline: it belongs to
// the item announcing it.
func (p *outlineParser) opensQuote(line string) bool {
	if !opensMark(line) {
		// A quote closed on its line ("“Ngày hội Chuyển đổi số” được
		// tổ chức…") opens nothing.
		return false
	}
	prev := strings.TrimSpace(p.announcingLine())
	if !strings.HasSuffix(prev, "như sau:") && !strings.HasSuffix(prev, "như sau :") {
		return false
	}
	if strings.HasPrefix(line, "\"") && !p.amends() {
		// OCR reads a stray mark as a straight quote (a definitions
		// article "… được hiểu như sau:" then `" 1. Hạ tầng công nghệ
		// là …`): a straight quote opens an amendment only after an
		// item that amends.
		return false
	}
	if strings.HasPrefix(line, "\"") && !p.inArticle() && !p.quoteCloses() {
		// Outside an article (a plan's "1. Bổ sung nhiệm vụ như sau:"),
		// nothing ends a quote never closed before 300 lines: a stray
		// straight quote would take every section after it. It opens
		// one only when a line closes it first.
		return false
	}
	// An odd number of straight quotes leaves the first one open.
	return strings.HasPrefix(line, "\"") || !closesQuote(line)
}

// inArticle reports the current section is an article ("Đ3", "Đ3~2",
// an inserted "Đ63a"), where nextArticle ends a quote never closed.
func (p *outlineParser) inArticle() bool {
	_, ok := articleNumber(p.sec().ID)
	return ok
}

// articleNumber is the number of an article's section ID without its
// letter or repeat mark: "Đ3", "Đ3~2" → 3, "Đ63a", "Đ110đ" → 63, 110.
func articleNumber(id string) (int, bool) {
	cur, _, _ := strings.Cut(id, "~")
	cur, ok := strings.CutPrefix(cur, "Đ")
	if !ok {
		return 0, false
	}
	digits := strings.TrimRight(cur, "abcdefghijklmnopqrstuvwxyzđ")
	if utf8.RuneCountInString(cur[len(digits):]) > 1 {
		return 0, false // one letter at most
	}
	n, err := strconv.Atoi(digits)
	return n, err == nil
}

// quoteCloses reports a line after the one being read that closes a quote
// before anything would end it (Nơi nhận, a signature, the next
// announcement, maxQuoteLines). The first such line found is remembered
// with the line the search began at: a later search starting before it
// ends there too, so repeated openings read each line once.
func (p *outlineParser) quoteCloses() bool {
	if p.at > p.qFrom && p.at < p.qStop {
		return p.qClosed
	}
	end := min(len(p.lines), p.at+1+maxQuoteLines)
	for j := p.at + 1; j < end; j++ {
		line, _ := clean(p.lines[j])
		if line == "" {
			continue
		}
		if isClosing(line) || isSignature(line) || p.announcesQuote(j, line) {
			p.qFrom, p.qStop, p.qClosed = p.at, j, false
			return false
		}
		if closesQuote(line) {
			p.qFrom, p.qStop, p.qClosed = p.at, j, true
			return true
		}
	}
	if end == len(p.lines) {
		p.qFrom, p.qStop, p.qClosed = p.at, end, false
	}
	return false
}

// amends reports whether the item (or section text) taking the last line
// announces an amendment: "Sửa đổi, bổ sung khoản 1 như sau:", "Điều 13
// được sửa đổi như sau:", "thay thế … như sau:".
func (p *outlineParser) amends() bool {
	p.flushText()
	text := p.sec().Text
	if p.last >= 0 {
		text = p.o.Items[p.last].Text
	} else if p.headingAnnounces() {
		return true
	}
	return amending(text[max(0, len(text)-600):])
}

// amending reports the words of an amendment in s: sửa đổi, bổ sung, thay
// thế.
func amending(s string) bool {
	f := viet.Fold(s)
	return strings.Contains(f, "sua doi") || strings.Contains(f, "bo sung") || strings.Contains(f, "thay the")
}

// nextArticle reports, inside a quote, the heading of the article after
// the one the quote is in ("Điều 2." inside Điều 1 of the amending
// document): the quote was never closed. An article the quote puts in
// force starts with the quote mark, or follows it inside the quote with
// a number of the amended document, seldom the next one of the amending
// document.
func (p *outlineParser) nextArticle(line string) bool {
	id, _, ok := articleHeading(line)
	if !ok {
		return false
	}
	n, ok := articleNumber(p.sec().ID)
	return ok && id == "Đ"+itoa(n+1)
}

// opensMark reports a line starting with a quote mark it does not close:
// a curly “ with more “ than ” on the line, or a straight " with an odd
// number of them (`"Kỹ thuật đánh dấu "+": …` opens one; `"c) Đơn vị
// bán lẻ điện.";` opens and closes it).
func opensMark(line string) bool {
	switch {
	case strings.HasPrefix(line, "“"):
		return strings.Count(line, "“") > strings.Count(line, "”")
	case strings.HasPrefix(line, "\""):
		return strings.Count(line, "\"")%2 == 1
	}
	return false
}

// announcesQuote reports, inside a quote, a numbered line ending "… như
// sau:" followed by a line opening a quote ("2. Bổ sung khoản 5 như
// sau:", "“5. …"): the amending document's next item, so the quote
// before it was never closed (a lost closing mark) and ends here.
func (p *outlineParser) announcesQuote(i int, line string) bool {
	if !strings.HasSuffix(line, "như sau:") && !strings.HasSuffix(line, "như sau :") {
		return false
	}
	if _, _, kind, _ := itemLabel(line); kind != labelNumber && kind != labelLetter {
		return false
	}
	for j := i + 1; j < len(p.lines); j++ {
		if next, _ := clean(p.lines[j]); next != "" {
			return strings.HasPrefix(next, "“") || strings.HasPrefix(next, "\"")
		}
	}
	return false
}

// closesQuote reports a line that ends a quote: "…”.", "…”;", or in
// straight quotes `…".`, `…";` with an odd number of them (a line ending
// with a quoted term, `… gọi là "Hệ thống".`, closes nothing).
func closesQuote(line string) bool {
	t := strings.TrimRight(line, " .;,:/")
	return strings.HasSuffix(t, "”") || strings.HasSuffix(t, "\"") && strings.Count(t, "\"")%2 == 1
}

// quoted adds a line of a quoted amendment to the item (or section text)
// announcing it, and ends the quote at its closing line (not at its
// first, which opensQuote found open).
func (p *outlineParser) quoted(i int, line string, first bool) {
	// The lines are added to the announcing text at once when the quote
	// ends (quoteText): line by line, a quote of maxQuoteLines lines
	// copied the growing text once a line.
	p.lastLine, p.lastFirst = line, false
	p.qLines = append(p.qLines, i)
	p.quoting--
	if p.quoting == 0 || !first && closesQuote(line) {
		p.endQuote()
	}
}

// front consumes a line of the header block and reports whether it was
// one: a header line, or in a wrapped body the rest of one (wrap.go).
func (p *outlineParser) front(line string) bool {
	ok := p.frontGoesOn(line) || p.frontLine(line)
	p.lastFront = ""
	if ok {
		p.lastFront = line
	}
	return ok
}

// frontLine consumes a line of the header block and reports whether it
// was one.
func (p *outlineParser) frontLine(line string) bool {
	if ok, more := addresseeStart(line); ok {
		p.headerSeen, p.addrNext, p.addrDash = true, more, true
		return true
	}
	_, _, kind, _ := itemLabel(line)
	switch {
	case p.addrNext:
		p.addrNext = false
		return true
	case kind == labelDash && (p.addrDash || p.headerSeen):
		return true
	case isHeaderLine(line), attachmentNote(line):
		p.headerSeen = true
		return true
	case isUpperLine(line) && kind == labelNone:
		if _, _, ok := partHeading(line); ok {
			return false // "CHƯƠNG I", "PHẦN THỨ NHẤT" open the body
		}
		if _, _, ok := articleHeading(line); ok {
			return false // so does "ĐIỀU 1. PHẠM VI ĐIỀU CHỈNH"
		}
		if _, _, ok := romanHeading(line); ok && p.headerSeen {
			return false
		}
		if _, _, ok := romanHeading(line); !ok {
			p.headerSeen = true
			return true
		}
	case isFormula(line):
		return true
	}
	return false
}

// partTitleLine takes an upper-case line after a part heading ("Chương
// I" then "QUY ĐỊNH CHUNG", a title over two lines) as the part's title,
// and reports whether it did.
func (p *outlineParser) partTitleLine(line string) bool {
	if !isUpperLine(line) || tableCells(line) != nil || len([]rune(line)) > 200 {
		return false
	}
	if _, _, ok := romanHeading(line); ok {
		return false
	}
	if _, _, ok := letterHeading(line); ok {
		return false
	}
	if _, _, ok := partHeading(line); ok {
		return false
	}
	if _, _, ok := appendixHeading(line); ok {
		return false
	}
	if _, _, kind, _ := itemLabel(line); kind != labelNone {
		return false
	}
	s := p.sec()
	s.Title = strings.TrimSpace(s.Title + " " + line)
	s.Kind = sectionKindAt(s.ID, s.Title)
	p.partTitle = true // a title may take two lines
	return true
}

// attachmentNote recognizes "(Kèm theo Công văn số …)".
func attachmentNote(line string) bool {
	return strings.HasPrefix(line, "(") && strings.Contains(strings.ToLower(line[:min(len(line), 40)]), "kèm theo")
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
	if id, title, ok := letterHeading(line); ok {
		return id, title, true
	}
	if id, title, ok := p.letterDashHeading(line); ok {
		return id, title, true
	}
	if _, _, kind, _ := itemLabel(line); kind != labelNone {
		return "", "", false
	}
	if md || isUpperLine(line) && len([]rune(line)) <= 160 && !endsSentence(strings.TrimSuffix(line, ":")) {
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
	if !ok || !dash || endsSentence(title) || words(title) > headingWords {
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

func (p *outlineParser) openAppendix(i int, num, title string) {
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
	p.stack, p.rows, p.table, p.last = p.stack[:0], 0, nil, -1
	h, _ := clean(p.lines[i])
	p.titleOpen, p.titleLine = p.full(h), h
}

// item adds a labelled item under the innermost open item it belongs to.
func (p *outlineParser) item(i int, label, id string, kind labelKind, rest string) {
	depth := 0
	if kind == labelNumber {
		depth = strings.Count(id, ".") + 1
		for len(p.stack) > 0 {
			top := &p.o.Items[p.stack[len(p.stack)-1]]
			if top.kind == labelNumber && top.depth < depth {
				break
			}
			p.stack = p.stack[:len(p.stack)-1]
		}
	} else if kind == labelSubLetter {
		id, depth = p.popToLetter(id)
	} else {
		if kind == labelLetter {
			if fixed, ok := p.misreadLetter(id); ok {
				label, id = fixed+label[len(id):], fixed
			}
		}
		if kind == labelLetter && p.romanLetter(i, id) {
			kind = labelRoman
		}
		if !p.popTo(kind) && (kind == labelLetter || kind == labelParen) {
			p.popToSibling(id, kind)
		}
	}
	it := Item{Label: label, Text: rest, kind: kind, depth: depth}
	if agency, ok := inlineAgency(rest); ok {
		it.Agency = agency
	}
	p.push(i, it, id)
}

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

// popTo closes the innermost open item of kind and what is under it, so
// that the next item of that kind is its sibling; false if none is open.
func (p *outlineParser) popTo(kind labelKind) bool {
	for j := len(p.stack) - 1; j >= 0; j-- {
		if p.o.Items[p.stack[j]].kind == kind {
			p.stack = p.stack[:j]
			return true
		}
	}
	return false
}

// siblingLookback is how many items back popToSibling looks.
const siblingLookback = 64

// popToSibling finds, among the last items of the section, the lettered
// or "(n)" item whose label the new one follows ("d)" after "c)") and
// whose parent is still open, and closes what is open under that parent:
// a paragraph between "c)" and "d)" ("Trong đó:", a formula, a note)
// closed "c)", and "d)" is still its sibling, not an item under the
// paragraph.
func (p *outlineParser) popToSibling(id string, kind labelKind) {
	sec := len(p.o.Sections) - 1
	for j := len(p.o.Items) - 1; j >= 0 && j >= len(p.o.Items)-siblingLookback; j-- {
		it := &p.o.Items[j]
		if it.Section != sec {
			return
		}
		if it.kind != kind || !labelFollows(strings.Trim(it.Label, "()"), strings.Trim(id, "()")) {
			continue
		}
		if it.Parent < 0 {
			p.stack = p.stack[:0]
			return
		}
		for k := len(p.stack) - 1; k >= 0; k-- {
			if p.stack[k] == it.Parent {
				p.stack = p.stack[:k+1]
				return
			}
		}
		return
	}
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

// push gives it its ID and parent and makes it the innermost open item.
func (p *outlineParser) push(i int, it Item, part string) {
	it.Line = i + 1
	it.Section = len(p.o.Sections) - 1
	it.Parent = -1
	if len(p.stack) > 0 {
		it.Parent = p.stack[len(p.stack)-1]
	}
	it.Level = len(p.stack) + 1
	prefix := p.sec().ID
	if it.Parent >= 0 && it.kind != labelNumber && it.kind != labelRow {
		prefix = p.o.Items[it.Parent].ID
	}
	switch it.kind {
	case labelDash, labelPlus:
		part = "•" + itoa(p.count(it.Parent, "•"))
	case labelPara:
		part = "¶" + itoa(p.count(it.Parent, "¶"))
	}
	id := part
	if prefix != "" {
		id = prefix + "." + part
	}
	p.o.Items = append(p.o.Items, it)
	idx := len(p.o.Items) - 1
	p.o.Items[idx].ID = p.unique(id)
	p.stack = append(p.stack, idx)
	p.last, p.lastLine, p.lastFirst = idx, p.lines[i], true
}

// count returns the next number of a kind of unnumbered item under parent
// (-1: the section).
func (p *outlineParser) count(parent int, kind string) int {
	key := kind + itoa(parent)
	if parent < 0 {
		key = kind + "s" + itoa(len(p.o.Sections))
	}
	p.counts[key]++
	return p.counts[key]
}

// unique returns id, or a variant of it no other item or passage has.
func (p *outlineParser) unique(id string) string {
	if !p.ids[id] && id != "" {
		p.ids[id] = true
		return id
	}
	base := "§" + itoa(len(p.o.Sections)-1) + "." + id
	alt := base
	// The next free variant of base: "~2", "~3", … in order, as a search
	// from 2 would find it, without the search (a body repeating one
	// label thousands of times made it quadratic).
	for n := max(p.alts[base], 1); p.ids[alt]; {
		n++
		alt = base + "~" + itoa(n)
		p.alts[base] = n
	}
	p.ids[alt] = true
	return alt
}

// text places a line without a label: the continuation of the item or
// section text before it, or a paragraph item of its own. A line without
// a letter (a number, a rule of dots, a code fence) is never an item of
// its own: it continues what is before it.
func (p *outlineParser) text(i int, line string) {
	if p.continues(line) || !strings.ContainsFunc(line, unicode.IsLetter) {
		if p.last >= 0 {
			it := &p.o.Items[p.last]
			sep := "\n"
			name := cite.NameRest(it.Text[strings.LastIndexByte(it.Text, '\n')+1:], line) > 0
			if p.wraps(line) || name {
				sep = " " // a hard-wrapped body, or the rest of an agency's name ("- Sở Giáo dục" / "và Đào tạo: …")
			}
			it.Text += sep + line
			if agency, ok := inlineAgency(it.Text); name && it.Agency == "" && ok {
				it.Agency = agency
			}
		} else {
			p.sectionText(i, line)
		}
		p.lastLine, p.lastFirst = line, false
		return
	}
	if len(p.stack) == 0 {
		p.sectionText(i, line)
		p.last, p.lastLine, p.lastFirst = -1, line, false
		return
	}
	cur := p.stack[len(p.stack)-1]
	parent := p.o.Items[cur].Parent
	if headingLike(firstLine(p.o.Items[cur].Text)) {
		parent = cur
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
		announces := strings.HasSuffix(firstLine(h.Text), ":") || agencyName(firstLine(h.Text))
		if announces && !strings.HasSuffix(line, ":") && !agencyName(line) &&
			(h.Parent < 0 || p.o.Items[h.Parent].kind != labelPara) {
			break
		}
		parent = p.o.Items[parent].Parent
	}
	for len(p.stack) > 0 && p.stack[len(p.stack)-1] != parent {
		p.stack = p.stack[:len(p.stack)-1]
	}
	p.push(i, Item{Text: line, kind: labelPara}, "")
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
	if endsSentence(p.lastLine) {
		return false
	}
	if p.lastFirst && p.last >= 0 && headingLike(firstLine(p.o.Items[p.last].Text)) {
		return false
	}
	return true
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

// finish sets the kinds and heading flags once the whole body is read.
func (p *outlineParser) finish() {
	if p.quoting > 0 {
		p.endQuote()
	}
	p.flushText()
	p.articleParagraph()
	o := p.o
	if p.hasSections {
		o.Sections[0].Kind = SectionBackground // text before the sections: preamble, not tasks
	}
	children := make([]int, len(o.Items))
	for _, it := range o.Items {
		if it.Parent >= 0 {
			children[it.Parent]++
		}
	}
	for i := range o.Items {
		it := &o.Items[i]
		it.Kind = o.Sections[it.Section].Kind
		if it.Kind == SectionPreamble {
			it.Kind = SectionTasks // a letter's or telegram's points
		}
		first := firstLine(it.Text)
		it.Heading = children[i] > 0 && (!endsSentence(first) || strings.HasSuffix(first, ":") && words(first) <= 2*headingWords)
		if it.Agency == "" && it.Parent >= 0 {
			if h := &o.Items[it.Parent]; h.Heading && agencyName(firstLine(h.Text)) {
				it.Agency = strings.TrimRight(strings.TrimSpace(firstLine(h.Text)), ":.")
			} else if h.Agency != "" && h.kind != labelRow {
				it.Agency = h.Agency
			}
		}
	}
}

// firstLine is the first line of s.
func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// Linkable reports whether the item is offered for linking: it is in a
// task or organisation section (or a letter's points) and is more than the
// name of an agency or company with nothing under it.
func (it *Item) Linkable() bool {
	if it.Kind != SectionTasks && it.Kind != SectionOrganisation {
		return false
	}
	return !it.nameOnly()
}

// nameOnly reports an item that is the name of an agency or company and
// nothing else, with nothing under it. A short line that goes on from the
// name to what the agency does ("Bộ Y tế cấp phát thuốc sát khuẩn cho vùng
// ngập.") is a task, not a name (statesTask).
func (it *Item) nameOnly() bool {
	return !it.Heading && agencyName(it.Text) && !statesTask(it.Text)
}

// taskVerbs are verbs that open what an agency is asked to do. Written in
// lower case they are a predicate: an agency's name capitalises its words
// ("Ủy ban Kiểm tra", "Ban Quản lý"), and the one lower-case name that
// holds one ("Ban chỉ đạo …") is excepted by the word before it.
var taskVerbs = []string{"chủ trì", "phối hợp", "tham mưu", "hướng dẫn", "triển khai", "thực hiện",
	"bố trí", "cấp phát", "bảo đảm", "đảm bảo", "khẩn trương", "tăng cường", "theo dõi", "rà soát",
	"kiểm tra", "chịu trách nhiệm", "có trách nhiệm", "chủ động", "tiếp tục", "khôi phục", "hỗ trợ",
	"ban hành", "báo cáo", "đôn đốc", "chỉ đạo", "tổ chức", "xử lý"}

// statesTask reports text in which a task verb follows the name of an
// agency the actor scanner reads (scanActorWords: a head such as "Bộ",
// "Sở", "Công an" and its name), in lower case and not after "Ban"
// ("Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia" is a name). A verb
// inside a name the scanner does not read ("Trung tâm hỗ trợ doanh nghiệp
// nhỏ và vừa", "Đoàn kiểm tra liên ngành") describes the body's work and
// leaves the line a name.
func statesTask(text string) bool {
	_, toks, named := scanActorWords(text)
	if named == 0 || named >= len(toks) {
		return false
	}
	clean := strings.NewReplacer(",", " ", ";", " ", ".", " ", ":", " ")
	ws := strings.Fields(clean.Replace(strings.Join(toks[named:], " ")))
	prev := strings.TrimSpace(clean.Replace(toks[named-1]))
	for i := range ws {
		for _, v := range taskVerbs {
			vs := strings.Fields(v)
			if i+len(vs) > len(ws) || strings.Join(ws[i:i+len(vs)], " ") != v {
				continue
			}
			before := prev
			if i > 0 {
				before = ws[i-1]
			}
			if before != "Ban" && before != "ban" {
				return true
			}
		}
	}
	return false
}
