package outline

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
//	            ảnh" then its task), under the clause before it in an
//	            article ("3. …" then "Trường hợp …": Đ3.3.¶1), or after a
//	            list, at the list's level
//	closing   = "Nơi nhận:", signature lines ("KT. THỦ TƯỚNG…") or a
//	            line only a distribution list holds ("- Lưu: VT, …";
//	            "- Như trên;" when the list runs on to its end) up to the
//	            next appendix: never outline
//	formula   = "QUYẾT NGHỊ:", "QUYẾT ĐỊNH:": skipped
//	quote     = after "… như sau:", or an amending heading or item without
//	            it ("Bổ sung Điều 30a vào sau Điều 30"), a line opening a
//	            quote up to the line closing it ("“2. …", "a) …", "… ”."),
//	            or, published without marks, the heading of the article
//	            the announcement names ("… Điều 19a … như sau" then "Điều
//	            19a. …") up to the next amending article or amendment:
//	            the text an amending document puts in force, part of the
//	            item announcing it
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
// gets "~2". An ID already taken gets a fallback that hangs on the nearest
// ID holding it, never on a count of the sections before it (unique,
// anchorID): in a section with an ID, its occurrence ("II.1~2"); in an
// unnumbered section (a form's "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in an
// appendix), the nearest section before it with an ID and how many
// sections on ("PLII.s3.1"; the section's text is the passage "PLII.s3"),
// or its place when no section before it has one ("s2.•1"). An ID unique
// on its own is never a fallback; a section added or dropped before the
// anchor renames no fallback after it (unless it holds the same label, as
// follows), one between the anchor and the section renames that
// section's. The IDs of an unnumbered section's items are their labels
// alone, document-wide: an edit before the anchor that adds or drops the
// same label ("1.") makes such an ID a fallback or natural again ("1" ↔
// "PLI.s1.1"). "~" and ".s<n>" are never a label's, so no fallback takes
// an ID an item would have on its own; a section text's ".text" suffix is
// defensive (a section whose own ID an item took: no item label gives a
// section's ID).

import (
	"strings"

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
	lead     bool        // opened by a lead-in paragraph (leadin.go): its items' IDs hang on its anchor
	anchor   string      // that anchor (anchorID), kept: computed once
}

// Item is one numbered, lettered or bulleted point of an outline, a
// paragraph standing as one, or a row of a task table.
type Item struct {
	ID       string `json:"id"`    // "II.1.a", "1.•2", "III.r3", "1.¶1"
	Label    string `json:"label"` // as written: "1.", "a)", "-", "" for a row or paragraph
	Level    int    `json:"level"` // 1 at the top of a section
	Text     string `json:"text"`  // without the label; the task cells of a row
	Agency   string `json:"agency,omitempty"`
	Partners string `json:"partners,omitempty"` // co-agencies (cơ quan phối hợp)
	Output   string `json:"output,omitempty"`   // chỉ tiêu, sản phẩm
	Deadline string `json:"deadline,omitempty"`
	Line     int    `json:"line"`              // 1-based line of the body where the item starts
	Heading  bool   `json:"heading,omitempty"` // it heads the items under it and states no task itself
	Quoted   bool   `json:"quoted,omitempty"`  // a provision of the text an amending item quotes (planquote.go)
	// Provision: a rule of a legal text, no task (roles.go); the linker
	// still links it, the tasks view does not list it.
	Provision bool `json:"provision,omitempty"`
	// Repeats: the ID of the body item an appendix item repeats word for
	// word (private.go markRepeats) or restates, as Passages folds it
	// (passage.go markRestated); no task, the body's is.
	Repeats string `json:"repeats,omitempty"`
	// NameEntry: a long entry of a list of names (namelist.go), no task.
	NameEntry bool        `json:"name_entry,omitempty"`
	Section   int         `json:"-"` // index in Outline.Sections
	Kind      SectionKind `json:"-"`
	Parent    int         `json:"-"` // index in Outline.Items, -1 at the top
	kind      labelKind
	depth     int  // parts of a number label ("2.1" → 2)
	more      bool // a paragraph of a clause after its first (clause): it does not make the clause a heading
	intro     int  // 1 + index of the clause's paragraph that leads in to this point (clausePoint), 0 if none
}

// Outline is the sections and items of a document body.
type Outline struct {
	Sections []Section
	Items    []Item
	cache    *passageCache // the passages Parse computed, for the state they are of (passagecache.go)
}

