package cite

import (
	"strings"

	"github.com/vanban/vanban/corpus/doctype"
)

// Who does a relation: the actor of an active verb (the reference in whose
// trích yếu the verb stands, the text's own document, a document named
// without number) and the agent and subject of a passive ("A được sửa đổi,
// bổ sung bởi B"). The walk (walk.go) calls these when it meets a verb.

// actor is who does a relation: the text's own document, a reference, a
// document named without number, or nobody we can name (a draft).
type actor struct {
	kind   uint8
	ref    int
	name   string
	before int      // for actorName: the token before the name
	rel    Relation // set when an enclosing verb decides the relation
}

const (
	actorSelf = iota
	actorRef
	actorName
	actorNone
)

// actorOf finds who does what an active verb group states: the reference
// before it (in whose trích yếu the verb stands), the text's own document
// ("Quyết định này", a title, an article heading, an issuing formula), or a
// document named without number.
func (p *relPass) actorOf(g group) actor {
	j := g.start - 1
	if p.nominal(j) {
		return actor{kind: actorNone} // "hai năm thực hiện Nghị quyết …": a noun, not a predicate
	}
	if w := p.word(j); w == fVa || p.kind(j) == tComma || (w == "thoi" && p.word(j-1) == "dong") {
		// "bãi bỏ Quyết định số A và sửa đổi Điều 3 Quyết định số B": the
		// verbs share their subject
		if m, ok := p.refBefore(j - 1); ok && p.govs[m].verb && !p.out[m].by {
			if p.govs[m].other >= 0 {
				return actor{kind: actorRef, ref: p.govs[m].other}
			}
			return actor{kind: actorSelf}
		}
	}
	if ts, ok := p.typeWordEnding(j); ok {
		b := ts - 1
		switch {
		case p.word(b) == "thao" && p.word(b-1) == "du":
			return actor{kind: actorNone}
		case b < 0 || sentenceBound(p.kind(b)) || p.kind(b) == tColon || p.kind(b) == tSemi:
			return actor{kind: actorSelf}
		case p.word(b) == "hanh" && p.word(b-1) == "ban":
			if m, ok := p.refBefore(b - 2); ok {
				return actor{kind: actorRef, ref: m}
			}
			return actor{kind: actorSelf}
		case p.word(ts) == "van" && p.word(ts+1) == "ban":
			return actor{kind: actorNone} // "các văn bản sửa đổi, bổ sung": generic
		case p.repeatsType(ts, j):
			// "Nghị định số A Nghị định sửa đổi, bổ sung …": A's trích yếu
			return actor{kind: actorRef, ref: int(p.toks[b].ref)}
		}
		return actor{kind: actorName, before: ts - 1}
	}
	// "8 nhiệm vụ thực hiện Nghị quyết …": a relative clause of a noun is
	// the text's act only when the clause's subject is the text ("Kế hoạch
	// này đề ra các nhiệm vụ thực hiện …")
	self := actor{kind: actorSelf}
	if p.relativeHead(j) {
		self = actor{kind: actorNone}
	}
	np := false // a word stands between the verb and the token at j
	// a verb right after a comma or "và" has no subject of its own: it goes
	// on with the clause before ("hướng dẫn nhiệm vụ, quyền hạn, sửa đổi …")
	sharesSubject := p.kind(j) == tComma || p.word(j) == fVa
	for content := 0; j >= 0; j-- {
		switch p.toks[j].kind {
		case tRef:
			return actor{kind: actorRef, ref: int(p.toks[j].ref)}
		case tSemi:
			// "Thông tư số … Quy định về …; sửa đổi, bổ sung … Thông tư số
			// …": a verb opening a clause of a reference's trích yếu
			if m, ok := p.titleOwner(j); ok {
				return actor{kind: actorRef, ref: m}
			}
			return self
		case tStop, tBreak, tItem, tColon:
			return self
		case tComma:
			if content > 0 && !sharesSubject && p.closesLeadIn(j) {
				// "Căn cứ Quyết định số A …, các huyện quán triệt Kết luận số
				// B": A is the lead-in's ground, not the verb's subject
				return self
			}
			continue
		case tOpen:
			continue
		case tClose:
			if p.kind(j-1) == tRef {
				// "Luật Đất đai (số 45/2013/QH13) được sửa đổi bởi …",
				// "Nghị định … (sau đây gọi là Nghị định số …) được thay
				// thế bởi …": the number of what the parentheses follow is
				// the subject (parenDescribes' other reading)
				if r := int(p.toks[j-1].ref); p.namesNumber(r, j) {
					return actor{kind: actorRef, ref: r}
				}
			}
			j = p.skipParenBack(j)
			continue
		case tQuote:
			j = p.skipQuoteBack(j)
			continue
		}
		if p.word(j) == fNay && p.selfNPEnding(j) {
			return actor{kind: actorSelf}
		}
		if g.rel.Changes() && p.directive(j) {
			// "Sở Tư pháp đề nghị bãi bỏ Quyết định số …": a change asked
			// of others is not made by the text. An implementation asked
			// of others is how a directive text (Công văn, Công điện)
			// implements: "UBND tỉnh yêu cầu các sở thực hiện nghiêm Chỉ
			// thị số …" keeps its relation
			return actor{kind: actorNone}
		}
		if p.word(j) == fLa && np && !p.copulaOfText(j) {
			// "Dự án là một trong những công trình trọng điểm thực hiện
			// Nghị quyết …", "Nghị quyết này là cơ sở để sửa đổi …": the
			// verb is in the noun phrase said of the copula's subject, not
			// the text's act
			return actor{kind: actorNone}
		}
		if w := p.word(j); w != "de" && w != "nham" {
			np = true // "Mục đích là (để) triển khai …": a verb right after "là" is not in a noun phrase
		}
		if g2, ok := p.groupEnding(j); ok && !g2.passive && content <= 4 {
			// the verb is in the object of another: "hướng dẫn một số nội
			// dung thực hiện Quyết định số …"
			a := p.actorOf(g2)
			if g.rel == Implements && g2.rel == Guides {
				a.rel = Guides
			}
			return a
		}
		content++
		if content > scanBudget {
			break
		}
	}
	return self
}

