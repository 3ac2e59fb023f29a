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

// passivesText is n articles each amending a decree that another amended
// before ("Nghị định số A được sửa đổi bởi Nghị định số B"): a passive whose
// agent names the other end, n times in one text.
func passivesText(n int) string {
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, "Điều %d. Sửa đổi, bổ sung một số điều của Nghị định số %d/2029/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số %d/2030/NĐ-CP.\n", i+1, i+1, i+2)
	}
	return sb.String()
}

// BenchmarkParseRefsPassives measures ParseRefs on n passives with their
// agents at two sizes (ns/ref flat when linear): each agent looked through
// every reference before it for the one its passive was read of (relPass.agent).
//
//	go test ./corpus/cite -run '^$' -bench ParseRefsPassives
func BenchmarkParseRefsPassives(b *testing.B) {
	for _, n := range []int{1000, 8000} {
		text := passivesText(n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			refs := 0
			cpu, loops := cputime.Now(), 0
			for b.Loop() {
				loops++
				refs += len(ParseRefs(text))
			}
			if refs != loops*2*n {
				b.Fatalf("%d references a parse, want %d", refs/loops, 2*n)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(refs), "ns/ref")
			if c := cputime.Now(); c > 0 && loops > 0 {
				b.ReportMetric(float64((c-cpu).Nanoseconds())/float64(refs), "cpu-ns/ref")
			}
		})
	}
}
