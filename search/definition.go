package search

import (
	"strings"
	"unicode"

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

// aspectWords tie an aspect to the thing it is of: "mục tiêu của kế
// hoạch là gì", "nhiệm vụ của thư viện là gì", "điều kiện để thành lập
// thư viện là gì" ask for that aspect of a thing, not for what the thing
// is, so "là gì" after one of them is no definition cue.
var aspectWords = []string{"của", "để"}

// definitionIntent is how strongly the query asks for a definition: 1 for
// a cue, statement for a bare "là" (0 but in the exam profile), 0
// otherwise.
func definitionIntent(raw string, statement float64) float64 {
	words := strings.FieldsFunc(viet.Lower(raw), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	folded := make([]string, len(words))
	for i, w := range words {
		folded[i] = viet.Fold(w)
	}
	f := " " + strings.Join(folded, " ") + " "
	for _, c := range definitionCues {
		i := strings.Index(f, " "+c+" ")
		if i < 0 || c == "la gi" && hasAspect(words[:strings.Count(f[:i], " ")], viet.HasMarks(raw)) {
			continue
		}
		return 1
	}
	if strings.Contains(f, " la ") {
		return statement
	}
	return 0
}

// hasAspect reports whether words (lowercase) hold an aspect word: as
// spelled when the query has marks, folded when it has none ("cua", "de";
// "đề án" typed without marks then counts as one, which only costs the
// definition clause).
func hasAspect(words []string, marks bool) bool {
	for _, w := range words {
		for _, a := range aspectWords {
			if marks && w == a || !marks && viet.Fold(w) == viet.Fold(a) {
				return true
			}
		}
	}
	return false
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
	return []Intent{{Name: definitionName, Field: indexer.FieldTitleBigram, Term: definitionTitle, Factor: g * w.Definition}}
}
