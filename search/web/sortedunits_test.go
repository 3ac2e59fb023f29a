package web

import (
	"net/url"
	"testing"

	"github.com/vanban/vanban/search"
)

// TestSortedListsCounted: sorted by date or title, the list is the
// documents the total counts (those holding the query's pairs of words).
// It was every document matching one word, so "hạ tầng số" sorted by
// date opened on the newest text holding only "số" (i31-search's table:
// "cụm công nghiệp" newest first led with a meeting's news holding
// "công"). Ranked by relevance the list still holds every match.
func TestSortedListsCounted(t *testing.T) {
	h := textService(t, numberDocs())
	holds := map[string]bool{"12/2025/NQ-HĐND": true, "45/KH-UBND": true} // "hạ tầng số" in their text
	for _, tt := range []struct {
		sort  string
		first string
	}{
		{"date", "45/KH-UBND"},
		{"-date", "12/2025/NQ-HĐND"},
		{"title", "45/KH-UBND"},
	} {
		var res search.Result
		getHandlerJSON(t, h, "/api/search?q="+url.QueryEscape("hạ tầng số")+"&sort="+tt.sort, &res)
		if res.Total != 2 || len(res.Hits) != 2 || res.Hits[0].Number != tt.first {
			var got []string
			for _, x := range res.Hits {
				got = append(got, x.Number+" "+x.Published)
			}
			t.Errorf("sort=%s: total %d, hits %q; want the 2 holding the words, %s first", tt.sort, res.Total, got, tt.first)
		}
		for _, x := range res.Hits {
			if !holds[x.Number] {
				t.Errorf("sort=%s: %s %q listed, not holding the query's words", tt.sort, x.Number, x.Title)
			}
		}
	}
	var res search.Result
	getHandlerJSON(t, h, "/api/search?q="+url.QueryEscape("hạ tầng số"), &res)
	if res.Total != 2 || len(res.Hits) <= 2 {
		t.Errorf("relevance: total %d, %d hits; want 2 counted and every match listed", res.Total, len(res.Hits))
	}
}
