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

// TestPositionsWithoutOffsets: the positional view of an index on disk
// (the folded title) holds every occurrence's position and no byte offsets
// (zero Start and End, one byte each in zap instead of two or three), the
// folded body its frequencies and norms but no positions (layout 13), and
// the lengths field no frequencies, whether the index was built by the
// offline builder (merged segments) or online; phrases on the title still
// match on the positions; and no field but the ID is stored (layout 14).
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

	// term → the positions of its occurrences in each document, by URL:
	// the folded title keeps them, the folded body (layout 13) only the
	// frequencies (its phrases are verified on the store's text)
	want := map[string]map[string]map[string][]uint64{
		FieldTitleFold: {
			"phat": {"http://p/1": {3}}, // "Điều 3." is not indexed, and counts
			"khai": {"http://p/2": {4}},
		},
	}
	bodyFreq := map[string]map[string]uint64{
		"phat":  {"http://p/1": 2},
		"kinh":  {"http://p/1": 1, "http://p/2": 1},
		"154":   {"http://p/2": 1},
		"hoa":   {"http://p/1": 1},
		"trien": {"http://p/1": 2, "http://p/2": 1},
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
		for field, terms := range want {
			for term, docs := range terms {
				got := map[string][]uint64{}
				eachPosting(t, r, store, field, term, func(url string, d *index.TermFieldDoc) {
					for _, v := range d.Vectors {
						if v.Start != 0 || v.End != 0 {
							t.Errorf("%s: %s:%s in %s at %d has offsets [%d:%d], want none", path, field, term, url, v.Pos, v.Start, v.End)
						}
						got[url] = append(got[url], v.Pos)
					}
					if uint64(len(d.Vectors)) != d.Freq {
						t.Errorf("%s: %s:%s in %s: %d locations, frequency %d", path, field, term, url, len(d.Vectors), d.Freq)
					}
				})
				if !equalPositions(got, docs) {
					t.Errorf("%s: %s:%s positions %v, want %v", path, field, term, got, docs)
				}
			}
		}
		for term, docs := range bodyFreq {
			got := map[string]uint64{}
			eachPosting(t, r, store, FieldBodyFold, term, func(url string, d *index.TermFieldDoc) {
				if len(d.Vectors) != 0 || d.Norm == 0 {
					t.Errorf("%s: %s:%s in %s: %d locations and norm %v, want none and a norm", path, FieldBodyFold, term, url, len(d.Vectors), d.Norm)
				}
				got[url] = d.Freq
			})
			if fmt.Sprint(got) != fmt.Sprint(docs) {
				t.Errorf("%s: %s:%s frequencies %v, want %v", path, FieldBodyFold, term, got, docs)
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
		// phrases on the title still match on its positions
		for q, n := range map[string]uint64{"phat trien kinh te": 1, "trien khai": 1, "kinh te": 1, "te kinh": 0} {
			pq := bleve.NewMatchPhraseQuery(q)
			pq.SetField(FieldTitleFold)
			res, err := ix.Bleve().Search(bleve.NewSearchRequest(pq))
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != n {
				t.Errorf("%s: title phrase %q matched %d, want %d", path, q, res.Total, n)
			}
		}
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

func equalPositions(a, b map[string][]uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		w := b[k]
		if len(v) != len(w) {
			return false
		}
		for i := range v {
			if v[i] != w[i] {
				return false
			}
		}
	}
	return true
}
