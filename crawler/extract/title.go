package extract

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The title is chosen by agreement between the page's sources: its <h1>s,
// headings whose class or id says title (Liferay's portlet-title, DNN's
// dnnTITLE, VCCorp's detail-title), og:title and the JSON-LD headline, the
// <title>, the anchor text of the link the crawler followed, and the last
// breadcrumb entry. Two sources agree when they are the same text (case,
// dashes and quotes aside), when one is the other plus a part set off by a
// separator (the <title> "Tên bài - Cổng TTĐT" contains the h1 "Tên bài"),
// or when one is cut with "…" and the other starts with what is left of
// it. A candidate is supported by every kind of source that agrees with
// it; the best-supported wins, and a cut text never wins over the full one
// it agrees with.
//
// Site names are not found by splitting on separators — a dash may belong
// to the title ("Ngày Thương binh – Liệt sĩ") — but by what the site
// repeats: the <title> prefix and suffix its pages share (TitleAffixes,
// learned by the crawler), og:site_name and application-name, and the text
// of links to the site's home page (the logo). A candidate equal to a site
// name is never the title.

// titleSource is a kind of title source, in order of preference on a tie.
type titleSource int

const (
	srcH1 titleSource = iota
	srcDeclared
	srcHeading
	srcHead // the <title> without the site's learned affixes
	srcLink
	srcCrumb
	srcHeadPart // a separator-bounded part of the <title>
	nSources
)

type titleCand struct {
	text string
	key  string // comparison key: lower case, dashes and quotes unified, no trailing "…"
	cut  bool   // ended with "…" or "...": a listing's shortened title
	src  titleSource
}

// minCut is the shortest cut text (in bytes of its key) that may support a
// longer one.
const minCut = 12

// maxTitle bounds heading texts taken as title candidates (runes).
const maxTitle = 300

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
	case s.cut:
		return len(s.key) >= minCut && strings.HasPrefix(c.key, s.key)
	}
	return affixed(s.key, c.key)
}

// affixed reports whether outer is inner with text set off by separators
// before or after it ("site - inner", "inner | site").
func affixed(outer, inner string) bool {
	i := strings.Index(outer, inner)
	if i < 0 {
		return false
	}
	pre, post := strings.TrimSpace(outer[:i]), strings.TrimSpace(outer[i+len(inner):])
	if pre == "" && post == "" {
		return true
	}
	if pre != "" {
		r, _ := utf8.DecodeLastRuneInString(pre)
		if !isSeparator(r) || outer[i-1] != ' ' {
			return false
		}
	}
	if post != "" {
		r, _ := utf8.DecodeRuneInString(post)
		if !isSeparator(r) || outer[i+len(inner)] != ' ' && r != ':' && r != '|' {
			return false
		}
	}
	return true
}

func isSeparator(r rune) bool {
	return r != '"' && r != '\'' && r != '(' && r != ')' && (unicode.IsPunct(r) || unicode.IsSymbol(r))
}

// headSep splits a <title> into parts at separators set off by spaces.
var headSep = regexp.MustCompile(`\s+[\p{Pd}|:·•»/\\~]+\s+|\s*\|\s*`)

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
	add := func(s string, src titleSource) {
		c := newCand(s, src)
		if c.key == "" || sites[c.key] {
			return
		}
		sources = append(sources, c)
		if !c.cut {
			cands = append(cands, c)
		}
	}
	h1s := 0
	for _, n := range p.idx().h1s {
		if t := nodeText(n); t != "" && !titleChrome(n) && !homeLink(n, p.URL) {
			add(t, srcH1)
			h1s++
		}
	}
	for _, n := range p.idx().titled {
		if n.DataAtom == atom.H1 || !fits(n, maxTitle) || titleChrome(n) || homeLink(n, p.URL) || linksAway(n, p.URL) {
			continue
		}
		if t := nodeText(n); t != "" {
			add(t, srcHeading)
		}
	}
	add(m.ogTitle, srcDeclared)
	add(m.headline, srcDeclared)
	head := stripSiteParts(opt.TitleAffixes.Strip(m.title), sites)
	add(head, srcHead)
	add(opt.LinkText, srcLink)
	crumbs := p.breadcrumb()
	if len(crumbs) > 1 {
		add(crumbs[len(crumbs)-1], srcCrumb)
	}
	// Parts of the <title> join the candidates but support nothing: they
	// are the <title> itself.
	for _, part := range headParts(head, sites) {
		if c := newCand(part, srcHeadPart); c.key != "" && !sites[c.key] {
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
		// Ties: the preferred source; among <title> parts, the longest.
		if support > bestSupport || support == bestSupport && (c.src < best.src ||
			c.src == best.src && c.src == srcHeadPart && len(c.key) > len(best.key)) {
			best, bestSupport = c, support
		}
	}
	if bestSupport >= 2 {
		return best.text
	}
	return p.fallbackTitle(cands, h1s, head, crumbs)
}

