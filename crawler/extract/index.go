package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// index holds the elements the metadata rules look at, collected in one
// walk of the document, in document order. It replaces a dozen goquery
// Find calls, whose attribute-substring selectors ([class*="date"]) each
// visited every element: together they took a sixth of extraction time.
// Matching follows the selectors they replace (case-sensitive substrings
// of class/id/itemtype, exact attribute values).
type index struct {
	metas    []*html.Node // meta
	canon    *html.Node   // the first link[rel=canonical][href]
	ldJSON   []*html.Node // script[type="application/ld+json"]
	itemDate []*html.Node // [itemprop="datePublished"]
	h1s      []*html.Node // h1
	cells    []*html.Node // td, th, dt
	links    []*html.Node // a[href]
	times    []*html.Node // time[datetime]
	dated    []*html.Node // [class*="date"], [class*="time"], [class*="ngay"], [class*="publish"], [class*="Date"], [id*="date"], [id*="Date"]
	sapos    []*html.Node // [class*="sapo"], [class*="summary"], [class*="lead"], [class*="chapeau"], [class*="trichyeu"], [class*="trich-yeu"], [data-role="sapo"]
	title    *html.Node   // first title
	body     *html.Node   // first body
	base     *html.Node   // first base[href]
	crumb    *html.Node   // first breadcrumb container
	titled   []*html.Node // headings and spans whose class or id says title: [class*="title"], [id*="title"], tieude, headline
	// dateTexts are the text nodes outside script, style and the like
	// that may hold a numeric date (hasNumericDate).
	dateTexts []*html.Node
	// siteChrome are the elements that may carry the site's name: header,
	// footer, ARIA banner and contentinfo, [class|id*=header|footer|logo|
	// banner|copyright|brand] (either case of the first letter).
	siteChrome []*html.Node
}

func (p *Page) idx() *index {
	if p.ix == nil {
		p.ix = &index{}
		p.ix.walk(p.Doc.Nodes[0])
	}
	return p.ix
}

func (x *index) walk(n *html.Node) {
	switch n.Type {
	case html.ElementNode:
		x.add(n)
	case html.TextNode:
		if len(n.Data) >= 8 && n.Parent != nil && !ignoredTag[n.Parent.DataAtom] && hasNumericDate(n.Data) {
			x.dateTexts = append(x.dateTexts, n)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		x.walk(c)
	}
}

func (x *index) add(n *html.Node) {
	var class, id, itemprop, itemtype, typ, dataRole, role string
	var hasHref, hasDatetime bool
	for _, a := range n.Attr {
		if a.Namespace != "" {
			continue
		}
		switch a.Key {
		case "class":
			class = a.Val
		case "id":
			id = a.Val
		case "itemprop":
			itemprop = a.Val
		case "itemtype":
			itemtype = a.Val
		case "type":
			typ = a.Val
		case "data-role":
			dataRole = a.Val
		case "role":
			role = a.Val
		case "href":
			hasHref = true
		case "datetime":
			hasDatetime = true
		}
	}
	switch n.Data {
	case "meta":
		x.metas = append(x.metas, n)
	case "script":
		if typ == "application/ld+json" {
			x.ldJSON = append(x.ldJSON, n)
		}
	case "h1":
		x.h1s = append(x.h1s, n)
	case "td", "th", "dt":
		x.cells = append(x.cells, n)
	case "a":
		if hasHref {
			x.links = append(x.links, n)
		}
	case "time":
		if hasDatetime {
			x.times = append(x.times, n)
		}
	case "title":
		if x.title == nil {
			x.title = n
		}
	case "body":
		if x.body == nil {
			x.body = n
		}
	case "base":
		if hasHref && x.base == nil {
			x.base = n
		}
	case "link":
		if hasHref && x.canon == nil && strings.EqualFold(strings.TrimSpace(attr(n, "rel")), "canonical") {
			x.canon = n
		}
	}
	if itemprop == "datePublished" {
		x.itemDate = append(x.itemDate, n)
	}
	if n.DataAtom == atom.Header || n.DataAtom == atom.Footer || role == "banner" || role == "contentinfo" ||
		containsAny(class, siteChromeNames...) || containsAny(id, siteChromeNames...) {
		x.siteChrome = append(x.siteChrome, n)
	}
	if class == "" && id == "" && itemtype == "" && dataRole == "" {
		return
	}
	if containsAny(class, "date", "time", "ngay", "publish", "Date") || containsAny(id, "date", "Date") {
		x.dated = append(x.dated, n)
	}
	if isTitleTag(n.DataAtom) && (containsAny(class, "title", "Title", "tieude", "tieu-de", "headline") ||
		containsAny(id, "title", "Title", "TITLE", "tieude", "headline")) {
		x.titled = append(x.titled, n)
	}
	if dataRole == "sapo" || containsAny(class, "sapo", "summary", "lead", "chapeau", "trichyeu", "trich-yeu") {
		x.sapos = append(x.sapos, n)
	}
	if x.crumb == nil && (containsAny(class, "breadcrumb", "box-map", "duongdan", "duong-dan") ||
		strings.Contains(id, "breadcrumb") || strings.Contains(itemtype, "BreadcrumbList")) {
		x.crumb = n
	}
}

func containsAny(s string, subs ...string) bool {
	if s == "" {
		return false
	}
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// textContent is the concatenated text of n's subtree, script and style
// included (goquery's Text).
func textContent(n *html.Node) string {
	if c := n.FirstChild; c != nil && c.NextSibling == nil && c.Type == html.TextNode {
		return c.Data
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// isTitleTag lists the elements a page title is printed in.
func isTitleTag(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.Span, atom.Div, atom.P, atom.Strong, atom.B, atom.Td:
		return true
	}
	return false
}

// siteChromeNames are the class and id words of site headers and footers.
// (Without their first letter, so that one test takes either case.)
var siteChromeNames = []string{"eader", "ooter", "ogo", "anner", "opyright", "rand"}
