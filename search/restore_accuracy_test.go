package search

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/internal/shared"
)

// TestRestoreAccuracy measures accent restoration on real questions: the
// ALQAC 2023 training questions, stripped of every mark, restored against
// an index of the training corpus, compared syllable by syllable with the
// questions as written (both canonical lowercase; every syllable counts,
// including those written without marks). It guards the statistics
// restoration reads (indexer.SampleWords, the exact views) and reports
// how much the pair statistics add over choosing each syllable alone.
func TestRestoreAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes an ALQAC corpus")
	}
	dir := shared.Path(t, "eval", "alqac23-train")
	docs := readJSONL(t, filepath.Join(dir, "corpus.jsonl"), func(m map[string]string) *corpus.Document {
		return &corpus.Document{ID: m["_id"], Title: m["title"], Body: m["text"]}
	})
	queries := readJSONL(t, filepath.Join(dir, "queries.jsonl"), func(m map[string]string) string { return m["text"] })
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Add(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	r := snapshot(t, ix.Bleve())
	defer r.Close()

	var right, total, alone int
	for _, q := range queries {
		want := canonWords(q)
		got := canonWords(restore(viet.Fold(q), newStats(r)))
		if len(got) == 0 { // nothing to restore: the folded words stand
			got = canonWords(viet.Fold(q))
		}
		if len(got) != len(want) {
			t.Fatalf("restore(%q) has %d words, the question %d", viet.Fold(q), len(got), len(want))
		}
		st := newStats(r)
		for i, w := range want {
			total++
			if got[i] == w {
				right++
			}
			if c := spellings(viet.Fold(w), st); c[0].form == w {
				alone++
			}
		}
	}
	acc, base := float64(right)/float64(total), float64(alone)/float64(total)
	t.Logf("%d questions, %d syllables: restored %.4f right; the most frequent spelling alone %.4f", len(queries), total, acc, base)
	// Measured 2026-11-27 (SampleWords 64): 0.953, docs/log/perf-indexing-floor.md. The floor
	// leaves room for analyzer changes, not for losing the pair statistics.
	if acc < 0.90 || acc < base+0.05 {
		t.Errorf("restoration accuracy %.4f (alone %.4f): below 0.90, or pairs add under 0.05", acc, base)
	}
}

// canonWords are the canonical lowercase words of s.
func canonWords(s string) []string {
	var out []string
	viet.Tokenize(s, func(tk viet.Token) {
		if tk.Kind == viet.Word {
			out = append(out, viet.Canon(viet.Lower(s[tk.Start:tk.End])))
		}
	})
	return out
}

func readJSONL[T any](t *testing.T, path string, conv func(map[string]string) T) []T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var raw map[string]any
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		m := map[string]string{}
		for k, v := range raw {
			if s, ok := v.(string); ok {
				m[k] = s
			}
		}
		out = append(out, conv(m))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