// outlineParser holds the state of Parse.
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
	itemB              *itemBuf        // the text of the item lines were last added to (itemtext.go)
	lastPage           int             // the last page's number skipped (pageLine)
	clauses            bool            // a quote an article puts in force: its numbered items are clauses (legal)
	bare               bool            // the quote being read opened without a mark (opensBareQuote)
	bareAnn            string          // the announcement of that quote, folded (leavesBareQuote)
	barePart           string          // the kind of part heading that opened it ("M", "Ch"), "" for an article
	attrTo             int             // 1 + index of the item the last attribute line went to (attr.go), 0: none
	attrRole           attrRole        // the role of that line
	attrMark           int             // len(Items) at the last attribute line
	lastAttr, attrPrev bool            // the last line taken / the one before this line was an attribute line
	idSec              int             // 1 + index of the last section with an ID, 0: none (leadin.go)
	leadTo             int             // 1 + index of the last wrapped line of the lead-in that opened the last section (leadin.go), 0: none
	leadWhole          bool            // that section is titled with the whole lead-in: its wrapped lines go on its title
	depth              int             // quotes this parser reads inside: 0 for Parse's, 1 for a quote's (graftQuote)
}

// Parse splits a body into sections and items.
func Parse(body string) *Outline {
	p := &outlineParser{
		o:      &Outline{Sections: []Section{{Kind: SectionPreamble}}},
		counts: map[string]int{}, ids: map[string]bool{}, secIDs: map[string]int{}, letterDash: map[string]bool{}, alts: map[string]int{}, last: -1,
	}
	p.lines = strings.Split(body, "\n")
	for i, l := range p.lines {
		p.lines[i] = headingForm(foldSpaces(l))
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
	p.attrPrev, p.lastAttr = p.lastAttr, false
	if !md && p.reopensFront(line) || !p.body && !md && p.front(line) {
		if _, _, ok := appendixHeading(line); !ok {
			return
		}
	}
	p.body = true
	if p.titleGoesOn(line) {
		return
	}
	if p.quoting > 0 && (isClosing(line) || isSignature(line) || p.announcesQuote(i, line) || p.nextArticle(line) || p.bare && (announcesNext(line) || p.leavesBareQuote(line))) {
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
	if dist := p.closesList(i, line); isClosing(line) || isSignature(line) || sideSignature(line) || closingRow(line) || dist {
		if _, _, kind, _ := itemLabel(line); kind == labelDash && dist {
			p.dropAddressees(i)
		}
		p.endTable()
		p.closing = true
		return
	}
	if p.appTitle {
		// a numbered heading names the next appendix, not this one's title:
		// "PHỤ LỤC I" then "PHỤ LỤC II" leaves the first empty; the same
		// number written otherwise ("PHỤ LỤC 01", "PHỤ LỤC 1") is this one's
		num, _, app := appendixHeading(line)
		open, _, _ := strings.Cut(strings.TrimPrefix(p.sec().ID, "PL"), "~")
		if !(app && num != "" && appendixValue(num) != appendixValue(open)) && tableCells(line) == nil && (isUpperLine(line) || attachmentNote(line)) {
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
	if p.opensQuote(line) || p.opensBareQuote(line) {
		p.quoting, p.bare = maxQuoteLines, !opensMark(line)
		if p.bare {
			p.bareAnn, p.barePart = viet.Fold(p.announcingLine()), ""
			if id, _, ok := partHeading(line); ok {
				p.barePart = partKind(id)
			}
		}
		p.openQuote()
		p.quoted(i, line, true)
		return
	}
	if id, title, ok := p.heading(line, md); ok {
		p.openSection(i, id, title)
		return
	}
	if p.attribute(i, line) {
		return
	}
	if fixed, ok := p.ocrLabel(line); ok {
		line = fixed
	}
	if label, id, kind, rest := itemLabel(line); kind != labelNone && !p.dashWraps(kind, rest) {
		p.item(i, label, id, kind, rest)
		return
	}
	if label, id, rest, ok := p.ocrNumber(line); ok {
		p.item(i, label, id, labelNumber, rest)
		return
	}
	if p.attrGoesOn(line) || p.leadIn(i, line) {
		return
	}
	p.text(i, line)
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
		if it.Parent >= 0 && !it.more {
			children[it.Parent]++
		}
		if it.intro > 0 {
			children[it.intro-1]++ // a lead-in heads its points as when they were under it
		}
	}
	for i := range o.Items {
		it := &o.Items[i]
		it.Kind = o.Sections[it.Section].Kind
		if it.Kind == SectionPreamble {
			it.Kind = SectionTasks // a letter's or telegram's points
		}
		first := firstLine(it.Text)
		it.Heading = children[i] > 0 && (!endsSentence(first) || strings.HasSuffix(first, ":") && viet.WordCount(first) <= 2*headingWords)
		if it.Agency == "" && it.Parent >= 0 {
			if h := &o.Items[it.Parent]; h.Heading && AgencyName(firstLine(h.Text)) {
				it.Agency = strings.TrimRight(strings.TrimSpace(firstLine(h.Text)), ":.")
			} else if h.Agency != "" && h.kind != labelRow {
				it.Agency = h.Agency
				if it.Partners == "" && it.Deadline == "" {
					it.Partners, it.Deadline = h.Partners, h.Deadline // a heading's attribute lines (attr.go)
				}
			}
		}
	}
	o.markProvisions()
	o.markRepeats()
	o.markNameLists()
	o.markRestated()
}

// firstLine is the first line of s.
func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
