package indexer

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// TestLinkBackground: the background of a real index answers the learned
// associations of a syllable pair and the document frequencies of folded
// syllables (body_f) and pairs (body_b), and keeps them after the index
// changes (one snapshot).
func TestLinkBackground(t *testing.T) {
	dir := t.TempDir()
	store, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ix, err := Open(DirFor(dir), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	sync := func(docs []*corpus.Document) {
		for _, d := range docs {
			if _, err := store.Put(d); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := ix.Sync(context.Background(), store, nil); err != nil {
			t.Fatal(err)
		}
	}
	sync(assocDocs(0, 400))
	if err := ix.LearnAssociations(context.Background(), store); err != nil {
		t.Fatal(err)
	}
	bg, err := ix.LinkBackground()
	if err != nil {
		t.Fatal(err)
	}
	defer bg.Close()
	var terms []string
	for _, r := range bg.Related("ly hon") {
		terms = append(terms, r.Term)
		if r.Weight <= 0 || r.Weight > 1 {
			t.Errorf("related(ly hon) %s weighs %v", r.Term, r.Weight)
		}
	}
	if !slices.Contains(terms, "cham dut") {
		t.Errorf("related(ly hon) = %v, want cham dut", terms)
	}
	// assocDocs: every 60th of 400 is on divorce (7), the rest about
	// other matters, counted here from their text.
	vaccine := 0.0
	for _, d := range assocDocs(0, 400) {
		if strings.Contains(d.Body, "tiêm chủng") {
			vaccine++
		}
	}
	for _, c := range []struct {
		term string
		df   float64
	}{{"ly hon", 7}, {"hon", 7}, {"tiem chung", vaccine}, {"tiem", vaccine}, {"khong co", 0}} {
		df, n := bg.DocFreq(c.term)
		if df != c.df || n != 400 {
			t.Errorf("DocFreq(%q) = %v, %v; want %v, 400", c.term, df, n, c.df)
		}
	}
	sync(assocDocs(400, 100))
	if df, n := bg.DocFreq("ly hon"); df != 7 || n != 400 {
		t.Errorf("after an Add DocFreq(ly hon) = %v, %v; want the snapshot's 7, 400", df, n)
	}
}
