package indexer

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"

	"github.com/vanban/vanban/corpus"
)

// Prepared is a batch of store changes mapped to index documents, ready
// for a Loader. Preparing (mapping, number keys) can run while earlier
// batches are being applied.
type Prepared struct {
	b        *bleve.Batch
	from, to uint64 // the store sequences the batch covers: (from, to]
	Docs     int
	Bytes    int64
}

// Prepare maps docs, the store changes with sequences in (from, to] in
// order, to one index batch, with their effect spans when spans is not
// nil. A gone document becomes a delete.
func (ix *Index) Prepare(docs []*corpus.Document, from, to uint64, spans Spans) (*Prepared, error) {
	p := &Prepared{b: ix.b.NewBatch(), from: from, to: to, Docs: len(docs)}
	for _, d := range docs {
		if d.Gone {
			p.b.Delete(d.ID)
			continue
		}
		if err := ix.add(p.b, d, spans); err != nil {
			return nil, err
		}
		p.Bytes += int64(len(d.Body) + len(d.Title) + len(d.Summary))
	}
	return p, nil
}

// Loader applies prepared batches, several at a time: bleve builds each
// batch's segment in the goroutine that applies it, so two batches in
// flight keep both cores busy (docs/log/perf-choices.md). The applied store
// sequence recorded in the index only ever covers batches that have been
// applied: each batch carries the sequence up to which all earlier batches
// are done, and Close records the last one. An interrupted load therefore
// leaves the index behind the store, never ahead, and Sync re-applies the
// rest (indexing a document twice is harmless).
type Loader struct {
	ix      *Index
	slots   chan struct{}
	mu      sync.Mutex
	next    uint64            // the sequence the next batch must start at
	done    uint64            // every batch up to this sequence is applied
	pending map[uint64]uint64 // applied batches waiting for earlier ones: from → to
	err     error
	wg      sync.WaitGroup
	// Progress, when set, is called after each applied batch (from the
	// applying goroutine, one call at a time).
	Progress func(docs int, bytes int64)
}

// NewLoader returns a loader that applies up to inFlight batches at once.
// The batches given to Add must continue the index's applied sequence.
func (ix *Index) NewLoader(inFlight int) (*Loader, error) {
	seq, err := ix.AppliedSeq()
	if err != nil {
		return nil, fmt.Errorf("indexer: read applied seq: %w", err)
	}
	return &Loader{ix: ix, slots: make(chan struct{}, max(inFlight, 1)), next: seq, done: seq, pending: map[uint64]uint64{}}, nil
}

// Add starts applying p, waiting while inFlight batches are being applied.
// It returns the error of an earlier batch, after which nothing more is
// applied.
func (l *Loader) Add(p *Prepared) error {
	l.slots <- struct{}{}
	l.mu.Lock()
	if l.err == nil && p.from != l.next {
		l.err = fmt.Errorf("indexer: batch starts after store sequence %d, the loader is at %d", p.from, l.next)
	}
	if err := l.err; err != nil {
		l.mu.Unlock()
		<-l.slots
		return err
	}
	l.next = p.to
	p.b.SetInternal(keySeq, seqBytes(l.done))
	l.mu.Unlock()
	l.wg.Add(1)
	go func() {
		defer func() { <-l.slots; l.wg.Done() }()
		err := l.ix.b.Batch(p.b)
		l.mu.Lock()
		defer l.mu.Unlock()
		if err != nil {
			if l.err == nil {
				l.err = fmt.Errorf("indexer: apply batch: %w", err)
			}
			return
		}
		l.pending[p.from] = p.to
		for to, ok := l.pending[l.done]; ok; to, ok = l.pending[l.done] {
			delete(l.pending, l.done)
			l.done = to
		}
		if l.Progress != nil {
			l.Progress(p.Docs, p.Bytes)
		}
	}()
	return nil
}

// Close waits for the batches in flight and records the applied sequence.
func (l *Loader) Close() error {
	l.wg.Wait()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.err != nil {
		return l.err
	}
	if err := l.ix.b.SetInternal(keySeq, seqBytes(l.done)); err != nil {
		return fmt.Errorf("indexer: record applied seq: %w", err)
	}
	return nil
}

// Compact merges the index into one segment: a bulk-loaded index answers
// queries faster and takes less room (docs/log/perf-choices.md).
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
	// The merged-away segment files are removed by scorch's persister
	// after the merged snapshot is persisted; closing at once can leave
	// them on disk (3.4 GB of a 1M-document load did), so wait a little.
	// The newest one may stay protected as a rollback point until the next
	// write (a 1M load kept its last 109 MB segment).
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		m := s.StatsMap()
		files, _ := m["CurOnDiskFiles"].(uint64)
		segs, _ := m["TotFileSegmentsAtRoot"].(uint64)
		if files <= segs+1 { // the segments and root.bolt
			break
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	return nil
}
