package extract

import (
	"encoding/json"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// metadata is what a page declares about itself in <head> and JSON-LD.
type metadata struct {
	title, ogTitle, headline string
	description              string
	section                  string
	siteNames                []string // og:site_name, application-name
	dates                    []string // declared publication dates, best first
}

// meta reads JSON-LD, OpenGraph/article:* and itemprop declarations once.
func (p *Page) meta() *metadata {
	if p.md == nil {
		p.md = p.metadata()
	}
	return p.md
}

func (p *Page) metadata() *metadata {
	m := &metadata{}
	var ldDates []string
	x := p.idx()
	for _, n := range x.ldJSON {
		readJSONLD([]byte(textContent(n)), m, &ldDates, 0)
	}
	m.dates = append(m.dates, ldDates...)
	for _, n := range x.metas {
		key := strings.ToLower(firstAttr(n, "property", "name", "itemprop"))
		val := strings.TrimSpace(attr(n, "content"))
		if val == "" {
			continue
		}
		switch key {
		case "og:title", "twitter:title":
			if m.ogTitle == "" {
				m.ogTitle = oneLine(val)
			}
		case "description", "og:description", "twitter:description":
			if m.description == "" {
				m.description = oneLine(val)
			}
		case "og:site_name", "application-name":
			m.siteNames = append(m.siteNames, oneLine(val))
		case "article:section":
			m.section = oneLine(val)
		case "article:published_time", "og:published_time", "datepublished", "pubdate",
			"publishdate", "dc.date.issued", "dc.date", "dcterms.created", "date", "parsely-pub-date", "sailthru.date":
			m.dates = append(m.dates, val)
		}
	}
	for _, n := range x.itemDate {
		if v := firstAttr(n, "content", "datetime"); v != "" {
			m.dates = append(m.dates, v)
		}
	}
	if x.title != nil {
		m.title = oneLine(textContent(x.title))
	}
	return m
}

func firstAttr(n *html.Node, keys ...string) string {
	for _, k := range keys {
		if v := attr(n, k); v != "" {
			return v
		}
	}
	return ""
}

// readJSONLD takes headline and datePublished from Article-like objects,
// descending into @graph and arrays. Invalid JSON is ignored.
func readJSONLD(b []byte, m *metadata, dates *[]string, depth int) {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return
	}
	walkJSONLD(v, m, dates, depth)
}

func walkJSONLD(v any, m *metadata, dates *[]string, depth int) {
	if depth > 8 {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			walkJSONLD(e, m, dates, depth+1)
		}
	case map[string]any:
		if g, ok := v["@graph"]; ok {
			walkJSONLD(g, m, dates, depth+1)
		}
		if !articleType(v["@type"]) {
			return
		}
		if h, ok := v["headline"].(string); ok && m.headline == "" {
			m.headline = oneLine(h)
		}
		if d, ok := v["datePublished"].(string); ok {
			*dates = append(*dates, d)
		}
	}
}

func articleType(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.Contains(t, "Article") || strings.Contains(t, "Posting") ||
			t == "WebPage" || t == "Report" || t == "Legislation"
	case []any:
		for _, e := range t {
			if articleType(e) {
				return true
			}
		}
	}
	return false
}

// summary returns the sapo: an element whose class says sapo/lead/summary,
// else the meta description. The "TTĐT - " and "(Chinhphu.vn) - " bylines
// that open Vietnamese sapos are removed.
func (p *Page) summary(m *metadata) string {
	s := ""
	for _, n := range p.idx().sapos {
		if insideChrome(n) || ignored(n) {
			continue
		}
		if s = nodeText(n); s != "" {
			break
		}
	}
	if s == "" {
		s = m.description
	}
	return stripByline(s)
}

func stripByline(s string) string {
	for _, pre := range []string{"TTĐT - ", "TTĐT – ", "TTĐT-", "(Chinhphu.vn) - ", "(Chinhphu.vn) – ", "(Chinhphu.vn) -"} {
		if strings.HasPrefix(s, pre) {
			return strings.TrimSpace(s[len(pre):])
		}
	}
	return s
}

// breadcrumb returns the entries of the page's breadcrumb trail.
func (p *Page) breadcrumb() []string {
	var crumbs []string
	if p.idx().crumb == nil {
		return nil
	}
	bc := goquery.NewDocumentFromNode(p.idx().crumb).Selection
	items := bc.Find("a")
	if items.Length() == 0 {
		items = bc.Find("li")
	}
	for _, n := range items.Nodes {
		t := strings.Trim(nodeText(n), "»>/|› ")
		if t != "" && len(t) < 200 {
			crumbs = append(crumbs, t)
		}
	}
	return crumbs
}

// category returns the last breadcrumb entry that is not the article
// itself, else article:section.
func (p *Page) category(m *metadata, title string) string {
	crumbs := p.breadcrumb()
	for len(crumbs) > 0 && crumbs[len(crumbs)-1] == title {
		crumbs = crumbs[:len(crumbs)-1]
	}
	for i := len(crumbs) - 1; i >= 0; i-- {
		c := crumbs[i]
		if c != "" && !strings.EqualFold(c, "Trang chủ") && !strings.EqualFold(c, "Home") {
			return c
		}
	}
	return m.section
}

func insideChrome(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if ignored(p) || chrome(p) {
			return true
		}
	}
	return false
}