// repeatsType reports a type word at tokens ts..te that repeats the type
// of the reference right before it, opening the reference's trích yếu as
// Pháp điển's notes and some headings write it: "Nghị định số 94/2021/NĐ-CP
// Nghị định sửa đổi, bổ sung Điều 14 của Nghị định số …", "Thông tư liên
// tịch số … Thông tư hướng dẫn …", "Luật số … Luật sửa đổi, bổ sung …". The
// verb after it is the reference's, as with no type word between. Another
// type's word names another document ("Nghị định số A Thông tư hướng dẫn
// …").
func (p *relPass) repeatsType(ts, te int) bool {
	if p.kind(ts-1) != tRef {
		return false
	}
	t, n, ok := p.typeWordAt(ts, te)
	if !ok || n != te-ts+1 {
		return false
	}
	own := p.refs[p.toks[ts-1].ref].Type
	return own == t.Name || strings.HasPrefix(own, t.Name+" ")
}

// copulaOfText reports a copula "là" at token j whose subject the walk
// already reads as an actor: a reference before it in the clause ("Kế hoạch
// số 236/KH-UBND là …"). A copula of another subject ("Dự án là …"), of a
// bare type word ("Kế hoạch là văn bản …") or of the text's own document
// ("Nghị quyết này là cơ sở để …") hides the verb: what follows "là" says
// what the subject is for, not what the text does.
func (p *relPass) copulaOfText(j int) bool {
	_, ok := p.refBefore(j - 1)
	return ok
}

