package app

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/cputime"
	"github.com/vanban/vanban/internal/shared"
)

// BenchmarkRefsParse measures `vanban refs --parse` after reading its input:
// NFC, the citation scanner with its relation pass, and the JSON output. The
// texts are real and the same on every branch: Nghị định 30/2020/NĐ-CP
// (data/nd30_2020) and the 14 documents of data/plans, citation-dense (their
// "Căn cứ", "Thực hiện" and closing lines). Compare branches by instruction
// counts (docs/log/perf-refs-parse.md).
func BenchmarkRefsParse(b *testing.B) {
	b.Run("nd30", func(b *testing.B) {
		data, err := os.ReadFile(shared.Path(b, "data", "nd30_2020", "nd30_2020_main.txt"))
		if err != nil {
			b.Fatal(err)
		}
		benchRefsParse(b, string(data))
	})
	b.Run("plans", func(b *testing.B) {
		f, err := os.Open(shared.Path(b, "data", "plans", "docs.jsonl"))
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		var sb strings.Builder
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 16<<20)
		for sc.Scan() {
			var d struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
				b.Fatal(err)
			}
			sb.WriteString(d.Text)
			sb.WriteString("\n")
		}
		if err := sc.Err(); err != nil {
			b.Fatal(err)
		}
		benchRefsParse(b, sb.String())
	})
}

func benchRefsParse(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu, n := cputime.Now(), 0
	for b.Loop() {
		n++
		if err := printParsed(io.Discard, text); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(text))*float64(b.N)/1e6/b.Elapsed().Seconds(), "MB/s")
	if c := cputime.Now(); c > 0 && n > 0 {
		b.ReportMetric(float64((c-cpu).Nanoseconds())/float64(n), "cpu-ns/op")
	}
}
