package app

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// storeDump is every document of the store at data in sequence order, as
// JSON (its sequence, ID, hash and text among it).
func storeDump(t *testing.T, data string) []string {
	t.Helper()
	store, err := corpus.OpenStore(data, true, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var out []string
	err = store.Changes(context.Background(), 0, func(d *corpus.Document) error {
		b, err := json.Marshal(d)
		out = append(out, string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestIngestDecodeWorkersSameStore: JSON Lines decoded on several
// goroutines store the same documents at the same sequences as decoded on
// one: a bulk ingest into a new collection (documents given twice, a date
// in another form) and then an ingest into its index (changed and new
// documents).
func TestIngestDecodeWorkersSameStore(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 21))
	words := strings.Fields("Nghị quyết số 154/NQ-CP về phát triển kinh tế - xã hội tỉnh Hoà Bình. Điều 1. Ban hành quy chế tiếp công dân; Quyết định số 12/2023/QĐ-UBND")
	file := func(n, edit int) string {
		var b strings.Builder
		for i := range n {
			id := i
			if i%97 == 5 {
				id = i - 3 // given twice: the later line wins
			}
			var text strings.Builder
			for range 5 + r.IntN(300) {
				text.WriteString(words[r.IntN(len(words))] + " ")
			}
			rec := map[string]string{"_id": fmt.Sprintf("d%d", id), "title": words[r.IntN(len(words))] + " " + words[r.IntN(len(words))], "text": text.String()}
			if i%7 == 0 {
				rec["published"] = "23/11/2022"
			}
			if i%edit == 1 {
				rec["text"] += " Sửa đổi."
			}
			line, _ := json.Marshal(rec)
			b.Write(line)
			b.WriteByte('\n')
		}
		path := filepath.Join(t.TempDir(), "corpus.jsonl")
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	first, second := file(3000, 1<<30), file(3500, 11)
	var dumps [][]string
	for _, workers := range []int{1, 4} {
		data := t.TempDir()
		for _, f := range []string{first, second} {
			if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{f}, MemLimitMB: 512, DecodeWorkers: workers}); err != nil {
				t.Fatalf("ingest %d workers: %v: %s", workers, err, stderr)
			}
		}
		dumps = append(dumps, storeDump(t, data))
	}
	one, four := dumps[0], dumps[1]
	if len(one) < 3000 {
		t.Fatalf("%d documents stored", len(one))
	}
	if len(one) != len(four) {
		t.Fatalf("%d documents on 1 worker, %d on 4", len(one), len(four))
	}
	for i := range one {
		if one[i] != four[i] {
			t.Fatalf("document %d:\n%.300s\non 4 workers:\n%.300s", i, one[i], four[i])
		}
	}
}
