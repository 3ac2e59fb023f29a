package corpus

import (
	"testing"

	"github.com/vanban/vanban/internal/shared"
)

// BenchmarkParseOutline parses the fourteen documents of the development
// set (../shared/data/plans) and their passages, what linking does for a
// plan and its parents when the outline cache is cold; it reports the
// bytes of body parsed per CPU-second as MB/s.
func BenchmarkParseOutline(b *testing.B) {
	docs := readPlans(b, shared.Path(b, "data", "plans"))
	size := 0
	for _, d := range docs {
		size += len(d.body)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	items := 0
	for b.Loop() {
		items = 0
		for _, d := range docs {
			o := ParseOutline(d.body)
			items += len(o.Items) + len(o.Passages())
		}
	}
	b.ReportMetric(float64(items), "items+passages")
}
