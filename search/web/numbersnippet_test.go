package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/search"
)

// TestNumberQuerySnippet: searched by its number, in any spelling, a
// document's hit shows its number marked in the snippet, on the page and
// in the API; it showed the parts of the other numbers it cites ("số
// 347/<mark>NQ</mark>-<mark>CP</mark>, số 11/<mark>NQ</mark>-<mark>CP</mark>…").
// Lines written for the test.
func TestNumberQuerySnippet(t *testing.T) {
	body := "CHÍNH PHỦ\nSố: 380/NQ-CP\nHà Nội, ngày 25 tháng 11 năm 2025\nNGHỊ QUYẾT\nVề các giải pháp khắc phục hậu quả thiên tai.\n" +
		strings.Repeat("Các bộ, ngành và địa phương khẩn trương triển khai, bảo đảm tiến độ và hiệu quả. ", 8) +
		"Thực hiện các Nghị quyết số 347/NQ-CP, số 11/NQ-CP, số 12/NQ-CP và số 20/NQ-CP năm 2025 của Chính phủ."
	h := textService(t, []*corpus.Document{{ID: "380-NQ-CP", Type: "Nghị quyết", Number: "380/NQ-CP", Published: "2025-11-25",
		Title: "Nghị quyết về các giải pháp khắc phục hậu quả thiên tai", Body: body}})
	for _, tt := range []struct{ q, want string }{
		{"380/NQ-CP", "<mark>380/NQ-CP</mark>"},
		{"số 380/NQ-CP", "<mark>380/NQ-CP</mark>"},
		{"nq 380", "<mark>380</mark>/<mark>NQ</mark>"},
	} {
		var res search.Result
		getHandlerJSON(t, h, "/api/search?q="+url.QueryEscape(tt.q), &res)
		if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Snippet, tt.want) {
			t.Errorf("%q: hits %+v, want %q in the first snippet", tt.q, res.Hits, tt.want)
		}
		if page := serve(t, h, "/?q="+url.QueryEscape(tt.q), 200); !strings.Contains(page, tt.want) {
			t.Errorf("%q: the result page lacks %q", tt.q, tt.want)
		}
	}
}

// getHandlerJSON decodes the 200 answer of h to GET u into v.
func getHandlerJSON(t *testing.T, h http.Handler, u string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(serve(t, h, u, 200)), v); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
}
