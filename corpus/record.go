package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// A document record, the value of the "docs" bucket, is one of:
//
//	'{' …            the JSON Document (store formats 1 and 2, still read)
//	recLive  zstd(JSON)  a live document, compressed (format 3 on)
//	recGone  zstd(JSON)  a tombstone, compressed: Count tells it apart
//	                     without decompressing
//
// Since format 4 the frames are compressed with a dictionary, which each
// frame names by its ID: recordDict (recorddict.go, built in) in format
// 4, and in format 5 the dictionary trained on the store's own records
// and kept in it (dicttrain.go) once the store has one. Format 3's
// frames, without a dictionary, read as before; a frame naming a
// dictionary the store does not hold is refused with errNoDict.
//
// The frames are single-segment, so each says its decompressed size;
// recordCodec.json refuses one that does not, or says more than
// maxRecord, before decompressing (a damaged or hostile record costs
// microseconds, not memory).
//
// The store holds every document's whole text (the source every index is
// rebuilt from), and JSON of Vietnamese text compresses well, so its
// records are compressed: zstd from github.com/klauspost/compress (pure
// Go, well kept, already in the build through gowarc and the Prometheus
// client). Records are compressed one by one, so that a snippet or a
// document page reads one record: blocks of 32 records compressed
// together were smaller still but cost a read 15–25 times the CPU
// (docs/log/i21-store-performance.md).
const (
	recLive byte = 1
	recGone byte = 2
)

// maxRecord bounds what one record may decompress to: a document keeps at
// most DefaultMaxText of text (and crawled pages a few MB), so a record
// claiming more is damage, refused before the memory is spent.
const maxRecord = 256 << 20

// Records are compressed at zstd's fastest level, and those of at least
// largeRecord bytes of JSON at its "better" level: on long documents the
// better level takes a fifth off (government documents of ~100 KB: 21.7
// → 17.7 % of the JSON), on short records it saves 2–3 points at 3–6
// times the CPU, most of it spent resetting the dictionary's tables for
// each record (docs/log/i21-store-performance.md).
const (
	recordLevel = zstd.SpeedFastest
	largeLevel  = zstd.SpeedBetterCompression
	largeRecord = 8 << 10
)

// errNoDict is a record naming a dictionary the store does not hold.
var errNoDict = errors.New("the record's dictionary is missing")

// recordCodec compresses and decompresses a store's records. Its encoder
// writes with the store's current dictionary (a trained one, dicttrain.go,
// or recordDict before the store has one); its decoder knows recordDict
// and every dictionary the store holds, so records written before a
// retrain stay readable. Encoder and decoder are safe for concurrent
// EncodeAll and DecodeAll.
type recordCodec struct {
	enc    *zstd.Encoder // records under largeRecord
	large  *zstd.Encoder // the others
	dictID uint32        // the dictionary enc and large write with
	dec    *zstd.Decoder
	known  map[uint32]bool   // dictionaries dec holds
	bad    map[uint32]string // dictionaries of the store that do not load, and why
	dicts  map[uint32][]byte // the trained dictionaries dec holds
}

// newRecordCodec is the codec of a store holding the trained
// dictionaries dicts (ID → zstd dictionary) and writing with current
// (recordDictID or one of dicts). A dictionary that does not load is
// left out and named in the errors of the records needing it.
func newRecordCodec(dicts map[uint32][]byte, current uint32) (*recordCodec, error) {
	c := &recordCodec{known: map[uint32]bool{recordDictID: true}, bad: map[uint32]string{}, dictID: recordDictID, dicts: map[uint32][]byte{}}
	dopts := []zstd.DOption{zstd.WithDecoderConcurrency(2), zstd.WithDecoderLowmem(true), zstd.WithDecoderMaxMemory(maxRecord),
		zstd.WithDecoderDictRaw(recordDictID, []byte(recordDict))}
	eopts := []zstd.EOption{zstd.WithEncoderConcurrency(2), zstd.WithLowerEncoderMem(true),
		// Single segment: every frame says its size (recordJSON checks it).
		zstd.WithSingleSegment(true)}
	encDict := zstd.WithEncoderDictRaw(recordDictID, []byte(recordDict))
	for id, d := range dicts {
		if got, err := zstd.InspectDictionary(d); err != nil || got.ID() != id {
			c.bad[id] = fmt.Sprintf("dictionary %#x does not load (%v)", id, err)
			continue
		}
		c.known[id], c.dicts[id] = true, d
		dopts = append(dopts, zstd.WithDecoderDicts(d))
		if id == current {
			encDict, c.dictID = zstd.WithEncoderDict(d), id
		}
	}
	if c.dictID != current {
		return nil, fmt.Errorf("corpus: the store's current record dictionary %#x is missing or damaged", current)
	}
	var err error
	if c.enc, err = zstd.NewWriter(nil, append(eopts, encDict, zstd.WithEncoderLevel(recordLevel))...); err != nil {
		return nil, fmt.Errorf("corpus: zstd encoder: %w", err)
	}
	if c.large, err = zstd.NewWriter(nil, append(eopts, encDict, zstd.WithEncoderLevel(largeLevel))...); err != nil {
		return nil, fmt.Errorf("corpus: zstd encoder: %w", err)
	}
	if c.dec, err = zstd.NewReader(nil, dopts...); err != nil {
		return nil, fmt.Errorf("corpus: zstd decoder: %w", err)
	}
	return c, nil
}

