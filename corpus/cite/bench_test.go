package cite

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/cputime"
	"github.com/vanban/vanban/internal/shared"
)

// BenchmarkParseRefs measures the scanner on citation-dense text (every
// line of the table tests, padded with a plain sentence) and, when ../shared
// is present, on the text of Nghị định 30/2020/NĐ-CP and on the 14 documents
// of data/plans one after the other (as BenchmarkRefsParse in internal/app).
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
	b.Run("plans", func(b *testing.B) {
		var all strings.Builder
		for _, d := range planDocs(b) {
			all.WriteString(d.text)
			all.WriteString("\n")
		}
		benchParseRefs(b, all.String())
	})
}

// planDoc is a document of data/plans: its _id and text.
type planDoc struct{ id, text string }

// planDocs reads data/plans/docs.jsonl.
func planDocs(tb testing.TB) []planDoc {
	f, err := os.Open(shared.Path(tb, "data", "plans", "docs.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []planDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var d struct {
			ID   string `json:"_id"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatal(err)
		}
		out = append(out, planDoc{d.ID, d.Text})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
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
