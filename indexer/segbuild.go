package indexer

// The segment writer of the offline build (build.go). bleve's own offline
// builder (scorch.Builder) builds every segment on the goroutine that
// hands it documents and merges them all, ten at a time, on one goroutine
// at the end: a build used about one core beside the analysis workers, and
// its last fifth was a single-threaded merge (docs/log/i21-ingest.md). segWriter does the same work on as many segment workers
// as the build's heap budget holds batches (build.go, planBuild; one under
// ingest's default 256 MB limit, docs/log/i21-ingest2.md):
//
//   - each worker analyzes a batch of documents and writes it as a zap
//     segment, with our own writer of zap's format (segwrite.go: the
//     segment building was half of a build's CPU in zap's New);
//   - one merger takes the finished segments in batch order and merges
//     every mergeMax segments of one level into one of the next while
//     later batches are still being built, as in a tiered LSM; each merge
//     runs on a goroutine of its own, one at a time while the workers
//     build and one per core once they are done, so merges left at the
//     end run side by side (docs/log/i21-merge1m.md);
//   - at the end a build of up to FinalMergeDocs documents merges the
//     segments left (a handful) once into the index's single segment; a
//     larger one keeps the merged segments as they are (at 1M: ten of
//     100,000 documents, where the merge of all of them was a second
//     rewriting of the whole index on one core, and the peak of the
//     build's memory, every input mapped) and merges only the batches
//     after the last of them into one; the index's root (root.bolt) is
//     written for the segments as scorch.Builder writes it for its one.
//
// Documents keep the store's order in the final segment (batch i's
// documents precede batch i+1's, whichever worker finished first), so a
// build is deterministic. The file format is zap v17, bleve's default
// segment plugin, and root.bolt is written with the keys bleve exports in
// its util package (segments.go reads the same layout).

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"math/bits"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/util"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v17"
)

// BuildMergeMax is how many segments of one level the build merges into
// one of the next. Every merge level reads and writes the whole index once
// more: with 25 (scorch.Builder merges 10 at a time), 20k documents in
// batches of 1,000 are merged once (20 segments at the end), 100k twice
// (four merges of 25 during the build, one at the end). A merge maps all
// its inputs while the segment workers' batches are on the heap: at 100k
// with two workers a merge of 50 batch segments (235 MB of files) was the
// peak of the resident memory, 794 MB. And a larger merge costs more per
// document: one of 100 took about as much CPU as two passes of 50 (zap's
// merge finds each next term by scanning every input; docs/log/i21-bulk.md).
const BuildMergeMax = 25

// BuildFinalMergeDocs is the most documents a build merges into a single
// segment at the end (BuildOptions.FinalMergeDocs); a larger build keeps
// the segments it merged on the way.
const BuildFinalMergeDocs = 150_000

// BuildKeepMergeMax is BuildMergeMax in a build that keeps its merged
// segments: 100 batches of 1,000 documents make a segment of 100,000, as
// dense as the one segment of a 100k index (1M: ten segments, merged once).
// Smaller segments take more disk per document (their dictionaries): ten
// of 10,000 took 34 % more than one of 100,000.
const BuildKeepMergeMax = 100

// BuildKeepLevel is the level of the segments a build that keeps its
// merged segments keeps (BuildOptions.KeepLevel): one merge of
// BuildKeepMergeMax batches.
const BuildKeepLevel = 1

// segWriter writes and merges the segments of one build in dir.
type segWriter struct {
	dir      string
	mergeMax int
	// top is the level whose segments a build that keeps its segments
	// keeps (BuildKeepLevels): merges stop there (0: no top, every level
	// merges when it is full, and mergeRest keeps the levels above the
	// first).
	top    int
	plugin zap.ZapPlugin
	// zapBatches writes the batches with zap's New and Persist and
	// merges them with zap's Merge (the tests' reference) instead of
	// segwrite.go and segmerge.go
	zapBatches bool
	encoders   sync.Pool     // *segEncoder, one per segment worker at a time
	mergers    sync.Pool     // *segMerger, one per merge running
	closeCh    chan struct{} // closed when the build is cancelled: a merge stops
	log        *slog.Logger
	start      time.Time
	// merging holds a token per merge running: one while the segment
	// workers build, every core once they are done (widen)
	merging chan struct{}
	merges  sync.WaitGroup
	// limit lowers the soft memory limit by the inputs of the merges
	// running (memlimit.go; nil: left alone)
	limit  *mappedLimit
	failed atomic.Pointer[error] // the first merge that failed
	files  int                   // names handed out by the merger
	levels [][]*pendingSeg       // segments waiting to be merged, by level, in document order
	stats  mergeStats
}

