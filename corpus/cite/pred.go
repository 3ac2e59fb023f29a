package cite

// Predicates after a reference, and the effect date of each relation.

// predicate looks after reference i, a clause subject or a mention, for the
// predicate that governs it: an intransitive one ("hết hiệu lực") governs the
// whole subject list before it; a passive one ("được sửa đổi, bổ sung bởi …")
// only its nearest subject, whose actor the agent names (agent, walk.go).
func (p *relPass) predicate(i int) {
	o := &p.out[i]
	if !p.hotUntil(i, o.subject) {
		return
	}
	if _, ok := p.annexHost(p.at[i]); ok {
		return // where the document before it was issued: a mention
	}
	if lp := p.listPassiveOf(i); lp.set {
		p.listPassiveTo(i, lp)
		return
	}
	p.coRefs = p.coRefs[:0]
	plain := true    // nothing crossed that reads otherwise from a later item
	crossed := false // a later item of the subject list lies between
	nearer := false  // another reference lies between: a passive is said of it
	titled := false  // an active verb was crossed: what follows is a trích yếu
	depth := 0       // parentheses opened after i and not skipped (no ")" found)
	for k, content := p.at[i]+1, 0; k < len(p.toks) && content < 60; {
		switch p.toks[k].kind {
		case tStop, tBreak, tItem, tColon:
			return
		case tSemi:
			if !p.listContinues(k + 1) {
				return
			}
			crossed = true
			k++
			continue
		case tOpen:
			// "Nghị định số … (hết hiệu lực từ 01/7/2026)": a predicate in
			// parentheses right after the reference
			if k == p.at[i]+1 {
				if g, n, ok := p.groupAt(k + 1); ok && g.intrans && !g.passive {
					p.intrans(i, g, n)
					return
				}
				// "Nghị định số … (bị thay thế bởi Nghị định này kể từ
				// …)": the text's own act, said of the reference
				if g, e, dated, ok := p.parenSelfPassive(k); ok {
					p.listPassiveTo(i, listPassive{g: g, eff: e, dated: dated, set: true})
					return
				}
			}
			if e := p.skipParen(k); e > k {
				k = e + 1
			} else {
				depth++ // not closed in the sentence: read on inside it
				plain = false
				k++
			}
			continue
		case tClose:
			if depth > 0 {
				depth--
			} else if p.parenDescribes(i, k) {
				return // what follows ")" is said of what the parentheses describe
			}
			plain = false
			k++
			continue
		case tQuote:
			k = p.skipQuote(k) + 1
			continue
		case tRef:
			if !o.subject {
				return // a mention governs nothing beyond the next reference
			}
			if _, ok := p.annexHost(k); ok {
				k++ // "Kế hoạch số A kèm theo Quyết định số B": where A was issued
				continue
			}
			co := p.coItemAhead(k)
			if co {
				crossed = true
			}
			// a later subject of the same list, joined by ",", "và" or
			// "hoặc" before any verb: a passive after the list is said of
			// every item ("Nghị định số A, Nghị định số B và Thông tư số C
			// được thay thế bởi …"); one after ";" or inside a trích yếu is
			// said of the nearer reference only
			if !co || titled || !p.listJoined(k) {
				nearer = true
			} else if !nearer {
				p.coRefs = append(p.coRefs, int(p.toks[k].ref))
			}
			k++
			continue
		case tComma:
			k++
			continue
		}
		if p.toks[k].lex&lexFirst == 0 {
			content++
			k++
			continue
		}
		if p.word(k) == "co" {
			if e, n, ok := p.effectAt(k); ok {
				if e.until != "" && !crossed && o.until == "" {
					o.until = e.until
				}
				plain = false
				k = n
				continue
			}
		}
		if n, ok := p.selfNP(k); ok && n > k+1 && !p.isUnitStart(k) {
			return // another subject: "… ; Quyết định này …"
		}
		g, n, ok := p.groupAt(k)
		if !ok {
			content++
			k++
			continue
		}
		switch {
		case g.intrans && !g.passive:
			p.intrans(i, g, n)
			return
		case g.passive:
			agent := p.agentAhead(n)
			self := !agent && p.selfAgentAhead(n)
			if nearer || (!agent && !self && (titled || !p.predicateEnds(n))) {
				// said of a nearer reference, or inside a trích yếu ("người
				// bị tạm đình chỉ công tác")
				k = n
				continue
			}
			lp := listPassive{g: g, agent: agent, set: true}
			if self {
				lp.eff, lp.dated = p.selfAgentDate(n)
			}
			p.listPassiveTo(i, lp)
			if plain && len(p.coRefs) > 0 {
				// the later items crossed find this passive as i did
				if p.listPassive == nil {
					p.listPassive = make([]listPassive, len(p.refs))
				}
				for _, j := range p.coRefs {
					p.listPassive[j] = lp
				}
			}
			return
		}
		titled = true
		k = n // an active verb: the reference's trích yếu
	}
}

