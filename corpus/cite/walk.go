package cite

import "strings"

// The walk back from a reference to what governs it: a verb (and its
// subject), the agent marker of a passive, a clause head, the previous item
// of a list, the start of the clause, or a barrier that leaves it a mention.

const (
	objectBudget = 12  // content words a verb may stand before its object
	scanBudget   = 60  // words read back for a subject or a list's previous item
	lookBack     = 180 // words read back for the reference whose long trích yếu holds a passive (passiveSubject)
)

var mentionGov = gov{rel: Mentions, other: -1}

// walk reads back from token k, the token before reference i and its part.
// It returns how the reference is governed and whether it opens its clause.
func (p *relPass) walk(i, k int) (gov, bool) {
	content := 0
	partial := false
	mention := false             // a barrier was passed: only a clause head may still govern
	located := p.word(k) == fTai // "… tại Kế hoạch số …": where something is stated
	for k >= 0 {
		switch p.toks[k].kind {
		case tRef:
			if content == 0 && !mention {
				return p.coItem(int(p.toks[k].ref)), false
			}
			g := mentionGov
			g.embedded = true
			return g, false
		case tComma:
			if b := p.brokenItemBack(k - 1); !mention && content == 0 && b != k-1 {
				k = b // "theo Luật số 05/201 8/QHI14, Luật số …": an item, not text
				continue
			}
			if mention || content > 0 {
				if g, ok := p.basisHead(k); ok {
					return g, false
				}
				return p.mentionAt(k), false
			}
			if m, ok := p.prevItem(k); ok {
				return p.listItem(i, m), false
			}
			k--
			continue
		case tSemi, tColon, tStop, tBreak, tItem:
			if mention {
				return p.mentionAt(k), false
			}
			p.out[i].partial = p.out[i].partial || partial || content > 0
			return p.segStart(k)
		case tOpen:
			return mentionGov, false
		case tClose:
			k = p.skipParenBack(k) - 1
			content++
			continue
		case tQuote:
			k = p.skipQuoteBack(k) - 1
			continue
		}
		f := p.word(k)
		if (f == fVa || f == fHoac) && content == 0 && !mention {
			if m, ok := p.prevItem(k); ok {
				return p.listItem(i, m), false
			}
		}
		if !mention {
			if ms, ok := p.agentMarkerEnding(k); ok {
				some := p.skipPartialBack(ms-1) != ms-1 // "một số điều" before the marker
				if g, ok := p.groupEnding(p.skipPartialBack(ms - 1)); ok && (g.passive || f == fBoi || p.barePassive(g, some)) && agentive(g.rel) {
					g.partial = g.partial || some
					return p.agent(i, g), false
				} else if ok && ms == k && f == fTai && g.end == ms-1 && g.rel.Changes() {
					// a change has its object right after its verb, not
					// after "tại": "vốn được giao bổ sung tại Nghị quyết
					// số …" is what that resolution allocated, "(đã sửa
					// đổi tại Nghị định số …)" names the amending text
					// ("thực hiện theo quy định tại …" is not a change)
					return mentionGov, false
				}
			}
			if g, ok := p.groupEnding(k); ok {
				if g2, ok := p.changeHolding(g, located); ok {
					// "Điều chỉnh thời gian thực hiện tại Kế hoạch số …": the
					// verb is in the object of a change, which governs
					content += g.end - g2.end
					g = g2
				}
				switch {
				case g.passive || (g.intrans && p.word(k+1) != fCua):
					return mentionGov, false
				case content > objectBudget:
					mention = true
					k = g.start - 1
					continue
				}
				if h, ok := p.ownTitle(i, g); ok {
					return h, false
				}
				a := p.actorOf(g)
				if content > 0 && p.out[i].part == "" && p.additionOnly(g) {
					if !p.termObject(g.end + 1) {
						// "bổ sung kinh phí … tại Nghị quyết số …" adds
						// funds, not text (objectOfAddition); what is added
						// to a part of it ("bổ sung nội dung sau vào cuối
						// khoản 2 Điều 5 của Nghị định số …") amends it
						return mentionGov, false
					}
					partial = true // its time or schedule: a part of it
				}
				p.out[i].partial = p.out[i].partial || partial || g.partial
				return p.govern(g, a), false
			}
		}
		if c, s := p.cueEnding(k, roleHead|roleMention); c != nil && (p.opensClause(s) && (c.rel == BasedOn || p.kind(s-1) != tComma) || c.rel == BasedOn && p.builtOn(s)) {
			// a head after a comma only for "căn cứ" ("UBND tỉnh, căn cứ …");
			// ", thực hiện theo quy định tại …" is a verb
			if c.role&roleMention != 0 {
				return mentionGov, false
			}
			return gov{rel: c.rel, other: -1}, false
		}
		switch {
		case f == fTheo && p.word(k-1) == "kem":
			// "ban hành kèm theo": go back to the attached document's noun,
			// and the part written before it ("khoản 3 Điều 1 quy định … ban
			// hành kèm theo Nghị quyết số …")
			k = p.docNounBack(k - 2)
			if part, b := p.partBefore(k); part != "" && p.out[i].part == "" {
				p.out[i].part, k = part, b
			}
			p.out[i].attach = p.out[i].part == "" && !p.formNounAt(k+1)
			partial = true
			continue
		case f == fTheo:
			mention = true
		case f == "dinh" && p.word(k-1) == "quy" && (p.word(k+1) == fTai || p.word(k+1) == fCua):
			if p.nounQuyDinh(k - 2) {
				partial = true
			} else {
				mention = true
			}
			k -= 2
			continue
		case p.transparent(k):
			if p.partialWord(k) {
				partial = true
			}
			k--
			continue
		}
		if k == p.at[i]-1 && p.ownTypeAbbrev(i, k) {
			k-- // "QĐ 142/2008/QĐ-TTg": its own type, written short
			continue
		}
		content++
		if content > scanBudget {
			return p.mentionAt(k), false
		}
		k--
	}
	if mention {
		return mentionGov, false
	}
	p.out[i].partial = p.out[i].partial || partial || content > 0
	return p.segStart(-1)
}

