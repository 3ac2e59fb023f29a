package indexer

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// Benchmarks of analysis and indexing on synthetic Vietnamese documents
// shaped like the scale corpus (a title and 3–12 paragraphs, ~1.1 KB).
// Compare two versions with:
//
//	go test -run '^$' -bench 'Analyze|Index' -count 6 ./indexer > new.txt
//	go run golang.org/x/perf/cmd/benchstat@latest old.txt new.txt

var benchParagraphs = []string{
	"Ủy ban nhân dân tỉnh ban hành Kế hoạch số 45/KH-UBND triển khai thực hiện Nghị quyết số 154/NQ-CP ngày 23/11/2022 của Chính phủ.",
	"Người lao động có quyền đơn phương chấm dứt hợp đồng lao động nhưng phải báo trước cho người sử dụng lao động.",
	"Bảo đảm hoà bình, ổn định chính trị, trật tự an toàn xã hội; phát triển kinh tế - xã hội nhanh và bền vững.",
	"Thuỷ lợi, giao thông và hạ tầng đô thị được đầu tư đồng bộ theo quy hoạch đã được phê duyệt.",
	"Điều 12. Trách nhiệm của cơ quan, tổ chức, cá nhân trong việc thực hiện chính sách hỗ trợ doanh nghiệp nhỏ và vừa.",
	"Các sở, ban, ngành, UBND các huyện, thị xã, thành phố căn cứ chức năng, nhiệm vụ được giao tổ chức triển khai thực hiện.",
	"Trường hợp phát sinh khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh kịp thời về Sở Kế hoạch và Đầu tư để tổng hợp, báo cáo.",
	"Khuyến khích ứng dụng công nghệ thông tin, chuyển đổi số trong quản lý nhà nước và cung cấp dịch vụ công trực tuyến.",
}

func benchDocs(n int) []*corpus.Document {
	r := rand.New(rand.NewPCG(1, 2))
	docs := make([]*corpus.Document, n)
	for i := range docs {
		var b strings.Builder
		for range 3 + r.IntN(10) {
			b.WriteString(benchParagraphs[r.IntN(len(benchParagraphs))])
			b.WriteByte('\n')
		}
		docs[i] = &corpus.Document{ID: fmt.Sprintf("s%07d", i), Title: benchParagraphs[r.IntN(len(benchParagraphs))][:40], Body: b.String()}
	}
	return docs
}

func BenchmarkAnalyze(b *testing.B) {
	docs := benchDocs(200)
	var size int
	for _, d := range docs {
		size += len(d.Body)
	}
	m := NewMapping()
	for _, name := range []string{AnalyzerExact, AnalyzerFold, AnalyzerBigram, AnalyzerBigramExact} {
		a := m.AnalyzerNamed(name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, d := range docs {
					a.Analyze([]byte(d.Body))
				}
			}
		})
	}
}

// BenchmarkIndex indexes 2,000 documents per iteration into a new index
// through Prepare and a Loader, the path of `vanban ingest`.
func BenchmarkIndex(b *testing.B) {
	docs := benchDocs(2000)
	var size int64
	for _, d := range docs {
		size += int64(len(d.Body) + len(d.Title))
	}
	b.ReportAllocs()
	b.SetBytes(size)
	for b.Loop() {
		b.StopTimer()
		ix, err := Open(b.TempDir()+"/index", Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		load, err := ix.NewLoader(2)
		if err != nil {
			b.Fatal(err)
		}
		for i := 0; i < len(docs); i += 500 {
			p, err := ix.Prepare(docs[i:i+500], uint64(i), uint64(i+500), nil)
			if err != nil {
				b.Fatal(err)
			}
			if err := load.Add(p); err != nil {
				b.Fatal(err)
			}
		}
		if err := load.Close(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		ix.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkBuild writes an index of 2,000 stored documents per iteration
// with the offline builder (Build: the path of a rebuild and of a new
// collection's ingest); BenchmarkIndex is the online path of the same
// documents. Build reads them from the store, Index is handed them.
func BenchmarkBuild(b *testing.B) {
	docs := benchDocs(2000)
	var size int64
	for _, d := range docs {
		size += int64(len(d.Body) + len(d.Title))
	}
	dir := b.TempDir()
	store, err := corpus.OpenStore(dir+"/data", false, time.Second)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	if _, err := store.PutBatch(docs); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(size)
	for b.Loop() {
		if _, err := Build(context.Background(), dir+"/index", store, BuildOptions{BatchDocs: 500}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}
