package extract

import (
	"sort"

	"golang.org/x/net/html"
)

// Candidate is a block the main-content scorer weighed (see content.go), to
// explain an extraction: scripts/zytedump prints them.
type Candidate struct {
	Element string  // tag.class#id
	Score   float64 // after the link-density penalty
	Chars   int     // characters of text under it
	Top     bool    // the block the body is taken from (after widening)
}

// Candidates returns the n best-scoring blocks of the page, best first, then
// the block the body is taken from when it is not among them. Blocks are
// scored as the first extraction attempt does (class and id hints on).
func (p *Page) Candidates(n int) []Candidate {
	if len(p.Doc.Nodes) == 0 {
		return nil
	}
	s := newScorer(p.Doc.Nodes[0], true)
	top := s.top()
	cands := append([]*html.Node(nil), s.cands...)
	sort.SliceStable(cands, func(i, j int) bool { return s.final(cands[i]) > s.final(cands[j]) })
	cands = cands[:min(n, len(cands))]
	if top != nil && !containsNode(cands, top) {
		cands = append(cands, top)
	}
	out := make([]Candidate, len(cands))
	for i, c := range cands {
		out[i] = Candidate{Element: c.Data + "." + attr(c, "class") + "#" + attr(c, "id"), Score: s.final(c), Top: c == top}
		if st := s.stats[c]; st != nil {
			out[i].Chars = int(st.chars)
		}
	}
	return out
}

func containsNode(ns []*html.Node, n *html.Node) bool {
	for _, m := range ns {
		if m == n {
			return true
		}
	}
	return false
}
