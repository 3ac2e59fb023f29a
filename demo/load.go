package demo

import (
	"bufio"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

const (
	aggregatePath = "/lists/tintucsukien/tongquat.aspx"
	perPage       = 10
)

// site is the parsed, read-only portal content.
type site struct {
	cats    []category
	entries []*entry // newest first
	byPath  map[string]*entry
	files   map[string]*entry // attachment path -> article
	pages   map[string]*template.Template
}

type category struct {
	Slug, Name string
}

// Path is the listing URL of the category.
func (c category) Path() string { return "/tin-tuc/" + c.Slug }

// entry is an article plus what is needed to render it.
type entry struct {
	Article
	ID         int
	Time       time.Time
	Blocks     []block
	Attachment string
	DateStyle  string // "ngay-dang", "thu" or "long"
	Meta       bool   // emit <meta property="article:published_time">
	CatSlug    string
}

// block is one element of the article body.
type block struct {
	Kind string // "sapo", "p", "h" or "table"
	Text string
	Rows [][]string // for tables; the first row is the header
}

func ict() *time.Location { return time.FixedZone("ICT", 7*3600) }

func load() (*site, error) {
	s := &site{byPath: map[string]*entry{}, files: map[string]*entry{}}
	var err error
	if s.cats, err = loadCategories(); err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, c := range s.cats {
		names[c.Slug] = c.Name
	}
	files, err := fs.Glob(siteFS, "site/articles/*.txt")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		data, err := siteFS.ReadFile(f)
		if err != nil {
			return nil, err
		}
		e, err := parseArticle(path.Base(f), string(data), names)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		if s.byPath[e.Path] != nil {
			return nil, fmt.Errorf("%s: duplicate path %s", f, e.Path)
		}
		s.byPath[e.Path] = e
		if e.Attachment != "" {
			s.files[e.Attachment] = e
		}
		s.entries = append(s.entries, e)
	}
	sort.Slice(s.entries, func(i, j int) bool {
		a, b := s.entries[i], s.entries[j]
		if !a.Time.Equal(b.Time) {
			return a.Time.After(b.Time)
		}
		return a.ID > b.ID
	})
	s.pages, err = loadTemplates()
	return s, err
}

// upTo returns the site with the articles of generation g and earlier.
func (s *site) upTo(g int) *site {
	t := *s
	t.entries, t.byPath, t.files = nil, map[string]*entry{}, map[string]*entry{}
	for _, e := range s.entries {
		if e.Generation > g {
			continue
		}
		t.entries = append(t.entries, e)
		t.byPath[e.Path] = e
		if e.Attachment != "" {
			t.files[e.Attachment] = e
		}
	}
	return &t
}

func loadCategories() ([]category, error) {
	data, err := siteFS.ReadFile("site/categories.txt")
	if err != nil {
		return nil, err
	}
	var cats []category
	for _, line := range strings.Split(string(data), "\n") {
		slug, name, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		cats = append(cats, category{strings.TrimSpace(slug), strings.TrimSpace(name)})
	}
	return cats, nil
}

func loadTemplates() (map[string]*template.Template, error) {
	base, err := template.ParseFS(siteFS, "site/templates/layout.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, name := range []string{"home", "listing", "article", "notfound"} {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if pages[name], err = t.ParseFS(siteFS, "site/templates/"+name+".html"); err != nil {
			return nil, err
		}
	}
	return pages, nil
}