// passive gives reference i, a subject, the passive predicate g; with an
// agent after it, i waits for it (agent, actor.go).
func (p *relPass) passive(i int, g group, agent bool) {
	o := &p.out[i]
	o.rel, o.by, o.other, o.name = g.rel, false, -1, ""
	o.partial = o.partial || g.partial
	if agent {
		o.pending = g.start
		if p.pendingAt == nil {
			p.pendingAt = map[int][]int{}
		}
		p.pendingAt[g.start] = append(p.pendingAt[g.start], i)
	}
}

// listPassiveTo gives reference i, a subject, the passive lp and the date
// its self agent states (selfAgentDate).
func (p *relPass) listPassiveTo(i int, lp listPassive) {
	p.passive(i, lp.g, lp.agent)
	if lp.dated {
		p.out[i].eff, p.out[i].effSet = lp.eff, true
	}
}

// listPassiveOf is the passive an earlier item of reference i's subject
// list found after i, when i is a subject whose own walk would find it:
// no parentheses right after i, which may hold its own predicate.
func (p *relPass) listPassiveOf(i int) listPassive {
	if p.listPassive == nil || !p.out[i].subject || p.kind(p.at[i]+1) == tOpen {
		return listPassive{}
	}
	return p.listPassive[i]
}

// parenDescribes reports whether the parentheses that hold reference i and
// close at token k say something of what stands before them, so that a
// predicate after ")" is said of that, not of i: they open right after
// another reference ("Quyết định số 16/QĐ-TTg (phê duyệt Đề án theo Nghị
// định số …) được thay thế bởi …": the decision is replaced, the decree its
// trích yếu names is not), or words stand before i inside them ("Đề án X
// (theo Nghị định số …)", "(ban hành Quy chế tại …)"). Only a reference
// opening parentheses that follow words, or standing in them after "số" or
// an alias's words (aliasWords), is the number of what they name ("Luật Đất
// đai (Luật số 45/2013/QH13) được sửa đổi bởi …", "Luật Đất đai (số …)",
// "Quy chế … (sau đây gọi là Quyết định số …)"): the predicate is said of
// it. Parentheses whose "(" is not found keep i (as before).
func (p *relPass) parenDescribes(i, k int) bool {
	open := p.skipParenBack(k)
	if open == k || open > p.at[i] {
		return false
	}
	if open > 0 && p.kind(open-1) == tRef {
		return true
	}
	_, b := p.partBefore(p.at[i] - 1)
	switch {
	case b == open, b == open+1 && p.word(b) == "so":
		return false
	}
	first, _, ok := p.aliasWords(b)
	return !ok || first != open+1
}

// intrans gives reference i the intransitive predicate g ending before
// token n, with the date after it ("hết hiệu lực kể từ ngày …").
func (p *relPass) intrans(i int, g group, n int) {
	o := &p.out[i]
	o.rel, o.other, o.by, o.pending = g.rel, -1, false, -1
	o.partial = o.partial || g.partial
	var e effect
	if _, ok := p.fromAt(n, &e); ok {
		o.eff, o.effSet = e, true
	}
	p.govs[i] = gov{rel: g.rel, other: -1, eff: o.eff, effSet: o.effSet, said: true}
}

// predicateEnds reports whether a passive without agent ends its clause at
// token n: "Quyết định số … bị bãi bỏ.", "… được bãi bỏ kể từ ngày …".
func (p *relPass) predicateEnds(n int) bool {
	switch p.kind(n) {
	case tStop, tBreak, tItem, tSemi, tComma, tColon, tClose:
		return true
	}
	switch p.word(n) {
	case "ke", "tu", "ngay", "theo", fTai, "ve":
		return true
	}
	return false
}

// agentAhead reports an agent marker and a reference after token n: the
// passive names its actor.
func (p *relPass) agentAhead(n int) bool {
	if p.kind(n) == tComma && p.word(n+1) == fBoi {
		n++ // a stray comma: "được sửa đổi, bổ sung, bởi" (agentGroup)
	}
	if ms, ok := p.agentMarkerAt(n); ok {
		if p.kind(ms) == tColon {
			ms++ // "bởi: Nghị định B; Nghị định C"
		}
		for j := ms; j < len(p.toks) && j < ms+16; j++ {
			switch p.toks[j].kind {
			case tRef:
				return true
			case tStop, tBreak, tItem, tSemi, tColon:
				return false
			}
		}
	}
	return false
}

