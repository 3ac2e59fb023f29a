package app

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/graph"
	"github.com/vanban/vanban/search"
	"github.com/vanban/vanban/tasks"
	bolt "go.etcd.io/bbolt"
)

// TestReadCommandsStaleGraph: every read command that reads the citation
// graph — refs, links, search (effects, the in-force filter), tasks and
// its CSV (parents, links) — on a data directory whose graph another
// version built reads it as it is (a read-only open rebuilds nothing), so
// what it prints can disagree with this binary and with the index; each
// says so on stderr the same way ("vanban NAME: warning: …", naming
// `vanban index`), once, and is quiet once a read-write open rebuilt the
// graph. Round 21 made `refs` warn (TestRefsStaleGraph, i27-rev-numkey);
// the others said nothing (i28-refs).
func TestReadCommandsStaleGraph(t *testing.T) {
	data := t.TempDir()
	plan := filepath.Join(t.TempDir(), "plan.jsonl")
	line := `{"_id": "kh0012", "number": "12/KH-UBND", "published": "2024-06-03", "title": "Kế hoạch số 12/KH-UBND thực hiện Quyết định số 100/QĐ-UBND về chuyển đổi số năm 2024", ` +
		`"text": "Thực hiện Quyết định số 100/QĐ-UBND ngày 20/5/2024 của Ủy ban nhân dân tỉnh về kế hoạch chuyển đổi số năm 2024, Ủy ban nhân dân huyện ban hành Kế hoạch như sau:\nI. NHIỆM VỤ\n1. Phòng Văn hóa và Thông tin chủ trì triển khai nhiệm vụ số 0 của kế hoạch chuyển đổi số trên địa bàn huyện.\n2. Ủy ban nhân dân các xã phối hợp triển khai nhiệm vụ số 0 của kế hoạch."}` + "\n"
	if err := os.WriteFile(plan, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{writeCorpus(t, 5), plan}}); err != nil {
		t.Fatalf("ingest: %v: %s", err, stderr)
	}
	commands := []struct {
		name string
		run  func() (string, error) // stderr
	}{
		{"refs", func() (string, error) {
			_, stderr, err := call(t, data, RunRefs, RefsOptions{Arg: "154/NQ-CP"})
			return stderr, err
		}},
		{"refs", func() (string, error) {
			_, stderr, err := call(t, data, RunRefs, RefsOptions{Arg: "25/SXD.QLN"})
			return stderr, err
		}},
		{"links", func() (string, error) {
			_, stderr, err := call(t, data, RunLinks, LinksOptions{Arg: "kh0012"})
			return stderr, err
		}},
		{"search", func() (string, error) {
			_, stderr, err := call(t, data, RunSearch, SearchOptions{Query: "chuyển đổi số", Limit: 3})
			return stderr, err
		}},
		{"search", func() (string, error) {
			_, stderr, err := call(t, data, RunSearch, SearchOptions{Query: "101/QĐ-UBND", Limit: 3, JSON: true, Filters: search.Filters{InForce: true}})
			return stderr, err
		}},
		{"tasks", func() (string, error) {
			_, stderr, err := call(t, data, RunTasks, TasksOptions{Filter: tasks.Filter{Limit: 10}})
			return stderr, err
		}},
		{"tasks", func() (string, error) {
			_, stderr, err := call(t, data, RunTasks, TasksOptions{CSV: true})
			return stderr, err
		}},
	}
	setGraphVersion(t, data, graph.Version-1)
	for _, c := range commands {
		stderr, err := c.run()
		want := "vanban " + c.name + ": warning: " + graphStaleRead + "\n"
		if err != nil || strings.Count(stderr, want) != 1 || !strings.Contains(stderr, "vanban index") {
			t.Errorf("%s on an older graph: %v; stderr %q, want the warning once:\n%s", c.name, err, stderr, want)
		}
	}
	s, err := corpus.OpenStore(data, false, time.Second) // rebuilds the graph
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, c := range commands {
		if stderr, err := c.run(); err != nil || strings.Contains(stderr, graphOther) {
			t.Errorf("%s after the rebuild: %v; stderr %q, want no warning", c.name, err, stderr)
		}
	}
}

// setGraphVersion writes v as the graph's version in the store's meta, as
// a binary of that graph.Version would have left it.
func setGraphVersion(t *testing.T, data string, v int) {
	t.Helper()
	db, err := bolt.Open(filepath.Join(data, "store.db"), 0o644, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("graph"), []byte(strconv.Itoa(v)))
	})
	if cerr := db.Close(); err != nil || cerr != nil {
		t.Fatal(err, cerr)
	}
}
