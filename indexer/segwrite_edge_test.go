package indexer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
	zap "github.com/blevesearch/zapx/v17"
)

// edgeDocs are n documents, each given its fields by add and prepared
// for a segment.
func edgeDocs(n int, add func(i int, d *document.Document)) []index.Document {
	docs := make([]index.Document, n)
	for i := range docs {
		d := document.NewDocument(fmt.Sprintf("e%06d", i))
		add(i, d)
		prepareForSegment(d)
		docs[i] = d
	}
	return docs
}

// TestSegmentWriterEdges: our file is zap's at the edges of its
// encodings: document numbers past a roaring container (65,536), terms
// exactly at a postings chunk's bound (1,024 and 1,025 documents among
// 2,049), doc values chunked by document (SkipDVChunking) with gaps,
// frequencies and positions past one and two uvarint bytes, a very long
// term, term vectors without frequencies, a field indexed in some
// documents and only stored in others, a composite field, a document of
// nothing but its _id.
func TestSegmentWriterEdges(t *testing.T) {
	m := NewMapping()
	exact, kw := m.AnalyzerNamed(AnalyzerExact), m.AnalyzerNamed("keyword")
	vec := index.IndexField | index.StoreField | index.IncludeTermVectors
	dvKey := index.IndexField | index.DocValues
	tests := []struct {
		name  string
		short bool // runs with -short
		mk    func() []index.Document
	}{
		{"only _id", true, func() []index.Document {
			return edgeDocs(3, func(int, *document.Document) {})
		}},
		{"chunk bounds", true, func() []index.Document {
			return edgeDocs(2049, func(i int, d *document.Document) {
				if i < 1024 || i == 2048 { // 1,025 documents
					d.AddField(document.NewTextFieldCustom("k", nil, []byte("a"), dvKey, kw))
				}
				if i%2 == 0 && i < 2048 { // 1,024
					d.AddField(document.NewTextFieldCustom("k", nil, []byte("b"), dvKey, kw))
				}
				d.AddField(document.NewTextFieldCustom("t", nil, []byte("x y"), vec, exact))
			})
		}},
		{"doc values by document", true, func() []index.Document {
			return edgeDocs(40, func(i int, d *document.Document) {
				if i%7 == 3 {
					d.AddField(document.NewTextFieldCustom("k", nil, []byte(fmt.Sprint(i)),
						dvKey|index.SkipDVChunking, kw))
				}
			})
		}},
		{"large frequencies and positions", true, func() []index.Document {
			return edgeDocs(3, func(i int, d *document.Document) {
				n := []int{130, 17000, 1}[i]
				d.AddField(document.NewTextFieldCustom("t", nil, []byte(strings.Repeat("luật ", n)+"kết"), vec, exact))
			})
		}},
		{"very long term", true, func() []index.Document {
			return edgeDocs(2, func(i int, d *document.Document) {
				d.AddField(document.NewTextFieldCustom("k", nil, []byte(strings.Repeat("Đ", 40000+i)),
					dvKey|index.StoreField, kw))
			})
		}},
		{"term vectors without frequencies", true, func() []index.Document {
			return edgeDocs(4, func(i int, d *document.Document) {
				d.AddField(document.NewTextFieldCustom("t", []uint64{uint64(i)}, []byte("chuyển đổi số chuyển"),
					vec|index.SkipFreqNorm, exact))
			})
		}},
		{"indexed in some, stored in others", true, func() []index.Document {
			return edgeDocs(4, func(i int, d *document.Document) {
				opts := index.StoreField
				if i%2 == 1 {
					opts = index.IndexField | index.DocValues
				}
				d.AddField(document.NewTextFieldCustom("f", nil, []byte("Quốc hội"), opts, exact))
			})
		}},
		{"composite", true, func() []index.Document {
			return edgeDocs(5, func(i int, d *document.Document) {
				d.AddField(document.NewTextFieldCustom("a", nil, []byte("thông tư số"), vec, exact))
				if i != 2 {
					d.AddField(document.NewTextFieldCustom("b", []uint64{1}, []byte("số thông"), vec, exact))
				}
				d.AddField(document.NewCompositeFieldWithIndexingOptions("all", true, nil, nil,
					index.IndexField|index.IncludeTermVectors|index.DocValues))
			})
		}},
		{"stored composite", true, func() []index.Document {
			return edgeDocs(3, func(i int, d *document.Document) {
				d.AddField(document.NewTextFieldCustom("a", nil, []byte("nghị định"), vec, exact))
				d.AddField(document.NewCompositeFieldWithIndexingOptions("all", true, nil, nil,
					index.IndexField|index.StoreField|index.IncludeTermVectors))
			})
		}},
		{"past 65,535 documents", false, func() []index.Document {
			return edgeDocs(70000, func(i int, d *document.Document) {
				d.AddField(document.NewTextFieldCustom("k", nil, []byte("a"), dvKey, kw))
				if i%3 == 0 || i > 65530 {
					d.AddField(document.NewTextFieldCustom("k", nil, []byte(fmt.Sprint(i%5)), dvKey, kw))
				}
				if i == 69999 {
					d.AddField(document.NewTextFieldCustom("t", nil, []byte("cuối"), vec, exact))
				}
			})
		}},
	}
	shared := new(segEncoder)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if testing.Short() && !tc.short {
				t.Skip("long")
			}
			sameAsZap(t, nil, tc.name, tc.mk)
			sameAsZap(t, shared, tc.name+" (encoder reused)", tc.mk)
		})
	}
}

