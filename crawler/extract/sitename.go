package extract

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// siteNames is what a page says about its site's names: the learned
// <title> affixes, og:site_name and application-name, the text of links to
// the home page (a logo's alt) and to the sections holding the page
// (section.go), the unlinked text of its header and footer
// (the site's name beside the logo, the copyright line) and its host name.
type siteNames struct {
	keys   map[string]bool
	page   *Page
	chrome *string // titleKey of the header and footer text, built on first use
	host   string  // the host's main label, without marks: "binhduong", "entermedia"
}

// has reports whether key (a titleKey) is a known site name: a learned
// affix, og:site_name, a home link's text, or the host's main label
// written as words ("Entermedia").
func (s *siteNames) has(key string) bool {
	if key == "" || s.keys[key] {
		return true
	}
	return s.host != "" && strings.ReplaceAll(viet.Fold(key), " ", "") == s.host
}

// hasOuter reports whether key, the first or last part of a <title>, is a
// site name: a known one, or a text of minChromeName runes or more that
// the header or footer prints (the name beside the logo, the copyright
// line). Only the ends of a <title> are judged by the header and footer,
// which often repeat the article's own title too.
func (s *siteNames) hasOuter(key string) bool {
	if s.has(key) {
		return true
	}
	if utf8.RuneCountInString(key) < minChromeName {
		return false
	}
	if s.chrome == nil {
		c := s.page.chromeText()
		s.chrome = &c
	}
	return strings.Contains(*s.chrome, key)
}

// minChromeName is the shortest header or footer text taken for a site
// name ("ZDNet" is five runes).
const minChromeName = 4

// parts splits a <title> into its separator-bounded parts and marks those
// that are site names (inner parts only when known by name). When the
// header and footer would make every part a site name, only known names
// count.
func (s *siteNames) parts(head string) ([][2]int, []bool) {
	bounds := splitHead(head)
	site := make([]bool, len(bounds))
	if len(bounds) < 2 {
		return bounds, site
	}
	keys := make([]string, len(bounds))
	all := true
	for i, b := range bounds {
		keys[i], _ = titleKey(head[b[0]:b[1]])
		if i == 0 || i == len(bounds)-1 {
			site[i] = s.hasOuter(keys[i])
		} else {
			site[i] = s.has(keys[i])
		}
		all = all && site[i]
	}
	if all {
		for i, k := range keys {
			site[i] = s.has(k)
		}
	}
	return bounds, site
}

// allSite reports whether every part of a <title> is a site name (known,
// or printed in the header or footer).
func (s *siteNames) allSite(head string) bool {
	bounds := splitHead(head)
	for i, b := range bounds {
		k, _ := titleKey(head[b[0]:b[1]])
		if !s.has(k) && (i > 0 && i < len(bounds)-1 || !s.hasOuter(k)) {
			return false
		}
	}
	return true
}

// strip removes the leading and trailing parts of a <title> that are site
// names: "Cổng TTĐT tỉnh - Tên bài - Sở X" → "Tên bài" when both names are
// known. Separators inside the title stay; one part always does.
func (s *siteNames) strip(head string) string {
	bounds, site := s.parts(head)
	i, j := 0, len(bounds)-1
	for i < j && site[i] {
		i++
	}
	for j > i && site[j] {
		j--
	}
	return head[bounds[i][0]:bounds[j][1]]
}

// siteNames gathers the page's evidence of its site's names.
func (p *Page) siteNames(m *metadata, aff TitleAffixes) *siteNames {
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
	for _, t := range p.sectionNames() {
		add(t)
	}
	s := &siteNames{keys: out, page: p}
	if p.URL != nil {
		s.host = hostLabel(p.URL.Hostname())
	}
	return s
}

// hostLabel returns the main label of a host name: "www.binhduong.gov.vn"
// → "binhduong", "sotttt.hanoi.gov.vn" → "sotttt".
func hostLabel(host string) string {
	for _, l := range strings.Split(strings.ToLower(host), ".") {
		if l != "www" && l != "m" && l != "" {
			return l
		}
	}
	return ""
}

// chromeText returns the titleKey of the unlinked text of the page's
// header and footer (outside any <article> or <main>): header, footer,
// ARIA banner and contentinfo, and elements whose class or id says
// header, footer, logo, banner or copyright. Menus (nav, lists) and links
// other than those to the home page are left out: they name sections,
// not the site.
func (p *Page) chromeText() string {
	var w textWriter
	skip := func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return false
		}
		switch n.DataAtom {
		case atom.Nav, atom.Ul, atom.Ol, atom.Menu, atom.Select, atom.Form:
			return true
		case atom.A:
			return !isHomeHref(attr(n, "href"), p.URL)
		}
		return false
	}
	// The site's header opens the page and its footer closes it: the
	// elements the index found are read from each end, up to chromeBytes
	// from each, outermost first.
	var taken []*html.Node
	take := func(n *html.Node) {
		if !siteChrome(n) || insideIgnored(n) || insideArticle(n) || n.DataAtom != atom.Header && insideMain(n) {
			return
		}
		for _, t := range taken {
			if contains(t, n) || contains(n, t) {
				return
			}
		}
		taken = append(taken, n)
		w.render(n, skip)
		w.breakLine()
	}
	nodes := p.idx().siteChrome
	for i := 0; i < len(nodes) && len(w.buf) < chromeBytes; i++ {
		take(nodes[i])
	}
	limit := len(w.buf) + chromeBytes
	for i := len(nodes) - 1; i >= 0 && len(w.buf) < limit; i-- {
		take(nodes[i])
	}
	k, _ := titleKey(string(w.buf))
	return k
}

// chromeBytes bounds the header and the footer text read for site names.
const chromeBytes = 2048

func insideMain(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.DataAtom == atom.Main {
			return true
		}
	}
	return false
}

var siteChromeHint = hintList{"header", "footer", "logo", "banner", "copyright", "brand"}

// siteChrome reports the elements that carry a site's name (the index
// collects them by a case-sensitive test; this one is exact).
func siteChrome(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Header, atom.Footer:
		return true
	}
	switch attr(n, "role") {
	case "banner", "contentinfo":
		return true
	}
	h := hints(n)
	return h != "" && siteChromeHint.MatchString(h) && !maybeHint.MatchString(h)
}

// isHomeHref reports whether href points at the site's home page: "/",
// "~/", "./", the page's host root, or a default page at the root.
func isHomeHref(href string, page *url.URL) bool {
	h := strings.TrimSpace(href)
	if h == "" {
		return false
	}
	switch h[0] {
	case '/', '.', '~':
		if len(h) > len("/default.aspx") {
			return false
		}
		switch strings.ToLower(h) {
		case "/", "./", "~/", "/default.aspx", "/index.html", "/index.php", "/home", "/trang-chu", "/vi", "/vi/":
			return true
		}
		return false
	case 'h', 'H':
	default:
		return false
	}
	h = strings.ToLower(h)
	if strings.HasPrefix(h, "http://") || strings.HasPrefix(h, "https://") {
		if page == nil || page.Host == "" {
			return false // an absolute link says nothing without the page's host
		}
		rest := h[strings.Index(h, "//")+2:]
		host, path, _ := strings.Cut(rest, "/")
		if !sameSite(host, page.Hostname()) {
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
	return r != '"' && r != '\'' && r != '(' && (unicode.IsPunct(r) || unicode.IsSymbol(r))
}