// baseCodec is the codec of a store without a trained dictionary.
var baseCodec = sync.OnceValue(func() *recordCodec {
	c, err := newRecordCodec(nil, recordDictID)
	if err != nil {
		panic(err) // only for invalid options
	}
	return c
})

// encode is the record of doc.
func (c *recordCodec) encode(doc *Document) ([]byte, error) {
	raw, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	return c.encodeJSON(raw, doc.Gone), nil
}

// encodeJSON is the record of a document's JSON.
func (c *recordCodec) encodeJSON(raw []byte, gone bool) []byte {
	tag := recLive
	if gone {
		tag = recGone
	}
	out := make([]byte, 1, 1+len(raw)/2)
	out[0] = tag
	if len(raw) >= largeRecord {
		return c.large.EncodeAll(raw, out)
	}
	return c.enc.EncodeAll(raw, out)
}

// errRecord is a record of no known form.
var errRecord = errors.New("not a document record")

// decode reads a record of any store format into doc.
func (c *recordCodec) decode(rec []byte, doc *Document) error {
	raw, err := c.json(rec)
	if err != nil {
		return err
	}
	was := *doc
	if parseDocument(raw, doc) { // the usual record, read directly (jsonlfast.go)
		return nil
	}
	*doc = was
	return json.Unmarshal(raw, doc)
}

// json is the JSON of a record.
func (c *recordCodec) json(rec []byte) ([]byte, error) { return c.jsonInto(rec, nil) }

// jsonInto is the JSON of a record, decompressed into dst's memory when
// it is large enough (the result aliases rec for a JSON record).
func (c *recordCodec) jsonInto(rec, dst []byte) ([]byte, error) {
	switch {
	case len(rec) == 0:
		return nil, errRecord
	case rec[0] == '{':
		return rec, nil
	case rec[0] == recLive || rec[0] == recGone:
		return c.unzstdInto(rec[1:], maxRecord, dst)
	}
	return nil, fmt.Errorf("%w (first byte %#x)", errRecord, rec[0])
}

// unzstd decompresses one frame of the codec. The frames carry their
// size: one without it, or claiming more than limit, is damage, refused
// before a byte is decompressed (an RLE block of 4 bytes makes 128 KB).
func (c *recordCodec) unzstd(frame []byte, limit uint64) ([]byte, error) {
	return c.unzstdInto(frame, limit, nil)
}

// unzstdInto is unzstd writing into dst's memory when it holds the frame's
// size.
func (c *recordCodec) unzstdInto(frame []byte, limit uint64, dst []byte) ([]byte, error) {
	var h zstd.Header
	if err := h.Decode(frame); err != nil {
		return nil, fmt.Errorf("decompress: %w", err)
	}
	if !h.HasFCS || h.FrameContentSize > limit {
		return nil, fmt.Errorf("decompress: frame of size %d (known %v), want a known size up to %d", h.FrameContentSize, h.HasFCS, limit)
	}
	if id := h.DictionaryID; id != 0 && !c.known[id] {
		if why, ok := c.bad[id]; ok {
			return nil, fmt.Errorf("decompress: %w: %s", errNoDict, why)
		}
		return nil, fmt.Errorf("decompress: %w: the record names dictionary %#x, which the store does not hold", errNoDict, id)
	}
	if uint64(cap(dst)) < h.FrameContentSize {
		dst = make([]byte, 0, h.FrameContentSize)
	}
	raw, err := c.dec.DecodeAll(frame, dst[:0])
	if err != nil {
		return nil, fmt.Errorf("decompress: %w", err)
	}
	if uint64(len(raw)) != h.FrameContentSize {
		return nil, fmt.Errorf("decompress: %d bytes, the frame says %d", len(raw), h.FrameContentSize)
	}
	return raw, nil
}

// recordSize is the size of a record's JSON, read from the frame header
// of a compressed one, without decompressing it.
func recordSize(rec []byte) (int, error) {
	switch {
	case len(rec) == 0:
		return 0, errRecord
	case rec[0] == '{':
		return len(rec), nil
	case rec[0] == recLive || rec[0] == recGone:
		var h zstd.Header
		if err := h.Decode(rec[1:]); err != nil {
			return 0, fmt.Errorf("frame header: %w", err)
		}
		if !h.HasFCS || h.FrameContentSize > maxRecord {
			return 0, fmt.Errorf("frame of size %d (known %v), want a known size up to %d", h.FrameContentSize, h.HasFCS, maxRecord)
		}
		return int(h.FrameContentSize), nil
	}
	return 0, fmt.Errorf("%w (first byte %#x)", errRecord, rec[0])
}

// recordGone tells whether a record is a tombstone, without decompressing
// a compressed one.
func recordGone(rec []byte) bool {
	if len(rec) > 0 && rec[0] != '{' {
		return rec[0] == recGone
	}
	return bytes.Contains(rec, []byte(`"gone":true`))
}