// parseArticle reads one article file named "<id>-<slug>.txt".
func parseArticle(name, text string, cats map[string]string) (*entry, error) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if !norm.NFC.IsNormalString(text) {
		return nil, fmt.Errorf("not NFC")
	}
	head, body, ok := strings.Cut(text, "\n\n")
	if !ok {
		return nil, fmt.Errorf("missing blank line after header")
	}
	h := map[string]string{}
	for _, line := range strings.Split(head, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("bad header line %q", line)
		}
		h[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	base := strings.TrimSuffix(name, ".txt")
	idStr, _, _ := strings.Cut(base, "-")
	id, err := strconv.Atoi(idStr)
	if err != nil {
		return nil, fmt.Errorf("file name must start with a numeric id")
	}
	t, err := time.ParseInLocation("2006-01-02 15:04", h["published"], ict())
	if err != nil {
		return nil, fmt.Errorf("published: %w", err)
	}
	catName, ok := cats[h["category"]]
	if !ok {
		return nil, fmt.Errorf("unknown category %q", h["category"])
	}
	e := &entry{
		Article: Article{
			Path:      fmt.Sprintf("/tin-tuc/%s/%s/%s.html", h["category"], t.Format("2006/01"), base),
			Title:     h["title"],
			Published: t.Format("2006-01-02"),
			Category:  catName,
			Type:      h["type"],
			Number:    h["number"],
			Issuer:    h["issuer"],
			Encoding:  h["encoding"],
		},
		ID:         id,
		Time:       t,
		Attachment: h["attachment"],
		DateStyle:  h["date-style"],
		CatSlug:    h["category"],
	}
	if e.Title == "" || e.Type == "" {
		return nil, fmt.Errorf("title and type are required")
	}
	e.Generation = 1
	if g := h["generation"]; g != "" {
		if e.Generation, err = strconv.Atoi(g); err != nil || e.Generation < 1 {
			return nil, fmt.Errorf("generation: want a number ≥ 1, got %q", g)
		}
	}
	if e.Encoding == "" {
		e.Encoding = "utf-8"
	}
	if e.Encoding != "utf-8" && e.Encoding != "windows-1258" {
		return nil, fmt.Errorf("unsupported encoding %q", e.Encoding)
	}
	if e.DateStyle == "" {
		e.DateStyle = [...]string{"ngay-dang", "thu", "long"}[id%3]
	}
	// Purely numeric day/month dates get the machine-readable meta tag
	// when the day could be mistaken for a month.
	e.Meta = h["meta"] == "yes" || id%2 == 0 || (e.DateStyle != "long" && t.Day() <= 12)
	if e.Blocks, e.Body, err = parseBody(body); err != nil {
		return nil, err
	}
	return e, nil
}

// parseBody turns body lines into blocks: the first line is the sapo
// ("TTĐT - ..."), "## " starts a heading, "|" starts a table row.
func parseBody(body string) ([]block, string, error) {
	var blocks []block
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(body))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "":
			continue
		case len(blocks) == 0:
			if !strings.HasPrefix(line, "TTĐT - ") {
				return nil, "", fmt.Errorf("sapo must start with \"TTĐT - \"")
			}
			blocks = append(blocks, block{Kind: "sapo", Text: line})
		case strings.HasPrefix(line, "## "):
			line = strings.TrimPrefix(line, "## ")
			blocks = append(blocks, block{Kind: "h", Text: line})
		case strings.HasPrefix(line, "|"):
			var cells []string
			for _, c := range strings.Split(strings.Trim(line, "| "), "|") {
				cells = append(cells, strings.TrimSpace(c))
			}
			line = strings.Join(cells, " | ")
			if n := len(blocks); blocks[n-1].Kind == "table" {
				blocks[n-1].Rows = append(blocks[n-1].Rows, cells)
			} else {
				blocks = append(blocks, block{Kind: "table", Rows: [][]string{cells}})
			}
		default:
			blocks = append(blocks, block{Kind: "p", Text: line})
		}
		lines = append(lines, line)
	}
	if len(blocks) < 2 {
		return nil, "", fmt.Errorf("body too short")
	}
	return blocks, strings.Join(lines, "\n"), sc.Err()
}

// Head and Tail split a table into its header row and data rows.
func (b block) Head() []string   { return b.Rows[0] }
func (b block) Tail() [][]string { return b.Rows[1:] }

// Sapo is the lead paragraph.
func (e *entry) Sapo() string { return e.Blocks[0].Text }

// USDate is the SharePoint list style date, e.g. "6/30/2025 10:00 AM".
func (e *entry) USDate() string { return e.Time.Format("1/2/2006 3:04 PM") }

// MetaTag is the Open Graph publication time element. It is built here
// because html/template would escape the "+" of the zone offset.
func (e *entry) MetaTag() template.HTML {
	return template.HTML(`<meta property="article:published_time" content="` + e.Time.Format(time.RFC3339) + `">`)
}

// DateLine is the human-readable date shown on the article page.
func (e *entry) DateLine() string {
	switch e.DateStyle {
	case "thu":
		days := [...]string{"Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}
		return days[e.Time.Weekday()] + ", " + e.Time.Format("02/01/2006 - 15:04")
	case "long":
		return fmt.Sprintf("Cập nhật ngày %d tháng %d năm %d", e.Time.Day(), e.Time.Month(), e.Time.Year())
	}
	return "Ngày đăng: " + e.Time.Format("02/01/2006")
}

// FileName is the base name of the attachment.
func (e *entry) FileName() string { return path.Base(e.Attachment) }