// ownTitle reads a change verb in the name of reference i, a law, code or
// ordinance: "Luật sửa đổi, bổ sung một số điều của Luật Tiếp công dân,
// Luật Khiếu nại, Luật Tố cáo số N" — N is the amending law, the verb
// right after its bare type word, the laws it names its object. Where the
// clause cites N as a whole (a head before its name: căn cứ, thực hiện,
// quy định chi tiết), N amends the laws it names, as the agent of a
// passive does (agent: "Luật X được sửa đổi, bổ sung bởi Luật số N" gives
// N amends, by, other "Luật X"); the laws have no number, so the edge is
// a name's and changes no stored document's effect. Where no head cites it
// (a title line: "LUẬT sửa đổi … của Luật Đất đai số …") or the clause
// changes N itself, the walk goes on as before (ok false).
func (p *relPass) ownTitle(i int, g group) (gov, bool) {
	if !p.namedType(i) || g.passive || !g.rel.Changes() {
		return gov{}, false
	}
	ts, ok := p.typeWordEnding(g.start - 1)
	if !ok || !p.toks[ts].cap || !lawWord(p.word(g.start-1)) {
		return gov{}, false
	}
	h, _ := p.walk(i, ts-1)
	if h.rel == Mentions || h.rel.Changes() || h.by || h.other >= 0 || h.name != "" {
		return h, true // the relation of the clause the name stands in
	}
	name := p.objectNames(i, g)
	if name == "" {
		return h, true
	}
	p.out[i].partial = p.out[i].partial || g.partial || p.someArticles(g.end+1, p.at[i])
	return gov{rel: g.rel, by: true, other: -1, name: name, embedded: h.embedded}, true
}

