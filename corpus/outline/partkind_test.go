package outline

import "testing"

// TestPartKindRank: the kind of a part heading's ID and its rank, both read
// from partWords (i19-review: they were a second list of the kinds).
func TestPartKindRank(t *testing.T) {
	for _, c := range []struct {
		id, kind string
		rank     int
	}{
		{"P2", "P", 1}, {"ChII", "Ch", 2}, {"M3", "M", 3}, {"Đ9", "", 0}, {"", "", 0},
	} {
		if k := partKind(c.id); k != c.kind {
			t.Errorf("partKind(%q) = %q, want %q", c.id, k, c.kind)
		}
		if r := partRank(partKind(c.id)); r != c.rank {
			t.Errorf("partRank(partKind(%q)) = %d, want %d", c.id, r, c.rank)
		}
	}
	for _, id := range []string{"P1", "ChI", "M1"} {
		h, _, ok := partHeading(map[string]string{"P1": "Phần I", "ChI": "Chương I", "M1": "Mục 1"}[id])
		if !ok || partKind(h) != partKind(id) {
			t.Errorf("partHeading gives %q (%v), not of kind %q", h, ok, partKind(id))
		}
	}
}
