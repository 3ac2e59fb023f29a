package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// body returns the article text — the BodySelector match when set, else
// the best-scoring content block and its qualifying siblings — and the
// first dateline taken off its edges ("Thứ năm, 2/11/2023, 19:20 (GMT+7)"),
// which is evidence for the date.
func (p *Page) body(opt Options, title string) (string, string) {
	root := p.Doc.Nodes[0]
	if opt.BodySelector != "" {
		if m := safeFind(p.Doc.Selection, opt.BodySelector); len(m) > 0 {
			var parts []string
			for _, n := range m {
				if t := renderText(n, nil); t != "" {
					parts = append(parts, t)
				}
			}
			return strings.Join(parts, "\n"), ""
		}
	}
	host := ""
	if p.URL != nil {
		host = p.URL.Hostname()
	}
	text, dateline, _, listed := mainText(root, title, host, true)
	// A description kept apart from a list of other documents is short
	// by design: a retry would take the page's tabs and comment box.
	if runeCount(text) < retryChars && !listed {
		// Like Readability, retry without dropping blocks by class name:
		// "pager" in "PageBuilder-pageRow" must not lose the article —
		// but never for the site's header or footer (a page whose
		// content is all links would get the footer's banner).
		if t, d, top, _ := mainText(root, title, host, false); runeCount(t) > runeCount(text) && !p.inSiteChrome(top) {
			text, dateline = t, d
		}
	}
	return text, dateline
}

// linkParaChars bounds the paragraphs dropped for being 80 % link text.
const linkParaChars = 300

// minLinkPara is the shortest all-link paragraph dropped.
const minLinkPara = 15

func looksURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

// chromeLines are whole lines that are widget labels, never article text
// (compared case-insensitively, without trailing punctuation); a comment
// box's headings are commentbox.go's.
var chromeLines = withLines(map[string]bool{
	"tags": true, "share": true, "share this": true,
	"share this article": true, "sharing is caring": true, "skip to content": true,
	"subscribe": true, "advertisement": true, "print": true, "email": true,
	"chia sẻ": true, "in bài": true, "in bài viết": true, "bản in": true,
	"gửi email": true, "về đầu trang": true, "lên đầu trang": true, "quay lại": true,
	"quảng cáo": true, "từ khóa": true, "từ khoá": true,
	// With the headings of lists of other pages (relatedHeadings), whose
	// links the rendering drops: the heading alone is not the page's text.
}, relatedHeadings)

// withLines returns m with lines added.
func withLines(m map[string]bool, lines []string) map[string]bool {
	for _, l := range lines {
		m[l] = true
	}
	return m
}

// maxChromeLine is the byte length of the longest chromeLines entry, with
// room for trailing punctuation.
const maxChromeLine = 32

// datelinePrefix opens byline and timestamp lines ("By Jane Doe - 11/18/19",
// "Updated 1:39 am EST, …", "Cập nhật: 10:30 23/11/2024").
var datelinePrefix = []string{
	"By ", "by ", "Updated", "UPDATED", "Published", "PUBLISHED", "First Published", "Posted on", "Posted by",
	"Last updated", "Last Updated", "Cập nhật", "Ngày đăng", "Đăng lúc", "Đăng ngày", "Ngày cập nhật",
	"Thời gian đăng", "Ngày xuất bản",
}