// objectNames is the text of the laws a change verb g in the name of
// reference i names, up to the reference's number: "Luật Tiếp công dân,
// Luật Khiếu nại, Luật Tố cáo" of "… một số điều của Luật Tiếp công dân,
// Luật Khiếu nại, Luật Tố cáo số 136/2025/QH15" (the last name is in the
// reference's text), "10 Luật có liên quan đến an ninh, trật tự" of "… của
// 10 Luật có liên quan đến an ninh, trật tự số 118/2025/QH15".
func (p *relPass) objectNames(i int, g group) string {
	obj := g.end + 1
	for j := obj; j < p.at[i] && j < obj+6; j++ {
		if p.word(j) == fCua {
			obj = j + 1 // "một số điều của …"
			break
		}
	}
	if obj == g.end+1 && obj < p.at[i] {
		// "một số điều Luật …", written without "của"
		obj = p.skipPartialFwd(obj)
	}
	name := ""
	if obj < p.at[i] {
		name = p.spanText(obj, p.at[i]-1)
	}
	if own, _, ok := strings.Cut(p.refs[i].Text, " số "); ok && own != "Luật" {
		name += " " + own // "Luật Tố cáo", or "luật" of "pháp [luật số …]"
	}
	name = strings.TrimSpace(name)
	for _, w := range []string{" số", ",", ";"} {
		name = strings.TrimSpace(strings.TrimSuffix(name, w))
	}
	return name
}

// lawWord reports the last word, folded, of the type word of a law, code
// or ordinance ("Luật", "Bộ luật", "Pháp lệnh").
func lawWord(w string) bool { return w == "luat" || w == "lenh" }

// someArticles reports "một số điều" (or "một số nội dung") in tokens
// a..b-1: the change is of part of its object.
func (p *relPass) someArticles(a, b int) bool {
	for j := a; j+1 < b; j++ {
		if p.word(j) == "mot" && p.word(j+1) == "so" {
			return true
		}
	}
	return false
}

// additionOnly reports a verb group of "bổ sung" and "điều chỉnh" alone
// (no "sửa đổi"): it amends a document only when its object is the text or
// a provision of it ("bổ sung Điều 5a vào Nghị định số …", "bổ sung khoản
// 3 Điều 7 của …", "điều chỉnh một số nội dung của Quyết định số …"), words
// the walk steps over as transparent. Any other object ("bổ sung vốn",
// "kinh phí", "danh sách đối tượng", "nhiệm vụ", "chỉ tiêu", "điều chỉnh
// kế hoạch vốn … tại Quyết định số …") is added to or adjusted in what the
// document gives, and the document is only mentioned. "Sửa đổi" changes
// whatever it names.
func (p *relPass) additionOnly(g group) bool {
	for j := g.start; j <= g.end; j++ {
		switch p.kind(j) {
		case tComma:
			continue
		case tWord:
		default:
			return false
		}
		switch p.word(j) {
		case "bo", "sung", "dieu", "chinh", fVa:
		default:
			return false
		}
	}
	return true
}

// termObject reports an object at token k that is a term the document
// sets for its own execution: its time, deadline, schedule or road map
// ("điều chỉnh thời gian thực hiện tại Kế hoạch số …", "thời hạn hoàn
// thành", "tiến độ", "lộ trình"). Adjusting it changes the document that
// sets it, in part: an adjustment of a plan amends it.
func (p *relPass) termObject(k int) bool {
	switch p.word(k) + " " + p.word(k+1) {
	case "thoi gian", "thoi han", "tien do", "lo trinh":
		return true
	}
	return false
}

// changeHolding finds the change verb in whose object an implementation
// verb g stands, when the reference is introduced by "tại" (located):
// "Điều chỉnh thời gian thực hiện tại Kế hoạch số …", "Bổ sung kinh phí
// thực hiện tại Quyết định số …". There "thực hiện" names the work the
// object measures, and "tại" where the object is stated; the change
// governs the reference. Without "tại" the reference is what is
// implemented ("Bổ sung kinh phí thực hiện Nghị quyết số …"), and a
// purpose ("để thực hiện") is never an object.
func (p *relPass) changeHolding(g group, located bool) (group, bool) {
	if !located || g.rel != Implements || g.passive {
		return group{}, false
	}
	switch p.word(g.start) {
	case "de", "nham":
		return group{}, false
	}
	for j, n := g.start-1, 0; j >= 0 && n <= 4; j, n = j-1, n+1 {
		if p.kind(j) != tWord {
			return group{}, false
		}
		if g2, ok := p.groupEnding(j); ok {
			if g2.passive || !g2.rel.Changes() || n == 0 {
				return group{}, false
			}
			return g2, true
		}
	}
	return group{}, false
}