// pendingSeg is a segment of the build: a batch's, written, or a merge's,
// ready when done is closed (then path names it, or err says why not).
type pendingSeg struct {
	path string
	done chan struct{}
	err  error
}

// mergeStats count a build's merges (the merges' goroutines).
type mergeStats struct {
	mu     sync.Mutex
	merges int
	inputs int
	busy   time.Duration // the merges' wall time, summed
}

func newSegWriter(ctx context.Context, dir string, mergeMax, top int, log *slog.Logger) (*segWriter, func()) {
	w := &segWriter{dir: dir, mergeMax: max(mergeMax, 2), top: max(top, 0), closeCh: make(chan struct{}),
		log: log, start: time.Now(), merging: make(chan struct{}, runtime.GOMAXPROCS(0))}
	if w.log == nil {
		w.log = slog.New(slog.DiscardHandler)
	}
	w.merging <- struct{}{}
	stop := context.AfterFunc(ctx, func() { close(w.closeCh) })
	return w, func() {
		stop()
		w.merges.Wait() // no merge left writing into dir
	}
}

// widen lets as many merges run at once as there are cores: the segment
// workers are done, and the merges left would otherwise run one after the
// other on one core.
func (w *segWriter) widen() {
	for range cap(w.merging) - 1 {
		w.merging <- struct{}{}
	}
}

// batchPath names the segment of batch i (written by a worker).
func (w *segWriter) batchPath(i int) string {
	return filepath.Join(w.dir, fmt.Sprintf("b%08d.zap", i))
}

// writeBatch writes docs, analyzed (analyzedDocument), as the segment of
// batch i: the file zap's New and Persist write for them, written by our
// own writer (segwrite.go) unless zap's is asked for or zap's files are
// processed by a writer hook (bleve's encryption callbacks, which ours
// does not apply). Workers call it concurrently.
func (w *segWriter) writeBatch(i int, docs []index.Document) error {
	for _, d := range docs {
		prepareForSegment(d)
	}
	if w.zapBatches || index.WriterHook != nil {
		return w.writeBatchZap(i, docs)
	}
	e, ok := w.encoders.Get().(*segEncoder)
	if !ok {
		e = new(segEncoder)
	}
	defer w.encoders.Put(e)
	if err := e.writeFile(docs, w.batchPath(i)); errors.Is(err, errSegUnsupported) {
		return w.writeBatchZap(i, docs)
	} else if err != nil {
		return fmt.Errorf("indexer: build: segment %d: %w", i, err)
	}
	return nil
}

// writeBatchZap writes docs, prepared, as the segment of batch i with
// zap's New and Persist.
func (w *segWriter) writeBatchZap(i int, docs []index.Document) error {
	seg, _, err := w.plugin.New(docs)
	if err != nil {
		return fmt.Errorf("indexer: build: segment %d: %w", i, err)
	}
	defer seg.Close()
	u, ok := seg.(segment.UnpersistedSegment)
	if !ok {
		return fmt.Errorf("indexer: build: segment %T cannot be written", seg)
	}
	if err := u.Persist(w.batchPath(i)); err != nil {
		return fmt.Errorf("indexer: build: write segment %d: %w", i, err)
	}
	return nil
}

