package web

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestHubCitedBy: the cited-by list of a decree 651 documents cite (some
// citing documents gone since), on its page and in /api/documents/{id},
// is what the full list of citing IDs (Store.CitedBy) gives, page by
// page: the total, each page's documents in order, the next page's URL,
// the nav's range; a page past the last lists none and counts all.
func TestHubCitedBy(t *testing.T) {
	docs := hubOf("77/2025/NĐ-CP", "hubcited.test", 0, 440)
	h, store := pageService(t, docs)
	for _, d := range docs[1:10] { // gone since: no longer citing
		if _, err := store.MarkGone(corpus.IDForURL(d.URL)); err != nil {
			t.Fatal(err)
		}
	}
	id := docID(t, store, "77/2025/NĐ-CP")
	all, err := store.CitedBy("77/2025/NĐ-CP")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 651 {
		t.Fatalf("%d documents cite the decree, want 651", len(all))
	}
	pages := (len(all) + maxCitedBy - 1) / maxCitedBy
	item := regexp.MustCompile(`<li><a href="/doc/([0-9a-f]+)">`)
	for _, page := range []int{1, 2, pages - 1, pages, pages + 1, 1 << 40} {
		t.Run(strconv.Itoa(page), func(t *testing.T) {
			from := min(len(all), (page-1)*maxCitedBy)
			want := all[from:min(len(all), from+maxCitedBy)]
			var got documentJSON
			if err := json.Unmarshal([]byte(serve(t, h, fmt.Sprintf("/api/documents/%s?cited=%d", id, page), 200)), &got); err != nil {
				t.Fatal(err)
			}
			if got.CitedByTotal != len(all) {
				t.Errorf("cited_by_total %d, want %d", got.CitedByTotal, len(all))
			}
			if len(got.CitedBy) != len(want) {
				t.Fatalf("%d documents listed, want %d", len(got.CitedBy), len(want))
			}
			for i, l := range got.CitedBy {
				d, err := store.Head(want[i])
				if err != nil {
					t.Fatal(err)
				}
				if w := (DocLink{ID: d.ID, Title: d.Title, URL: d.URL, Number: d.Number, Type: d.Type}); l != w {
					t.Fatalf("document %d listed: %+v, want %+v", from+i+1, l, w)
				}
			}
			if next := page < pages; next != (got.CitedByNext == fmt.Sprintf("/api/documents/%s?cited=%d", id, page+1)) {
				t.Errorf("cited_by_next %q on page %d of %d", got.CitedByNext, page, pages)
			}
			if page > pages {
				serve(t, h, fmt.Sprintf("/doc/%s?cited=%d", id, page), 404)
				return
			}
			html := section(serve(t, h, fmt.Sprintf("/doc/%s?cited=%d", id, page), 200), `class="rel citedby"`, "</section>")
			var ids []string
			for _, m := range item.FindAllStringSubmatch(html, -1) {
				ids = append(ids, m[1])
			}
			if strings.Join(ids, " ") != strings.Join(want, " ") {
				t.Errorf("page %d lists %d documents %.60v…, want %d %.60v…", page, len(ids), ids, len(want), want)
			}
			if nav := fmt.Sprintf("Văn bản %d–%d trong %d", from+1, from+len(want), len(all)); !strings.Contains(html, nav) {
				t.Errorf("page %d: no %q in %.300s", page, nav, html)
			}
			if !strings.Contains(html, fmt.Sprintf("Được dẫn bởi (%d)", len(all))) {
				t.Errorf("page %d: the count is not %d: %.200s", page, len(all), html)
			}
		})
	}
}

// TestHubPageAllocs: a decree's page and JSON allocate nothing for each
// further document citing it beyond those they list — the total is
// counted, not read (before: every citing ID was copied, one allocation
// and more a document). AllocsPerRun counts the whole process's;
// the bound leaves room for the pager's links (3 pages against 9).
func TestHubPageAllocs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 1,200 citing documents")
	}
	docs := append(hubOf("11/2025/NĐ-CP", "small.test", 0, 200), hubOf("12/2025/NĐ-CP", "large.test", 5000, 600)...)
	h, store := pageService(t, docs)
	for _, u := range []string{"/doc/", "/api/documents/"} {
		allocs := func(number string) float64 {
			u := u + docID(t, store, number)
			serve(t, h, u, 200)
			// the least of five rounds: the index's merges, in the
			// background after its build, allocate too
			least := math.Inf(1)
			for range 5 {
				least = min(least, testing.AllocsPerRun(5, func() { serve(t, h, u, 200) }))
			}
			return least
		}
		small, large := allocs("11/2025/NĐ-CP"), allocs("12/2025/NĐ-CP")
		const more = 900 - 300 // further citing documents
		perDoc := (large - small) / more
		t.Logf("%s: %.0f allocations at 300 citing documents, %.0f at 900: %.2f a further document", u, small, large, perDoc)
		if perDoc > 0.25 {
			t.Errorf("%s allocates %.2f more for each further document citing it, want at most 0.25", u, perDoc)
		}
	}
}
