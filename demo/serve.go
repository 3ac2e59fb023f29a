package demo

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
)

// view is the data passed to the page templates.
type view struct {
	Title    string
	Charset  string
	Nav      []navItem
	Crumbs   []crumb
	Latest   []*entry
	Article  *entry
	Related  []*entry
	Heading  string
	Items    []*entry
	Pages    []pageLink
	Prev     string
	Next     string
	Sections []section
}

// Comment emits an HTML comment, which html/template would otherwise strip.
// The text is fixed template text and never contains "--".
func (view) Comment(text string) template.HTML {
	return template.HTML("<!-- " + text + " -->")
}

type navItem struct {
	category
	Active bool
}

type crumb struct{ Name, Href string }

type pageLink struct {
	N       int
	Href    string
	Current bool
}

type section struct {
	category
	Items []*entry
}

func (s *site) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("GET /robots.txt", robots)
	mux.HandleFunc("GET /sitemap.xml", s.sitemap)
	mux.HandleFunc("GET /rss.xml", s.rss)
	mux.HandleFunc("GET /tin-tuc/{cat}", s.categoryList)
	mux.HandleFunc("GET "+aggregatePath, s.aggregateList)
	mux.HandleFunc("GET /admin/", forbidden)
	mux.HandleFunc("GET /", s.article)
	return mux
}

func (s *site) newView(title, active string) view {
	v := view{Title: title, Charset: "utf-8", Latest: s.entries[:min(5, len(s.entries))]}
	for _, c := range s.cats {
		v.Nav = append(v.Nav, navItem{c, c.Slug == active})
	}
	return v
}

func (s *site) render(w http.ResponseWriter, page string, status int, v view) {
	var buf bytes.Buffer
	if err := s.pages[page].ExecuteTemplate(&buf, "layout", v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *site) home(w http.ResponseWriter, r *http.Request) {
	v := s.newView("Trang chủ", "")
	v.Items = s.entries[:min(8, len(s.entries))]
	for _, c := range s.cats {
		sec := section{category: c}
		for _, e := range s.entries {
			if e.CatSlug == c.Slug && len(sec.Items) < 3 {
				sec.Items = append(sec.Items, e)
			}
		}
		v.Sections = append(v.Sections, sec)
	}
	s.render(w, "home", http.StatusOK, v)
}

func (s *site) categoryList(w http.ResponseWriter, r *http.Request) {
	for _, c := range s.cats {
		if c.Slug != r.PathValue("cat") {
			continue
		}
		var items []*entry
		for _, e := range s.entries {
			if e.CatSlug == c.Slug {
				items = append(items, e)
			}
		}
		v := s.newView(c.Name, c.Slug)
		v.Crumbs = []crumb{{Name: c.Name}}
		s.listing(w, r, v, items, "page", c.Path())
		return
	}
	s.notFound(w, r)
}

func (s *site) aggregateList(w http.ResponseWriter, r *http.Request) {
	v := s.newView("Tin tức - Sự kiện", "")
	v.Crumbs = []crumb{{Name: "Tin tức - Sự kiện"}}
	s.listing(w, r, v, s.entries, "pageindex", aggregatePath)
}

// listing renders one page of items; page 1 is the bare base URL and
// page N>1 is base?param=N.
func (s *site) listing(w http.ResponseWriter, r *http.Request, v view, items []*entry, param, base string) {
	n := 1
	if q := r.URL.Query().Get(param); q != "" {
		var err error
		if n, err = strconv.Atoi(q); err != nil {
			s.notFound(w, r)
			return
		}
	}
	last := (len(items) + perPage - 1) / perPage
	if n < 1 || n > max(last, 1) {
		s.notFound(w, r)
		return
	}
	href := func(i int) string {
		if i == 1 {
			return base
		}
		return fmt.Sprintf("%s?%s=%d", base, param, i)
	}
	v.Heading = v.Title
	v.Items = items[(n-1)*perPage : min(n*perPage, len(items))]
	for i := 1; i <= last; i++ {
		v.Pages = append(v.Pages, pageLink{N: i, Href: href(i), Current: i == n})
	}
	if n > 1 {
		v.Prev = href(n - 1)
	}
	if n < last {
		v.Next = href(n + 1)
	}
	if n > 1 {
		v.Title += " - Trang " + strconv.Itoa(n)
	}
	s.render(w, "listing", http.StatusOK, v)
}

func (s *site) article(w http.ResponseWriter, r *http.Request) {
	if e := s.files[r.URL.Path]; e != nil {
		serveFile(w, r, e)
		return
	}
	e := s.byPath[r.URL.Path]
	if e == nil {
		s.notFound(w, r)
		return
	}
	v := s.newView(e.Title, e.CatSlug)
	v.Charset = e.Encoding
	v.Article = e
	v.Crumbs = []crumb{{Name: e.Category, Href: "/tin-tuc/" + e.CatSlug}, {Name: e.Title}}
	v.Related = s.related(e)
	var buf bytes.Buffer
	if err := s.pages["article"].ExecuteTemplate(&buf, "layout", v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	body := buf.Bytes()
	if e.Encoding == "windows-1258" {
		var err error
		if body, err = encode1258(buf.String()); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
	}
	w.Header().Set("Content-Type", "text/html; charset="+e.Encoding)
	w.Header().Set("ETag", fmt.Sprintf(`"vb-%d-%s"`, e.ID, e.Time.Format("20060102"))) // fixed per article
	w.Header().Set("Cache-Control", "public, max-age=300")
	http.ServeContent(w, r, "", e.Time, bytes.NewReader(body))
}

// related picks up to four other articles of the same category, closest
// in time first.
func (s *site) related(e *entry) []*entry {
	var out []*entry
	for _, o := range s.entries {
		if o != e && o.CatSlug == e.CatSlug {
			out = append(out, o)
		}
	}
	dist := func(o *entry) time.Duration { return max(o.Time.Sub(e.Time), e.Time.Sub(o.Time)) }
	for i := 1; i < len(out); i++ { // insertion sort keeps ties in date order
		for j := i; j > 0 && dist(out[j]) < dist(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out[:min(4, len(out))]
}

// fileTypes are the Content-Types of the attachments the portal serves.
var fileTypes = map[string]string{
	".pdf":  "application/pdf",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".doc":  "application/msword",
}

// serveFile serves an article's attachment: the document generated for the
// demo in site/files (scripts/attachments/gen.sh), or, for an attachment
// without one, a minimal PDF.
func serveFile(w http.ResponseWriter, r *http.Request, e *entry) {
	ctype := fileTypes[path.Ext(e.Attachment)]
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	if b, err := fs.ReadFile(siteFS, "site/files/"+e.FileName()); err == nil {
		http.ServeContent(w, r, "", e.Time, bytes.NewReader(b))
		return
	}
	pdf := fmt.Sprintf("%%PDF-1.4\n%% demo attachment for %s\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n", e.Number)
	http.ServeContent(w, r, "", e.Time, strings.NewReader(pdf))
}

func (s *site) notFound(w http.ResponseWriter, r *http.Request) {
	v := s.newView("Không tìm thấy trang", "")
	v.Crumbs = []crumb{{Name: "Lỗi 404"}}
	s.render(w, "notfound", http.StatusNotFound, v)
}

func forbidden(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "403 - Bạn không có quyền truy cập khu vực quản trị.", http.StatusForbidden)
}

func robots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "User-agent: *\nDisallow: /admin/\nDisallow: /tim-kiem\n\nSitemap: http://%s/sitemap.xml\n", r.Host)
}

func (s *site) sitemap(w http.ResponseWriter, r *http.Request) {
	type url struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []url    `xml:"url"`
	}
	var set urlset
	for _, e := range s.entries {
		set.URLs = append(set.URLs, url{"http://" + r.Host + e.Path, e.Published})
	}
	writeXML(w, "application/xml; charset=utf-8", set)
}

