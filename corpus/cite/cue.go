package cite

import (
	"sort"
	"strings"
)

// Cues: the words that state a relation, in one table. A cue is matched on
// folded words, so "bãi bỏ", "Bãi bỏ", "bai bo" and OCR's "bồ sung" for "bổ
// sung" all match.

// cueRole says where a cue may stand.
type cueRole uint8

const (
	roleVerb    cueRole = 1 << iota // takes an object after it ("thay thế Quyết định số …") and has a passive ("được thay thế bởi …")
	roleIntrans                     // a predicate after its subject ("Nghị định số … hết hiệu lực")
	roleHead                        // opens a clause and governs every reference listed in it ("Căn cứ …;")
	roleMention                     // opens a clause whose references are only mentioned ("Theo đề nghị …", "Xét …")
)

type cue struct {
	words []string // folded
	rel   Relation
	role  cueRole
}

// cueTable lists every cue. Longer phrases win over their prefixes.
var cueTable = []cue{
	{w("can cu"), BasedOn, roleHead},
	{w("can cu vao"), BasedOn, roleHead},
	{w("can cu theo"), BasedOn, roleHead},
	{w("tren co so"), BasedOn, roleHead},

	{w("thuc hien"), Implements, roleVerb | roleHead},
	{w("trien khai"), Implements, roleVerb | roleHead},
	{w("trien khai thuc hien"), Implements, roleVerb | roleHead},
	{w("to chuc thuc hien"), Implements, roleVerb | roleHead},
	{w("tiep tuc thuc hien"), Implements, roleVerb | roleHead},
	{w("tiep tuc trien khai"), Implements, roleVerb | roleHead},
	{w("cu the hoa"), Implements, roleVerb | roleHead},
	{w("quan triet"), Implements, roleVerb | roleHead},
	{w("de thuc hien"), Implements, roleVerb | roleHead},
	{w("de trien khai"), Implements, roleVerb | roleHead},

	{w("huong dan"), Guides, roleVerb},
	{w("huong dan thi hanh"), Guides, roleVerb},
	{w("huong dan thuc hien"), Guides, roleVerb},
	{w("huong dan chi tiet"), Guides, roleVerb},
	{w("quy dinh chi tiet"), Guides, roleVerb},
	{w("quy dinh chi tiet thi hanh"), Guides, roleVerb},
	{w("quy dinh chi tiet va huong dan thi hanh"), Guides, roleVerb},
	{w("quy dinh chi tiet thuc hien"), Guides, roleVerb},

	{w("sua doi"), Amends, roleVerb},
	{w("bo sung"), Amends, roleVerb},
	{w("sua doi bo sung"), Amends, roleVerb},
	{w("dinh chinh"), Amends, roleVerb},
	{w("dieu chinh"), Amends, roleVerb},

	{w("thay the"), Replaces, roleVerb},

	{w("bai bo"), Repeals, roleVerb},
	{w("huy bo"), Repeals, roleVerb},
	{w("thu hoi"), Repeals, roleVerb},

	{w("het hieu luc"), Expires, roleIntrans},
	{w("het hieu luc thi hanh"), Expires, roleIntrans},
	{w("het hieu luc phap luat"), Expires, roleIntrans},
	{w("khong con hieu luc"), Expires, roleIntrans},
	{w("cham dut hieu luc"), Expires, roleIntrans | roleVerb},
	{w("cham dut hieu luc thi hanh"), Expires, roleIntrans | roleVerb},

	{w("dinh chi"), Suspends, roleVerb},
	{w("dinh chi thi hanh"), Suspends, roleVerb},
	{w("dinh chi viec thi hanh"), Suspends, roleVerb},
	{w("tam dinh chi"), Suspends, roleVerb},
	{w("tam ngung"), Suspends, roleVerb},
	{w("tam ngung thi hanh"), Suspends, roleVerb},
	{w("tam ngung hieu luc"), Suspends, roleVerb | roleIntrans},
	{w("tam ngung thuc hien"), Suspends, roleVerb},
	{w("tam dung"), Suspends, roleVerb},
	{w("tam dung thuc hien"), Suspends, roleVerb},
	{w("tam dung thi hanh"), Suspends, roleVerb},
	{w("ngung hieu luc"), Suspends, roleVerb | roleIntrans},
	{w("ngung hieu luc thi hanh"), Suspends, roleVerb | roleIntrans},
	{w("ngung thi hanh"), Suspends, roleVerb},
	{w("lui hieu luc"), Suspends, roleVerb},
	{w("lui hieu luc thi hanh"), Suspends, roleVerb},

	{w("theo de nghi"), Mentions, roleMention},
	{w("xet de nghi"), Mentions, roleMention},
	{w("xet"), Mentions, roleMention},
}

