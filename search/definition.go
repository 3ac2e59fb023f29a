package search

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/indexer"
)

// definitionCues are folded phrases by which a query asks what something
// is: "X là gì?", "thế nào là X", "định nghĩa X", "khái niệm X", "X được
// hiểu là", "X nghĩa là". A bare "là" is not one: "ai là người ký nghị
// quyết 154" asks who, not what (Weights.Statement, the exam profile,
// weighs the statements "X là Y" of exam items).
var definitionCues = []string{
	"la gi", "the nao la", "dinh nghia", "khai niem", "duoc hieu la", "giai thich", "nghia la", "duoc goi la",
}

// definitionTitle is the folded title bigram of a definitions article
// ("Giải thích từ ngữ", "Giải thích thuật ngữ").
const definitionTitle = "giai thich"

// definitionIntent is how strongly the query asks for a definition: 1 for
// a cue, statement for a bare "là" (0 but in the exam profile), 0
// otherwise.
func definitionIntent(raw string, statement float64) float64 {
	f := " " + strings.Join(strings.FieldsFunc(viet.Fold(raw), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	}), " ") + " "
	for _, c := range definitionCues {
		if strings.Contains(f, " "+c+" ") {
			return 1
		}
	}
	if strings.Contains(f, " la ") {
		return statement
	}
	return 0
}

// definitionIntents is, for a query that asks what something is, the
// query's text once more, weighed by w.Definition and matched only in the
// articles titled "Giải thích từ ngữ". The gain is a multiple of how well
// such an article matches, not a constant: the definitions article of
// another law gains little. It offsets BM25 length normalisation, which
// pushes the long definitions articles below short articles that merely
// use the term.
func definitionIntents(q Query, w Weights) []Intent {
	if w.Definition <= 0 {
		return nil
	}
	g := definitionIntent(q.Raw, w.Statement)
	if g == 0 || queryText(q) == "" {
		return nil
	}
	return []Intent{{Name: "definition", Field: indexer.FieldTitleBigram, Term: definitionTitle, Factor: g * w.Definition}}
}
