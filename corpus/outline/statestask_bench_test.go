package outline

import (
	"testing"

	"github.com/vanban/vanban/internal/memstat"
	"golang.org/x/text/unicode/norm"
)

// statesTaskLines are task lines of plans written for the benchmark: a
// short one whose name ends on a lower-case syllable ("Sở Y tế": the verb
// is looked for from "tế"), a long one, and the short one in NFD.
var statesTaskLines = []struct{ name, line string }{
	{"short", "Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan tổ chức triển khai thực hiện kế hoạch."},
	{"long", "Ủy ban nhân dân các huyện, thị xã, thành phố chủ động xây dựng kế hoạch cụ thể để triển khai thực hiện các nội dung của kế hoạch này trên địa bàn, bảo đảm hiệu quả, đúng tiến độ và báo cáo kết quả về Sở Nội vụ trước ngày 15 tháng 12 hằng năm."},
	{"nameonly", "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi"},
	{"short-nfd", norm.NFD.String("Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan tổ chức triển khai thực hiện kế hoạch.")},
}

// BenchmarkStatesTask times statesTask on a line and reports the
// allocations it makes beyond the actor scanner's (ActorWords), which it
// calls first: the cost of comparing the words after the name with the
// task verbs.
func BenchmarkStatesTask(b *testing.B) {
	for _, c := range statesTaskLines {
		b.Run(c.name, func(b *testing.B) {
			own := testing.AllocsPerRun(20, func() { statesTask(c.line) }) - testing.AllocsPerRun(20, func() { ActorWords(c.line) })
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				statesTask(c.line)
			}
			b.ReportMetric(own, "allocs-beyond-actors/op")
		})
	}
}

// TestStatesTaskAllocs holds statesTask to at most one allocation beyond
// the actor scanner's on a line in NFC (the words are cut as substrings of
// the line and compared with the verbs as they are; viet.Lower returns a
// word already in its canonical lower case without copying it). A line in
// NFD pays for its lowering. i29-rev-outline counted 78 allocations on the
// short line, 63 of them statesTask's own: a split of every verb at every
// word, and a join per comparison.
func TestStatesTaskAllocs(t *testing.T) {
	if memstat.Race {
		t.Skip("the race detector allocates")
	}
	for _, c := range statesTaskLines {
		if c.name == "short-nfd" {
			continue
		}
		own := testing.AllocsPerRun(20, func() { statesTask(c.line) }) - testing.AllocsPerRun(20, func() { ActorWords(c.line) })
		if own > 1 {
			t.Errorf("%s: statesTask makes %v allocations beyond ActorWords', want at most 1", c.name, own)
		}
	}
}
