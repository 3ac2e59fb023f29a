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
				g := p.listItem(i, m)
				return g, p.subjectItem(m, g)
			}
			k--
			continue
		case tSemi, tColon, tStop, tBreak, tItem:
			if mention {
				return p.mentionAt(k), false
			}
			if p.kind(k) == tColon && content == 0 {
				if _, ok := p.agentGroup(k - 1); ok {
					k-- // "được sửa đổi bởi: Nghị định …": the colon lists the agents
					continue
				}
			}
			p.out[i].partial = p.out[i].partial || partial || content > 0
			return p.segStart(i, k)
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
		if j, ok := p.jointEnding(k); ok && content == 0 && !mention {
			if m, ok := p.prevItem(j); ok {
				g := p.listItem(i, m)
				return g, p.subjectItem(m, g)
			}
		}
		if !mention {
			if g, ok := p.agentGroup(k); ok {
				return p.agent(i, g), false
			}
			if f == fTai && p.skipPartialBack(k-1) == k-1 {
				if g, ok := p.groupEnding(k - 1); ok && g.end == k-1 && g.rel.Changes() {
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
		case f == fTheo && p.word(k-1) == "kem" && k == p.at[i]-1 && p.isAnnexHost(i):
			// "Kế hoạch số A kèm theo Quyết định số B": B says where A was
			// issued
			g := mentionGov
			g.embedded = true
			return g, false
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
	return p.segStart(i, -1)
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
