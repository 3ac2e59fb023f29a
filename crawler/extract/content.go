package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Main-content detection follows Readability's candidate scoring, with a
// trafilatura-like clean-up of what it keeps:
//
//  1. A stats pass measures every element's text, link text, commas and
//     child counts, leaving out invisible nodes and chrome (nav, header,
//     footer, aside, ARIA landmarks, unlikely class/id names).
//  2. Every run of inline text of at least minRun characters — a <p>, or
//     loose text in a <div> between blocks and <br>s — scores
//     1 + commas + min(length/100, 3). The score goes to the run's
//     container (the parent of a <p>), half to the grandparent and a third
//     of the level to higher ancestors up to five levels.
//  3. Each container starts from a tag weight and a class/id weight
//     (±25) and ends scaled by 1 − link density. Runs that end with "…"
//     are teasers of other pages and score nothing; an <article> inside
//     another starts from 0, and a block holding k ≥ 2 <article>s is
//     divided by k (a listing, or related posts, is not the article).
//     The best container is widened to an ancestor shared by close
//     rivals, then siblings of similar score or clean paragraphs join it.
//  4. The kept nodes are rendered to text, leaving out blocks that look
//     like boilerplate (link lists, share bars, image galleries, forms).
const (
	minRun      = 25
	maxAncestor = 5
)

// stat is what the stats pass learns about an element.
// Counters are int32 to keep a stat small: one is kept per element.
type stat struct {
	chars, linkChars, commas int32
	p, img, li, input, embed int32
	articles                 int32 // <article> elements in the subtree, its root included
	score                    float64
	candidate, hasBlock      bool
}

type scorer struct {
	arena   []stat // backing store of stats, allocated in chunks
	stats   map[*html.Node]*stat
	cands   []*html.Node
	byClass bool // drop blocks with unlikely class/id names before scoring
}

func newScorer(root *html.Node, byClass bool) *scorer {
	s := &scorer{stats: make(map[*html.Node]*stat, 1024), byClass: byClass}
	s.measure(root, false)
	s.scoreRuns(root)
	return s
}

// measure fills stats for n's subtree and returns n's stat (nil for
// skipped nodes).
func (s *scorer) measure(n *html.Node, inLink bool) *stat {
	if ignored(n) || chromeBy(n, s.byClass) {
		return nil
	}
	if n.Type == html.TextNode {
		st := s.newStat()
		c := runeCount(n.Data)
		st.chars = int32(c)
		if inLink {
			st.linkChars = int32(c)
		}
		st.commas = int32(countCommas(n.Data))
		return st
	}
	st := s.newStat()
	link := inLink || n.DataAtom == atom.A
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cs := s.measure(c, link)
		if cs == nil {
			continue
		}
		st.add(cs)
		if c.Type == html.ElementNode && (blockTag[c.DataAtom] || cs.hasBlock) {
			st.hasBlock = true
		}
	}
	switch n.DataAtom {
	case atom.P:
		st.p++
	case atom.Div:
		if !st.hasBlock && st.chars > 0 {
			// A div holding only text is a paragraph, as Readability
			// turns it into one before scoring (blog posts written in
			// <div><span>, no <p>).
			st.p++
		}
	case atom.Img:
		st.img++
	case atom.Li:
		st.li++
	case atom.Input, atom.Select, atom.Textarea, atom.Button:
		st.input++
	case atom.Embed, atom.Object, atom.Iframe, atom.Video:
		st.embed++
	case atom.Article:
		st.articles++
	}
	if n.Type == html.ElementNode {
		s.stats[n] = st
	}
	return st
}

// newStat returns a zeroed stat from the arena: one allocation per 256
// nodes instead of one per node.
func (s *scorer) newStat() *stat {
	if len(s.arena) == cap(s.arena) {
		s.arena = make([]stat, 0, 256)
	}
	s.arena = s.arena[:len(s.arena)+1]
	return &s.arena[len(s.arena)-1]
}

// countCommas counts ",", "،" and "，" in one pass.
func countCommas(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',':
			n++
		case 0xD8: // "،" is D8 8C
			if i+1 < len(s) && s[i+1] == 0x8C {
				n++
			}
		case 0xEF: // "，" is EF BC 8C
			if i+2 < len(s) && s[i+1] == 0xBC && s[i+2] == 0x8C {
				n++
			}
		}
	}
	return n
}

func (st *stat) add(c *stat) {
	st.chars += c.chars
	st.linkChars += c.linkChars
	st.commas += c.commas
	st.p += c.p
	st.img += c.img
	st.li += c.li
	st.input += c.input
	st.embed += c.embed
	st.articles += c.articles
}

func (s *scorer) linkDensity(n *html.Node) float64 {
	st := s.stats[n]
	if st == nil || st.chars == 0 {
		return 0
	}
	return float64(st.linkChars) / float64(st.chars)
}

// scoreRuns walks the measured tree and credits each inline run.
func (s *scorer) scoreRuns(n *html.Node) {
	if n.Type != html.ElementNode && n.Type != html.DocumentNode {
		return
	}
	var run stat
	var last *html.Node // the run's last node
	flush := func() {
		// A run cut with "…" is a teaser of another page (a listing's
		// excerpt, a related-posts box), not the page's own text.
		if run.chars >= minRun && !endsWithEllipsis(last) {
			s.credit(n, &run)
		}
		run, last = stat{}, nil
	}
	var text stat
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cs := s.statOf(c, &text)
		if cs == nil {
			continue
		}
		switch {
		case c.Type == html.TextNode:
			run.add(cs)
			if strings.TrimSpace(c.Data) != "" {
				last = c
			}
		case c.DataAtom == atom.Br:
			flush()
		case c.DataAtom == atom.Tr:
			// A table row is one run credited to its table, so that
			// label/value tables (vbpl.vn "Thuộc tính") count as content.
			flush()
			if t := enclosingTable(c); t != nil && cs.chars >= minRun && cs.linkChars*3 < cs.chars {
				s.creditAt(t, cs)
			}
			s.scoreRuns(c)
		case blockTag[c.DataAtom] || cs.hasBlock:
			flush()
			s.scoreRuns(c)
		default:
			run.add(cs)
			last = c
		}
	}
	flush()
}

