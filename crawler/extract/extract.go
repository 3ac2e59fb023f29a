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

// Options tune extraction for one site and carry what the crawler knows
// about one page. The zero value is generic extraction: the date order is
// inferred from the page, the title chosen by agreement of the page's own
// sources.
type Options struct {
	// TitleSelector, DateSelector and BodySelector are goquery selectors
	// that, when set and matching, replace the generic rules.
	TitleSelector, DateSelector, BodySelector string
	// DateOrder, when set, is the order of numeric dates whose components
	// are both ≤ 12: a site's configured date_order. It overrides every
	// inference.
	DateOrder DateOrder
	// SiteVotes is the evidence for the order of numeric dates gathered
	// from the site's other pages (the crawler's tally of DateVotes).
	// Evidence about the page's own date (a weekday beside it, the same day
	// in a <meta>, the URL's month) comes first.
	SiteVotes DateVotes
	// TitleAffixes are the parts every <title> of the site shares (a site
	// name before or after the page's title), learned from many pages
	// (LearnTitleAffixes).
	TitleAffixes TitleAffixes
	// LinkText and LinkDate describe the link the crawler followed to the
	// page: its anchor text, and the date the listing printed beside it
	// (raw text). Either may be empty.
	LinkText, LinkDate string
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
	// NotDocument, when set, says why the page is not a document but a
	// page about documents (relpage.go): a database's list of the
	// documents related to one, with no text of its own. The crawler and
	// ingest do not store it.
	NotDocument string `json:"not_document,omitempty"`

	// DateAmbiguous is set when the page's date reads as two dates
	// (5/6/2024) and neither the site's order nor evidence on the page
	// settles which: Published is then empty and DateReadings holds the
	// day-first and the month-first reading.
	DateAmbiguous bool     `json:"date_ambiguous,omitempty"`
	DateReadings  []string `json:"date_readings,omitempty"`
	// DateStyle is the style of an ambiguous date (see DescribeStyle), for
	// settling it once the site's order for that style is known.
	DateStyle string `json:"-"`
	// DateVotes is the evidence about the page's own date (a weekday
	// beside it, the same day in a <meta>, the URL's month, the listing's
	// date for the link): with Page.DateVotes, what the page teaches about
	// its site's order.
	DateVotes DateVotes `json:"-"`
}

// Link is one hyperlink of a page.
type Link struct {
	URL  string // absolute, without fragment
	Text string
	// Date is the text of a date printed beside the link in its listing
	// row ("12/5/2024 3:04 PM"), or "".
	Date string
}

// Page is a parsed HTML page.
type Page struct {
	Doc     *goquery.Document
	URL     *url.URL // may be nil
	Charset string   // name of the encoding the body was decoded from

	ix    *index    // built on first use
	md    *metadata // built on first use
	votes DateVotes // built on first use
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

// HeadTitle returns the text of the page's <title>.
func (p *Page) HeadTitle() string { return p.meta().title }

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
	m := p.meta()
	a := &Article{Title: p.title(opt, m)}
	var dateline string
	a.Body, dateline = p.body(opt, a.Title)
	a.Attachments = p.attachments(a.Title, a.Body)
	a.NotDocument = p.notDocument(a.Title, a.Body)
	pageTitle := a.Title // the page's own, which its breadcrumb may end with
	p.legal(a)           // a property table's "Ngày ban hành" is the date
	if a.Type == "" && a.Number == "" {
		if b := dropHeadline(a.Body, a.Title, m.ogTitle, m.headline, m.title); b != a.Body {
			if first, _, _ := strings.Cut(a.Body, "\n"); first != p.declaredLeadText() {
				a.Body = b // not the declared body's linked first line (declaredlead.go)
			}
		}
	}
	if a.Published == "" {
		p.resolveDate(a, p.findPublished(opt, m, pageTitle, a.Body, dateline, documentPage(a)), opt)
	}
	a.Summary = p.summary(m)
	a.Category = p.category(m, pageTitle)
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
