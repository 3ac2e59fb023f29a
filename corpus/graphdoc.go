package corpus

// The seam to corpus/graph: what the graph reads of a Document, the
// store's writes and upgrades of the graph in its own transactions, and
// the record codec as the graph's Codec and Toucher. The Store's reads of
// the graph are graphread.go.

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strconv"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
)

// DocRefs returns the outgoing references of a document: one per lookup key
// in order of first appearance, leaving out its own number. Of several
// mentions of one key the one with the strongest relation the document
// itself states wins; later mentions fill in a date or type the first lacks.
func DocRefs(d *Document) []cite.Ref { return docGraph(d).Refs }

// docText is the text the graph reads of a document: its title, summary
// and body, each a paragraph of its own. A blank line between them is a hard
// break for cite's lexer: joined by one "\n", a title without a final stop
// ran on into its summary as one sentence, and "… Nghị quyết số 13-NQ/TW …
// về phát triển vùng …" + "Thực hiện Nghị quyết số 41/NQ-CP …" made
// 13-NQ/TW the actor of the summary's "Thực hiện" (relfields_test.go).
func docText(d *Document) string { return d.Title + "\n\n" + d.Summary + "\n\n" + d.Body }

// docGraph reads a document's references, relations and own effect; of a
// report (a news page, IsReport) only its references, each a mention.
func docGraph(d *Document) graph.Entry {
	pd := cite.ParseDoc(docText(d), cite.Self{Number: d.Number, Dated: d.Published})
	if IsReport(d) {
		asReport(&pd) // a news page states no relation (report.go)
	}
	return graph.EntryOf(graph.Doc{ID: d.ID, Number: d.Number, Published: d.Published}, pd)
}

// indexRefs replaces the graph entries of doc (called by Store.write, after
// the store's sequence is updated), and gives the documents whose effect
// the change touches a new sequence.
// p is what PutBatch prepared of doc (nil: nothing).
// t counts the edges (flushed by the caller before the commit).
func indexRefs(tx *bolt.Tx, c *recordCodec, doc *Document, p *docPrep, t *graph.Tally) error {
	return indexGraph(tx, c, doc, true, p, t)
}

func indexGraph(tx *bolt.Tx, c *recordCodec, doc *Document, touch bool, p *docPrep, t *graph.Tally) error {
	var toucher graph.Toucher
	if touch {
		toucher = c
	}
	return putGraph(graph.Of(tx, c), c, doc, p, t, toucher)
}

// putGraph writes doc's entries into gr (the root's graph, or the staged
// one a rebuild in batches builds), touching through toucher (nil: none).
func putGraph(gr graph.Graph, c *recordCodec, doc *Document, p *docPrep, t *graph.Tally, toucher graph.Toucher) error {
	var g *graph.Entry
	var val []byte
	if !doc.Gone {
		g, val = p.graphOf(c)
		if g == nil {
			v := docGraph(doc)
			g, val = &v, nil
		}
	}
	return gr.Put(doc.ID, g, val, t, toucher)
}

// migrate upgrades a version 1 store and rebuilds a graph of another
// graph.Version, inside Open's transaction (p: its ctx and progress).
func migrate(tx *bolt.Tx, c *recordCodec, p *pass) error {
	meta := tx.Bucket(bucketMeta)
	v := string(meta.Get([]byte("version")))
	if v != "1" && v != "2" && v != "3" && v != "4" && v != "5" && v != "6" && v != strconv.Itoa(storeVersion) {
		return nil // checkVersion reports it
	}
	// A graph of this version without group counts (a store built by a
	// binary between the two changes of graph version 6) is rebuilt too
	// (graph.Current).
	if v != "1" && graph.Current(tx) {
		if v == "2" || v == "3" || v == "4" || v == "5" || v == "6" {
			// Format 2, 3 or 4 → 5: the records stay as they are (the
			// codec reads every form) and are compressed with the
			// store's dictionary when next written. 5 → 6: OpenStore
			// moves the documents of tracking URLs (urlids.go); 6 → 7
			// it brings back the imported records 6 retired.
			return meta.Put([]byte("version"), []byte(strconv.Itoa(storeVersion)))
		}
		return nil
	}
	if err := rebuildGraph(tx, c, p); err != nil {
		return fmt.Errorf("build citation graph: %w", err)
	}
	// A graph of another version may have said other things of any
	// document's effect, read by other rules: every live document moves to
	// a new sequence, so that an index reads its effect span again
	// (touchLive). A version 1 store had no graph, and no index of this
	// binary's mapping was built from one (it cannot be opened read-only).
	if v != "1" {
		if err := touchLive(tx, c, touchBatch, p); err != nil {
			return fmt.Errorf("citation graph rebuilt: %w", err)
		}
	}
	if err := graph.Stamp(tx); err != nil {
		return err
	}
	return meta.Put([]byte("version"), []byte(strconv.Itoa(storeVersion)))
}

