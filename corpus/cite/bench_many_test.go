package cite

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/cputime"
)

// manyRefsText is n references of one key, one line each, written as a
// list of implementing documents repeats the same công văn ("Công văn số
// 25/SXD.QLN" or "Công văn số 125/UBND-VX"), each with its own date.
func manyRefsText(n int, number string) string {
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, "%d. Thực hiện Công văn số %s ngày %d/%d/2030 của Ủy ban nhân dân tỉnh về việc triển khai nhiệm vụ.\n",
			i+1, number, i%28+1, i%12+1)
	}
	return sb.String()
}

// BenchmarkParseRefsOneKey measures ParseRefs on a text citing one number
// many times, at two sizes: the cost per reference ("ns/ref") stays flat
// when the parse is linear and grows with n when it is quadratic (round 21
// found 10,000 such references taking 1.3–1.6 s).
//
//	go test ./corpus/cite -run '^$' -bench ParseRefsOneKey
func BenchmarkParseRefsOneKey(b *testing.B) {
	for _, number := range []string{"125/UBND-VX", "25/SXD.QLN"} {
		for _, n := range []int{1000, 8000} {
			text := manyRefsText(n, number)
			b.Run(fmt.Sprintf("%s/n=%d", strings.ReplaceAll(number, "/", "_"), n), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				refs := 0
				cpu, loops := cputime.Now(), 0
				for b.Loop() {
					loops++
					refs += len(ParseRefs(text))
				}
				if refs != loops*n {
					b.Fatalf("%d references a parse, want %d", refs/loops, n)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(refs), "ns/ref")
				if c := cputime.Now(); c > 0 && loops > 0 {
					b.ReportMetric(float64((c-cpu).Nanoseconds())/float64(refs), "cpu-ns/ref")
				}
			})
		}
	}
}
