package corpus

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/internal/taskdocs"
	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/corpus/tasktable"
	bolt "go.etcd.io/bbolt"
)

// The resolution and the plan of the task tests (corpus/internal/taskdocs).
var (
	taskResolution = taskDocument(taskdocs.Resolution())
	taskPlan       = taskDocument(taskdocs.Plan())
)

func taskDocument(d taskdocs.Doc) *Document {
	return &Document{ID: d.ID, URL: d.URL, Type: d.Type, Number: d.Number, Published: d.Published, Site: d.Site, Title: d.Title, Body: d.Body}
}

func put(t *testing.T, s *Store, docs ...*Document) {
	t.Helper()
	for _, d := range docs {
		c := *d
		if _, err := s.Put(&c); err != nil {
			t.Fatal(err)
		}
	}
}

func syncTasks(t *testing.T, s *Store) tasktable.TaskSyncStats {
	t.Helper()
	st, err := s.SyncTasks(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func tasksOf(t *testing.T, s *Store, id string) (*tasktable.PlanTasks, bool) {
	t.Helper()
	pt, stale, err := s.Tasks(id)
	if err != nil {
		t.Fatal(err)
	}
	return pt, stale
}

func taskByID(pt *tasktable.PlanTasks, id string) *tasktable.Task {
	for i := range pt.Tasks {
		if pt.Tasks[i].ID == id {
			return &pt.Tasks[i]
		}
	}
	return nil
}

func TestTasksFields(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	put(t, s, taskResolution, taskPlan)
	syncTasks(t, s)
	pt, stale := tasksOf(t, s, "kh")
	if pt == nil || stale {
		t.Fatalf("tasks of the plan = %v, stale %v", pt, stale)
	}
	if len(pt.Parents) != 1 || pt.Parents[0].ID != "nq" || pt.Plan.Site != "tinh" || pt.Plan.URL == "" {
		t.Errorf("plan %+v, parents %+v", pt.Plan, pt.Parents)
	}
	for _, tt := range taskdocs.Fields() {
		tk := taskByID(pt, tt.ID)
		if tk == nil {
			t.Errorf("no task %s among %d", tt.ID, len(pt.Tasks))
			continue
		}
		d := tk.Deadline
		if tk.Agency != tt.Agency || tk.Partners != tt.Partners || d.Text != tt.Deadline || string(d.Kind) != tt.Kind || d.Date != tt.Date || d.Every != tt.Every {
			t.Errorf("task %s: agency %q partners %q deadline %+v; want %q %q %q %s %s %s", tt.ID, tk.Agency, tk.Partners, d, tt.Agency, tt.Partners, tt.Deadline, tt.Kind, tt.Date, tt.Every)
		}
		got := ""
		if len(tk.Links) > 0 {
			got = tk.Links[0].Passage
		}
		if got != tt.Passage && tt.Passage != "*" { // *: the linker's choice, not the tasks' (corpus/link)
			t.Errorf("task %s links to %q, want %q", tt.ID, got, tt.Passage)
		}
	}
	if taskByID(pt, "III.1") != nil {
		t.Error("the agency heading III.1 is listed as a task")
	}
	if tk := taskByID(pt, "III.1.•1"); tk != nil && !strings.Contains(tk.Context, "Sở Tài nguyên và Môi trường") {
		t.Errorf("context of III.1.•1 = %q", tk.Context)
	}
}

// TestTasksFollowWrites: the tasks of a plan follow its parent arriving,
// changing and going, and the plan itself going.
func TestTasksFollowWrites(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	put(t, s, taskPlan) // before its resolution
	syncTasks(t, s)
	pt, _ := tasksOf(t, s, "kh")
	if pt == nil || len(pt.Parents) != 0 || len(pt.Tasks[0].Links) != 0 {
		t.Fatalf("a plan without its resolution: %+v", pt)
	}
	put(t, s, taskResolution)
	if _, stale := tasksOf(t, s, "kh"); !stale {
		t.Fatal("the resolution arrived: the plan's tasks are not stale")
	}
	st := syncTasks(t, s)
	if pt, _ = tasksOf(t, s, "kh"); len(pt.Parents) != 1 || len(pt.Tasks[0].Links) == 0 {
		t.Fatalf("after the resolution: parents %v, links %v (sync %+v)", pt.Parents, pt.Tasks[0].Links, st)
	}
	// The resolution changes: its first task is gone.
	changed := *taskResolution
	changed.Body = strings.Replace(changed.Body, "1. Đầu tư hạ tầng giao thông đến các khu du lịch sinh thái ven hồ, bến thuyền và bãi đỗ xe.\n", "", 1)
	put(t, s, &changed)
	syncTasks(t, s)
	pt, _ = tasksOf(t, s, "kh")
	for _, m := range taskByID(pt, "II.r1").Links {
		if strings.Contains(m.Title, "hạ tầng giao thông") {
			t.Errorf("II.r1 still links to the removed passage: %+v", m)
		}
	}
	if _, err := s.MarkGone("nq"); err != nil {
		t.Fatal(err)
	}
	syncTasks(t, s)
	if pt, _ = tasksOf(t, s, "kh"); len(pt.Parents) != 0 {
		t.Errorf("the resolution is gone, parents = %v", pt.Parents)
	}
	if _, err := s.MarkGone("kh"); err != nil {
		t.Fatal(err)
	}
	syncTasks(t, s)
	if pt, _ := tasksOf(t, s, "kh"); pt != nil {
		t.Errorf("the plan is gone, tasks = %+v", pt)
	}
}

// TestTasksMarkedAgain: a document marked stale again while its tasks
// were computed keeps its new mark; the older computation is not stored.
func TestTasksMarkedAgain(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	put(t, s, taskResolution, taskPlan)
	newer := *taskPlan
	newer.Body += "3. Sở Tài chính bố trí kinh phí thực hiện các nhiệm vụ, hoàn thành trong quý I/2025.\n"
	// The plan is written (Put marks it in its transaction) after Sync read
	// its mark and computed it, before the batch is stored.
	staleAgain := false // the plan is stale when computed again: the older computation was not stored
	src := &putWhileComputed{taskSource: taskSource{s.db, s}, put: func() { put(t, s, &newer) },
		again: func() { _, staleAgain = tasksOf(t, s, "kh") }}
	st, err := tasktable.Sync(context.Background(), src, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st.Retried != 1 || src.calls != 2 || !staleAgain {
		t.Errorf("retried %d, computed %d times, stale then %v; want 1 and 2 (the plan, again), stale", st.Retried, src.calls, staleAgain)
	}
	if pt, stale := tasksOf(t, s, "kh"); stale || taskByID(pt, "III.3") == nil {
		t.Errorf("the newer plan's task III.3 is missing (stale %v)", stale)
	}
}

// putWhileComputed is the store as Sync asks it, whose first computation
// of the plan is followed by put.
type putWhileComputed struct {
	taskSource
	put   func() // after the first computation of the plan
	again func() // before the second
	calls int
}

func (p *putWhileComputed) Compute(id string, cache *link.Cache) (*tasktable.PlanTasks, error) {
	if id == "kh" && p.calls == 1 {
		p.again()
	}
	pt, err := p.taskSource.Compute(id, cache)
	if id == "kh" {
		if p.calls++; p.calls == 1 {
			p.put()
		}
	}
	return pt, err
}

// TestTasksUpgrade: a store without a task table (made before it), or
// with one of another version, marks every document stale when opened
// read-write, and a read-only one says it is stale.
func TestTasksUpgrade(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, taskResolution, taskPlan)
	syncTasks(t, s)
	want, _ := tasksOf(t, s, "kh")
	// Another version of the table.
	if err := s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put([]byte("tasks"), []byte("0/2")) }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := OpenStore(dir, true, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ro.TaskSeq(); !errors.Is(err, ErrTasksStale) {
		t.Errorf("read-only store of another table version: TaskSeq error %v, want ErrTasksStale", err)
	}
	ro.Close()
	// No table at all: a store of the version before it.
	s, err = OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := s.StaleTasks(); err != nil || n != 1 {
		t.Errorf("after the upgrade %d stale (%v), want the plan (the resolution cites nothing stored)", n, err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		for _, b := range []string{"tasks", "taskrows", "taskdirty", "tasklog", "taskpos"} {
			if err := tx.DeleteBucket([]byte(b)); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Delete([]byte("tasks"))
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	syncTasks(t, s)
	got, _ := tasksOf(t, s, "kh")
	if got == nil || len(got.Tasks) != len(want.Tasks) || got.Tasks[0].Links[0] != want.Tasks[0].Links[0] {
		t.Errorf("rebuilt tasks differ: %+v, want %+v", got, want)
	}
}

// TestTasksLog: TaskChanges reports each changed document once, at its
// latest change, and nothing when nothing changed.
func TestTasksLog(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	put(t, s, taskResolution, taskPlan)
	seq0, _ := s.TaskSeq()
	var got []tasktable.TaskChange
	collect := func(since uint64) uint64 {
		got = got[:0]
		last, err := s.TaskChanges(context.Background(), since, func(ch tasktable.TaskChange) error { got = append(got, ch); return nil })
		if err != nil {
			t.Fatal(err)
		}
		return last
	}
	// The resolution cites nothing and is no plan: only the plan is marked.
	if last := collect(0); last != seq0 || len(got) != 1 || got[0].ID != "kh" || !got[0].Stale || got[0].Head != nil {
		t.Fatalf("before sync: last %d (seq %d), changes %+v", last, seq0, got)
	}
	syncTasks(t, s)
	last := collect(seq0)
	if len(got) != 1 || got[0].ID != "kh" || got[0].Stale || got[0].Head == nil || len(got[0].Keys) != 5 || got[0].Keys[0].Date != "2025-12-31" {
		t.Errorf("after sync: changes %+v", got)
	}
	put(t, s, &Document{ID: "nq", Type: taskResolution.Type, Number: taskResolution.Number, Title: taskResolution.Title,
		Body: taskResolution.Body + "\nĐiều 3. Hiệu lực\nNghị quyết có hiệu lực từ ngày ký."})
	if last = collect(last); len(got) != 1 || got[0].ID != "kh" || !got[0].Stale || got[0].Head == nil {
		t.Errorf("the resolution changed: changes %+v, want the plan, stale, with its stored tasks", got)
	}
	if collect(last); len(got) != 0 {
		t.Errorf("nothing changed, yet %+v", got)
	}
}
