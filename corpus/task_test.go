package corpus

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/corpus/tasktable"
	bolt "go.etcd.io/bbolt"
)

// Written for these tests in the layout of real provincial documents: a
// resolution with numbered tasks, and a plan with a task table (agency,
// co-agency, deadline columns) and agency-headed bullets stating their
// deadlines in the text.
var (
	taskResolution = &Document{ID: "nq", Type: "Nghị quyết", Number: "15/NQ-HĐND", Published: "2024-03-01",
		Title: "Nghị quyết số 15/NQ-HĐND về phát triển du lịch và bảo tồn di sản",
		Body: "HỘI ĐỒNG NHÂN DÂN TỈNH\nQUYẾT NGHỊ:\nĐiều 1. Nhiệm vụ, giải pháp\n" +
			"1. Đầu tư hạ tầng giao thông đến các khu du lịch sinh thái ven hồ, bến thuyền và bãi đỗ xe.\n" +
			"2. Số hóa hồ sơ di tích, xây dựng bản đồ số di sản văn hóa và thuyết minh tự động tại các điểm đến.\n" +
			"3. Đào tạo, bồi dưỡng kỹ năng nghề du lịch cho người dân tham gia du lịch cộng đồng.\n" +
			"Điều 2. Tổ chức thực hiện\nGiao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này."}
	taskPlan = &Document{ID: "kh", Type: "Kế hoạch", Number: "88/KH-UBND", Published: "2024-05-10", Site: "tinh",
		URL:   "https://tinh.example.gov.vn/kh-88",
		Title: "Kế hoạch số 88/KH-UBND thực hiện Nghị quyết số 15/NQ-HĐND về phát triển du lịch",
		Body: "ỦY BAN NHÂN DÂN TỈNH\nI. MỤC ĐÍCH, YÊU CẦU\nTriển khai kịp thời Nghị quyết số 15/NQ-HĐND.\n" +
			"II. NHIỆM VỤ CỤ THỂ\n" +
			"STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n" +
			"1 | Đầu tư đường giao thông đến khu du lịch sinh thái ven hồ và bãi đỗ xe | Sở Xây dựng | Sở Tài chính | Quý IV/2025\n" +
			"2 | Số hóa hồ sơ di tích, xây dựng bản đồ số di sản văn hóa | Sở Văn hóa, Thể thao và Du lịch | Sở Khoa học và Công nghệ | Năm 2025\n" +
			"3 | Tập huấn kỹ năng nghề du lịch cộng đồng cho người dân | Sở Văn hóa, Thể thao và Du lịch | UBND các huyện | Hằng năm\n" +
			"III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài nguyên và Môi trường:\n" +
			"- Phối hợp với UBND các huyện rà soát quỹ đất ven hồ cho khu du lịch sinh thái, hoàn thành trước ngày 30/9/2024.\n" +
			"2. Sở Kế hoạch và Đầu tư tổng hợp, báo cáo kết quả thực hiện trước ngày 15/12 hằng năm.\n"}
)

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
	tests := []struct {
		id, agency, partners, deadline, kind, date, every, passage string
	}{
		{"II.r1", "Sở Xây dựng", "Sở Tài chính", "Quý IV/2025", "date", "2025-12-31", "", "Đ1.1"},
		{"II.r2", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ", "Năm 2025", "date", "2025-12-31", "", "Đ1.2"},
		{"II.r3", "Sở Văn hóa, Thể thao và Du lịch", "UBND các huyện", "Hằng năm", "recurring", "", "year", "Đ1.3"},
		{"III.1.•1", "Sở Tài nguyên và Môi trường", "UBND các huyện", "hoàn thành trước ngày 30/9/2024", "date", "2024-09-30", "", "*"},
		{"III.2", "Sở Kế hoạch và Đầu tư", "", "trước ngày 15/12 hằng năm", "recurring", "", "year", "*"},
	}
	for _, tt := range tests {
		tk := taskByID(pt, tt.id)
		if tk == nil {
			t.Errorf("no task %s among %d", tt.id, len(pt.Tasks))
			continue
		}
		d := tk.Deadline
		if tk.Agency != tt.agency || tk.Partners != tt.partners || d.Text != tt.deadline || string(d.Kind) != tt.kind || d.Date != tt.date || d.Every != tt.every {
			t.Errorf("task %s: agency %q partners %q deadline %+v; want %q %q %q %s %s %s", tt.id, tk.Agency, tk.Partners, d, tt.agency, tt.partners, tt.deadline, tt.kind, tt.date, tt.every)
		}
		got := ""
		if len(tk.Links) > 0 {
			got = tk.Links[0].Passage
		}
		if got != tt.passage && tt.passage != "*" { // *: the linker's choice, not the tasks' (corpus/link)
			t.Errorf("task %s links to %q, want %q", tt.id, got, tt.passage)
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
