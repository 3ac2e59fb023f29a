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
// Since format 4 the frames are compressed with recordDict (recorddict.go),
// which each frame names; format 3's frames, without a dictionary, read
// as before.
//
// The frames are single-segment, so each says its decompressed size;
// recordJSON refuses one that does not, or says more than maxRecord,
// before decompressing (a damaged or hostile record costs microseconds,
// not memory).
//
// The store holds every document's whole text (the source every index is
// rebuilt from), and JSON of Vietnamese text compresses well, so its
// records are compressed: zstd from github.com/klauspost/compress (pure
// Go, well kept, already in the build through gowarc and the Prometheus
// client), at its fastest level with the record dictionary (format 4):
// on the 20k scale corpus's records that is 49.0 % of the JSON at about
// 40 CPU-µs a record, against 61.2 % and about 80 µs at the default level
// without it (format 3); docs/performance.md, "i21-disk".
const (
	recLive byte = 1
	recGone byte = 2
)

// maxRecord bounds what one record may decompress to: a document keeps at
// most DefaultMaxText of text (and crawled pages a few MB), so a record
// claiming more is damage, refused before the memory is spent.
const maxRecord = 256 << 20

type codec struct {
	enc *zstd.Encoder
	dec *zstd.Decoder
}

// records is the store's zstd codec, made once: encoder and decoder are
// safe for concurrent EncodeAll and DecodeAll and hold no per-call state.
var records = sync.OnceValue(func() codec {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(2), zstd.WithLowerEncoderMem(true),
		// Single segment: every frame says its size (recordJSON checks it).
		zstd.WithSingleSegment(true), zstd.WithEncoderDictRaw(recordDictID, []byte(recordDict)))
	if err != nil {
		panic(fmt.Sprintf("corpus: zstd encoder: %v", err)) // only for invalid options
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(2), zstd.WithDecoderLowmem(true), zstd.WithDecoderMaxMemory(maxRecord),
		zstd.WithDecoderDictRaw(recordDictID, []byte(recordDict)))
	if err != nil {
		panic(fmt.Sprintf("corpus: zstd decoder: %v", err))
	}
	return codec{enc, dec}
})

// encodeDoc is the record of doc.
func encodeDoc(doc *Document) ([]byte, error) {
	raw, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	tag := recLive
	if doc.Gone {
		tag = recGone
	}
	out := make([]byte, 1, 1+len(raw)/2)
	out[0] = tag
	return records().enc.EncodeAll(raw, out), nil
}

// errRecord is a record of no known form.
var errRecord = errors.New("not a document record")

// decodeDoc reads a record of any store format into doc.
func decodeDoc(rec []byte, doc *Document) error {
	raw, err := recordJSON(rec)
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, doc)
}

// recordJSON is the JSON of a record.
func recordJSON(rec []byte) ([]byte, error) {
	switch {
	case len(rec) == 0:
		return nil, errRecord
	case rec[0] == '{':
		return rec, nil
	case rec[0] == recLive || rec[0] == recGone:
		// encodeDoc's frames carry their size: one without it, or
		// claiming more than maxRecord, is damage, refused before a
		// byte is decompressed (an RLE block of 4 bytes makes 128 KB).
		var h zstd.Header
		if err := h.Decode(rec[1:]); err != nil {
			return nil, fmt.Errorf("decompress: %w", err)
		}
		if !h.HasFCS || h.FrameContentSize > maxRecord {
			return nil, fmt.Errorf("decompress: frame of size %d (known %v), want a known size up to %d", h.FrameContentSize, h.HasFCS, maxRecord)
		}
		raw, err := records().dec.DecodeAll(rec[1:], nil)
		if err != nil {
			return nil, fmt.Errorf("decompress: %w", err)
		}
		if uint64(len(raw)) != h.FrameContentSize {
			return nil, fmt.Errorf("decompress: %d bytes, the frame says %d", len(raw), h.FrameContentSize)
		}
		return raw, nil
	}
	return nil, fmt.Errorf("%w (first byte %#x)", errRecord, rec[0])
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
