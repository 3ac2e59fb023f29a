package search

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/vanban/vanban/corpus"
)

//go:embed templates/*.html
var templateFS embed.FS

// Docs gives the handler the stored documents.
type Docs interface {
	Get(id string) (*corpus.Document, error)
}

// Handler serves the JSON API and the web pages.
type Handler struct {
	s    *Searcher
	docs Docs
	log  *slog.Logger
	tmpl *template.Template
	mux  *http.ServeMux
}

// NewHandler returns the HTTP handler of the search service. It is
// read-only: no route changes the index or the store.
func NewHandler(s *Searcher, docs Docs, log *slog.Logger) *Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	h := &Handler{s: s, docs: docs, log: log}
	h.tmpl = template.Must(template.New("").Funcs(template.FuncMap{
		"html":  func(s string) template.HTML { return template.HTML(s) }, // only for snippets, which Snippet escapes
		"paras": func(s string) []string { return strings.Split(s, "\n") },
		"add":   func(a, b int) int { return a + b },
	}).ParseFS(templateFS, "templates/*.html"))
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/search", h.apiSearch)
	mux.HandleFunc("GET /api/documents/{id}", h.apiDocument)
	mux.HandleFunc("GET /api/refs", h.apiRefs)
	mux.HandleFunc("GET /healthz", h.healthz)
	mux.HandleFunc("GET /doc/{id}", h.docPage)
	mux.HandleFunc("GET /{$}", h.searchPage)
	h.mux = mux
	return h
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "same-origin")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	sw := &statusWriter{ResponseWriter: w, status: 200}
	h.mux.ServeHTTP(sw, r)
	h.log.Info("http", "method", r.Method, "path", r.URL.Path, "status", sw.status, "dur", time.Since(start))
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// RequestError is a bad request parameter.
type RequestError struct{ Param, Msg string }

func (e *RequestError) Error() string { return fmt.Sprintf("parameter %s: %s", e.Param, e.Msg) }

// ParseRequest reads a search request from URL parameters: q, page (from 1),
// size (≤ 100), type, issuer, site, from and to (YYYY-MM-DD), sort.
func ParseRequest(v url.Values) (Request, error) {
	r := Request{Query: v.Get("q"), Size: 10, Sort: v.Get("sort"), Facets: true}
	page := 1
	for _, p := range []struct {
		name string
		dst  *int
		min  int
	}{{"page", &page, 1}, {"size", &r.Size, 1}} {
		if s := v.Get(p.name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < p.min {
				return r, &RequestError{p.name, fmt.Sprintf("want an integer ≥ %d, got %q", p.min, s)}
			}
			*p.dst = n
		}
	}
	r.Size = min(r.Size, MaxSize)
	if page > 10000/r.Size {
		return r, &RequestError{"page", "too deep; narrow the query"}
	}
	r.From = (page - 1) * r.Size
	r.Filters = Filters{Type: v.Get("type"), Issuer: v.Get("issuer"), Site: v.Get("site"), Category: v.Get("category")}
	for _, d := range []struct {
		name string
		dst  *time.Time
	}{{"from", &r.Filters.From}, {"to", &r.Filters.To}} {
		if s := v.Get(d.name); s != "" {
			t, err := time.Parse("2006-01-02", s)
			if err != nil {
				return r, &RequestError{d.name, fmt.Sprintf("want YYYY-MM-DD, got %q", s)}
			}
			*d.dst = t
		}
	}
	switch r.Sort {
	case "", "relevance", "date", "-date":
	default:
		return r, &RequestError{"sort", "want relevance, date or -date"}
	}
	if len(r.Query) > 1000 {
		return r, &RequestError{"q", "longer than 1000 bytes"}
	}
	return r, nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func jsonError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

func (h *Handler) apiSearch(w http.ResponseWriter, r *http.Request) {
	req, err := ParseRequest(r.URL.Query())
	if err != nil {
		jsonError(w, http.StatusBadRequest, err.Error())
		return
	}
	res, err := h.s.Search(r.Context(), req)
	switch {
	case errors.Is(err, ErrEmptyQuery):
		jsonError(w, http.StatusBadRequest, "parameter q: empty query")
	case err != nil:
		h.log.Error("search failed", "q", req.Query, "err", err)
		jsonError(w, http.StatusInternalServerError, "search failed")
	default:
		writeJSON(w, http.StatusOK, res)
	}
}

func (h *Handler) apiDocument(w http.ResponseWriter, r *http.Request) {
	doc, err := h.docs.Get(r.PathValue("id"))
	switch {
	case errors.Is(err, corpus.ErrNotFound) || (err == nil && doc.Gone):
		jsonError(w, http.StatusNotFound, "no document "+r.PathValue("id"))
	case err != nil:
		h.log.Error("document failed", "doc_id", r.PathValue("id"), "err", err)
		jsonError(w, http.StatusInternalServerError, "document lookup failed")
	default:
		writeJSON(w, http.StatusOK, h.documentJSON(doc))
	}
}

func (h *Handler) healthz(w http.ResponseWriter, r *http.Request) {
	n, err := h.s.idx.DocCount()
	if err != nil {
		jsonError(w, http.StatusServiceUnavailable, "index unavailable")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "documents": n})
}

