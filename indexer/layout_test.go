package indexer

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/corpus"
)

// TestPositionsWithoutOffsets: the folded views of an index on disk keep
// their frequencies and norms but no positions (the body since layout 13,
// the title since layout 15: their phrases are verified on the store's
// text and title, search/phrase.go), the title's frequencies without the
// "Điều N." that opens an article's title, the lengths field no
// frequencies, whether the index was built by the offline builder (merged
// segments) or online; and no field but the ID is stored (layout 14).
func TestPositionsWithoutOffsets(t *testing.T) {
	dir := t.TempDir()
	store, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	put := func(url, title, body string) {
		t.Helper()
		if _, err := store.Put(&corpus.Document{URL: url, Title: title, Body: body}); err != nil {
			t.Fatal(err)
		}
	}
	put("http://p/1", "Điều 3. Phát triển kinh tế", "Về phát triển kinh tế - xã hội tỉnh. Hoà bình, phát triển.")
	put("http://p/2", "Kế hoạch triển khai", "Triển khai Nghị quyết số 154/NQ-CP về kinh tế.")
	ctx := context.Background()

	built := DirFor(dir)
	if _, err := Build(ctx, built, store, BuildOptions{BatchDocs: 1}); err != nil {
		t.Fatal(err)
	}
	online := dir + "/online"
	ix, err := Open(online, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Sync(ctx, store, nil); err != nil {
		t.Fatal(err)
	}
	ix.Close()

	// term → its frequency in each document, by URL, in the folded views
	freqs := map[string]map[string]map[string]uint64{
		FieldTitleFold: {
			"phat": {"http://p/1": 1},
			"dieu": {}, // "Điều 3." is not indexed
			"khai": {"http://p/2": 1},
			"kinh": {"http://p/1": 1},
		},
		FieldBodyFold: {
			"phat":  {"http://p/1": 2},
			"kinh":  {"http://p/1": 1, "http://p/2": 1},
			"154":   {"http://p/2": 1},
			"hoa":   {"http://p/1": 1},
			"trien": {"http://p/1": 2, "http://p/2": 1},
		},
	}
	for _, path := range []string{built, online} {
		ix, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		adv, err := ix.Bleve().Advanced()
		if err != nil {
			t.Fatal(err)
		}
		r, err := adv.Reader()
		if err != nil {
			t.Fatal(err)
		}
		for field, terms := range freqs {
			for term, docs := range terms {
				got := map[string]uint64{}
				eachPosting(t, r, store, field, term, func(url string, d *index.TermFieldDoc) {
					if len(d.Vectors) != 0 || d.Norm == 0 {
						t.Errorf("%s: %s:%s in %s: %d locations and norm %v, want none and a norm", path, field, term, url, len(d.Vectors), d.Norm)
					}
					got[url] = d.Freq
				})
				if fmt.Sprint(got) != fmt.Sprint(docs) {
					t.Errorf("%s: %s:%s frequencies %v, want %v", path, field, term, got, docs)
				}
			}
		}
		// the accented bigram sample: documents counted, no frequencies kept
		bx, err := r.TermFieldReader(ctx, []byte("phát triển"), FieldBodyBigramExact, true, true, false)
		if err != nil {
			t.Fatal(err)
		}
		if bx.Count() != 1 {
			t.Errorf("%s: %d documents hold the bigram, want 1", path, bx.Count())
		}
		for d, err := bx.Next(nil); d != nil; d, err = bx.Next(nil) {
			if err != nil || d.Freq != 0 {
				t.Errorf("%s: body_bx bigram with frequency %d (%v), want none kept", path, d.Freq, err)
			}
		}
		bx.Close()
		// the lengths field: documents counted, no frequencies kept
		tfr, err := r.TermFieldReader(ctx, []byte(lengthsMark), FieldLengths, true, true, false)
		if err != nil {
			t.Fatal(err)
		}
		if tfr.Count() != 2 {
			t.Errorf("%s: %d documents hold the lengths mark, want 2", path, tfr.Count())
		}
		for d, err := tfr.Next(nil); d != nil; d, err = tfr.Next(nil) {
			if err != nil || d.Freq != 0 {
				t.Errorf("%s: lengths mark with frequency %d (%v), want none kept", path, d.Freq, err)
			}
		}
		tfr.Close()
		// layout 14: no field stored but the ID (hits read their title,
		// URL, date… from the store)
		all, err := ix.Bleve().Search(bleve.NewSearchRequest(bleve.NewMatchAllQuery()))
		if err != nil || len(all.Hits) != 2 {
			t.Fatalf("%s: all documents: %v, %v", path, all, err)
		}
		for _, h := range all.Hits {
			doc, err := r.Document(h.ID)
			if err != nil || doc == nil {
				t.Fatalf("%s: stored document %s: %v, %v", path, h.ID, doc, err)
			}
			doc.VisitFields(func(f index.Field) {
				if f.Name() != "_id" {
					t.Errorf("%s: %s stores field %s (%d bytes), want none", path, h.ID, f.Name(), len(f.Value()))
				}
			})
		}
		r.Close()
		ix.Close()
	}
}

// eachPosting calls each with the URL and the posting (with frequency,
// norm and locations) of every document holding term in field.
func eachPosting(t *testing.T, r index.IndexReader, store *corpus.Store, field, term string, each func(url string, d *index.TermFieldDoc)) {
	t.Helper()
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, true, true, true)
	if err != nil {
		t.Fatal(err)
	}
	defer tfr.Close()
	for d, err := tfr.Next(nil); d != nil; d, err = tfr.Next(nil) {
		if err != nil {
			t.Fatal(err)
		}
		id, err := r.ExternalID(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		each(urlOf(t, store, id), d)
	}
}

func urlOf(t *testing.T, store *corpus.Store, id string) string {
	t.Helper()
	d, err := store.Get(id)
	if err != nil || d == nil {
		t.Fatalf("store.Get(%s) = %v, %v", id, d, err)
	}
	return d.URL
}