// rebuildGraph drops the graph buckets and indexes every live document.
func rebuildGraph(tx *bolt.Tx, c *recordCodec, p *pass) error {
	if err := graph.Reset(tx); err != nil {
		return err
	}
	t := graph.NewTally()
	n, total := 0, p.records(tx)
	err := tx.Bucket(bucketDocs).ForEach(func(k, raw []byte) error {
		if err := p.at(StepGraph, n, total); err != nil {
			return err
		}
		var d Document
		if err := c.decode(raw, &d); err != nil {
			return fmt.Errorf("decode %s: %w", k, err)
		}
		if n++; n%rebuildFlush == 0 {
			if err := t.Flush(tx); err != nil {
				return err
			}
		}
		return indexGraph(tx, c, &d, false, nil, t)
	})
	if err != nil {
		return err
	}
	p.end(StepGraph, n, total)
	return t.Flush(tx)
}

// touchLive gives every live document a new sequence (touch), in the
// order of their sequences (a record the sequences miss last, in ID
// order): after a graph rebuild, the next index sync reads each one's
// effect span again, and the live records' order of changes stays (the
// format 5 upgrade, run after it in the same open, reads which of two
// imports was written last from it). Comparing spans before and after the rebuild would not do:
// the spans an index keeps were computed by the binary that built the old
// graph, whose effect rules may differ from this one's (graph.Version 11
// changed both the edges and what counts as evidence), so only the index
// knows them. A few thousand documents cost a few seconds of re-indexing
// (docs/log/i20-effidx.md).
//
// It holds batch IDs at a time (touchBatch; tests' fewer), not every ID (docs/log/i25-store.md):
// a record it has touched is one whose sequence is above the last one
// before the pass and which the sequence index names there (touchOnce),
// so a sequence entry naming a record again (damage) is passed over
// without a set of those done. The records the sequences miss are found by
// a second walk, over the records in ID order, run only when the first
// did not touch or find as gone every record.
func touchLive(tx *bolt.Tx, c *recordCodec, batch int, p *pass) error {
	st := newTouchState(tx)
	for st.Pass != passFinish {
		if err := touchStep(tx, c, st, batch, p); err != nil {
			return err
		}
	}
	return nil
}

// touchBatch is how many sequence entries or record IDs touchLive reads
// between two rounds of touches (a bbolt cursor does not survive the
// bucket's writes): what it holds. An upgrade in batches commits each
// round (upgradeBatch): what bbolt holds of the pages it dirtied.
const touchBatch = 1024

// rebuildFlush is how many documents a rebuild indexes between writes of
// its link counts: the tally's memory.
const rebuildFlush = 5000

// Compress is graph.Codec's: the record codec's encoder (the store's
// dictionary).
func (c *recordCodec) Compress(dst, src []byte) []byte { return c.enc.EncodeAll(src, dst) }

// Decompress is graph.Codec's.
func (c *recordCodec) Decompress(src []byte, limit uint64) ([]byte, error) {
	return c.unzstd(src, limit)
}

// Touch is graph.Toucher's: a new sequence for document id (touch).
func (c *recordCodec) Touch(tx *bolt.Tx, id string) error { return touch(tx, c, id) }

// touch moves a stored document to the next sequence without changing it;
// a gone one (no index holds it) stays where it is.
func touch(tx *bolt.Tx, c *recordCodec, id string) error {
	d, err := touchable(tx, c, []byte(id))
	if err != nil || d == nil {
		return err
	}
	return moveToNext(tx, c, []byte(id), d)
}

