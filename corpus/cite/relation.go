package cite

// Relations: what a text does to each document it references, the part it
// targets and when the change takes effect. The pass reads the tokens around
// each reference (lex.go) with a small grammar of Vietnamese legal phrasing:
//
//   - a verb before the reference governs it and the list that follows:
//     "thay thế (các) Quyết định số A, B và C", "Bãi bỏ Điều 5 Thông tư số …",
//     "Sửa đổi, bổ sung một số điều của Nghị định số …" (walk.go);
//   - a clause head governs every reference listed in its clause, across
//     ";": "Căn cứ Luật …; Nghị định …;", "Thực hiện …", and a clause ending
//     in ":" governs the list items below it ("Bãi bỏ các văn bản sau:");
//   - a predicate after the reference: "Nghị định số A, Nghị định số B …
//     hết hiệu lực kể từ …" (intransitive, for the whole subject list), and
//     the passive "A được sửa đổi, bổ sung bởi / tại / theo quy định tại B",
//     which makes B the actor: B amends A (pred.go);
//   - a verb right after a reference, in its trích yếu, is a relation between
//     two referenced documents: "Nghị định số 09/2010 … sửa đổi, bổ sung một
//     số điều của Nghị định số 110/2004": 09/2010 amends 110/2004;
//   - the subject of a verb is the text's own document when it is "Quyết
//     định này", a bare type word opening a title or an issuing formula
//     ("ban hành Thông tư sửa đổi …"), or nothing (an article heading);
//   - effect dates come from "có hiệu lực (thi hành) kể từ ngày …", "hết hiệu
//     lực từ ngày …", "Kể từ ngày …," and, for the changes the document makes
//     itself, from the document's own effective date stated in its closing
//     article ("Điều 3. Hiệu lực thi hành") when the clause gives none
//     (effect.go, doc.go).
//
// Everything else is "mentions".

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// Relation is what a text says a document it references does or has done.
type Relation string

// The relations, as `vanban refs --parse` writes them.
const (
	Mentions   Relation = "mentions"   // cited only
	BasedOn    Relation = "based_on"   // căn cứ
	Implements Relation = "implements" // thực hiện, triển khai, cụ thể hóa
	Guides     Relation = "guides"     // hướng dẫn, quy định chi tiết
	Amends     Relation = "amends"     // sửa đổi, bổ sung, đính chính
	Replaces   Relation = "replaces"   // thay thế
	Repeals    Relation = "repeals"    // bãi bỏ, hủy bỏ
	Expires    Relation = "expires"    // hết hiệu lực
	Suspends   Relation = "suspends"   // đình chỉ, tạm ngưng, ngưng hiệu lực
)

// Relations lists every relation, weakest first.
var Relations = []Relation{Mentions, BasedOn, Implements, Guides, Amends, Suspends, Expires, Repeals, Replaces}

// Rank orders relations by how much they say about the target's effect:
// mentions 0 … replaces 8. Unknown relations rank -1.
func (r Relation) Rank() int {
	for i, x := range Relations {
		if x == r {
			return i
		}
	}
	return -1
}

// Changes reports the relations that change the target's effect: amends,
// suspends, expires, repeals, replaces.
func (r Relation) Changes() bool { return r.Rank() >= Amends.Rank() }

// out is the relation found for one reference.
type out struct {
	rel     Relation
	by      bool   // the reference is the actor
	other   int    // the other end, a reference index, or -1
	name    string // the other end, a document named without number ("Luật PPP")
	part    string
	partial bool
	attach  bool // the object is a document issued with the reference ("Quy chế ban hành kèm theo Quyết định số …"), no part named
	eff     effect
	effSet  bool
	until   string

	embedded bool // in the trích yếu of another reference
	subject  bool // a clause subject waiting for a predicate
	pending  int  // token of the passive predicate whose agent will name the other end, or -1
	done     bool
}

// gov is what a co-item inherits: how the list it belongs to is governed.
type gov struct {
	rel      Relation
	by       bool
	other    int
	name     string
	embedded bool
	verb     bool // an active verb governs the list ("thay thế A, B và C")
	eff      effect
	effSet   bool
	said     bool // a subject's own predicate after it (intrans): its clause ends at ";"
}

