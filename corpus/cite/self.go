package cite

import (
	"cmp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// What a document says of itself: its date of signing and when it takes
// effect ("Quyết định này có hiệu lực kể từ ngày ký", "Nghị định có hiệu lực
// thi hành từ ngày 01 tháng 7 năm 2026", "… có hiệu lực đến hết ngày …").

// Self is what is known of the document a text belongs to.
type Self struct {
	Number string // its số ký hiệu: the date the text gives it is its date of signing
	Signed string // its date of signing, YYYY-MM-DD, when known
	Dated  string // the date its source gives it (a portal's publication date): "kể từ ngày ký" resolves to it when the text gives no date of signing
}

// Doc is what ParseDoc reads from a document's text.
type Doc struct {
	Refs      []Ref
	Signed    string // Self.Signed, else the date the text gives its own number, else its header's "…, ngày … tháng … năm …"
	Effective string // when the document takes effect, YYYY-MM-DD, as its text states ("" when it does not say)
	Until     string // when it ceases to have effect, as its text states
}

// ParseDoc reads the references of a document's text with their relations,
// and what the text says of the document itself.
func ParseDoc(text string, self Self) Doc {
	refs := parseRefs(text)
	ownTail(refs, doctype.NumberKey(self.Number))
	d := &docFacts{s: text, self: self, refs: refs}
	if len(refs) > 0 {
		newRelPass(text, refs, d).run()
	}
	d.compute()
	return Doc{Refs: refs, Signed: d.signed, Effective: d.effective, Until: d.until}
}

// ownTail reads a number OCR split after "số" (viet splitLead joins its
// halves) as its second half alone where that is the text's own number
// own: a "1" may stray before a number, and an appendix's "Kèm theo
// Nghị định số 1 45/2031/NĐ-CP" in that decree names the decree itself,
// not a 145/2031/NĐ-CP. The index's token keeps the joined key (the
// tokenizer does not know the text's number). Any other digit before a
// two-digit number is never joined (viet splitLead).
func ownTail(refs []Ref, own string) {
	if own == "" {
		return
	}
	for i := range refs {
		r := &refs[i]
		if !strings.HasPrefix(r.Key, r.Number) {
			continue
		}
		rest := r.Key[len(r.Number):]
		for p := 1; p < len(r.Number); p++ {
			tail := r.Number[p:]
			if strings.Contains(r.Text, r.Number[:p]+" "+tail) && doctype.NumberKey(tail+rest) == own {
				r.Key, r.Number = tail+rest, tail
				break
			}
		}
	}
}

// docFacts computes the document's own dates once, when first needed.
type docFacts struct {
	view          *tokView // the tokens already read near references, searched first
	s             string
	self          Self
	refs          []Ref
	done          bool
	signedRead    bool
	signed        string
	resolveSigned string // signed, else Self.Dated
	effective     string
	until         string
}

// facts returns the document's effective date and its date of signing, for
// resolving an effect that refers to them.
func (d *docFacts) facts(e effect) (string, string) {
	if e.date != "" {
		return "", ""
	}
	d.compute()
	return d.effective, d.resolveSigned
}

func (d *docFacts) compute() {
	if d.done {
		return
	}
	d.done = true
	d.signedDate()
	signed := cmp.Or(d.signed, d.self.Dated)
	e, ok := effect{}, false
	if d.view != nil {
		e, ok = d.view.selfEffect()
	}
	if !ok {
		e, ok = selfEffect(d.s)
	}
	if ok {
		d.effective = e.resolve("", signed)
		d.until = e.until
	}
	d.resolveSigned = signed
}

// signedDate is the text's date of signing, read once: Self.Signed, else
// the date the text gives its own number, else its header's date.
func (d *docFacts) signedDate() string {
	if d.signedRead {
		return d.signed
	}
	d.signedRead = true
	d.signed = d.self.Signed
	if d.signed == "" && d.self.Number != "" {
		own := doctype.NumberKey(d.self.Number)
		for _, r := range d.refs {
			if r.Date != "" && r.LookupKey() == own {
				d.signed = r.Date
				break
			}
		}
	}
	if d.signed == "" {
		d.signed = headerDate(d.s)
	}
	return d.signed
}

// headerDate reads the place-and-date line of a document's header ("Hà Nội,
// ngày 05 tháng 3 năm 2020") in its first lines.
func headerDate(s string) string {
	head := s[:min(len(s), 3000)]
	for off := 0; ; {
		i := strings.Index(head[off:], "ngày")
		if i < 0 {
			return ""
		}
		at := off + i
		off = at + len("ngày")
		ls := strings.LastIndexByte(head[:at], '\n') + 1
		before := strings.TrimRight(head[ls:at], " \t*_")
		if !strings.HasSuffix(before, ",") || len(before) > 60 {
			continue
		}
		place := strings.TrimLeft(before, " \t*_#>")
		r, _ := utf8.DecodeRuneInString(place)
		if !unicode.IsUpper(r) || strings.ContainsAny(place, "0123456789") {
			continue
		}
		if d, _, ok := dateAt(s, skipSpace(s, off)); ok {
			return d
		}
	}
}

// selfEffect finds the first statement of the document's own effect: a
// clause opening with "… này" or a bare type word whose predicate is "có
// hiệu lực …". Only the places where "hiệu lực" is written are read, in
// any case and either normalisation form ("HIỆU LỰC", "Hiệu Lực", NFD,
// "hieu luc"): hieuLuc.
func selfEffect(s string) (effect, bool) {
	for off := 0; ; {
		at := hieuLuc(s, off)
		if at < 0 {
			return effect{}, false
		}
		off = at + 1
		if e, ok := selfEffectAt(s, at); ok {
			return e, true
		}
	}
}

// hieuLuc returns the offset of the first "hiệu lực" in s at or after
// off, -1 when there is none: a word whose fold (viet.AppendFold, as the
// lexer folds words) is "hieu", spaces, and one whose fold is "luc".
func hieuLuc(s string, off int) int {
	var buf [24]byte
	fold := func(a, b int) string { return string(viet.AppendFold(buf[:0], s[a:b])) }
	for off < len(s) {
		i := strings.IndexAny(s[off:], "hH")
		if i < 0 {
			return -1
		}
		at := off + i
		off = at + 1
		if r, _ := utf8.DecodeLastRuneInString(s[:at]); at > 0 && isWordRune(r) {
			continue
		}
		end := wordEnd(s, at)
		if end-at > len(buf) || fold(at, end) != "hieu" {
			continue
		}
		j := end
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if e := wordEnd(s, j); j > end && e-j <= len(buf) && fold(j, e) == "luc" {
			return at
		}
	}
	return -1
}

// selfEffect finds the document's statement of its own effect among the
// tokens of a view (the closing article usually names what it replaces).
func (v *tokView) selfEffect() (effect, bool) {
	for k := 1; k+2 < len(v.toks); k++ {
		if v.toks[k].lex&lexHot == 0 || v.word(k) != "co" || v.word(k+1) != "hieu" || v.word(k+2) != "luc" {
			continue
		}
		start := k
		for start > 0 && !sentenceBound(v.kind(start-1)) && v.kind(start-1) != tSemi && v.kind(start-1) != tRef {
			start--
		}
		if v.selfSubject(start, k) {
			if e, _, ok := v.effectAt(k); ok {
				return e, true
			}
		}
	}
	return effect{}, false
}

func selfEffectAt(s string, at int) (effect, bool) {
	a := max(0, at-400)
	if ls := strings.LastIndexByte(s[a:at], '\n'); ls >= 0 {
		a += ls + 1
	}
	a = wordEndBefore(s, a)
	b := wordEndBefore(s, min(len(s), at+300))
	if b <= at {
		b = len(s)
	}
	v := lexWindow(s, a, b)
	for k := range v.toks {
		if int(v.toks[k].start) != at || v.word(k) != "hieu" || v.word(k-1) != "co" {
			continue
		}
		c := k - 1
		start := c
		for start > 0 && !sentenceBound(v.kind(start-1)) && v.kind(start-1) != tSemi {
			start--
		}
		if !v.selfSubject(start, c) {
			return effect{}, false
		}
		e, _, ok := v.effectAt(c)
		return e, ok
	}
	return effect{}, false
}
