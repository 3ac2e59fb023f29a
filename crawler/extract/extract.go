// Package extract turns a fetched HTML page into an Article: the main text
// with boilerplate removed, plus title, publication date, summary, category,
// attachments and, for legal-document pages, the số ký hiệu, loại văn bản and
// cơ quan ban hành. It decodes legacy charsets (windows-1258, and the TCVN3
// and VNI font encodings, sniffed) and returns all
// text through viet.Clean, so output is valid UTF-8 in NFC.
//
// Extraction is generic and needs no per-site rules; Options can override the
// title, date and body with goquery selectors from a site's configuration.
package extract

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// DateOrder is a site's convention for ambiguous numeric dates such as
// 6/7/2025.
type DateOrder int

const (
	// DayFirst reads 6/7/2025 as 6 July 2025, the Vietnamese convention and
	// the default.
	DayFirst DateOrder = iota
	// MonthFirst reads 6/7/2025 as June 7, as SharePoint list views on
	// binhduong.gov.vn do ("6/30/2025 10:00 AM").
	MonthFirst
)

// Options tune extraction for one site. The zero value is generic
// extraction with day-first dates.
type Options struct {
	// TitleSelector, DateSelector and BodySelector are goquery selectors
	// that, when set and matching, replace the generic rules.
	TitleSelector, DateSelector, BodySelector string
	// DateOrder is the order used for numeric dates where neither
	// component exceeds 12.
	DateOrder DateOrder
}

// Article is the extracted content of one page. All strings are NFC.
type Article struct {
	Title       string   `json:"title"`
	Published   string   `json:"published"` // YYYY-MM-DD or ""
	Summary     string   `json:"summary"`   // sapo or meta description
	Body        string   `json:"body"`      // paragraphs separated by "\n"
	Category    string   `json:"category"`  // from the breadcrumb
	Attachments []string `json:"attachments"`
	Number      string   `json:"number"` // số ký hiệu, e.g. "100/2015/QH13"
	Type        string   `json:"type"`   // loại văn bản, e.g. "Bộ luật"
	Issuer      string   `json:"issuer"` // cơ quan ban hành
}

// Link is one hyperlink of a page.
type Link struct {
	URL  string // absolute, without fragment
	Text string
}

// Page is a parsed HTML page.
type Page struct {
	Doc     *goquery.Document
	URL     *url.URL // may be nil
	Charset string   // name of the encoding the body was decoded from

	ix *index // built on first use
}

// Parse decodes body and parses it as HTML. The charset is taken from the
// BOM, the Content-Type header, then a <meta> declaration, then sniffed:
// undeclared (or Latin-declared) non-UTF-8 bytes are read as windows-1258,
// TCVN3 or VNI when they look Vietnamese (see decode). The decoded text is normalized to NFC before parsing. pageURL
// may be nil; it is used to resolve links.
func Parse(body []byte, contentType string, pageURL *url.URL) (*Page, error) {
	text, name, err := decode(body, contentType)
	if err != nil {
		return nil, fmt.Errorf("extract: decode %s: %w", urlString(pageURL), err)
	}
	root, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("extract: parse %s: %w", urlString(pageURL), err)
	}
	return &Page{Doc: goquery.NewDocumentFromNode(root), URL: pageURL, Charset: name}, nil
}

// Extract parses body and extracts its article.
func Extract(body []byte, contentType string, pageURL *url.URL, opt Options) (*Article, error) {
	p, err := Parse(body, contentType, pageURL)
	if err != nil {
		return nil, err
	}
	return p.Article(opt), nil
}

// Article extracts the page's article. It does not modify p.Doc.
func (p *Page) Article(opt Options) *Article {
	m := p.metadata()
	a := &Article{Attachments: p.attachments()}
	a.Title = p.title(opt, m)
	a.Body = p.body(opt, a.Title)
	p.legal(a) // a property table's "Ngày ban hành" is the date
	if a.Published == "" {
		a.Published = p.published(opt, m, a.Body)
	}
	a.Summary = p.summary(m)
	a.Category = p.category(m, a.Title)
	return a
}

func urlString(u *url.URL) string {
	if u == nil {
		return "page"
	}
	return u.String()
}

// selectText returns the cleaned text of the first match of sel, or "".
// Invalid selectors are ignored, so a bad site config cannot panic.
func (p *Page) selectText(sel string) (s string) {
	if sel == "" {
		return ""
	}
	defer func() {
		if recover() != nil {
			s = ""
		}
	}()
	m := p.Doc.Find(sel)
	if m.Length() == 0 {
		return ""
	}
	return strings.TrimSpace(renderText(m.Nodes[0], nil))
}
