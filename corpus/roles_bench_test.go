package corpus

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/cputime"
)

// roleCorpus generates a decree and n circulars citing it (generated for
// the benchmark, in the shapes of roleDocs): most cite it only as a ground
// and have no tasks, one in ten names it in an article (rule 3), one in
// twenty states it details it (rule 1); four ministries issue them, the
// decree leaves one of them work (rule 4).
func roleCorpus(n int) []*Document {
	var b strings.Builder
	b.WriteString("Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "Điều %d. Quy định số %d\n1. Cơ quan quản lý thực hiện việc kiểm tra hồ sơ loại %d theo định kỳ.\n2. Hồ sơ loại %d được lưu trữ trong thời hạn %d năm.\n", i, i, i, i, i%10+1)
	}
	b.WriteString("Điều 41. Tổ chức thực hiện\nBộ trưởng Bộ Xây dựng quy định mẫu hồ sơ.\n")
	docs := []*Document{{ID: "nd", Type: "Nghị định", Number: "45/2030/NĐ-CP", Title: "Nghị định số 45/2030/NĐ-CP quy định về quản lý hồ sơ", Body: b.String()}}
	codes := []string{"BTC", "BXD", "BYT", "BCT"}
	for i := range n {
		code := codes[i%len(codes)]
		var t strings.Builder
		fmt.Fprintf(&t, "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nCăn cứ Nghị định số 45/2030/NĐ-CP của Chính phủ quy định về quản lý hồ sơ;\n")
		if i%20 == 0 {
			t.WriteString("Điều 1. Phạm vi điều chỉnh\nThông tư này quy định chi tiết khoản 2 Điều 3 của Nghị định số 45/2030/NĐ-CP.\n")
		} else {
			fmt.Fprintf(&t, "Điều 1. Phạm vi điều chỉnh\nThông tư này quy định mức thu phí loại %d.\n", i)
		}
		for a := 2; a <= 12; a++ {
			fmt.Fprintf(&t, "Điều %d. Mức thu loại %d\n1. Hồ sơ cấp mới loại %d: %d.000 đồng/hồ sơ.\n2. Hồ sơ gia hạn loại %d: %d.000 đồng/hồ sơ.\n", a, a, a, 100+i%50, a, 50+i%30)
		}
		if i%10 == 5 {
			t.WriteString("Điều 13. Hồ sơ\nHồ sơ lập theo quy định tại Điều 3 Nghị định số 45/2030/NĐ-CP.\n")
		}
		num := fmt.Sprintf("%d/2031/TT-%s", i+1, code)
		docs = append(docs, &Document{ID: fmt.Sprintf("tt-%d", i), Type: "Thông tư", Number: num,
			Title: "Thông tư số " + num + " quy định mức thu phí", Body: t.String()})
	}
	return docs
}

// BenchmarkRoleCitedByMany: a decree cited by n circulars without tasks,
// after SyncTasks — Role (vanban links, a page without the tasks view, a
// stale table) reads each citing text.
func BenchmarkRoleCitedByMany(b *testing.B) {
	for _, n := range []int{500, 2000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			s, err := OpenStore(b.TempDir(), false, time.Second)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { s.Close() })
			if _, err := s.PutBatch(roleCorpus(n)); err != nil {
				b.Fatal(err)
			}
			if _, err := s.SyncTasks(b.Context(), nil); err != nil {
				b.Fatal(err)
			}
			var impl int
			b.ResetTimer()
			for b.Loop() {
				r, err := s.Role("nd")
				if err != nil {
					b.Fatal(err)
				}
				impl = len(r.Implementers)
			}
			b.ReportMetric(float64(impl), "implementers")
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/citing")
		})
	}
}

// BenchmarkRolePlansByMany: a decree n provincial plans with tasks cite
// as a ground, after SyncTasks — Role reads each plan's task header and
// the relation it states (a plan replacing or repealing the parent
// implements nothing of it).
func BenchmarkRolePlansByMany(b *testing.B) {
	for _, n := range []int{500, 2000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			docs := roleCorpus(0)
			for i := range n {
				num := fmt.Sprintf("%d/KH-UBND", i+1)
				docs = append(docs, &Document{ID: fmt.Sprintf("kh-%d", i), Type: "Kế hoạch", Number: num, Title: "Kế hoạch số " + num + " kiểm tra hồ sơ",
					Body: fmt.Sprintf("Căn cứ Nghị định số 45/2030/NĐ-CP của Chính phủ;\nI. MỤC ĐÍCH, YÊU CẦU\nBảo đảm hồ sơ loại %d được kiểm tra.\nII. NHIỆM VỤ\n1. Sở Tài chính chủ trì kiểm tra việc kiểm tra hồ sơ loại %d theo định kỳ, hoàn thành trong Quý IV/2031.\n2. Sở Nội vụ lưu trữ hồ sơ loại %d trong thời hạn quy định.", i%40+1, i%40+1, i%40+1)})
			}
			s, err := OpenStore(b.TempDir(), false, time.Second)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { s.Close() })
			for len(docs) > 0 {
				k := min(len(docs), 1000)
				if _, err := s.PutBatch(docs[:k]); err != nil {
					b.Fatal(err)
				}
				docs = docs[k:]
			}
			if _, err := s.SyncTasks(b.Context(), nil); err != nil {
				b.Fatal(err)
			}
			var impl int
			b.ResetTimer()
			for b.Loop() {
				r, err := s.Role("nd")
				if err != nil {
					b.Fatal(err)
				}
				impl = len(r.Implementers)
			}
			b.ReportMetric(float64(impl), "implementers")
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/plan")
		})
	}
}

// BenchmarkSyncTasksCitedByMany: SyncTasks of a decree and n circulars
// citing it (roleCorpus): since i25-roles every citing text gets a table
// entry, tasks or not, and its roles are read (rule 4 scans the parent's
// body once a text). Only the sync is timed; cpu-ms/sync is the figure to
// read on a loaded machine. (i25-roles' scratch benchmark, kept by
// i25-perf.)
//
//	go test ./corpus -run '^$' -bench SyncTasksCitedByMany -benchtime 2x -benchmem
func BenchmarkSyncTasksCitedByMany(b *testing.B) {
	for _, n := range []int{2000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			docs := roleCorpus(n)
			var cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				s, err := OpenStore(b.TempDir(), false, time.Second)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.PutBatch(docs); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				c := cputime.Now()
				if _, err := s.SyncTasks(b.Context(), nil); err != nil {
					b.Fatal(err)
				}
				cpu += cputime.Now() - c
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/sync")
		})
	}
}
