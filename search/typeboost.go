package search

import (
	"github.com/vanban/vanban/indexer"
)

// docTypes maps folded type names (loại văn bản) to the canonical names
// stored in the type field (corpus.Document.Type, as the crawler and
// corpus.ParseRefs write them). Left out on purpose: "quy định" (mostly
// "theo quy định", not the type) and "luật" (also the second syllable of
// "kỷ luật"). The ND 30/2020 codes (NQ, KH, CTr …) arrive through the
// abbreviation expansions, with their capitalisation rules (abbrev.go).
var docTypes = map[string]string{
	"nghi quyet":   "Nghị quyết",
	"quyet dinh":   "Quyết định",
	"chi thi":      "Chỉ thị",
	"ke hoach":     "Kế hoạch",
	"chuong trinh": "Chương trình",
	"ket luan":     "Kết luận",
	"thong bao":    "Thông báo",
	"nghi dinh":    "Nghị định",
	"thong tu":     "Thông tư",
	"bo luat":      "Bộ luật",
	"phap lenh":    "Pháp lệnh",
	"cong van":     "Công văn",
	"de an":        "Đề án",
	"huong dan":    "Hướng dẫn",
	"quy che":      "Quy chế",
	"bao cao":      "Báo cáo",
	"to trinh":     "Tờ trình",
	"cong dien":    "Công điện",
	"phuong an":    "Phương án",
}

// namedTypes are the canonical document types the query names, in order:
// type words in the free text ("nghị quyết", "ke hoach") and the type codes
// among its expansions ("NQ" → Nghị quyết).
func namedTypes(q Query) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range append([]string{q.Text}, q.Expansions...) {
		fw := foldedWords(s)
		for i := range fw {
			if i+1 < len(fw) {
				if t, ok := docTypes[fw[i]+" "+fw[i+1]]; ok && !seen[t] {
					seen[t] = true
					out = append(out, t)
				}
			}
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