// relPass finds the relation of every reference of a text.
type relPass struct {
	tokView
	refs []Ref
	at   []int   // token of each reference
	hot  []int32 // hot[k]: the tokens before k flagged lexHot
	out  []out
	govs []gov
	doc  *docFacts
	// pendingAt[k]: the references whose predicate, a passive at token k,
	// waits for its agent (out.pending == k when it still does), in order;
	// agent reads it instead of every reference before the agent.
	pendingAt map[int][]int
	// next[i]: the first reference after i that is not yet related or,
	// not embedded in a trích yếu, has another key (len(refs) if none) —
	// where hotUntil stops. Set by freeze once every reference is related,
	// so that the effect pass reads it in constant time (nil before).
	next []int32
	// coRefs: the later items of the subject list predicate crossed (its
	// scratch); listPassive[j]: the passive an earlier item of j's list
	// found after j, so that j does not walk the list again (a list of n
	// items would cost n²).
	coRefs      []int
	listPassive []listPassive
}

// listPassive is the passive a subject list's item found after the later
// items it crossed (predicate): theirs as well.
type listPassive struct {
	g          group
	agent, set bool
	eff        effect // the date a self agent states (selfAgentDate)
	dated      bool
}

func newRelPass(s string, refs []Ref, doc *docFacts) *relPass {
	toks, folds := lexRefs(s, refs)
	p := &relPass{tokView: tokView{s: s, toks: toks, folds: folds}, refs: refs, doc: doc}
	doc.view = &p.tokView
	p.at = make([]int, len(refs))
	p.hot = make([]int32, len(toks)+1)
	for k, t := range toks {
		if t.kind == tRef {
			p.at[t.ref] = k
		}
		p.hot[k+1] = p.hot[k]
		if t.lex&lexHot != 0 {
			p.hot[k+1]++
		}
	}
	p.out = make([]out, len(refs))
	p.govs = make([]gov, len(refs))
	for i := range p.out {
		p.out[i].other, p.out[i].pending = -1, -1
	}
	return p
}

// run finds every relation and writes it into the refs.
func (p *relPass) run() {
	for i := range p.refs {
		p.relate(i)
	}
	p.predated()
	p.freeze()
	for i := range p.refs {
		p.effective(i)
	}
	for i := range p.refs {
		o := &p.out[i]
		r := &p.refs[i]
		r.Relation, r.By, r.Part, r.Until = o.rel, o.by, o.part, o.until
		r.Partial = (o.partial || o.part != "") && o.rel != Mentions
		if o.rel == Replaces && p.partReplaced(i) {
			r.Relation, r.Partial = Amends, true
		}
		switch {
		case o.other >= 0:
			r.Other = p.refs[o.other].Key
		case o.name != "":
			r.Other = o.name
		}
		if o.rel == Mentions && o.by {
			r.By = false
		}
		r.Ground = r.By && p.groundClause(i)
	}
}

// groundClause reports a reference standing in a clause that opens with
// a "Căn cứ" head, or in a list a "Căn cứ" head governs across ";" or
// under "Căn cứ:" (segStart): the text cites what it names as grounds.
func (p *relPass) groundClause(i int) bool {
	j := p.at[i] - 1
	for ; j >= 0 && j > p.at[i]-400; j-- {
		switch t := p.toks[j].kind; {
		case t == tClose:
			j = p.skipParenBack(j)
		case t == tSemi || t == tColon || sentenceBound(t):
			if c, _ := p.cueAt(j+1, roleHead); c != nil && c.rel == BasedOn {
				return true
			}
			g, _ := p.segStart(i, j)
			return g.rel == BasedOn
		}
	}
	if j < 0 {
		c, _ := p.cueAt(0, roleHead)
		return c != nil && c.rel == BasedOn
	}
	return false
}

