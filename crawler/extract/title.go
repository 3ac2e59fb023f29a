package extract

import (
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The title is chosen by agreement between the page's sources: its <h1>s,
// headings whose class or id says title (Liferay's portlet-title, DNN's
// dnnTITLE, VCCorp's detail-title), og:title and the JSON-LD headline, the
// <title>, the anchor text of the link the crawler followed, the
// breadcrumb's unlinked last entry (the page itself) and the URL's slug.
// Two sources agree when they are the same text (case, dashes and quotes
// aside); when one is cut with "…" and the other starts with what is left
// of it; when the URL slug spells the start of the other without its
// marks; and when a <title> or og:title is the other plus a part set off
// by a separator ("Tên bài - Cổng TTĐT"), the way those carry site names.
// A candidate is supported by every kind of source that agrees with it;
// the best-supported wins. A cut text wins only when no full one agrees
// with it (a title may itself end in "…"): the full one it is a prefix of
// has its support and one more.
//
// Site names are not found by splitting on separators — a dash may belong
// to the title ("Ngày Thương binh – Liệt sĩ") — but by what the site
// repeats (sitename.go): the prefix and suffix its <title>s share
// (TitleAffixes, learned by the crawler), og:site_name, the text of links
// to its home page (the logo), its header and footer. A candidate equal to
// a site name is never the title.

// titleSource is a kind of title source, in order of preference on a tie.
type titleSource int

const (
	srcH1 titleSource = iota
	srcDeclared
	srcHeading
	srcHead // the <title> without the site's names
	srcLink
	srcCrumb
	srcSlug     // the URL's last path segment; a source, never a candidate
	srcHeadPart // a separator-bounded part of the <title>; a candidate, never a source
	nSources
)

type titleCand struct {
	text string
	key  string // comparison key: lower case, dashes and quotes unified, no trailing "…"
	cut  bool   // ended with "…" or "...": a listing's shortened title
	src  titleSource
}

// minCut is the shortest cut text (in bytes of its key) that may support a
// longer one; minSlugWords the fewest slug words that may.
const (
	minCut       = 12
	minSlugWords = 3
)

// maxTitle bounds heading texts taken as title candidates (runes);
// maxTitled bounds how many headings with a title class are taken.
const (
	maxTitle  = 300
	maxTitled = 24
)

func newCand(s string, src titleSource) titleCand {
	s = strings.TrimSpace(s)
	key, cut := titleKey(s)
	return titleCand{text: s, key: key, cut: cut, src: src}
}

var keyReplacer = strings.NewReplacer("–", "-", "—", "-", "−", "-", "‐", "-", "“", `"`, "”", `"`, "„", `"`,
	"‘", "'", "’", "'", "«", `"`, "»", `"`)

// titleKey returns the comparison key of a title and whether it was cut
// with an ellipsis.
func titleKey(s string) (string, bool) {
	k := strings.Join(strings.Fields(strings.ToLower(keyReplacer.Replace(s))), " ")
	cut := false
	for _, e := range []string{"…", "..."} {
		if strings.HasSuffix(k, e) {
			k, cut = strings.TrimSpace(strings.TrimSuffix(k, e)), true
		}
	}
	return strings.TrimRight(k, " .:;,"), cut
}

// agrees reports whether source s supports candidate c.
func agrees(c, s titleCand) bool {
	switch {
	case c.key == "" || s.key == "":
		return false
	case c.key == s.key:
		return true
	case s.src == srcSlug:
		return slugAgrees(s.key, c.key)
	case s.cut:
		return len(s.key) >= minCut && strings.HasPrefix(c.key, s.key)
	case s.src == srcHead || s.src == srcDeclared:
		return affixedCand(s.key, c)
	}
	return false
}

// affixedCand is affixed for a candidate, whose key lacks the ellipsis a
// title ending in "…" has in the outer text (NFKC writes it "...").
func affixedCand(outer string, c titleCand) bool {
	return affixed(outer, c.key) || c.cut && affixed(outer, c.key+"...")
}

// slugAgrees reports whether a URL slug's words (key, "-"-joined) are the
// first words of the title key without marks, or the reverse; numeric
// words (item IDs) are ignored.
func slugAgrees(slug, key string) bool {
	var sw []string
	for _, w := range strings.FieldsFunc(slug, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if strings.Trim(w, "0123456789") != "" {
			sw = append(sw, w)
		}
	}
	tw := strings.FieldsFunc(viet.Fold(key), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	n := min(len(sw), len(tw))
	if n < minSlugWords {
		return false
	}
	for i := range n {
		// A slug cut to a length may end inside a word ("…-minh-mo").
		if sw[i] != tw[i] && !(i == len(sw)-1 && strings.HasPrefix(tw[i], sw[i])) {
			return false
		}
	}
	return true
}

// affixed reports whether outer is inner with text set off by separators
// before or after it ("site - inner", "inner | site"). Text after a
// hierarchy marker is below inner: "Tin tức > Tên bài" contains the
// section "Tin tức", not a title with an affix.
func affixed(outer, inner string) bool {
	i := strings.Index(outer, inner)
	if i < 0 {
		return false
	}
	pre, post := strings.TrimSpace(outer[:i]), strings.TrimSpace(outer[i+len(inner):])
	if pre != "" {
		r, _ := utf8.DecodeLastRuneInString(pre)
		if !isSeparator(r) || outer[i-1] != ' ' {
			return false
		}
	}
	if post != "" {
		r, _ := utf8.DecodeRuneInString(post)
		if !isSeparator(r) || outer[i+len(inner)] != ' ' && r != '|' {
			return false
		}
		if r == '>' || r == '›' {
			return false // "Section > Page": inner is the page's section
		}
	}
	return true
}

// isSeparator reports the characters that set a site name off a title. A
// lone colon does not: "Fact Check: …", "Kinh tế: …" are kickers of the
// title itself.
func isSeparator(r rune) bool {
	return r != '"' && r != '\'' && r != '(' && r != ')' && r != ':' && r != ',' && r != '.' &&
		(unicode.IsPunct(r) || unicode.IsSymbol(r))
}

// headSep splits a <title> into parts at separators set off by spaces.
var headSep = regexp.MustCompile(`\s+(?:[\p{Pd}|·•»/\\~]+|::)\s+|\s*\|\s*`)

// maxHeadParts bounds the parts of a <title> considered.
const maxHeadParts = 8

// title picks the article's title: the TitleSelector match, else the best
// supported candidate, else a fallback (a lone h1, og:title, the <title>
// without site names, the breadcrumb's last entry on SharePoint pages
// whose <title> names only the section).
func (p *Page) title(opt Options, m *metadata) string {
	if t := p.selectText(opt.TitleSelector); t != "" {
		return oneLine(t)
	}
	sites := p.siteNames(m, opt.TitleAffixes)
	var cands, sources []titleCand
	// A source may support candidates without being one itself: the
	// URL's slug, and headings in the page's header, where a logo's
	// heading sits as often as the article's.
	add := func(s string, src titleSource, cand bool) {
		c := newCand(s, src)
		if c.key == "" || sites.has(c.key) {
			return
		}
		sources = append(sources, c)
		if cand {
			cands = append(cands, c)
		}
	}
	h1s := 0
	for _, n := range p.idx().h1s {
		place := titlePlace(n)
		if t := nodeText(n); t != "" && place != inChrome && !homeLink(n, p.URL) {
			add(t, srcH1, place == inContent)
			if place == inContent {
				h1s++
			}
		}
	}
	seen := 0
	for i, n := range p.idx().titled {
		if seen == maxTitled || i == 4*maxTitled {
			break // a listing's teasers; the page's own title comes early
		}
		if n.DataAtom == atom.H1 || !fits(n, maxTitle) {
			continue
		}
		place := titlePlace(n)
		if place == inChrome || linksAway(n, p.URL) || homeLink(n, p.URL) {
			continue
		}
		if t := nodeText(n); t != "" {
			seen++
			add(t, srcHeading, place == inContent)
		}
	}
	// og:title carries the site's name as often as the <title> does.
	add(sites.strip(m.ogTitle), srcDeclared, true)
	add(m.headline, srcDeclared, true)
	head := sites.strip(opt.TitleAffixes.Strip(m.title))
	add(head, srcHead, true)
	add(opt.LinkText, srcLink, true)
	add(p.crumbTail(), srcCrumb, true)
	if p.URL != nil {
		add(strings.TrimSuffix(path.Base(p.URL.Path), path.Ext(p.URL.Path)), srcSlug, false)
	}
	for _, part := range headParts(head, sites) {
		if c := newCand(part, srcHeadPart); c.key != "" && !sites.has(c.key) {
			cands = append(cands, c)
		}
	}
	best, bestSupport := titleCand{}, 0
	for _, c := range cands {
		var kinds [nSources]bool
		if c.src == srcHeadPart {
			kinds[srcHead] = true // a part of the <title> is the <title>'s word
		} else {
			kinds[c.src] = true
		}
		for _, s := range sources {
			if agrees(c, s) {
				kinds[s.src] = true
			}
		}
		support := 0
		for _, k := range kinds {
			if k {
				support++
			}
		}
		if support > bestSupport || support == bestSupport && better(c, best) {
			best, bestSupport = c, support
		}
	}
	if bestSupport >= 2 {
		return best.text
	}
	if t := p.fallbackTitle(cands, h1s, sites); t != "" {
		return t
	}
	return m.title
}

// better breaks a tie of support: a full text over a cut one (unless the
// full one is the cut one and a site name); the preferred source; between two of
// the same kind, the one the other is with an affix ("Tên bài" over "Tên
// bài - Auto News"); among <title> parts, the longest.
func better(c, best titleCand) bool {
	switch {
	case c.cut != best.cut:
		// The full text wins, unless it is the cut one plus a site
		// name: then the title itself ends in "…".
		cut, full := c, best
		if best.cut {
			cut, full = best, c
		}
		return c.cut == affixedCand(full.key, cut)
	case c.src != best.src:
		return c.src < best.src
	case c.src == srcHeadPart:
		return len(c.key) > len(best.key)
	}
	return len(c.key) < len(best.key) && affixed(best.key, c.key)
}

// fallbackTitle chooses among candidates no other source supports: a lone
// h1, og:title or the headline without site names, else the <title> — or
// the breadcrumb's unlinked tail when the <title> is only site names; a
// SharePoint <title> that names only the site section ("Trung ương" on
// vbpl.vn) gives way to the breadcrumb's last entry when that is longer.
func (p *Page) fallbackTitle(cands []titleCand, h1s int, sites *siteNames) string {
	first := func(src titleSource) string {
		for _, c := range cands {
			if c.src == src {
				return c.text
			}
		}
		return ""
	}
	if h1s == 1 {
		return first(srcH1)
	}
	if t := first(srcDeclared); t != "" {
		return sites.strip(t)
	}
	t := first(srcHead)
	// A <title> made of site names only says nothing of the page; the
	// breadcrumb's unlinked tail names it.
	if c := first(srcCrumb); c != "" && (t == "" || sites.allSite(t)) {
		return c
	}
	if crumbs := p.breadcrumb(); len(crumbs) > 1 {
		if last := crumbs[len(crumbs)-1]; len(last) > len(t) {
			return last
		}
	}
	for _, src := range []titleSource{srcHeadPart, srcLink} {
		if t == "" {
			t = first(src)
		}
	}
	return t
}

// splitHead returns the spans of the separator-bounded parts of a
// <title>, at most maxHeadParts.
func splitHead(head string) [][2]int {
	seps := headSep.FindAllStringIndex(head, maxHeadParts-1)
	bounds := make([][2]int, 0, len(seps)+1)
	start := 0
	for _, s := range seps {
		bounds = append(bounds, [2]int{start, s[0]})
		start = s[1]
	}
	return append(bounds, [2]int{start, len(head)})
}

// headParts returns the runs of consecutive separator-bounded parts of a
// <title> other than the whole, leaving out runs that hold a site name.
func headParts(head string, sites *siteNames) []string {
	bounds, site := sites.parts(head)
	if len(bounds) < 2 {
		return nil
	}
	var out []string
	for i := range bounds {
		for j := i; j < len(bounds) && !site[j]; j++ {
			if i == 0 && j == len(bounds)-1 {
				continue // the whole <title> is already a candidate
			}
			out = append(out, head[bounds[i][0]:bounds[j][1]])
		}
	}
	return out
}

// crumbTail returns the breadcrumb's last entry when it is not a link:
// the current page, as the trail names it ("Trang chủ › Giới thiệu ›
// Chức năng nhiệm vụ"). A linked last entry is a section.
func (p *Page) crumbTail() string {
	c := p.idx().crumb
	if c == nil {
		return ""
	}
	var last *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type == html.ElementNode && ch.DataAtom == atom.A {
				last = ch
				continue
			}
			walk(ch)
		}
	}
	walk(c)
	if last == nil { // a trail without links: its last entry
		if crumbs := p.breadcrumb(); len(crumbs) > 0 {
			return crumbs[len(crumbs)-1]
		}
		return ""
	}
	var w textWriter
	started := false
	var tail func(*html.Node) bool
	tail = func(n *html.Node) bool { // renders the text after last
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			switch {
			case ch == last:
				started = true
			case started:
				w.render(ch, nil)
			default:
				tail(ch)
			}
		}
		return started
	}
	tail(c)
	t := strings.Trim(oneLine(string(w.buf)), "»>/|›:- ")
	if runeCount(t) > maxTitle {
		return ""
	}
	return t
}

