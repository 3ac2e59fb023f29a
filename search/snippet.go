package search

import (
	"html"
	"strings"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/indexer"
)

// Snippet returns an HTML fragment of about width bytes of text around the
// densest cluster of matched words, escaped, with <mark> on every word whose
// folded form is in terms. Marks land on the original accented text whatever
// the query's accents: "nghi quyet" marks "Nghị quyết".
func Snippet(text string, terms map[string]bool, width int) string {
	s, _ := snippetAt(text, terms, width)
	return s
}

// snippetAt is Snippet, and the byte offset in text of the first marked
// word of the snippet (-1 when nothing is marked): where the match is, for
// the page of a file.
func snippetAt(text string, terms map[string]bool, width int) (string, int) {
	if text == "" {
		return "", -1
	}
	type span struct {
		start, end int
		weight     int
	}
	var hits []span
	var num span // the document number being read, the weight of its first marked part
	total := 0
	viet.Tokenize(text, func(t viet.Token) {
		w := text[t.Start:t.End]
		key := viet.Fold(w)
		if t.Kind == viet.DocNumber {
			key = doctype.NumberKey(w)
			num = span{t.Start, t.End, 0}
			if !terms[key] && partNumber(key, terms) {
				num.weight = numberWeight
			}
		}
		if terms[key] {
			if n := len(hits); n > 0 && hits[n-1].end > t.Start { // a part inside a marked number
				return
			}
			h := span{t.Start, t.End, 1}
			if t.Kind == viet.DocNumber {
				h.weight = numberWeight
			} else if t.Start >= num.start && t.End <= num.end {
				// a part of a number: of one the query names partly, the
				// number's weight; of another ("NQ" of 347/NQ-CP for
				// 380/NQ-CP), none
				h.weight = num.weight
				num.weight = 0
			}
			hits = append(hits, h)
			total += h.weight
		}
	})
	if total == 0 { // only parts of other numbers ("nq" alone): count them
		for i := range hits {
			hits[i].weight = 1
		}
	}
	// Pick the window [lo, lo+width) holding the most hits, by weight: a
	// document number the query names outweighs its parts in other
	// numbers ("380/NQ-CP" beside "347/NQ-CP, 11/NQ-CP…").
	lo, best, at := 0, 0, -1
	for i, j, sum := 0, 0, 0; i < len(hits); i++ {
		for j < len(hits) && hits[j].end-hits[i].start <= width {
			sum += hits[j].weight
			j++
		}
		if sum > best && hits[i].weight > 0 { // a window starts at a hit that counts
			best, lo = sum, hits[i].start
		}
		sum -= hits[i].weight
	}
	if best > 0 {
		at = lo
		lo = max(0, lo-width/4)
	}
	lo = wordStart(text, lo)
	hi := wordEnd(text, min(len(text), lo+width))
	var b strings.Builder
	if lo > 0 {
		b.WriteString("… ")
	}
	pos := lo
	open := false
	for _, h := range hits {
		if h.start < lo || h.end > hi {
			continue
		}
		gap := text[pos:h.start]
		if open && strings.TrimSpace(gap) != "" {
			b.WriteString("</mark>")
			open = false
		}
		b.WriteString(html.EscapeString(gap))
		if !open {
			b.WriteString("<mark>")
			open = true
		}
		b.WriteString(html.EscapeString(text[h.start:h.end]))
		pos = h.end
	}
	if open {
		b.WriteString("</mark>")
	}
	b.WriteString(html.EscapeString(text[pos:hi]))
	if hi < len(text) {
		b.WriteString(" …")
	}
	return strings.Join(strings.Fields(b.String()), " "), at
}

// numberWeight is what a document number the query names weighs in the
// choice of a snippet's window, against 1 for a word.
const numberWeight = 8

// partNumber reports whether the number key ("380/nq-cp") is one a partial
// number of the query names ("nq 380": its number and its code are both
// terms).
func partNumber(key string, terms map[string]bool) bool {
	first, rest, ok := strings.Cut(key, "/")
	if !ok || !terms[first] {
		return false
	}
	for rest != "" {
		i := strings.IndexAny(rest, "/-")
		if i < 0 {
			return terms[rest]
		}
		if terms[rest[:i]] {
			return true
		}
		rest = rest[i+1:]
	}
	return false
}

// wordStart moves i back to the start of its word (at most 30 bytes), on a
// UTF-8 rune boundary.
func wordStart(s string, i int) int {
	for n := 0; i > 0 && s[i-1] != ' ' && s[i-1] != '\n' && n < 30; n++ {
		i--
	}
	for i < len(s) && s[i]&0xC0 == 0x80 {
		i++
	}
	return i
}

// wordEnd moves i forward to the end of its word (at most 30 bytes), on a
// UTF-8 rune boundary.
func wordEnd(s string, i int) int {
	for n := 0; i < len(s) && s[i] != ' ' && s[i] != '\n' && n < 30; n++ {
		i++
	}
	for i < len(s) && s[i]&0xC0 == 0x80 {
		i++
	}
	return i
}

// HighlightTerms are the folded words and number keys of q that Snippet
// marks.
func HighlightTerms(q Query) map[string]bool {
	set := map[string]bool{}
	for _, s := range append([]string{q.Text}, q.Phrases...) {
		for _, t := range indexer.QueryTerms(s, indexer.AnalyzerFold) {
			set[t] = true
		}
	}
	for _, k := range q.Numbers {
		set[k] = true
	}
	for _, p := range q.Partial {
		set[p.Number] = true
		set[p.Code] = true
	}
	delete(set, "")
	for t := range set {
		if stop[t] {
			delete(set, t)
		}
	}
	return set
}

// stop lists folded function words not worth highlighting on their own.
var stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("va cua la cac nhung duoc cho voi trong tai theo ve thi ma co khong nay do de tu den mot") {
		m[viet.Fold(w)] = true
	}
	return m
}()
