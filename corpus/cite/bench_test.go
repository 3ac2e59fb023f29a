package cite

import (
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/cputime"
	"github.com/vanban/vanban/internal/shared"
)

// BenchmarkParseRefs measures the scanner on citation-dense text (every
// line of the table tests, padded with a plain sentence) and, when ../shared
// is present, on the text of Nghị định 30/2020/NĐ-CP.
//
//	go test ./corpus/cite -run '^$' -bench ParseRefs -count 6 > new.txt && benchstat old.txt new.txt
func BenchmarkParseRefs(b *testing.B) {
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		for _, tc := range cases {
			sb.WriteString(tc.in)
			sb.WriteString(" Các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành văn bản này kể từ ngày ký ban hành.\n")
		}
	}
	b.Run("dense", func(b *testing.B) { benchParseRefs(b, sb.String()) })
	b.Run("nd30", func(b *testing.B) {
		data, err := os.ReadFile(shared.Path(b, "data", "nd30_2020", "nd30_2020_main.txt"))
		if err != nil {
			b.Fatal(err)
		}
		benchParseRefs(b, string(data))
	})
}

func benchParseRefs(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	refs := 0
	cpu, n := cputime.Now(), 0
	for b.Loop() {
		n++
		refs += len(ParseRefs(text))
	}
	b.ReportMetric(float64(len(text))*float64(b.N)/1e6/b.Elapsed().Seconds(), "MB/s")
	b.ReportMetric(float64(refs)/b.Elapsed().Seconds(), "refs/s")
	if c := cputime.Now(); c > 0 && n > 0 {
		b.ReportMetric(float64((c-cpu).Nanoseconds())/float64(n), "cpu-ns/op")
	}
}
