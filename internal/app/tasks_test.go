package app

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/tasks"
)

// TestTasksCommand runs `vanban tasks` on the demo's store, whose task
// table SyncTasks never filled: the one-shot reader computes the stale
// tasks itself, and its JSON, CSV and text agree with `vanban links`.
func TestTasksCommand(t *testing.T) {
	data := demoData(t)
	const plan = "236/KH-UBND"
	out, _, err := call(t, data, RunTasks, TasksOptions{Filter: tasks.Filter{Plan: plan, Limit: 500}, JSON: true})
	if err != nil {
		t.Fatalf("tasks --json: %v", err)
	}
	var res tasks.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	out, _, err = call(t, data, RunLinks, LinksOptions{Arg: plan, JSON: true})
	if err != nil {
		t.Fatalf("links: %v", err)
	}
	var pl link.PlanLinks
	if err := json.Unmarshal([]byte(out), &pl); err != nil {
		t.Fatal(err)
	}
	top := map[string]string{} // the items that head nothing are its tasks
	for _, it := range pl.Items {
		if len(it.Matches) > 0 && !it.Heading {
			top[it.ID] = it.Matches[0].Passage
		}
	}
	if res.Total == 0 || res.Total != len(res.Tasks) || len(top) == 0 {
		t.Fatalf("tasks --plan %s: %d tasks (%d rows); links gives %d linked items", plan, res.Total, len(res.Tasks), len(top))
	}
	linked := 0
	for _, r := range res.Tasks {
		if r.Plan.Number != plan {
			t.Errorf("task %s of %q, want %s only", r.ID, r.Plan.Number, plan)
		}
		want, ok := top[r.ID]
		switch {
		case ok && (len(r.Links) == 0 || r.Links[0].Passage != want):
			t.Errorf("task %s links %v, `vanban links` gives %s first", r.ID, r.Links, want)
		case ok:
			linked++
		case len(r.Links) > 0:
			t.Errorf("task %s links %v, `vanban links` gives it nothing", r.ID, r.Links)
		}
	}
	if linked != len(top) {
		t.Errorf("%d tasks linked as `vanban links` links them, want %d", linked, len(top))
	}

	out, _, err = call(t, data, RunTasks, TasksOptions{Filter: tasks.Filter{Plan: plan}, CSV: true})
	if err != nil {
		t.Fatalf("tasks --csv: %v", err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("tasks --csv: %v\n%s", err, out)
	}
	if len(recs) != res.Total+1 || strings.Join(recs[0], ",") != strings.Join(tasks.CSVHeader, ",") {
		t.Errorf("tasks --csv: %d records, header %v; want %d and %v", len(recs), recs[0], res.Total+1, tasks.CSVHeader)
	}

	out, _, err = call(t, data, RunTasks, TasksOptions{Filter: tasks.Filter{Plan: plan, Limit: 3}})
	if err != nil {
		t.Fatalf("tasks: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[3], fmt.Sprintf("%d tasks (1–3 shown", res.Total)) {
		t.Errorf("tasks --limit 3:\n%s", out)
	}

	if _, _, err := call(t, data, RunTasks, TasksOptions{Filter: tasks.Filter{From: "2025-13-01"}}); err == nil {
		t.Error("tasks --from 2025-13-01: no error")
	}
}
