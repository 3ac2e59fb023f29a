package search

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/indexer"
)

// Diacritic restoration. A query typed without any accent ("luat vien chuc
// ky luat") only matches the folded views, which merge distinct words (ma:
// ma, mà, má, mã, mạ, mả). restore picks, for each syllable, the accented
// form the index supports best: candidates come from the exact view's term
// dictionary (every spelling that folds to the syllable), and adjacent
// syllables are chosen together by the document frequency of the exact
// bigram ("ma túy" beats "mà tùy"). The restored text then feeds the exact
// views, so an accent-free query regains the exact-match signal.

// maxCandidates bounds the spellings kept per syllable (by document
// frequency).
const maxCandidates = 6

// letterClass maps a base letter to a regexp class of every lowercase
// letter that folds to it: 'a' → "[aàáảãạăằắẳẵặâầấẩẫậ]".
var letterClass = buildLetterClass()

func buildLetterClass() map[rune]string {
	sets := map[rune][]rune{}
	for r := rune(0xC0); r <= 0x1EFF; r++ {
		s := string(r)
		if strings.ToLower(s) != s || !utf8.ValidString(s) {
			continue
		}
		f := viet.Fold(s)
		if len(f) == 1 && f[0] >= 'a' && f[0] <= 'z' && vietnameseMarks(s) {
			sets[rune(f[0])] = append(sets[rune(f[0])], r)
		}
	}
	out := map[rune]string{}
	for base, rs := range sets {
		out[base] = "[" + string(base) + string(rs) + "]"
	}
	return out
}

// vietnameseMarks reports whether the letter s carries only Vietnamese
// tone and shape marks (or is đ), not ĝ, ǎ, å and the like.
func vietnameseMarks(s string) bool {
	if s == "đ" {
		return true
	}
	for _, r := range norm.NFD.String(s)[1:] {
		if !strings.ContainsRune("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B", r) {
			return false
		}
	}
	return true
}

// foldPattern is a regexp matching every exact-view spelling of a folded
// syllable.
func foldPattern(w string) string {
	var b strings.Builder
	for _, r := range w {
		if c, ok := letterClass[r]; ok {
			b.WriteString(c)
		} else {
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	return b.String()
}

// candidate is one spelling of a syllable and its document frequency.
type candidate struct {
	form string
	df   uint64
}

// restore returns text with the accents the index vocabulary suggests, or
// "" when it cannot (no statistics, or nothing to restore).
func restore(text string, st *termStats) string {
	if st == nil || viet.HasMarks(text) {
		return ""
	}
	var segs [][]string // runs of syllables without a clause break
	var cur []string
	prevEnd := 0
	viet.Tokenize(text, func(t viet.Token) {
		if t.Kind != viet.Word {
			return
		}
		if len(cur) > 0 && strings.ContainsAny(text[prevEnd:t.Start], ".,;:!?\n()\"“”") {
			segs = append(segs, cur)
			cur = nil
		}
		cur = append(cur, strings.ToLower(text[t.Start:t.End]))
		prevEnd = t.End
	})
	if len(cur) > 0 {
		segs = append(segs, cur)
	}
	// every dictionary question of the segments, asked in a few walks
	var words, pairs []string
	for _, seg := range segs {
		for i, w := range seg {
			words = append(words, w)
			if i > 0 {
				pairs = append(pairs, seg[i-1]+" "+w)
			}
		}
	}
	st.prefetch(indexer.FieldBody, words, viet.Fold)
	st.prefetch(indexer.FieldBodyBigramExact, pairs, viet.Fold)
	changed := false
	out := make([]string, 0, len(segs))
	for _, seg := range segs {
		r := restoreSegment(seg, st)
		for i := range r {
			changed = changed || r[i] != seg[i]
		}
		out = append(out, strings.Join(r, " "))
	}
	if !changed {
		return ""
	}
	return strings.Join(out, ". ")
}

// restoreSegment chooses one spelling per syllable by dynamic programming
// over adjacent pairs: a path scores log(1+df) of each spelling plus twice
// log(1+df) of each exact bigram.
func restoreSegment(ws []string, st *termStats) []string {
	cands := make([][]candidate, len(ws))
	for i, w := range ws {
		cands[i] = spellings(w, st)
	}
	n := len(ws)
	score := make([][]float64, n)
	back := make([][]int, n)
	for i := range n {
		score[i] = make([]float64, len(cands[i]))
		back[i] = make([]int, len(cands[i]))
		var pairs map[string]bool
		if i > 0 {
			pairs = st.dict(indexer.FieldBodyBigramExact, ws[i-1]+" "+ws[i])
		}
		for j, c := range cands[i] {
			u := math.Log1p(float64(c.df))
			if i == 0 {
				score[i][j] = u
				continue
			}
			best, arg := math.Inf(-1), 0
			for k, p := range cands[i-1] {
				var df uint64
				if pair := p.form + " " + c.form; pairs[pair] {
					df = st.docFreq(indexer.FieldBodyBigramExact, pair)
				}
				s := score[i-1][k] + 2*math.Log1p(float64(df))
				if s > best {
					best, arg = s, k
				}
			}
			score[i][j], back[i][j] = best+u, arg
		}
	}
	out := make([]string, n)
	j := 0
	for k := range score[n-1] {
		if score[n-1][k] > score[n-1][j] {
			j = k
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = cands[i][j].form
		j = back[i][j]
	}
	return out
}

// spellings are the exact-view terms that fold to w and a live document
// holds, most frequent first; w itself when the index has none. (A
// segment's dictionary keeps the terms of its deleted documents until a
// merge: without the document frequency check, the restoration would
// depend on how the index is segmented.)
func spellings(w string, st *termStats) []candidate {
	var cs []candidate
	for t := range st.dict(indexer.FieldBody, w) {
		if df := st.docFreq(indexer.FieldBody, t); df > 0 {
			cs = append(cs, candidate{t, df})
		}
	}
	if len(cs) == 0 {
		return []candidate{{w, 0}}
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].df != cs[j].df {
			return cs[i].df > cs[j].df
		}
		return cs[i].form < cs[j].form
	})
	if len(cs) > maxCandidates {
		cs = cs[:maxCandidates]
	}
	return cs
}

// Restore is the accented spelling of an accent-free text that its search
// scores in the exact views (restore, on the index's current snapshot):
// lowercased, a clause break between runs of words; "" when the text has
// accents or nothing to restore. The search page's "did you mean" shows
// it, so that what it offers is what the search understood.
func (s *Searcher) Restore(text string) string {
	adv, err := s.idx.Advanced()
	if err != nil {
		return ""
	}
	r, err := adv.Reader()
	if err != nil {
		return ""
	}
	defer r.Close()
	return restore(text, newStats(r))
}
