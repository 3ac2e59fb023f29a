package web

import (
	"encoding/csv"
	"encoding/json"
	"html"
	"net/http"
	"strconv"
	"strings"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/search"
)

// maxExport caps the rows of an export.
const maxExport = search.MaxExport

// exportRow is one line of an export: the fields staff paste into a report.
type exportRow struct {
	Number    string `json:"number"`
	Type      string `json:"type"`
	Issuer    string `json:"issuer"`
	Published string `json:"published"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Snippet   string `json:"snippet"` // plain text
	// Dead is set when the file the document was read from answers 404
	// or 410 now (search.Hit.Dead); the CSV's dead cell says it in words.
	Dead *corpus.DeadMark `json:"dead,omitempty"`
	// Matched is the further document of the file's cover slip the search
	// found (search.Hit.Matched): the row is filed under the first, so a
	// filter by the second's type, issuer or date, or its number, says here
	// why the row is listed. The CSV's cell is its Note.
	Matched *corpus.Transmitted `json:"matched,omitempty"`
}

var exportHeader = []string{"number", "type", "issuer", "published", "title", "url", "snippet", "dead", "matched"}

func (r exportRow) record() []string {
	dead := ""
	if r.Dead != nil {
		dead = r.Dead.Note()
	}
	matched := ""
	if r.Matched != nil {
		matched = r.Matched.Note()
	}
	return []string{r.Number, r.Type, r.Issuer, r.Published, r.Title, r.URL, r.Snippet, dead, matched}
}

// exportRows runs the request of an export route and calls emit for each
// row. The parameters are those of /api/search; page and size are
// ignored, limit (default and maximum maxExport) caps the rows. The
// search runs once for all the rows (search.Searcher.Each) and the rows
// stream as their snippets are cut. It answers errors itself when nothing
// was written yet; after that an error ends the export short, and a
// client that leaves ends it at once.
func (h *Handler) exportRows(w http.ResponseWriter, r *http.Request, start func(), emit func(exportRow)) {
	v := r.URL.Query()
	v.Del("page")
	v.Del("size")
	req, err := parseRequest(v)
	if err != nil {
		jsonError(w, http.StatusBadRequest, err.Error())
		return
	}
	limit := maxExport
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			jsonError(w, http.StatusBadRequest, (&requestError{"limit", "want an integer ≥ 1, got " + strconv.Quote(s)}).Error())
			return
		}
		limit = min(n, maxExport)
	}
	ctx := r.Context()
	started := false
	err = h.s.Each(ctx, req, limit, func(hit search.Hit) error {
		if !started {
			start()
			started = true
		}
		hits := []search.Hit{hit}
		if err := h.deadHits(ctx, hits); err != nil { // a record for a file hit, none for a page
			return err
		}
		emit(exportRow{Number: hit.Number, Type: hit.Type, Issuer: hit.Issuer, Published: hit.Published,
			Title: hit.Title, URL: hit.URL, Snippet: plainSnippet(hit.Snippet), Dead: hits[0].Dead, Matched: hit.Matched})
		return ctx.Err()
	})
	switch {
	case err == nil && !started: // no hits: the header alone
		start()
	case err != nil && !started:
		h.jsonFailure(w, r, "export", err)
	case err != nil:
		h.failure(r, "export", err) // logged; the status line is gone, the export ends short
	}
}

// plainSnippet turns Snippet's HTML back into text.
func plainSnippet(s string) string {
	s = strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)
	return html.UnescapeString(s)
}

// exportCSV serves GET /api/search.csv: RFC 4180 CSV with a header row and
// a UTF-8 byte order mark, without which Excel reads Vietnamese as cp1252.
func (h *Handler) exportCSV(w http.ResponseWriter, r *http.Request) {
	cw := csv.NewWriter(w)
	h.exportRows(w, r, func() {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="vanban.csv"`)
		w.Write([]byte("\uFEFF"))
		cw.Write(exportHeader)
	}, func(row exportRow) { cw.Write(csvSafe(row.record())) })
	cw.Flush()
}

// csvSafe defuses cells a spreadsheet would run as a formula (a crawled
// title starting with "=" or "+"), by prefixing an apostrophe.
func csvSafe(rec []string) []string {
	for i, c := range rec {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			rec[i] = "'" + c
		}
	}
	return rec
}

// exportJSONL serves GET /api/search.jsonl: one JSON object per line.
func (h *Handler) exportJSONL(w http.ResponseWriter, r *http.Request) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	h.exportRows(w, r, func() {
		w.Header().Set("Content-Type", "application/jsonl; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="vanban.jsonl"`)
	}, func(row exportRow) { enc.Encode(row) })
}