func w(s string) []string { return strings.Fields(s) }

// cuesByLast and cuesByFirst index cueTable by their last and first word,
// longest first.
var cuesByLast, cuesByFirst = indexCues()

func indexCues() (map[string][]*cue, map[string][]*cue) {
	last, first := map[string][]*cue{}, map[string][]*cue{}
	for i := range cueTable {
		c := &cueTable[i]
		last[c.words[len(c.words)-1]] = append(last[c.words[len(c.words)-1]], c)
		first[c.words[0]] = append(first[c.words[0]], c)
	}
	for _, m := range []map[string][]*cue{last, first} {
		for _, cs := range m {
			sort.SliceStable(cs, func(i, j int) bool { return len(cs[i].words) > len(cs[j].words) })
		}
	}
	return last, first
}

// The words the passes test, folded.
const (
	fDuoc = "duoc"
	fBi   = "bi"
	fDa   = "da"
	fVa   = "va"
	fHoac = "hoac"
	fCung = "cung"
	fCua  = "cua"
	fTai  = "tai"
	fTheo = "theo"
	fBoi  = "boi"
	fBang = "bang"
	fNay  = "nay"
	fLa   = "la"
	fCac  = "cac"
	fNgay = "ngay"
)

// cueEnding returns the longest cue whose last word is token k, and the
// token its first word is.
func (p *tokView) cueEnding(k int, role cueRole) (*cue, int) {
	if k < 0 || k >= len(p.toks) || p.toks[k].lex&lexLast == 0 {
		return nil, 0
	}
	f := p.word(k)
	for _, c := range cuesByLast[f] {
		if c.role&role == 0 || k-len(c.words)+1 < 0 {
			continue
		}
		ok := true
		for i := 1; i < len(c.words) && ok; i++ {
			ok = p.word(k-i) == c.words[len(c.words)-1-i]
		}
		if ok && !p.foldClash(c, k-len(c.words)+1) {
			return c, k - len(c.words) + 1
		}
	}
	return nil, 0
}

// cueAt returns the longest cue starting at token k, and the token after it.
func (p *tokView) cueAt(k int, role cueRole) (*cue, int) {
	if k < 0 || k >= len(p.toks) || p.toks[k].lex&lexFirst == 0 {
		return nil, 0
	}
	f := p.word(k)
	for _, c := range cuesByFirst[f] {
		if c.role&role == 0 || k+len(c.words) > len(p.toks) {
			continue
		}
		ok := true
		for i := 1; i < len(c.words) && ok; i++ {
			ok = p.word(k+i) == c.words[i]
		}
		if ok && !p.foldClash(c, k) {
			return c, k + len(c.words)
		}
	}
	return nil, 0
}

// foldClash reports a cue whose folded words, starting at token s, are in
// fact other words: "quy định chi tiết" folds to "… dinh chi …" like "đình
// chỉ".
func (p *tokView) foldClash(c *cue, s int) bool {
	return c.words[0] == "dinh" && p.word(s-1) == "quy"
}

