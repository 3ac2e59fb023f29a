package corpus_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/link"
)

// TestTasksDemo materialises the demo's tasks, checks that the stored
// links are those Store.Links computes, and compares them with
// testdata/tasks/demo.golden. The golden file's first line is the
// tasksVersion it was made with: when the tasks change, -update refuses
// to rewrite it under the same version, since stores would keep the
// tables of the old code (bump tasksVersion in corpus/tasktable/version.go).
func TestTasksDemo(t *testing.T) {
	s, ids := demoStore(t)
	if _, err := s.SyncTasks(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	n := 0
	for _, number := range slices.Sorted(func(yield func(string) bool) {
		for k := range ids {
			if !yield(k) {
				return
			}
		}
	}) {
		pt, stale, err := s.Tasks(ids[number])
		if err != nil || stale {
			t.Fatalf("tasks of %s: stale %v, %v", number, stale, err)
		}
		if pt == nil {
			continue
		}
		pl, err := s.Links(ids[number])
		if err != nil {
			t.Fatal(err)
		}
		links := map[string][]link.Match{}
		for _, it := range pl.Items {
			links[it.ID] = it.Matches
		}
		fmt.Fprintf(&b, "plan %s (%d tasks)\n", number, len(pt.Tasks))
		for _, tk := range pt.Tasks {
			n++
			if !slices.Equal(tk.Links, links[tk.ID]) {
				t.Errorf("%s %s: stored links %v, Links computes %v", number, tk.ID, tk.Links, links[tk.ID])
			}
			link := "-"
			if len(tk.Links) > 0 {
				link = tk.Links[0].Number + " " + tk.Links[0].Passage
			}
			d := tk.Deadline
			fmt.Fprintf(&b, "\t%-8s %-22s agency=%q partners=%q deadline=%q %s %s %s\n", tk.ID, link, tk.Agency, tk.Partners, d.Text, d.Kind, d.Date, d.Every)
		}
	}
	if n < 60 {
		t.Errorf("%d demo tasks, want the plans' 60 or more", n)
	}
	checkTasksGolden(t, filepath.Join("testdata", "tasks", "demo.golden"), b.String())
}

func checkTasksGolden(t *testing.T, path, got string) {
	t.Helper()
	head := fmt.Sprintf("tasks version %d\n", corpus.TasksVersion)
	old, err := os.ReadFile(path)
	if *update {
		if err == nil {
			oldHead, oldBody, _ := strings.Cut(string(old), "\n")
			if oldBody != got && oldHead+"\n" == head {
				t.Fatalf("the demo's tasks changed but tasksVersion is still %d: bump it in corpus/tasktable/version.go (and its history), then run -update again", corpus.TasksVersion)
			}
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(head+got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if err != nil {
		t.Fatalf("%v (run go test ./corpus -run TestTasksDemo -update)", err)
	}
	if string(old) != head+got {
		t.Errorf("tasks differ from %s (the first line is the tasksVersion it was made with; go test ./corpus -run TestTasksDemo -update, then review the diff):\n%s%s", path, head, got)
	}
}
