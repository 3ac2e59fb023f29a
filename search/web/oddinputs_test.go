package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// TestOddInputs: what staff and scripts send by mistake — an empty or
// 2,000-character query (searched by its first 1000 bytes since i31-search), unbalanced quotes, a path climbing out, a huge
// page, a date typed the Vietnamese way, a bad size — is answered with the
// status and content type the API promises (400 naming the parameter, 404,
// the page with its message), never a 500 nor a file outside. The audit's
// list (docs/log/i20-audit.md), kept as a guard.
func TestOddInputs(t *testing.T) {
	h := textService(t, numberDocs())
	long := url.QueryEscape(strings.Repeat("o nhiem khong khi ", 120))
	tests := []struct {
		u      string
		status int
		ctype  string
		want   string // in the body
	}{
		{"/api/search?q=", 400, "application/json", "parameter q"},
		// a query over 1000 bytes is searched by its first words, and
		// says so (i31-search: a pasted paragraph); one word over them is
		// refused
		{"/api/search?q=" + long, 200, "application/json", `"q_cut":true`},
		{"/?q=" + long, 200, "text/html", "1000 byte"},
		{"/api/search?q=" + strings.Repeat("o", 1001), 400, "application/json", "longer than 1000 bytes"},
		{"/?q=" + strings.Repeat("o", 1001), 400, "text/html", "1000"},
		{"/api/search?q=%22kinh+te", 200, "application/json", `"total"`},
		{"/api/search?q=kinh+te%22", 200, "application/json", `"total"`},
		{"/api/search?q=%22", 400, "application/json", "parameter q"},
		{"/api/search?q=kinh&page=999999", 400, "application/json", "parameter page"},
		{"/api/search?q=kinh&page=-1", 400, "application/json", "parameter page"},
		{"/api/search?q=kinh&from=01%2F12%2F2025", 400, "application/json", "parameter from"},
		{"/api/search?q=kinh&from=2025-13-45", 400, "application/json", "parameter from"},
		{"/?q=kinh&from=2025-02-30", 400, "text/html", "from"},
		{"/api/search?q=kinh&sort=bogus", 400, "application/json", "parameter sort"},
		{"/api/search?q=kinh&in_force=2", 400, "application/json", "parameter in_force"},
		{"/api/tasks?size=0", 400, "application/json", "parameter size"},
		{"/api/tasks?from=2025-13-01", 400, "application/json", "parameter from"},
		{"/api/tasks?page=999999", 400, "application/json", "parameter page"},
		{"/tasks?from=bad", 400, "text/html", "from"},
		{"/documents/../../etc", 307, "text/html", `href="/etc"`}, // the mux cleans the path; curl sends it clean
		{"/etc/passwd", 404, "text/plain", "404 page not found"},
		{"/doc/../../etc/passwd", 307, "text/html", `href="/etc/passwd"`},
		{"/doc/..%2F..%2Fetc%2Fpasswd", 404, "text/html", "Không có văn bản"},
		{"/api/documents/..%2F..%2Fetc%2Fpasswd", 404, "application/json", "no document"},
		{"/api/refs?key=", 400, "application/json", "parameter key"},
		{"/api/search.csv?q=kinh+te+so", 200, "text/csv", "\ufeffnumber,"},
		{"/api/search.jsonl?q=kinh+te+so&limit=1", 200, "application/jsonl", `"title"`},
		{"/api/tasks.csv?parent=12", 200, "text/csv", "\ufeffplan_number,"},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL, _ = url.Parse(tt.u)
		req.RequestURI = tt.u
		h.ServeHTTP(rec, req)
		body := rec.Body.String()
		if rec.Code != tt.status || !strings.HasPrefix(rec.Header().Get("Content-Type"), tt.ctype) || !strings.Contains(body, tt.want) {
			t.Errorf("GET %.80s: %d %q, want %d %s with %q: %.200s", tt.u, rec.Code, rec.Header().Get("Content-Type"), tt.status, tt.ctype, tt.want, body)
		}
		if strings.Contains(body, "root:") {
			t.Errorf("GET %s: a file outside was served", tt.u)
		}
	}
}
