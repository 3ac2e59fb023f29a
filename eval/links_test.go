package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/internal/shared"
)

// A tiny set written for the test: a resolution, a plan citing it and
// five labels (a right link, a wrong one, an "also" quote, a null item,
// an item repeated word for word under two headings).
const (
	linkDocs = `{"_id":"nq","title":"Nghị quyết số 8/NQ-HĐND về nông thôn mới","number":"8/NQ-HĐND","type":"Nghị quyết","text":"II. NHIỆM VỤ\n1. Bê tông hóa đường giao thông nông thôn đến tận thôn, bản.\n2. Kiên cố hóa kênh mương nội đồng phục vụ tưới tiêu.\n3. Xây dựng nhà văn hóa thôn gắn với thiết chế văn hóa cơ sở."}
{"_id":"kh","title":"Kế hoạch số 20/KH-UBND thực hiện Nghị quyết số 8/NQ-HĐND","number":"20/KH-UBND","type":"Kế hoạch","text":"II. NHIỆM VỤ\n1. Phòng Kinh tế:\n- Bê tông hóa đường giao thông nông thôn các thôn vùng cao.\n- Kiên cố hóa kênh mương nội đồng xã Tân Lập.\n2. Phòng Văn hóa:\n- Bê tông hóa đường giao thông nông thôn các thôn vùng cao.\n- Tổ chức giải bóng đá thiếu niên hè."}
`
	linkLabels = `{"plan":"20/KH-UBND","item":"Bê tông hóa đường giao thông nông thôn các thôn vùng cao.","resolution":"8/NQ-HĐND","quote":"Bê tông hóa đường giao thông nông thôn đến tận thôn"}
{"plan":"20/KH-UBND","item":"Kiên cố hóa kênh mương nội đồng xã Tân Lập.","resolution":"8/NQ-HĐND","quote":"Xây dựng nhà văn hóa thôn gắn với thiết chế","also":[{"resolution":"8/NQ-HĐND","quote":"Kiên cố hóa kênh mương nội đồng phục vụ tưới tiêu"}],"doubtful":true}
{"plan":"20/KH-UBND","item":"Bê tông hóa đường giao thông nông thôn các thôn vùng cao.","resolution":"8/NQ-HĐND","quote":"Xây dựng nhà văn hóa thôn gắn với thiết chế"}
{"plan":"20/KH-UBND","item":"Tổ chức giải bóng đá thiếu niên hè.","resolution":"8/NQ-HĐND","quote":null}
`
)

func writeTemp(t *testing.T, name, s string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func evalSet(t *testing.T, docs, labels string) *LinkReport {
	t.Helper()
	store, err := corpus.OpenStore(t.TempDir(), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ids, err := IngestDocs(store, docs)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(labels)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ls, err := ReadLinkLabels(f)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := EvaluateLinks(context.Background(), store, ids, ls)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestEvaluateLinks(t *testing.T) {
	rep := evalSet(t, writeTemp(t, "docs.jsonl", linkDocs), writeTemp(t, "labels.jsonl", linkLabels))
	o := rep.Overall
	// Label 1: right. Label 2: top link is the "also" passage: right, not
	// strictly. Label 3 (the same words under "2. Phòng Văn hóa", the
	// second line holding them): its top link (passage 1) is wrong. Label
	// 4: null, given none.
	if o.Items != 4 || o.Found != 4 || o.Quoted != 3 || o.Right != 2 || o.RightStrict != 1 || o.Null != 1 || o.NullNone != 1 {
		t.Errorf("figures %+v", o)
	}
	if o.Sure != 2 || o.SureRight != 1 {
		t.Errorf("non-doubtful: %d right of %d, want 1 of 2", o.SureRight, o.Sure)
	}
	if len(rep.Plans) != 1 || rep.Plans[0].Plan != "20/KH-UBND" || strings.Join(rep.Plans[0].Parents, ",") != "8/NQ-HĐND" {
		t.Errorf("plans %+v", rep.Plans)
	}
	if len(rep.Misses) != 1 || rep.Misses[0].Want != "Xây dựng nhà văn hóa thôn gắn với thiết chế" {
		t.Errorf("misses %+v", rep.Misses)
	}
	var b strings.Builder
	if err := WriteLinkReport(&b, rep); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "20/KH-UBND") || !strings.Contains(b.String(), "overall") {
		t.Errorf("report:\n%s", b.String())
	}
}

func TestReadLinkLabelsErrors(t *testing.T) {
	for _, in := range []string{`{"plan":"1/KH","item":"x"}`, `{"plan":`, `{"item":"x","resolution":"2/NQ"}`} {
		if _, err := ReadLinkLabels(strings.NewReader(in)); err == nil {
			t.Errorf("ReadLinkLabels(%q): no error", in)
		}
	}
	rep := func() error {
		store, err := corpus.OpenStore(t.TempDir(), false, time.Second)
		if err != nil {
			return err
		}
		defer store.Close()
		ids, err := IngestDocs(store, writeTemp(t, "d.jsonl", linkDocs))
		if err != nil {
			return err
		}
		ls, _ := ReadLinkLabels(strings.NewReader(`{"plan":"20/KH-UBND","item":"words in no line","resolution":"8/NQ-HĐND","quote":null}`))
		_, err = EvaluateLinks(context.Background(), store, ids, ls)
		return err
	}
	if err := rep(); err == nil || !strings.Contains(err.Error(), "no line contains item") {
		t.Errorf("an item in no line: err %v", err)
	}
}

// Floors of the development set (../shared/data/plans) as measured by
// this branch (docs/log/design-citation-graph.md has the table): a change to parsing or
// scoring that loses items or top links fails here.
const (
	devFoundFloor = 0.95
	devP1Floor    = 0.72 // measured 0.728 (118 of 162); one top link lost of 162 is 0.006
)

// The goal of issue 17 for p@1 on the development set, not reached
// (0.728 measured; the linking sections of docs/log/README.md say why lexical and structural
// evidence stops near 0.73 on these labels): TestLinksDevSet fails
// against it when VANBAN_LINK_GOAL=1, so the gap stays visible without
// breaking the suite.
const devP1Goal = 0.90

// TestLinksDevSet runs `vanban eval links` on the real development set.
func TestLinksDevSet(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: links every real plan")
	}
	docs := shared.Path(t, "data", "plans", "docs.jsonl")
	labels := shared.Path(t, "data", "plans", "labels.jsonl")
	rep := evalSet(t, docs, labels)
	o := rep.Overall
	for _, p := range rep.Plans {
		t.Logf("%-22s items %3d found %.3f p@1 %.3f strict %.3f none %.3f", p.Plan, p.Items, p.FoundRate, p.P1, p.P1Strict, p.NoneAcc)
	}
	t.Logf("overall: items %d found %.3f p@1 %.3f strict %.3f precision %.3f recall %.3f", o.Items, o.FoundRate, o.P1, o.P1Strict, o.Precision, o.Recall)
	if o.FoundRate < devFoundFloor {
		t.Errorf("items found %.3f < %.2f", o.FoundRate, devFoundFloor)
	}
	if o.P1 < devP1Floor {
		t.Errorf("p@1 %.3f < %.2f", o.P1, devP1Floor)
	}
	if os.Getenv("VANBAN_LINK_GOAL") == "1" && o.P1 < devP1Goal {
		t.Errorf("p@1 %.3f < the goal %.2f", o.P1, devP1Goal)
	}
}
