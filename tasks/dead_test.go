package tasks

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/tasktable"
)

// TestMarkDead: a page of tasks asks each plan file once and marks its
// rows; a plan read from a page (no article links it) is neither asked
// nor marked; an export's memo asks each plan file once over its rows.
func TestMarkDead(t *testing.T) {
	const deadURL, liveURL, pageURL = "https://b.example/files/kh-12.docx", "https://b.example/files/kh-13.pdf", "https://b.example/tin-tuc/kh-14.html"
	plan := func(u, parent string) tasktable.TaskDoc {
		return tasktable.TaskDoc{URL: u, Parent: parent}
	}
	rows := func() []Row {
		return []Row{
			{Plan: plan(deadURL, "https://b.example/tin-tuc/a.html")},
			{Plan: plan(liveURL, "https://b.example/tin-tuc/a.html")},
			{Plan: plan(deadURL, "https://b.example/tin-tuc/a.html")},
			{Plan: plan(pageURL, "")},
		}
	}
	calls, asked := 0, map[string]int{}
	read := func(ctx context.Context, urls []string) (map[string]corpus.DeadMark, error) {
		calls++
		for _, u := range urls {
			asked[u]++
		}
		return map[string]corpus.DeadMark{deadURL: {Status: 410, Since: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}, pageURL: {Status: 404}}, ctx.Err()
	}
	r := rows()
	if err := MarkDead(context.Background(), r, read); err != nil {
		t.Fatal(err)
	}
	if calls != 1 || asked[deadURL] != 1 || asked[liveURL] != 1 || asked[pageURL] != 0 {
		t.Errorf("%d calls, asked %v; want one call, each file once, the page never", calls, asked)
	}
	for i, x := range r {
		if (x.PlanDead != nil) != (x.Plan.URL == deadURL) || x.PlanDead != nil && (x.PlanDead.URL != deadURL || x.PlanDead.Status != 410) {
			t.Errorf("row %d (%s): plan_dead %+v", i, x.Plan.URL, x.PlanDead)
		}
	}

	calls, asked = 0, map[string]int{}
	memo := DeadMemo{Dead: read}
	for range 3 {
		for _, x := range rows() {
			if err := memo.Mark(context.Background(), &x); err != nil {
				t.Fatal(err)
			}
			if (x.PlanDead != nil) != (x.Plan.URL == deadURL) {
				t.Errorf("memo: %s plan_dead %+v", x.Plan.URL, x.PlanDead)
			}
		}
	}
	if calls != 2 || asked[deadURL] != 1 || asked[liveURL] != 1 || asked[pageURL] != 0 {
		t.Errorf("memo over 12 rows: %d calls, asked %v; want each file once", calls, asked)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := MarkDead(ctx, rows(), read); !errors.Is(err, context.Canceled) {
		t.Errorf("an ended context: %v", err)
	}
	m := DeadMemo{}
	x := rows()[0]
	if err := m.Mark(context.Background(), &x); err != nil || x.PlanDead != nil {
		t.Errorf("no reader: %v, %+v", err, x.PlanDead)
	}
}
