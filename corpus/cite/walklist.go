package cite

import "strings"

// Lists and clause heads in the walk: the item before a reference, what
// it passes on, a list's head and a heading of grounds, the clause's head,
// and the step over an item whose number is broken.

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

// subjectItem reports whether a reference joined by a conjunction to
// reference m, inheriting g from it, is another subject of m's clause: m
// opens the clause and governs nothing ("Nghị định số A, Nghị định số B và
// Thông tư số C được thay thế bởi …": B and C are subjects as A is, and a
// predicate after the list is said of each).
func (p *relPass) subjectItem(m int, g gov) bool {
	return p.out[m].subject && g.rel == Mentions && !g.embedded
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
func (p *relPass) segStart(i, k int) (gov, bool) {
	switch p.kind(k) {
	case tSemi:
		if g, ok := p.carried(i, k); ok {
			return g, false
		}
	case tColon, tItem, tBreak:
		if g, ok := p.listHead(i, k); ok {
			return g, false
		}
	}
	return mentionGov, true
}

// carried is the relation a clause after ";" inherits: the head opening its
// sentence ("Căn cứ Luật …; Nghị định …"), else that of the last reference
// listed in the clause before ("thay thế Nghị định số A …; Nghị định số B").
// A relation between two other documents (an agent's: "Luật A (được sửa
// đổi, bổ sung bởi Luật B); Luật C", "Luật A được sửa đổi bởi Luật B, Luật
// C; Nghị định D") stops at the ";": the item after it is a new item of the
// list (listed).
func (p *relPass) carried(i, k int) (gov, bool) {
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
	if last < 0 {
		return gov{}, false
	}
	if p.govs[last].said {
		// the clause before was a subject (list) with its own predicate
		// ("Nghị định số A, Nghị định số B đã hết hiệu lực; Nghị định số C
		// được thay thế bởi D"): the item after ";" opens a clause of its
		// own and reads its own predicate and date (one that reached past
		// ";" to it is its own as well)
		return gov{}, false
	}
	g := p.coItem(last)
	if !g.thirdParty() {
		return g, true
	}
	return p.listed(i, k, b, last, g)
}

// listed is the relation of the item after the ";" at token k when the
// clause before it (from token b) ends with the agent last of a passive,
// whose relation is g. By the list's structure: the item holding the passive
// passes on its list's relation (a ground under "Căn cứ:", in a grounds cell
// or after "căn cứ" inside a sentence; the text's own repeal: "bãi bỏ Nghị
// định A được sửa đổi bởi Điều 1 Nghị định B; Điều 5 Nghị định C" — C is
// repealed), and so does the head of the list the clause is an item of when
// no reference holds the passive ("- Luật Đất đai được sửa đổi bởi …; Nghị
// định …" under "Căn cứ:"). Only a passive whose subject lists nothing (it
// is itself the changed text) lists more agents across ";": after a colon
// ("được sửa đổi bởi: Nghị định B; Nghị định C"), or, outside brackets, each
// naming the part that acts as Pháp điển's notes list them ("Điều 5 Thông
// tư số A được sửa đổi bởi Điều 1 Thông tư số B …; Điều 3 Thông tư số C
// …"), never an item that cannot change the passive's subject (force.go: a
// decree after a law's amending law). After a whole text as the agent an
// item naming its part is the list's next ("… bởi Nghị định B; Điều 5 Nghị
// định C"); with no list it is read on its own (a mention, or the subject
// of its own predicate).
func (p *relPass) listed(i, k, b, last int, g gov) (gov, bool) {
	open := !p.closesBefore(last, k)
	if open && p.kind(b) == tColon && p.agentOpens(b+1, k) {
		if p.mayAct(i, g) {
			return g, true
		}
		return gov{}, false
	}
	held := false
	for j := p.at[last] - 1; j > b; j-- {
		if p.kind(j) != tRef {
			continue
		}
		m := int(p.toks[j].ref)
		if h := p.coItem(m); !p.out[m].embedded && !p.closesBefore(m, k) && !h.thirdParty() {
			if h.rel != Mentions {
				return h, true
			}
			held = true
			break
		}
	}
	if !held && b >= 0 && p.kind(b) != tStop {
		if h, ok := p.listHead(i, b); ok {
			return h, true
		}
	}
	if open && p.out[i].part != "" && p.out[last].part != "" && p.mayAct(i, g) {
		return g, true
	}
	return gov{}, false
}

// mayAct reports whether reference i can be one more agent of the passive
// whose agent's relation is g: a statute it acts on (by reference or by
// name) is changed only by an act of the Assembly (force.go); any text may
// guide one.
func (p *relPass) mayAct(i int, g gov) bool {
	switch {
	case !g.rel.Changes():
		return true
	case g.other >= 0:
		return !isStatuteType(p.refs[g.other].Type) || changesStatutes(&p.refs[i])
	case g.name != "":
		return !statuteNamed(g.name) || changesStatutes(&p.refs[i])
	}
	return true
}

// agentOpens reports whether the first reference between tokens from and
// to is an agent (By): the clause is an item of a list of agents.
func (p *relPass) agentOpens(from, to int) bool {
	for j := max(from, 0); j < to; j++ {
		if p.kind(j) == tRef {
			return p.out[p.toks[j].ref].by
		}
	}
	return false
}

// thirdParty reports a relation between two other documents: an agent's,
// or one whose other end is another reference or a name.
func (g gov) thirdParty() bool { return g.by || g.other >= 0 || g.name != "" }

// closesBefore reports whether the brackets holding reference m close
// before token k.
func (p *relPass) closesBefore(m, k int) bool {
	depth := 0
	for j := p.at[m] + 1; j < k; j++ {
		switch p.kind(j) {
		case tOpen:
			depth++
		case tClose:
			if depth == 0 {
				return true
			}
			depth--
		}
	}
	return false
}

// listHead finds the clause ending in ":" that heads the list whose item
// opens at token k, and the relation it gives its items ("Bãi bỏ các văn bản
// sau:", "Các Nghị định sau hết hiệu lực kể từ …:", "Căn cứ:"). A passive's
// agent marker before the colon lists its agents ("được sửa đổi, bổ sung
// bởi:" and one a line): item i is an agent, as inline (walk), where it
// may act on the subject (mayAct).
func (p *relPass) listHead(i, k int) (gov, bool) {
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
	if g, ok := p.agentGroup(j - 1); ok {
		if a := p.agent(i, g); p.mayAct(i, a) {
			return a, true
		}
		return mentionGov, true // a decree among a law's agents
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
