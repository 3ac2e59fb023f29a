package web

import (
	"net/url"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/tasks"
)

// numberDocs are a resolution, a plan implementing it, and two documents
// numbered 380 of other types and issuers. Lines written for the test.
func numberDocs() []*corpus.Document {
	return append(pathIDDocs(),
		&corpus.Document{ID: "380-nq-cp", Type: "Nghị quyết", Number: "380/NQ-CP", Published: "2025-11-25",
			Title: "Nghị quyết số 380/NQ-CP về khắc phục hậu quả thiên tai", Body: "Chính phủ quyết nghị các giải pháp khắc phục hậu quả thiên tai."},
		&corpus.Document{ID: "380-qd-ubnd", Type: "Quyết định", Number: "380/QĐ-UBND", Published: "2025-03-02",
			Title: "Quyết định số 380/QĐ-UBND về kinh tế số", Body: "Ủy ban nhân dân tỉnh phê duyệt danh mục dự án kinh tế số."})
}

// TestNumberNamedPartly: staff type a number as they say it — "nq 380",
// "qđ 380", the bare "12" of a resolution — in the refs API and in the
// tasks view's document fields. /api/refs refused "nq 380" (400, "not a
// document number") though search takes it; the tasks view found nothing
// for a bare number and said nothing. Now a number naming one stored
// document's number is read as it; one naming several is refused, naming
// them.
func TestNumberNamedPartly(t *testing.T) {
	h := textService(t, numberDocs())
	refs := []struct {
		key    string
		status int
		want   string // the number looked up, or a part of the error
	}{
		{"380/NQ-CP", 200, "380/NQ-CP"},
		{"nq 380", 200, "380/NQ-CP"},
		{"qđ 380", 200, "380/QĐ-UBND"},
		{"qd 380", 200, "380/QĐ-UBND"},
		{"kh 45", 200, "45/KH-UBND"},
		{"45", 200, "45/KH-UBND"},
		{"380", 400, "380/NQ-CP, 380/QĐ-UBND"},
		{"tt 380", 400, "not a document number"},
		{"xin chào", 400, "not a document number"},
	}
	for _, tt := range refs {
		body := serve(t, h, "/api/refs?key="+url.QueryEscape(tt.key), tt.status)
		if tt.status == 200 && !strings.Contains(body, `"key":"`+tt.want+`"`) || !strings.Contains(body, tt.want) {
			t.Errorf("refs %q: %.300s; want %q", tt.key, body, tt.want)
		}
	}
	taskQueries := []struct {
		query string
		total int
		note  string // what the page says it read
	}{
		{"parent=12%2F2025%2FNQ-H%C4%90ND", 2, ""},
		{"parent=12", 2, "12/2025/NQ-HĐND"},
		{"parent=" + url.QueryEscape("nq 12"), 2, ""},
		{"plan=45", 2, "45/KH-UBND"},
		{"parent=999", 0, ""},
	}
	for _, tt := range taskQueries {
		var res tasks.Result
		getHandlerJSON(t, h, "/api/tasks?"+tt.query, &res)
		if res.Total != tt.total {
			t.Errorf("tasks %s: %d tasks, want %d", tt.query, res.Total, tt.total)
		}
		page := serve(t, h, "/tasks?"+tt.query, 200)
		if tt.note != "" && !strings.Contains(page, tt.note) {
			t.Errorf("tasks page %s does not say it read %q", tt.query, tt.note)
		}
	}
}
