package search

import (
	"github.com/vanban/vanban/indexer"
)

// Article references: "điều 29 luật viên chức", "luat cu tru 2020 dieu 20",
// "Điều 36 BLLĐ". Staff cite the article they want by number; the index
// keeps the number of every article heading (indexer.FieldArticle: the
// article a document is, or the articles of a whole text), so the number
// finds its articles, and the rest of the query (the law's name, which the
// part and title views match) tells the one meant from the articles of
// the same number in other laws.

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
