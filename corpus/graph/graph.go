package corpus

// Citation graph format (store version 2, graph version GraphVersion). Seven
// buckets of store.db, written in the same bbolt transaction as the document
// they describe (Put, MarkGone), so the graph is never behind the store:
//
//	bucket "refs":    document ID → docRefs{Number, Refs, Signed,
//	                  Effective, Until, Edges}: the lookup key of the
//	                  document's own number, its outgoing references
//	                  (cite.ParseDoc over title, summary and body; one per
//	                  lookup key, self-references left out), what the text
//	                  says of the document's own effect, and the relation
//	                  edges it states (graph.go, Edge); binary, the long
//	                  ones compressed (refsval.go)
//	bucket "bykey":   lookupKey "\x00" citing ID → "" (the cited-by sets)
//	bucket "numbers": lookupKey "\x00" document ID → "" (who carries a number)
//	bucket "relto":   to "\x00" kind "\x00" stating ID "\x00" n → Edge
//	bucket "relfrom": from "\x00" kind "\x00" stating ID "\x00" n → Edge
//	                  (binary, without what the key says: edgeval.go;
//	                  JSON entries of earlier stores still read)
//	bucket "rellink", "relcount": the links of each group of a Lược đồ
//	                  and their count (relcount.go)
//
// An edge end is a lookup key, or "#" and the ID of a stored document
// without number (a lookup key starts with a digit). Gone documents have no
// entries. A lookup key is cite.Ref.LookupKey ("154/nq-cp"), which has no NUL
// byte. References and edges are resolved when read (Refs, Effect,
// Relations), so a citation or a replacement stored before the cited
// document arrives counts once it does, and a replacing decision stored
// tonight changes the status of yesterday's (effect.go). When a document's
// edges that change effect (amends, replaces, repeals, expires, suspends)
// are written or removed, the documents they target get a new sequence in
// the same transaction, so an index that keeps their status reads them
// again.
//
// meta "graph" holds the GraphVersion the buckets were built with. Opening a
// store read-write upgrades a version 1 store (no graph) and rebuilds the
// graph when GraphVersion changed (a better parser), in one transaction.
//
// Graph history, newest first: 10 — the portal's type field decides
// (2026-12-06, i18-newsrev, IsReport): a number-less page typed "Tin tức"
// is news even when it links a file, and one typed "Văn bản …" ("Văn bản
// khác", "Văn bản chỉ đạo điều hành", "Văn bản QPPL") is a văn bản whose
// relations count, whatever its title.
// 9 — a news page states no relation
// (2026-12-06, i18-news, report.go's IsReport): a page with no number, no
// type, no file and no attachment is a report, and every reference it
// makes is a mention (still cited_by), so no Lược đồ lists it ("Văn bản
// thực hiện") and nothing it says ("UBND tỉnh bãi bỏ Quyết định số …",
// "Quyết định số A thay thế Quyết định số B") changes an effect status;
// it has no effect of its own.
// 8 — a clause after a lead-in (2026-12-06,
// i18-rel2, cite's issuersAt and actorOf): an issuer list ends at a comma
// unless a "và" closes it or the key's code names the next name ("… của
// UBND tỉnh Phú Thọ, Sở Y tế đã tổ chức …" is issued by the UBND alone),
// and the verb of the clause after a comma closing "Căn cứ/Thực hiện/Trên
// cơ sở A …," is the text's act, not A's ("Căn cứ Quyết định số A …, các
// huyện quán triệt Kết luận số B": B is not implemented by A); a verb
// after "yêu cầu"/"đề nghị" is asked of others: a change so asked is not
// the text's act ("Sở Tư pháp đề nghị bãi bỏ Quyết định số …" is a
// mention), an implementation so asked stays the text's (a Công văn
// implements by asking).
// 7 — a list of grounds only (2026-12-06,
// i18-relrev, cite's listItem): a change's object ("thay thế Quyết định
// số A … ban hành Quy chế thực hiện Nghị định số B và Nghị định số C ngày
// … của Chính phủ sửa đổi …") no longer gives the text the change of C,
// and B written with its own trích yếu or issuer ("Nghị quyết số B về … của
// Chính phủ và Quyết định số C ngày …") keeps C an object of A's trích yếu,
// as does a comma between A and B ("Thực hiện Kế hoạch số A …, các trường
// tuyên truyền về Nghị quyết số B và Quyết định số C ngày … phê duyệt …");
// "được xây dựng trên cơ sở/căn cứ" heads the text's grounds only after a
// type word ("Kế hoạch", "Đề án này"), not after "Dự án", "tuyến đường".
// 6 — lists of grounds and copulas (2026-12-06,
// i18-rel, cite's listItem and copulaOfText): in "trên cơ sở Nghị quyết số
// A … ban hành Chương trình hành động thực hiện Nghị quyết số B và Quyết
// định số C ngày … của UBND tỉnh phê duyệt …" C is a ground as A is, not
// implemented by A; "được xây dựng trên cơ sở/căn cứ …" is a head; a verb
// after "X này là …" or "Kế hoạch là …" is not the text's act; and the
// buckets rellink and relcount, the links of each Lược đồ group counted
// (relcount.go). Before it:
// 1 — first graph (store version 2). 2 — one grammar of
// numbers for the parser, the index and lookups (viet.ScanNumber,
// viet.NumberKey): a key without "/" is read only in compact capitals
// (73-CP), lookup keys of "_"-joined numbers use "-", type words and codes
// from corpus/doctype. 3 — relations: each reference's relation, part and
// effect date, the document's own effect, the relto and relfrom buckets.
// Within 3, the refs values and the relto/relfrom entries became binary
// (2026-12-05, refsval.go, edgeval.go): each form is told by its first
// byte, JSON ones are still read and are rewritten when their document is,
// so the version stayed and no store rebuilds its graph for it. 4 — the
// title, summary and body are read as three paragraphs (docText), not run
// together into one sentence (2026-12-06, i17-chain): a title's last
// reference was made the actor of a verb opening the summary, which read
// chains backwards ("24-NQ/TW implements 154/NQ-CP"). 5 — a verb in the
// noun phrase after a copula "là" is not the text's own act (2026-12-06,
// i17-actor, cite's actorOf): a news page's "Dự án là một trong những công
// trình trọng điểm thực hiện Nghị quyết số 154/NQ-CP" made the page implement
// 154/NQ-CP.

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"strconv"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/viet"
	bolt "go.etcd.io/bbolt"
)