// directive reports a verb at token j by which someone asks others to act
// ("yêu cầu", "đề nghị"): a verb after it, with or without the addressee
// between ("đề nghị bãi bỏ …", "yêu cầu các sở sửa đổi …"), is what is
// asked. actorOf reads a change asked so as not done; an implementation
// asked stays the text's (a directive text implements by asking).
func (p *relPass) directive(j int) bool {
	switch p.word(j) {
	case "cau":
		return p.word(j-1) == "yeu"
	case "nghi":
		return p.word(j-1) == "de"
	}
	return false
}

// relativeHead reports a noun at token j that a verb after it describes:
// "nhiệm vụ", "giải pháp", "biện pháp", "dự án" + "thực hiện …".
func (p *relPass) relativeHead(j int) bool {
	switch p.word(j) {
	case "vu":
		return p.word(j-1) == "nhiem"
	case "an":
		return p.word(j-1) == "du"
	case "phap":
		return p.word(j-1) == "giai" || p.word(j-1) == "bien"
	}
	return false
}

// nominal reports a word before a verb that makes it a noun: "việc sửa
// đổi", "hai năm thực hiện", "kết quả triển khai", "tình hình thực hiện",
// "sơ kết, tổng kết, đánh giá việc thực hiện".
func (p *relPass) nominal(j int) bool {
	switch p.word(j) {
	case "viec":
		return p.word(j-1) != "ve" // "về việc …" opens a trích yếu
	case "nam", "thang", "qua", "hinh", "ket", "gia", "trinh":
		return !p.toks[j].digit
	}
	return false
}

// titleOwner finds the reference whose trích yếu a sentence is: the
// sentence (up to token k) opens with that reference, a clause subject
// followed by an active verb of its title.
func (p *relPass) titleOwner(k int) (int, bool) {
	j := k
	for j > 0 && !sentenceBound(p.kind(j-1)) && j > k-400 {
		j--
	}
	if p.kind(j) != tRef {
		if _, b := p.partBefore(p.firstRefAfter(j, k) - 1); b != j-1 {
			return 0, false
		}
	}
	m := p.firstRefAfter(j, k)
	if m >= len(p.toks) || p.kind(m) != tRef {
		return 0, false
	}
	r := int(p.toks[m].ref)
	if !p.out[r].subject || p.out[r].rel != Mentions {
		return 0, false
	}
	if g, _, ok := p.groupAt(m + 1); !ok || g.passive || g.intrans {
		return 0, false
	}
	return r, true
}

// firstRefAfter returns the token of the first reference in j..k, or k+1.
func (p *relPass) firstRefAfter(j, k int) int {
	for ; j <= k; j++ {
		if p.kind(j) == tRef {
			return j
		}
	}
	return k + 1
}

// refBefore finds a reference before token k in the same sentence.
func (p *relPass) refBefore(k int) (int, bool) {
	for j := k; j >= 0 && j > k-scanBudget; j-- {
		switch t := p.toks[j].kind; {
		case t == tRef:
			return int(p.toks[j].ref), true
		case sentenceBound(t) || t == tSemi || t == tColon:
			return 0, false
		}
	}
	return 0, false
}

// selfNPEnding reports "này" at token j closing "Quyết định này", "Điều này".
func (p *relPass) selfNPEnding(j int) bool {
	if p.word(j) != fNay {
		return false
	}
	if p.isUnitStart(j - 1) {
		return true
	}
	_, ok := p.typeWordEnding(j - 1)
	return ok
}

