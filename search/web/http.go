// Package web is the HTTP face of vanban's search: the JSON API, the CSV
// and JSON Lines exports, the search page and the document page (with the
// citation graph, plan links and coverage), the did-you-mean suggestion,
// the Prometheus metrics and the health check. It renders what
// search.Searcher answers and corpus stores; it neither builds queries
// nor ranks (package search does both).
package web

import (
	"context"
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
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/search"
	"github.com/vanban/vanban/tasks"
)

//go:embed templates/*.html
var templateFS embed.FS

// Docs gives the handler the stored documents.
type Docs interface {
	Get(id string) (*corpus.Document, error)
}

// Handler serves the JSON API, the exports, the metrics and the web pages.
type Handler struct {
	s         *search.Searcher
	docs      Docs
	log       *slog.Logger
	tmpl      *template.Template
	mux       *http.ServeMux
	metrics   *metrics
	lastCrawl func() time.Time
	indexLag  func() (uint64, error)
	archive   ArchiveFunc
	deadFiles DeadFilesFunc // an attachment's dead record (deadfiles.go); nil: none
	timeout   time.Duration
	docMem    *docMemory
	tasks     *tasks.Table // the tasks view (tasks.go); nil: none
	// maxTaskExport is the most rows of /api/tasks.csv (tasks.MaxExport;
	// tests lower it)
	maxTaskExport int
}

// An Option configures a Handler.
type Option func(*Handler)

// WithLastCrawl gives the handler the time the last crawl finished, exported
// as vanban_last_crawl_timestamp_seconds. A zero time is not exported.
func WithLastCrawl(f func() time.Time) Option { return func(h *Handler) { h.lastCrawl = f } }

// WithIndexLag gives the handler how many changes the store holds that
// the index has not applied yet (store sequence − applied sequence), shown
// by /healthz ("index_lag"; status "behind" when not 0) and exported as
// vanban_index_lag_changes. An error makes /healthz answer 503.
func WithIndexLag(f func() (uint64, error)) Option { return func(h *Handler) { h.indexLag = f } }

// ArchivedCopy is the response a document was extracted from, as the
// crawler archived it.
type ArchivedCopy struct {
	URL         string
	Date        time.Time
	ContentType string
	Body        []byte
}

// ArchiveFunc returns the archived copy of a document, or an error.
type ArchiveFunc func(doc *corpus.Document) (*ArchivedCopy, error)

// WithArchive serves archived copies at /archive/{id} and links them from
// the document page.
func WithArchive(f ArchiveFunc) Option { return func(h *Handler) { h.archive = f } }

// WithTimeout gives every request d to answer: its context ends then, the
// searches and document reads under it stop, and the client gets a 503
// (with the security headers of every answer). 0 means no limit.
func WithTimeout(d time.Duration) Option { return func(h *Handler) { h.timeout = d } }

// WithDocMemory bounds the bytes of documents the document routes hold at
// once (DefaultDocMemory otherwise): see docMemory.
func WithDocMemory(bytes int64) Option { return func(h *Handler) { h.docMem = newDocMemory(bytes) } }

