package graph

import (
	"testing"

	"github.com/vanban/vanban/corpus/cite"
)

// groundEntry is a căn cứ clause's two laws as graph.EntryOf keeps them:
// the law (based_on) and the law amending it (amends, by, partial; Ground
// when the text cites it as a ground too, flag bit 4 of the refs value).
func groundEntry(ground bool) Entry {
	return Entry{Number: "12/2026/nđ-cp", Refs: []cite.Ref{
		{Text: "Luật Đất đai số 31/2024/QH15", Type: "Luật", Key: "31/2024/QH15", Number: "31", Year: 2024, Relation: cite.BasedOn},
		{Text: "Luật số 43/2024/QH15", Type: "Luật", Key: "43/2024/QH15", Number: "43", Year: 2024, Relation: cite.Amends, By: true, Partial: true, Ground: ground, Other: "31/2024/QH15"},
	}}
}

// oldGroundValue is groundEntry(false) as 9c8b391's Encode wrote it
// (graph.Version 15, before Ref.Ground: flag bits 1 and 2 only),
// compressed as stored.
const oldGroundValue = "\x02(\xb5/\xfd$\xa2m\x03\x00T\x05\x0e12/2026/nđ-cp\x00\x00\x00\x02$Luật Đất đai số 31/2024/QH15\x06\f\x0231\xe8\x0f\x00\x00\x00\x02\x00\x00\x00\x00\x00\x18434343\x05\x03\x00\x00\x00\x00\b\x00U8\f.\x06\x06\x06\x1e\xbd\x1aAQC\xbd\xc9E\xa2AA\x01;.\xd2\x1e"

// TestRefsValueGround: Ground survives the refs value beside By and
// Partial (each flag alone and together), and a value written before the
// flag existed reads as it did, Ground false.
func TestRefsValueGround(t *testing.T) {
	c := newTestCodec(t)
	for _, ground := range []bool{false, true} {
		v := groundEntry(ground)
		for _, by := range []bool{false, true} {
			for _, partial := range []bool{false, true} {
				v.Refs[1].By, v.Refs[1].Partial = by, partial
				got, err := Decode(c, Encode(c, &v, "x"), "x")
				if err != nil {
					t.Fatal(err)
				}
				if !sameRefs(got, v) {
					t.Errorf("ground %v by %v partial %v: round trip gives %+v", ground, by, partial, got.Refs[1])
				}
			}
		}
	}
	got, err := Decode(c, []byte(oldGroundValue), "x")
	if err != nil {
		t.Fatalf("a value of graph version 15: %v", err)
	}
	if want := groundEntry(false); !sameRefs(got, want) {
		t.Errorf("a value of graph version 15 reads\n %+v\nwant\n %+v", got.Refs, want.Refs)
	}
}
