package corpus

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/graph"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func seqOf(t *testing.T, s *Store, id string) uint64 {
	t.Helper()
	d, err := s.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	return d.Seq
}

// TestEffectReplacedLater: a decision in force until a later one, crawled
// later, replaces it; the replaced one moves to a new sequence when the
// replacing one is stored and when it goes away (the store's Touch, which
// the graph calls), and Changes lists each once. The effects themselves
// are corpus/graph's TestEffectReplacedLater.
func TestEffectReplacedLater(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	a, b := *decisionA, *decisionB
	if _, err := s.Put(&a); err != nil {
		t.Fatal(err)
	}
	seqA := seqOf(t, s, a.ID)
	if _, err := s.Put(&b); err != nil {
		t.Fatal(err)
	}
	if got := seqOf(t, s, a.ID); got <= seqOf(t, s, b.ID) || got <= seqA {
		t.Errorf("replaced document keeps sequence %d (was %d, replacing one %d): an index would not read it again", got, seqA, seqOf(t, s, b.ID))
	}
	if e, err := s.Effect(context.Background(), "1579/qd-ubnd", day("2025-08-01")); err != nil || e.State != graph.StateEnded {
		t.Errorf("after the replacement: %+v, %v", e, err)
	}
	// the replacing page goes away
	seqA = seqOf(t, s, a.ID)
	if _, err := s.MarkGone(b.ID); err != nil {
		t.Fatal(err)
	}
	if seqOf(t, s, a.ID) <= seqA {
		t.Error("replaced document not moved to a new sequence when the replacing one went away")
	}
	// Changes lists the touched documents in sequence order, each once
	var ids []string
	if err := s.Changes(context.Background(), 0, func(d *Document) error { ids = append(ids, d.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if strings.Join(ids, ",") != "qd2150,qd1579" {
		t.Errorf("changes %v", ids)
	}
}
