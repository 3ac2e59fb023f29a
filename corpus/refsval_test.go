package corpus

import (
	"errors"
	"reflect"
	"testing"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/graph"
)

// refsCases are the values TestRefsValueTrained encodes (corpus/graph's
// round-trip tests encode the same with a codec without dictionary).
func refsCases() map[string]graph.Entry {
	cases := map[string]graph.Entry{"empty": {}, "number only": {Number: "45/2023/qđ-ubnd"}}
	for _, d := range append(graphDocs, refsCiting(3), refsCiting(40)) {
		cases[d.ID] = docGraph(d)
	}
	odd := docGraph(refsCiting(5))
	odd.Refs[0].Relation = "consolidates" // a relation a later parser may add
	odd.Refs[0].Year = 1 << 30
	odd.Edges[0].Doc = "another-doc"
	odd.Edges[1].Kind = ""
	cases["odd"] = odd
	return cases
}

// sameRefs compares two values as stored: an empty slice equal to none,
// without the references' offsets (neither form keeps them).
func sameRefs(a, b graph.Entry) bool {
	for _, v := range []*graph.Entry{&a, &b} {
		v.Refs = append([]cite.Ref(nil), v.Refs...)
		for i := range v.Refs {
			v.Refs[i].Start, v.Refs[i].End = 0, 0
		}
		if len(v.Refs) == 0 {
			v.Refs = nil
		}
		if len(v.Edges) == 0 {
			v.Edges = nil
		}
	}
	return reflect.DeepEqual(a, b)
}

// TestRefsValueTrained: with a store's trained dictionary the values
// round-trip, and one naming a dictionary the codec does not hold is
// refused as damaged, saying which.
func TestRefsValueTrained(t *testing.T) {
	c := trainedCodec(t, genDocs(5, 300))
	for name, v := range refsCases() {
		raw := graph.Encode(c, &v, "qd-long")
		got, err := graph.Decode(c, raw, "qd-long")
		if err != nil || !sameRefs(got, v) {
			t.Errorf("%s: round trip with the trained dictionary differs (%v)", name, err)
		}
	}
	long := docGraph(refsCiting(40))
	raw := graph.Encode(c, &long, "qd-long")
	if !graph.Compressed(raw) {
		t.Fatalf("long value not compressed: tag %d", raw[0])
	}
	_, err := graph.Decode(baseCodec(), raw, "qd-long")
	if !errors.Is(err, graph.ErrRefsValue) || !errors.Is(err, errNoDict) {
		t.Errorf("value of a missing dictionary: %v, want graph.ErrRefsValue and errNoDict", err)
	}
}