// GraphVersion is the version of the citation graph buckets; bump it when
// cite.ParseDoc or the bucket layout changes so that stores rebuild on open.
const GraphVersion = 10

var (
	bucketRefs    = []byte("refs")
	bucketByKey   = []byte("bykey")
	bucketNumbers = []byte("numbers")
	bucketRelTo   = []byte("relto")
	bucketRelFrom = []byte("relfrom")
)

// graphBucketNames are the buckets rebuildGraph drops and builds.
var graphBucketNames = [][]byte{bucketRefs, bucketByKey, bucketNumbers, bucketRelTo, bucketRelFrom, bucketRelLink, bucketRelCount}

// docRefs is the value of the refs bucket.
type docRefs struct {
	Number    string     `json:"number,omitempty"` // lookup key of Document.Number
	Refs      []cite.Ref `json:"refs"`
	Signed    string     `json:"signed,omitempty"`    // date of signing the text gives
	Effective string     `json:"effective,omitempty"` // when the document takes effect, as its text states
	Until     string     `json:"until,omitempty"`     // when its effect ends, as its text states
	Edges     []Edge     `json:"edges,omitempty"`
}

// ResolvedRef is an outgoing reference with the stored documents that carry
// its number (none when the cited document is not in the corpus).
type ResolvedRef struct {
	cite.Ref
	LookupKey string   `json:"lookup_key"`
	DocIDs    []string `json:"doc_ids,omitempty"`
}

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
func docGraph(d *Document) docRefs {
	own := viet.NumberKey(d.Number)
	pd := cite.ParseDoc(docText(d), cite.Self{Number: d.Number, Dated: d.Published})
	if IsReport(d) {
		asReport(&pd) // a news page states no relation (report.go)
	}
	v := docRefs{Number: own, Signed: pd.Signed, Effective: pd.Effective, Until: pd.Until}
	at := map[string]int{}
	for _, r := range pd.Refs {
		k := r.LookupKey()
		if k == "" || k == own {
			continue
		}
		i, ok := at[k]
		if !ok {
			at[k] = len(v.Refs)
			v.Refs = append(v.Refs, r)
			continue
		}
		o := &v.Refs[i]
		if strongerOwn(r, *o) {
			r.Date, r.Type, r.Year = cmp.Or(r.Date, o.Date), cmp.Or(r.Type, o.Type), max(r.Year, o.Year)
			r.Text, r.Start, r.End = o.Text, o.Start, o.End
			*o = r
			continue
		}
		if o.Date == "" {
			o.Date, o.Year = r.Date, max(o.Year, r.Year)
		}
		if o.Type == "" {
			o.Type = r.Type
		}
	}
	v.Edges = docEdges(d, own, pd)
	return v
}

