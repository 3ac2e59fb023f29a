package web

import (
	"strings"
	"testing"

)

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
	serve(t, h, "/doc/"+id+"?cited=-1", 404)
	serve(t, h, "/api/documents/"+id+"?cited=-1", 400)
	serve(t, h, "/api/documents/"+id+"?cited=1x", 400)
}
