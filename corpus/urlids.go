package corpus

// Store format 6: document IDs derived from URLs without their tracking
// parameters (CanonicalURL, one rule for IDs and the crawler's keys).
// Formats 1–5 derived them from a spelling that kept utm_*, fbclid … so a
// page stored from a shared link had an ID of its own. On a read-write
// open of an older store, migrateURLIDs moves each such document to the ID
// of its canonical URL (of several, the newest first: newestFirst), or
// retires it when that ID holds the same text already (the page stored
// from its plain link; a different text, or a tombstone there, keeps it
// under its own ID), and points the files
// attached to a moved article at its new ID. Every document is read once
// (one decode each, inside the open's transaction); the moves write new
// sequences, so an index drops the old IDs and adds the new ones.

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/vanban/vanban/corpus/graph"
)

// legacyURLID is the ID formats 1–5 derived from a stored document's URL
// (stored in that canonical form: only tracking parameters differ).
func legacyURLID(storedURL string) string {
	sum := sha256.Sum256([]byte(storedURL))
	return hex.EncodeToString(sum[:8])
}

// legacyURL is rawURL as formats 1–5 stored it when that spelling differs
// from its canonical one (tracking parameters kept), "" when it does not.
func legacyURL(rawURL string) string {
	if !strings.Contains(rawURL, "?") {
		return ""
	}
	if l := canonicalURL(rawURL, true); l != CanonicalURL(rawURL) {
		return l
	}
	return ""
}

// imported says whether d is an import's record: no site, fetch time,
// file or parent (a crawled page or file has them).
func imported(d *Document) bool {
	return d.Site == "" && d.FetchedAt.IsZero() && d.File == nil && d.Parent == ""
}

// keptRecords gives each import's document of a tracking URL (no ID: its
// URL's) whose record an upgrade kept under that URL's format 5 ID, live,
// beside another text under the canonical ID (keepBeside,
// retiredImports), that record's ID: the line is the record's newer
// text. Under the canonical ID, which it takes otherwise, the line
// replaced the other record's text, and the kept record was never written
// again, a stale copy. Crawled records kept so are left to the crawler,
// which retires them by its own rule. It returns the URLs, as stored,
// that prepare must give back to the documents it routed.
func (s *Store) keptRecords(docs []*Document) (map[*Document]string, error) {
	var kept map[*Document]string
	for _, d := range docs {
		if d.ID != "" || d.URL == "" || !imported(d) {
			continue
		}
		if l := legacyURL(d.URL); l != "" {
			if kept == nil {
				kept = map[*Document]string{}
			}
			kept[d] = l
		}
	}
	if kept == nil {
		return nil, nil
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		b, c := tx.Bucket(bucketDocs), s.recs()
		for d, l := range kept {
			id := legacyURLID(l)
			raw := b.Get([]byte(id))
			if raw == nil || recordGone(raw) {
				delete(kept, d)
				continue
			}
			var r Document
			if err := c.decode(raw, &r); err != nil {
				return fmt.Errorf("decode %s: %w", id, err)
			}
			if r.URL != l || !imported(&r) {
				delete(kept, d)
				continue
			}
			d.ID = id
		}
		return nil
	})
	return kept, err
}

// urlMoves reports whether an upgrade from format was moves the records
// of tracking URLs (formats 1–5 → 6).
func urlMoves(was string) bool {
	switch was {
	case "1", "2", "3", "4", "5":
		return true
	}
	return false
}

// migrateURLIDs moves the documents whose URL-derived ID the current rule
// changes (see above), in tx: urlStep's passes unbounded (the
// one-transaction upgrades, upgradeOnce; an upgrade in batches runs them
// a batch a transaction). It reports how many documents it moved or
// retired. A document whose canonical ID holds other text, or a
// tombstone, is kept where it is (keepBeside).
func (s *Store) migrateURLIDs(tx *bolt.Tx, c *recordCodec, p *pass) (int, error) {
	st := &upgradeState{Pass: passURLScan}
	for {
		last, err := s.urlStep(tx, c, st, 0, p)
		if err != nil || last {
			return st.Found, err
		}
	}
}

