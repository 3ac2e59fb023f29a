package search

import (
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/indexer"
)

// namedTypes are the canonical document types the query names, in order:
// type names in the free text ("nghị quyết", "ke hoach"; the longest name
// wins, so "thông tư liên tịch" is one type) and the type codes among its
// expansions ("NQ", "KL" → Nghị quyết, Kết luận: every code of
// corpus/doctype, with the capitalisation rules of corpus/abbrev). Names that
// running text mostly uses as ordinary phrases (doctype.Type.Common: "theo
// quy định", "kỷ luật", "hợp đồng lao động", "dự án đầu tư") are left out.
func namedTypes(q Query) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range append([]string{q.Text}, q.Expansions...) {
		fw := foldedWords(s)
		for i := 0; i < len(fw); {
			t, n, ok := doctype.Match(fw[i:])
			if !ok {
				i++
				continue
			}
			if !t.Common && !seen[t.Name] {
				seen[t.Name] = true
				out = append(out, t.Name)
			}
			i += n
		}
	}
	return out
}

// docTypeIntents are, for each document type the query names, a clause on
// the type field: documents of that type (a resolution for
// "nghị quyết …") rank above news that only mention the words. The clause
// is the type term and the query's text once more, both weighed by
// w.DocType: a document of the type gains a constant (the type term,
// weighed like a query term of the same rarity, idf^IDFPower, so that the
// boost keeps its meaning whatever the size of the index) plus w.DocType
// times its text score, so among the plans "kế hoạch chuyển đổi số" still
// puts the plan on digital transformation first. A constant alone large
// enough to lift every plan above the news put a plan on another subject
// first; the text share alone (up to ×5) did not lift the plan above a
// short news item with the words in its title.
func docTypeIntents(q Query, w Weights) []Intent {
	if w.DocType <= 0 {
		return nil
	}
	var out []Intent
	for _, t := range namedTypes(q) {
		out = append(out, Intent{Name: "type " + t, Field: indexer.FieldType, Term: t, Boost: w.DocType, IDF: true, Factor: w.DocType})
	}
	return out
}