// prepareForSegment does to d what scorch does to a document before it
// goes into a segment: the _id field, every indexed field analyzed (ours
// are already: preAnalyzed) and composed into the composite fields.
func prepareForSegment(d index.Document) {
	d.AddIDField()
	d.VisitFields(func(f index.Field) {
		if !f.Options().IsIndexed() {
			return
		}
		f.Analyze()
		if d.HasComposite() && f.Name() != "_id" {
			d.VisitComposite(func(cf index.CompositeField) {
				cf.Compose(f.Name(), f.AnalyzedLength(), f.AnalyzedTokenFrequencies())
			})
		}
	})
}

// add takes the next segment in document order (the merger's goroutine
// only) and starts the merge of a level below the top that was full
// before it. A full level waits for the segment after it before it is
// merged: a level that is full when the last batch arrives goes into the
// final merge as it is (mergeRest), instead of being merged on one core
// at the end and then read and written once more by the final merge
// (docs/log/i21-wall.md).
func (w *segWriter) add(path string) error {
	if err := w.failed.Load(); err != nil {
		return *err
	}
	p := &pendingSeg{path: path, done: make(chan struct{})}
	close(p.done)
	for level := 0; ; level++ {
		if level == len(w.levels) {
			w.levels = append(w.levels, nil)
		}
		full := w.levels[level]
		if len(full) < w.mergeMax || (w.top > 0 && level >= w.top) {
			w.levels[level] = append(full, p)
			return nil
		}
		w.levels[level] = []*pendingSeg{p}
		p = w.startMerge(full, w.top > 0 && level+1 >= w.top)
	}
}

// flushFull merges the levels below the top that are full, from the first
// up (a merge may fill the level above it), as add merged them before it
// waited for the segment after a full level.
func (w *segWriter) flushFull() {
	for level := 0; level < len(w.levels); level++ {
		if len(w.levels[level]) < w.mergeMax || (w.top > 0 && level >= w.top) {
			continue
		}
		p := w.startMerge(w.levels[level], w.top > 0 && level+1 >= w.top)
		w.levels[level] = nil
		if level+1 == len(w.levels) {
			w.levels = append(w.levels, nil)
		}
		w.levels[level+1] = append(w.levels[level+1], p)
	}
}

// startMerge merges the segments ins, in that order, on a goroutine of its
// own once they are ready and a merge token is free, and returns the
// merged segment, pending. final: no merge of the build reads the merged
// segment (the last merge, or one into the top level a build keeps), which
// then goes without its term lists.
func (w *segWriter) startMerge(ins []*pendingSeg, final bool) *pendingSeg {
	w.files++
	out := &pendingSeg{path: filepath.Join(w.dir, fmt.Sprintf("m%08d.zap", w.files)), done: make(chan struct{})}
	w.merges.Add(1)
	go func() {
		defer w.merges.Done()
		defer close(out.done)
		paths := make([]string, len(ins))
		for i, in := range ins {
			<-in.done
			if in.err != nil {
				out.err = in.err
				return
			}
			paths[i] = in.path
		}
		select {
		case <-w.merging:
		case <-w.closeCh:
			out.err = segment.ErrClosed
			return
		}
		start := time.Now()
		mapped := mergeMapped(paths)
		w.limit.add(mapped)
		out.err = w.merge(paths, out.path, final)
		w.limit.add(-mapped)
		w.merging <- struct{}{}
		if out.err != nil {
			w.failed.CompareAndSwap(nil, &out.err)
			return
		}
		took := time.Since(start)
		w.stats.mu.Lock()
		w.stats.merges++
		w.stats.inputs += len(paths)
		w.stats.busy += took
		w.stats.mu.Unlock()
		w.log.Debug("indexer: build: merged", "inputs", len(paths), "file", filepath.Base(out.path), "dur", took)
	}()
	return out
}

