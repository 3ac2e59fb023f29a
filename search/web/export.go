package web

import (
	"encoding/csv"
	"encoding/json"
	"html"
	"net/http"
	"strconv"
	"strings"

	"github.com/vanban/vanban/search"
)

// maxExport caps the rows of an export.
const maxExport = 1000

// exportRow is one line of an export: the fields staff paste into a report.
type exportRow struct {
	Number    string `json:"number"`
	Type      string `json:"type"`
	Issuer    string `json:"issuer"`
	Published string `json:"published"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Snippet   string `json:"snippet"` // plain text
}

var exportHeader = []string{"number", "type", "issuer", "published", "title", "url", "snippet"}

func (r exportRow) record() []string {
	return []string{r.Number, r.Type, r.Issuer, r.Published, r.Title, r.URL, r.Snippet}
}

// exportRows runs the request of an export route and calls emit for each
// row, paging internally search.MaxSize hits at a time. The parameters are those
// of /api/search; page and size are ignored, limit (default and maximum
// maxExport) caps the rows. It answers errors itself and returns false
// when it did before anything was written.
func (h *Handler) exportRows(w http.ResponseWriter, r *http.Request, start func(), emit func(exportRow)) bool {
	v := r.URL.Query()
	v.Del("page")
	v.Del("size")
	req, err := parseRequest(v)
	if err != nil {
		jsonError(w, http.StatusBadRequest, err.Error())
		return false
	}
	limit := maxExport
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			jsonError(w, http.StatusBadRequest, (&requestError{"limit", "want an integer ≥ 1, got " + strconv.Quote(s)}).Error())
			return false
		}
		limit = min(n, maxExport)
	}
	req.Facets = false
	req.Size = search.MaxSize
	started := false
	for req.From = 0; req.From < limit; req.From += req.Size {
		req.Size = min(search.MaxSize, limit-req.From)
		var res *search.Result
		if !started {
			if res = h.search(w, r, req); res == nil {
				return false
			}
			start()
			started = true
		} else if res, err = h.s.Search(r.Context(), req); err != nil {
			h.log.Error("export failed", "from", req.From, "err", err)
			return true // the status line is gone; the export ends short
		}
		for _, hit := range res.Hits {
			emit(exportRow{Number: hit.Number, Type: hit.Type, Issuer: hit.Issuer, Published: hit.Published,
				Title: hit.Title, URL: hit.URL, Snippet: plainSnippet(hit.Snippet)})
		}
		if len(res.Hits) < req.Size {
			break
		}
	}
	return true
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