// barePassive reports a change verb group written as a passive without
// "được" right after the reference it is said of: "Nghị định số A (sửa
// đổi, bổ sung tại Nghị định số B)", "Thông tư số A (đã sửa đổi tại …)",
// "Thông tư số A ngày …, sửa đổi bổ sung tại Thông tư số B". Its agent
// amends that reference. After a comma an addition alone ("…, bổ sung tại
// Quyết định số B") may be of funds the reference gave: only a group with
// another verb reads so. An object before the marker (some: "một số
// điều") makes the verb active outside brackets: "Thông tư số A Sửa đổi,
// bổ sung một số điều tại Thông tư số B" is A's trích yếu, A amends B;
// in brackets after a reference it is a note of what was done to it.
func (p *relPass) barePassive(g group, some bool) bool {
	if g.passive || !g.rel.Changes() {
		return false
	}
	j := g.start - 1
	if p.word(j) == fDa {
		j--
	}
	switch p.kind(j) {
	case tRef:
		return !some
	case tOpen:
		return p.kind(j-1) == tRef
	case tComma:
		return !some && p.kind(j-1) == tRef && !p.additionOnly(g)
	}
	return false
}

// mentionAt is a mention whose walk stopped at token k: embedded in the
// trích yếu of a reference before it in the clause, if there is one.
func (p *relPass) mentionAt(k int) gov {
	g := mentionGov
	if sentenceBound(p.kind(k)) {
		return g
	}
	_, g.embedded = p.refBefore(k)
	return g
}

// govern returns the relation an active verb group gives its object.
func (p *relPass) govern(g group, a actor) gov {
	rel := g.rel
	if a.rel != "" {
		rel = a.rel
	}
	switch a.kind {
	case actorSelf:
		return gov{rel: rel, other: -1, verb: true}
	case actorRef:
		return gov{rel: rel, other: a.ref, embedded: true, verb: true}
	}
	return gov{rel: Mentions, other: -1, embedded: true}
}

// namedType reports a law, code or ordinance: a type named before its number
// ("Luật Giáo dục số 43/2019/QH14").
func (p *relPass) namedType(i int) bool {
	switch p.refs[i].Type {
	case typeLaw, typeCode, typeOrdinance:
		return true
	}
	return false
}

// coItem is the relation a list item inherits from the item before it.
func (p *relPass) coItem(m int) gov { return p.govs[m] }

// listItem is the relation reference i inherits when a conjunction joins it
// to reference m, the nearest before it. When m stands in the trích yếu of
// an item of the clause's own list ("trên cơ sở Nghị quyết số A … ban hành
// Chương trình hành động thực hiện Nghị quyết số B và Quyết định số C ngày
// … của UBND tỉnh phê duyệt …"), i is a member of that list, not another
// object of the trích yếu's verb, when it is written as the list's items
// are and m is not: i has its own date or issuer and its own trích yếu, m
// neither date nor issuer nor a trích yếu of its own ("Nghị quyết số B
// về … của Chính phủ và Quyết định số C ngày …" lists two objects written
// alike). The head's relation then holds for i as for the item (C is a
// ground as A is; it does not implement B's verb). Only a list of grounds:
// a change ("thay thế Quyết định số A … ban hành Quy chế thực hiện Nghị
// định số B và Nghị định số C ngày … của Chính phủ sửa đổi …") is not
// carried into what the changed document's trích yếu names, where it
// would give the text a change of C.
func (p *relPass) listItem(i, m int) gov {
	g := p.govs[m]
	if !g.embedded || p.written(m) || p.opensSubjectAt(p.at[m]+1) || !p.written(i) || !p.opensSubjectAt(p.at[i]+1) {
		return g
	}
	if top, ok := p.itemHolding(m); ok && !p.govs[top].rel.Changes() {
		return p.coItem(top)
	}
	return g
}

// written reports a reference written with its date or its issuer
// ("Quyết định số 902/QĐ-UBND ngày 10/6/2024 của UBND tỉnh"), read with it
// or not (a date on the next line of a hard-wrapped text is not attached:
// "Nghị định số 123/2020/NĐ-CP\nngày 19 tháng 10 năm 2020 của Chính phủ").
func (p *relPass) written(i int) bool {
	r := &p.refs[i]
	if w := p.word(p.at[i] + 1); w == fNgay || w == fCua {
		return true
	}
	return r.Date != "" || strings.Contains(r.Text, " của ")
}

