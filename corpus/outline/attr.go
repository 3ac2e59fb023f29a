package outline

// Attribute lines: a plan that writes each task's agency, co-agencies and
// deadline on lines of their own under it ("Đơn vị chủ trì: Sở Tư pháp.",
// "- Cơ quan phối hợp: …", "Thời gian hoàn thành: Quý IV/2026") instead of
// a table's columns. They are the task's Agency, Partners, Deadline and
// Output, never items of their own, and the bullets after them stay at
// the level of the task they follow.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// attrRole is what an attribute line gives its task.
type attrRole int

const (
	attrNone     attrRole = iota
	attrAgency            // đơn vị / cơ quan chủ trì (thực hiện)
	attrPartners          // đơn vị / cơ quan phối hợp
	attrDeadline          // thời gian / thời hạn thực hiện, hoàn thành
	attrOutput            // sản phẩm
	attrFunding           // kinh phí: no field of its own, kept in the task's text
)

// attrHeads are the folded openings of an attribute line's name, the
// longer before the shorter. A name is at most attrHeadWords syllables before
// its colon ("Đơn vị chủ trì tham mưu thực hiện:"). Bare "Thời hạn" and
// "Cơ quan" are not among them: forms and reports in legal texts write
// "Thời hạn gửi báo cáo: …", "Cơ quan: VĂN PHÒNG CHÍNH PHỦ".
var attrHeads = []struct {
	head  string
	role  attrRole
	exact bool // the name is the head and nothing more
}{
	{"don vi chu tri", attrAgency, false},
	{"co quan chu tri", attrAgency, false},
	{"don vi thuc hien", attrAgency, false},
	{"co quan thuc hien", attrAgency, false},
	{"don vi phoi hop", attrPartners, false},
	{"co quan phoi hop", attrPartners, false},
	{"thoi gian thuc hien", attrDeadline, true},
	{"thoi gian hoan thanh", attrDeadline, true},
	{"thoi han thuc hien", attrDeadline, true},
	{"thoi han hoan thanh", attrDeadline, true},
	{"thoi gian", attrDeadline, true},
	{"thoi han", attrDeadline, true},
	{"san pham", attrOutput, true},
	{"san pham dau ra", attrOutput, true},
	{"kinh phi", attrFunding, true},
	{"kinh phi thuc hien", attrFunding, true},
}

const attrHeadWords = 9

// attrLine reads an attribute line, with or without a bullet: its role
// and its value ("Sở Tư pháp"). A line whose value is empty or a form's
// blank ("Thời hạn: ……") is none.
func attrLine(line string) (attrRole, string) {
	if c := strings.IndexByte(line, ':'); c < 0 || c > 90 {
		return attrNone, "" // most lines: no colon near the start, nothing more to read
	}
	if _, _, kind, rest := itemLabel(line); kind == labelDash || kind == labelPlus {
		line = rest
	}
	switch r, _ := utf8.DecodeRuneInString(line); r {
	case 'Đ', 'đ', 'C', 'c', 'T', 't', 'S', 's', 'K', 'k':
	default:
		return attrNone, ""
	}
	name, value, ok := strings.Cut(line, ":")
	if !ok || len(name) > 80 || strings.Count(strings.TrimSpace(name), " ") >= attrHeadWords {
		return attrNone, "" // spaces are folded (foldSpaces): words - 1
	}
	value = strings.TrimSpace(value)
	if !strings.ContainsFunc(value, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return attrNone, ""
	}
	f := strings.Join(strings.Fields(viet.Fold(name)), " ")
	for _, h := range attrHeads {
		if f == h.head || !h.exact && strings.HasPrefix(f, h.head+" ") {
			return h.role, strings.TrimRight(value, " .;")
		}
	}
	return attrNone, ""
}

// attribute takes line i as an attribute of the task above it when it is
// one: in a block of two or more attribute lines, or naming the agency in
// charge, after an item of the section, outside an article (a legal
// text's "- Thời gian: …" is a clause's point). The task is the item
// before it, or, when several bullets under one heading came since the
// last block, that heading: the block closes them all ("- …" "- …" then
// "Đơn vị thực hiện: …").
func (p *outlineParser) attribute(i int, line string) bool {
	role, value := attrLine(line)
	if role == attrNone || p.last < 0 || p.legal() || p.o.Items[p.last].Section != len(p.o.Sections)-1 {
		return false
	}
	inBlock := p.attrTo > 0 && p.attrPrev
	if !inBlock && role != attrAgency && !p.attrFollows(i) {
		return false
	}
	to := p.attrTo - 1
	if !inBlock {
		to = p.attrTarget()
	}
	it := &p.o.Items[to]
	set := func(f *string) {
		if inBlock && *f != "" {
			*f += "; " + value
		} else {
			*f = value
		}
	}
	switch role {
	case attrAgency:
		set(&it.Agency)
	case attrPartners:
		set(&it.Partners)
	case attrDeadline:
		set(&it.Deadline)
	case attrOutput:
		set(&it.Output)
	default:
		it.Text += "\n" + line
	}
	p.attrTo, p.attrRole, p.attrMark = to+1, role, len(p.o.Items)
	p.lastLine, p.lastFirst, p.lastAttr = line, false, true
	return true
}

// attrFollows reports the next line with text is an attribute line too.
func (p *outlineParser) attrFollows(i int) bool {
	for j := i + 1; j < len(p.lines) && j <= i+3; j++ {
		l, _ := clean(p.lines[j])
		if l == "" {
			continue
		}
		r, _ := attrLine(l)
		return r != attrNone
	}
	return false
}

// attrTarget is the item a new block of attribute lines belongs to: the
// last item, or its parent when a sibling before it under that parent
// came since the last block too.
func (p *outlineParser) attrTarget() int {
	last := p.last
	it := &p.o.Items[last]
	if it.Parent < 0 || it.kind == labelNumber {
		return last
	}
	for j := last - 1; j >= p.attrMark && j > it.Parent; j-- {
		if p.o.Items[j].Parent == it.Parent {
			return it.Parent
		}
	}
	return last
}

// attrGoesOn adds a line in lower case after an attribute line to its
// value ("Đơn vị phối hợp: Sở Tư pháp; các cơ quan," / "đơn vị liên
// quan."); false when the last line was no attribute line.
func (p *outlineParser) attrGoesOn(line string) bool {
	if !p.attrPrev || p.attrTo == 0 || !startsLower(line) {
		return false
	}
	it := &p.o.Items[p.attrTo-1]
	add := func(f *string) { *f = strings.TrimRight(*f+" "+line, " .;") }
	switch p.attrRole {
	case attrAgency:
		add(&it.Agency)
	case attrPartners:
		add(&it.Partners)
	case attrDeadline:
		add(&it.Deadline)
	case attrOutput:
		add(&it.Output)
	default:
		it.Text += " " + line
	}
	p.lastLine, p.lastAttr = line, true
	return true
}
