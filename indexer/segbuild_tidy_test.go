package indexer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
	zap "github.com/blevesearch/zapx/v17"
)

// TestFinalMergeWritesNoTermLists (i21-tidy): a merge whose segment no
// later merge reads (the build's last, or one into the top level a build
// keeps) writes no term list, which install used to delete unread; the
// segments are byte for byte those of merges that all write term lists;
// the soft memory limit goes down by the inputs' term lists as well as
// their segment files (mergeMapped); after install no term list is left.
func TestFinalMergeWritesNoTermLists(t *testing.T) {
	old := debug.SetMemoryLimit(3 << 30)
	defer debug.SetMemoryLimit(old)
	docs := analyzed(t, segGenDocs(420, 21))
	for _, tc := range []struct {
		name     string
		batches  int
		mergeMax int
		top      int
		keep     bool
		// the reference: groups of the previous level's segments (batches
		// at first) merged into the next, in document order
		tree [][]int
		// each of the index's segments: merged by a final merge (else a
		// batch's, kept with its term list until install)
		final []bool
	}{
		{"one merge", 3, 3, 0, false, [][]int{{3}}, []bool{true}},
		{"two levels", 7, 3, 0, false, [][]int{{3, 3, 1}, {3}}, []bool{true}},
		{"kept top level", 7, 3, 1, true, [][]int{{3, 3, 1}}, []bool{true, true, false}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			batches := split(docs, len(docs)/tc.batches)
			refDir, buildDir := filepath.Join(dir, "ref"), filepath.Join(dir, "build")
			for _, d := range []string{refDir, buildDir} {
				if err := os.MkdirAll(d, 0o700); err != nil {
					t.Fatal(err)
				}
			}
			ref := writeSegs(t, refDir, "b", batches, false)
			paths := writeSegs(t, buildDir, "b", batches, false)
			firstMapped := int64(0) // the first merge's inputs, files and term lists
			segBytes := int64(0)
			for _, p := range paths[:min(tc.mergeMax, len(paths))] {
				for _, f := range []string{p, termsPath(p)} {
					st, err := os.Stat(f)
					if err != nil {
						t.Fatalf("a batch's segment or its term list: %v", err)
					}
					firstMapped += st.Size()
					if f == p {
						segBytes += st.Size()
					}
				}
			}

			// the reference: every merge with its term lists
			m := new(segMerger)
			for level, groups := range tc.tree {
				var next []string
				at := 0
				for g, n := range groups {
					out := filepath.Join(refDir, fmt.Sprintf("r%d-%d.zap", level, g))
					if n == 1 {
						next = append(next, ref[at])
					} else {
						if err := m.mergeSegmentFiles(ref[at:at+n], out, true, nil); err != nil {
							t.Fatal(err)
						}
						if _, err := os.Stat(termsPath(out)); err != nil {
							t.Fatalf("a merge asked for term lists wrote none: %v", err)
						}
						next = append(next, out)
					}
					at += n
				}
				ref = next
			}

			w, done := newSegWriter(context.Background(), buildDir, tc.mergeMax, tc.top, slog.New(slog.DiscardHandler))
			defer done()
			limit, restore := newMappedLimit()
			defer restore()
			w.limit = limit
			for _, p := range paths {
				if err := w.add(p); err != nil {
					t.Fatal(err)
				}
			}
			finals, err := w.mergeRest(tc.keep)
			if err != nil {
				t.Fatal(err)
			}
			if len(finals) != len(ref) {
				t.Fatalf("%d segments, the reference %d", len(finals), len(ref))
			}
			for i, f := range finals {
				want, err := os.ReadFile(ref[i])
				if err != nil {
					t.Fatal(err)
				}
				got, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("segment %d (%s) differs from the reference's", i, filepath.Base(f))
				}
				_, err = os.Stat(termsPath(f))
				if merged := tc.final[i]; merged && err == nil {
					t.Errorf("the final merge wrote a term list for %s", filepath.Base(f))
				} else if !merged && err != nil {
					t.Errorf("a batch's segment kept as it is has no term list: %v", err)
				}
			}
			if got := limit.mostMapped(); got < firstMapped || got <= segBytes {
				t.Errorf("the memory limit went down by %d bytes at most, want at least the first merge's %d (segments %d and term lists)",
					got, firstMapped, segBytes)
			} else if tc.name == "one merge" && got != firstMapped {
				t.Errorf("the memory limit went down by %d bytes, want the inputs' %d", got, firstMapped)
			}

			if err := w.install(finals, filepath.Join(dir, "store"), nil); err != nil {
				t.Fatal(err)
			}
			var left []string
			for _, d := range []string{buildDir, filepath.Join(dir, "store")} {
				names, err := filepath.Glob(filepath.Join(d, "*.terms"))
				if err != nil {
					t.Fatal(err)
				}
				left = append(left, names...)
			}
			if len(left) > 0 {
				t.Errorf("term lists left after install: %q", left)
			}
			installed, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
			if !slices.Equal(names(installed), []string{"000000000002.zap", "000000000003.zap", "000000000004.zap"}[:len(finals)]) {
				t.Errorf("installed %q", names(installed))
			}
		})
	}
}

