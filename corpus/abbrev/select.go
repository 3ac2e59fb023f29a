package abbrev

import (
	"cmp"
	"slices"
	"strings"
)

// Support rules for the definitions of a collection (Select).
const (
	// MinDocsNamed is how many documents must give a definition whose
	// letters are not the initials of its long form ("WTO" for Tổ chức
	// Thương mại Thế giới): the text said it is an abbreviation, but the
	// long form was cut at a comma, not by its initials, so one text is
	// not evidence enough.
	MinDocsNamed = 2
	// MaxSenses is how many long forms one short form keeps.
	MaxSenses = 3
)

// Select keeps the definitions of a collection (each with the number of
// documents that give it) that may expand queries:
//
//   - one whose letters are the initials of its long form needs one
//     document: the letters are the evidence (a law defines BPKCTT once,
//     in one article);
//   - one whose letters are not needs MinDocsNamed documents;
//   - a short form given several long forms keeps those given by at
//     least half as many documents as the most given one, MaxSenses at
//     most, most given first ("HĐ" as hợp đồng in 40 texts and hội đồng in
//     30 keeps both; a lone typo beside 40 agreeing texts is dropped).
//
// The definitions of one document are not kept apart: a query is
// expanded over the whole collection, and a definition's weight is that
// of any expansion (small: the documents that hold the very words typed
// rank first).
func Select(es []Entry) []Entry {
	groups := map[string][]Entry{}
	var keys []string
	for _, e := range es {
		if e.Docs < 1 || !Consistent(e.Short, e.Long) && e.Docs < MinDocsNamed {
			continue
		}
		k := strings.Join(FoldedWords(e.Short), " ")
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], e)
	}
	slices.Sort(keys)
	var out []Entry
	for _, k := range keys {
		g := groups[k]
		slices.SortStableFunc(g, func(a, b Entry) int { return cmp.Or(b.Docs-a.Docs, strings.Compare(a.Long, b.Long)) })
		for i, e := range g {
			if i == MaxSenses || 2*e.Docs < g[0].Docs {
				break
			}
			out = append(out, e)
		}
	}
	return out
}

// Consistent reports whether the letters of short are the initials of
// the words of long ("BPKCTT", biện pháp khẩn cấp tạm thời; "KHCN", khoa
// học và công nghệ), Đ read as D and marks ignored.
func Consistent(short, long string) bool {
	return isAbbrev(short) && spell(abbrevLetters(short), spans(long))
}
