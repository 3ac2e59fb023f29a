package web

import (
	"net/url"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestSuggestRestoresPairs: the search page's "Có phải bạn muốn tìm" shows
// an accent-free query with the accents the search reads it with, chosen
// with the neighbouring word ("ô nhiễm", "cơ sở"), not each syllable's most
// frequent spelling alone: it offered "ở nhiễm không khí" (ở is in every
// document, ô only in "ô nhiễm"). Lines written for the test.
func TestSuggestRestoresPairs(t *testing.T) {
	var docs []*corpus.Document
	for i := range 6 {
		docs = append(docs, &corpus.Document{ID: "tin-" + string(rune('a'+i)), Type: "Tin tức", Title: "Tin ở địa phương",
			Body: "Người dân ở các xã, ở thôn và ở tổ dân phố tham gia hoạt động ở cơ sở; cán bộ ở lại trực."})
	}
	docs = append(docs,
		&corpus.Document{ID: "kk-1", Type: "Công văn", Title: "Công văn về ô nhiễm không khí",
			Body: "Kiểm soát ô nhiễm không khí tại Thủ đô; hạn chế đốt rơm rạ gây ô nhiễm."},
		&corpus.Document{ID: "kk-2", Type: "Kế hoạch", Title: "Kế hoạch giảm ô nhiễm",
			Body: "Giảm ô nhiễm không khí và bụi mịn trên địa bàn."})
	h := textService(t, docs)
	tests := []struct{ q, want string }{
		{"o nhiem khong khi", "ô nhiễm không khí"},
		{"o co so", "ở cơ sở"},
		{"O nhiem -bui", "Ô nhiễm -bui"}, // exclusions as typed, the first letter's case kept
	}
	for _, tt := range tests {
		page := serve(t, h, "/?q="+url.QueryEscape(tt.q), 200)
		i := strings.Index(page, "Có phải bạn muốn tìm")
		if i < 0 {
			t.Errorf("%q: no suggestion", tt.q)
			continue
		}
		if got := page[i:min(len(page), i+300)]; !strings.Contains(got, ">"+tt.want+"<") {
			t.Errorf("%q: suggestion %.300q, want %q", tt.q, got, tt.want)
		}
	}
}
