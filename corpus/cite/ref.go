package cite

import (
	"strconv"
	"strings"

	"github.com/vanban/vanban/corpus/doctype"
)

// References: Ref, ParseRefs and the pass that decides, at each number,
// whether it is a reference and reads what is written right around it.

// Ref is one reference to a document found in text.
type Ref struct {
	Text       string `json:"text"`                  // the exact span in the input
	Start      int    `json:"-"`                     // byte offsets in the input
	End        int    `json:"-"`                     //
	Type       string `json:"type"`                  // loại văn bản: "Nghị quyết", "Quyết định", "Luật"…
	Key        string `json:"key"`                   // số/ký hiệu as officially written: "154/NQ-CP", "30/2020/NĐ-CP"
	Number     string `json:"number"`                // the số: "154"
	Year       int    `json:"year,omitempty"`        // from the key (30/2020/…) or the date
	Issuer     string `json:"issuer"`                // cơ quan ban hành: "Chính phủ", "UBND tỉnh Bình Dương"… or the issuer code
	IssuerCode string `json:"issuer_code,omitempty"` // issuer part of the key: "CP", "TTg", "QH14", "BTC-BKHCN"
	Date       string `json:"date"`                  // ngày ban hành, YYYY-MM-DD, or ""

	// What the text does to the referenced document (relation.go). Read a
	// relation as "actor relation target": the text's own document acts on
	// the reference, unless By says the reference acts ("được sửa đổi bởi
	// X": X amends), and Other names the other end when it is another
	// document of the text ("Luật A được sửa đổi bởi Luật B": for B, Other
	// is A, for A it is B) rather than the text's own.
	Relation Relation `json:"relation"`
	By       bool     `json:"by,omitempty"`      // the referenced document is the actor
	Other    string   `json:"other,omitempty"`   // the other end's key, or its name when it has no number
	Part     string   `json:"part,omitempty"`    // the part targeted: "Điều 5", "khoản 2 Điều 3", "Phụ lục II"
	Partial  bool     `json:"partial,omitempty"` // the relation concerns a part only (named or not: "một số điều")
	// Ground says the text cites an acting reference (By) as one of its
	// grounds too: the agent of a passive or an amending law named in a
	// "Căn cứ" clause ("Căn cứ Luật A được sửa đổi bởi Luật số B": the
	// text is based on B as on A).
	Ground    bool   `json:"ground,omitempty"`
	Effective string `json:"effective,omitempty"` // YYYY-MM-DD: when the relation (or the document, for a mention) takes effect, as the text states
	Until     string `json:"until,omitempty"`     // YYYY-MM-DD: when the referenced document's effect ends, as the text states
}

// LookupKey returns the key used to match a Ref against stored documents:
// doctype.NumberKey of Key ("154/nq-cp", "73-cp"). It is never "" for a Ref
// from ParseRefs.
func (r Ref) LookupKey() string { return doctype.NumberKey(r.Key) }

// String renders the ref in canonical full form: "Nghị quyết số 154/NQ-CP
// ngày 23/11/2022 của Chính phủ". The issuer is left out when it is the one
// the key implies, so ParseRefs(r.String()) gives back an equal Ref.
func (r Ref) String() string {
	var b strings.Builder
	if r.Type != "" {
		b.WriteString(r.Type)
		b.WriteString(" số ")
	} else {
		b.WriteString("số ")
	}
	b.WriteString(r.Key)
	if r.Date != "" {
		b.WriteString(" ngày ")
		b.WriteString(r.Date[8:10] + "/" + r.Date[5:7] + "/" + r.Date[0:4])
	}
	if r.Issuer != "" && r.Issuer != defaultIssuer(r.IssuerCode) {
		b.WriteString(" của ")
		b.WriteString(r.Issuer)
	}
	return b.String()
}

// ParseRefs finds every reference in text, in order of appearance, with
// its relation, part and effect date.
func ParseRefs(text string) []Ref {
	refs := parseRefs(text)
	if len(refs) > 0 {
		newRelPass(text, refs, &docFacts{s: text, refs: refs}).run()
	}
	return refs
}

// parseRefs finds the references (the first two passes).
func parseRefs(text string) []Ref {
	p := parser{s: text}
	p.scan()
	if len(p.cands) == 0 {
		return nil
	}
	p.attachTitles()
	refs := make([]Ref, 0, len(p.cands))
	for i := range p.cands {
		c := &p.cands[i]
		if c.reject {
			continue
		}
		r := c.ref
		if len(c.issuers) > 0 {
			r.Issuer = joinIssuers(c.issuers)
		} else {
			r.Issuer = defaultIssuer(r.IssuerCode)
		}
		if r.Year == 0 && r.Date != "" {
			r.Year, _ = strconv.Atoi(r.Date[:4])
		}
		r.Text = text[r.Start:r.End]
		refs = append(refs, r)
	}
	return refs
}