// selfAgentAhead reports an agent marker and the text's own document after
// token n ("được thay thế bởi Quyết định này"): the text acts, as with an
// active verb ("Quyết định này thay thế …").
func (p *relPass) selfAgentAhead(n int) bool {
	_, ok := p.selfAgentAt(n)
	return ok
}

// selfAgentAt reads "bởi" and the text's own document at token n and
// returns the token after them.
func (p *relPass) selfAgentAt(n int) (int, bool) {
	if ms, ok := p.agentMarkerAt(n); ok && p.word(n) == fBoi {
		return p.selfNP(ms)
	}
	return n, false
}

// selfAgentDate reads the date the text's change takes effect, written
// right after the passive's self agent at token n: "được thay thế bởi
// Quyết định này kể từ ngày …", "…, có hiệu lực từ ngày …".
func (p *relPass) selfAgentDate(n int) (effect, bool) {
	e, _, ok := p.selfAgentEnd(n)
	return e, ok
}

// selfAgentEnd reads the self agent at token n and the date after it
// (selfAgentDate): the date, whether there is one, and the token after
// both.
func (p *relPass) selfAgentEnd(n int) (effect, int, bool) {
	end, ok := p.selfAgentAt(n)
	if !ok {
		return effect{}, n, false
	}
	j := end
	if p.kind(j) == tComma {
		j++
	}
	var e effect
	if p.word(j) == "co" {
		if e, m, ok := p.effectAt(j); ok {
			return e, m, true
		}
	}
	if m, ok := p.fromAt(j, &e); ok {
		return e, m, true
	}
	return effect{}, end, false
}

// parenSelfPassive reads parentheses opening at token k that hold only a
// passive whose agent is the text itself and the date it states: "(được
// thay thế bởi Quyết định này kể từ ngày 01/7/2026)", "(bị bãi bỏ bởi Nghị
// định này)". It returns the passive and the date, if one is written.
func (p *relPass) parenSelfPassive(k int) (group, effect, bool, bool) {
	if p.kind(k) != tOpen {
		return group{}, effect{}, false, false
	}
	g, n, ok := p.groupAt(k + 1)
	if !ok || !g.passive || g.intrans || !agentive(g.rel) {
		return group{}, effect{}, false, false
	}
	e, end, dated := p.selfAgentEnd(n)
	if end == n || p.kind(end) != tClose {
		return group{}, effect{}, false, false
	}
	return g, e, dated, true
}

// agentMarkerAt reads an agent marker at token n and returns the token after.
func (p *relPass) agentMarkerAt(n int) (int, bool) {
	switch p.word(n) {
	case fBoi, fBang, fTai:
		return n + 1, true
	case fTheo:
		if p.word(n+1) == "quy" && p.word(n+2) == "dinh" && (p.word(n+3) == fTai || p.word(n+3) == fCua) {
			return n + 4, true
		}
		return n + 1, true
	}
	return n, false
}

// listContinues reports whether the clause at token k (after ";") is the next
// item of a list of references: a part at most before a reference.
func (p *relPass) listContinues(k int) bool {
	for j := k; j < len(p.toks) && j < k+14; j++ {
		switch p.toks[j].kind {
		case tRef:
			return true
		case tComma:
			continue
		case tWord:
			if p.isUnitStart(j) || p.isLabel(j) || p.word(j) == fVa || p.word(j) == fCac || p.word(j) == "phu" || p.word(j) == "luc" {
				continue
			}
		}
		return false
	}
	return false
}

// coItemAhead reports whether the reference at token k joins a list: a
// comma, ";" or a joint (jointEnding) stands right before it (and its
// part).
func (p *relPass) coItemAhead(k int) bool {
	_, b := p.partBefore(k - 1)
	switch p.kind(b) {
	case tComma, tSemi:
		return true
	}
	_, ok := p.jointEnding(b)
	return ok
}

