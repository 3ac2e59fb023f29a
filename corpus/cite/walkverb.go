package cite

import "strings"

// The change verbs the walk meets: a change named in a reference's own
// title, the laws it names, additions, terms the document sets itself, the
// change holding an implementation verb, passives without "được".

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
	if !ok || !p.toks[ts].cap || !lawWord(p.word(g.start-1)) || p.repeatsType(ts, g.start-1) {
		return gov{}, false // "Luật số A Luật sửa đổi …": A's trích yếu (actorOf)
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