// relate finds the relation of reference i from what precedes it, or from
// the predicate that follows it.
func (p *relPass) relate(i int) {
	o := &p.out[i]
	part, k := p.partBefore(p.at[i] - 1)
	o.part = part
	if m, ok := p.aliasOf(i, k); ok {
		src := p.out[m]
		o.rel, o.by, o.other, o.name, o.embedded, o.partial = src.rel, src.by, src.other, src.name, src.embedded, src.partial
		p.govs[i] = p.govs[m]
		o.done = true
		return
	}
	if p.quoted(p.at[i]) {
		p.set(i, gov{rel: Mentions, other: -1})
		return
	}
	if b, ok := p.nameParen(i); ok && part == "" {
		k = b // "Luật Đất đai (số 45/2013/QH13)": governed as the name is
	} else if part == "" && p.namedType(i) && !p.typeOpens(i) {
		k = p.lawNameBack(k)
	}
	g, subj := p.walk(i, k)
	if !g.by && g.other < 0 && g.name == "" && g.rel.acts() && p.requested(p.at[i]) {
		g = gov{rel: Mentions, other: -1}
	}
	p.set(i, g)
	if subj || g.rel == Mentions {
		o.subject = subj
		p.predicate(i)
	}
}

// partReplaced reports a replacement of a part of the text of reference
// i's target, not of the document: "thay thế cụm từ “…” tại điểm b khoản 2
// Điều 5 Nghị định số …", "thay thế một phần các quy định tại Nghị định số
// …", "Điều 7 Quyết định số … được thay thế bởi …". The document stays in
// force with that part changed: an amendment. Only the whole text is
// replaced ("Nghị định này thay thế Nghị định số …"), and so is a document
// issued with the reference ("thay thế Quy chế … ban hành kèm theo Quyết
// định số …": the decision issued nothing else). For the actor of a passive
// the target is the other end.
func (p *relPass) partReplaced(i int) bool {
	o := &p.out[i]
	if o.by {
		if o.other < 0 {
			return false
		}
		o = &p.out[o.other]
	}
	return o.part != "" || (o.partial && !o.attach)
}

// acts reports a relation that only the text that states it can perform
// (a request to amend a decree amends nothing).
func (r Relation) acts() bool {
	switch r {
	case Guides, Amends, Replaces, Repeals, Suspends:
		return true
	}
	return false
}

// requested reports whether a request or a task stands before token k in its
// sentence ("Đề nghị Bộ Nội vụ tham mưu Chính phủ sửa đổi Nghị định …",
// "Khẩn trương hoàn thiện sửa đổi, bổ sung Nghị định …", "kiến nghị",
// "đề xuất", "nghiên cứu", "xem xét"): the act is asked for, not done, and the
// reference is only mentioned. "Theo đề nghị" and "Xét đề nghị" are cues of
// their own (cue.go).
func (p *relPass) requested(k int) bool {
	for j := k - 1; j > 0 && j > k-40; j-- {
		switch p.kind(j) {
		case tStop, tBreak, tItem, tSemi:
			return false
		}
		switch w, prev := p.word(j), p.word(j-1); {
		case w == "nghi" && (prev == "de" || prev == "kien"):
			if before := p.word(j - 2); before != fTheo && before != "xet" {
				return true
			}
		case w == "muu" && prev == "tham", w == "truong" && prev == "khan", w == "thien" && prev == "hoan",
			w == "xuat" && prev == "de", w == "cuu" && prev == "nghien", w == "xet" && prev == "xem":
			return true
		}
	}
	return false
}

// set records the governing relation of reference i.
func (p *relPass) set(i int, g gov) {
	o := &p.out[i]
	p.govs[i] = g
	o.rel, o.by, o.other, o.name, o.embedded = g.rel, g.by, g.other, g.name, g.embedded
	if g.effSet {
		o.eff, o.effSet = g.eff, true
	}
	o.done = true
}

// hotUntil reports whether a word that may open an effect phrase or a
// predicate stands after reference i and before the next reference that is
// not embedded in its trích yếu (all of them when through is set).
func (p *relPass) hotUntil(i int, through bool) bool {
	end := len(p.toks)
	if !through {
		if j := p.nextOther(i); j < len(p.refs) {
			end = p.at[j]
		}
	}
	return p.hot[end] > p.hot[p.at[i]]
}