// group is a run of relation verbs read as one: "sửa đổi, bổ sung", "có nội
// dung được sửa đổi, có nội dung bị bãi bỏ", "thay thế, bãi bỏ". Its
// relation is the first verb's.
type group struct {
	rel        Relation
	start, end int  // tokens: the first verb's first word, the last verb's last word
	passive    bool // "được", "bị" before the first verb
	intrans    bool // an intransitive predicate ("hết hiệu lực")
	from       int  // the first token of the group with its passive marker
	partial    bool // "một phần", "một số điều" inside
}

// groupEnding reads the group whose last verb ends at token k.
func (p *relPass) groupEnding(k int) (group, bool) {
	if k < 0 || k >= len(p.toks) || p.toks[k].lex&lexLast == 0 {
		return group{}, false
	}
	c, start := p.cueEnding(k, roleVerb|roleIntrans)
	if c == nil {
		return group{}, false
	}
	g := group{rel: c.rel, start: start, end: k, intrans: c.role&roleVerb == 0}
	for {
		j := p.skipPassive(g.start - 1)
		if j < 0 || !(p.toks[j].kind == tComma || p.word(j) == fVa) {
			break
		}
		j = p.skipPassive(j - 1)
		c2, s2 := p.cueEnding(j, roleVerb)
		if c2 == nil {
			break
		}
		g.rel, g.start = c2.rel, s2
	}
	g.from = g.start
	j := g.start - 1
	if p.word(j) == fDuoc || p.word(j) == fBi {
		g.passive = true
		g.from = j
		if p.word(j-1) == fDa {
			g.from = j - 1
		}
	}
	return g, true
}

// skipPassive steps back over "có nội dung được", "đã được", "bị" before a
// verb in a group.
func (p *relPass) skipPassive(j int) int {
	if p.word(j) == fDuoc || p.word(j) == fBi {
		j--
	}
	if p.word(j) == fDa {
		j--
	}
	if p.word(j) == "dung" && p.word(j-1) == "noi" && p.word(j-2) == "co" {
		j -= 3
	}
	return j
}

// groupAt reads a group starting at token k (a verb, or "được"/"bị"/"đã"/"có
// nội dung" before one) and returns it with the token after it.
func (p *relPass) groupAt(k int) (group, int, bool) {
	if k < 0 || k >= len(p.toks) || p.toks[k].lex&lexFirst == 0 {
		return group{}, k, false
	}
	from := k
	j := k
	if p.word(j) == "co" && p.word(j+1) == "noi" && p.word(j+2) == "dung" {
		j += 3
	}
	if p.word(j) == fDa {
		j++
	}
	passive := false
	if p.word(j) == fDuoc || p.word(j) == fBi {
		passive = true
		j++
	}
	c, e := p.cueAt(j, roleVerb|roleIntrans)
	if c == nil {
		return group{}, k, false
	}
	g := group{rel: c.rel, start: j, end: e - 1, passive: passive, from: from, intrans: c.role&roleVerb == 0}
	for {
		n := e
		if n < len(p.toks) && (p.toks[n].kind == tComma || p.word(n) == fVa) {
			n++
		} else {
			break
		}
		if p.word(n) == "co" && p.word(n+1) == "noi" && p.word(n+2) == "dung" {
			n += 3
		}
		if p.word(n) == fDa {
			n++
		}
		if p.word(n) == fDuoc || p.word(n) == fBi {
			n++
		}
		c2, e2 := p.cueAt(n, roleVerb)
		if c2 == nil {
			break
		}
		g.end, e = e2-1, e2
	}
	// "được sửa đổi, bổ sung một số điều bởi", "được bãi bỏ một phần bởi"
	if n, ok := p.partialAt(e); ok {
		g.partial = true
		e = n
	}
	return g, e, true
}

// partialAt reads "một phần", "một số điều", "một số nội dung" at token k.
func (p *relPass) partialAt(k int) (int, bool) {
	if p.word(k) != "mot" {
		return k, false
	}
	switch {
	case p.word(k+1) == "phan":
		return k + 2, true
	case p.word(k+1) == "so" && p.word(k+2) != "":
		return k + 3, true
	}
	return k, false
}