// agent reads a passive's agent, reference i: it does g to the passive's
// subject. A subject only mentioned until then takes the relation too.
func (p *relPass) agent(i int, g group) gov {
	s := p.passiveSubject(g, i)
	if s.kind == actorNone {
		// no subject the agent can change: a reference the passive was
		// already read of is it, else the agent is only mentioned
		if m, ok := p.waiting(g.start, i); ok {
			s = actor{kind: actorRef, ref: m}
		}
		if s.kind == actorNone {
			return mentionGov
		}
	}
	r := gov{rel: g.rel, by: true, other: -1}
	switch s.kind {
	case actorRef:
		r.other = s.ref
		r.embedded = p.out[s.ref].embedded // an agent in a trích yếu belongs to it
		if o := &p.out[s.ref]; o.rel == Mentions || o.pending == g.start {
			o.rel, o.other, o.by, o.name, o.pending = g.rel, i, false, "", -1
			o.partial = o.partial || g.partial
		}
	case actorName:
		r.name = s.name
	}
	for _, m := range p.pendingAt[g.start] {
		if o := &p.out[m]; m < i && o.pending == g.start {
			o.other, o.pending = i, -1
			if m != r.other && isStatuteType(p.refs[m].Type) && !changesStatutes(&p.refs[i]) {
				// an earlier item of the subject list the agent cannot
				// change (force.go): "Luật … và Nghị định số A được sửa đổi
				// bởi Nghị định số B" amends the decree only
				o.rel, o.other, o.partial = Mentions, -1, false
			}
		}
	}
	p.out[i].partial = p.out[i].partial || g.partial
	return r
}

// waiting is the first reference before i whose passive at token start
// still waits for its agent (pendingAt: only those references can, so an
// agent costs what its passive's subjects do, not every reference before
// it — BenchmarkParseRefsPassives).
func (p *relPass) waiting(start, i int) (int, bool) {
	for _, m := range p.pendingAt[start] {
		if m < i && p.out[m].pending == start {
			return m, true
		}
	}
	return 0, false
}

// passiveSubject finds what a passive verb group, whose agent is
// reference agent, is said of: the nearest reference before it, the text's
// own document ("Điều này được sửa đổi"), or a document named without
// number ("Luật PPP (được sửa đổi …)") that the agent can change
// (force.go): a statute named in a decree's trích yếu is its object, and
// the walk goes on to the decree ("Nghị định số A … thi hành Luật X được
// sửa đổi bởi Nghị định số B"); with no reference in the clause the
// agent changes nothing the text names (actorNone). A passive joined by
// "và" to another one shares its subject. Past scanBudget words with no
// name found, the walk looks back up to lookBack words for the reference
// whose long trích yếu this is, stopping at a clause opened by a lead-in
// head ("; căn cứ …").
func (p *relPass) passiveSubject(g group, agent int) actor {
	j := g.from - 1
	if p.word(j) == fVa || p.kind(j) == tComma {
		if g2, ok := p.passiveBefore(j - 1); ok {
			return p.passiveSubject(g2, agent)
		}
	}
	last := j         // the subject's last token
	named := -1       // the first word of the nearest document named in the subject ("Hiến pháp nước …")
	rejected := false // a statute named in the clause that the agent cannot change
	for content := 0; j >= 0; j-- {
		switch p.toks[j].kind {
		case tRef:
			if a, ok := p.annexHost(j); ok {
				// "Kế hoạch số A kèm theo Quyết định số B được thay thế bởi
				// …": A, issued with B
				return actor{kind: actorRef, ref: a}
			}
			return actor{kind: actorRef, ref: int(p.toks[j].ref)}
		case tStop, tBreak, tItem, tColon:
			return p.subjectNamed(named, last, rejected)
		case tSemi:
			if c, _ := p.cueAt(j+1, roleHead); content > scanBudget && c != nil {
				return p.subjectNamed(named, last, rejected)
			}
			continue
		case tOpen, tComma:
			continue
		case tClose:
			if p.kind(j-1) == tRef {
				// "Luật Đất đai (số 45/2013/QH13) được sửa đổi bởi …",
				// "Nghị định … (sau đây gọi là Nghị định số …) được thay
				// thế bởi …": the number of what the parentheses follow is
				// the subject (parenDescribes' other reading)
				if r := int(p.toks[j-1].ref); p.namesNumber(r, j) {
					return actor{kind: actorRef, ref: r}
				}
			}
			j = p.skipParenBack(j)
			continue
		case tQuote:
			j = p.skipQuoteBack(j)
			continue
		}
		if p.word(j) == fNay && p.selfNPEnding(j) {
			return actor{kind: actorSelf}
		}
		if content == 0 {
			if name, ts, ok := p.namedDocEnding(j); ok {
				if p.canChange(agent, ts) {
					return actor{kind: actorName, name: name}
				}
				rejected = true
			}
		}
		if named < 0 && !rejected && p.toks[j].cap && p.toks[j].lex&lexType != 0 {
			if named = p.namedAt(j, last); named >= 0 && !p.canChange(agent, named) {
				named, rejected = -1, true
			}
		}
		content++
		if content > scanBudget && (named >= 0 || content > lookBack) {
			break
		}
	}
	return p.subjectNamed(named, last, rejected)
}

