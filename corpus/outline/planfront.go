package outline

// The front matter and the closing block of a body: the header lines
// before the outline (issuer, "Số:", place and date, "Kính gửi:" and its
// addressees, a part's title lines, an attachment note) and the lines
// after it (the distribution list, with or without its "Nơi nhận:").

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

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
			viet.WordCount(it.Text) > 15 || !strings.HasSuffix(it.Text, ";") && !strings.HasSuffix(it.Text, ",") {
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
		if _, _, kind, _ := itemLabel(line); kind != labelNone && kind != labelDash || viet.WordCount(line) > 15 {
			return false
		}
	}
	return true
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
// and reports whether it did; a heading in capitals ("ĐIỀU 1. PHẠM VI
// ĐIỀU CHỈNH") is none of it.
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
	if _, _, ok := articleHeading(line); ok {
		return false // "ĐIỀU 3. NGUYÊN TẮC …" opens the chapter's first article
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

// dashFollows reports whether the next line with text after the current
// one (p.at) is a dash item ("- Các Bộ: …;"), as addressees are.
func (p *outlineParser) dashFollows() bool {
	for j := p.at + 1; j < len(p.lines); j++ {
		if line, _ := clean(p.lines[j]); line != "" {
			_, _, kind, _ := itemLabel(line)
			return kind == labelDash
		}
	}
	return false
}

// attachmentNote recognizes "(Kèm theo Công văn số …)".
func attachmentNote(line string) bool {
	return strings.HasPrefix(line, "(") && strings.Contains(strings.ToLower(line[:min(len(line), 40)]), "kèm theo")
}

// reopensFront consumes a header line (the national motto, "Số:", the
// place and date, "V/v") that comes after the body started but before any
// item or numbered section, and reports whether it did: a copy saved from
// a portal opens with the portal's own lines ("Cơ quan phát hành: VĂN
// PHÒNG CHÍNH PHỦ", "Ngày ban hành: …"), which started the body, so the
// header after them — the issuer's name, the motto, the type line "NGHỊ
// ĐỊNH", the legal basis — was read as sections of tasks. The sections
// opened since the body started (unnumbered, with no text: the issuer's
// name in capitals) are dropped and the front matter goes on; the
// portal's lines stay the preamble's text. A separator line alone reopens
// nothing: it may part the sections of a body that opens with a paragraph.
// The addressee formula ("THỦ TƯỚNG CHÍNH PHỦ điện:", "Kính gửi:") reopens
// it too: a telegram's or letter's trích yếu in sentence case under its
// type line ("CÔNG ĐIỆN" / "Về việc tập trung ứng phó hạn hán …") started
// the body, and the addressees after it became bullets — tasks — and the
// preamble's narrative a paragraph item (TestAddresseesAfterTitle). A
// formula with nothing after its colon reopens it only over dash lines
// (dashFollows): a telegram quoted without its addressees goes on with
// its first numbered item.
func (p *outlineParser) reopensFront(line string) bool {
	if !p.body || len(p.o.Items) > 0 || p.quoting > 0 || p.closing || strings.Trim(line, "-–—_=* ") == "" {
		return false
	}
	if ok, more := addresseeStart(line); ok {
		if !addresseeColon(line) {
			return false // "Kính gửi các đồng chí …, Sở đề nghị …:" in a body: a greeting
		}
		if more && !p.dashFollows() {
			return false // "THỦ TƯỚNG CHÍNH PHỦ điện:" over "1. Chủ tịch …": the items, no addressees
		}
	} else if !isHeaderLine(line) {
		return false
	}
	for _, s := range p.o.Sections[1:] {
		if s.ID != "" || s.Text != "" {
			return false
		}
	}
	p.o.Sections = p.o.Sections[:1]
	p.hasSections = false // none is left: the preamble's items are a telegram's, not background (TestPortalTelegramTasks)
	p.body = false
	return p.front(line)
}