// touchOnce is touchLive's touch of the record id, which the sequence
// entry at seq names (0: a record found by ID): a record whose sequence
// is above end and which the sequence index names there was touched by
// this pass already and stays. counted says the record is one the pass
// has now done: touched now, or gone and named at its own sequence.
func touchOnce(tx *bolt.Tx, c *recordCodec, id []byte, end, seq uint64) (counted bool, err error) {
	raw := tx.Bucket(bucketDocs).Get(id)
	if raw == nil {
		return false, nil
	}
	var d Document
	if err := c.decode(raw, &d); err != nil {
		return false, fmt.Errorf("touch %s: decode: %w", id, err)
	}
	if d.Gone {
		return seq != 0 && d.Seq == seq, nil
	}
	if d.Seq > end && bytes.Equal(tx.Bucket(bucketSeq).Get(seqKey(d.Seq)), id) {
		return false, nil
	}
	if err := moveToNext(tx, c, id, &d); err != nil {
		return false, fmt.Errorf("touch %s: %w", id, err)
	}
	return true, nil
}

// touchable is the live document id decoded, nil when it is not stored
// or gone (no index holds it: it stays where it is).
func touchable(tx *bolt.Tx, c *recordCodec, id []byte) (*Document, error) {
	raw := tx.Bucket(bucketDocs).Get(id)
	if raw == nil {
		return nil, nil
	}
	var d Document
	if err := c.decode(raw, &d); err != nil {
		return nil, fmt.Errorf("decode %s: %w", id, err)
	}
	if d.Gone {
		return nil, nil
	}
	return &d, nil
}

// moveToNext writes the document d (stored as id) at the next sequence.
func moveToNext(tx *bolt.Tx, c *recordCodec, id []byte, d *Document) error {
	docs, seqs, meta := tx.Bucket(bucketDocs), tx.Bucket(bucketSeq), tx.Bucket(bucketMeta)
	seq := uint64(1)
	if m := meta.Get([]byte("seq")); len(m) == 8 {
		seq = binary.BigEndian.Uint64(m) + 1
	}
	if d.Seq != 0 {
		if err := seqs.Delete(seqKey(d.Seq)); err != nil {
			return err
		}
	}
	d.Seq = seq
	out, err := c.encode(d)
	if err != nil {
		return err
	}
	if err := docs.Put(id, out); err != nil {
		return err
	}
	if err := seqs.Put(seqKey(seq), id); err != nil {
		return err
	}
	return meta.Put([]byte("seq"), seqKey(seq))
}

// SeqIDs lists the documents whose last change has a sequence in (from,
// to], in sequence order: the documents a batch stored and those whose
// effect it changed (touch).
func (s *Store) SeqIDs(from, to uint64) ([]string, error) {
	var ids []string
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketSeq).Cursor()
		for k, id := c.Seek(seqKey(from + 1)); k != nil && binary.BigEndian.Uint64(k) <= to; k, id = c.Next() {
			ids = append(ids, string(id))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: changes in (%d, %d]: %w", from, to, err)
	}
	return ids, nil
}

// refsDictOf is the dictionary a refs value's frame names (0: none).
func refsDictOf(v []byte) uint32 {
	if !graph.Compressed(v) {
		return 0
	}
	return recordDictOf(v)
}

// recodeRefs rewrites with c's current dictionary the refs values
// compressed with another (Recompress, before it drops the dictionaries
// nothing names). The refs bucket is a few percent of the records: one
// transaction.
func recodeRefs(tx *bolt.Tx, c *recordCodec) error {
	b := graph.RefsBucket(tx)
	var ids [][]byte
	err := b.ForEach(func(k, v []byte) error {
		if id := refsDictOf(v); id != 0 && id != c.dictID {
			ids = append(ids, bytes.Clone(k))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range ids {
		v, err := graph.Decode(c, b.Get(k), string(k))
		if err != nil {
			continue // left as it is: its dictionary stays (Recompress counts it used)
		}
		if err := b.Put(k, graph.Encode(c, &v, string(k))); err != nil {
			return err
		}
	}
	return nil
}