// stops reports whether hotUntil(i, false) stops at reference j > i: j is
// not yet related, or stands outside any trích yếu with another key.
func (p *relPass) stops(i, j int) bool {
	return !p.out[j].done || (!p.out[j].embedded && p.refs[j].Key != p.refs[i].Key)
}

// nextOther is the first reference after i where hotUntil stops, or
// len(refs). While the references are being related the one after i is not
// yet (relate runs in order), so the walk stops at once; after freeze the
// answer is read from next.
func (p *relPass) nextOther(i int) int {
	if p.next != nil {
		return int(p.next[i])
	}
	j := i + 1
	for j < len(p.refs) && !p.stops(i, j) {
		j++
	}
	return j
}

// freeze fills next once every reference is related (relate sets done on
// every path, and done and embedded no longer change), walking back from
// the last reference: the first stop after i is the first reference outside
// a trích yếu whose key is not i's. It keeps the nearest reference outside a
// trích yếu (a) and the nearest after a with another key than a's (b): i's
// stop is a when their keys differ, else b. A text citing one number n
// times costs O(n), not O(n²) (BenchmarkParseRefsOneKey).
func (p *relPass) freeze() {
	n := len(p.refs)
	p.next = make([]int32, n)
	a, b := n, n
	for i := n - 1; i >= 0; i-- {
		differs := a < n && p.refs[a].Key != p.refs[i].Key
		if differs {
			p.next[i] = int32(a)
		} else {
			p.next[i] = int32(b)
		}
		if !p.out[i].embedded {
			if differs {
				b = a
			}
			a = i
		}
	}
}

// aliasWords reads "[sau đây] gọi|viết [tắt|chung|gọn] là" ending at token
// k ("là"), the words that give a name its alias: it returns their first
// token and whether "sau đây" opens them. The one reading of those words
// in the relation pass (aliasOf, parenDescribes).
func (p *relPass) aliasWords(k int) (first int, after, ok bool) {
	if p.word(k) != "la" {
		return 0, false, false
	}
	j := k - 1
	switch p.word(j) {
	case "tat", "chung", "gon":
		j--
	}
	if w := p.word(j); w != "goi" && w != "viet" {
		return 0, false, false
	}
	if p.word(j-1) == "day" && p.word(j-2) == "sau" {
		return j - 2, true, true
	}
	return j, false, true
}

// aliasOf recognizes "(sau đây gọi [tắt|chung] là X)" before a reference and
// returns the reference it renames.
func (p *relPass) aliasOf(i, k int) (int, bool) {
	j, after, ok := p.aliasWords(k)
	if !ok || !after {
		return 0, false
	}
	near := -1
	for j--; j >= 0 && j > k-200; j-- {
		switch p.toks[j].kind {
		case tRef:
			m := int(p.toks[j].ref)
			if p.refs[m].Key == p.refs[i].Key {
				return m, true
			}
			if near < 0 {
				near = m
			}
		case tStop, tBreak, tItem, tSemi:
			return near, near >= 0
		}
	}
	return near, near >= 0
}

// lawNameBack steps back from token k over the name of a law, code or
// ordinance written before its number ("Luật Nhập cảnh, xuất cảnh, quá
// cảnh, cư trú của người nước ngoài tại Việt Nam số …"), when the name was
// too long or held commas for the first pass to take its type word. A
// reference that opens with its type word (typeOpens: "Luật số 47/2019/QH14",
// "Luật Giáo dục số …") holds its name: the law before it is another one
// ("Luật Quốc phòng được sửa đổi, bổ sung bởi Luật số …").
func (p *relPass) lawNameBack(k int) int {
	for j := k; j >= 0 && j > k-24; j-- {
		switch p.kind(j) {
		case tComma:
			continue
		case tWord:
		default:
			return k
		}
		if !p.toks[j].cap {
			if w, prev := p.word(j), p.word(j-1); ((w == "lenh" && prev == "phap") || (w == "luat" && prev == "bo")) && p.toks[max(j-1, 0)].cap {
				return j - 2 // "Pháp lệnh …", "Bộ luật …": the capital is on the first word
			}
			continue
		}
		switch p.word(j) {
		case "luat":
			if p.word(j-1) == "bo" && p.toks[max(j-1, 0)].cap {
				return j - 2
			}
			return j - 1
		case "lenh":
			if p.word(j-1) == "phap" {
				return j - 2
			}
		}
	}
	return k
}