// linksAway reports whether n's text is a link to another page: a teaser
// in a listing, a panel heading in a sidebar.
func linksAway(n *html.Node, page *url.URL) bool {
	a := findAtom(n, atom.A)
	if a == nil {
		for a = n.Parent; a != nil && a.DataAtom != atom.A; a = a.Parent {
		}
		if a == nil {
			return false
		}
	} else if runeCount(nodeText(a)) < runeCount(nodeText(n)) {
		return false
	}
	href := strings.TrimSpace(attr(a, "href"))
	if strings.HasPrefix(href, "#") || strings.HasPrefix(strings.ToLower(href), "javascript:") {
		return true // a toggle: accordion and tab headings
	}
	if page == nil || href == "" {
		return href != ""
	}
	u, err := page.Parse(href)
	return err != nil || u.Path != page.Path || u.RawQuery != page.RawQuery
}

// Where a heading sits, for the title.
const (
	inContent = iota
	inHeader  // a <header> outside any <article> or <main>
	inChrome  // navigation, asides, footers, hidden blocks
)

// titlePlace tells whether a heading sits in the content, in the page's
// header (which may hold the article's heading or the site's), or in
// chrome.
func titlePlace(n *html.Node) int {
	place := inContent
	for a := n.Parent; a != nil; a = a.Parent {
		switch {
		case a.Type != html.ElementNode:
		case a.DataAtom == atom.Article || a.DataAtom == atom.Main:
			return place
		case ignored(a):
			return inChrome
		case a.DataAtom == atom.Header:
			place = inHeader
		case chrome(a):
			return inChrome
		}
	}
	return place
}