// mergeRest merges the segments left (the merger's goroutine, after the
// last add) and returns the paths of the index's segments in document
// order: all of them merged into one, or, with keep, the merged segments
// of the top level (of every level above the first, without a top) as
// they are and the segments after them merged into one.
func (w *segWriter) mergeRest(keep bool) ([]string, error) {
	keepFrom := max(w.top, 1)
	if keep {
		// the kept segments are those add would have merged
		w.flushFull()
	}
	var kept, tail []*pendingSeg
	for level := len(w.levels) - 1; level >= 0; level-- { // higher levels hold earlier documents
		if keep && level >= keepFrom {
			kept = append(kept, w.levels[level]...)
		} else {
			tail = append(tail, w.levels[level]...)
		}
	}
	w.levels = nil
	if len(kept)+len(tail) == 0 {
		return nil, fmt.Errorf("indexer: build: no segments")
	}
	if len(tail) > 1 {
		tail = []*pendingSeg{w.startMerge(tail, true)}
	}
	var paths []string
	for _, p := range append(kept, tail...) {
		<-p.done
		if p.err != nil {
			return nil, p.err
		}
		paths = append(paths, p.path)
	}
	w.stats.mu.Lock()
	w.log.Info("indexer: build: merged", "merges", w.stats.merges, "inputs", w.stats.inputs,
		"merging", w.stats.busy.Round(time.Millisecond), "mapped_peak_mb", w.limit.mostMapped()>>20,
		"segments", len(paths), "dur", time.Since(w.start).Round(time.Millisecond))
	w.stats.mu.Unlock()
	return paths, nil
}

// install moves the segments at finals (in document order) into storeDir
// and writes the index's root for them there, with the internal values.
func (w *segWriter) install(finals []string, storeDir string, internal map[string][]byte) error {
	if err := os.MkdirAll(storeDir, 0o700); err != nil {
		return fmt.Errorf("indexer: build: %w", err)
	}
	// segments 2, 3… in epoch 3: what scorch writes for an index of one
	// batch (and scorch.Builder for its one segment); the snapshot's
	// segment keys 0, 1… keep their order
	names := make([]string, len(finals))
	for i, f := range finals {
		names[i] = fmt.Sprintf("%012x.zap", 2+i)
		// a batch's segment kept unmerged was not synced (segEncoder.writeFile)
		if err := syncFile(f); err != nil {
			return fmt.Errorf("indexer: build: %w", err)
		}
		if err := os.Rename(f, filepath.Join(storeDir, names[i])); err != nil {
			return fmt.Errorf("indexer: build: %w", err)
		}
		if err := removeTerms(f); err != nil { // the build's scratch
			return fmt.Errorf("indexer: build: %w", err)
		}
	}
	return writeRoot(storeDir, names, w.plugin.Type(), w.plugin.Version(), internal)
}

// mergeMapped is the bytes a merge of the segment files at paths maps:
// the files and their term lists (segterms.go), those it can stat.
func mergeMapped(paths []string) int64 {
	var n int64
	for _, p := range paths {
		for _, f := range []string{p, termsPath(p)} {
			if fi, err := os.Stat(f); err == nil {
				n += fi.Size()
			}
		}
	}
	return n
}

// syncFile commits the file at path to disk.
func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	return errors.Join(f.Sync(), f.Close())
}

// merge merges the segments at paths, in that order, into the file out
// and removes them: with our merge (segmerge.go, the same file as zap's),
// which writes out's term lists unless final, or zap's where ours does not
// write what the inputs hold, zap's writer is asked for (zapBatches) or
// its files go through a writer hook.
func (w *segWriter) merge(paths []string, out string, final bool) error {
	if !w.zapBatches && index.WriterHook == nil {
		m, ok := w.mergers.Get().(*segMerger)
		if !ok {
			m = new(segMerger)
		}
		err := m.mergeSegmentFiles(paths, out, !final, w.closeCh)
		w.mergers.Put(m)
		switch {
		case err == nil:
			return removeAll(paths)
		case errors.Is(err, segment.ErrClosed):
			return err
		case !errMergeFallback(err):
			return fmt.Errorf("indexer: build: merge %d segments: %w", len(paths), err)
		}
		w.log.Debug("indexer: build: merged by zap", "why", err)
	}
	return w.mergeZap(paths, out)
}