// urlStep is one batch (batch 0: all) of the URL moves' pass st names,
// st recording how far it came (committed with the batch's writes: a
// batch a crash lost is rolled back with its record and done once
// again). The passes, each walk resumed after st.After (seekAfter):
//
//   - passURLScan reads the records in ID order and lists in st.Moves
//     those under a tracking URL's ID; the batch that finds none left
//     orders them (newestFirst) for the moves. It writes no record, so
//     the order is the one a walk in one transaction reads.
//   - passURLMove moves st.Moves[st.Moving:] a batch at a time: each
//     decoded as it is now, moved to its canonical ID when that is free
//     (st.Moved records it), else retired or kept beside its twin.
//   - passURLChildren reads the records in ID order again and points
//     the files of a moved article at its new ID: every record naming
//     it as parent but the tombstones under tracking URLs' IDs (the old
//     records the moves retired, and those that were tombstones before),
//     so a file moved too (its new record a copy of the old, parent
//     included) or kept beside another text follows its article.
//
// It reports whether the last pass is done (no record left), the moves'
// last batch being the last when no article moved.
func (s *Store) urlStep(tx *bolt.Tx, c *recordCodec, st *upgradeState, batch int, p *pass) (bool, error) {
	docs := tx.Bucket(bucketDocs)
	switch st.Pass {
	case passURLScan:
		last, err := walkAfter(tx, c, st, batch, p, StepURLIDs, func(d *Document) error {
			if toMove(d) {
				st.Moves = append(st.Moves, d.ID)
			}
			return nil
		})
		if !last || err != nil {
			return false, err
		}
		p.end(StepURLIDs, st.Done, p.records(tx))
		moves := make([]*Document, 0, len(st.Moves))
		for _, id := range st.Moves {
			d, err := decodeStored(docs, c, id)
			if err != nil {
				return false, err
			}
			moves = append(moves, d)
		}
		newestFirst(moves)
		for i, d := range moves {
			st.Moves[i] = d.ID
		}
		st.Pass, st.Moving = passURLMove, 0
		return len(moves) == 0, nil
	case passURLMove:
		t := graph.NewTally()
		end := len(st.Moves)
		if batch > 0 {
			end = min(end, st.Moving+batch)
		}
		for ; st.Moving < end; st.Moving++ {
			if err := p.at(StepURLIDs, st.Done, 0); err != nil {
				return false, err
			}
			d, err := decodeStored(docs, c, st.Moves[st.Moving])
			if err != nil {
				return false, err
			}
			if d.Gone {
				continue // a tombstone stays as it is
			}
			id := IDForURL(d.URL)
			if raw := docs.Get([]byte(id)); raw == nil {
				nd := *d
				nd.ID, nd.URL = id, CanonicalURL(d.URL)
				nd.Hash = nd.contentHash()
				if err := s.write(tx, c, &nd, 0, nil, t); err != nil {
					return false, err
				}
				if st.Moved == nil {
					st.Moved = map[string]string{}
				}
				st.Moved[d.ID] = id
			} else if keep, err := keepBeside(c, raw, d); err != nil || keep {
				if err != nil {
					return false, fmt.Errorf("decode %s: %w", id, err)
				}
				continue
			}
			d.Gone = true
			if err := s.write(tx, c, d, d.Seq, nil, t); err != nil {
				return false, err
			}
			st.Found++
		}
		if err := t.Flush(tx); err != nil || st.Moving < len(st.Moves) {
			return false, err
		}
		if len(st.Moved) == 0 {
			return true, nil
		}
		st.Pass, st.After, st.Done = passURLChildren, "", 0
		return false, nil
	case passURLChildren:
		var children []string
		last, err := walkAfter(tx, c, st, batch, p, StepURLIDs, func(d *Document) error {
			if _, ok := st.Moved[d.Parent]; ok && (!d.Gone || !toMove(d)) {
				children = append(children, d.ID)
			}
			return nil
		})
		if err != nil {
			return false, err
		}
		t := graph.NewTally() // the records written after the walk: a cursor does not outlive its bucket's writes
		for _, ch := range children {
			d, err := decodeStored(docs, c, ch)
			if err != nil {
				return false, err
			}
			d.Parent = st.Moved[d.Parent]
			d.Hash = d.contentHash()
			if err := s.write(tx, c, d, d.Seq, nil, t); err != nil {
				return false, err
			}
		}
		if err := t.Flush(tx); err != nil {
			return false, err
		}
		if last {
			p.end(StepURLIDs, st.Done, p.records(tx))
		}
		return last, nil
	}
	return false, fmt.Errorf("URL moves: no pass %q", st.Pass)
}

// toMove reports whether d is stored under the ID formats 1–5 derived
// from a tracking URL, which the current rule changes.
func toMove(d *Document) bool {
	return d.URL != "" && d.ID == legacyURLID(d.URL) && IDForURL(d.URL) != d.ID
}

