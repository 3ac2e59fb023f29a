package corpus

// What a batch write (PutBatch) does for each document before and beside
// its bbolt transaction, on every core: bbolt has one writer, and its
// write transaction is one goroutine's, so everything that does not need
// the transaction is taken out of it (docs/log/i21-storepar.md):
//
//   - before the transaction: the content hash (prepare), the stored
//     version the document replaces (read and decoded in read
//     transactions, one per worker), and the citation graph of its text
//     (docGraph: the cite parser);
//   - inside it, ahead of the writer: the record (JSON, zstd) and the
//     refs value, encoded with the codec the write uses and the sequence
//     the document will get if every document the batch finds changed
//     takes the next one (no document touched on the way).
//
// The writer then takes what was prepared only where it is still what it
// would compute itself: the stored version when its record is byte for
// byte the one read before, the record when its sequence and codec are
// the ones the write assigns; anything else (a document twice in a batch,
// a touched document, a dictionary trained by this write) is computed by
// the writer as Put does. So the store's bytes are those of Put, one
// document after the other.

import (
	"bytes"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
)

// docPrep is what was prepared of one document of a batch.
type docPrep struct {
	oldRaw  []byte       // the stored record read before the transaction (nil: none)
	old     Document     // … decoded
	oldErr  error        // … or why it did not decode (the writer decodes it again)
	changed bool         // not the same as the stored version: the write stores it
	graph   *graph.Entry // docGraph of the document (nil: not computed)
	ready   chan bool    // closed when rec and refs are set (or left nil)
	codec   *recordCodec
	seq     uint64 // the sequence rec was encoded with
	rec     []byte // the document's record at seq
	refs    []byte // its refs value (nil: computed by the writer)
}

// prepWorkers is how many goroutines prepare a batch.
func prepWorkers(n int) int { return max(1, min(runtime.GOMAXPROCS(0), n)) }

// spread calls fn(i) for i in [0, n) on prepWorkers goroutines, each
// given its worker number w, and returns at once with a function waiting
// for them.
func spread(n int, fn func(w, i int)) (wait func()) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range prepWorkers(n) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				fn(w, i)
			}
		})
	}
	return wg.Wait
}

// parallel calls fn(i) for i in [0, n) on every core, each worker in a
// read transaction of s; it returns the first error.
func (s *Store) parallel(n int, fn func(tx *bolt.Tx, i int)) error {
	txs := make([]*bolt.Tx, prepWorkers(n))
	for w := range txs {
		tx, err := s.db.Begin(false)
		if err != nil {
			for _, t := range txs[:w] {
				t.Rollback()
			}
			return err
		}
		txs[w] = tx
	}
	spread(n, func(w, i int) { fn(txs[w], i) })()
	for _, tx := range txs {
		tx.Rollback()
	}
	return nil
}

// prepareBatch prepares docs (already prepare()d) on every core: the
// stored versions they replace and the citation graphs of those that
// change. It is called outside the write transaction.
func (s *Store) prepareBatch(docs []*Document) ([]docPrep, error) {
	preps := make([]docPrep, len(docs))
	c := s.recs()
	err := s.parallel(len(docs), func(tx *bolt.Tx, i int) {
		d, p := docs[i], &preps[i]
		p.ready = make(chan bool)
		p.changed = true
		if raw := tx.Bucket(bucketDocs).Get([]byte(d.ID)); raw != nil {
			p.oldRaw = bytes.Clone(raw)
			if p.oldErr = c.decode(raw, &p.old); p.oldErr == nil {
				p.changed = !sameVersion(&p.old, d)
			}
		}
		if p.changed && !d.Gone {
			g := docGraph(d)
			p.graph = &g
		}
	})
	return preps, err
}

// encodeAhead encodes, on every core, the records and refs values of the
// documents preps says change, with codec c and the sequences they get
// when each takes the next after last; each doc's ready channel closes
// when it is done. It returns at once (the writer waits per document)
// with a function waiting for every worker.
func encodeAhead(c *recordCodec, docs []*Document, preps []docPrep, last uint64) (wait func()) {
	seq := last
	for i := range preps {
		if preps[i].changed {
			seq++
			preps[i].seq = seq
		}
	}
	return spread(len(docs), func(_, i int) {
		p := &preps[i]
		if p.changed {
			p.codec = c
			d := *docs[i] // a copy: the writer sets the original's Seq
			d.Seq = p.seq
			if rec, err := c.encode(&d); err == nil {
				p.rec = rec
			}
			if p.graph != nil {
				p.refs = graph.Encode(c, p.graph, d.ID)
			}
		}
		close(p.ready)
	})
}

// storedVersion is the stored document prepared for a write, when raw
// (the record stored now) is the one it was decoded from.
func (p *docPrep) storedVersion(raw []byte) (Document, bool) {
	if p == nil || p.oldErr != nil || !bytes.Equal(raw, p.oldRaw) {
		return Document{}, false
	}
	return p.old, true
}

// record is the prepared record of doc when it was encoded with c at
// doc.Seq.
func (p *docPrep) record(c *recordCodec, doc *Document) []byte {
	if p == nil || p.rec == nil || p.codec != c || p.seq != doc.Seq {
		return nil
	}
	return p.rec
}

// graphOf is the prepared citation graph of doc and its refs value when
// encoded with c (nil when the writer computes it).
func (p *docPrep) graphOf(c *recordCodec) (*graph.Entry, []byte) {
	if p == nil {
		return nil, nil
	}
	if p.codec != c {
		return p.graph, nil
	}
	return p.graph, p.refs
}
