package web

import (
	"net/url"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/search"
)

// TestStaffNumberShapes: numbers typed as staff type them into the search
// box, in the shapes i31-search's query table met (docs/log/i31-search.md):
// the type's code glued to the digits ("NQ380", "qđ380") found nothing,
// and the code before a number with its year ("nq 12/2025") put a report
// citing the resolution over the resolution itself. The document the
// number names is the first hit. Lines written for the test.
func TestStaffNumberShapes(t *testing.T) {
	docs := append(numberDocs(),
		&corpus.Document{ID: "tin-so-ket", Published: "2026-03-02",
			Title: "Sơ kết một năm thực hiện Nghị quyết số 12/2025/NQ-HĐND về kinh tế số",
			Body: "Sau một năm thực hiện Nghị quyết số 12/2025/NQ-HĐND, tỉnh đã hoàn thành nhiều chỉ tiêu. " +
				"Các sở, ngành tiếp tục triển khai Nghị quyết số 12/2025/NQ-HĐND và Kế hoạch số 45/KH-UBND; " +
				"năm 2025 kinh tế số đóng góp 12% GRDP theo mục tiêu của Nghị quyết số 12/2025/NQ-HĐND."},
		&corpus.Document{ID: "12-2025-tt-bct", Type: "Thông tư", Number: "12/2025/TT-BCT", Published: "2025-06-01",
			Title: "Thông tư số 12/2025/TT-BCT về thương mại điện tử", Body: "Bộ Công Thương hướng dẫn thương mại điện tử năm 2025."})
	h := textService(t, docs)
	tests := []struct {
		q    string
		want string // the first hit's number
	}{
		{"NQ380", "380/NQ-CP"},
		{"nq380", "380/NQ-CP"},
		{"qđ380", "380/QĐ-UBND"},
		{"QD380 kinh tế số", "380/QĐ-UBND"},
		{"nq 12/2025", "12/2025/NQ-HĐND"},
		{"nghị quyết số 12/2025", "12/2025/NQ-HĐND"},
		{"tt 12/2025", "12/2025/TT-BCT"},
		{"TT12", "12/2025/TT-BCT"},
	}
	for _, tt := range tests {
		var res search.Result
		getHandlerJSON(t, h, "/api/search?q="+url.QueryEscape(tt.q), &res)
		if len(res.Hits) == 0 || res.Hits[0].Number != tt.want {
			var got []string
			for _, x := range res.Hits {
				got = append(got, x.ID+" "+x.Number)
			}
			t.Errorf("q=%q: hits %q, want %s first", tt.q, got, tt.want)
		}
	}
}
