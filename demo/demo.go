// Package demo serves a fictional Vietnamese provincial e-portal
// ("Cổng Thông tin điện tử tỉnh Phú An") from embedded files. The portal is
// crawled, indexed and searched by `vanban demo`, and served through
// httptest by the tests of the crawler, extractor, citation linker and
// search packages.
//
// All content lives under site/: one text file per article in
// site/articles (a block of "key: value" header lines, a blank line, then
// one paragraph per line) and html/template layouts in site/templates.
package demo

import (
	"embed"
	"net/http"
)

//go:embed site
var siteFS embed.FS

// Article is the ground truth for one article page of the portal.
type Article struct {
	Path      string // URL path, e.g. "/tin-tuc/chi-dao-dieu-hanh/2025/03/1008-ke-hoach-45-kh-ubnd-trien-khai-nghi-quyet-57.html"
	Title     string // NFC, as shown in <h1 class="title">
	Published string // YYYY-MM-DD
	Category  string // category display name, e.g. "Kinh tế - Đầu tư"
	Type      string // "Nghị quyết", "Kế hoạch", "Chương trình", "Quyết định", "Tin tức"
	Number    string // document number, e.g. "45/KH-UBND"; "" for news
	Issuer    string // e.g. "UBND tỉnh", "HĐND tỉnh", "Tỉnh ủy"; "" for news
	Body      string // main text, one paragraph per line (NFC); table rows are cells joined by " | "
	Encoding  string // "utf-8" or "windows-1258"
}

// Handler serves the whole portal: home page, category listings, the
// SharePoint-style aggregate listing, article pages, PDF attachments,
// robots.txt, sitemap.xml and rss.xml. Anything else answers a portal-style
// 404 page.
func Handler() http.Handler {
	s, err := load()
	if err != nil {
		// The content is embedded at build time; a parse failure is a bug
		// caught by the package tests.
		panic("demo: " + err.Error())
	}
	return s.routes()
}

// Articles returns the ground truth for every article page, newest first.
func Articles() []Article {
	s, err := load()
	if err != nil {
		panic("demo: " + err.Error())
	}
	out := make([]Article, len(s.entries))
	for i, e := range s.entries {
		out[i] = e.Article
	}
	return out
}

// Files returns the URL paths of the articles' attachments, one per
// article that has one, newest article first.
func Files() []string {
	s, err := load()
	if err != nil {
		panic("demo: " + err.Error())
	}
	var out []string
	for _, e := range s.entries {
		if e.Attachment != "" {
			out = append(out, e.Attachment)
		}
	}
	return out
}

// FileArticle returns the path of the article that links the attachment
// at path p (one of Files), or "".
func FileArticle(p string) string {
	s, err := load()
	if err != nil {
		panic("demo: " + err.Error())
	}
	if e := s.files[p]; e != nil {
		return e.Path
	}
	return ""
}

// StartPaths returns the seed paths a crawler starts from: the home page,
// the aggregate listing and every category listing.
func StartPaths() []string {
	s, err := load()
	if err != nil {
		panic("demo: " + err.Error())
	}
	paths := []string{"/", aggregatePath}
	for _, c := range s.cats {
		paths = append(paths, c.Path())
	}
	return paths
}
