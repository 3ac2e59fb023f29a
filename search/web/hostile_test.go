package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/memstat"
	"github.com/vanban/vanban/search"
)

// TestHostileQueries: what a script or a slip sends — 10,000 bytes of
// words, control characters, punctuation alone, a number of 50 slashes or
// dashes, quotes alone, size=100000, page=-1, filters the API does not know
// — is a clear 400 or a bounded answer, never a 500; its cost is bounded
// by the allocations of an ordinary query (not by time): the 10,000 bytes
// cost what their first 1000 do (cutQuery), the others at most 5 times
// "kinh tế số".
func TestHostileQueries(t *testing.T) {
	h := textService(t, numberDocs())
	get := func(u string) (int, string, uint64) {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL, _ = url.Parse(u)
		req.RequestURI = u
		alloc := memstat.Allocated(func() { h.ServeHTTP(rec, req) })
		return rec.Code, rec.Body.String(), alloc
	}
	q := func(s string) string { return "/api/search?q=" + url.QueryEscape(s) }
	get(q("kinh tế số")) // warm: templates, caches
	_, _, base := get(q("kinh tế số"))
	long := strings.Repeat("phát triển kinh tế số hạ tầng dữ liệu ", 250) // 10,750 bytes
	cut, _ := cutQuery(long)
	get(q(cut))
	_, _, cutCost := get(q(cut))
	for _, tt := range []struct {
		name   string
		u      string
		status int
		want   string  // in the body
		bound  float64 // allocations at most bound × the base query's; 0: cutCost's 1.5
	}{
		{"10,000 bytes of words", q(long), 200, `"q_cut":true`, 0},
		{"control characters", q("kinh\x00\x01\x1b[31m tế\x7f số\x08"), 200, `"hits"`, 5},
		{"punctuation alone", q("!!! ... ,,, ;;; ??? — …"), 400, "parameter q", 5},
		{"50 slashes", q("1" + strings.Repeat("/1", 50)), 200, `"total"`, 5},
		{"50 slashes alone", q(strings.Repeat("/", 50)), 400, "parameter q", 5},
		{"50 dashes", q("12" + strings.Repeat("-NQ", 50)), 200, `"total"`, 5},
		{"quotes alone", q(strings.Repeat(`"`, 501)), 400, "parameter q", 5},
		{"unbalanced quotes", q(`"kinh tế "số`), 200, `"hits"`, 5},
		{"exclusions alone", q("-kinh -tế -số"), 400, "parameter q", 5},
		{"size=100000", q("kinh tế") + "&size=100000", 200, `"hits"`, 5},
		{"page=-1", q("kinh tế") + "&page=-1", 400, "parameter page", 5},
		{"unknown filters", q("kinh tế") + "&loai=NQ&nam=2025&issuer_code=UBND", 200, `"hits"`, 5},
		{"a word of 1002 bytes", q(strings.Repeat("ơ", 501)), 400, "parameter q", 5},
	} {
		status, body, alloc := get(tt.u)
		t.Logf("%s: %d, %d bytes allocated (base %d)", tt.name, status, alloc, base)
		if status != tt.status || !strings.Contains(body, tt.want) {
			t.Errorf("%s: %d %.200s; want %d with %q", tt.name, status, body, tt.status, tt.want)
		}
		limit := tt.bound * float64(base)
		if tt.bound == 0 {
			limit = 1.5 * float64(cutCost)
		}
		if float64(alloc) > limit {
			t.Errorf("%s: %d bytes allocated, over %.0f (base query %d, its 1000-byte cut %d)", tt.name, alloc, limit, base, cutCost)
		}
		if status == 200 {
			var res search.Result
			if err := json.Unmarshal([]byte(body), &res); err != nil || len(res.Hits) > search.MaxSize {
				t.Errorf("%s: %d hits (at most %d), %v", tt.name, len(res.Hits), search.MaxSize, err)
			}
		}
	}
}