// NewHandler returns the HTTP handler of the search service. It is
// read-only: no route changes the index or the store. log receives one
// access-log line per request; nil discards them.
//
// Routes:
//
//	GET /                    search page
//	GET /doc/{id}            document page (?q= highlights the query); an ID
//	                         may hold slashes, escaped or not (docURL)
//	GET /api/search          JSON search (see docs/api.md)
//	GET /api/search.csv      CSV export (UTF-8 with BOM), up to maxExport rows
//	GET /api/search.jsonl    JSON Lines export
//	GET /api/documents/{id}  the stored document, its effect, refs, cited-by list (maxCitedBy a page: ?cited=N) and Lược đồ
//	GET /api/refs?key=       documents carrying and citing a number, its effect and Lược đồ (refs.go)
//	GET /tasks, /api/tasks, /api/tasks.csv   the tasks view, WithTasks (tasks.go)
//	GET /healthz             liveness, document count and index lag
//	GET /metrics             Prometheus metrics
func NewHandler(s *search.Searcher, docs Docs, log *slog.Logger, opts ...Option) *Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	h := &Handler{s: s, docs: docs, log: log, maxTaskExport: tasks.MaxExport}
	for _, o := range opts {
		o(h)
	}
	if h.docMem == nil {
		h.docMem = newDocMemory(DefaultDocMemory)
	}
	h.tmpl = template.Must(template.New("").Funcs(template.FuncMap{
		"html":   func(s string) template.HTML { return template.HTML(s) }, // only for search.Snippet output, which escapes
		"add":    func(a, b int) int { return a + b },
		"docURL": docURL,
	}).ParseFS(templateFS, "templates/*.html"))
	h.metrics = newMetrics(h)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/search", h.apiSearch)
	mux.HandleFunc("GET /api/search.csv", h.exportCSV)
	mux.HandleFunc("GET /api/search.jsonl", h.exportJSONL)
	mux.HandleFunc("GET /api/documents/{id...}", h.apiDocument)
	mux.HandleFunc("GET /api/refs", h.apiRefs)
	mux.HandleFunc("GET /healthz", h.healthz)
	mux.Handle("GET /metrics", h.metrics.handler())
	mux.HandleFunc("GET /doc/{id...}", h.docPage)
	mux.HandleFunc("GET /archive/{id...}", h.archivedPage)
	mux.HandleFunc("GET /{$}", h.searchPage)
	h.taskRoutes(mux)
	h.mux = mux
	return h
}

// docURL is the path of a document's page. The ID is escaped as one path
// segment: a corpus line's _id is often a file path ("van-ban/…/x.md")
// and may hold "?", "#" or "%". The routes take the rest of the path
// ({id...}), so a hand-typed path with raw slashes opens the page too.
func docURL(id string) string { return "/doc/" + url.PathEscape(id) }

// routeLabel is the route a metric or log line names for the mux pattern
// p: the document routes take the rest of the path ({id...}) but keep the
// name they had ("GET /doc/{id}"), so that dashboards and alerts on it
// still count them.
func routeLabel(p string) string { return strings.Replace(p, "{id...}", "{id}", 1) }

// SecurityHeaders sets the headers every answer carries, errors and
// timeouts included: no sniffing, no referrer beyond the site, and a
// Content-Security-Policy under which the pages run no script.
func SecurityHeaders(h http.Header) {
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
}

// StatusClientClosed is the status counted for a request whose client
// left before its answer (nginx's 499): nothing is sent, and it is
// neither an error of the server nor a 500.
const StatusClientClosed = 499

// ServeHTTP sets the security headers, serves the request within the
// handler's time limit and logs it with its route, status, bytes,
// duration and query length (never the query text, which may be
// personal). The status logged and counted is what the client got: 503
// for a timeout, 499 when it left first.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	SecurityHeaders(w.Header())
	sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	client := r.Context()
	if h.timeout > 0 {
		ctx, cancel := context.WithTimeout(client, h.timeout)
		defer cancel()
		r = r.WithContext(ctx)
	}
	h.mux.ServeHTTP(sw, r)
	dur := time.Since(start)
	if client.Err() != nil { // the client left before the handler was done
		sw.status = StatusClientClosed
	}
	route := routeLabel(r.Pattern)
	h.metrics.observe(route, sw.status, sw.bytes, dur)
	h.log.Info("http", "method", r.Method, "path", r.URL.Path, "route", route, "status", sw.status,
		"bytes", sw.bytes, "dur", dur, "q_len", len(r.URL.Query().Get("q")))
}

// statusWriter records the status and the body size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	n, err := w.ResponseWriter.Write(p)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer (Flush).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// requestError is a bad request parameter.
type requestError struct{ Param, Msg string }