// decodeStored is the stored record id, decoded.
func decodeStored(docs *bolt.Bucket, c *recordCodec, id string) (*Document, error) {
	raw := docs.Get([]byte(id))
	if raw == nil {
		return nil, fmt.Errorf("%s is gone from the store", id)
	}
	var d Document
	if err := c.decode(raw, &d); err != nil {
		return nil, fmt.Errorf("decode %s: %w", id, err)
	}
	return &d, nil
}

// newestFirst orders the documents to move by their canonical URL's ID,
// and those of one ID newest first (fetched last; without a fetch time,
// an import's, written last): the newest takes the canonical ID, the ID
// every later fetch and import of the page writes, and the older ones,
// of other texts, are kept beside it. In the IDs' order an older text
// took it and the newer stayed under a tracking URL's ID, which the
// crawler's next run retires.
func newestFirst(moves []*Document) {
	key := make(map[*Document]string, len(moves))
	for _, d := range moves {
		key[d] = IDForURL(d.URL)
	}
	slices.SortStableFunc(moves, func(a, b *Document) int {
		return cmp.Or(strings.Compare(key[a], key[b]), b.FetchedAt.Compare(a.FetchedAt), cmp.Compare(b.Seq, a.Seq))
	})
}

// keepBeside says whether d, under a tracking URL's ID, stays a document
// of its own beside twin, the record its canonical URL's ID holds: unless
// twin is live and holds d's text (every field contentHash covers),
// retiring d would take text out of the collection (an import's two
// records whose URLs differ by utm_*, a page fetched at two times), so it
// is kept, under its own ID and URL.
func keepBeside(c *recordCodec, twin []byte, d *Document) (bool, error) {
	var tw Document
	if err := c.decode(twin, &tw); err != nil {
		return false, err
	}
	return tw.Gone || tw.contentHash() != d.contentHash(), nil
}

// retiredImports is the first half of the upgrade of format 6 to 7: the
// format 6 upgrade of binaries before it retired every tracking URL's
// document whose canonical ID held one, whatever its text. The tombstones
// kept the text; an imported record's (no site, fetch time or file:
// nothing else makes it a tombstone) is to come back when its canonical
// URL's record is live, holds another text and is older than the
// tombstone (unchanged since the upgrade retired it beside it). Left as
// they are: the old ID of a moved record (the same text, or its record
// changed since: a later import merged them under the canonical ID) and
// crawled pages (the crawler retires a tracking URL's page by its own
// rule each run). It reads the sequences, so OpenStore calls it before a
// graph rebuild moves the live records to new ones (touchLive: every
// live record after every tombstone) and restoreImports after.
func retiredImports(tx *bolt.Tx, c *recordCodec, p *pass) ([]*Document, error) {
	docs := tx.Bucket(bucketDocs)
	var back []*Document
	n, total := 0, p.records(tx)
	err := docs.ForEach(func(id, raw []byte) error {
		if err := p.at(StepImports, n, total); err != nil {
			return err
		}
		if n++; !recordGone(raw) {
			return nil
		}
		var d Document
		if err := c.decode(raw, &d); err != nil {
			return fmt.Errorf("decode %s: %w", id, err)
		}
		if d.URL == "" || !imported(&d) || d.ID != legacyURLID(d.URL) || IDForURL(d.URL) == d.ID {
			return nil
		}
		twin := docs.Get([]byte(IDForURL(d.URL)))
		if twin == nil {
			return nil
		}
		var tw Document
		if err := c.decode(twin, &tw); err != nil {
			return fmt.Errorf("decode %s: %w", IDForURL(d.URL), err)
		}
		if !tw.Gone && tw.Seq < d.Seq && tw.contentHash() != d.contentHash() {
			back = append(back, &d)
		}
		return nil
	})
	p.end(StepImports, n, total)
	return back, err
}

// restoreImports brings back the records retiredImports chose (their
// sequences are the tombstones', which a graph rebuild leaves where they
// are). It reports how many.
func (s *Store) restoreImports(tx *bolt.Tx, c *recordCodec, back []*Document) (int, error) {
	if len(back) == 0 {
		return 0, nil
	}
	t := graph.NewTally()
	for _, d := range back {
		d.Gone = false
		if err := s.write(tx, c, d, d.Seq, nil, t); err != nil {
			return 0, err
		}
	}
	return len(back), t.Flush(tx)
}
