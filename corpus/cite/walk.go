package cite

// The walk back from a reference to what governs it: a verb (and its
// subject), the agent marker of a passive, a clause head, the previous item
// of a list, the start of the clause, or a barrier that leaves it a mention.

const (
	objectBudget = 12 // content words a verb may stand before its object
	scanBudget   = 60 // words read back for a subject or a list's previous item
)

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

var mentionGov = gov{rel: Mentions, other: -1}

// walk reads back from token k, the token before reference i and its part.
// It returns how the reference is governed and whether it opens its clause.
func (p *relPass) walk(i, k int) (gov, bool) {
	content := 0
	partial := false
	mention := false // a barrier was passed: only a clause head may still govern
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
			if mention || content > 0 {
				if g, ok := p.basisHead(k); ok {
					return g, false
				}
				return p.mentionAt(k), false
			}
			if m, ok := p.prevItem(k); ok {
				return p.coItem(m), false
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
				return p.coItem(m), false
			}
		}
		if !mention {
			if ms, ok := p.agentMarkerEnding(k); ok {
				if g, ok := p.groupEnding(p.skipPartialBack(ms - 1)); ok && (g.passive || f == fBoi) && agentive(g.rel) {
					return p.agent(i, g), false
				}
			}
			if g, ok := p.groupEnding(k); ok {
				switch {
				case g.passive || (g.intrans && p.word(k+1) != fCua):
					return mentionGov, false
				case content > objectBudget:
					mention = true
					k = g.start - 1
					continue
				}
				a := p.actorOf(g)
				if a.kind == actorName && p.namedType(i) {
					// "Luật sửa đổi, bổ sung … của Luật X số …": the verb is in the
					// reference's own name; go on before the name.
					k, content, partial = a.before, 0, false
					continue
				}
				p.out[i].partial = p.out[i].partial || partial || g.partial
				return p.govern(g, a), false
			}
		}
		if c, s := p.cueEnding(k, roleHead|roleMention); c != nil && p.opensClause(s) && (c.rel == BasedOn || p.kind(s-1) != tComma) {
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
			if t == tItem && p.toks[j].mark != mark {
				return gov{}, false
			}
			if t == tBreak && p.kind(j+1) != tItem && p.kind(j-1) != tColon && p.kind(j-1) != tSemi {
				return gov{}, false
			}
		}
	}
	return p.headClause(j)
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
		}
		return actor{kind: actorName, before: ts - 1}
	}
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
			return actor{kind: actorSelf}
		case tStop, tBreak, tItem, tColon:
			return actor{kind: actorSelf}
		case tOpen, tComma:
			continue
		case tClose:
			j = p.skipParenBack(j)
			continue
		case tQuote:
			j = p.skipQuoteBack(j)
			continue
		}
		if p.word(j) == fNay && p.selfNPEnding(j) {
			return actor{kind: actorSelf}
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
	return actor{kind: actorSelf}
}

// nominal reports a word before a verb that makes it a noun: "việc sửa
// đổi", "hai năm thực hiện", "kết quả triển khai", "tình hình thực hiện",
// "sơ kết, tổng kết, đánh giá việc thực hiện".
func (p *relPass) nominal(j int) bool {
	switch p.word(j) {
	case "viec":
		return p.word(j-1) != "ve" // "về việc …" opens a trích yếu
	case "nam", "qua", "hinh", "ket", "gia", "trinh":
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
	s := p.passiveSubject(g)
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
	for m := range p.out[:i] {
		if o := &p.out[m]; o.pending == g.start {
			o.other, o.pending = i, -1
		}
	}
	p.out[i].partial = p.out[i].partial || g.partial
	return r
}

// passiveSubject finds what a passive verb group is said of: the nearest
// reference before it, the text's own document ("Điều này được sửa đổi"),
// or a document named without number ("Luật PPP (được sửa đổi …)"). A passive
// joined by "và" to another one shares its subject.
func (p *relPass) passiveSubject(g group) actor {
	j := g.from - 1
	if p.word(j) == fVa || p.kind(j) == tComma {
		if g2, ok := p.passiveBefore(j - 1); ok {
			return p.passiveSubject(g2)
		}
	}
	for content := 0; j >= 0; j-- {
		switch p.toks[j].kind {
		case tRef:
			return actor{kind: actorRef, ref: int(p.toks[j].ref)}
		case tStop, tBreak, tItem, tColon:
			return actor{kind: actorSelf}
		case tOpen, tComma, tSemi:
			continue
		case tClose:
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
			if name, ok := p.namedDocEnding(j); ok {
				return actor{kind: actorName, name: name}
			}
		}
		content++
		if content > scanBudget {
			break
		}
	}
	return actor{kind: actorSelf}
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
// Doanh nghiệp").
func (p *relPass) namedDocEnding(j int) (string, bool) {
	if p.kind(j) != tWord || !p.toks[j].cap {
		return "", false
	}
	for b := j - 1; b >= 0 && b > j-8 && p.kind(b) == tWord; b-- {
		if ts, ok := p.typeWordEnding(b); ok {
			if p.toks[ts].cap && p.toks[b+1].cap {
				return p.spanText(ts, j), true
			}
			return "", false
		}
	}
	return "", false
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

// attachedNoun reports an attached document's noun ending at token j.
func (p *relPass) attachedNoun(j int) bool {
	for _, n := range attachedNouns {
		if p.word(j) == n[1] && p.word(j-1) == n[0] {
			return true
		}
	}
	return false
}

// skipParenBack returns the "(" matching the ")" at token k, or k.
func (p *relPass) skipParenBack(k int) int {
	depth := 0
	for j := k; j >= 0 && j > k-120; j-- {
		switch p.toks[j].kind {
		case tClose:
			depth++
		case tOpen:
			depth--
			if depth == 0 {
				return j
			}
		case tStop, tBreak, tItem:
			return k
		}
	}
	return k
}

// skipQuoteBack returns the quotation mark opening the quote that closes at
// token k, or k.
func (p *relPass) skipQuoteBack(k int) int {
	for j := k - 1; j >= 0 && j > k-120; j-- {
		switch p.toks[j].kind {
		case tQuote:
			return j
		case tStop, tBreak, tItem:
			return k
		}
	}
	return k
}