// endsWithEllipsis reports whether the text of n's subtree ends with an
// ellipsis: "…", "...", "[…]", "[...]".
func endsWithEllipsis(n *html.Node) bool {
	for n != nil && n.Type == html.ElementNode {
		c := n.LastChild
		for c != nil && c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" || c != nil && c.Type == html.CommentNode {
			c = c.PrevSibling
		}
		n = c
	}
	if n == nil || n.Type != html.TextNode {
		return false
	}
	t := strings.TrimRight(n.Data, " \t\r\n\u00a0]")
	return strings.HasSuffix(t, "…") || strings.HasSuffix(t, "...")
}

// statOf returns n's stat; a text node's is computed into buf.
func (s *scorer) statOf(n *html.Node, buf *stat) *stat {
	if n.Type == html.TextNode {
		*buf = stat{chars: int32(runeCount(n.Data)), commas: int32(strings.Count(n.Data, ","))}
		return buf
	}
	return s.stats[n]
}

// credit adds a run's score to the run's container and its ancestors.
func (s *scorer) credit(n *html.Node, run *stat) {
	if run.chars > 0 && float64(run.linkChars)/float64(run.chars) > 0.5 {
		return // a line of links is navigation, not prose
	}
	target := n
	if n.DataAtom == atom.P || n.DataAtom == atom.Pre || isHeading(n.DataAtom) {
		target = n.Parent
	}
	s.creditAt(target, run)
}

func enclosingTable(n *html.Node) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Table {
			return p
		}
	}
	return nil
}

// creditAt adds a run's score to target and, decreasingly, its ancestors.
func (s *scorer) creditAt(target *html.Node, run *stat) {
	score := 1 + float64(run.commas) + min(float64(run.chars)/100, 3)
	for level := 0; target != nil && level < maxAncestor; level++ {
		if target.Type != html.ElementNode {
			break
		}
		st := s.stats[target]
		if st == nil {
			break
		}
		if !st.candidate {
			st.candidate = true
			st.score = initialScore(target)
			s.cands = append(s.cands, target)
		}
		div := 1.0
		switch level {
		case 0:
		case 1:
			div = 2
		default:
			div = float64(level) * 3
		}
		st.score += score / div
		target = target.Parent
	}
}

// initialScore is what a candidate starts from: its tag's and class's
// weights.
func initialScore(n *html.Node) float64 {
	if n.DataAtom == atom.Article && insideArticle(n) {
		// An <article> inside another is a comment or a related post
		// (HTML's own meaning), or a listing whose items were never
		// closed: no bonus for looking like one.
		return 0
	}
	return tagWeight(n.DataAtom) + classWeight(n)
}

func tagWeight(a atom.Atom) float64 {
	switch a {
	case atom.Article:
		return 10
	case atom.Div, atom.Main:
		return 5
	case atom.Pre, atom.Td, atom.Blockquote:
		return 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		return -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		return -5
	}
	return 0
}

// final is a candidate's score after the link-density penalty.
func (s *scorer) final(n *html.Node) float64 {
	st := s.stats[n]
	if st == nil || !st.candidate {
		return 0
	}
	f := st.score * (1 - s.linkDensity(n))
	if k := st.articles - int32(b2i(n.DataAtom == atom.Article)); k >= 2 {
		f /= float64(k) // a list of articles is not one
	}
	return f
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func insideArticle(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.DataAtom == atom.Article {
			return true
		}
	}
	return false
}

// top returns the best candidate, or nil when no text scored.
func (s *scorer) top() *html.Node {
	var best *html.Node
	bestScore := 0.0
	for _, c := range s.cands {
		if f := s.final(c); best == nil || f > bestScore {
			best, bestScore = c, f
		}
	}
	if best == nil {
		return nil
	}
	return s.widen(best, bestScore)
}

// widen moves the top candidate up to an ancestor that also holds at least
// three rivals scoring within 75 % of it, and then up through parents that
// score higher, as Readability does.
func (s *scorer) widen(top *html.Node, topScore float64) *html.Node {
	var rivals []*html.Node
	for _, c := range s.cands {
		if c != top && s.final(c) >= 0.75*topScore {
			rivals = append(rivals, c)
		}
	}
	if len(rivals) >= 3 {
		for p := top.Parent; p != nil && p.DataAtom != atom.Body; p = p.Parent {
			n := 0
			for _, r := range rivals {
				if contains(p, r) {
					n++
				}
			}
			if n >= 3 {
				top = p
				break
			}
		}
	}
	last := s.final(top)
	for p := top.Parent; p != nil && p.Type == html.ElementNode && p.DataAtom != atom.Body; p = p.Parent {
		ps := s.final(p)
		if ps == 0 || ps < last/3 {
			break
		}
		if ps > last {
			top = p
		}
		last = ps
	}
	for top.Parent != nil && top.Parent.DataAtom != atom.Body && top.Parent.Type == html.ElementNode && onlyElementChild(top) {
		top = top.Parent
	}
	return top
}

func contains(anc, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == anc {
			return true
		}
	}
	return false
}

func onlyElementChild(n *html.Node) bool {
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c != n && c.Type == html.ElementNode {
			return false
		}
	}
	return true
}
