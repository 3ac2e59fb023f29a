package corpus

import (
	"cmp"
	"slices"
	"strings"
	"testing"
)

// TestSalvageOrderOnDisk: keepAsStored renumbers the copied records in
// the order the order file holds (old sequence, then ID), read back a
// batch at a time, and a key a damaged tree held twice is renumbered once,
// at its first place: twice at one sequence (one entry), at two
// sequences in one batch, and at two sequences batches apart (the second
// found by the sequence the first was given).
func TestSalvageOrderOnDisk(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	docs := genDocs(43, 2*salvageBatch+200)
	if _, err := s.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	slices.Sort(ids)
	var entries []storedAs
	for i, id := range ids { // the IDs' reverse order
		entries = append(entries, storedAs{id: id, seq: uint64(2 * (len(ids) - i))})
	}
	n := len(entries) // the last entries have the lowest sequences: renumbered first
	first, second, third := entries[n-1], entries[n-2], entries[n-3]
	dups := []storedAs{
		{id: first.id, seq: uint64(2*len(ids) + 5)}, // last, batches after its first place
		second,                             // again at its sequence
		{id: third.id, seq: third.seq + 1}, // next to it, in its batch
	}
	order, err := openSalvageOrder(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer order.close()
	for _, part := range [][]storedAs{entries[:700], dups, entries[700:]} {
		if err := order.add(part); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.keepAsStored("", order, len(entries)+len(dups), newPass(t.Context(), nil)); err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(entries, func(a, b storedAs) int { return cmp.Compare(a.seq, b.seq) })
	var want, got []string
	for _, e := range entries {
		want = append(want, e.id)
	}
	var prev uint64
	err = s.Changes(t.Context(), 0, func(d *Document) error {
		if d.Seq <= prev {
			t.Errorf("%s at sequence %d after %d", d.ID, d.Seq, prev)
		}
		prev = d.Seq
		got = append(got, d.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("renumbered order differs: %d records, want %d; first %s, want %s", len(got), len(want), strings.Join(got[:min(3, len(got))], " "), strings.Join(want[:3], " "))
	}
}