// strongerOwn reports whether r says more of what the document itself does
// than o: a relation the document states as actor beats any other, then the
// relation's rank.
func strongerOwn(r, o cite.Ref) bool {
	rs, os := !r.By && r.Other == "", !o.By && o.Other == ""
	if rs != os {
		return rs
	}
	return r.Relation.Rank() > o.Relation.Rank()
}

// graphBuckets creates the graph buckets.
func graphBuckets(tx *bolt.Tx) error {
	for _, b := range graphBucketNames {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return err
		}
	}
	return nil
}

// indexRefs replaces the graph entries of doc (called by Store.write, after
// the store's sequence is updated), and gives the documents whose effect
// the change touches a new sequence.
// p is what PutBatch prepared of doc (nil: nothing).
// t counts the edges (flushed by the caller before the commit).
func indexRefs(tx *bolt.Tx, c *recordCodec, doc *Document, p *docPrep, t *linkTally) error {
	return indexGraph(tx, c, doc, true, p, t)
}

func indexGraph(tx *bolt.Tx, c *recordCodec, doc *Document, touch bool, p *docPrep, t *linkTally) error {
	refs, bykey, numbers := tx.Bucket(bucketRefs), tx.Bucket(bucketByKey), tx.Bucket(bucketNumbers)
	id := []byte(doc.ID)
	var targets []string // ends of effect edges removed or added
	if raw := refs.Get(id); raw != nil {
		old, err := c.decodeRefs(raw, doc.ID)
		if err != nil {
			return fmt.Errorf("decode refs of %s: %w", doc.ID, err)
		}
		for _, r := range old.Refs {
			if err := bykey.Delete(pairKey(r.LookupKey(), doc.ID)); err != nil {
				return err
			}
		}
		if old.Number != "" {
			if err := numbers.Delete(pairKey(old.Number, doc.ID)); err != nil {
				return err
			}
		}
		if err := putEdges(tx, doc.ID, old.Edges, true, t); err != nil {
			return err
		}
		targets = appendTargets(targets, old.Edges)
		if err := refs.Delete(id); err != nil {
			return err
		}
	}
	if !doc.Gone {
		g, val := p.graphOf(c)
		if g == nil {
			v := docGraph(doc)
			g, val = &v, nil
		}
		v := *g
		for _, r := range v.Refs {
			if err := bykey.Put(pairKey(r.LookupKey(), doc.ID), nil); err != nil {
				return err
			}
		}
		if v.Number != "" {
			if err := numbers.Put(pairKey(v.Number, doc.ID), nil); err != nil {
				return err
			}
		}
		if err := putEdges(tx, doc.ID, v.Edges, false, t); err != nil {
			return err
		}
		targets = appendTargets(targets, v.Edges)
		if val == nil {
			val = c.encodeRefs(&v, doc.ID)
		}
		if err := refs.Put(id, val); err != nil {
			return err
		}
	}
	if !touch {
		return nil
	}
	return touchTargets(tx, c, doc.ID, targets)
}

func pairKey(key, id string) []byte { return []byte(key + "\x00" + id) }

// migrate upgrades a version 1 store and rebuilds a graph of another
// GraphVersion, inside OpenStore's transaction.
func migrate(tx *bolt.Tx, c *recordCodec) error {
	meta := tx.Bucket(bucketMeta)
	v := string(meta.Get([]byte("version")))
	if v != "1" && v != "2" && v != "3" && v != "4" && v != strconv.Itoa(storeVersion) {
		return nil // checkVersion reports it
	}
	// A graph of this version without group counts (a store built by a
	// binary between the two changes of GraphVersion 6) is rebuilt too.
	counted := tx.Bucket(bucketRelCount) != nil
	if v != "1" && string(meta.Get([]byte("graph"))) == strconv.Itoa(GraphVersion) && counted {
		if v == "2" || v == "3" || v == "4" {
			// Format 2, 3 or 4 → 5: the records stay as they are (the
			// codec reads every form) and are compressed with the
			// store's dictionary when next written.
			return meta.Put([]byte("version"), []byte(strconv.Itoa(storeVersion)))
		}
		return nil
	}
	if err := rebuildGraph(tx, c); err != nil {
		return fmt.Errorf("build citation graph: %w", err)
	}
	if err := meta.Put([]byte("graph"), []byte(strconv.Itoa(GraphVersion))); err != nil {
		return err
	}
	return meta.Put([]byte("version"), []byte(strconv.Itoa(storeVersion)))
}

