package corpus

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/graph"
)

// Documents of a fictional province, written for these tests.
var (
	decisionA = &Document{ID: "qd1579", URL: "https://phuan.example/1579", Type: "Quyết định", Number: "1579/QĐ-UBND", Published: "2024-07-05",
		Title: "Quyết định số 1579/QĐ-UBND ngày 05 tháng 7 năm 2024 phê duyệt Đề án hạ tầng dữ liệu",
		Body:  "Căn cứ Nghị định số 47/2020/NĐ-CP của Chính phủ;\nĐiều 1. Phê duyệt Đề án.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký."}
	decisionB = &Document{ID: "qd2150", URL: "https://phuan.example/2150", Type: "Quyết định", Number: "2150/QĐ-UBND", Published: "2025-06-20",
		Title: "Quyết định số 2150/QĐ-UBND ngày 20 tháng 6 năm 2025 phê duyệt Đề án hạ tầng dữ liệu (thay thế)",
		Body:  "Điều 3. Quyết định này có hiệu lực kể từ ngày 01 tháng 7 năm 2025 và thay thế Quyết định số 1579/QĐ-UBND ngày 05 tháng 7 năm 2024 của UBND tỉnh."}
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func mustEffect(t *testing.T, s *Store, key, at string) graph.Effect {
	t.Helper()
	e, err := s.Effect(context.Background(), key, day(at))
	if err != nil {
		t.Fatal(err)
	}
	return e
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
// replacing one is stored and when it goes away.
func TestEffectReplacedLater(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	a, b := *decisionA, *decisionB
	if _, err := s.Put(&a); err != nil {
		t.Fatal(err)
	}
	e := mustEffect(t, s, "1579/QĐ-UBND", "2025-01-10")
	if e.State != graph.StateInForce || e.Since != "2024-07-05" || e.Label != "Còn hiệu lực" {
		t.Fatalf("before the replacement: %+v", e)
	}
	seqA := seqOf(t, s, a.ID)
	if _, err := s.Put(&b); err != nil {
		t.Fatal(err)
	}
	if got := seqOf(t, s, a.ID); got <= seqOf(t, s, b.ID) || got <= seqA {
		t.Errorf("replaced document keeps sequence %d (was %d, replacing one %d): an index would not read it again", got, seqA, seqOf(t, s, b.ID))
	}
	e = mustEffect(t, s, "1579/qd-ubnd", "2025-08-01")
	if e.State != graph.StateEnded || e.Ended == nil || e.Ended.Kind != cite.Replaces || e.Ended.By != "2150/QĐ-UBND" ||
		e.Ended.Date != "2025-07-01" || len(e.Ended.ByDocs) != 1 || e.Ended.ByDocs[0] != b.ID {
		t.Fatalf("after the replacement: %+v", e)
	}
	if want := "Đã bị thay thế bởi 2150/QĐ-UBND từ 01/7/2025"; e.Label != want {
		t.Errorf("label %q, want %q", e.Label, want)
	}
	// before the replacing decision takes effect, the first is still in force
	if e := mustEffect(t, s, "1579/QĐ-UBND", "2025-06-25"); e.State != graph.StateInForce || len(e.Changes) != 1 || !e.Changes[0].Pending ||
		e.Label != "Còn hiệu lực; sẽ bị thay thế bởi 2150/QĐ-UBND từ 01/7/2025" {
		t.Errorf("on 2025-06-25: %+v", e)
	}
	if e, _ := s.DocEffect(context.Background(), b.ID, day("2025-08-01")); e.State != graph.StateInForce || e.Since != "2025-07-01" {
		t.Errorf("replacing decision: %+v", e)
	}
	rel, err := s.Relations("2150/QĐ-UBND")
	if err != nil {
		t.Fatal(err)
	}
	if len(rel.Out) != 1 || rel.Out[0].Kind != cite.Replaces || rel.Out[0].Key != "1579/QĐ-UBND" || len(rel.Out[0].Docs) != 1 ||
		rel.Out[0].Label != "Văn bản bị thay thế" {
		t.Errorf("Lược đồ of 2150: %+v", rel)
	}
	rel, _ = s.Relations("1579/QĐ-UBND")
	if len(rel.In) != 1 || rel.In[0].Key != "2150/QĐ-UBND" || rel.In[0].Label != "Văn bản thay thế" || len(rel.Out) != 1 || rel.Out[0].Kind != cite.BasedOn {
		t.Errorf("Lược đồ of 1579: %+v", rel)
	}
	// the replacing page goes away: the first is in force again
	seqA = seqOf(t, s, a.ID)
	if _, err := s.MarkGone(b.ID); err != nil {
		t.Fatal(err)
	}
	if e := mustEffect(t, s, "1579/QĐ-UBND", "2025-08-01"); e.State != graph.StateInForce {
		t.Errorf("after the replacing page went away: %+v", e)
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

// TestEffectOrderIndependent: the replacing decision stored first.
func TestEffectOrderIndependent(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	a, b := *decisionA, *decisionB
	for _, d := range []*Document{&b, &a} {
		if _, err := s.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	if e := mustEffect(t, s, "1579/QĐ-UBND", "2025-08-01"); e.State != graph.StateEnded {
		t.Errorf("%+v", e)
	}
}

// stateDocs are decisions stating their own effect and changing each
// other's, a plan citing an amended law, a news article (TestEffectStates).
var stateDocs = []*Document{
	{ID: "a", Number: "10/2023/QĐ-UBND", Published: "2023-03-01", Title: "Quyết định số 10/2023/QĐ-UBND",
		Body: "Quyết định này có hiệu lực từ ngày 15/3/2023."},
	{ID: "b", Number: "11/2024/QĐ-UBND", Published: "2024-05-02", Title: "Quyết định số 11/2024/QĐ-UBND",
		Body: "Điều 1. Bãi bỏ Điều 5 Quyết định số 10/2023/QĐ-UBND.\nĐiều 2. Quyết định này có hiệu lực từ ngày 15/5/2024."},
	{ID: "c", Number: "20/2022/QĐ-UBND", Published: "2022-01-05", Title: "Quyết định số 20/2022/QĐ-UBND",
		Body: "Quyết định này có hiệu lực kể từ ngày 10/01/2022 đến hết ngày 31/12/2024."},
	{ID: "d", Number: "30/2026/QĐ-UBND", Published: "2026-01-05", Title: "Quyết định số 30/2026/QĐ-UBND",
		Body: "Quyết định này có hiệu lực kể từ ngày 01/3/2026. Sửa đổi khoản 2 Điều 3 Quyết định số 20/2022/QĐ-UBND."},
	{ID: "e", Number: "40/2025/QĐ-UBND", Published: "2025-04-01", Title: "Quyết định số 40/2025/QĐ-UBND",
		Body: "Đình chỉ việc thi hành Quyết định số 41/2025/QĐ-UBND kể từ ngày 05/4/2025."},
	{ID: "f", Title: "Tin tức: hội nghị", Published: "2025-02-02", Body: "Hội nghị quán triệt Quyết định số 41/2025/QĐ-UBND."},
	{ID: "g", Number: "41/2025/QĐ-UBND", Published: "2025-03-01", Title: "Quyết định số 41/2025/QĐ-UBND", Body: "Về việc giao đất."},
	{ID: "h", Number: "50/2025/KH-UBND", Published: "2025-02-10", Title: "Kế hoạch số 50/2025/KH-UBND",
		Body: "Căn cứ Luật số 31/2024/QH15 được sửa đổi, bổ sung bởi Luật số 43/2024/QH15;"},
}

// TestEffectStates covers each state, from texts written for the test.
func TestEffectStates(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	for _, d := range stateDocs {
		d := *d // Put sets its sequence
		if _, err := s.Put(&d); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		key, at string
		state   graph.State
		label   string
	}{
		{"10/2023/QĐ-UBND", "2024-06-01", graph.StatePartly, "Hết hiệu lực một phần"},
		{"10/2023/QĐ-UBND", "2024-05-01", graph.StateInForce, "Còn hiệu lực"},
		{"20/2022/QĐ-UBND", "2024-06-01", graph.StateInForce, "Còn hiệu lực; sẽ hết hiệu lực từ 31/12/2024"},
		{"20/2022/QĐ-UBND", "2025-01-01", graph.StateEnded, "Hết hiệu lực từ 31/12/2024"},
		{"30/2026/QĐ-UBND", "2026-02-01", graph.StateNotYet, "Chưa có hiệu lực (có hiệu lực từ 01/3/2026)"},
		{"41/2025/QĐ-UBND", "2025-05-01", graph.StateSuspended, "Bị đình chỉ bởi 40/2025/QĐ-UBND từ 05/4/2025"},
		{"50/2025/KH-UBND", "2025-05-01", graph.StateUnknown, "Không có thông tin"}, // no statement of its effect
		{"47/2020/NĐ-CP", "2025-05-01", graph.StateUnknown, "Không có thông tin"},   // only cited
		{"31/2024/QH15", "2025-05-01", graph.StateInForce, "Còn hiệu lực"},          // amended: in force
		{"43/2024/QH15", "2025-05-01", graph.StateUnknown, "Không có thông tin"},    // the amending law: no date stated
		{"99/2030/QĐ-UBND", "2025-05-01", graph.StateUnknown, "Không có thông tin"}, // unknown number
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
	if e, _ := s.DocEffect(context.Background(), "f", day("2025-05-01")); e.State != graph.StateUnknown || e.Key != "#f" {
		t.Errorf("news article: %+v", e)
	}
}

// TestDocEdges checks the edges a text gives: one per relation, the part
// from the target's side and the date from the actor's. The text is a
// văn bản's (a Công văn without its number read): a news page states no
// relation (report.go).
func TestDocEdges(t *testing.T) {
	d := &Document{ID: "n", Published: "2025-01-02", Type: "Công văn", Title: "Ghi chú",
		Body: "Điều 13 Nghị định số 152/2020/NĐ-CP, có hiệu lực thi hành kể từ ngày 15/02/2021, có nội dung được sửa đổi bởi Điều 1 Nghị định số 70/2023/NĐ-CP có hiệu lực thi hành kể từ ngày 18/09/2023"}
	g := docGraph(d)
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
	s := openTestStore(t, t.TempDir())
	a, b := *decisionA, *decisionB
	for _, d := range []*Document{&a, &b} {
		if _, err := s.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	sp, err := s.EffectSpan(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sp != (graph.Span{From: "2024-07-05", Until: "2025-07-01", Known: true}) {
		t.Errorf("span %+v", sp)
	}
	for _, at := range []string{"2024-01-01", "2024-07-05", "2025-06-30", "2025-07-01", "2026-01-01"} {
		in := sp.Known && sp.From <= at && (sp.Until == "" || at < sp.Until)
		if e := mustEffect(t, s, a.Number, at); e.State.InForce() != in {
			t.Errorf("on %s: span says in force %v, state %s", at, in, e.State)
		}
	}
	news := &Document{ID: "tin", Title: "Tin tức", Body: "Hội nghị."}
	if _, err := s.Put(news); err != nil {
		t.Fatal(err)
	}
	if sp, _ := s.EffectSpan(news.ID); sp.Known {
		t.Errorf("news article has a span: %+v", sp)
	}
}
