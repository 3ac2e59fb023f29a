package indexer

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/outline"
)

// Articles of a legal text. A document is either one article stored on its
// own (its title "Điều 29. Đơn phương chấm dứt hợp đồng làm việc") or a
// whole text whose body has a heading line per article. Either way the
// index keeps the article numbers (FieldArticle), which a query naming an
// article ("điều 29 luật viên chức") looks for, and the headings' titles,
// which rank a long text for a short query that names one of its articles'
// subjects (the heading views).

// articleFields are the article numbers of d and the titles of its body's
// article headings. (The title views leave out a title's "Điều N."
// prefix: titleAnalyzer.)
func articleFields(d *corpus.Document) (numbers, headings []string) {
	seen := map[string]bool{}
	add := func(n string) {
		// "Điều 05" is article 5, as a query's "điều 5", and "Điều 63a."
		// article 63a (search/query.ArticleRefs).
		if n = strings.TrimLeft(n, "0"); n != "" && !seen[n] {
			seen[n] = true
			numbers = append(numbers, n)
		}
	}
	if n, _, ok := outline.ArticleHeading(strings.TrimSpace(d.Title)); ok {
		add(n)
	}
	for line := range strings.Lines(d.Body) {
		line = strings.TrimLeft(line, " \t#*>-")
		if !strings.HasPrefix(line, "Điều ") {
			continue
		}
		if n, t, ok := outline.ArticleHeading(strings.TrimRight(line, " \t\r\n*")); ok {
			add(n)
			if t != "" {
				headings = append(headings, t)
			}
		}
	}
	return numbers, headings
}

// titleAnalyzer analyzes a title as inner does, without the "Điều N."
// that opens the title of an article stored on its own: the number is the
// article field's, and a bare "29" among the title terms would rank every
// article 29 first for any query with that number in it.
type titleAnalyzer struct{ inner analysis.Analyzer }

func (a titleAnalyzer) Analyze(input []byte) analysis.TokenStream {
	ts := a.inner.Analyze(input)
	skip := headingPrefix(string(input))
	if skip == 0 {
		return ts
	}
	out := ts[:0]
	for _, t := range ts {
		if t.Start >= skip {
			out = append(out, t)
		}
	}
	return out
}

// headingPrefix is the length of the "Điều N." that opens s, 0 when s is
// not an article heading.
func headingPrefix(s string) int {
	t := strings.TrimLeft(s, " ")
	num, _, ok := outline.ArticleHeading(t)
	if !ok {
		return 0
	}
	return len(s) - len(t) + len("Điều ") + len(num)
}