// itemHolding finds the item of the clause's list in whose trích yếu the
// embedded reference m stands: the other end of its relation, else the
// nearest reference before it in the clause that is not embedded, with no
// comma between: "Thực hiện Kế hoạch số A …, các trường học tuyên truyền
// về Nghị quyết số B và Quyết định số C ngày … phê duyệt …" goes on in
// another clause, whose references are not the head's list.
func (p *relPass) itemHolding(m int) (int, bool) {
	if o := p.govs[m].other; o >= 0 && o < m {
		return o, !p.out[o].embedded
	}
	for j := p.at[m] - 1; j >= 0 && j > p.at[m]-400; j-- {
		switch t := p.toks[j].kind; {
		case t == tRef:
			if r := int(p.toks[j].ref); !p.out[r].embedded {
				return r, true
			}
		case sentenceBound(t) || t == tSemi || t == tColon || t == tComma:
			return 0, false
		}
	}
	return 0, false
}

// prevItem finds the reference a list conjunction at token k joins to: the
// nearest one before it in the clause, across its trích yếu when the
// sentence lists bases ("Căn cứ Nghị định số A … quy định chi tiết Luật X
// và Nghị định số B": A and B are items of one list).
func (p *relPass) prevItem(k int) (int, bool) {
	for j, n := k-1, 0; j >= 0 && n < scanBudget; j-- {
		switch p.toks[j].kind {
		case tRef:
			return int(p.toks[j].ref), true
		case tSemi, tColon, tStop, tBreak, tItem, tOpen:
			return 0, false
		case tClose:
			// "(sau đây gọi là Thông tư số …)" closes the item it renames
			if p.kind(j-1) == tRef {
				m := int(p.toks[j-1].ref)
				if _, b := p.partBefore(j - 2); p.word(b) == "la" {
					return m, true
				}
			}
			j = p.skipParenBack(j)
			continue
		case tQuote:
			j = p.skipQuoteBack(j)
			continue
		case tWord:
			if c, s := p.cueEnding(j, roleHead); c != nil && p.opensClause(s) {
				return 0, false
			}
			// a verb of the previous reference's trích yếu: outside a list of
			// bases the conjunction joins that verb's objects ("quy định chi
			// tiết Luật dược và Nghị định số …")
			if g, ok := p.groupEnding(j); ok && !g.passive && !p.basisSentence(j) {
				return 0, false
			}
			n++
		}
	}
	return 0, false
}

// basisSentence reports whether the sentence holding token k opens with a
// clause head ("Căn cứ …", "Thực hiện …"): a list of documents.
func (p *relPass) basisSentence(k int) bool {
	for j := k; j >= 0 && j > k-400; j-- {
		if sentenceBound(p.kind(j)) {
			c, _ := p.cueAt(j+1, roleHead)
			return c != nil
		}
	}
	return false
}

// segStart is reached when the walk meets the start of the clause (token k,
// -1 for the text's start): a list item continuing the clause before a ";",
// an item of a list whose head ends in ":", or the clause's subject.
func (p *relPass) segStart(k int) (gov, bool) {
	switch p.kind(k) {
	case tSemi:
		if g, ok := p.carried(k); ok {
			return g, false
		}
	case tColon, tItem, tBreak:
		if g, ok := p.listHead(k); ok {
			return g, false
		}
	}
	return mentionGov, true
}

// carried is the relation a clause after ";" inherits: the head opening its
// sentence ("Căn cứ Luật …; Nghị định …"), else that of the last reference
// listed in the clause before ("thay thế Nghị định số A …; Nghị định số B").
func (p *relPass) carried(k int) (gov, bool) {
	last := -1
	b := k - 1
	for ; b >= 0; b-- {
		t := p.toks[b].kind
		if sentenceBound(t) || (t == tColon && last >= 0) {
			break
		}
		if t == tSemi && last < 0 && b < k-1 {
			continue
		}
		if t == tRef && last < 0 && !p.out[p.toks[b].ref].embedded {
			last = int(p.toks[b].ref)
		}
	}
	if c, _ := p.cueAt(b+1, roleHead|roleMention); c != nil {
		if c.role&roleMention != 0 {
			return mentionGov, true
		}
		return gov{rel: c.rel, other: -1}, true
	}
	if last >= 0 {
		return p.coItem(last), true
	}
	return gov{}, false
}

