package indexer

import (
	"context"
	"fmt"
	"strings"
	"sync"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/indexer/assoc"
)

// LinkBackground is what the index knows for plan linking
// (link.Background): its learned term associations and the document
// frequencies of its folded body terms — single syllables in body_f,
// syllable pairs in body_b, the terms plan linking uses. It reads one
// snapshot, taken when it is made, and keeps the frequencies it has looked
// up; Close releases the snapshot. Safe for concurrent use.
type LinkBackground struct {
	tab *assoc.Table
	r   index.IndexReader
	n   float64

	mu sync.Mutex
	df map[string]float64
}

// LinkBackground returns the index's background for plan linking. An index
// without associations (none learned yet, or unreadable) gives a
// background without related terms, and says so in the error only when
// the stored table cannot be read.
func (ix *Index) LinkBackground() (*LinkBackground, error) {
	tab, err := ix.Associations()
	if err != nil {
		return nil, fmt.Errorf("indexer: link background: %w", err)
	}
	adv, err := ix.b.Advanced()
	if err != nil {
		return nil, fmt.Errorf("indexer: link background: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("indexer: link background: %w", err)
	}
	n, err := r.DocCount()
	if err != nil {
		r.Close()
		return nil, fmt.Errorf("indexer: link background: %w", err)
	}
	return &LinkBackground{tab: tab, r: r, n: float64(n), df: map[string]float64{}}, nil
}

// Close releases the snapshot.
func (b *LinkBackground) Close() error { return b.r.Close() }

// Related returns the terms the index associates with a folded syllable
// pair, strongest first.
func (b *LinkBackground) Related(pair string) []link.RelatedTerm {
	ws := b.tab.Related(pair)
	if len(ws) == 0 {
		return nil
	}
	out := make([]link.RelatedTerm, len(ws))
	for i, w := range ws {
		out[i] = link.RelatedTerm{Term: w.Term, Weight: w.Weight}
	}
	return out
}

// DocFreq returns the number of indexed documents whose body holds term (a
// folded syllable, or two separated by a space) and the number of indexed
// documents. A term that cannot be read counts as held by none.
func (b *LinkBackground) DocFreq(term string) (df, n float64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if d, ok := b.df[term]; ok {
		return d, b.n
	}
	field := FieldBodyFold
	if strings.Contains(term, " ") {
		field = FieldBodyBigram
	}
	if tfr, err := b.r.TermFieldReader(context.Background(), []byte(term), field, false, false, false); err == nil {
		df = float64(tfr.Count())
		tfr.Close()
	}
	b.df[term] = df
	return df, b.n
}
