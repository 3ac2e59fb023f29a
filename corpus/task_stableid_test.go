package corpus

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/graph"
	"github.com/vanban/vanban/corpus/tasktable"
	bolt "go.etcd.io/bbolt"
)

// A resolution numbering the tasks of its Điều 1 twice (the shape whose
// passages get fallback IDs, "Đ1.1~2") and a plan implementing the second
// list. Written for this test.
var (
	twiceResolution = &Document{ID: "nq2", Type: "Nghị quyết", Number: "21/NQ-HĐND", Published: "2026-03-01",
		Title: "Nghị quyết số 21/NQ-HĐND về phát triển nông nghiệp và nước sạch nông thôn",
		Body: "HỘI ĐỒNG NHÂN DÂN TỈNH\nQUYẾT NGHỊ:\nĐiều 1. Nhiệm vụ, giải pháp\n" +
			"1. Rà soát quy hoạch vùng sản xuất lúa chất lượng cao gắn với tiêu thụ sản phẩm.\n" +
			"2. Hỗ trợ hợp tác xã đầu tư kho lạnh bảo quản nông sản sau thu hoạch.\n" +
			"1. Đầu tư nâng cấp các trạm cấp nước sạch tập trung tại các xã vùng khô hạn.\n" +
			"2. Kiểm tra chất lượng nước sinh hoạt tại các công trình cấp nước nông thôn.\n" +
			"Điều 2. Tổ chức thực hiện\nGiao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này."}
	twicePlan = &Document{ID: "kh2", Type: "Kế hoạch", Number: "40/KH-UBND", Published: "2026-05-10", Site: "tinh",
		Title: "Kế hoạch số 40/KH-UBND thực hiện Nghị quyết số 21/NQ-HĐND về nông nghiệp và nước sạch nông thôn",
		Body: "ỦY BAN NHÂN DÂN TỈNH\nI. MỤC ĐÍCH, YÊU CẦU\nTriển khai kịp thời Nghị quyết số 21/NQ-HĐND.\n" +
			"II. NHIỆM VỤ CỤ THỂ\n" +
			"1. Sở Nông nghiệp và Môi trường đầu tư nâng cấp các trạm cấp nước sạch tập trung tại các xã vùng khô hạn, hoàn thành năm 2027.\n" +
			"2. Sở Y tế kiểm tra chất lượng nước sinh hoạt tại các công trình cấp nước nông thôn hằng quý.\n"}
)

// TestTasksUpgradeFromStableID: a task table of tasksVersion 33 (fallback
// IDs "§n.…", i19-stableid) is stale when opened, and recomputed its
// links name the anchored fallback passages ("Đ1.1~2"), none with "§".
func TestTasksUpgradeFromStableID(t *testing.T) {
	if tasktable.Version <= 33 {
		t.Fatalf("tasksVersion %d: the anchored fallback IDs need a table newer than 33", tasktable.Version)
	}
	dir := t.TempDir()
	s, err := OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, twiceResolution, twicePlan)
	syncTasks(t, s)
	old := "33/" + strconv.Itoa(graph.Version)
	if err := s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put([]byte("tasks"), []byte(old)) }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, err := s.StaleTasks(); err != nil || n != 1 {
		t.Fatalf("a table stamped %s: %d stale (%v), want the plan", old, n, err)
	}
	syncTasks(t, s)
	pt, stale := tasksOf(t, s, "kh2")
	if pt == nil || stale {
		t.Fatalf("tasks of the plan after the upgrade: %v, stale %v", pt, stale)
	}
	var got []string
	for _, task := range pt.Tasks {
		for _, m := range task.Links {
			if strings.Contains(m.Passage, "§") {
				t.Errorf("task %s links to %q: an ID of the old scheme", task.ID, m.Passage)
			}
		}
		if len(task.Links) > 0 {
			got = append(got, task.ID+"→"+task.Links[0].Passage)
		}
	}
	if want := "II.1→Đ1.1~2 II.2→Đ1.2~2"; strings.Join(got, " ") != want {
		t.Errorf("best links %q, want %q", strings.Join(got, " "), want)
	}
}
