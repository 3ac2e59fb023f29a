package tasks

import (
	"context"
	"fmt"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// BenchmarkTasksWithoutTasks: what the texts without tasks that the task
// table keeps since it stores roles (circulars detailing a decree: a
// header, no rows) cost the tasks view — a query of every task, a
// parent's tasks and its implementers — beside the plans with tasks
// (roles_test.go's documents), at 0 and 5,000 such circulars.
//
//	go test ./tasks -run '^$' -bench TasksWithoutTasks -benchtime 200x
func BenchmarkTasksWithoutTasks(b *testing.B) {
	for _, n := range []int{0, 5000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			s := openStore(b)
			putDocs(b, s, rolesStatute, rolesDecree, rolesPlan, rolesGroundPlan)
			var batch []*corpus.Document
			for i := range n {
				c := *rolesCircular
				c.URL = fmt.Sprintf("https://tw.example.gov.vn/tt-%d", i)
				c.Number = fmt.Sprintf("%d/2031/TT-BNV", 100+i)
				c.Title = "Thông tư số " + c.Number + " quy định mẫu biên bản giao nhận tài liệu số hóa"
				if batch = append(batch, &c); len(batch) == 1000 {
					if _, err := s.PutBatch(batch); err != nil {
						b.Fatal(err)
					}
					batch = batch[:0]
				}
			}
			if len(batch) > 0 {
				if _, err := s.PutBatch(batch); err != nil {
					b.Fatal(err)
				}
			}
			syncStore(b, s)
			ids, err := s.ByNumber(rolesDecree.Number)
			if err != nil || len(ids) != 1 {
				b.Fatal(ids, err)
			}
			ctx := context.Background()
			tb := New(s, Options{})
			if err := tb.Refresh(ctx); err != nil {
				b.Fatal(err)
			}
			if im, _, err := tb.Implementers(ctx, ids[0]); err != nil || len(im) != n+1 {
				b.Fatalf("%d implementers (%v), want %d", len(im), err, n+1)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				for _, f := range []Filter{{}, {Parent: rolesDecree.Number}} {
					if _, err := tb.Query(ctx, f); err != nil {
						b.Fatal(err)
					}
				}
				if _, _, err := tb.Implementers(ctx, ids[0]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