// removeAll removes the segment files at paths and their term lists.
func removeAll(paths []string) error {
	for _, p := range paths {
		if err := os.Remove(p); err != nil {
			return fmt.Errorf("indexer: build: %w", err)
		}
		if err := removeTerms(p); err != nil {
			return fmt.Errorf("indexer: build: %w", err)
		}
	}
	return nil
}

// mergeZap merges the segments at paths, in that order, into the file
// out with zap's Merge and removes them.
func (w *segWriter) mergeZap(paths []string, out string) error {
	segs := make([]segment.Segment, 0, len(paths))
	defer func() {
		for _, s := range segs {
			s.Close()
		}
	}()
	for _, p := range paths {
		s, err := w.plugin.Open(p)
		if err != nil {
			return fmt.Errorf("indexer: build: open segment for merge: %w", err)
		}
		segs = append(segs, s)
	}
	if err := sameDVOptions(segs); err != nil {
		return fmt.Errorf("indexer: build: merge %d segments: %w", len(segs), err)
	}
	if _, _, err := w.plugin.Merge(segs, make([]*roaring.Bitmap, len(segs)), out, w.closeCh, nil); err != nil {
		return fmt.Errorf("indexer: build: merge %d segments: %w", len(segs), err)
	}
	for _, s := range segs {
		s.Close()
	}
	segs = segs[:0]
	return removeAll(paths)
}

// errDVOptionsMix: inputs differ in how a field's doc values are written,
// which zap's Merge does not merge.
var errDVOptionsMix = errors.New("inputs differ in a field's doc-value options (SkipDVCompression, SkipDVChunking), which zap's merge cannot merge")

// sameDVOptions checks that zap's Merge can merge segs: for every field
// whose merged options (and-ed over the inputs holding it, as zap does)
// keep doc values, the inputs holding it agree on SkipDVCompression and
// SkipDVChunking. zap's reader keeps a buffer from input to input that
// for an uncompressed input is a slice of its mapped file, and a later
// compressed input's doc values are decompressed into it: the process dies
// (TestZapMergeDocValueOptionsMix). Our mapping never sets these options;
// our merge reads each input with its own and merges any mix.
func sameDVOptions(segs []segment.Segment) error {
	const dvBits = index.SkipDVCompression | index.SkipDVChunking
	type seen struct {
		merged index.FieldIndexingOptions
		dv     index.FieldIndexingOptions // the first input's dvBits
		mixed  bool
	}
	fields := map[string]*seen{}
	var order []string
	for _, s := range segs {
		zs, ok := s.(interface {
			Data() []byte
			SectionsIndexOffset() uint64
			Fields() []string
		})
		if !ok {
			return fmt.Errorf("segment %T: its fields' options cannot be read", s)
		}
		opts, err := zapFieldOptions(zs.Data(), zs.SectionsIndexOffset())
		if err != nil {
			return err
		}
		names := zs.Fields()
		if len(names) != len(opts) {
			return fmt.Errorf("segment: %d field names, %d fields: %w", len(names), len(opts), errSegCorrupt)
		}
		for k, name := range names {
			f := fields[name]
			if f == nil {
				fields[name] = &seen{merged: opts[k], dv: opts[k] & dvBits}
				order = append(order, name)
				continue
			}
			f.merged &= opts[k]
			f.mixed = f.mixed || opts[k]&dvBits != f.dv
		}
	}
	for _, name := range order {
		if f := fields[name]; f.mixed && f.merged.IncludeDocValues() {
			return fmt.Errorf("field %q: %w", name, errDVOptionsMix)
		}
	}
	return nil
}

// zapFieldOptions reads each field's options, in the order of zap's
// Fields, from a zap v17 segment's data (its file without the footer) and
// the offset of its fields index (as zap's SegmentBase.loadFields reads
// it: the count of fields, each field's address, at which its name's
// length, the name, the options; a field at address 0 is none).
func zapFieldOptions(mem []byte, at uint64) ([]index.FieldIndexingOptions, error) {
	n, err := uv(mem, &at)
	if err != nil {
		return nil, err
	}
	if n > (uint64(len(mem))-at)/8 {
		return nil, errSegCorrupt
	}
	opts := make([]index.FieldIndexingOptions, 0, n)
	for k := range n {
		p := binary.BigEndian.Uint64(mem[at+8*k:])
		if p == 0 {
			continue
		}
		l, err := uv(mem, &p)
		if err != nil {
			return nil, err
		}
		if l > uint64(len(mem))-p {
			return nil, errSegCorrupt
		}
		p += l
		o, err := uv(mem, &p)
		if err != nil {
			return nil, err
		}
		opts = append(opts, index.FieldIndexingOptions(o))
	}
	return opts, nil
}

