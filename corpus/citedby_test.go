package corpus

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"
)

// TestCitedByPage: a page of the documents citing a number is CitedBy's
// list cut at offset and limit, the total is its length, in any spelling
// of the number; a page past the end is empty and still counted, an
// unknown number has none, and a cancelled ctx ends the read.
func TestCitedByPage(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	var docs []*Document
	for i := range 300 {
		docs = append(docs, &Document{ID: fmt.Sprintf("qd%03d", i), Type: "Quyết định", Number: fmt.Sprintf("%d/QĐ-UBND", 100+i),
			Title: fmt.Sprintf("Quyết định số %d/QĐ-UBND về chuyển đổi số", 100+i),
			Body:  "Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị;"})
	}
	docs = append(docs, &Document{ID: "tin", Type: "Tin tức", Title: "Hội nghị quán triệt", Body: "Quán triệt Nghị quyết 57-NQ/TW."})
	if _, err := s.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MarkGone("qd007"); err != nil {
		t.Fatal(err)
	}
	all, err := s.CitedBy("57-NQ/TW")
	if err != nil || len(all) != 300 {
		t.Fatalf("CitedBy = %d IDs, %v; want 300", len(all), err)
	}
	ctx := context.Background()
	for _, c := range []struct {
		key           string
		offset, limit int
	}{
		{"57-NQ/TW", 0, 100}, {"57-nq/tw", 100, 100}, {"57-NQ/TW", 250, 100}, {"57-NQ/TW", 299, 1},
		{"57-NQ/TW", 300, 100}, {"57-NQ/TW", math.MaxInt, 100}, {"57-NQ/TW", 0, 0}, {"57-NQ/TW", 0, math.MaxInt},
	} {
		ids, total, err := s.CitedByPage(ctx, c.key, c.offset, c.limit)
		if err != nil {
			t.Fatal(err)
		}
		from := min(c.offset, len(all))
		want := all[from : from+min(c.limit, len(all)-from)]
		if total != len(all) || !slices.Equal(ids, want) {
			t.Errorf("CitedByPage(%s, %d, %d) = %d IDs (%.3v…) of %d, want %d (%.3v…) of %d",
				c.key, c.offset, c.limit, len(ids), ids, total, len(want), want, len(all))
		}
	}
	if ids, total, err := s.CitedByPage(ctx, "99/NQ-CP", 0, 100); len(ids) != 0 || total != 0 || err != nil {
		t.Errorf("an uncited number: %v, %d, %v", ids, total, err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, _, err := s.CitedByPage(cancelled, "57-NQ/TW", 0, 100); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v, want context.Canceled", err)
	}
}
