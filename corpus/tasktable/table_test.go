package tasktable

import (
	"reflect"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/vanban/vanban/corpus/internal/taskdocs"
	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/corpus/outline"
)

func taskByID(pt *PlanTasks, id string) *Task {
	for i := range pt.Tasks {
		if pt.Tasks[i].ID == id {
			return &pt.Tasks[i]
		}
	}
	return nil
}

// TestComputeFields: the agency, co-agencies, deadline and parent passage
// Compute reads of each task of a plan, from its table's columns and from
// agency-headed bullets.
func TestComputeFields(t *testing.T) {
	nq, kh := resolutionDoc(), planDoc()
	pt := Compute(kh.plan, []link.Doc{nq.plan.Doc}, make([]*outline.Outline, 1), nil)
	if pt == nil {
		t.Fatal("the plan has no tasks")
	}
	if len(pt.Parents) != 1 || pt.Parents[0].ID != "nq" || pt.Plan.Site != "tinh" || pt.Plan.URL == "" || pt.Plan.Published != "2024-05-10" {
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
		if got != tt.Passage && tt.Passage != "*" { // *: the linker's choice, not the table's (corpus/link)
			t.Errorf("task %s links to %q, want %q", tt.ID, got, tt.Passage)
		}
	}
	if taskByID(pt, "III.1") != nil {
		t.Error("the agency heading III.1 is listed as a task")
	}
	if tk := taskByID(pt, "III.1.•1"); tk == nil || !strings.Contains(tk.Context, "Sở Tài nguyên và Môi trường") {
		t.Errorf("context of III.1.•1 = %+v", tk)
	}
	// Without its parent the plan keeps its tasks, unlinked.
	if pt := Compute(kh.plan, nil, nil, nil); pt == nil || len(pt.Parents) != 0 || len(pt.Tasks[0].Links) != 0 {
		t.Errorf("a plan without its resolution: %+v", pt)
	}
	// A document with no task item has none.
	notice := Plan{Doc: link.Doc{ID: "tb", Type: "Thông báo", Title: "Thông báo lịch tiếp công dân",
		Body: "ỦY BAN NHÂN DÂN TỈNH\nLãnh đạo tỉnh tiếp công dân định kỳ vào ngày 15 hằng tháng tại Trụ sở tiếp công dân tỉnh."}}
	if pt := Compute(notice, nil, nil, nil); pt != nil {
		t.Errorf("a notice has tasks: %+v", pt)
	}
}

// TestAgencyText: the agency a task's text starts with, and the partners
// it names after "phối hợp". Examples written for the test, not from the
// demo or the dev sets.
func TestAgencyText(t *testing.T) {
	tests := []struct{ text, agency, partners string }{
		{"Sở Y tế chủ trì, phối hợp với UBND các xã, phường triển khai tiêm chủng.", "Sở Y tế", "UBND các xã, phường"},
		{"Bộ Chỉ huy Quân sự tỉnh tổ chức diễn tập phòng thủ.", "Bộ Chỉ huy Quân sự tỉnh", ""},
		{"Mặt trận Tổ quốc Việt Nam tiếp nhận ý kiến của nhân dân.", "Mặt trận Tổ quốc Việt Nam", ""},
		{"Công an tỉnh phối hợp cùng Sở Tài chính kiểm tra kinh phí phòng cháy.", "Công an tỉnh", "Sở Tài chính"},
		{"Rà soát, bổ sung quy hoạch vùng nguyên liệu.", "", ""},
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
		if got := partnersIn(tt.text); got != tt.partners {
			t.Errorf("partnersIn(%q) = %q, want %q", tt.text, got, tt.partners)
		}
	}
}

// TestTableFormat: tasks stored and read back (Get, At, States, the log's
// head and keys), replaced by fewer, and removed.
func TestTableFormat(t *testing.T) {
	db := openTable(t)
	nq, kh := resolutionDoc(), planDoc()
	want := Compute(kh.plan, []link.Doc{nq.plan.Doc}, make([]*outline.Outline, 1), nil)
	if err := db.DB.Update(func(tx *bolt.Tx) error { return put(tx, "kh", want) }); err != nil {
		t.Fatal(err)
	}
	got, stale := db.get("kh")
	if stale || !reflect.DeepEqual(got, want) {
		t.Fatalf("stored tasks read back differ (stale %v):\n%+v\nwant\n%+v", stale, got, want)
	}
	n := len(want.Tasks)
	db.view(func(tx *bolt.Tx) error {
		at, err := At(tx, []TaskRef{{"kh", n - 1}, {"kh", n}, {"nq", 0}, {"kh", 0}})
		if err != nil {
			return err
		}
		if at[0] == nil || !reflect.DeepEqual(*at[0], want.Tasks[n-1]) || at[1] != nil || at[2] != nil || at[3] == nil || at[3].ID != want.Tasks[0].ID {
			t.Errorf("At = %+v", at)
		}
		out := make([]State, 2)
		States(tx, []string{"kh", "nq"}, out)
		if !out[0].Current || out[0].Header == nil || !reflect.DeepEqual(out[0].Header.Keys, want.Keys()) || out[0].Header.Plan != want.Plan {
			t.Errorf("state of kh = %+v", out[0])
		}
		if !out[1].Current || out[1].Header != nil {
			t.Errorf("state of nq (no tasks, not stale) = %+v", out[1])
		}
		return nil
	})
	// Fewer tasks: the rows past them go.
	fewer := *want
	fewer.Tasks = want.Tasks[:2]
	if err := db.DB.Update(func(tx *bolt.Tx) error { return put(tx, "kh", &fewer) }); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.get("kh"); len(got.Tasks) != 2 || !reflect.DeepEqual(got.Tasks, fewer.Tasks) {
		t.Errorf("after fewer: %+v", got)
	}
	db.mark("kh")
	db.view(func(tx *bolt.Tx) error {
		out := make([]State, 1)
		States(tx, []string{"kh"}, out)
		if out[0].Current || out[0].Header != nil {
			t.Errorf("state of a stale document = %+v", out[0])
		}
		return nil
	})
	if err := db.DB.Update(func(tx *bolt.Tx) error { return put(tx, "kh", nil) }); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.get("kh"); got != nil {
		t.Errorf("removed tasks read %+v", got)
	}
	db.view(func(tx *bolt.Tx) error {
		if k, _ := tx.Bucket(bucketTaskRows).Cursor().First(); k != nil {
			t.Errorf("a row is left: %q", k)
		}
		return nil
	})
}
