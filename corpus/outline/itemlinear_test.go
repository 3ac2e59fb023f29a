package outline

import (
	"runtime"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/childtest"
)

// TestOutlineItemTextLinear: an item's continued text grew by one string
// concatenation a line (text, plantext.go), so parsing one long item
// copied its text once a line — quadratic in the item's length (review
// i24-review7: 4,000 wrapped lines took 19 s and allocated 14.9 GB).
// Measured in bytes allocated, which no load changes, as
// TestOutlineSectionTextLinear does: a bounded multiple of the body. Lines
// written for it: a hard-wrapped body (each line joins the last with a
// space) and an item of paragraph lines (each joins with a line break).
func TestOutlineItemTextLinear(t *testing.T) {
	if !childtest.In(t, "") {
		childtest.Pass(t) // alone in a process: the bytes allocated it reads are the parse's (i30-rev-fuzz)
		return
	}
	tests := []struct {
		name, body string
		sep        string
	}{
		{"one item of hard-wrapped lines",
			"II. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố tổ chức\n" +
				strings.Repeat("triển khai thực hiện các nhiệm vụ được giao bảo đảm đúng tiến độ và chất lượng,\n", 4000),
			" "},
		{"one item of paragraph lines",
			"II. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Định mức dự toán công tác đào đất\n" +
				strings.Repeat("= 0,125 + 0,250 + 0,375\n", 4000),
			"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			o := Parse(tt.body)
			runtime.ReadMemStats(&after)
			if len(o.Items) != 1 {
				t.Fatalf("want one item, got %d", len(o.Items))
			}
			if got := strings.Count(o.Items[0].Text, tt.sep); got < 4000 {
				t.Fatalf("item text has %d separators %q, want at least 4000", got, tt.sep)
			}
			if alloc, limit := after.TotalAlloc-before.TotalAlloc, uint64(64*len(tt.body)); alloc > limit {
				t.Errorf("parsing %d bytes of one item allocated %d bytes, want at most %d", len(tt.body), alloc, limit)
			}
		})
	}
}
