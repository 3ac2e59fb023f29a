package outline

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/childtest"
	"github.com/vanban/vanban/internal/memstat"
)

// pathologicalBodies are the bodies no portal should send but a broken
// converter or an attacker can: n numbered items in one list (a
// 100,000-line document), n lines cycling four levels of labels, dotted
// labels nesting up to 200 deep, one line of n words (a 1 MB line at
// 45,000), n amendments each opening a quote never closed, a task table of
// n rows and one row of n cells. Written for i30-fuzz from the shapes of
// plans and amending decrees.
func pathologicalBodies(n int) []struct{ name, body string } {
	var flat, cycle, dotted, quotes, table, cited strings.Builder
	flat.WriteString("II. NHIỆM VỤ VÀ GIẢI PHÁP\n")
	cycle.WriteString("II. NHIỆM VỤ VÀ GIẢI PHÁP\n")
	dotted.WriteString("II. NHIỆM VỤ VÀ GIẢI PHÁP\n")
	quotes.WriteString("Điều 1. Sửa đổi, bổ sung một số điều của Quyết định số 12/2024/QĐ-UBND\n")
	table.WriteString("PHỤ LỤC\nTT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n")
	cited.WriteString("Điều 5. Sửa đổi, bổ sung một số điều của Nghị định số 123/2024/NĐ-CP\nBổ sung ")
	label := "1"
	for i := range n {
		fmt.Fprintf(&flat, "%d. Sở Tài chính chủ trì triển khai nhiệm vụ số %d, hoàn thành trước ngày 30/6/2027.\n", i+1, i+1)
		cycle.WriteString([]string{fmt.Sprintf("%d. Nhiệm vụ chung\n", i/4+1), "a) Ủy ban nhân dân các huyện thực hiện\n",
			"- Rà soát văn bản quy phạm pháp luật\n", "+ Báo cáo kết quả về Sở Tư pháp\n"}[i%4])
		if i%200 == 0 {
			label = "1"
		}
		label += ".1"
		fmt.Fprintf(&dotted, "%s. Nhiệm vụ cụ thể\n", label)
		fmt.Fprintf(&quotes, "%d. Sửa đổi khoản %d Điều 5 như sau:\n“%d. Hồ sơ đề nghị gồm:\n", i+1, i+1, i+1)
		fmt.Fprintf(&cited, "khoản %d Điều 6, ", i+1)
		fmt.Fprintf(&table, "%d | Xây dựng đề án số %d | Sở Nội vụ | Các sở, ngành | Năm 2027\n", i+1, i+1)
	}
	cited.WriteString("của Nghị định số 123/2024/NĐ-CP như sau:\nĐiều 6. Xác định số lợi bất hợp pháp\n1. Số lợi bất hợp pháp là …\n")
	return []struct{ name, body string }{
		{"flat items", flat.String()},
		{"four levels", cycle.String()},
		{"dotted depth", dotted.String()},
		{"one line", "1. " + strings.Repeat("thực hiện nhiệm vụ ", n)},
		{"open quotes", quotes.String()},
		{"cited article", cited.String()},
		{"table rows", table.String()},
		{"one wide row", "TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian\n1 | " + strings.Repeat("Sở Nội vụ | ", n) + "\n"},
	}
}

// allocated returns the bytes allocated while fn runs.

// TestPathologicalLinear: for each pathological shape, parsing four times
// the input allocates at most six times the bytes (linear: four;
// quadratic: sixteen), and at most 600 bytes per byte of body. The open
// quotes were superlinear until i31-outline (6.0× at 300 → 1,200: each
// quote's sub-parser grafted its own open quote again, maxQuoteDepth
// bounds that now). Bytes
// allocated do not depend on the machine's load; the time per line is
// BenchmarkPathological's.
func TestPathologicalLinear(t *testing.T) {
	if memstat.Race {
		// Bytes allocated under the race detector are its instrumentation's
		// and sync.Pool's random drops, not the parser's: the bounds are
		// checked in the plain `go test ./...` run.
		t.Skip("allocation bounds are not measured under -race")
	}
	if !childtest.In(t, "") {
		// Alone in a process of its own: the bytes allocated that it
		// reads (runtime.MemStats, the whole process's) are the parse's,
		// never another test's or a goroutine one left running.
		childtest.Pass(t)
		return
	}
	small, large := pathologicalBodies(300), pathologicalBodies(1200)
	for i := range small {
		t.Run(small[i].name, func(t *testing.T) {
			a := memstat.Allocated(func() { Parse(small[i].body) })
			b := memstat.Allocated(func() { Parse(large[i].body) })
			if b > 6*a {
				t.Errorf("4× the input allocated %.1f× the bytes (%d → %d)", float64(b)/float64(a), a, b)
			}
			if per := b / uint64(len(large[i].body)); per > 600 {
				t.Errorf("%d bytes allocated per byte of a %d-byte body", per, len(large[i].body))
			}
		})
	}
}

// BenchmarkPathological parses each pathological shape at 25,000 and
// 100,000 lines (words, cells): ns/line stays flat when the parse is linear.
//
//	go test ./corpus/outline -run '^$' -bench Pathological -benchtime 1x
func BenchmarkPathological(b *testing.B) {
	for _, n := range []int{25000, 100000} {
		for _, c := range pathologicalBodies(n) {
			b.Run(fmt.Sprintf("%s/n=%d", strings.ReplaceAll(c.name, " ", "_"), n), func(b *testing.B) {
				b.SetBytes(int64(len(c.body)))
				b.ReportAllocs()
				for b.Loop() {
					Parse(c.body)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/line")
			})
		}
	}
}
