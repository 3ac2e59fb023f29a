package search

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/indexer"
)

// Article references: "điều 29 luật viên chức", "luat cu tru 2020 dieu 20",
// "Điều 36 BLLĐ". Staff cite the article they want by number; the index
// keeps the number of every article heading (indexer.FieldArticle: the
// article a document is, or the articles of a whole text), so the number
// finds its articles, and the rest of the query (the law's name, which the
// part and title views match) tells the one meant from the articles of
// the same number in other laws.

// articleWords are the folded words that announce an article number.
var articleWords = map[string]bool{"dieu": true}

// maxArticle bounds an article number (the longest codes have about 700
// articles); a larger number after "điều" is something else.
const maxArticle = 3 // digits

// articleRefs are the article numbers the text cites ("điều 29" → "29"),
// in order, each once.
func articleRefs(text string) []string {
	var out []string
	seen := map[string]bool{}
	toks := viet.Tokens(text)
	for i := 0; i+1 < len(toks); i++ {
		w, n := toks[i], toks[i+1]
		if w.Kind != viet.Word || n.Kind != viet.Word || !articleWords[viet.Fold(text[w.Start:w.End])] {
			continue
		}
		num := strings.TrimLeft(text[n.Start:n.End], "0")
		if num == "" || len(num) > maxArticle || strings.Trim(num, "0123456789") != "" {
			continue
		}
		if !seen[num] {
			seen[num] = true
			out = append(out, num)
		}
	}
	return out
}

// articleIntent opens the name of an article intent ("article 29").
const articleIntent = "article "

// articleIntents are, for each article the query cites, a clause on the
// article field: the articles of that number gain the term, weighed like
// a query term of the same rarity times w.Article; among the articles 29,
// the text of the query (the law's name in the part and title views)
// puts the one of the law it names first. (Adding their text score again,
// as the type intent does, changed no ranking on any dev set.)
func articleIntents(q Query, w Weights) []Intent {
	if w.Article <= 0 {
		return nil
	}
	var out []Intent
	for _, n := range q.Articles {
		out = append(out, Intent{Name: articleIntent + n, Field: indexer.FieldArticle, Term: n, Boost: w.Article, IDF: true})
	}
	return out
}