// rebuildGraph drops the graph buckets and indexes every live document.
func rebuildGraph(tx *bolt.Tx, c *recordCodec) error {
	for _, b := range graphBucketNames {
		if tx.Bucket(b) != nil {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
		}
	}
	if err := graphBuckets(tx); err != nil {
		return err
	}
	t := newLinkTally()
	n := 0
	err := tx.Bucket(bucketDocs).ForEach(func(k, raw []byte) error {
		var d Document
		if err := c.decode(raw, &d); err != nil {
			return fmt.Errorf("decode %s: %w", k, err)
		}
		if n++; n%rebuildFlush == 0 {
			if err := t.flush(tx); err != nil {
				return err
			}
		}
		return indexGraph(tx, c, &d, false, nil, t)
	})
	if err != nil {
		return err
	}
	return t.flush(tx)
}

// rebuildFlush is how many documents a rebuild indexes between writes of
// its link counts: the tally's memory.
const rebuildFlush = 5000

// Refs returns the outgoing references of document id, each with the live
// documents carrying its number. An unknown or gone document has none.
func (s *Store) Refs(id string) ([]ResolvedRef, error) {
	var out []ResolvedRef
	err := s.db.View(func(tx *bolt.Tx) error {
		v, ok, err := readDocRefs(tx, s.recs(), id)
		if !ok || err != nil {
			return err
		}
		out = make([]ResolvedRef, 0, len(v.Refs))
		for _, r := range v.Refs {
			k := r.LookupKey()
			out = append(out, ResolvedRef{Ref: r, LookupKey: k, DocIDs: scanPairs(tx.Bucket(bucketNumbers), k)})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: refs of %s: %w", id, err)
	}
	return out, nil
}

// CitedBy returns the IDs of the live documents citing key (a number in any
// spelling: "154/NQ-CP", "154/nq-cp"), sorted.
func (s *Store) CitedBy(key string) ([]string, error) {
	return s.pairs(bucketByKey, key)
}

// ByNumber returns the IDs of the live documents whose number is key (in any
// spelling), sorted.
func (s *Store) ByNumber(key string) ([]string, error) {
	return s.pairs(bucketNumbers, key)
}

func (s *Store) pairs(bucket []byte, key string) ([]string, error) {
	k := viet.NumberKey(key)
	if k == "" {
		return nil, nil
	}
	var ids []string
	err := s.db.View(func(tx *bolt.Tx) error {
		ids = scanPairs(tx.Bucket(bucket), k)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: %s %s: %w", bucket, key, err)
	}
	return ids, nil
}

// scanPairs lists the IDs stored under key in a pair bucket, in byte order.
func scanPairs(b *bolt.Bucket, key string) []string {
	ids, _, _ := scanPairsPage(context.Background(), b, key, 0, -1)
	return ids
}

// scanPairsPage lists the IDs stored under key in a pair bucket from the
// offset-th (from 0), at most limit of them (all when limit < 0), in byte
// order, and counts them all: only the page's IDs are copied. It looks at
// ctx every ctxEvery keys and returns its error when ctx ends.
func scanPairsPage(ctx context.Context, b *bolt.Bucket, key string, offset, limit int) ([]string, int, error) {
	prefix := []byte(key + "\x00")
	var ids []string
	total := 0
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if total%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, 0, err
			}
		}
		if total >= offset && (limit < 0 || total-offset < limit) {
			ids = append(ids, string(k[len(prefix):]))
		}
		total++
	}
	return ids, total, nil
}

// readDocRefs reads the refs entry of document id: false when it has none
// (unknown or gone).
func readDocRefs(tx *bolt.Tx, c *recordCodec, id string) (docRefs, bool, error) {
	raw := tx.Bucket(bucketRefs).Get([]byte(id))
	if raw == nil {
		return docRefs{}, false, nil
	}
	v, err := c.decodeRefs(raw, id)
	if err != nil {
		return v, false, fmt.Errorf("decode refs of %s: %w", id, err)
	}
	return v, true, nil
}