func (e *requestError) Error() string { return fmt.Sprintf("parameter %s: %s", e.Param, e.Msg) }

// sorts are the accepted values of the sort parameter.
var sorts = []string{"relevance", "date", "-date", "title"}

// parseRequest reads a search request from URL parameters: q, page (from 1),
// size (≤ 100), type, issuer, site, category, from and to (YYYY-MM-DD),
// in_force=1 (only documents in force today, corpus/graph's Span), sort
// (relevance, date, -date, title), facets=0 (no facet counts: faster, and
// total is then a lower bound, see search.Request.TopOnly), collapse=0 (list
// every copy of a document number; by default a number is one hit, its
// copies folded: search.Request.Collapse), minmatch=0 (count every document
// matching any word; by default total and facets count those holding
// enough of the query's pairs of words, and listed says how many the list
// holds: search.Request.MinMatch). Relevance-ranked
// searches use the top-k evaluation, which gives bleve's hits.
func parseRequest(v url.Values) (search.Request, error) {
	r := search.Request{Query: v.Get("q"), Size: 10, Sort: v.Get("sort"), Facets: true, TopOnly: true, Collapse: true, MinMatch: true}
	for _, b := range []struct {
		name string
		dst  *bool
	}{{"facets", &r.Facets}, {"collapse", &r.Collapse}, {"minmatch", &r.MinMatch}} {
		switch v.Get(b.name) {
		case "", "1":
		case "0":
			*b.dst = false
		default:
			return r, &requestError{b.name, "want 0 or 1"}
		}
	}
	page := 1
	for _, p := range []struct {
		name string
		dst  *int
		min  int
	}{{"page", &page, 1}, {"size", &r.Size, 1}} {
		if s := v.Get(p.name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < p.min {
				return r, &requestError{p.name, fmt.Sprintf("want an integer ≥ %d, got %q", p.min, s)}
			}
			*p.dst = n
		}
	}
	r.Size = min(r.Size, search.MaxSize)
	if page > 10000/r.Size {
		return r, &requestError{"page", "too deep; narrow the query"}
	}
	r.From = (page - 1) * r.Size
	r.Filters = search.Filters{Type: v.Get("type"), Issuer: v.Get("issuer"), Site: v.Get("site"), Category: v.Get("category")}
	switch v.Get("in_force") {
	case "", "0":
	case "1":
		r.Filters.InForce = true
	default:
		return r, &requestError{"in_force", "want 0 or 1"}
	}
	for _, d := range []struct {
		name string
		dst  *time.Time
	}{{"from", &r.Filters.From}, {"to", &r.Filters.To}} {
		if s := v.Get(d.name); s != "" {
			t, err := time.Parse("2006-01-02", s)
			if err != nil {
				return r, &requestError{d.name, fmt.Sprintf("want YYYY-MM-DD, got %q", s)}
			}
			*d.dst = t
		}
	}
	var de *search.DateRangeError
	if err := r.Filters.Validate(); errors.As(err, &de) {
		return r, &requestError{de.Param, fmt.Sprintf("%s is outside the dates the index can hold: want %s to %s",
			de.Date.Format("2006-01-02"), search.MinDate.Format("2006-01-02"), search.MaxDate.Format("2006-01-02"))}
	}
	if r.Sort != "" && !contains(sorts, r.Sort) {
		return r, &requestError{"sort", "want " + strings.Join(sorts, ", ")}
	}
	if q, ok := cutQuery(r.Query); ok {
		r.Query = q
	} else {
		return r, &requestError{"q", "a word longer than 1000 bytes"}
	}
	return r, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
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

// search runs req for an API route, answering the error itself; it returns
// nil when it did.
func (h *Handler) search(w http.ResponseWriter, r *http.Request, req search.Request) *search.Result {
	res, err := h.s.Search(r.Context(), req)
	if err != nil {
		h.jsonFailure(w, r, "search", err)
		return nil
	}
	return res
}

// failure is what a request whose work failed with err answers: status
// and message. Only a failure of the server (500) is logged as an error,
// with what failed and never the query; a client that left (499) or ran
// out of time (503) is logged at info, a refused query (400, 503 busy) not
// at all beyond the access line.
func (h *Handler) failure(r *http.Request, what string, err error) (int, string) {
	var ce *search.CostError
	switch {
	case errors.As(err, &ce):
		return http.StatusBadRequest, "parameter q: " + ce.Error()
	case errors.Is(err, search.ErrEmptyQuery):
		return http.StatusBadRequest, "parameter q: empty query"
	case errors.Is(err, search.ErrBusy):
		return http.StatusServiceUnavailable, "busy: too many costly searches at once; try again shortly"
	case r.Context().Err() != nil && errors.Is(err, r.Context().Err()):
		if errors.Is(err, context.DeadlineExceeded) {
			h.log.Info(what+" timed out", "route", r.Pattern, "limit", h.timeout, "q_len", len(r.URL.Query().Get("q")))
			return http.StatusServiceUnavailable, fmt.Sprintf("timeout: no answer within %s; shorten the query or narrow it with filters", h.timeout)
		}
		h.log.Info(what+": client gone", "route", r.Pattern, "q_len", len(r.URL.Query().Get("q")))
		return StatusClientClosed, ""
	}
	h.log.Error(what+" failed", "route", r.Pattern, "q_len", len(r.URL.Query().Get("q")), "err", err)
	return http.StatusInternalServerError, what + " failed"
}

// jsonFailure answers a failure as JSON; nothing when the client left.
func (h *Handler) jsonFailure(w http.ResponseWriter, r *http.Request, what string, err error) {
	status, msg := h.failure(r, what, err)
	switch status {
	case StatusClientClosed:
		return
	case http.StatusServiceUnavailable:
		w.Header().Set("Retry-After", "2")
	}
	jsonError(w, status, msg)
}

func (h *Handler) apiSearch(w http.ResponseWriter, r *http.Request) {
	req, err := parseRequest(r.URL.Query())
	if err != nil {
		jsonError(w, http.StatusBadRequest, err.Error())
		return
	}
	res := h.search(w, r, req)
	if res == nil {
		return
	}
	if r.URL.Query().Get("explain") == "1" {
		h.explainHits(r.Context(), req.Query, res.Hits)
	}
	err = h.effectHits(r.Context(), res.Hits)
	if err == nil {
		err = h.deadHits(r.Context(), res.Hits)
	}
	if err != nil {
		h.jsonFailure(w, r, "search", err)
		return
	}
	// q_cut: the query was longer than maxQuery and searched by its
	// first words (cutQuery)
	writeJSON(w, http.StatusOK, struct {
		*search.Result
		Cut bool `json:"q_cut,omitempty"`
	}{res, len(req.Query) < len(r.URL.Query().Get("q"))})
}

// explainHits fills Hit.Match for each hit from the stored document, one
// document at a time within the handler's document memory. It stops when
// ctx ends.
func (h *Handler) explainHits(ctx context.Context, raw string, hits []search.Hit) {
	q := search.ParseQuery(raw)
	for i := range hits {
		doc, release, err := h.loadDoc(ctx, hits[i].ID)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			h.log.Error("explain: document failed", "doc_id", hits[i].ID, "err", err)
			continue
		}
		hits[i].Match = search.Explain(q, doc.Title, doc.Summary+"\n"+doc.Body, doc.Number)
		release()
	}
}

