package app

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/tasks"
)

// A parent resolution and a plan implementing it, written for this test
// (a topic of no data set: school libraries).
var taskSyncDocs = []map[string]string{
	{"_id": "nq-thu-vien", "number": "12/NQ-HĐND", "type": "Nghị quyết", "issuer": "HĐND tỉnh Hòa Bình", "published": "2024-03-01",
		"title": "Nghị quyết 12/NQ-HĐND về phát triển thư viện trường học giai đoạn 2024-2026",
		"text": "NGHỊ QUYẾT\nVề phát triển thư viện trường học\nQUYẾT NGHỊ:\nĐiều 1. Nhiệm vụ, giải pháp\n" +
			"1. Bổ sung sách giáo khoa, sách tham khảo cho thư viện các trường tiểu học vùng cao.\n" +
			"2. Xây dựng thư viện số dùng chung cho các trường trung học cơ sở trên địa bàn tỉnh.\n" +
			"3. Tập huấn nghiệp vụ thư viện cho giáo viên kiêm nhiệm công tác thư viện.\n"},
	{"_id": "kh-thu-vien", "number": "45/KH-UBND", "type": "Kế hoạch", "issuer": "UBND tỉnh Hòa Bình", "published": "2024-04-02",
		"title": "Kế hoạch 45/KH-UBND triển khai Nghị quyết số 12/NQ-HĐND về phát triển thư viện trường học",
		"text": "KẾ HOẠCH\nTriển khai Nghị quyết số 12/NQ-HĐND\nI. NHIỆM VỤ CỤ THỂ\n" +
			"1. Sở Giáo dục và Đào tạo chủ trì bổ sung sách tham khảo cho thư viện các trường tiểu học vùng cao, hoàn thành trong Quý III/2024.\n" +
			"2. Sở Thông tin và Truyền thông xây dựng thư viện số dùng chung cho các trường trung học cơ sở, hoàn thành Năm 2025.\n"},
}

// storedTasks reads the task table as a server does (the stored tasks,
// never computed on the fly): the number of tasks and of stale documents.
func storedTasks(t *testing.T, data string) (total, stale int) {
	t.Helper()
	store, err := corpus.OpenStore(data, true, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	table := tasks.New(store, tasks.Options{})
	if err := table.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	res, err := table.Query(context.Background(), tasks.Filter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	return res.Total, res.Stale
}

// TestIngestAndIndexStoreTasks: `vanban ingest` and `vanban index` (with
// and without --rebuild) leave the task table current, so a server or
// `vanban tasks` started afterwards reads stored tasks. Before, only
// serve, nightly and demo stored it: after ingest the plan's tasks were
// stale and a server showed none until its background sync.
func TestIngestAndIndexStoreTasks(t *testing.T) {
	data := t.TempDir()
	var b strings.Builder
	for _, d := range taskSyncDocs {
		line, _ := json.Marshal(d)
		b.Write(append(line, '\n'))
	}
	file := filepath.Join(t.TempDir(), "docs.jsonl")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{file}, BatchBytes: 1 << 20})
	if err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	if !strings.Contains(out, "tasks: 1 document recomputed, 1 with 2 tasks") {
		t.Errorf("ingest output %q: want the task sync's line", out)
	}
	if total, stale := storedTasks(t, data); total != 2 || stale != 0 {
		t.Fatalf("after ingest: %d stored tasks, %d stale documents; want 2 and 0", total, stale)
	}
	out, _, err = call(t, data, RunTasks, TasksOptions{Filter: tasks.Filter{Limit: 100}, JSON: true})
	if err != nil {
		t.Fatal(err)
	}
	var res tasks.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 || len(res.Tasks[0].Links) == 0 || res.Tasks[0].Links[0].Number != "12/NQ-HĐND" {
		t.Fatalf("tasks --json after ingest: %s", out)
	}

	// A plan written to the store by another path (a crawl) is stale
	// until index runs; index and index --rebuild store it.
	for _, rebuild := range []bool{false, true} {
		store, err := corpus.OpenStore(data, false, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		plan := &corpus.Document{ID: "kh-thu-vien-2", Number: "46/KH-UBND", Type: "Kế hoạch", Published: "2024-05-02",
			Title: "Kế hoạch 46/KH-UBND thực hiện Nghị quyết số 12/NQ-HĐND",
			Body:  "I. NHIỆM VỤ\n1. Phòng Giáo dục các huyện tập huấn nghiệp vụ thư viện cho giáo viên kiêm nhiệm.\n"}
		if rebuild {
			plan.ID, plan.Number = "kh-thu-vien-3", "47/KH-UBND"
		}
		if _, err := store.Put(plan); err != nil {
			t.Fatal(err)
		}
		store.Close()
		before, stale := storedTasks(t, data)
		if stale != 1 {
			t.Fatalf("a plan put in the store: %d stale documents, want 1", stale)
		}
		out, stderr, err := call(t, data, RunIndex, IndexOptions{Rebuild: rebuild})
		if err != nil {
			t.Fatalf("index (rebuild %v): %v %s", rebuild, err, stderr)
		}
		if !strings.Contains(out, "tasks: 1 document recomputed") {
			t.Errorf("index (rebuild %v) output %q: want the task sync's line", rebuild, out)
		}
		if total, stale := storedTasks(t, data); total != before+1 || stale != 0 {
			t.Errorf("after index (rebuild %v): %d stored tasks, %d stale; want %d and 0", rebuild, total, stale, before+1)
		}
	}
}