// listHead finds the clause ending in ":" that heads the list whose item
// opens at token k, and the relation it gives its items ("Bãi bỏ các văn bản
// sau:", "Các Nghị định sau hết hiệu lực kể từ …:", "Căn cứ:").
func (p *relPass) listHead(k int) (gov, bool) {
	j := k
	if p.kind(k) != tColon {
		mark := uint8(0)
		if p.kind(k) == tItem {
			mark = p.toks[k].mark
		}
		for j = k - 1; ; j-- {
			if j < 0 || j < k-600 {
				return gov{}, false
			}
			t := p.toks[j].kind
			if t == tColon && sentenceBound(p.kind(j+1)) {
				break
			}
			if t == tItem && p.toks[j].mark != mark || t == tBreak && p.kind(j+1) != tItem && p.kind(j-1) != tColon && p.kind(j-1) != tSemi {
				if p.groundsHeading(j+1) || t == tBreak && p.groundsHeading(p.lineStart(j-1)) {
					return gov{rel: BasedOn, other: -1}, true
				}
				return gov{}, false
			}
		}
	}
	return p.headClause(j)
}

// groundsHeading reports a heading line opening at token k that names the
// text's grounds and nothing else: "CĂN CỨ PHÁP LUẬT", "Căn cứ pháp lý",
// "Căn cứ ban hành", "Căn cứ" (markup and a list marker before it are not
// tokens or end the line before k), a note in brackets after it allowed.
// Written without a colon it heads the list under it as "Căn cứ:" does;
// the list ends at the next heading, where listHead stops. A heading of
// other grounds ("Căn cứ thực tiễn", "Căn cứ xét đề nghị") names no texts
// the document is issued on.
func (p *relPass) groundsHeading(k int) bool {
	c, n := p.cueAt(k, roleHead)
	if c == nil || len(c.words) != 2 || c.rel != BasedOn {
		return false
	}
	switch p.word(n) + " " + p.word(n+1) {
	case "phap ly", "phap luat", "ban hanh":
		n += 2
	}
	if p.kind(n) == tOpen {
		for n++; n < len(p.toks) && n < k+40 && p.kind(n) != tClose; n++ {
			if t := p.kind(n); t == tBreak || t == tRef {
				return false
			}
		}
		n++
	}
	return n >= len(p.toks) || p.kind(n) == tBreak || p.kind(n) == tItem
}

// lineStart is the first token of the line holding token k: after the
// break or list marker before it, or the text's start (within 40 tokens,
// else none: -1).
func (p *relPass) lineStart(k int) int {
	for b := k; b >= -1 && b > k-40; b-- {
		if t := p.kind(b); t == tBreak || t == tItem {
			return b + 1
		}
	}
	return -1
}

// headClause reads the clause that ends at the colon token c.
func (p *relPass) headClause(c int) (gov, bool) {
	start := c - 1
	for start >= 0 && !sentenceBound(p.kind(start)) && p.kind(start) != tSemi {
		start--
	}
	g := gov{other: -1}
	found := false
	for j := start + 1; j < c; j++ {
		if j == start+1 {
			if cu, _ := p.cueAt(j, roleHead|roleMention); cu != nil {
				g.rel, found = cu.rel, true
				continue
			}
		}
		if p.word(j) == "co" {
			if e, n, ok := p.effectAt(j); ok {
				g.eff, g.effSet = e, true
				j = n - 1
				continue
			}
		}
		if w := p.word(j); w == "ke" || w == "tu" {
			var e effect
			if n, ok := p.fromAt(j, &e); ok {
				g.eff, g.effSet = e, true
				j = n - 1
				continue
			}
		}
		if found || p.kind(j) == tRef {
			continue
		}
		if gr, n, ok := p.groupAt(j); ok {
			if !gr.passive && !gr.intrans {
				if a := p.actorOf(gr); a.kind != actorSelf {
					return gov{}, false
				}
			}
			g.rel, found = gr.rel, true
			j = n - 1
		}
	}
	return g, found
}