// namesNumber reports whether reference r, closing the parentheses at
// token k, is the number of what stands before them: they follow words and
// hold r after nothing, "số" or an alias's words (parenDescribes).
func (p *relPass) namesNumber(r, k int) bool {
	open := p.skipParenBack(k)
	return open != k && open > 0 && open < p.at[r] && p.kind(open-1) == tWord && !p.parenDescribes(r, k)
}

// namedAt returns j when a type name opens at token j and a capitalized
// name follows it before token last ("Luật Công đoàn", "Hiến pháp nước Cộng
// hòa …"), else -1.
func (p *relPass) namedAt(j, last int) int {
	for e := j; e <= last && e < j+doctype.MaxWords; e++ {
		if ts, ok := p.typeWordEnding(e); ok && ts == j && p.capitalAfter(e, last) {
			return j
		}
	}
	return -1
}

// capitalAfter reports a capitalized word in tokens j+1..last: the name
// after a type word ("Bộ luật Lao động", "Hiến pháp nước Cộng hòa …").
func (p *relPass) capitalAfter(j, last int) bool {
	for k := j + 1; k <= last; k++ {
		if p.kind(k) == tWord && p.toks[k].cap {
			return true
		}
	}
	return false
}

// subjectNamed is the subject of a passive whose clause names no reference:
// the document it names without number, from its type word at token named
// to the subject's end at token last ("Hiến pháp nước Cộng hòa xã hội chủ
// nghĩa Việt Nam đã được sửa đổi … theo Nghị quyết số …", "Bộ luật Lao
// động được sửa đổi bởi …": a capitalized type word and a capitalized
// name), else the text's own document ("Điều 5 được sửa đổi bởi …"), or
// nobody when the clause named only a statute the agent cannot change.
func (p *relPass) subjectNamed(named, last int, rejected bool) actor {
	if named < 0 && rejected {
		return actor{kind: actorNone}
	}
	if named < 0 {
		return actor{kind: actorSelf}
	}
	for last > named && p.kind(last) != tWord {
		last--
	}
	return actor{kind: actorName, name: p.spanText(named, last)}
}

// passiveBefore finds, back from token j in the same clause, a passive verb
// group followed by its agent: "(được sửa đổi bởi A và được bãi bỏ một phần
// bởi B)" — the second passive shares the first one's subject.
func (p *relPass) passiveBefore(j int) (group, bool) {
	for n := 0; j >= 0 && n < scanBudget; j-- {
		switch p.toks[j].kind {
		case tStop, tBreak, tItem, tSemi, tColon, tOpen:
			return group{}, false
		case tWord:
			n++
			if ms, ok := p.agentMarkerEnding(j); ok {
				if g, ok := p.groupEnding(p.skipPartialBack(ms - 1)); ok && g.passive {
					return g, true
				}
			}
		}
	}
	return group{}, false
}

// agentive reports relations whose passive names an actor: "được sửa đổi
// bởi", "được hướng dẫn tại". "Được thực hiện theo quy định của …" does not.
func agentive(r Relation) bool { return r != Implements && r != BasedOn && r != Mentions }

