package indexer

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"

	"github.com/vanban/vanban/corpus"
)

// bulkConfig is the scorch configuration of Options.Bulk, for loads of
// many batches in a row (docs/performance.md has the measurements).
func bulkConfig() map[string]any {
	return map[string]any{
		"scorchMergePlanOptions": map[string]any{
			// Fewer, larger merges: a bulk load is compacted once at the
			// end (Compact), so merging small segments early is wasted work.
			"MaxSegmentsPerTier":   20,
			"SegmentsPerMergeTask": 20,
			"FloorSegmentSize":     20000,
		},
	}
}

// Prepared is a batch of store changes mapped to index documents, ready
// for Apply. Preparing (mapping, number keys) can run while the previous
// batch is being applied.
type Prepared struct {
	b        *bleve.Batch
	from, to uint64 // the store sequences the batch covers: (from, to]
	Docs     int
	Bytes    int64
}

// Prepare maps docs, the store changes with sequences in (from, to] in
// order, to one index batch that also records to as the applied sequence.
// A gone document becomes a delete.
func (ix *Index) Prepare(docs []*corpus.Document, from, to uint64) (*Prepared, error) {
	p := &Prepared{b: ix.b.NewBatch(), from: from, to: to, Docs: len(docs)}
	for _, d := range docs {
		if d.Gone {
			p.b.Delete(d.ID)
			continue
		}
		if err := p.b.Index(d.ID, Fields(d)); err != nil {
			return nil, fmt.Errorf("indexer: index %s: %w", d.ID, err)
		}
		p.Bytes += int64(len(d.Body) + len(d.Title) + len(d.Summary))
	}
	p.b.SetInternal(keySeq, seqBytes(to))
	return p, nil
}

// Apply applies a prepared batch. The index must be exactly at the batch's
// start (AppliedSeq == from), so that the recorded sequence never skips a
// change; otherwise Apply fails and Sync catches up.
func (ix *Index) Apply(p *Prepared) error {
	applied, err := ix.AppliedSeq()
	if err != nil {
		return fmt.Errorf("indexer: read applied seq: %w", err)
	}
	if applied != p.from {
		return fmt.Errorf("indexer: batch starts after store sequence %d, index is at %d (run Sync)", p.from, applied)
	}
	if err := ix.b.Batch(p.b); err != nil {
		return fmt.Errorf("indexer: apply batch: %w", err)
	}
	return nil
}

// Compact merges the index into one segment: a bulk-loaded index answers
// queries faster and takes less room (docs/performance.md).
func (ix *Index) Compact(ctx context.Context) error {
	in, err := ix.b.Advanced()
	if err != nil {
		return fmt.Errorf("indexer: compact: %w", err)
	}
	s, ok := in.(*scorch.Scorch)
	if !ok {
		return nil
	}
	if err := s.ForceMerge(ctx, &mergeplan.SingleSegmentMergePlanOptions); err != nil {
		return fmt.Errorf("indexer: compact: %w", err)
	}
	return nil
}
