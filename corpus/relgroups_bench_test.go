package corpus

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/cite"
)

// hubDocs are a hub resolution (99/NQ-CP) that plans implement (each
// stating it in its title and again in its body, so that every link is
// stated twice) and decisions are based on, one amending it: the Lược đồ
// of a document with thousands of incoming edges. Lines written for the
// benchmark.
func hubDocs(plans, decisions int) []*Document {
	docs := []*Document{{URL: "https://hub.example/nq", Type: "Nghị quyết", Number: "99/NQ-CP", Published: "2025-01-09",
		Title: "Nghị quyết số 99/NQ-CP về phát triển hạ tầng số", Body: "Điều 1. Phát triển hạ tầng số.\nĐiều 2. Nghị quyết này có hiệu lực kể từ ngày ký."}}
	for i := range plans {
		num := fmt.Sprintf("%d/KH-UBND", 1000+i)
		docs = append(docs, &Document{URL: fmt.Sprintf("https://hub.example/kh/%d", i), Type: "Kế hoạch", Number: num, Published: "2025-06-01",
			Title: "Kế hoạch số " + num + " thực hiện Nghị quyết số 99/NQ-CP",
			Body:  "Thực hiện Nghị quyết số 99/NQ-CP ngày 09/01/2025 của Chính phủ, UBND huyện ban hành Kế hoạch như sau:\nI. NHIỆM VỤ\n1. Phát triển hạ tầng số."})
	}
	for i := range decisions {
		num := fmt.Sprintf("%d/QĐ-UBND", 5000+i)
		docs = append(docs, &Document{URL: fmt.Sprintf("https://hub.example/qd/%d", i), Type: "Quyết định", Number: num, Published: "2025-07-01",
			Title: "Quyết định số " + num + " về hạ tầng số của huyện",
			Body:  "Căn cứ Luật Đầu tư công số 58/2024/QH15;\nCăn cứ Nghị quyết số 99/NQ-CP ngày 09/01/2025 của Chính phủ;\nĐiều 1. Giao nhiệm vụ.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký."})
	}
	docs = append(docs, &Document{URL: "https://hub.example/sd", Type: "Nghị quyết", Number: "150/NQ-CP", Published: "2026-01-05",
		Title: "Nghị quyết số 150/NQ-CP sửa đổi Nghị quyết số 99/NQ-CP",
		Body:  "Điều 1. Sửa đổi Điều 1 Nghị quyết số 99/NQ-CP ngày 09/01/2025 của Chính phủ.\nĐiều 2. Nghị quyết này có hiệu lực kể từ ngày ký."})
	return docs
}

// BenchmarkHubRelations reads the Lược đồ of a hub document as its page
// and its JSON do: VANBAN_BENCH_HUB plans (4,000) implement it and half as
// many decisions are based on it. groups is the page's RelationGroups (10
// links a group), grouped the JSON's RelationsGrouped (200 a direction),
// page1 and page20 a group's page of 100 (?rel=in.implements&relpage=N),
// effect its DocEffect, effect_basis the Effect of a law not stored that
// every decision cites as căn cứ (unknown: the latest citing text named). ms/op and edges/op (the relto and relfrom entries
// the store holds at the hub, for scale).
//
//	go test ./corpus -run '^$' -bench HubRelations -benchtime 20x
func BenchmarkHubRelations(b *testing.B) {
	n := 4000
	if v, err := strconv.Atoi(os.Getenv("VANBAN_BENCH_HUB")); err == nil && v > 0 {
		n = v
	}
	s := openTestStore(b, b.TempDir())
	docs := hubDocs(n, n/2)
	for len(docs) > 0 {
		k := min(len(docs), 1000)
		if _, err := s.PutBatch(docs[:k]); err != nil {
			b.Fatal(err)
		}
		docs = docs[k:]
	}
	ctx := context.Background()
	ids, err := s.ByNumber("99/NQ-CP")
	if err != nil || len(ids) != 1 {
		b.Fatalf("hub: %v %v", ids, err)
	}
	gs, err := s.RelationGroups(ctx, "99/NQ-CP", 10)
	if err != nil {
		b.Fatal(err)
	}
	edges := 0
	for _, g := range gs {
		edges += g.Total
	}
	b.Logf("hub 99/NQ-CP: %d groups, %d links", len(gs), edges)
	for _, c := range []struct {
		name string
		f    func() error
	}{
		{"groups", func() error { _, err := s.RelationGroups(ctx, "99/NQ-CP", 10); return err }},
		{"grouped", func() error { _, _, err := s.RelationsGrouped(ctx, "99/NQ-CP"); return err }},
		{"page1", func() error {
			_, err := s.RelationGroupPage(ctx, "99/NQ-CP", true, cite.Implements, 0, 100)
			return err
		}},
		{"page20", func() error {
			_, err := s.RelationGroupPage(ctx, "99/NQ-CP", true, cite.Implements, 1900, 100)
			return err
		}},
		{"effect", func() error { _, err := s.DocEffect(context.Background(), ids[0], time.Now()); return err }},
		// a law not stored, the căn cứ of every decision: unknown, and
		// where it was last cited as căn cứ (graph's basisOf)
		{"effect_basis", func() error { _, err := s.Effect(context.Background(), "58/2024/QH15", time.Now()); return err }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := c.f(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
			b.ReportMetric(float64(edges), "links")
		})
	}
}