// basisHead reports whether the clause holding token k opens with a "Căn
// cứ" head and no reference stands between: the head governs across the
// commas of a long title ("Căn cứ Luật Nhập cảnh, xuất cảnh, … số …").
func (p *relPass) basisHead(k int) (gov, bool) {
	for j := k - 1; j >= 0 && j > k-200; j-- {
		switch t := p.toks[j].kind; {
		case t == tRef || t == tOpen:
			return gov{}, false
		case sentenceBound(t) || t == tSemi || t == tColon:
			if c, _ := p.cueAt(j+1, roleHead); c != nil && c.rel == BasedOn {
				return gov{rel: BasedOn, other: -1}, true
			}
			return gov{}, false
		}
	}
	return gov{}, false
}

// namedDocEnding reads a document named without number ending at token j:
// a capitalized type word followed by capitalized words ("Luật PPP", "Luật
// Doanh nghiệp"), and the token its type word opens at.
func (p *relPass) namedDocEnding(j int) (string, int, bool) {
	if p.kind(j) != tWord || !p.toks[j].cap {
		return "", 0, false
	}
	for b := j - 1; b >= 0 && b > j-8 && p.kind(b) == tWord; b-- {
		if ts, ok := p.typeWordEnding(b); ok {
			if p.toks[ts].cap && p.toks[b+1].cap {
				return p.spanText(ts, j), ts, true
			}
			return "", 0, false
		}
	}
	return "", 0, false
}

// agentGroup reads the passive verb group whose agent marker ends at token
// k ("được sửa đổi, bổ sung bởi", "được sửa đổi một số điều tại",
// "sửa đổi bởi"): the reference after the marker is its agent. A colon
// after the marker lists its agents ("bởi: Nghị định B; Nghị định C":
// walk).
func (p *relPass) agentGroup(k int) (group, bool) {
	ms, ok := p.agentMarkerEnding(k)
	if !ok {
		return group{}, false
	}
	some := p.skipPartialBack(ms-1) != ms-1 // "một số điều" before the marker
	g, ok := p.groupEnding(p.skipPartialBack(ms - 1))
	if !ok && p.kind(ms-1) == tComma && p.word(ms) == fBoi {
		// a stray comma before "bởi" ("được sửa đổi, bổ sung, bởi Luật
		// số …"): "bởi" has no other reading after a passive
		if g, ok = p.groupEnding(ms - 2); ok && !g.passive {
			ok = false
		}
	}
	if !ok || !(g.passive || p.word(k) == fBoi || p.barePassive(g, some)) || !agentive(g.rel) {
		return group{}, false
	}
	g.partial = g.partial || some
	return g, true
}

// agentMarkerEnding reads an agent marker ending at token k: "bởi", "bằng",
// "tại", "theo", "theo quy định tại", "theo quy định của", "theo hướng quy
// định tại". It returns the marker's first token.
func (p *relPass) agentMarkerEnding(k int) (int, bool) {
	switch p.word(k) {
	case fBoi, fBang:
		return k, true
	case fTheo:
		return k, true
	case fTai, fCua:
		if p.word(k-1) == "dinh" && p.word(k-2) == "quy" {
			if p.word(k-3) == fTheo {
				return k - 3, true
			}
			if p.word(k-3) == "huong" && p.word(k-4) == fTheo {
				return k - 4, true
			}
		}
		if p.word(k) == fTai {
			return k, true
		}
	}
	return k, false
}

// closesLeadIn reports a comma at token k closing a lead-in: its clause
// opens with a head of grounds or of what is implemented ("Căn cứ …",
// "Thực hiện …", "Trên cơ sở …") and lists a reference before the comma.
// What follows is the sentence's own clause, with its own subject.
func (p *relPass) closesLeadIn(k int) bool {
	ref := false
	for j := k - 1; j >= 0 && j > k-200; j-- {
		switch t := p.toks[j].kind; {
		case t == tRef:
			ref = true
		case sentenceBound(t) || t == tSemi || t == tColon:
			c, _ := p.cueAt(j+1, roleHead)
			return ref && c != nil && (c.rel == BasedOn || c.rel == Implements)
		}
	}
	if k < 200 {
		c, _ := p.cueAt(0, roleHead)
		return ref && c != nil && (c.rel == BasedOn || c.rel == Implements)
	}
	return false
}