// jointEnding reads a joint of two list items ending at token k, the token
// before a reference (and its part), and returns its first token: "và",
// "hoặc", "cùng", "cùng với", and "kèm theo" right after a reference
// ("Nghị định số A cùng Thông tư số B được thay thế bởi C", "Quyết định
// số A kèm theo Kế hoạch số B": A and B are items of one list, as with
// "và"). After a noun "kèm theo" attaches a document to the reference
// ("Quy chế ban hành kèm theo Quyết định số …", walk): no joint. The one
// reading of a list's joints in the walk back (walk) and forward
// (predicate).
func (p *relPass) jointEnding(k int) (int, bool) {
	switch p.word(k) {
	case fVa, fHoac, fCung:
		return k, true
	case "voi":
		if p.word(k-1) == fCung {
			return k - 1, true
		}
	case fTheo:
		if p.word(k-1) == "kem" && p.kind(k-2) == tRef {
			if _, ok := p.annexHost(k + 1); ok {
				return k, false // "Kế hoạch số A kèm theo Quyết định số B"
			}
			return k - 1, true
		}
	}
	return k, false
}

// annexHost reports a reference at token k that only says where the
// numbered document before it was issued: "Kế hoạch số A [ban hành] kèm
// theo Quyết định số B", a plan, programme, rules … (attachedNouns) issued
// with a text of another kind. B is a mention, A takes what governs it. It
// returns A. A decision with its plan attached ("Quyết định số A kèm theo
// Kế hoạch số B") and two plans are list items (jointEnding).
func (p *relPass) annexHost(k int) (int, bool) {
	if p.kind(k) != tRef || p.word(k-1) != fTheo || p.word(k-2) != "kem" {
		return 0, false
	}
	b := k - 3
	if p.word(b) == "hanh" && p.word(b-1) == "ban" {
		b -= 2
	}
	if p.kind(b) != tRef {
		return 0, false
	}
	a, h := int(p.toks[b].ref), int(p.toks[k].ref)
	if !p.annexType(a) || p.annexType(h) {
		return 0, false
	}
	return a, true
}

// annexType reports a reference whose type is a document issued with
// another one (attachedNouns): Kế hoạch, Quy chế, Chương trình, Đề án ….
func (p *relPass) annexType(r int) bool {
	ws := foldWords(p.refs[r].Type)
	if len(ws) < 2 {
		return false
	}
	for _, n := range attachedNouns {
		if ws[0] == n[0] && ws[1] == n[1] {
			return true
		}
	}
	return false
}

// listJoined reports whether the reference at token k joins the list before
// it by ",", "và" or "hoặc" (and its part), not by ";": the items of one
// clause's subject, not the next clause of a list of grounds.
func (p *relPass) listJoined(k int) bool {
	_, b := p.partBefore(k - 1)
	return p.kind(b) != tSemi
}

// effective sets the effect date of reference i's relation: a date the
// predicate or the list head states, a phrase attached to the reference
// ("Luật số …, có hiệu lực thi hành kể từ ngày …"), and for a change the
// document makes itself, its clause's date or the document's own.
func (p *relPass) effective(i int) {
	o := &p.out[i]
	if !o.effSet && !o.embedded {
		if e, ok := p.attached(i); ok {
			o.eff, o.effSet = e, e.date != "" || e.self || e.signed
			if e.until != "" && o.until == "" {
				o.until = e.until
			}
		}
	}
	if !o.effSet && o.rel.Changes() && !o.by && o.other < 0 && o.name == "" {
		if e, ok := p.clauseEffect(i); ok {
			o.eff, o.effSet = e, true
		} else {
			o.eff, o.effSet = effect{self: true}, true
		}
	}
	if o.effSet {
		eff, signed := p.doc.facts(o.eff)
		p.refs[i].Effective = o.eff.resolve(eff, signed)
	}
}

