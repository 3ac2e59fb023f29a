package web

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/search"
)

// TestExportRunsOnce: an export of several hundred rows runs its search
// once, not once a page of 100 (a costly query cost ten times its price
// through the CSV export): it reads about the postings of one search.
func TestExportRunsOnce(t *testing.T) {
	var extra []*corpus.Document
	for i := range 450 {
		extra = append(extra, &corpus.Document{URL: fmt.Sprintf("http://export.test/%d", i), Site: "export",
			Title: fmt.Sprintf("Thông báo số %d của Ủy ban nhân dân tỉnh", i),
			Body:  "Ủy ban nhân dân tỉnh thông báo kết quả thực hiện chuyển đổi số năm " + strconv.Itoa(2000+i%25) + "."})
	}
	ix, store := demoIndex(t, extra...)
	h := NewHandler(search.New(ix, search.WithTexts(store)), store, nil)
	postings := func() int {
		v, err := strconv.Atoi(metricValue(t, h, "vanban_search_postings_read_total"))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	q := url.QueryEscape(`"ủy ban nhân dân" "chuyển đổi số"`)
	get := func(path string) string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, rec.Code, rec.Body)
		}
		b, _ := io.ReadAll(rec.Body)
		return string(b)
	}
	p0 := postings()
	get("/api/search?q=" + q + "&facets=0")
	one := postings() - p0
	csv := get("/api/search.csv?q=" + q)
	export := postings() - p0 - one
	if rows := strings.Count(csv, "\n") - 1; rows < 450 {
		t.Fatalf("export of %d rows, want ≥ 450", rows)
	}
	// every row shows its document's title and URL, which only the store
	// holds (the index stores no display field)
	for i := range 450 {
		row := fmt.Sprintf("Thông báo số %d của Ủy ban nhân dân tỉnh,http://export.test/%d,", i, i)
		if !strings.Contains(csv, row) {
			t.Fatalf("the export lacks the title and URL of document %d (%q)", i, row)
		}
	}
	if export > 2*one {
		t.Errorf("the export read %d postings, one search %d: it ran the search more than once", export, one)
	}
	t.Logf("one search %d postings, the export of 450+ rows %d", one, export)
}