// writeRoot writes root.bolt in storeDir for an index of the segment files
// names, in document order: one snapshot (epoch 3) naming them, with the
// segment type and version and the internal values, as scorch.Builder.Close
// writes it for its one segment.
func writeRoot(storeDir string, names []string, segType string, segVersion uint32, internal map[string][]byte) (err error) {
	path := filepath.Join(storeDir, "root.bolt")
	db, err := util.OpenBolt(path, 0o600, nil)
	if err != nil {
		return fmt.Errorf("indexer: build: %w", err)
	}
	defer func() {
		if cerr := db.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("indexer: build: %w", cerr)
		}
	}()
	tx, err := db.Begin(true)
	if err != nil {
		return fmt.Errorf("indexer: build: %w", err)
	}
	if err := fillRoot(tx, path, names, segType, segVersion, internal); err != nil {
		tx.Rollback()
		return fmt.Errorf("indexer: build: write root: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("indexer: build: write root: %w", err)
	}
	return nil
}

func fillRoot(tx *util.BoltTxImpl, path string, names []string, segType string, segVersion uint32, internal map[string][]byte) error {
	snaps, err := tx.CreateBucketIfNotExists(util.BoltSnapshotsBucket)
	if err != nil {
		return err
	}
	snap, err := snaps.CreateBucketIfNotExists(uvarintAscending(3))
	if err != nil {
		return err
	}
	meta, err := snap.CreateBucketIfNotExists(util.BoltMetaDataKey)
	if err != nil {
		return err
	}
	if err := meta.Put(util.BoltMetaDataSegmentTypeKey, []byte(segType), nil); err != nil {
		return err
	}
	version := make([]byte, binary.MaxVarintLen32) // as scorch writes it
	binary.BigEndian.PutUint32(version, segVersion)
	if err := meta.Put(util.BoltMetaDataSegmentVersionKey, version, nil); err != nil {
		return err
	}
	writer, err := util.NewFileWriter([]byte(path))
	if err != nil {
		return err
	}
	if err := meta.Put(util.BoltMetaDataFileWriterIDKey, []byte(writer.Id()), writer); err != nil {
		return err
	}
	stamp, err := time.Now().MarshalText()
	if err != nil {
		return err
	}
	if err := meta.Put(util.BoltMetaDataTimeStamp, stamp, writer); err != nil {
		return err
	}
	in, err := snap.CreateBucketIfNotExists(util.BoltInternalKey)
	if err != nil {
		return err
	}
	for k, v := range internal {
		if err := in.Put([]byte(k), v, writer); err != nil {
			return err
		}
	}
	for i, name := range names {
		seg, err := snap.CreateBucketIfNotExists(uvarintAscending(uint64(i)))
		if err != nil {
			return err
		}
		if err := seg.Put(util.BoltPathKey, []byte(name), writer); err != nil {
			return err
		}
	}
	return nil
}

// uvarintAscending is scorch's key encoding of a number (an epoch, a
// segment's key; bleve's index/scorch/int.go): one byte, 136 + v, for
// v ≤ 109, else a byte of the width and v's bytes, big-endian.
func uvarintAscending(v uint64) []byte {
	const intZero, intSmall, intMax = 136, 109, 253
	if v <= intSmall {
		return []byte{intZero + byte(v)}
	}
	n := (bits.Len64(v) + 7) / 8
	b := []byte{byte(intMax - 8 + n)}
	for i := n - 1; i >= 0; i-- {
		b = append(b, byte(v>>(8*i)))
	}
	return b
}