// nameParen reports whether reference i is the number of the document
// named right before the parentheses that hold it alone, after "số" or its
// own type word: a law, code or ordinance by its name ("Luật Đất đai (số
// 45/2013/QH13)", "Luật Đất đai (Luật số 45/2013/QH13)"), any other type by
// its type word, bare or opening a trích yếu ("Căn cứ Nghị định (số
// 30/2020/NĐ-CP ngày …)", "Căn cứ Nghị định quy định chi tiết … (số
// 102/2024/NĐ-CP)": typeNameBack). Name and number are one reference: what
// governs the name governs it, and a passive after ")" has it as its
// subject (actor.go). It returns the token before the name.
func (p *relPass) nameParen(i int) (int, bool) {
	a := p.at[i]
	if p.kind(a+1) != tClose {
		return 0, false
	}
	o := a - 1
	if p.word(o) == "so" && !p.typeOpens(i) {
		o--
	}
	if p.kind(o) != tOpen {
		return 0, false
	}
	if !p.namedType(i) {
		return p.typeNameBack(i, o-1)
	}
	if b := p.lawNameBack(o - 1); b != o-1 {
		return b, true
	}
	return 0, false
}

// typeNameBack steps back from token k, the last before "(", to the
// capitalized type word of reference i's own type that opens the name or
// trích yếu before the parentheses ("Nghị định quy định chi tiết một số
// điều của Luật Đất đai (số 102/2024/NĐ-CP)": the decree's, not the law's
// word) within its clause, and returns the token before it. A reference,
// a bracket, a quote, the clause's end or a lower-case word of the type
// first: none ("Kế hoạch thực hiện (số 45/2026/NĐ-CP)" names no decree;
// "Thực hiện Kế hoạch của UBND tỉnh, Sở Y tế xây dựng kế hoạch chi tiết
// (số 12/KH-SYT)": the Sở's plan, not the province's).
func (p *relPass) typeNameBack(i, k int) (int, bool) {
	for j := k; j >= 0 && j > k-40; j-- {
		switch p.kind(j) {
		case tComma:
			continue
		case tWord:
		default:
			return 0, false
		}
		if p.toks[j].lex&lexType == 0 {
			continue
		}
		if t, _, ok := p.typeWordAt(j, k); ok && t.Name == p.refs[i].Type {
			if !p.toks[j].cap {
				// "…, Sở Y tế xây dựng kế hoạch chi tiết (số …)": the
				// generic noun's number, not a name further back
				return 0, false
			}
			return j - 1, true
		}
	}
	return 0, false
}

// typeOpens reports a reference whose text opens with the capitalized type
// word of a law, code or ordinance ("Luật số …", "Bộ luật …", "Pháp lệnh
// …"). A lower-case "luật" ends the name before it ("Luật Ban hành văn bản
// quy phạm pháp [luật số …]"): the name is not in the reference.
func (p *relPass) typeOpens(i int) bool {
	t := p.refs[i].Text
	if t == "" || !viet.StartsUpper(t) {
		return false
	}
	ws := strings.Fields(viet.Fold(t))
	switch {
	case len(ws) > 0 && ws[0] == "luat":
		return true
	case len(ws) > 1 && (ws[0] == "bo" && ws[1] == "luat" || ws[0] == "phap" && ws[1] == "lenh"):
		return true
	}
	return false
}

// quoted reports whether token k lies inside quotation marks in its
// sentence ("Bãi bỏ cụm từ “… Nghị định số …”").
func (p *relPass) quoted(k int) bool {
	n := 0
	for j := k - 1; j >= 0 && j > k-200; j-- {
		switch p.toks[j].kind {
		case tQuote:
			n++
		case tStop, tBreak, tItem:
			return n%2 == 1
		}
	}
	return n%2 == 1
}

// sentenceBound reports a token kind that ends a sentence or a list item.
func sentenceBound(k tkind) bool { return k == tStop || k == tBreak || k == tItem }
