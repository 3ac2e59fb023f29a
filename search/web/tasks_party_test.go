package web

import (
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestTasksParty (i31-party): the task table of the written Tỉnh ủy plan
// (corpus/testdata/party, 45-KH/TU): its lettered points "a- ", "b- " are
// tasks of their own, the Party's agencies fill the agency cell, the
// deadlines are read, and its "* Ghi chú: Kế hoạch này phổ biến đến chi
// bộ." is no task.
func TestTasksParty(t *testing.T) {
	docs, err := corpus.ReadJSONLFile("../../corpus/testdata/party/docs.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	_, store := pageService(t, docs)
	pt, _, err := store.Tasks(docID(t, store, "45-KH/TU"))
	if err != nil || pt == nil {
		t.Fatalf("tasks of 45-KH/TU: %v, %v", pt, err)
	}
	want := map[string]struct{ agency, kind, date string }{
		"II.1.a":  {"", "date", "2031-03-31"}, // "trong quý I năm 2031"
		"II.1.b":  {"", "", ""},
		"II.3.a":  {"", "date", "2032-12-31"},
		"II.3.b":  {"", "", ""},
		"II.4.¶1": {"", "recurring", ""}, // "hằng năm"
		"III.1":   {"Ban Tuyên giáo và Dân vận Tỉnh ủy", "", ""},
		"III.2":   {"Đảng ủy Ủy ban nhân dân tỉnh", "recurring", ""}, // "trước ngày 15/12 hằng năm"
		"III.3":   {"Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", "date", "2031-03-31"},
		"III.4":   {"Ủy ban Kiểm tra Tỉnh ủy", "recurring", ""},
		"III.5":   {"Văn phòng Tỉnh ủy", "", ""},
	}
	got := map[string]bool{}
	for _, task := range pt.Tasks {
		got[task.ID] = true
		if task.ID == "III.¶1" || task.ID == "II.1" || task.ID == "II.3" {
			t.Errorf("task %s %q: a heading or the dissemination line is no task", task.ID, task.Text)
		}
		w, ok := want[task.ID]
		if !ok {
			continue
		}
		if task.Agency != w.agency || string(task.Deadline.Kind) != w.kind || task.Deadline.Date != w.date {
			t.Errorf("task %s: agency %q deadline %s %s, want %q %s %s", task.ID, task.Agency, task.Deadline.Kind, task.Deadline.Date, w.agency, w.kind, w.date)
		}
	}
	for id := range want {
		if !got[id] {
			t.Errorf("no task %s", id)
		}
	}
}
