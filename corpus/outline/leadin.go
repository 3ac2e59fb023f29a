package outline

// Lead-in sections: a text without headings (an article retelling a
// resolution, a notice) that introduces its parts with paragraphs ("Về
// nhiệm vụ, giải pháp, Nghị quyết đề ra 7 nhiệm vụ, giải pháp lớn. Cụ thể
// là:" then "1. …" after viewpoints 1–5 were numbered already). Each such
// part is a section of its own, so that the second list's numbers do not
// collide with the first's and what follows the last list is not its
// last item's.

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// leadIn opens an unnumbered section at line i when the line leads in to
// a part: it ends with a colon and a list starting again at "1." follows
// while the section has a numbered list already; or, after such a part,
// it names the next part as the lead-in did ("Về nhiệm vụ, giải pháp, …"
// then "Về tổ chức thực hiện, …"), a part of another kind. The part's
// items have IDs under the section's anchor ("s2.1", "s3.¶1"), never the
// bare labels the list before it took. Outside an unnumbered section, in
// an article or an appendix nothing changes.
func (p *outlineParser) leadIn(i int, line string) bool {
	s := p.sec()
	if i < p.leadTo {
		if p.leadWhole {
			s.Title += " " + line
		}
		return true // the rest of a wrapped lead-in, taken with its first line
	}
	if s.ID != "" || !s.lead && p.wrapAt == 0 && !strings.HasSuffix(line, ":") || p.legal() || p.appendix || p.continues(line) {
		return false // (a line of one paragraph a line is its paragraph: no colon, no part)
	}
	end, para := p.leadEnd(i, line)
	colon := strings.HasSuffix(para, ":")
	if !colon && !s.lead {
		return false
	}
	if colon && p.restartsList(end) {
		title, whole := para, true
		if name, ok := partName(para); ok {
			title, whole = name, false
		}
		if whole {
			title = line // its wrapped lines go on it as they are taken
		}
		p.openLead(i, title)
		p.leadTo, p.leadWhole, p.titleOpen = end+1, whole, false // its wrapped lines are taken here, not as a heading's (titleGoesOn)
		return true
	}
	if !s.lead {
		return false
	}
	prev, ok1 := partName(s.Title + ",")
	next, ok2 := partName(line)
	if !ok1 || !ok2 || sectionKind(prev) == sectionKind(next) {
		return false
	}
	p.openLead(i, next)
	return false // the line is the part's first paragraph
}

// maxLeadLines is the most lines of a hard-wrapped body leadEnd reads
// ahead for the end of a lead-in paragraph.
const maxLeadLines = 8

// leadEnd returns the index of the last line of the paragraph line i
// opens, and the paragraph: line i itself, or in a hard-wrapped body with
// the lines after it that carry it on as wraps joins them (the line before
// fills the width without ending a sentence, or the line starts in lower
// case) and that are no item, heading or row (goesOn): "Về nhiệm vụ, giải
// pháp, Nghị quyết đề ra 7 nhiệm vụ, giải pháp lớn. Cụ" / "thể là:" ends
// with its colon as the line of a body of one paragraph a line does.
func (p *outlineParser) leadEnd(i int, line string) (int, string) {
	end, para, prev := i, line, line
	for j := i + 1; p.wrapAt > 0 && j < len(p.lines) && j <= i+maxLeadLines; j++ {
		l, _ := clean(p.lines[j])
		if l == "" || !goesOn(l) || !p.full(prev) && !startsLower(l) {
			break
		}
		end, para, prev = j, para+" "+l, l
	}
	return end, para
}

// openLead opens a lead-in section at line i titled with the part the
// lead-in names ("Về nhiệm vụ", "Về tổ chức thực hiện"), or with the
// whole lead-in when it names none. The text before the first is still
// the preamble (the items of a letter, a resolution's viewpoints), not
// background as before a heading.
func (p *outlineParser) openLead(i int, title string) {
	had := p.hasSections
	p.openSection(i, "", title)
	si := len(p.o.Sections) - 1
	anchor := "s" + itoa(si) // anchorID, from the last section with an ID kept as they open
	if p.idSec > 0 {
		anchor = p.o.Sections[p.idSec-1].ID + ".s" + itoa(si-p.idSec+1)
	}
	s := p.sec()
	s.lead, s.anchor, p.hasSections = true, anchor, had
}

// restartsList reports the next line with text is "1." while the last
// section has a numbered item at its top already, among its last
// 4×siblingLookback items (a bounded look-back: a body of thousands of
// lead-ins stays linear).
func (p *outlineParser) restartsList(i int) bool {
	for j := i + 1; j < len(p.lines) && j <= i+3; j++ {
		l, _ := clean(p.lines[j])
		if l == "" {
			continue
		}
		_, id, kind, _ := itemLabel(l)
		if kind != labelNumber || id != "1" {
			return false
		}
		sec := len(p.o.Sections) - 1
		for k := len(p.o.Items) - 1; k >= 0 && k >= len(p.o.Items)-4*siblingLookback && p.o.Items[k].Section == sec; k-- {
			if it := &p.o.Items[k]; it.kind == labelNumber && it.Parent < 0 {
				return true
			}
		}
		return false
	}
	return false
}

// partName is the name of the part a paragraph opens with "Về …,": "Về
// tổ chức thực hiện, Nghị quyết yêu cầu …" → "Về tổ chức thực hiện"; at
// most six words, naming a kind of section (sectionKind) other than the
// default.
func partName(line string) (string, bool) {
	name, _, ok := strings.Cut(line, ",")
	if !ok || !strings.HasPrefix(viet.Fold(name), "ve ") || len(strings.Fields(name)) > 6 {
		return "", false
	}
	f := viet.Fold(name)
	for _, w := range []string{"nhiem vu", "giai phap", "to chuc thuc hien", "muc tieu", "quan diem", "kinh phi"} {
		if strings.Contains(f, w) {
			return name, true
		}
	}
	return "", false
}
