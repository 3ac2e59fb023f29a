package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestImplementationPageStaleTasks: a parent's implementers follow the
// store while its task table lags it — a plan stored after the last
// SyncTasks is listed, a plan marked gone is not, as Store.Role (the page
// before the table) lists them; after a sync the table's list is the
// same.
func TestImplementationPageStaleTasks(t *testing.T) {
	h, store := pageService(t, manyPlans("45-NQ/TW", 3, 1, 0))
	id := docID(t, store, "45-NQ/TW")
	implementers := func() []string {
		t.Helper()
		chain := section(serve(t, h, "/doc/"+id, 200), `id="thuc-hien"`, "</ol>")
		return regexp.MustCompile(`>\d+/KH-UBND<`).FindAllString(chain, -1)
	}
	roleOf := func() []string {
		t.Helper()
		r, err := store.Role(id)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range r.Implementers {
			out = append(out, ">"+d.Number+"<")
		}
		return out
	}
	if got, want := implementers(), roleOf(); !slices.Equal(got, want) || len(got) != 4 {
		t.Fatalf("synced: the page lists %v, Store.Role %v (want 4)", got, want)
	}

	// Written while the server runs, not synced yet.
	added := &corpus.Document{URL: "http://45-nq-tw.test/kh/new", Type: "Kế hoạch", Number: "900/KH-UBND", Published: "2025-08-01",
		Title: "Kế hoạch số 900/KH-UBND thực hiện Nghị quyết số 45-NQ/TW",
		Body:  "II. NHIỆM VỤ\n1. Sở Thông tin và Truyền thông bảo đảm an toàn thông tin mạng cho chính quyền số."}
	if _, err := store.Put(added); err != nil {
		t.Fatal(err)
	}
	gone := docID(t, store, "100/KH-UBND")
	if _, err := store.MarkGone(gone); err != nil {
		t.Fatal(err)
	}
	got, want := implementers(), roleOf()
	if !slices.Equal(got, want) {
		t.Errorf("tasks not synced: the page lists %v, Store.Role %v", got, want)
	}
	if !slices.Contains(got, ">900/KH-UBND<") || slices.Contains(got, ">100/KH-UBND<") {
		t.Errorf("tasks not synced: the page lists %v; want 900/KH-UBND (stored) and not 100/KH-UBND (gone)", got)
	}
	if _, err := store.SyncTasks(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	if got := implementers(); !slices.Equal(got, want) {
		t.Errorf("synced again: the page lists %v, want %v", got, want)
	}

	// A plan of another resolution, rewritten to implement this one.
	other := &corpus.Document{URL: "http://45-nq-tw.test/nq48", Type: "Nghị quyết", Number: "48-NQ/TW", Title: "Nghị quyết số 48-NQ/TW về an toàn thông tin",
		Body: "III. NHIỆM VỤ, GIẢI PHÁP\n1. Bảo đảm an toàn thông tin mạng cho chính quyền số.\n2. Đào tạo nhân lực an toàn thông tin."}
	moved := &corpus.Document{URL: "http://45-nq-tw.test/kh/moved", Type: "Kế hoạch", Number: "901/KH-UBND", Published: "2025-08-02",
		Title: "Kế hoạch số 901/KH-UBND thực hiện Nghị quyết số 48-NQ/TW",
		Body:  "II. NHIỆM VỤ\n1. Sở Thông tin và Truyền thông bảo đảm an toàn thông tin mạng cho chính quyền số."}
	for _, d := range []*corpus.Document{other, moved} {
		if _, err := store.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := store.SyncTasks(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	if got := implementers(); slices.Contains(got, ">901/KH-UBND<") {
		t.Fatalf("901/KH-UBND implements 48-NQ/TW, yet the page of 45-NQ/TW lists it: %v", got)
	}
	moved = &corpus.Document{URL: moved.URL, Type: moved.Type, Number: moved.Number, Published: moved.Published,
		Title: "Kế hoạch số 901/KH-UBND thực hiện Nghị quyết số 45-NQ/TW", Body: moved.Body}
	if _, err := store.Put(moved); err != nil {
		t.Fatal(err)
	}
	if got, want := implementers(), roleOf(); !slices.Equal(got, want) || !slices.Contains(got, ">901/KH-UBND<") {
		t.Errorf("a plan rewritten to implement 45-NQ/TW, not synced: the page lists %v, Store.Role %v", got, want)
	}
	if strings.Contains(serve(t, h, "/doc/"+id, 200), "/doc/"+gone+`"`) {
		t.Error("the page links the gone plan")
	}
}

// TestCitedPageHuge: a cited-by page number whose offset overflows an int
// is a page beyond the end (404, and an empty page in JSON), not a panic.
func TestCitedPageHuge(t *testing.T) {
	h, store := pageService(t, manyPlans("46-NQ/TW", 2, 1, 1))
	id := docID(t, store, "46-NQ/TW")
	for _, p := range []string{"92233720368547759", "9223372036854775807", "3"} {
		serve(t, h, "/doc/"+id+"?cited="+p, 404)
		body := serve(t, h, "/api/documents/"+id+"?cited="+p, 200)
		if !strings.Contains(body, `"cited_by":[]`) || !strings.Contains(body, `"cited_by_total":4`) || strings.Contains(body, "cited_by_next") {
			t.Errorf("/api/documents/{id}?cited=%s: %.200s…", p, body[strings.Index(body, `"cited_by"`):])
		}
	}
	serve(t, h, "/doc/"+id+"?cited=1", 200)
	serve(t, h, "/doc/"+id+"?cited=-1", 400)
	serve(t, h, "/api/documents/"+id+"?cited=-1", 400)
	serve(t, h, "/api/documents/"+id+"?cited=1x", 400)
}

// TestImplementationPageDuringSync: a parent's page served while plans are
// written and their tasks synced (as `vanban serve` with its nightly job)
// — run with -race; every page lists the implementers the store had at
// some point, and the last one those it has.
func TestImplementationPageDuringSync(t *testing.T) {
	h, store := pageService(t, manyPlans("47-NQ/TW", 2, 1, 0))
	id := docID(t, store, "47-NQ/TW")
	done := make(chan struct{})
	errs := make(chan string, 4)
	for range 2 {
		go func() {
			defer func() { errs <- "" }()
			for {
				select {
				case <-done:
					return
				default:
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/doc/"+id, nil))
				if rec.Code != 200 || !strings.Contains(rec.Body.String(), ">7/KH-UBND<") {
					errs <- fmt.Sprintf("status %d, or no 7/KH-UBND", rec.Code)
					return
				}
			}
		}()
	}
	for i := range 4 {
		num := strconv.Itoa(800+i) + "/KH-UBND"
		d := &corpus.Document{URL: "http://47-nq-tw.test/kh/w" + strconv.Itoa(i), Type: "Kế hoạch", Number: num, Published: "2025-09-01",
			Title: "Kế hoạch số " + num + " thực hiện Nghị quyết số 47-NQ/TW",
			Body:  "II. NHIỆM VỤ\n1. Sở Thông tin và Truyền thông bảo đảm an toàn thông tin mạng cho chính quyền số."}
		if _, err := store.Put(d); err != nil {
			t.Fatal(err)
		}
		if _, err := store.SyncTasks(t.Context(), nil); err != nil {
			t.Fatal(err)
		}
	}
	close(done)
	for range 2 {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
	chain := section(serve(t, h, "/doc/"+id, 200), `id="thuc-hien"`, "</ol>")
	if got := len(regexp.MustCompile(`>\d+/KH-UBND<`).FindAllString(chain, -1)); got != 7 {
		t.Errorf("after the writes the page lists %d implementers, want 7", got)
	}
}

// TestCitedPageBoundaries: 100 citing documents are one page (no pages
// shown, no next in JSON), 101 are two; the query kept in the pages'
// links is escaped.
func TestCitedPageBoundaries(t *testing.T) {
	// manyPlans(…, 0, 1, n): the old plan and n news articles cite it.
	for _, tt := range []struct {
		number string
		news   int
		pages  int
	}{{"61-NQ/TW", 99, 1}, {"62-NQ/TW", 100, 2}} {
		h, store := pageService(t, manyPlans(tt.number, 0, 1, tt.news))
		id := docID(t, store, tt.number)
		total := tt.news + 1
		q := `"><script>x</script>`
		page := serve(t, h, "/doc/"+id+"?q="+url.QueryEscape(q), 200)
		if !strings.Contains(page, "Được dẫn bởi ("+strconv.Itoa(total)+")") {
			t.Errorf("%s: no count of %d", tt.number, total)
		}
		if strings.Contains(page, "<script>x") {
			t.Errorf("%s: the query is in the page unescaped", tt.number)
		}
		nav := strings.Contains(page, `aria-label="Các trang văn bản dẫn chiếu"`)
		if nav != (tt.pages > 1) {
			t.Errorf("%s: %d citing documents, pages shown %v", tt.number, total, nav)
		}
		serve(t, h, "/doc/"+id+"?cited="+strconv.Itoa(tt.pages), 200)
		serve(t, h, "/doc/"+id+"?cited="+strconv.Itoa(tt.pages+1), 404)
		var doc struct {
			CitedBy     []DocLink `json:"cited_by"`
			CitedByNext string    `json:"cited_by_next"`
		}
		if err := json.Unmarshal([]byte(serve(t, h, "/api/documents/"+id, 200)), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.CitedBy) != min(total, maxCitedBy) || (doc.CitedByNext != "") != (tt.pages > 1) {
			t.Errorf("%s: JSON lists %d, next %q", tt.number, len(doc.CitedBy), doc.CitedByNext)
		}
		if tt.pages > 1 {
			last := section(serve(t, h, "/doc/"+id+"?cited=2&q="+url.QueryEscape(q), 200), `<section class="rel citedby"`, "</section>")
			if n := len(citedItem.FindAllString(last, -1)); n != total-maxCitedBy {
				t.Errorf("%s: page 2 lists %d, want %d", tt.number, n, total-maxCitedBy)
			}
			if strings.Contains(last, "<script>") || !strings.Contains(last, "q=%22%3E%3Cscript%3Ex%3C%2Fscript%3E") {
				t.Errorf("%s: the pages' links do not keep the query escaped: %.400s", tt.number, last[strings.Index(last, "<nav"):])
			}
		}
	}
}