// pageData is what the search page template sees.
type pageData struct {
	Query    string
	Req      Request
	Result   *Result
	Error    string
	Page     int
	Pages    []pageLink
	Prev     string
	Next     string
	FacetURL func(field, value string) string
}

type pageLink struct {
	N       int
	URL     string
	Current bool
}

func (h *Handler) searchPage(w http.ResponseWriter, r *http.Request) {
	d := pageData{Query: r.URL.Query().Get("q")}
	req, err := ParseRequest(r.URL.Query())
	d.Req = req
	if err != nil {
		d.Error = err.Error()
		w.WriteHeader(http.StatusBadRequest)
	} else if strings.TrimSpace(d.Query) != "" || !req.Filters.empty() {
		res, err := h.s.Search(r.Context(), req)
		if err != nil && !errors.Is(err, ErrEmptyQuery) {
			h.log.Error("search failed", "q", req.Query, "err", err)
			d.Error = "Không tìm được: lỗi máy chủ."
		}
		d.Result = res
		if res != nil {
			d.paginate(r.URL.Query(), req, res.Total)
		}
	}
	d.FacetURL = func(field, value string) string {
		v := r.URL.Query()
		v.Set(field, value)
		v.Del("page")
		return "/?" + v.Encode()
	}
	h.render(w, "search.html", d)
}

func (d *pageData) paginate(v url.Values, req Request, total uint64) {
	size := max(req.Size, 1)
	d.Page = req.From/size + 1
	last := int((total + uint64(size) - 1) / uint64(size))
	last = min(last, 10000/size)
	link := func(n int) string {
		v.Set("page", strconv.Itoa(n))
		return "/?" + v.Encode()
	}
	for n := max(1, d.Page-4); n <= min(last, d.Page+4); n++ {
		d.Pages = append(d.Pages, pageLink{N: n, URL: link(n), Current: n == d.Page})
	}
	if d.Page > 1 {
		d.Prev = link(d.Page - 1)
	}
	if d.Page < last {
		d.Next = link(d.Page + 1)
	}
}

func (h *Handler) docPage(w http.ResponseWriter, r *http.Request) {
	doc, err := h.docs.Get(r.PathValue("id"))
	if err != nil || doc.Gone {
		w.WriteHeader(http.StatusNotFound)
		h.render(w, "notfound.html", r.PathValue("id"))
		return
	}
	h.render(w, "doc.html", doc)
}

func (h *Handler) render(w http.ResponseWriter, name string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := h.tmpl.ExecuteTemplate(w, name, data); err != nil {
		h.log.Error("render failed", "template", name, "err", err)
	}
}
