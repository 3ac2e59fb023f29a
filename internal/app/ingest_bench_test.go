package app

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/memstat"
)

// writeBigCorpus writes n documents of about 5 KB and, in the middle, one
// document of big bytes of text (paragraphs of Vietnamese words drawn
// with a fixed seed), streaming, so that writing it costs little memory.
func writeBigCorpus(tb testing.TB, path string, n, big int) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	words := strings.Fields("phát triển kinh tế xã hội nghị quyết kế hoạch ủy ban nhân dân tỉnh triển khai thực hiện nhiệm vụ giải pháp chuyển đổi số cải cách hành chính")
	r := rand.New(rand.NewPCG(15, 3))
	para := func(sb *strings.Builder, words_ int) {
		for i := range words_ {
			if i > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(words[r.IntN(len(words))])
		}
		sb.WriteString(".\n\n")
	}
	small := func(i int) {
		var sb strings.Builder
		for range 10 {
			para(&sb, 80)
		}
		line, _ := json.Marshal(map[string]string{"_id": fmt.Sprintf("n%d", i), "title": fmt.Sprintf("Văn bản %d", i), "text": sb.String(), "published": "2023-01-02"})
		w.Write(append(line, '\n'))
	}
	for i := range n / 2 {
		small(i)
	}
	w.WriteString(`{"_id":"big","title":"Tài liệu rất lớn","published":"2023-01-02","text":"`)
	for written := 0; written < big; {
		var sb strings.Builder
		para(&sb, 120)
		written += sb.Len()
		w.WriteString(strings.ReplaceAll(sb.String(), "\n", `\n`))
	}
	w.WriteString("\"}\n")
	for i := n / 2; i < n; i++ {
		small(i)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkIngestBigDocument ingests 400 documents of 5 KB and one of
// 52.7 MB (the issue 15 case: 3.2 GB of peak RSS before the per-document
// limit) with the command's defaults: --mem-limit 256, --max-doc-mb 5,
// --batch-mb 0.5, --parallel 1. It reports the peak Go heap and the
// process's peak RSS (which includes writing the input, streamed).
//
//	go test ./internal/app -run '^$' -bench IngestBigDocument -benchtime 1x
//
// VANBAN_BIGDOC=FILE keeps the input in FILE.
func BenchmarkIngestBigDocument(b *testing.B) {
	file := filepath.Join(b.TempDir(), "big.jsonl")
	if f := os.Getenv("VANBAN_BIGDOC"); f != "" {
		file = f // keep the input, for /usr/bin/time -v vanban ingest
	}
	writeBigCorpus(b, file, 400, 52_700_000)
	b.ReportAllocs()
	var peak uint64
	for b.Loop() {
		data := b.TempDir()
		stop := memstat.PeakHeap()
		_, stderr, err := call(b, data, RunIngest, IngestOptions{Files: []string{file}, BatchBytes: 500_000, BatchDocs: 5000, InFlight: 1, MemLimitMB: 256})
		peak = max(peak, stop())
		if err != nil || !strings.Contains(stderr, "big: text of 52.7 MB is over the limit of 5.0 MB") {
			b.Fatalf("ingest: %v: %s", err, stderr)
		}
	}
	b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
	if rss := selfMaxRSS(); rss > 0 {
		b.ReportMetric(float64(rss)/1e6, "peak-rss-MB")
	}
}
