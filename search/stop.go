package search

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/indexer"
)

// stopText lists function words, question words and the set phrases of
// staff questions ("bao nhiêu", "theo quy định", "cho biết"). They are
// down-weighted (Weights.Stop), never dropped: a query made only of them
// must still find something.
const stopText = `
và của là các những được cho với trong tại theo về thì mà có không này đó
để từ đến một gì nào ai đâu sao bao nhiêu hay hoặc khi nếu phải bị đã sẽ
đang cũng như thế vậy nào bằng trên dưới sau trước hơn rất nhất chỉ còn
cho_biết những_gì`

// stopPairs are the bigrams of set phrases that say nothing about the topic.
const stopPairs = `bao nhiêu|quy định|theo quy|định của|của pháp|pháp luật|
như thế|thế nào|là gì|hay không|có được|được không|trường hợp|đúng không|cho biết|
theo luật|luật này|bộ luật|hay là|có phải|phải không|những gì`

// examText and examPairs are the words of exam items ("…, đúng hay sai?",
// "Hãy nêu …", "Phương án nào sau đây …"): stop words only under the exam
// profile (Weights.Exam), since staff use "đúng" and "sai" as content
// ("áp dụng sai", "khai sai").
const (
	examText  = `đúng sai hãy nêu`
	examPairs = `đúng hay|hay sai|là đúng|là sai|nào sau|sau đây`
)

var (
	stopExact, stopFold = buildStop(stopText, stopPairs)
	examExact, examFold = buildStop(examText, examPairs)
)

func buildStop(words, pairs string) (exact, fold map[string]bool) {
	exact, fold = map[string]bool{}, map[string]bool{}
	for _, w := range strings.Fields(words) {
		w = strings.ReplaceAll(w, "_", " ")
		exact[viet.Lower(w)] = true
		fold[viet.Fold(w)] = true
	}
	for _, p := range strings.Split(pairs, "|") {
		p = strings.TrimSpace(p)
		exact[viet.Lower(p)] = true
		fold[viet.Fold(p)] = true
	}
	return exact, fold
}

// stopWords tells the stop words among the analyzed terms of one query.
// A folded term merges spellings: "hon" is the stop word "hơn" and the
// "hôn" of "ly hôn", "vay" is "vậy" and "vay". Which one the query means
// is in its spelling — as typed when it has marks, as restored
// (restore.go) when it has none — so a folded term the query spells as a
// content word is not a stop word (content), however it folds.
type stopWords struct {
	content map[string]bool // folded syllables and bigrams spelled as content words
}

// queryStops reads the content words of spelled, the query's text with
// its marks ("" when they are unknown: a query typed without marks that
// restoration left as it was; the folded lists decide then).
func queryStops(spelled string) stopWords {
	if spelled == "" {
		return stopWords{}
	}
	content := map[string]bool{}
	for _, v := range [][2]string{{indexer.AnalyzerExact, indexer.AnalyzerFold}, {indexer.AnalyzerBigramExact, indexer.AnalyzerBigram}} {
		exact, fold := indexer.QueryTerms(spelled, v[0]), indexer.QueryTerms(spelled, v[1])
		if len(exact) != len(fold) {
			continue // not aligned: leave it to the lists
		}
		for i, e := range exact {
			if !stopExact[e] && !examExact[e] {
				content[fold[i]] = true
			}
		}
	}
	return stopWords{content: content}
}

// weight is the stop-word factor of an analyzed term: w.Stop for a stop
// word, w.Exam for a word of exam items when the profile sets it, 1
// otherwise. folded says the term is of a folded view; an exact-view term
// without marks ("ma" of "ma túy") is a folded spelling too, unless it is
// a stop word as spelled ("cho").
func (s stopWords) weight(t string, folded bool, w Weights) float64 {
	if s.content[t] && (folded || !stopExact[t] && !examExact[t]) {
		return 1
	}
	switch {
	case stopExact[t] || stopFold[t]:
		return w.Stop
	case w.Exam > 0 && (examExact[t] || examFold[t]):
		return w.Exam
	}
	return 1
}
