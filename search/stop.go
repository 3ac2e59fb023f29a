package search

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// stopText lists function words, question words and the set phrases of
// exam-style and staff questions ("bao nhiêu", "đúng hay sai", "theo quy
// định"). They are down-weighted (Weights.Stop), never dropped: a query made
// only of them must still find something.
const stopText = `
và của là các những được cho với trong tại theo về thì mà có không này đó
để từ đến một gì nào ai đâu sao bao nhiêu hay hoặc khi nếu phải bị đã sẽ
đang cũng như thế vậy nào bằng trên dưới sau trước hơn rất nhất chỉ còn
đúng sai hãy nêu cho_biết những_gì`

// stopPairs are the bigrams of set phrases that say nothing about the topic.
const stopPairs = `bao nhiêu|đúng hay|hay sai|quy định|theo quy|định của|của pháp|pháp luật|
như thế|thế nào|là gì|hay không|có được|được không|trường hợp|đúng không|cho biết|
theo luật|luật này|bộ luật|hay là|là đúng|là sai|có phải|phải không|những gì|nào sau|sau đây`

var stopExact, stopFold = buildStop()

func buildStop() (exact, fold map[string]bool) {
	exact, fold = map[string]bool{}, map[string]bool{}
	for _, w := range strings.Fields(stopText) {
		w = strings.ReplaceAll(w, "_", " ")
		exact[viet.Lower(w)] = true
		fold[viet.Fold(w)] = true
	}
	for _, p := range strings.Split(stopPairs, "|") {
		p = strings.TrimSpace(p)
		exact[viet.Lower(p)] = true
		fold[viet.Fold(p)] = true
	}
	return exact, fold
}

// isStop reports whether an analyzed term (exact, folded or a folded
// bigram) is a stop word.
func isStop(t string) bool { return stopExact[t] || stopFold[t] }