// cand is a reference being built, or a rejected number kept so that a
// list after it ("Mẫu: 01/TB-ĐĐKD, 02/TB-ĐĐKD") is rejected too.
type cand struct {
	ref      Ref
	typeWord string   // canonical type named by the type word, "" if none or generic
	hasType  bool     // a type word (possibly generic "văn bản") was present or inherited
	keyEnd   int      // end of the key, or of the code a dot ran into it (dotEnd)
	spanEnd  int      // end of the key plus a directly attached date and issuer
	bracket  bool     // "[" stands between the type word and the number: "Nghị định [số …]"
	issuers  []string // issuer names stated in the text
	open     bool     // still looking for a date after a trích yếu
	reject   bool
}

type parser struct {
	s     string
	cands []cand
}

func (p *parser) scan() {
	s := p.s
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i = nextDigit(s, i+1)
			continue
		}
		k, ok := scanKey(s, i)
		if !ok {
			for i < len(s) && isDigit(s[i]) {
				i++
			}
			continue
		}
		tail := k.end
		if k.letters >= 2 {
			tail = max(tail, doctype.UnitCodeEnd(s, k.end)) // "88/KH-UBND.VX ngày …"
		}
		if d := dotEnd(s, k); d > 0 {
			if k2, ok := scanKey(s[:d], i); ok && k2.end == d {
				k = k2 // "25/SXD.QLN": 25/SXD
				if doctype.UnitCodeEnd(s, d) == 0 {
					tail = d // "25/SXD.ĐIỀU 5": a word, no unit's code
				}
			}
		}
		p.candidate(k, tail)
		i = k.end
	}
}

// dotEnd is where a "." read for a dash in the key k ends its number
// instead, or 0: after a code no type has the dot ends a number
// (doctype.NumberKey, the key the index and the graph read: "25/SXD.QLN"
// is 25/SXD, a unit's code or a sentence's next word run into it), so
// the reference is the number before the dot.
func dotEnd(s string, k key) int {
	span := s[k.start:k.end]
	d := strings.IndexByte(span, '.')
	if d < 0 {
		return 0
	}
	if whole := doctype.NumberKey(span); whole == "" || whole != doctype.NumberKey(span[:d]) {
		return 0
	}
	return k.start + d
}

// candidate decides whether the key k is a reference, looking back for the
// type word and forward, from tail, for the date and issuer: tail is k's
// end, or the end of the unit's code a "." ran into it ("25/SXD.QLN ngày
// 20/5/2030": the reference is 25/SXD, its date the one after "QLN").
func (p *parser) candidate(k key, tail int) {
	s := p.s
	c := cand{keyEnd: tail, spanEnd: k.end}
	c.ref.Start = k.start
	c.ref.Key, c.ref.Number, c.ref.Year = k.text(), k.number, k.year

	// Look back: "số", "số:", then the type word or a form ("Mẫu số").
	pos := k.start
	if w, ok := prevWord(s, pos, ":*[("); ok && w.fold == "so" {
		pos = w.start
	}
	if w, ok := prevWord(s, pos, ":*[("); ok && isFormWord(s, w) {
		c.reject = true
	}
	if !c.reject {
		if typ, start, ok := typeWordBefore(s, pos); ok {
			c.typeWord, c.hasType, c.ref.Start = typ, true, start
		} else if b := skipSpaceBack(s, pos); b > 0 && s[b-1] == '[' {
			// "Căn cứ Nghị định [số 30/2020/NĐ-CP] ngày …": the brackets
			// hold the number of the type word before them; the
			// reference spans them whole (attachDirect)
			if typ, start, ok := typeWordBefore(s, b-1); ok {
				c.typeWord, c.hasType, c.ref.Start, c.bracket = typ, true, start, true
			}
		}
	}
	var prev *cand
	if n := len(p.cands); n > 0 {
		prev = &p.cands[n-1]
	}
	inherited := false
	if !c.hasType && !c.reject && prev != nil && listGap(s, prev.spanEnd, pos) {
		c.typeWord, c.hasType, c.reject, inherited = prev.typeWord, prev.hasType, prev.reject, true
	}
	symType, code := k.symbol()
	c.ref.IssuerCode = code
	if !c.hasType && !c.reject && (symType == "" || symType == typeLaw || symType == typeOrdinance) {
		if typ, start, ok := namedTypeBefore(s, pos); ok {
			c.typeWord, c.hasType, c.ref.Start = typ, true, start
		}
	}
	switch {
	case c.reject:
	case symType == "" && strings.IndexByte(s[k.start:k.end], '.') >= 0:
		// a dot read for the dash after a type's code ("NĐ.CP") whose
		// code cite does not spell as a type's; after any other code
		// the dot ended the key already (dotEnd: "03/TKDN.ĐK" is
		// 03/TKDN, no reference without a type word)
		c.reject = true
	case !k.slash && !(c.hasType && c.typeWord != ""):
		c.reject = true // "73-CP" only after an explicit type word
	case c.typeWord != "" && !(inherited && symType != "" && symType != c.typeWord):
		c.ref.Type = c.typeWord
	case symType != "":
		c.ref.Type = symType
	case k.letters >= 2 || issuerByCode(code) != "" || (c.hasType && k.slash):
		c.ref.Type = typeLetter // 9394/BTC-NSNN: issuer and drafting unit
	default:
		c.reject = true
	}
	if !c.reject {
		p.attachDirect(&c)
	}
	c.ref.End = c.spanEnd
	p.cands = append(p.cands, c)
}

