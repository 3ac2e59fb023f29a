package web

import (
	"context"
	"encoding/csv"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/vanban/vanban/search"
	"github.com/vanban/vanban/tasks"
)

// TestTasksCSVBound: an export matching more tasks than the bound of one
// export is refused before any row (422, naming how many match, the
// bound, and the two ways out), so no saved file is ever a silent cut;
// an export asking for fewer rows with limit gets them; the page's CSV
// link then takes the first rows by limit and says so. Before, the
// export stopped at the bound with 200 and nothing in the file said so.
func TestTasksCSVBound(t *testing.T) {
	ix, store := demoIndex(t)
	if _, err := store.SyncTasks(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	h := NewHandler(search.New(ix), store, nil, WithTasks(tasks.New(store, tasks.Options{})))
	h.maxTaskExport = 5 // 57-NQ/TW's implementers hold 23 tasks
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)

	var e map[string]string
	getJSON(t, srv.URL+"/api/tasks.csv?parent=57-NQ%2FTW", 422, &e)
	for _, want := range []string{"23 tasks match", "5 rows", "narrow the filter", "limit=5"} {
		if !strings.Contains(e["error"], want) {
			t.Errorf("refusal %q lacks %q", e["error"], want)
		}
	}
	// a limit over the bound is no way round it
	getJSON(t, srv.URL+"/api/tasks.csv?parent=57-NQ%2FTW&limit=30", 422, &e)
	// the rows asked for, when they are within the bound
	for _, tc := range []struct {
		query string
		rows  int
	}{
		{"parent=57-NQ%2FTW&limit=5", 5},
		{"parent=57-NQ%2FTW&limit=2", 2},
		{"kind=recurring&plan=45%2FKH-UBND", 2}, // all that match, under the bound
	} {
		body, _ := get(t, srv.URL+"/api/tasks.csv?"+tc.query, 200)
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 1+tc.rows {
			t.Errorf("%s: %d rows, want %d", tc.query, len(recs)-1, tc.rows)
		}
	}
	// the page links the first rows, saying how many of how many
	page, _ := get(t, srv.URL+"/tasks?parent=57-NQ%2FTW", 200)
	for _, want := range []string{`href="/api/tasks.csv?limit=5&amp;parent=57-NQ%2FTW"`, "Tải CSV (5 nhiệm vụ đầu / 23)"} {
		if !strings.Contains(page, want) {
			t.Errorf("tasks page lacks %q", want)
		}
	}
	page, _ = get(t, srv.URL+"/tasks?kind=recurring&plan=45%2FKH-UBND", 200)
	if !strings.Contains(page, ">Tải CSV</a>") || strings.Contains(page, "limit=") {
		t.Error("tasks page under the bound: want the whole export's link")
	}
}