func (h *Handler) apiDocument(w http.ResponseWriter, r *http.Request) {
	page, ok := citedPageParam(r.URL.Query().Get("cited"))
	if !ok {
		jsonError(w, http.StatusBadRequest, wantCited.api())
		return
	}
	sel, relpage, ok := relParams(r.URL.Query())
	if !ok {
		jsonError(w, http.StatusBadRequest, wantRel.api())
		return
	}
	doc, release, err := h.loadDoc(r.Context(), r.PathValue("id"))
	switch {
	case errors.Is(err, corpus.ErrNotFound):
		jsonError(w, http.StatusNotFound, "no document "+r.PathValue("id"))
	case err != nil:
		h.jsonFailure(w, r, "document", err)
	case doc.Gone:
		release()
		jsonError(w, http.StatusNotFound, "no document "+r.PathValue("id"))
	default:
		defer release()
		out, err := h.documentJSON(r.Context(), doc, page, sel, relpage)
		if err != nil {
			h.jsonFailure(w, r, "document", err)
			return
		}
		writeJSON(w, http.StatusOK, out)
	}
}

// healthz answers whether the index answers, how many documents it holds
// and, when the handler knows it, how many store changes it has not
// applied yet (index_lag; status "behind" while there are some: the
// process is alive and serving, what it serves is stale).
func (h *Handler) healthz(w http.ResponseWriter, r *http.Request) {
	n, err := h.s.Index().DocCount()
	if err != nil {
		jsonError(w, http.StatusServiceUnavailable, "index unavailable")
		return
	}
	body := map[string]any{"status": "ok", "documents": n}
	if h.indexLag != nil {
		lag, err := h.indexLag()
		if err != nil {
			h.log.Error("healthz: index lag", "err", err)
			jsonError(w, http.StatusServiceUnavailable, "store unavailable")
			return
		}
		body["index_lag"] = lag
		if lag > 0 {
			body["status"] = "behind"
		}
	}
	writeJSON(w, http.StatusOK, body)
}