// dropBoilerLines removes widget labels and comment boxes' headings, with
// the form labels right under them (commentbox.go), anywhere; reading-time lines
// (readtime.go) among the first edgeLines lines; byline and timestamp
// lines among the first and last edgeLines lines of the body — those that
// open like one (edgeBoilerplate) and credit lines (isCredit); an author's
// name signing off the last paragraph (isAuthorName); and datelines (a
// date with its weekday, time and time zone, and nothing else) among the
// first lines of a body of more than minDatelineBody lines. It returns the
// text and the first removed line that holds a date.
func dropBoilerLines(text string) (string, string) {
	lines := strings.Split(text, "\n")
	long := len(lines) > 2*edgeLines
	end := len(lines)
	for k := 0; end > minCreditBody && k < edgeLines; k++ {
		l := lines[end-1]
		if !isCredit(l) && !(isAuthorName(l) && proseLine(lines[end-2])) {
			break
		}
		end--
	}
	out := lines[:0]
	dateline := ""
	inBox := false // under a comment box's heading: its form's labels follow
	for i, l := range lines[:end] {
		if commentHeading(l) || inBox && formLabel(l) {
			inBox = true
			continue
		}
		inBox = false
		if len(l) <= maxChromeLine && chromeLines[strings.ToLower(strings.TrimRight(l, "!.:…"))] {
			continue
		}
		edge := i < edgeLines || i >= len(lines)-edgeLines
		if i < edgeLines && readingTime(l) {
			continue
		}
		if edge && long && (edgeBoilerplate(l) || isCredit(l)) || i < edgeLines && len(lines) > minDatelineBody && isDateline(l) {
			if dateline == "" && firstDate(l).valid() {
				dateline = l
			}
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n"), dateline
}

const edgeLines = 3

// minCreditBody is the number of lines that must stay after the trailing
// credit lines are taken off.
const minCreditBody = 2

// minDatelineBody is the number of lines a body must exceed for a
// dateline to be taken off its top: a bare notice of a line or two keeps
// its date as written.
const minDatelineBody = 2

// edgeBoilerplate reports whether a line at the start or end of the body is
// a byline or timestamp line. (Copyright lines are sometimes part of the
// article as its publisher wants it quoted, so they stay.)
func edgeBoilerplate(l string) bool {
	n := runeCount(l)
	if n > 100 {
		return false
	}
	if !strings.ContainsAny(l, "0123456789") {
		return false
	}
	for _, p := range datelinePrefix {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// retryChars is the body length below which extraction is retried with
// fewer exclusions.
const retryChars = 500

// mainText returns the text of the best block and its siblings, the
// dateline taken off it, the block, and whether a list of other documents
// beside the page's description was left out (documentList).
func mainText(root *html.Node, title, host string, byClass bool) (string, string, *html.Node, bool) {
	s := newScorer(root, byClass)
	top := s.top()
	if top == nil {
		if b := findAtom(root, atom.Body); b != nil {
			top = b
		} else {
			top = root
		}
	}
	junk := s.junk(title, host, firstParagraph(top))
	kept := s.siblings(top)
	// When a table won (a listing or property table), the page's own
	// description may sit under its title, away from it
	// (anle.toaan.gov.vn: the precedent's summary in one tab, the list of
	// all precedents in another). News pages, whose body is prose, keep
	// their title block out: bylines and share bars. Beside such a
	// description, a table listing other documents (doclist.go) is not
	// the page's text.
	var lead string
	var list *html.Node
	if st := s.stats[top]; st != nil && s.holdsDataTable(top, st) {
		if lead = titleLead(root, title, kept, junk); lead != "" {
			list = documentList(top)
		}
	}
	var parts []string
	for _, n := range kept {
		if n == list {
			continue
		}
		skip := func(m *html.Node) bool { return m == list || m != n && junk(m) }
		if t := renderText(n, skip); t != "" {
			parts = append(parts, t)
		}
	}
	text := strings.Join(parts, "\n")
	if lead != "" && !strings.Contains(text, lead) {
		text = strings.TrimSuffix(lead+"\n"+text, "\n")
	}
	text, dateline := dropBoilerLines(text)
	return dropRepeatedProps(text), dateline, top, list != nil
}

// inSiteChrome reports whether n lies in the site's footer: a <footer>
// outside any <article>, role contentinfo, or a block whose id or class
// is a footer's ("footer", "site-footer"; not "sticky-footer-wrap", a
// wrapper that may hold the article). One of index.go's siteChrome.
func (p *Page) inSiteChrome(n *html.Node) bool {
	for _, c := range p.idx().siteChrome {
		if footerBlock(c) && contains(c, n) {
			return true
		}
	}
	return false
}

func footerBlock(n *html.Node) bool {
	if n.DataAtom == atom.Footer && !within(n, atom.Article) || attr(n, "role") == "contentinfo" {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(attr(n, "id") + " " + attr(n, "class"))) {
		if w == "footer" || strings.HasSuffix(w, "-footer") || strings.HasSuffix(w, "_footer") {
			return true
		}
	}
	return false
}

// maxLead bounds the text titleLead takes from under the title.
const maxLead = 1500

// titleLead returns the text that directly follows the page's title
// heading (an h1–h3 whose text is the title) up to the next heading, when
// that heading lies outside the kept blocks; "" otherwise.
func titleLead(root *html.Node, title string, kept []*html.Node, junk func(*html.Node) bool) string {
	if title == "" {
		return ""
	}
	h := findTitleHeading(root, title)
	if h == nil {
		return ""
	}
	for _, k := range kept {
		if contains(k, h) || contains(h, k) {
			return ""
		}
	}
	var parts []string
	for c := h.NextSibling; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if isHeading(c.DataAtom) || c.DataAtom == atom.Hr {
			break
		}
		if junk(c) {
			continue
		}
		if t := renderText(c, junk); t != "" {
			parts = append(parts, t)
		}
	}
	lead := strings.Join(parts, "\n")
	if runeCount(lead) > maxLead {
		return ""
	}
	return lead
}

func findTitleHeading(n *html.Node, title string) *html.Node {
	if ignored(n) || chrome(n) {
		return nil
	}
	if n.Type == html.ElementNode && (n.DataAtom == atom.H1 || n.DataAtom == atom.H2 || n.DataAtom == atom.H3) {
		if nodeText(n) == title {
			return n
		}
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if h := findTitleHeading(c, title); h != nil {
			return h
		}
	}
	return nil
}

// siblings returns top with the siblings that belong to the article: those
// scoring at least a fifth of top (bonus for sharing its class), and
// paragraphs of clean prose, bare or alone in a wrapper (loneParagraph).
func (s *scorer) siblings(top *html.Node) []*html.Node {
	if top.Parent == nil {
		return []*html.Node{top}
	}
	topScore := s.final(top)
	threshold := max(10, topScore*0.2)
	class := attr(top, "class")
	inner := -1.0 // the best candidate inside top, computed when needed
	var out []*html.Node
	for c := top.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c == top {
			out = append(out, c)
			continue
		}
		if c.Type != html.ElementNode || s.stats[c] == nil {
			continue
		}
		bonus := 0.0
		same := class != "" && attr(c, "class") == class
		if same {
			bonus = topScore * 0.2
		}
		if s.final(c)+bonus >= threshold || s.cleanParagraph(loneParagraph(c)) {
			out = append(out, c)
			continue
		}
		if same {
			// An article cut by figures into blocks of one class: a
			// block whose paragraphs lie deeper than the scoring reaches
			// has no score of its own; its best candidate is compared
			// with the best inside top.
			if inner < 0 {
				inner = s.bestWithin(top)
			}
			if b := s.bestWithin(c); b > 0 && b >= inner*siblingShare {
				out = append(out, c)
			}
		}
	}
	return out
}

// siblingShare is the share of the winning block's score a sibling needs
// to join it, as Readability's.
const siblingShare = 0.2

// bestWithin returns the best score a candidate inside n (n included) got
// from its text, without the weight its tag and class gave it at the start
// ("story__content" starts at +25 whatever it holds), after the
// link-density penalty.
func (s *scorer) bestWithin(n *html.Node) float64 {
	best := 0.0
	for _, c := range s.cands {
		st := s.stats[c]
		f := (st.score - initialScore(c)) * (1 - s.linkDensity(c))
		if f > best && contains(n, c) {
			best = f
		}
	}
	return best
}

func (s *scorer) cleanParagraph(n *html.Node) bool {
	if n.DataAtom != atom.P {
		return false
	}
	st := s.stats[n]
	ld := s.linkDensity(n)
	switch {
	case st.chars > 80:
		return ld < 0.25
	case st.chars > 0:
		return ld == 0 && strings.Contains(nodeText(n), ". ")
	}
	return false
}

// junk returns the skip function used while rendering the article: it
// drops chrome and, like Readability's cleanConditionally, blocks whose
// shape says boilerplate, plus an h1 repeating the title. The wrappers of
// lead, the block's first paragraph, are not dropped for their class names
// (keepsLead).
func (s *scorer) junk(title, host string, lead *html.Node) func(*html.Node) bool {
	return func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return false
		}
		st := s.stats[n]
		if st == nil {
			return true // skipped by the stats pass: hidden or chrome
		}
		if n.DataAtom == atom.Figcaption || (st.chars < metaChars && metaHint.MatchString(hints(n))) {
			// Captions, photo credits, bylines and timestamps inside
			// the article are not its text.
			return true
		}
		switch a := n.DataAtom; {
		case a == atom.P || a == atom.Li || a == atom.Dd:
			// A short paragraph that is all link ("Related: …",
			// "Read more …", teaser headlines) points elsewhere. Very
			// short links ("[ CNET ]") and written-out URLs are sources
			// the article cites. A list item so linked is an entry of a
			// list of other pages at any length: a long trích yếu in a
			// Lược đồ box (vbpl.vn: 315 characters) is not the page's.
			return st.chars >= minLinkPara && (a != atom.P || st.chars < linkParaChars) && st.linkChars*5 >= st.chars*4 &&
				!looksURL(nodeText(n)) && !linkedCitation(n) && !declaredLead(n, host)
		case isHeading(a):
			if classWeight(n) < 0 || (st.chars > 0 && s.linkDensity(n) > 0.5) {
				return true
			}
			return a == atom.H1 && title != "" && nodeText(n) == title
		case a == atom.Div || a == atom.Section || a == atom.Ul || a == atom.Ol ||
			a == atom.Table || a == atom.Form || a == atom.Fieldset || a == atom.Figure || a == atom.Aside:
			return s.boilerplate(n, st) && !s.keepsLead(n, lead)
		}
		return false
	}
}

