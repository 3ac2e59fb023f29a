package eval

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/internal/shared"
	"github.com/vanban/vanban/search"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScore(t *testing.T) {
	qrels := Qrels{
		"q1": {"a": 1},         // found at rank 1
		"q2": {"b": 1, "c": 1}, // found at ranks 2 and 12
		"q3": {"z": 1},         // not found
		"q4": {"d": 1, "e": 1}, // found at rank 3 only
	}
	run := Run{
		"q1": {"a", "x"},
		"q2": {"x", "b", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "c"},
		"q3": {"x"},
		"q4": {"x", "y", "d"},
	}
	r := score(run, qrels)
	// nDCG: q1 1; q2 (1/log2 3) / (1 + 1/log2 3); q3 0; q4 (1/log2 4) / (1 + 1/log2 3).
	l3 := 1 / math.Log2(3)
	wantNDCG := (1 + l3/(1+l3) + 0 + 0.5/(1+l3)) / 4
	wantMRR := (1 + 0.5 + 0 + 1.0/3) / 4
	wantR10 := (1 + 0.5 + 0 + 0.5) / 4
	wantR100 := (1 + 1 + 0 + 0.5) / 4
	if r.Queries != 4 {
		t.Errorf("Queries = %d, want 4", r.Queries)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"nDCG@10", r.NDCG10, wantNDCG}, {"MRR@10", r.MRR10, wantMRR}, {"Recall@10", r.Recall10, wantR10}, {"Recall@100", r.Recall100, wantR100}} {
		if !near(c.got, c.want) {
			t.Errorf("%s = %.6f, want %.6f", c.name, c.got, c.want)
		}
	}
}

func TestScoreBy(t *testing.T) {
	qrels := Qrels{"q1": {"a": 1}, "q2": {"b": 2, "c": 1}, "q3": {"z": 1}, "q4": {"d": 1}}
	run := Run{"q1": {"a"}, "q2": {"c", "b"}, "q3": {"x"}, "q4": {"d"}}
	group := map[string]string{"q1": "short", "q2": "short", "q3": "long"} // q4 in no group
	got := ScoreBy(run, qrels, group)
	want := map[string]Report{
		"short": score(run, Qrels{"q1": qrels["q1"], "q2": qrels["q2"]}),
		"long":  score(run, Qrels{"q3": qrels["q3"]}),
	}
	if len(got) != len(want) {
		t.Fatalf("ScoreBy groups = %v, want short and long", got)
	}
	for g, w := range want {
		if got[g] != w {
			t.Errorf("ScoreBy[%s] = %+v, want %+v", g, got[g], w)
		}
	}
	if got["short"].Queries != 2 || got["long"].NDCG10 != 0 || got["short"].NDCG10 <= got["long"].NDCG10 {
		t.Errorf("ScoreBy = %+v: want 2 short queries scoring above the missed long one", got)
	}
}

func TestGroups(t *testing.T) {
	qs := []Query{
		{ID: "a", Text: "thôi việc", Style: "accented", Law: "BLLĐ"},
		{ID: "b", Text: "thoi viec", Style: "unaccented"},
		{ID: "c", Text: "UBND xã"},
	}
	for _, tt := range []struct {
		by   string
		want map[string]string
	}{
		{ByStyle, map[string]string{"a": "accented", "b": "unaccented", "c": "(none)"}},
		{ByLaw, map[string]string{"a": "BLLĐ", "b": "(none)", "c": "(none)"}},
		{ByMarks, map[string]string{"a": "marks", "b": "bare", "c": "marks"}},
	} {
		got, err := Groups(qs, tt.by)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Groups(%s) = %v, want %v", tt.by, got, tt.want)
		}
	}
	if _, err := Groups(qs, "colour"); err == nil || !strings.Contains(err.Error(), "colour") {
		t.Errorf("Groups(colour): err %v, want one naming the grouping", err)
	}
}

func TestTransforms(t *testing.T) {
	tests := []struct {
		f       func(string) string
		in, out string
	}{
		{stripDiacritics, "Nghị quyết của Đảng", "Nghi quyet cua Dang"},
		{stripDiacritics, "ỦY BAN nhân dân", "UY BAN nhan dan"},
		{otherToneStyle, "hòa giải, thủy lợi, sức khỏe, Ủy ban", "hoà giải, thuỷ lợi, sức khoẻ, Uỷ ban"},
		{otherToneStyle, "hoà thuỷ khoẻ Uỷ", "hòa thủy khỏe Ủy"},
		{otherToneStyle, "hoàn toán quý ngoài khuỷu người", "hoàn toán quý ngoài khuỷu người"},
		{toNFD, "quyết", norm.NFD.String("quyết")},
	}
	for _, tt := range tests {
		if got := tt.f(tt.in); got != tt.out {
			t.Errorf("transform(%q) = %q, want %q", tt.in, got, tt.out)
		}
	}
}

// goals are the nDCG@10 each set must reach per query variant: the issue's
// goals for the queries as given (0.92 / 0.81 / 0.85) and, for the
// variants, the Lucene BM25 figures (0.896 / 0.778 / 0.822). All are
// reached (docs/log/ranking-03-figures.md).
var goals = []struct {
	set  string
	ndcg map[string]float64
}{
	{"alqac22", map[string]float64{AsGiven: 0.92, NoDiacritics: 0.896, NFD: 0.896, OtherTone: 0.896}},
	{"alqac23-test", map[string]float64{AsGiven: 0.81, NoDiacritics: 0.778, NFD: 0.778, OtherTone: 0.778}},
	{"alqac23oct-test", map[string]float64{AsGiven: 0.85, NoDiacritics: 0.822, NFD: 0.822, OtherTone: 0.822}},
}

// TestGoals runs the production indexer and query builder on the shared
// ALQAC sets and checks nDCG@10 for every query variant.
func TestGoals(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes three evaluation sets")
	}
	for _, g := range goals {
		t.Run(g.set, func(t *testing.T) {
			dir := shared.Path(t, "eval", g.set)
			set, err := Load(filepath.Join(dir, "corpus.jsonl"), filepath.Join(dir, "queries.jsonl"), filepath.Join(dir, "qrels", "test.tsv"))
			if err != nil {
				t.Fatal(err)
			}
			ix, _, err := BuildIndex(context.Background(), filepath.Join(t.TempDir(), "index"), set.Docs)
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			s := search.New(ix.Bleve(), search.WithTexts(set.Texts()))
			for _, v := range Variants {
				rep, _, err := Evaluate(context.Background(), s, set, Transform(v))
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("%s %-13s nDCG@10 %.4f MRR@10 %.4f R@10 %.4f", g.set, v, rep.NDCG10, rep.MRR10, rep.Recall10)
				if rep.NDCG10 < g.ndcg[v] {
					t.Errorf("%s %s: nDCG@10 = %.4f, want ≥ %.3f", g.set, v, rep.NDCG10, g.ndcg[v])
				}
			}
		})
	}
}