func (h *Handler) render(w http.ResponseWriter, name string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := h.tmpl.ExecuteTemplate(w, name, data); err != nil {
		h.log.Error("render failed", "template", name, "err", err)
	}
}

// maxQuery is the most of a query the API searches, in bytes.
const maxQuery = 1000

// cutQuery is the query s cut to its words within maxQuery bytes, as a
// pasted paragraph is searched (its first words find its text; the cost
// is a query's of that length); false when s has no space to cut at
// within them (one word longer than maxQuery: no query staff type).
func cutQuery(s string) (string, bool) {
	if len(s) <= maxQuery {
		return s, true
	}
	i := strings.LastIndexFunc(s[:maxQuery+1], unicode.IsSpace)
	if i <= 0 {
		return "", false
	}
	cut := strings.TrimRightFunc(s[:i], unicode.IsSpace)
	// not inside a number typed with spaces ("30 /2020/NĐ-CP", "số 30/
	// 2020", "30 000 tỷ"): back off a word while the cut splits one; a
	// text of such words alone is cut where it was
	next := strings.TrimLeftFunc(s[i:], unicode.IsSpace)
	for c := cut; c != ""; {
		if !splitsNumber(c, next) {
			cut = c
			break
		}
		j := strings.LastIndexFunc(c, unicode.IsSpace)
		if j < 0 {
			break
		}
		c, next = strings.TrimRightFunc(c[:j], unicode.IsSpace), c[j:]
		next = strings.TrimLeftFunc(next, unicode.IsSpace)
	}
	return cut, cut != ""
}

// splitsNumber reports whether a cut between before and after splits a
// number typed with spaces: a slash or a dash at the cut ("30 /2020",
// "30/ 2020", "57-NQ /TW") or digits on both sides ("30 000").
func splitsNumber(before, after string) bool {
	b, _ := utf8.DecodeLastRuneInString(before)
	a, _ := utf8.DecodeRuneInString(after)
	slash := func(r rune) bool { return r == '/' || r == '-' || viet.IsDash(r) }
	return slash(b) || slash(a) || unicode.IsDigit(b) && unicode.IsDigit(a)
}