// boilerplate is Readability's conditional-cleaning test.
func (s *scorer) boilerplate(n *html.Node, st *stat) bool {
	weight := classWeight(n)
	if weight+st.score < 0 && weight < 0 {
		return true
	}
	if st.commas >= 10 {
		return false
	}
	isList := n.DataAtom == atom.Ul || n.DataAtom == atom.Ol
	if s.holdsDataTable(n, st) || annexList(n) {
		return false // a data table; the document's list of annexes (annex.go)
	}
	ld := s.linkDensity(n)
	p := st.p
	switch {
	case st.img > 1 && float64(p)/float64(st.img) < 0.5 && st.chars < 100*st.img:
		return true
	case !isList && st.li-100 > p:
		return true
	case float64(st.input) > float64(p)/3:
		return true
	case !isList && st.chars < minRun && (st.img == 0 || st.img > 2):
		return st.chars > 0 || st.img > 0
	case !isList && weight < 25 && ld > 0.2:
		return true
	case weight >= 25 && ld > 0.5:
		return true
	case isList && ld > 0.5:
		return !enumeration(n)
	case (st.embed == 1 && st.chars < 75) || st.embed > 1:
		return true
	}
	return false
}

// holdsDataTable reports whether n is, or mostly consists of, a data
// table: a property table keeps its linked values.
func (s *scorer) holdsDataTable(n *html.Node, st *stat) bool {
	t := n
	if n.DataAtom != atom.Table {
		t = findAtom(n, atom.Table)
	}
	if t == nil || !dataTable(t) {
		return false
	}
	ts := s.stats[t]
	return ts != nil && ts.chars*2 >= st.chars
}

// dataTable reports whether a table holds data rather than layout.
func dataTable(n *html.Node) bool {
	rows, th := 0, false
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			switch c.DataAtom {
			case atom.Tr:
				rows++
			case atom.Th, atom.Caption, atom.Thead:
				th = true
			case atom.Table:
				continue
			}
			walk(c)
		}
	}
	walk(n)
	return th || rows >= 3
}

func findAtom(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findAtom(c, a); f != nil {
			return f
		}
	}
	return nil
}