// names are the base names of paths.
func names(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}

// TestZapMergeDocValueOptionsMix (i21-tidy): zap's Merge, the build's
// fallback, crashes the process (a write into a read-only mapping: it
// decompresses into the buffer that held the previous input's uncompressed
// doc values, a slice of that input's file) when a field's doc values are
// uncompressed in one input and compressed in a later one; this test died
// so on the first case before sameDVOptions. The build never hands it
// inputs that differ in SkipDVCompression or SkipDVChunking for a field
// the merge keeps doc values of (the other orders and the chunking mix do
// not crash it, but are such mixes too): where our merge writes the
// inputs it merges them (it reads each input with the input's own
// options); where zap's must (zapBatches here, a writer hook or what ours
// does not write) the mix is a clear error (errDVOptionsMix), the inputs
// kept. Inputs that agree, or whose merged field has no doc values, zap
// merges as before.
func TestZapMergeDocValueOptionsMix(t *testing.T) {
	kw := NewMapping().AnalyzerNamed("keyword")
	dv := index.IndexField | index.StoreField | index.DocValues
	batch := func(opts index.FieldIndexingOptions, from int) []index.Document {
		return edgeDocs(30, func(i int, d *document.Document) {
			d.AddField(document.NewTextFieldCustom("k", nil, []byte(fmt.Sprintf("Quốc hội %d", (from+i)%7)), opts, kw))
			d.AddField(document.NewTextFieldCustom("t", nil, []byte("nghị định"), dv, kw))
		})
	}
	for _, tc := range []struct {
		name   string
		first  index.FieldIndexingOptions
		second index.FieldIndexingOptions
		mixed  bool
	}{
		{"uncompressed then compressed", dv | index.SkipDVCompression, dv, true},
		{"compressed then uncompressed", dv, dv | index.SkipDVCompression, true},
		{"chunked by document then not", dv | index.SkipDVChunking | index.SkipDVCompression, dv | index.SkipDVCompression, true},
		{"both uncompressed", dv | index.SkipDVCompression, dv | index.SkipDVCompression, false},
		{"no doc values merged", dv | index.SkipDVCompression, index.IndexField | index.StoreField, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// inputs written by our writer and by zap's; merged by zap's
			// merge and by ours
			for _, c := range []struct{ zapFiles, zapBatches bool }{{false, true}, {true, true}, {false, false}, {true, false}} {
				zapBatches := c.zapBatches
				dir := t.TempDir()
				paths := writeSegs(t, dir, "b", [][]index.Document{batch(tc.first, 0), batch(tc.second, 30), batch(tc.second, 60)}, c.zapFiles)
				w, done := newSegWriter(context.Background(), dir, 3, 0, slog.New(slog.DiscardHandler))
				w.zapBatches = zapBatches
				out := filepath.Join(dir, "m.zap")
				err := w.merge(paths, out, true)
				done()
				if zapBatches && tc.mixed {
					if !errors.Is(err, errDVOptionsMix) {
						t.Fatalf("zap's merge of mixed inputs: %v, want errDVOptionsMix", err)
					}
					if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
						t.Errorf("a refused merge left its output: %v", err)
					}
					for _, p := range paths {
						if _, err := os.Stat(p); err != nil {
							t.Errorf("a refused merge lost its input: %v", err)
						}
					}
					continue
				}
				if err != nil {
					t.Fatalf("merge (zap's %v): %v", zapBatches, err)
				}
				var p zap.ZapPlugin
				s, err := p.Open(out)
				if err != nil {
					t.Fatal(err)
				}
				if n := s.Count(); n != 90 {
					t.Errorf("merged %d documents, want 90", n)
				}
				s.Close()
			}
		})
	}
}
