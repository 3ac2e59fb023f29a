package link

// The verb-object head (HeadBoost). An item's task is said by the words
// its first clause opens with once its subject is read off ("Tổ chức tập
// huấn kỹ thuật tưới …" of "Phòng Nông nghiệp tổ chức tập huấn kỹ thuật
// tưới …"); a passage says each of its tasks the same way, at the start of
// each of its clauses. The bag of words does not see where a word stands:
// a general passage that names the item's topic in passing, in the
// middle of a clause about something else, scores as the passage whose
// clause opens with the same work. A passage holding, among the heads of
// its clauses, the terms of the item's head (their idf share h) ranks as
// if it scored 1 + HeadBoost·h times more. It ranks only, as the section
// alignment does (linkalign.go): the "implements nothing" decision and
// the further links' bar read the candidates without it.

import (
	"slices"
	"strings"

	"github.com/vanban/vanban/corpus/outline"
	bm25pkg "github.com/vanban/vanban/internal/bm25"
)

// headWords is the number of words of a clause, after its subject, that
// say its work: the verb and the head of its object ("tổ chức tập huấn
// kỹ thuật tưới tiết kiệm nước").
const headWords = 6

// clauses splits text at the marks that end a clause of a task (";",
// ".", a line's end) and before "đồng thời", which opens a second task in
// one sentence ("…, đồng thời bảo đảm …"). Not at ":": an agency's name
// ends with one ("Sở Y tế: Hướng dẫn …", outline.ActorWords reads it).
func clauses(text string) []string {
	var out []string
	for _, s := range strings.FieldsFunc(text, func(r rune) bool {
		return r == ';' || r == '.' || r == '\n'
	}) {
		for {
			k := strings.Index(s, "đồng thời")
			if k < 0 {
				break
			}
			out = append(out, s[:k])
			s = s[k+len("đồng thời"):]
		}
		out = append(out, s)
	}
	return out
}

// clauseHead is the first headWords words of clause after the agencies
// it opens with (outline.ActorWords: "Bộ Y tế chỉ đạo …" → "chỉ đạo …"),
// "" when it has none or is an agency's heading (a name and a colon,
// outline.AgencyName: "Phòng Giáo dục và Đào tạo:" on a line of its own).
func clauseHead(clause string) string {
	clause = strings.TrimSpace(clause)
	if strings.HasSuffix(clause, ":") && outline.AgencyName(clause) {
		return ""
	}
	_, toks, named := outline.ActorWords(clause)
	toks = toks[named:]
	return strings.Join(toks[:min(len(toks), headWords)], " ")
}

// itemHead is the head of the first clause of text with words in it.
func itemHead(text string) string {
	for _, c := range clauses(text) {
		if h := clauseHead(c); h != "" {
			return h
		}
	}
	return ""
}

// passageHeads is the distinct terms of the heads of every clause of
// text, sorted.
func passageHeads(text string) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range clauses(text) {
		outline.ScanTerms(clauseHead(c), func(t string) {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		})
	}
	slices.Sort(out)
	return out
}

// headQuery gives q the terms of its item's head, each with its idf, and
// the idf's sum (summed in the terms' order: the same on every run).
func (l *linker) headQuery(q *itemQuery, text string) {
	seen := map[string]bool{}
	outline.ScanTerms(itemHead(text), func(t string) {
		if !seen[t] {
			seen[t] = true
			q.vhead = append(q.vhead, t)
		}
	})
	slices.Sort(q.vhead)
	q.vheadIDF = make([]float64, len(q.vhead))
	for k, term := range q.vhead {
		q.vheadIDF[k] = bm25pkg.IDF(l.n, l.df[term])
		q.vheadW += q.vheadIDF[k]
	}
}

// headShare is the share of the idf of the item's head terms that a
// passage's clause heads (sorted) hold.
func (q *itemQuery) headShare(heads []string) float64 {
	if len(heads) == 0 || q.vheadW == 0 {
		return 0
	}
	s := 0.0
	for k, term := range q.vhead {
		if _, ok := slices.BinarySearch(heads, term); ok {
			s += q.vheadIDF[k]
		}
	}
	return s / q.vheadW
}
