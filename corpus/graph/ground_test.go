package graph

import (
	"testing"

	"github.com/vanban/vanban/corpus/cite"
)

// TestGroundEdges: a text citing as grounds a law and the law amending it
// ("Căn cứ Luật A được sửa đổi, bổ sung bởi Luật số B") is based on both,
// and B amends A; an amending law cited by its change title amends the
// laws it names (an edge to the names) and is a ground of the text. A
// plan written for the test.
func TestGroundEdges(t *testing.T) {
	body := "Căn cứ Luật Trồng trọt số 31/2018/QH14 được sửa đổi, bổ sung bởi Luật số 61/2028/QH15;\n" +
		"Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đê điều, Luật Thủy lợi số 52/2029/QH15;\n"
	pd := cite.ParseDoc(body, cite.Self{Number: "12/2030/KH-UBND"})
	e := EntryOf(Doc{ID: "p1", Number: "12/2030/KH-UBND", Published: "2030-01-05"}, pd)
	type edge struct {
		kind     cite.Relation
		from, to string
	}
	want := []edge{
		{cite.BasedOn, "12/2030/kh-ubnd", "31/2018/qh14"},
		{cite.BasedOn, "12/2030/kh-ubnd", "61/2028/qh15"},
		{cite.Amends, "61/2028/qh15", "31/2018/qh14"},
		{cite.BasedOn, "12/2030/kh-ubnd", "52/2029/qh15"},
		{cite.Amends, "52/2029/qh15", ""},
	}
	for _, w := range want {
		found := false
		for _, g := range e.Edges {
			if g.Kind == w.kind && g.From == w.from && g.To == w.to {
				found = true
			}
		}
		if !found {
			t.Errorf("no edge %s %s → %q in %+v", w.kind, w.from, w.to, e.Edges)
		}
	}
}
