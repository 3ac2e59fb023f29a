package tasks

import (
	"context"

	"github.com/vanban/vanban/corpus"
)

// planFile is the URL of the file a row's plan was read from; "" for a
// plan read from a page (only a file has an article linking it:
// TaskDoc.Parent).
func planFile(r *Row) string {
	if r.Plan.Parent == "" {
		return ""
	}
	return r.Plan.URL
}

// MarkDead sets Row.PlanDead on the rows whose plan was read from a file
// that answers 404 or 410 now, by the records dead reads: one call for
// the rows given (a page of tasks), each plan file asked once. A nil
// dead marks nothing.
func MarkDead(ctx context.Context, rows []Row, dead corpus.DeadFilesFunc) error {
	var urls []string
	seen := map[string]bool{}
	for i := range rows {
		if u := planFile(&rows[i]); u != "" && !seen[u] {
			seen[u] = true
			urls = append(urls, u)
		}
	}
	if len(urls) == 0 || dead == nil {
		return nil
	}
	recs, err := dead(ctx, urls)
	if err != nil {
		return err
	}
	for i := range rows {
		if d, ok := recs[planFile(&rows[i])]; ok {
			d.URL = rows[i].Plan.URL
			rows[i].PlanDead = &d
		}
	}
	return nil
}

// DeadMemo marks the rows of an export as they stream (Row.PlanDead),
// asking each plan file's record once: an export of 100,000 tasks asks
// as many records as it has plans read from files.
type DeadMemo struct {
	Dead corpus.DeadFilesFunc
	seen map[string]*corpus.DeadMark
}

// Mark sets r.PlanDead when r's plan file answers 404 or 410 now.
func (m *DeadMemo) Mark(ctx context.Context, r *Row) error {
	u := planFile(r)
	if u == "" || m.Dead == nil {
		return nil
	}
	d, ok := m.seen[u]
	if !ok {
		one := []Row{*r}
		if err := MarkDead(ctx, one, m.Dead); err != nil {
			return err
		}
		d = one[0].PlanDead
		if m.seen == nil {
			m.seen = map[string]*corpus.DeadMark{}
		}
		m.seen[u] = d
	}
	r.PlanDead = d
	return nil
}