// skipPartialFwd steps over "một số điều", "một phần", "một số nội dung"
// opening at token j.
func (p *relPass) skipPartialFwd(j int) int {
	switch {
	case p.word(j) == "mot" && p.word(j+1) == "so" && p.word(j+2) == "dieu":
		return j + 3
	case p.word(j) == "mot" && p.word(j+1) == "phan":
		return j + 2
	case p.word(j) == "mot" && p.word(j+1) == "so" && p.word(j+2) == "noi" && p.word(j+3) == "dung":
		return j + 4
	}
	return j
}

// skipPartialBack steps back over "một số điều", "một phần", "một số nội
// dung" between a verb and its agent marker.
func (p *relPass) skipPartialBack(j int) int {
	switch {
	case p.word(j) == "dieu" && p.word(j-1) == "so" && p.word(j-2) == "mot":
		return j - 3
	case p.word(j) == "phan" && p.word(j-1) == "mot":
		return j - 2
	case p.word(j) == "dung" && p.word(j-1) == "noi" && p.word(j-2) == "so" && p.word(j-3) == "mot":
		return j - 4
	}
	return j
}

// builtOn reports a ground named after "xây dựng" ("Kế hoạch được xây
// dựng trên cơ sở Nghị quyết số …"): what the text was drafted on, as
// "ban hành căn cứ …" (opensClause) is what it was issued on. The subject
// is a document's type word, bare or with "này": a project, a road or a
// plant "được xây dựng trên cơ sở Quyết định số …" is news of the
// decision, not the text's ground.
func (p *relPass) builtOn(s int) bool {
	if p.word(s-1) != "dung" || p.word(s-2) != "xay" {
		return false
	}
	j := s - 3
	if p.word(j) == "duoc" {
		j--
	}
	if p.selfNPEnding(j) {
		return true
	}
	_, ok := p.typeWordEnding(j)
	return ok
}

// opensClause reports whether a cue starting at token s opens its clause:
// after a boundary, or after "ban hành" as news of a document tells it
// ("Quyết định được ban hành căn cứ Nghị định số …").
func (p *relPass) opensClause(s int) bool {
	switch p.kind(s - 1) {
	case tStop, tBreak, tItem, tSemi, tColon, tComma:
		return true
	case tWord:
		return p.word(s-1) == "hanh" && p.word(s-2) == "ban"
	}
	return false
}

// transparent reports words that may stand between a verb and its object
// without weakening the tie: determiners, parts, "của", "tại", "các quy
// định", "nội dung", "cụm từ", "vào sau".
func (p *relPass) transparent(k int) bool {
	switch p.word(k) {
	case fCua, fTai, "thuoc", "trong", fCac, "nhung", "mot", "so", "phan", "noi", "dung", "cum", "ngu",
		"vao", "sau", "truoc", "tuong", "ung", "dieu", "khoan", "diem", "muc", "chuong", "phu", "luc",
		"tiet", "toan", "va", "hoac", "nhu", "moi", "bieu", "mau":
		return true
	case "tu":
		return p.word(k-1) == "cum" || p.word(k+1) == "ngu"
	case "bo":
		return p.word(k-1) == "toan"
	case "van":
		return p.word(k+1) == "ban"
	case "ban":
		return p.word(k-1) == "van"
	case "dinh":
		return p.word(k-1) == "quy"
	case "quy":
		return p.word(k+1) == "dinh"
	}
	return p.isLabel(k)
}

// ownTypeAbbrev reports a word in capitals right before reference i that
// its number holds as its type code ("QĐ" of "142/2008/QĐ-TTg", "NĐ" of
// "16/2029/NĐ-CP", "CT" of "34-CT/TW"): the reference's type word written
// short, not a word of what the clause says of it.
func (p *relPass) ownTypeAbbrev(i, k int) bool {
	t := p.toks[k]
	if t.kind != tWord || !t.cap || t.digit || t.end-t.start < 2 || t.end-t.start > 8 {
		return false
	}
	w := p.s[t.start:t.end]
	if strings.ToUpper(w) != w {
		return false
	}
	key := p.refs[i].Key
	for q := strings.Index(key, w); q >= 0; {
		before, after := q == 0 || key[q-1] == '/' || key[q-1] == '-', q+len(w) == len(key) || key[q+len(w)] == '/' || key[q+len(w)] == '-'
		if before && after {
			return true
		}
		n := strings.Index(key[q+1:], w)
		if n < 0 {
			break
		}
		q += 1 + n
	}
	return false
}