// TestSegmentWriterWriteError: a segment that cannot be written is a
// wrapped error of the file system and leaves no file behind.
func TestSegmentWriterWriteError(t *testing.T) {
	dir := t.TempDir()
	notDir := filepath.Join(dir, "file")
	if err := os.WriteFile(notDir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	w := &segWriter{dir: notDir}
	docs := edgeDocs(2, func(int, *document.Document) {})
	err := w.writeBatch(0, docs)
	if !errors.Is(err, syscall.ENOTDIR) {
		t.Fatalf("writeBatch into a file: %v, want a wrapped ENOTDIR", err)
	}
	if !strings.Contains(err.Error(), "segment 0") {
		t.Fatalf("error %q does not name the batch", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Fatalf("%d entries left in %s, want only the file", len(entries), dir)
	}
}

// TestSegmentWriterUnsupported: documents our writer does not write as
// zap does (nested documents, synonym and geo-shape fields: zap's other
// sections) are
// refused by it, and the build writes their batch with zap's writer.
func TestSegmentWriterUnsupported(t *testing.T) {
	m := NewMapping()
	exact := m.AnalyzerNamed(AnalyzerExact)
	text := func(d *document.Document) {
		d.AddField(document.NewTextFieldCustom("t", nil, []byte("nghị định"), index.IndexField|index.StoreField, exact))
	}
	tests := []struct {
		name string
		mk   func() []index.Document
	}{
		{"nested document", func() []index.Document {
			return edgeDocs(2, func(i int, d *document.Document) {
				text(d)
				if i == 1 {
					child := document.NewDocument("child")
					text(child)
					child.AddIDField() // as scorch prepares a nested document
					d.AddNestedDocument(child)
				}
			})
		}},
		{"geo-shape field", func() []index.Document {
			return edgeDocs(2, func(i int, d *document.Document) {
				text(d)
				d.AddField(document.NewGeoShapeField("where", nil, [][][][]float64{{{{105.8, 21.0}}}}, "point"))
			})
		}},
		{"synonym field", func() []index.Document {
			return edgeDocs(2, func(i int, d *document.Document) {
				text(d)
				d.AddField(document.NewSynonymField("syn", exact, []string{"nđ"}, []string{"nghị định"}))
			})
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := new(segEncoder).writeFile(tc.mk(), filepath.Join(dir, "ours.zap")); !errors.Is(err, errSegUnsupported) {
				t.Fatalf("our writer: %v, want errSegUnsupported", err)
			}
			w := &segWriter{dir: dir}
			if err := w.writeBatch(0, tc.mk()); err != nil {
				t.Fatal(err)
			}
			// zap's file of the same batch: the same documents (a nested
			// document's children among them; zap's files of a batch with
			// synonyms differ from run to run, beyond canonicalSegment)
			if err := zapSegmentFile(tc.mk(), filepath.Join(dir, "zap.zap")); err != nil {
				t.Fatal(err)
			}
			var p zap.ZapPlugin
			got, err := p.Open(w.batchPath(0))
			if err != nil {
				t.Fatal(err)
			}
			defer got.Close()
			want, err := p.Open(filepath.Join(dir, "zap.zap"))
			if err != nil {
				t.Fatal(err)
			}
			defer want.Close()
			if got.Count() != want.Count() {
				t.Fatalf("the batch's segment holds %d documents, zap's %d", got.Count(), want.Count())
			}
		})
	}
}
