package abbrev

import (
	"slices"
	"strings"
	"unicode"

	"github.com/vanban/vanban/corpus/viet"
)

// Entry is one abbreviation: Short ("UBND", "BPKCTT") stands for Long
// ("Ủy ban nhân dân"), both as written.
type Entry struct {
	Short, Long string
	// OneWay entries are expanded only: Long does not search Short (the
	// type and issuer codes, which text holds inside document numbers).
	OneWay bool
	// Docs is how many documents of the index define it (0 for the
	// built-in table).
	Docs int
}

// String is "Short = Long", as ParseEntry reads it.
func (e Entry) String() string { return e.Short + " = " + e.Long }

// entry is an Entry with both sides as folded syllables.
type entry struct {
	Entry
	shortF, longF []string
	// joined is shortF as one word when it has several ("tt&tt" typed
	// "tttt", "kt-xh" typed "ktxh"), else ""
	joined string
}

// Dict expands the abbreviations of a query, both ways. Its zero value
// expands nothing; it is only read once made, so it is safe for
// concurrent use.
type Dict struct {
	entries []entry
	// byShort lists, for the first folded syllable of a short form (and
	// a short form of several parts joined), the entries it starts, in
	// table order; byLong, for the first two of a long form (longKey)
	byShort, byLong map[string][]int
	seen            map[string]bool // folded "short=long" of the entries
}

// NewDict makes the dictionary of es. An entry repeating an earlier one
// (the same folded short form and long form) is left out, so the first
// owner of an abbreviation (the built-in table, given first) decides
// whether it goes both ways.
func NewDict(es ...[]Entry) *Dict {
	d := &Dict{byShort: map[string][]int{}, byLong: map[string][]int{}, seen: map[string]bool{}}
	for _, list := range es {
		d.add(list)
	}
	return d
}

// With returns a new dictionary of d's entries followed by es; d is not
// changed. d's entries are not folded again: a search adds the
// definitions of each snapshot to the built-in table this way.
func (d *Dict) With(es []Entry) *Dict {
	x := &Dict{entries: slices.Clone(d.entries), byShort: cloneIndex(d.byShort), byLong: cloneIndex(d.byLong), seen: make(map[string]bool, len(d.seen)+len(es))}
	for k := range d.seen {
		x.seen[k] = true
	}
	x.add(es)
	return x
}

func cloneIndex(m map[string][]int) map[string][]int {
	out := make(map[string][]int, len(m))
	for k, v := range m {
		out[k] = slices.Clip(v) // an append to one copies it
	}
	return out
}

func (d *Dict) add(es []Entry) {
	for _, e := range es {
		x := entry{Entry: e, shortF: FoldedWords(e.Short), longF: FoldedWords(e.Long)}
		if len(x.shortF) == 0 || len(x.longF) == 0 {
			continue
		}
		key := strings.Join(x.shortF, " ") + "=" + strings.Join(x.longF, " ")
		if d.seen[key] {
			continue
		}
		d.seen[key] = true
		k := len(d.entries)
		d.byShort[x.shortF[0]] = append(d.byShort[x.shortF[0]], k)
		if len(x.shortF) > 1 {
			x.joined = strings.Join(x.shortF, "")
			d.byShort[x.joined] = append(d.byShort[x.joined], k)
		}
		lk := longKey(x.longF, 0)
		d.byLong[lk] = append(d.byLong[lk], k)
		d.entries = append(d.entries, x)
	}
}

// longKey is the key a long form is found by in a text's folded words
// fw from i: its first two words (one when it has one), so that a
// query's common first word ("cấp", "quản") does not list every long form
// that starts with it.
func longKey(fw []string, i int) string {
	if i+1 < len(fw) {
		return fw[i] + " " + fw[i+1]
	}
	return fw[i]
}

// Len is the number of entries.
func (d *Dict) Len() int { return len(d.entries) }

// Entries returns the entries in table order.
func (d *Dict) Entries() []Entry {
	out := make([]Entry, len(d.entries))
	for i, e := range d.entries {
		out[i] = e.Entry
	}
	return out
}

// Expand returns the other side of every abbreviation in text, in table
// order: "UBND tỉnh" gives "Ủy ban nhân dân", and "Ủy ban nhân dân tỉnh"
// (or "uy ban nhan dan tinh") gives "UBND". A short form counts typed in
// any case when it has three letters or more ("bpkctt"), in capitals
// otherwise ("KH", not the syllable "kh"), and one of several parts typed
// as one word ("TTTT" for TT&TT, "ktxh" for KT-XH); typed marks must be
// its own ("HĐ" is not HD). Words inside a document number are not abbreviations
// ("154/NQ-CP").
func (d *Dict) Expand(text string) []string {
	if d == nil || len(d.entries) == 0 {
		return nil
	}
	ws := Words(text)
	fw := make([]string, len(ws))
	for i, w := range ws {
		fw[i] = viet.Fold(w)
	}
	var cand []int
	for i, w := range fw {
		cand = append(cand, d.byShort[w]...)
		cand = append(cand, d.byLong[w]...) // a long form of one word
		if i+1 < len(fw) {
			cand = append(cand, d.byLong[longKey(fw, i)]...)
		}
	}
	slices.Sort(cand)
	cand = slices.Compact(cand)
	var out []string
	add := func(s string) {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, k := range cand {
		a := &d.entries[k]
		if i := indexWords(fw, a.shortF); i >= 0 && sameMarks(ws[i:i+len(a.shortF)], a.Short) &&
			(len(strings.Join(a.shortF, "")) >= 3 || allUpper(ws[i:i+len(a.shortF)])) {
			add(a.Long)
		} else if i := slices.Index(fw, a.joined); a.joined != "" && i >= 0 && len(a.joined) >= 3 &&
			sameMarks([]string{ws[i]}, strings.Join(Words(a.Short), "")) {
			add(a.Long)
		}
		if !a.OneWay && indexWords(fw, a.longF) >= 0 {
			add(a.Short)
		}
	}
	return out
}

// FoldedWords are the folded syllables of s outside document numbers.
func FoldedWords(s string) []string {
	var ws []string
	for _, sp := range spans(s) {
		ws = append(ws, sp.fold)
	}
	return ws
}

// Words are the syllables of s outside document numbers ("154/NQ-CP" is
// a number, not the abbreviation NQ).
func Words(s string) []string {
	var ws []string
	for _, sp := range spans(s) {
		ws = append(ws, s[sp.start:sp.end])
	}
	return ws
}

func indexWords(ws, sub []string) int {
	for i := 0; i+len(sub) <= len(ws); i++ {
		j := 0
		for j < len(sub) && ws[i+j] == sub[j] {
			j++
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

// sameMarks reports whether typed words that carry marks spell the
// abbreviation exactly: "HĐ" is Hợp đồng, not HD (Hướng dẫn), while an
// unmarked "HD" may be either.
func sameMarks(typed []string, short string) bool {
	sw := Words(short)
	for k, w := range typed {
		if viet.HasMarks(w) && (k >= len(sw) || viet.Lower(w) != viet.Lower(sw[k])) {
			return false
		}
	}
	return true
}

func allUpper(ws []string) bool {
	for _, w := range ws {
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}