// fallbackTitle chooses among candidates no other source supports: a lone
// h1, og:title or the headline, else the <title>; a SharePoint <title> that
// names only the site section ("Trung ương" on vbpl.vn) gives way to the
// breadcrumb's last entry when that is longer.
func (p *Page) fallbackTitle(cands []titleCand, h1s int, head string, crumbs []string) string {
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
		return t
	}
	t := first(srcHead)
	if t == "" {
		t = first(srcHeadPart)
	}
	if len(crumbs) > 1 {
		if last := crumbs[len(crumbs)-1]; len(last) > len(t) {
			return last
		}
	}
	if t == "" {
		t = first(srcLink)
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

// stripSiteParts removes the leading and trailing parts of a <title> that
// are site names: "Cổng TTĐT tỉnh - Tên bài - Sở X" → "Tên bài" when both
// names are known. Separators inside the title stay.
func stripSiteParts(head string, sites map[string]bool) string {
	bounds := splitHead(head)
	isSite := func(b [2]int) bool {
		k, _ := titleKey(head[b[0]:b[1]])
		return sites[k]
	}
	i, j := 0, len(bounds)-1
	for i < j && isSite(bounds[i]) {
		i++
	}
	for j > i && isSite(bounds[j]) {
		j--
	}
	return head[bounds[i][0]:bounds[j][1]]
}

// headParts returns the runs of consecutive separator-bounded parts of a
// <title> other than the whole, leaving out runs that hold a site name.
func headParts(head string, sites map[string]bool) []string {
	bounds := splitHead(head)
	if len(bounds) < 2 {
		return nil
	}
	site := make([]bool, len(bounds))
	for i, b := range bounds {
		k, _ := titleKey(head[b[0]:b[1]])
		site[i] = sites[k]
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

// siteNames returns the comparison keys of the site's names: learned
// <title> affixes, og:site_name and application-name, and the text of
// links to the home page.
func (p *Page) siteNames(m *metadata, aff TitleAffixes) map[string]bool {
	out := map[string]bool{}
	add := func(s string) {
		if k, _ := titleKey(strings.Trim(s, " -–—|:·»/\\~")); k != "" {
			out[k] = true
		}
	}
	add(aff.Prefix)
	add(aff.Suffix)
	for _, s := range m.siteNames {
		add(s)
	}
	for _, n := range p.idx().links {
		if isHomeHref(attr(n, "href"), p.URL) {
			if t := nodeText(n); t != "" && runeCount(t) <= maxTitle {
				add(t)
			} else if img := findAtom(n, atom.Img); img != nil {
				add(attr(img, "alt"))
			}
		}
	}
	return out
}

// isHomeHref reports whether href points at the site's home page: "/",
// "~/", "./", the page's host root, or a default page at the root.
func isHomeHref(href string, page *url.URL) bool {
	h := strings.ToLower(strings.TrimSpace(href))
	switch h {
	case "/", "./", "~/", "/default.aspx", "/index.html", "/index.php", "/home", "/trang-chu", "/vi", "/vi/":
		return true
	}
	if strings.HasPrefix(h, "http://") || strings.HasPrefix(h, "https://") {
		rest := h[strings.Index(h, "//")+2:]
		host, path, _ := strings.Cut(rest, "/")
		if page != nil && page.Host != "" && !strings.EqualFold(strings.TrimPrefix(host, "www."), strings.TrimPrefix(page.Hostname(), "www.")) {
			return false
		}
		return path == "" || path == "default.aspx" || path == "index.html" || path == "trang-chu"
	}
	return false
}

// homeLink reports whether n is, or sits in, a link to the home page (a
// logo heading).
func homeLink(n *html.Node, page *url.URL) bool {
	for a := n; a != nil && a.Type == html.ElementNode; a = a.Parent {
		if a.DataAtom == atom.A {
			return isHomeHref(attr(a, "href"), page)
		}
	}
	if a := findAtom(n, atom.A); a != nil && runeCount(nodeText(a)) == runeCount(nodeText(n)) {
		return isHomeHref(attr(a, "href"), page)
	}
	return false
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

// titleChrome reports whether a heading sits in page chrome: navigation,
// asides, footers, and headers that are not an article's own header.
func titleChrome(n *html.Node) bool {
	inHeader := false
	for a := n.Parent; a != nil; a = a.Parent {
		switch {
		case a.Type != html.ElementNode:
		case a.DataAtom == atom.Article || a.DataAtom == atom.Main:
			return false
		case ignored(a):
			return true
		case a.DataAtom == atom.Header:
			inHeader = true
		case chrome(a):
			return true
		}
	}
	return inHeader
}

// TitleAffixes are the texts a site puts before and after the page title
// in every <title> ("Cổng TTĐT - " / " - Sở Thông Tin Và Truyền Thông"),
// separators included.
type TitleAffixes struct {
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

// Strip removes the affixes from a <title>; a title that is only the site
// name (a home page) is kept.
func (a TitleAffixes) Strip(t string) string {
	t = strings.TrimSpace(t)
	if a.Suffix != "" && strings.HasSuffix(t, a.Suffix) && hasLetter(t[:len(t)-len(a.Suffix)]) {
		t = strings.TrimSpace(t[:len(t)-len(a.Suffix)])
	}
	if a.Prefix != "" && strings.HasPrefix(t, a.Prefix) && hasLetter(t[len(a.Prefix):]) {
		t = strings.TrimSpace(t[len(a.Prefix):])
	}
	return t
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// Affix learning: a suffix (prefix) is a candidate when it starts (ends)
// at a space and its first (last) visible character is a separator; it is
// the site's when at least affixShare of the distinct titles end (start)
// with it or are its text alone (the home page), and at least minAffix do.
// The longest such wins: "… - Sở Thông Tin Và Truyền Thông" rather than
// "… Thông".
const (
	affixShare = 0.6
	minAffix   = 3
)

// LearnTitleAffixes returns the prefix and suffix that the <title>s of one
// site's pages share. Fewer than minAffix titles give none.
func LearnTitleAffixes(titles []string) TitleAffixes {
	uniq := map[string]bool{}
	var ts []string
	for _, t := range titles {
		t = strings.Join(strings.Fields(t), " ")
		if t != "" && !uniq[t] {
			uniq[t] = true
			ts = append(ts, t)
		}
	}
	if len(ts) < minAffix {
		return TitleAffixes{}
	}
	return TitleAffixes{Prefix: learnAffix(ts, false), Suffix: learnAffix(ts, true)}
}

func learnAffix(ts []string, suffix bool) string {
	support := map[string]int{}
	for _, t := range ts {
		seen := map[string]bool{}
		for i := 0; i < len(t); i++ {
			if t[i] != ' ' {
				continue
			}
			a := t[:i+1]
			if suffix {
				a = t[i:]
			}
			if !seen[a] && affixCandidate(a, suffix) {
				seen[a] = true
				support[a]++
			}
		}
	}
	// The home page's <title> is often the site name alone.
	for a := range support {
		core := strings.Trim(a, " -–—|:·»/\\~")
		for _, t := range ts {
			if core != "" && t == core {
				support[a]++
			}
		}
	}
	need := max(minAffix, int(affixShare*float64(len(ts))+0.999))
	best := ""
	for a, n := range support {
		if n >= need && (len(a) > len(best) || len(a) == len(best) && a < best) {
			best = a
		}
	}
	return best
}

// affixCandidate reports whether a suffix (" - Site") starts, or a prefix
// ("Site | ") ends, with a separator after or before its space.
func affixCandidate(a string, suffix bool) bool {
	s := strings.TrimSpace(a)
	if s == "" || !hasLetter(s) {
		return false
	}
	var r rune
	if suffix {
		r, _ = utf8.DecodeRuneInString(s)
	} else {
		r, _ = utf8.DecodeLastRuneInString(s)
	}
	return isSeparator(r)
}
