package cite

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/childtest"
	"github.com/vanban/vanban/internal/memstat"
)

// pathologicalTexts are texts of n references or words in one sentence:
// n decrees cited in one "Căn cứ" (10,000 references in one sentence at
// n = 10,000), n numbers after one "Các Nghị định số", n clauses of one
// article, n amended laws each "được sửa đổi, bổ sung bởi" another, and
// one line of n words with no reference (1 MB at 34,000). Written for
// i30-fuzz.
func pathologicalTexts(n int) []struct{ name, text string } {
	var sentence, numbers, loci, passives strings.Builder
	sentence.WriteString("Căn cứ ")
	numbers.WriteString("Các Nghị định số ")
	loci.WriteString("Theo quy định tại ")
	passives.WriteString("Căn cứ ")
	for i := range n {
		fmt.Fprintf(&sentence, "Nghị định số %d/2020/NĐ-CP ngày %d/%d/2020 của Chính phủ, ", i+1, i%28+1, i%12+1)
		fmt.Fprintf(&numbers, "%d/2020/NĐ-CP, ", i+1)
		fmt.Fprintf(&loci, "khoản %d, ", i+1)
		fmt.Fprintf(&passives, "Luật số %d/2015/QH13 được sửa đổi, bổ sung bởi Luật số %d/2019/QH14, ", i+1, i+2)
	}
	loci.WriteString("Điều 5 Luật Đầu tư số 61/2020/QH14.")
	return []struct{ name, text string }{
		{"one sentence", sentence.String()},
		{"numbers", numbers.String()},
		{"clauses", loci.String()},
		{"passives", passives.String()},
		{"no reference", strings.Repeat("số ngày tháng năm của về việc ", n)},
	}
}

// TestPathologicalLinear: ParseDoc (references, relations, titles) on
// four times the text allocates at most six times the bytes (linear:
// four; quadratic: sixteen) and at most 200 bytes per byte of text (the numbers list: 112).
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
	small, large := pathologicalTexts(1000), pathologicalTexts(4000)
	for i := range small {
		t.Run(small[i].name, func(t *testing.T) {
			a := memstat.Allocated(func() { ParseDoc(small[i].text, Self{}) })
			b := memstat.Allocated(func() { ParseDoc(large[i].text, Self{}) })
			if b > 6*a {
				t.Errorf("4× the text allocated %.1f× the bytes (%d → %d)", float64(b)/float64(a), a, b)
			}
			if per := b / uint64(len(large[i].text)); per > 200 {
				t.Errorf("%d bytes allocated per byte of a %d-byte text", per, len(large[i].text))
			}
		})
	}
}

// BenchmarkPathological parses each text at 2,500 and 10,000 references
// (words): ns/ref stays flat when the parse is linear.
//
//	go test ./corpus/cite -run '^$' -bench Pathological -benchtime 1x
func BenchmarkPathological(b *testing.B) {
	for _, n := range []int{2500, 10000} {
		for _, c := range pathologicalTexts(n) {
			b.Run(fmt.Sprintf("%s/n=%d", strings.ReplaceAll(c.name, " ", "_"), n), func(b *testing.B) {
				b.SetBytes(int64(len(c.text)))
				b.ReportAllocs()
				for b.Loop() {
					ParseDoc(c.text, Self{})
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/ref")
			})
		}
	}
}
