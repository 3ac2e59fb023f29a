package search

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/tasks"
)

// TestTaskNumbersOneSnapshot: the two document fields of a task filter
// (parent and plan, each a bare number) are read on one snapshot: a
// document written to the index between the two readings (the hook
// Searcher.between) does not make the second name two documents. Before,
// each reading searched the newest snapshot: the plan's "45" named
// 45/KH-UBND and the 45/QĐ-UBND written meanwhile, and the filter failed.
func TestTaskNumbersOneSnapshot(t *testing.T) {
	ctx := context.Background()
	docs := []*corpus.Document{
		{ID: "qd2530", Title: "Quyết định số 2530/QĐ-TTg", Number: "2530/QĐ-TTg", Type: "Quyết định", Published: "2025-11-20", Body: "Phê duyệt chương trình."},
		{ID: "kh45", Title: "Kế hoạch số 45/KH-UBND", Number: "45/KH-UBND", Type: "Kế hoạch", Published: "2025-12-02", Body: "Thực hiện Quyết định số 2530/QĐ-TTg."},
	}
	late := &corpus.Document{ID: "qd45", Title: "Quyết định số 45/QĐ-UBND", Number: "45/QĐ-UBND", Type: "Quyết định", Published: "2025-12-05", Body: "Thành lập tổ công tác."}
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Add(ctx, docs); err != nil {
		t.Fatal(err)
	}
	stored := docTexts(append(docs, late))
	number := func(id string) (string, error) { return stored[id].Number, nil }
	written := false
	s := New(ix.Bleve(), WithPassHook(func(pass string) {
		if pass == "snapshot" && !written {
			written = true
			if err := ix.Add(ctx, []*corpus.Document{late}); err != nil {
				t.Error(err)
			}
		}
	}))
	sn, err := s.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	f := tasks.Filter{Parent: "2530", Plan: "45"}
	notes, err := ReadTaskNumbers(ctx, sn, &f, number)
	sn.Close()
	if err != nil {
		t.Fatalf("read on one snapshot: %v", err)
	}
	if !written {
		t.Fatal("the hook never ran")
	}
	if f.Parent != "2530/QĐ-TTg" || f.Plan != "45/KH-UBND" || len(notes) != 2 {
		t.Errorf("parent %q plan %q notes %q", f.Parent, f.Plan, notes)
	}
	// the next request reads the new snapshot: "45" names two documents
	sn, err = s.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	defer sn.Close()
	nums, err := NumbersNamed(ctx, sn, "45", number)
	if err != nil || len(nums) != 2 {
		t.Errorf("after the write: %q %v, want 45/KH-UBND and 45/QĐ-UBND", nums, err)
	}
}
