package extract

import (
	"fmt"
	"net/url"
	"strings"
)

// A page about documents is not a document. Legal databases show each
// document under several tabs — its full text, its properties, and pages
// that only list the documents related to it (vbpl.vn's "Lược đồ" and "Văn
// bản liên quan", a provincial portal's "Văn bản căn cứ" tab): those have no
// text of their own, only links, each naming another document by its type
// ("Nghị quyết 42/2017/QH14 Về thí điểm …", "Luật Đầu tư"). Stored, such a
// page is an empty document under the described document's name (with its
// files, when the page lists them too). It is told by what it holds: no
// body after extraction, and links to at least minListedDocs documents,
// each named by its type and number (namesDocument; a menu of types —
// "Luật", "Nghị định", "Hướng dẫn khai thác" — names none). A page with text is never one, whatever it
// links — but a site's home page is never a document (homePage).

// minListedDocs is how many documents a page without text must link to be a
// page about documents; one link is a page's own file or a "see also".
const minListedDocs = 2

// notDocument returns why the page, whose extracted body is body, is a page
// about documents and not a document, or "".
func (p *Page) notDocument(title, body string) string {
	if homePage(p.URL) {
		return "the site's home page: a listing of its pages, not a document"
	}
	if strings.TrimSpace(body) != "" {
		return ""
	}
	seen := map[string]bool{}
	var names []string
	for _, n := range p.idx().links {
		// The href as written: a saved page's relative links resolve
		// against no web address.
		href := strings.TrimSpace(attr(n, "href"))
		if href == "" || href[0] == '#' || hasFoldPrefix(href, "javascript") || seen[href] {
			continue
		}
		if text := oneLine(nodeText(n)); text != title && namesDocument(text) {
			seen[href] = true
			names = append(names, text)
		}
	}
	if len(names) < minListedDocs {
		return ""
	}
	return fmt.Sprintf("a page listing %d documents (%s, …) with no text of its own: about documents, not one", len(names), clip(names[0], 60))
}

// homePage reports a site's home page: the root path, or a root index,
// default or home file ("/", "/index.html", "/Default.aspx", "/trang-chu"),
// without a query. Its text is the portal's headlines and banner; no
// document lives there (a crawl without article patterns starts there).
func homePage(u *url.URL) bool {
	if u == nil || u.RawQuery != "" || u.Scheme != "http" && u.Scheme != "https" {
		return false
	}
	seg := strings.Trim(u.Path, "/")
	if seg == "" {
		return true
	}
	if strings.Contains(seg, "/") {
		return false
	}
	name, _, _ := strings.Cut(strings.ToLower(seg), ".")
	switch name {
	case "index", "default", "home", "trang-chu", "trangchu":
		return true
	}
	return false
}

// namesDocument reports whether a link's text names a document: a type
// followed by its number, "số" and a number, or the placeholder of a
// document without one ("Luật 50/2014/QH13 Xây dựng", "Quyết định số
// 125/QĐ-UBND", "Hiến pháp Không số Hiến pháp năm 1992"); a type and other
// words are a menu's or a headline's ("Hướng dẫn khai thác", "Luật Đất đai
// 2024 có hiệu lực từ …").
func namesDocument(text string) bool {
	rest, ok := cutType(text, "")
	if !ok {
		return false
	}
	ws := strings.Fields(rest)
	if len(ws) > 0 && hasFoldPrefix(ws[0], "số") {
		ws = ws[1:]
	}
	switch {
	case len(ws) == 0:
		return false
	case normNumber(ws[0]) != "":
		return true
	}
	return len(ws) >= 2 && noNumber(ws[0]+" "+ws[1])
}

// clip cuts s to at most n runes, at a space when it can.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	c := string(r[:n])
	if i := strings.LastIndexByte(c, ' '); i > 0 {
		c = c[:i]
	}
	return c + "…"
}
