package graph

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus/doctype"
)

// TestCitedByPage: a page of the documents citing a number is CitedBy's
// list cut at offset and limit, the total is its length, for the lookup
// key of any spelling of the number (the store's CitedByPage reads it
// with doctype.NumberKey); a page past the end is empty and still counted,
// an unknown number has none, and a cancelled ctx ends the read.
func TestCitedByPage(t *testing.T) {
	s := openTestDB(t)
	var docs []tdoc
	for i := range 300 {
		docs = append(docs, tdoc{ID: fmt.Sprintf("qd%03d", i), Number: fmt.Sprintf("%d/QĐ-UBND", 100+i),
			Title: fmt.Sprintf("Quyết định số %d/QĐ-UBND về chuyển đổi số", 100+i),
			Body:  "Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị;"})
	}
	docs = append(docs, tdoc{ID: "tin", Title: "Hội nghị quán triệt", Body: "Quán triệt Nghị quyết 57-NQ/TW."})
	s.put(docs...)
	s.gone("qd007")
	page := func(ctx context.Context, key string, offset, limit int) (ids []string, total int, err error) {
		s.view(func(g Graph) error {
			ids, total, err = g.CitedByPage(ctx, doctype.NumberKey(key), offset, limit)
			return nil
		})
		return ids, total, err
	}
	var all []string
	s.view(func(g Graph) error { all = g.CitedBy(doctype.NumberKey("57-NQ/TW")); return nil })
	if len(all) != 300 {
		t.Fatalf("CitedBy = %d IDs; want 300", len(all))
	}
	ctx := context.Background()
	for _, c := range []struct {
		key           string
		offset, limit int
	}{
		{"57-NQ/TW", 0, 100}, {"57-nq/tw", 100, 100}, {"57-NQ/TW", 250, 100}, {"57-NQ/TW", 299, 1},
		{"57-NQ/TW", 300, 100}, {"57-NQ/TW", math.MaxInt, 100}, {"57-NQ/TW", 0, 0}, {"57-NQ/TW", 0, math.MaxInt},
	} {
		ids, total, err := page(ctx, c.key, c.offset, c.limit)
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
	if ids, total, err := page(ctx, "99/NQ-CP", 0, 100); len(ids) != 0 || total != 0 || err != nil {
		t.Errorf("an uncited number: %v, %d, %v", ids, total, err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, _, err := page(cancelled, "57-NQ/TW", 0, 100); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v, want context.Canceled", err)
	}
}