// attachDirect reads a date and an issuer written right after the key. A
// date whose year differs from the key's (45/2010/NĐ-CP ngày 16/04/2013) or
// an issuer that does not agree with the key's issuer code belongs to an
// enclosing reference: they are left to attachTitles.
func (p *parser) attachDirect(c *cand) {
	s := p.s
	q := skipSpace(s, c.keyEnd)
	closed := 0 // the end of the "]" closing a bracketed number (candidate)
	if c.bracket && q < len(s) && s[q] == ']' {
		closed = q + 1
		q = skipSpace(s, closed)
	}
	if q < len(s) && s[q] == ',' {
		q = skipSpace(s, q+1)
	}
	if w, ok := wordAt(s, q); ok && w.fold == "ban" {
		if w2, ok := wordAt(s, skipSpace(s, w.end)); ok && w2.fold == "hanh" {
			q = skipSpace(s, w2.end)
		}
	}
	date, end := "", max(c.keyEnd, closed)
	if n, ok := wrappedDate(s, q); ok {
		q = n
	}
	if w, ok := wordAt(s, q); ok && w.fold == "ngay" {
		if d, e, ok := dateAt(s, skipSpace(s, w.end)); ok {
			if !yearAgrees(c.ref.Year, d) {
				c.open = false // neither this date nor a later one
				c.spanEnd = max(c.spanEnd, closed)
				return
			}
			date, end = d, e
		}
	}
	q = skipSpace(s, end)
	if q < len(s) && s[q] == ',' && date != "" {
		q = skipSpace(s, q+1)
	}
	if w, ok := wordAt(s, q); ok && w.fold == "cua" {
		if names, e, ok := issuersAt(s, skipSpace(s, w.end), c.ref.IssuerCode); ok {
			if !compatible(c.ref.IssuerCode, names) {
				c.open = true
				c.spanEnd = max(c.spanEnd, closed)
				return
			}
			c.issuers, end = names, e
		}
	}
	if end == c.keyEnd {
		end = c.spanEnd // nothing attached: the reference ends at its key, not at a code after a dot
	}
	if c.bracket && closed == 0 {
		if q := skipSpace(s, end); q < len(s) && s[q] == ']' {
			end = q + 1 // "[số 30/2020/NĐ-CP ngày 05/3/2020]"
		}
	}
	c.ref.Date, c.spanEnd = date, end
	c.open = date == "" && len(c.issuers) == 0
}

// wrappedDate reports a line break at q (after spaces) followed by a line
// that opens with "ngày" in lower case: the reference's date wrapped onto
// the next line ("… Nghị định số 15/2018/NĐ-CP" then "ngày 02 tháng 02 năm
// 2018 của Chính phủ …", a heading or a trích yếu hard-wrapped), and the
// position of "ngày".
func wrappedDate(s string, q int) (int, bool) {
	if q < len(s) && s[q] == '\r' {
		q++
	}
	if q >= len(s) || s[q] != '\n' {
		return 0, false
	}
	n := skipSpace(s, q+1)
	if w, ok := wordAt(s, n); ok && w.fold == "ngay" && strings.HasPrefix(s[n:], "ngày") {
		return n, true
	}
	return 0, false
}

// yearAgrees reports whether date (YYYY-MM-DD) can be the date of issue
// of a key with year y (0 when the key has none).
func yearAgrees(y int, date string) bool {
	return y == 0 || strconv.Itoa(y) == date[:4]
}
