package outline

// Items: a label read as an item, its place in the stack of open lists
// (its parent and level), and its unique ID.

import (
	"strings"
)

// item adds a labelled item under the innermost open item it belongs to.
func (p *outlineParser) item(i int, label, id string, kind labelKind, rest string) {
	depth := 0
	if kind == labelNumber {
		if fixed, ok := p.misreadNumber(id); ok {
			label, id = fixed+label[len(id):], fixed
		}
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
		} else if (kind == labelDash || kind == labelPlus) && p.bulletAfterStatement(kind) {
			p.stack = p.stack[:len(p.stack)-1]
		}
	}
	it := Item{Label: label, Text: rest, kind: kind, depth: depth}
	if kind == labelLetter || kind == labelParen || kind == labelDash || kind == labelPlus {
		it.intro = p.clausePoint(id, kind)
	}
	if agency, ok := inlineAgency(rest); ok {
		it.Agency = agency
	}
	p.push(i, it, id)
}

// clausePoint closes a clause's paragraph before a point: in an article of
// a legal text, "a)" after "2. …" / "Các trường hợp sau đây được miễn:" is
// the clause's point (Đ6.2.a, what "điểm a khoản 2 Điều 6" cites), not the
// paragraph's. NĐ 30/2020/NĐ-CP gives points to the clause (khoản),
// whatever paragraph introduces them. A clause that has its own point of
// that letter already ("1. Hồ sơ gồm:" / "a) …" / "b) …" then "Trường hợp
// nộp qua mạng, hồ sơ gồm:" / "a) …") keeps the second list under its
// paragraph: the IDs stay unique. The paragraph still leads in to the
// point: it returns 1 + the paragraph's index (Item.intro), which the
// point's context reads (ContextParts) and which makes the paragraph a
// heading as before; 0 when the point stays where it was.
//
// A "(1)" item, a dash or a plus is the clause's the same way, but only
// after a paragraph that leads in to a list, its text ending with a
// colon ("Công thức tính thuế được miễn, giảm:" / "- Số thuế được miễn =
// …"; "2. Dự án quan trọng quốc gia" / "Bố trí … vốn … bao gồm:" / "- Xây
// dựng …"): a bullet after a paragraph that announces no list is as
// likely that paragraph's own enumeration, or, in the real data, a
// dash OCR or a hard wrap left at a line's start ("-Bảo hiểm xã hội, …").
// The bullets after the first take the same lead-in. A "(1)" the clause
// has already stays under its paragraph, as a letter does; bullets are
// counted ("•3" after the clause's "•1", "•2"), so they never collide.
func (p *outlineParser) clausePoint(id string, kind labelKind) int {
	if len(p.stack) == 0 {
		return 0
	}
	lead := p.stack[len(p.stack)-1]
	top := &p.o.Items[lead]
	if top.kind != labelPara {
		// "b)" after the clause's "a)", the second dash after the
		// first: the same lead-in.
		for j := len(p.o.Items) - 1; j > lead && j >= len(p.o.Items)-siblingLookback; j-- {
			if it := &p.o.Items[j]; it.Parent == lead {
				if it.kind == kind {
					return it.intro
				}
				return 0
			}
		}
		return 0
	}
	if top.Parent < 0 || !p.clause(top.Parent) ||
		kind != labelLetter && !strings.HasSuffix(strings.TrimSpace(top.Text), ":") ||
		id != "" && p.ids[p.o.Items[top.Parent].ID+"."+id] {
		return 0
	}
	p.stack = p.stack[:len(p.stack)-1]
	return lead + 1
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

// bulletAfterStatement reports a bullet that follows a paragraph written
// between the bullets of one list, outside an article: "- Công tác … phải
// …", then a paragraph stating more ("Các quy định … phải …"), then "-
// Coi trọng …". The paragraph is a full sentence announcing no list (no
// colon, no title, no agency's name) and the last item before it under
// its parent that is no paragraph is a bullet of the same kind: the
// bullet is that one's sibling, not a point under the paragraph.
func (p *outlineParser) bulletAfterStatement(kind labelKind) bool {
	if len(p.stack) == 0 || p.legal() {
		return false
	}
	top := p.stack[len(p.stack)-1]
	para := &p.o.Items[top]
	first := strings.TrimRight(firstLine(para.Text), " \"”’)]*")
	if para.kind != labelPara || !endsSentence(first) || strings.HasSuffix(first, ":") || AgencyName(first) {
		return false
	}
	for j := top - 1; j >= 0 && j > para.Parent; j-- {
		if sib := &p.o.Items[j]; sib.Parent == para.Parent && sib.kind != labelPara {
			return sib.kind == kind // the paragraphs in between are the list's too
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
	if prefix == "" && p.sec().lead {
		prefix = p.sec().anchor // a lead-in's part (leadin.go)
	}
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

// unique returns id, or a variant of it no other item has. The variant
// hangs on the nearest unique ID that holds the item, never on a count of
// the sections before it (a section added or dropped before it renames
// nothing after): an ID used twice in a section with an ID is that ID with
// its occurrence ("II.1~2": id starts with the section's or its parent's
// ID, unique); an ID taken in an unnumbered section goes under the
// section's anchor (anchorID: "PLII.s3.1", "PLII.s3.1~2").
func (p *outlineParser) unique(id string) string {
	if !p.ids[id] && id != "" {
		p.ids[id] = true
		return id
	}
	base := id
	if si := len(p.o.Sections) - 1; p.o.Sections[si].ID == "" {
		base = joinID(anchorID(p.o.Sections, si), id)
	}
	if base != "" && !p.ids[base] {
		p.ids[base] = true
		return base
	}
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

// anchorID returns the ID the fallback IDs of section si hang on: its own
// ID, or for an unnumbered section (a form's "CỘNG HÒA XÃ HỘI CHỦ NGHĨA
// VIỆT NAM" in an appendix, a table's title) the nearest section before
// it with an ID and how many sections on it is ("PLII.s3"), "s<si>" when
// no section before it has an ID.
func anchorID(secs []Section, si int) string {
	for j := si; j >= 0; j-- {
		if id := secs[j].ID; id != "" {
			if j == si {
				return id
			}
			return id + ".s" + itoa(si-j)
		}
	}
	return "s" + itoa(si)
}

// joinID joins an anchor and an ID part with ".", either may be empty.
func joinID(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "." + b
}