// attached finds an effect phrase after reference i, across its trích yếu and
// references embedded in it, before any predicate or other list item.
func (p *relPass) attached(i int) (effect, bool) {
	o := &p.out[i]
	if !p.hotUntil(i, false) {
		return effect{}, false
	}
	self := o.rel.Changes() && !o.by && o.other < 0 && o.name == ""
	semi := false   // a ";" was crossed: a trích yếu's list, or the next clause
	titled := false // an active verb was crossed: what follows is a trích yếu
	nearer := false // a reference was crossed: a passive after it is said of it
	for k, n := p.at[i]+1, 0; k < len(p.toks) && n < 150; n++ {
		if t := &p.toks[k]; t.kind == tWord && t.lex == 0 {
			k++
			continue
		}
		switch p.toks[k].kind {
		case tSemi, tColon:
			semi = true
			k++
			continue
		case tStop, tBreak, tItem:
			return effect{}, false
		case tRef:
			if m := int(p.toks[k].ref); !p.out[m].embedded && p.refs[m].Key != p.refs[i].Key {
				return effect{}, false
			}
			nearer = true
			k++
			continue
		case tOpen:
			if k == p.at[i]+1 && self {
				// "thay thế Quyết định số … (được thay thế bởi Quyết
				// định này kể từ ngày …)": the date of the text's change
				if _, e, dated, ok := p.parenSelfPassive(k); ok && dated {
					return e, true
				}
			}
			k = p.skipParen(k) + 1
			continue
		case tQuote:
			k = p.skipQuote(k) + 1
			continue
		}
		if p.word(k) == "co" {
			if e, _, ok := p.effectAt(k); ok {
				return e, true
			}
		}
		// "Bãi bỏ Quyết định số … kể từ ngày …": when the change the document
		// makes takes effect
		if w := p.word(k); (w == "ke" || w == "tu") && self && !semi {
			var e effect
			if _, ok := p.fromAt(k, &e); ok {
				return e, true
			}
		}
		if _, ok := p.selfNP(k); ok && !p.isUnitStart(k) {
			return effect{}, false
		}
		if g, n, ok := p.groupAt(k); ok {
			switch {
			case g.intrans && !g.passive:
				return effect{}, false
			case g.passive:
				if !nearer && (p.agentAhead(n) || (!titled && p.predicateEnds(n))) {
					return effect{}, false // a predicate: its phrase is its own
				}
			default:
				titled = true
			}
			k = n
			continue
		}
		k++
	}
	return effect{}, false
}

// clauseEffect finds the date a change the document makes takes effect in
// the sentence that states it: "Thông tư này có hiệu lực từ ngày … và thay
// thế …", "Kể từ ngày …, … hết hiệu lực".
func (p *relPass) clauseEffect(i int) (effect, bool) {
	a := p.at[i]
	for a > 0 && !sentenceBound(p.kind(a-1)) {
		a--
	}
	segStart := true
	for k := a; k < len(p.toks) && !sentenceBound(p.kind(k)); k++ {
		switch p.kind(k) {
		case tSemi, tColon, tComma:
			segStart = true
			continue
		}
		w := p.word(k)
		if (w == "ke" || w == "tu") && segStart {
			var e effect
			if _, ok := p.fromAt(k, &e); ok {
				return e, true
			}
		}
		if w == "co" && k < p.at[i] {
			if e, _, ok := p.effectAt(k); ok && p.selfSubject(a, k) {
				return e, true
			}
		}
		segStart = false
	}
	return effect{}, false
}

// selfSubject reports whether the clause from token a to the effect phrase at
// token k is said of the text's own document: it opens with "Quyết định
// này", or is a bare type word ("Quyết định có hiệu lực …").
func (p *tokView) selfSubject(a, k int) bool {
	for a < k && p.kind(a) == tItem {
		a++
	}
	if _, ok := p.selfNP(a); ok {
		return true
	}
	ts, ok := p.typeWordEnding(k - 1)
	return ok && ts == a
}

// skipParen returns the ")" matching the "(" at token k, or k.
func (p *relPass) skipParen(k int) int { return p.matchParen(k, 1) }

// skipParenBack returns the "(" matching the ")" at token k, or k.
func (p *relPass) skipParenBack(k int) int { return p.matchParen(k, -1) }

// matchParen returns the bracket matching the one at token k, reading in
// direction step (1: forward from a "(", -1: back from a ")"), or k when it
// is not in the sentence or within 120 tokens.
func (p *relPass) matchParen(k, step int) int {
	in, out := tOpen, tClose
	if step < 0 {
		in, out = tClose, tOpen
	}
	depth := 0
	for j, n := k, 0; j >= 0 && j < len(p.toks) && n < 120; j, n = j+step, n+1 {
		switch p.toks[j].kind {
		case in:
			depth++
		case out:
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

// skipQuote returns the quotation mark closing the quote opened at token k.
func (p *relPass) skipQuote(k int) int { return p.matchQuote(k, 1) }

// skipQuoteBack returns the quotation mark opening the quote that closes at
// token k, or k.
func (p *relPass) skipQuoteBack(k int) int { return p.matchQuote(k, -1) }

// matchQuote returns the next quotation mark from token k in direction
// step, or k when the sentence ends first or none is within 120 tokens.
func (p *relPass) matchQuote(k, step int) int {
	for j, n := k+step, 1; j >= 0 && j < len(p.toks) && n < 120; j, n = j+step, n+1 {
		switch p.toks[j].kind {
		case tQuote:
			return j
		case tStop, tBreak, tItem:
			return k
		}
	}
	return k
}

// isAnnexHost reports reference i as the host of an annex (annexHost).
func (p *relPass) isAnnexHost(i int) bool {
	_, ok := p.annexHost(p.at[i])
	return ok
}
