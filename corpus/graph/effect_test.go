package graph

import (
	"context"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus/cite"
)

func mustEffect(t *testing.T, s *testDB, key, at string) Effect {
	t.Helper()
	e, err := s.effect(context.Background(), key, day(at))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestEffectReplacedLater: a decision in force until a later one, crawled
// later, replaces it; the replaced one is touched (the store gives it a
// new sequence: corpus's TestEffectReplacedLater) when the replacing one
// is written and when it goes away, and only it.
func TestEffectReplacedLater(t *testing.T) {
	s := openTestDB(t)
	a, b := decisionA, decisionB
	s.put(a)
	e := mustEffect(t, s, "1579/QĐ-UBND", "2025-01-10")
	if e.State != StateInForce || e.Since != "2024-07-05" || e.Label != "Còn hiệu lực" {
		t.Fatalf("before the replacement: %+v", e)
	}
	if len(s.touched) != 0 {
		t.Errorf("writing %s touched %q", a.ID, s.touched)
	}
	s.put(b)
	if !slices.Equal(s.touched, []string{a.ID}) {
		t.Errorf("writing the replacing decision touched %q, want [%s]: an index would not read the replaced one again", s.touched, a.ID)
	}
	e = mustEffect(t, s, "1579/qd-ubnd", "2025-08-01")
	if e.State != StateEnded || e.Ended == nil || e.Ended.Kind != cite.Replaces || e.Ended.By != "2150/QĐ-UBND" ||
		e.Ended.Date != "2025-07-01" || len(e.Ended.ByDocs) != 1 || e.Ended.ByDocs[0] != b.ID {
		t.Fatalf("after the replacement: %+v", e)
	}
	if want := "Đã bị thay thế bởi 2150/QĐ-UBND từ 01/7/2025"; e.Label != want {
		t.Errorf("label %q, want %q", e.Label, want)
	}
	// before the replacing decision takes effect, the first is still in force
	if e := mustEffect(t, s, "1579/QĐ-UBND", "2025-06-25"); e.State != StateInForce || len(e.Changes) != 1 || !e.Changes[0].Pending ||
		e.Label != "Còn hiệu lực; sẽ bị thay thế bởi 2150/QĐ-UBND từ 01/7/2025" {
		t.Errorf("on 2025-06-25: %+v", e)
	}
	if e, _ := s.docEffect(context.Background(), b.ID, day("2025-08-01")); e.State != StateInForce || e.Since != "2025-07-01" {
		t.Errorf("replacing decision: %+v", e)
	}
	rel, err := s.relations("2150/QĐ-UBND")
	if err != nil {
		t.Fatal(err)
	}
	if len(rel.Out) != 1 || rel.Out[0].Kind != cite.Replaces || rel.Out[0].Key != "1579/QĐ-UBND" || len(rel.Out[0].Docs) != 1 ||
		rel.Out[0].Label != "Văn bản bị thay thế" {
		t.Errorf("Lược đồ of 2150: %+v", rel)
	}
	rel, _ = s.relations("1579/QĐ-UBND")
	if len(rel.In) != 1 || rel.In[0].Key != "2150/QĐ-UBND" || rel.In[0].Label != "Văn bản thay thế" || len(rel.Out) != 1 || rel.Out[0].Kind != cite.BasedOn {
		t.Errorf("Lược đồ of 1579: %+v", rel)
	}
	// the replacing page goes away: the first is in force again
	s.touched = nil
	s.gone(b.ID)
	if e := mustEffect(t, s, "1579/QĐ-UBND", "2025-08-01"); e.State != StateInForce {
		t.Errorf("after the replacing page went away: %+v", e)
	}
	if !slices.Equal(s.touched, []string{a.ID}) {
		t.Errorf("the replacing page gone touched %q, want [%s]", s.touched, a.ID)
	}
}

// TestEffectOrderIndependent: the replacing decision stored first.
func TestEffectOrderIndependent(t *testing.T) {
	s := openTestDB(t)
	s.put(decisionB)
	s.put(decisionA)
	if e := mustEffect(t, s, "1579/QĐ-UBND", "2025-08-01"); e.State != StateEnded {
		t.Errorf("%+v", e)
	}
}

// TestEffectStates covers each state, from texts written for the test.
func TestEffectStates(t *testing.T) {
	s := openTestDB(t)
	for _, d := range stateDocs {
		s.put(d)
	}
	for _, c := range []struct {
		key, at string
		state   State
		label   string
	}{
		{"10/2023/QĐ-UBND", "2024-06-01", StatePartly, "Hết hiệu lực một phần"},
		{"10/2023/QĐ-UBND", "2024-05-01", StateInForce, "Còn hiệu lực"},
		{"20/2022/QĐ-UBND", "2024-06-01", StateInForce, "Còn hiệu lực; sẽ hết hiệu lực từ 31/12/2024"},
		{"20/2022/QĐ-UBND", "2025-01-01", StateEnded, "Hết hiệu lực từ 31/12/2024"},
		{"30/2026/QĐ-UBND", "2026-02-01", StateNotYet, "Chưa có hiệu lực (có hiệu lực từ 01/3/2026)"},
		{"41/2025/QĐ-UBND", "2025-05-01", StateSuspended, "Bị đình chỉ bởi 40/2025/QĐ-UBND từ 05/4/2025"},
		{"50/2025/KH-UBND", "2025-05-01", StateUnknown, "Không có thông tin về hiệu lực"},                                                                               // no statement of its effect
		{"47/2020/NĐ-CP", "2025-05-01", StateUnknown, "Không có thông tin về hiệu lực"},                                                                                 // only cited
		{"31/2024/QH15", "2025-05-01", StateUnknown, "Không có thông tin về hiệu lực; được sửa đổi, bổ sung bởi 43/2024/QH15; được dẫn làm căn cứ tại 50/2025/KH-UBND"}, // only amended: nothing says it has effect (i20-effect); the plan citing it as căn cứ gives no date (i21-rel)
		{"43/2024/QH15", "2025-05-01", StateUnknown, "Không có thông tin về hiệu lực; được dẫn làm căn cứ tại 50/2025/KH-UBND"},                                         // the amending law: no date stated; the plan cites it as căn cứ beside the law it amends (i22-reltasks: Ref.Ground)
		{"99/2030/QĐ-UBND", "2025-05-01", StateUnknown, "Không có thông tin về hiệu lực"},                                                                               // unknown number
	} {
		e := mustEffect(t, s, c.key, c.at)
		if e.State != c.state || e.Label != c.label {
			t.Errorf("%s on %s: %s %q, want %s %q (%+v)", c.key, c.at, e.State, e.Label, c.state, c.label, e)
		}
	}
	e := mustEffect(t, s, "10/2023/QĐ-UBND", "2024-06-01")
	if len(e.Changes) != 1 || e.Changes[0].Part != "Điều 5" || e.Changes[0].Kind != cite.Repeals || e.Changes[0].Date != "2024-05-15" {
		t.Errorf("partial repeal: %+v", e.Changes)
	}
	if e, _ := s.docEffect(context.Background(), "f", day("2025-05-01")); e.State != StateUnknown || e.Key != "#f" {
		t.Errorf("news article: %+v", e)
	}
}

// TestDocEdges checks the edges a text gives: one per relation, the part
// from the target's side and the date from the actor's. The text is
// read as a văn bản's (corpus read it as a Công văn's, without its
// number: a news page states no relation, corpus's report.go).
func TestDocEdges(t *testing.T) {
	d := tdoc{ID: "n", Published: "2025-01-02", Title: "Ghi chú",
		Body: "Điều 13 Nghị định số 152/2020/NĐ-CP, có hiệu lực thi hành kể từ ngày 15/02/2021, có nội dung được sửa đổi bởi Điều 1 Nghị định số 70/2023/NĐ-CP có hiệu lực thi hành kể từ ngày 18/09/2023"}
	g := d.entry()
	if len(g.Edges) != 1 {
		t.Fatalf("edges %+v", g.Edges)
	}
	e := g.Edges[0]
	if e.Kind != cite.Amends || e.From != "70/2023/nd-cp" || e.To != "152/2020/nd-cp" || e.Part != "Điều 13" || e.Effective != "2023-09-18" || e.Doc != "n" {
		t.Errorf("edge %+v", e)
	}
}

// TestEffectSpan: the span an index keeps agrees with the state at every
// time.
func TestEffectSpan(t *testing.T) {
	s := openTestDB(t)
	a := decisionA
	s.put(a)
	s.put(decisionB)
	sp, err := s.span(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sp != (Span{From: "2024-07-05", Until: "2025-07-01", Known: true}) {
		t.Errorf("span %+v", sp)
	}
	for _, at := range []string{"2024-01-01", "2024-07-05", "2025-06-30", "2025-07-01", "2026-01-01"} {
		in := sp.Known && sp.From <= at && (sp.Until == "" || at < sp.Until)
		if e := mustEffect(t, s, a.Number, at); e.State.InForce() != in {
			t.Errorf("on %s: span says in force %v, state %s", at, in, e.State)
		}
	}
	news := tdoc{ID: "tin", Title: "Tin tức", Body: "Hội nghị."}
	s.put(news)
	if sp, _ := s.span(news.ID); sp.Known {
		t.Errorf("news article has a span: %+v", sp)
	}
}
