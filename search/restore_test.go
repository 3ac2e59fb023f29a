package search

import (
	"testing"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/corpus/viet"
)

func TestRestore(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an on-disk index")
	}
	ix := rankingIndex(t)
	defer ix.Close()
	r := snapshot(t, ix.Bleve())
	defer r.Close()
	st := newStats(r)
	tests := []struct{ in, want string }{
		{"phong chong ma tuy", "phòng chống ma túy"},
		{"ma so thue", "mã số thuế"},
		{"di doi mo ma", "di dời mồ mả"},
		{"gieo ma lua ma", "gieo mạ lúa má"},
		{"hoa giai o co so", "hòa giải ở cơ sở"},
		{"thoi han khieu nai", "thời hạn khiếu nại"},
		{"Uy ban nhan dan, tinh", "ủy ban nhân dân. tỉnh"},
		{"phòng chống ma tuy", ""}, // accents typed: nothing to restore
		{"2024", ""},
	}
	for _, tt := range tests {
		if got := restore(tt.in, st); got != tt.want {
			t.Errorf("restore(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := restore("ma so", nil); got != "" {
		t.Errorf("restore without statistics = %q, want \"\"", got)
	}
}

// TestRestorePrefetch checks that asking the dictionary questions of a
// query in one batched walk restores exactly what one walk per question
// does, and what bleve's regular-expression walks do.
func TestRestorePrefetch(t *testing.T) {
	ix := scaleIndex(t, 400)
	r := snapshot(t, ix.Bleve())
	defer r.Close()
	n, restored := 0, 0
	for _, q := range topOnlyQueries(t) {
		q = viet.Fold(q)
		one := newStats(r)
		one.noPrefetch = true
		want := restore(q, one)
		got := restore(q, newStats(r))
		if got != want {
			t.Errorf("restore(%q) = %q with prefetch, %q without", q, got, want)
		}
		// the regular expressions' walks (a reader that is not a scorch
		// snapshot) restore the same as the automaton's
		re := newStats(r)
		re.pst = nil
		if got := restore(q, re); got != want {
			t.Errorf("restore(%q) = %q with regexp walks, %q with the automaton", q, got, want)
		}
		n++
		if want != "" {
			restored++
		}
	}
	if restored < n/2 {
		t.Errorf("only %d of %d queries restored: the comparison says little", restored, n)
	}
}

// snapshot is a reader of idx's current snapshot; the caller closes it
// (before the index).
func snapshot(t *testing.T, idx bleve.Index) index.IndexReader {
	t.Helper()
	adv, err := idx.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	return r
}
