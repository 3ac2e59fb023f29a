package corpus

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkSalvage copies a sound store of 2,000 made-up documents
// (genDocs, a trained store), a fifth of them changed after their first
// write so that the order of changes is not the IDs', with Salvage: the
// tolerant read, the writes through PutBatch and keepAsStored.
//
//	go test ./corpus -run '^$' -bench Salvage -count 6 | benchstat /dev/stdin
func BenchmarkSalvage(b *testing.B) {
	src := b.TempDir()
	s, err := OpenStore(src, false, 0)
	if err != nil {
		b.Fatal(err)
	}
	docs := genDocs(23, 2000)
	for i := 0; i < len(docs); i += 1000 {
		if _, err := s.PutBatch(docs[i : i+1000]); err != nil {
			b.Fatal(err)
		}
	}
	var edits []*Document
	for i := 0; i < len(docs); i += 5 {
		d := *docs[i]
		d.Body += " Sửa đổi."
		edits = append(edits, &d)
	}
	if _, err := s.PutBatch(edits); err != nil {
		b.Fatal(err)
	}
	s.Close()
	raw, err := os.ReadFile(storeFile(src))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "store.db"), raw, 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep, err := Salvage(context.Background(), dir)
		if err != nil || rep.Documents != len(docs) {
			b.Fatalf("salvage: %+v, %v", rep, err)
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}