// partialWord reports a word that makes the relation concern a part only.
func (p *relPass) partialWord(k int) bool {
	switch p.word(k) {
	case "phan", "noi", "cum", "dieu", "khoan", "diem", "muc", "chuong", "luc", "tuong":
		return true
	case "dinh":
		return true
	}
	return false
}

// nounQuyDinh reports "quy định tại/của" read as a noun ("các quy định tại
// Thông tư …", "thay thế quy định tại …") rather than "as prescribed in".
func (p *relPass) nounQuyDinh(j int) bool {
	switch p.word(j) {
	case fCac, "nhung", "so", "phan", "bo":
		return true
	}
	if _, ok := p.groupEnding(j); ok {
		return true
	}
	return p.isLabel(j)
}

// attachedNouns are the nouns of documents issued "kèm theo" another one.
var attachedNouns = [][2]string{
	{"quy", "che"}, {"quy", "dinh"}, {"dieu", "le"}, {"danh", "muc"}, {"phu", "luc"}, {"bieu", "mau"},
	{"bieu", "thue"}, {"quy", "trinh"}, {"quy", "chuan"}, {"tieu", "chuan"}, {"dinh", "muc"},
	{"ke", "hoach"}, {"chuong", "trinh"}, {"de", "an"}, {"chien", "luoc"}, {"noi", "quy"}, {"huong", "dan"},
	{"bang", "gia"}, {"khung", "gia"}, {"mau", "so"},
}

// docNounBack steps back from token k over the title of a document attached
// to a reference ("Quy chế … ban hành kèm theo Quyết định số …") to the
// token before its noun. Without one in reach it returns k.
func (p *relPass) docNounBack(k int) int {
	if p.word(k) == "hanh" && p.word(k-1) == "ban" {
		k -= 2
	}
	for j := k; j > 0 && j > k-40; j-- {
		switch p.kind(j) {
		case tRef, tSemi, tColon, tStop, tBreak, tItem:
			return k
		}
		if p.attachedNoun(j) {
			// "quy định mức …": take the noun that starts first
			for p.attachedNoun(j - 1) {
				j--
			}
			return j - 2
		}
	}
	return k
}

// formNounAt reports an appendix or a form at token j ("Phụ lục", "biểu
// mẫu", "Mẫu số"): a part of the document it is attached to, where a
// "Quy chế" or "Quy định" issued with a decision is what it issued.
func (p *relPass) formNounAt(j int) bool {
	switch p.word(j) + " " + p.word(j+1) {
	case "phu luc", "bieu mau", "mau so":
		return true
	}
	return false
}

// attachedNoun reports an attached document's noun ending at token j.
func (p *relPass) attachedNoun(j int) bool {
	for _, n := range attachedNouns {
		if p.word(j) == n[1] && p.word(j-1) == n[0] {
			return true
		}
	}
	return false
}

// brokenItemBack steps back from token k over a list item that names a
// document by a number the first pass could not read ("Luật số 05/201
// 8/QHI14", "Nghị định số 14/202 2/NĐ-CP": an OCR cut): a type name, "số"
// and words holding digits, one of them a "/" or "-" symbol. It returns the
// token before the type name, or k when no such item ends at k. A date
// ("ngày 05/3/2029") has no "số" and type name; it is not an item.
func (p *relPass) brokenItemBack(k int) int {
	j, sym := k, false
	for ; j >= 0 && p.kind(j) == tWord && p.toks[j].digit; j-- {
		w := p.s[p.toks[j].start:p.toks[j].end]
		sym = sym || strings.ContainsAny(w, "/-")
	}
	if j == k || !sym || p.kind(j) != tWord || p.word(j) != "so" {
		return k
	}
	phrase := ""
	for n := 1; n <= 4 && j-n >= 0 && p.kind(j-n) == tWord; n++ {
		phrase = strings.TrimSpace(p.word(j-n) + " " + phrase)
		if _, ok := typeNamed(phrase); ok && p.toks[j-n].cap {
			return j - n - 1
		}
	}
	return k
}
