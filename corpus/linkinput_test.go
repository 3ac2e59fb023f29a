package corpus_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/link"
)

// TestLinkInput: the linker's input of each demo plan, linked with the
// default weights, is the plan's Links; its parents are the documents
// Links names, each with an outline that has passages; the weights given
// are the ones used; a parent gone is no longer one, and a plan gone or
// never stored has no input.
func TestLinkInput(t *testing.T) {
	s, ids := demoStore(t)
	for plan := range demoLinks {
		id := ids[plan]
		in, err := s.LinkInput(id)
		if err != nil {
			t.Fatal(err)
		}
		want, err := s.Links(id)
		if err != nil {
			t.Fatal(err)
		}
		if got := in.Link(link.DefaultParams(), nil); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: LinkInput linked with the defaults differs from Links:\n got %+v\nwant %+v", plan, got, want)
		}
		if in.Plan.ID != id || in.Plan.Number != plan {
			t.Errorf("%s: plan %s %q", plan, in.Plan.ID, in.Plan.Number)
		}
		if len(in.Parents) != len(want.Resolutions) || len(in.Outlines) != len(in.Parents) {
			t.Fatalf("%s: %d parents, %d outlines; Links names %d", plan, len(in.Parents), len(in.Outlines), len(want.Resolutions))
		}
		for k, d := range in.Parents {
			if d.ID != want.Resolutions[k].ID {
				t.Errorf("%s: parent %d is %s, Links names %s", plan, k, d.ID, want.Resolutions[k].ID)
			}
			if !in.Outlines[k].HasPassages() {
				t.Errorf("%s: parent %s has an outline without passages", plan, d.Number)
			}
		}
		p := link.DefaultParams()
		p.MaxMatches = 1
		linked := 0
		for _, it := range in.Link(p, nil).Items {
			if len(it.Matches) > 1 {
				t.Errorf("%s: item %s has %d matches with MaxMatches 1", plan, it.ID, len(it.Matches))
			}
			linked += len(it.Matches)
		}
		if linked == 0 {
			t.Errorf("%s: nothing linked with MaxMatches 1", plan)
		}
	}

	// 236/KH-UBND implements 154/NQ-CP; with the resolution gone it has
	// no parent left of it.
	if _, err := s.MarkGone(ids["154/NQ-CP"]); err != nil {
		t.Fatal(err)
	}
	in, err := s.LinkInput(ids["236/KH-UBND"])
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range in.Parents {
		if d.ID == ids["154/NQ-CP"] {
			t.Error("a gone parent is still in the linker's input")
		}
	}
	if _, err := s.MarkGone(ids["236/KH-UBND"]); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{ids["236/KH-UBND"], "no-such-id"} {
		if _, err := s.LinkInput(id); !errors.Is(err, corpus.ErrNotFound) {
			t.Errorf("LinkInput(%q): %v, want ErrNotFound", id, err)
		}
	}
}
