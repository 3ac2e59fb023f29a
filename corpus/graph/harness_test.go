package graph

// The graph's tests' store: a bbolt file of the test's own holding the
// graph's buckets and the "meta" bucket the graph keeps its version in,
// written and read through Of in its transactions as corpus does, with a
// Codec and a Toucher of the test's (the two interfaces the graph asks of
// its store). Documents are read from their text as corpus reads a văn
// bản's: title, summary and body as three paragraphs, cite.ParseDoc, then
// EntryOf. (Whether a page is a news report, whose references are all
// mentions, is corpus's rule and is tested there.)

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/klauspost/compress/zstd"
	"github.com/vanban/vanban/corpus/cite"
	bolt "go.etcd.io/bbolt"
)

// testCodec compresses the long refs values with zstd and no dictionary,
// and reads a frame only when its header states a size within the limit
// and the frame gives that many bytes, as the store's record codec does.
type testCodec struct {
	enc *zstd.Encoder
	dec *zstd.Decoder
}

func newTestCodec(tb testing.TB) *testCodec {
	tb.Helper()
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1), zstd.WithSingleSegment(true))
	if err != nil {
		tb.Fatal(err)
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
	if err != nil {
		tb.Fatal(err)
	}
	return &testCodec{enc: enc, dec: dec}
}

func (c *testCodec) Compress(dst, src []byte) []byte { return c.enc.EncodeAll(src, dst) }

func (c *testCodec) Decompress(src []byte, limit uint64) ([]byte, error) {
	var h zstd.Header
	if err := h.Decode(src); err != nil {
		return nil, fmt.Errorf("decompress: %w", err)
	}
	if !h.HasFCS || h.FrameContentSize > limit {
		return nil, fmt.Errorf("decompress: frame of size %d (known %v), want a known size up to %d", h.FrameContentSize, h.HasFCS, limit)
	}
	raw, err := c.dec.DecodeAll(src, nil)
	if err != nil {
		return nil, fmt.Errorf("decompress: %w", err)
	}
	if uint64(len(raw)) != h.FrameContentSize {
		return nil, fmt.Errorf("decompress: %d bytes, the frame says %d", len(raw), h.FrameContentSize)
	}
	return raw, nil
}

// tdoc is a document as the graph's tests write it.
type tdoc struct {
	ID, Number, Published, Title, Summary, Body string
}

// entry is what corpus stores of d's text (corpus's docGraph for a văn
// bản).
func (d tdoc) entry() Entry {
	pd := cite.ParseDoc(d.Title+"\n\n"+d.Summary+"\n\n"+d.Body, cite.Self{Number: d.Number, Dated: d.Published})
	return EntryOf(Doc{ID: d.ID, Number: d.Number, Published: d.Published}, pd)
}

// testDB is a bbolt file holding a graph, and the Toucher of its writes:
// touched lists the IDs the graph asked to move to a new sequence.
type testDB struct {
	tb      testing.TB
	path    string
	db      *bolt.DB
	c       *testCodec
	touched []string
}

// openTestDB makes a bbolt file in a temporary directory with the meta
// bucket and the graph's buckets of this Version.
func openTestDB(tb testing.TB) *testDB {
	tb.Helper()
	s := &testDB{tb: tb, path: filepath.Join(tb.TempDir(), "graph.db"), c: newTestCodec(tb)}
	s.open()
	tb.Cleanup(func() { s.db.Close() })
	s.update(func(tx *bolt.Tx) error {
		if _, err := tx.CreateBucket(bucketMeta); err != nil {
			return err
		}
		if err := Reset(tx); err != nil {
			return err
		}
		return Stamp(tx)
	})
	return s
}

func (s *testDB) open() {
	s.tb.Helper()
	db, err := bolt.Open(s.path, 0o644, &bolt.Options{Timeout: time.Second})
	if err != nil {
		s.tb.Fatal(err)
	}
	s.db = db
}

// reopen closes the file and opens it again.
func (s *testDB) reopen() {
	s.tb.Helper()
	if err := s.db.Close(); err != nil {
		s.tb.Fatal(err)
	}
	s.open()
}

// Touch is Toucher's: it records id.
func (s *testDB) Touch(_ *bolt.Tx, id string) error {
	s.touched = append(s.touched, id)
	return nil
}

func (s *testDB) update(f func(tx *bolt.Tx) error) {
	s.tb.Helper()
	if err := s.db.Update(f); err != nil {
		s.tb.Fatal(err)
	}
}

// view calls f with the graph in a read transaction.
func (s *testDB) view(f func(g Graph) error) {
	s.tb.Helper()
	if err := s.db.View(func(tx *bolt.Tx) error { return f(Of(tx, s.c)) }); err != nil {
		s.tb.Fatal(err)
	}
}

// put writes the entries of docs in one transaction, in order (a later
// one of an ID replaces the earlier), its tally flushed before the
// commit, touching what their edges change.
func (s *testDB) put(docs ...tdoc) {
	s.tb.Helper()
	s.update(func(tx *bolt.Tx) error {
		t := NewTally()
		for _, d := range docs {
			v := d.entry()
			if err := Of(tx, s.c).Put(d.ID, &v, nil, t, s); err != nil {
				return err
			}
		}
		return t.Flush(tx)
	})
}

// gone removes the entries of documents ids, as the store's MarkGone.
func (s *testDB) gone(ids ...string) {
	s.tb.Helper()
	s.update(func(tx *bolt.Tx) error {
		t := NewTally()
		for _, id := range ids {
			if err := Of(tx, s.c).Put(id, nil, nil, t, s); err != nil {
				return err
			}
		}
		return t.Flush(tx)
	})
}

// relations is the Lược đồ of a number or "#ID" (the store's Relations).
func (s *testDB) relations(key string) (Relations, error) {
	var r Relations
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		r, _, err = Of(tx, s.c).RelationsGrouped(context.Background(), End(key))
		return err
	})
	return r, err
}

// effect is the effect of a number or "#ID" at a day (the store's
// Effect).
func (s *testDB) effect(ctx context.Context, key string, at time.Time) (Effect, error) {
	end := End(key)
	if end == "" {
		return Effect{}, fmt.Errorf("effect of %q: %w", key, errNotNumber)
	}
	var e Effect
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		e, err = Of(tx, s.c).Effect(ctx, end, at)
		return err
	})
	return e, err
}

var errNotNumber = errors.New("not a document number")

// docEffect and span are a document's effect and span.
func (s *testDB) docEffect(ctx context.Context, id string, at time.Time) (e Effect, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		e, err = Of(tx, s.c).DocEffect(ctx, id, at)
		return err
	})
	return e, err
}

func (s *testDB) span(id string) (sp Span, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		sp, err = Of(tx, s.c).Span(id)
		return err
	})
	return sp, err
}

// groups and page are RelationGroups and RelationGroupPage of a number.
func (s *testDB) groups(ctx context.Context, key string, per int) (gs []RelationGroup, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		gs, err = Of(tx, s.c).RelationGroups(ctx, End(key), per)
		return err
	})
	return gs, err
}

func (s *testDB) page(ctx context.Context, key string, in bool, kind cite.Relation, offset, limit int) (g RelationGroup, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		g, err = Of(tx, s.c).RelationGroupPage(ctx, End(key), in, kind, offset, limit)
		return err
	})
	return g, err
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}