func (s *site) rss(w http.ResponseWriter, r *http.Request) {
	type item struct {
		Title       string `xml:"title"`
		Link        string `xml:"link"`
		Description string `xml:"description"`
		Category    string `xml:"category"`
		PubDate     string `xml:"pubDate"`
		GUID        string `xml:"guid"`
	}
	type channel struct {
		Title       string `xml:"title"`
		Link        string `xml:"link"`
		Description string `xml:"description"`
		Language    string `xml:"language"`
		Items       []item `xml:"item"`
	}
	type feed struct {
		XMLName xml.Name `xml:"rss"`
		Version string   `xml:"version,attr"`
		Channel channel  `xml:"channel"`
	}
	root := "http://" + r.Host
	f := feed{Version: "2.0", Channel: channel{
		Title:       "Cổng Thông tin điện tử tỉnh Phú An",
		Link:        root + "/",
		Description: "Tin tức, sự kiện và văn bản chỉ đạo điều hành của tỉnh Phú An",
		Language:    "vi",
	}}
	for _, e := range s.entries[:min(20, len(s.entries))] {
		f.Channel.Items = append(f.Channel.Items, item{
			Title: e.Title, Link: root + e.Path, Description: e.Sapo(),
			Category: e.Category, PubDate: e.Time.Format(time.RFC1123Z), GUID: root + e.Path,
		})
	}
	writeXML(w, "application/rss+xml; charset=utf-8", f)
}

func writeXML(w http.ResponseWriter, contentType string, v any) {
	out, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Write([]byte(xml.Header))
	w.Write(out)
	w.Write([]byte("\n"))
}
