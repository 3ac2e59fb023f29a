package outline

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/shared"
)

// BenchmarkParseOutlineGovdocs parses the decrees and circulars of
// ../shared/data/govdocs (Nghị định, Thông tư: legal texts of many
// articles, some of them untitled, what the article checks of i24-tasks
// and i24-review3 read) and their passages; MB/s is body bytes per
// second, items+passages what they yield.
//
//	go test ./corpus/outline -run '^$' -bench 'BenchmarkParseOutlineGovdocs$' -benchmem
func BenchmarkParseOutlineGovdocs(b *testing.B) {
	var docs []checkDoc
	size := 0
	for _, d := range readGovdocs(b, shared.Path(b, "data", "govdocs")) {
		if strings.Contains(d.name, "nghi-dinh") || strings.Contains(d.name, "thong-tu") {
			docs = append(docs, d)
			size += len(d.body)
		}
	}
	if len(docs) == 0 {
		b.Fatal("no decree or circular in govdocs")
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	items := 0
	for b.Loop() {
		items = 0
		for _, d := range docs {
			o := Parse(d.body)
			items += len(o.Items) + len(o.Passages())
		}
	}
	b.ReportMetric(float64(len(docs)), "docs")
	b.ReportMetric(float64(items), "items+passages")
}
