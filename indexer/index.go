package indexer

import (
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/graph"
	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/internal/boltwait"
)

// Internal keys kept inside the bleve index.
var (
	keySeq     = []byte("vanban:seq")     // last store sequence applied
	keyVersion = []byte("vanban:mapping") // MappingVersion the index was built with
)

// ErrLocked is returned when another process holds the index.
var ErrLocked = errors.New("indexer: index is in use by another process")

// Index is the on-disk bleve index of a data directory.
type Index struct {
	b       bleve.Index
	path    string
	scratch scratchPool // the analysis pass's scratch, reused (onepass.go)
}

// Bleve returns the underlying bleve index, for searching.
func (ix *Index) Bleve() bleve.Index { return ix.b }

// Close closes the index.
func (ix *Index) Close() error { return ix.b.Close() }

// DocCount is the number of indexed documents.
func (ix *Index) DocCount() (uint64, error) { return ix.b.DocCount() }

// Options tune opening an index.
type Options struct {
	ReadOnly bool
	Timeout  time.Duration // how long to wait for another process's lock

	// beforeCreate, when set (tests only), runs once OpenContext has found
	// no index at the path and before it puts the one it made there
	// (create): where another process creating the same index at the
	// same moment comes in.
	beforeCreate func()
}

// DirFor returns the index directory of a data directory.
func DirFor(dataDir string) string { return filepath.Join(dataDir, "index") }

// Open opens the index at path, creating it when it does not exist; the
// wait for another process's lock is OpenContext's without a ctx.
func Open(path string, opt Options) (*Index, error) {
	return OpenContext(context.Background(), path, opt)
}

// OpenContext opens the index at path, creating it when it does not
// exist. It waits up to opt.Timeout for another process's lock (ErrLocked
// past it) and no longer than ctx: ended while it waits, it returns ctx's
// error, naming the lock. bleve's open of root.bolt takes no context, so
// the wait is made of opens of one slice each (internal/boltwait); a free
// lock is taken whatever ctx says. A new index is created whole beside
// path and renamed onto it (create), so another process never sees one
// half made; one that created it first is waited for like any holder.
func OpenContext(ctx context.Context, path string, opt Options) (*Index, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = time.Second
	}
	config := func(timeout time.Duration) map[string]any {
		cfg := map[string]any{"bolt_timeout": timeout.String()}
		if opt.ReadOnly {
			cfg["read_only"] = true
		}
		return cfg
	}
	if _, statErr := os.Stat(filepath.Join(path, "index_meta.json")); errors.Is(statErr, os.ErrNotExist) {
		if _, err := os.Stat(path + oldSuffix); err == nil {
			return nil, fmt.Errorf("indexer: %s is missing and %s%s is there: swapping in a rebuilt index was interrupted; rename it back to %s, or run `vanban index --rebuild`", path, path, oldSuffix, path)
		}
		if opt.ReadOnly {
			return nil, fmt.Errorf("indexer: no index at %s (run `vanban index` first)", path)
		}
		if err := notIndex(path); err != nil {
			return nil, err
		}
		if err := create(path, config(boltwait.Slice), opt.beforeCreate); err != nil {
			return nil, err
		}
	}
	if !opt.ReadOnly {
		removeStaleCreations(path, time.Now())
	}
	var idx bleve.Index
	err := checkSegments(ctx, path, opt.Timeout)
	if err == nil {
		err = boltwait.Wait(ctx, opt.Timeout, func(slice time.Duration) error {
			var err error
			idx, err = bleve.OpenUsing(path, config(slice))
			return err
		})
	}
	if err != nil {
		// bleve returns a non-nil interface holding a nil index on failure:
		// there is nothing to close.
		if cerr := ctx.Err(); cerr != nil && errors.Is(err, cerr) {
			return nil, fmt.Errorf("indexer: open %s: %w", path, err)
		}
		if errors.Is(err, ErrLocked) {
			return nil, err
		}
		if strings.Contains(err.Error(), "timeout") {
			return nil, fmt.Errorf("%w: %s", ErrLocked, path)
		}
		return nil, fmt.Errorf("indexer: open %s: %w", path, err)
	}
	ix := &Index{b: idx, path: path}
	ix.scratch.maxTerms = onlineLexTerms
	v, err := idx.GetInternal(keyVersion)
	if err != nil || string(v) != strconv.Itoa(MappingVersion) {
		idx.Close()
		return nil, fmt.Errorf("indexer: %s has layout version %q, this binary needs %d: run `vanban index --rebuild`", path, v, MappingVersion)
	}
	return ix, nil
}

// create makes a new, empty index at path: built in a directory of its
// own beside path (nobody else knows it, so its lock is never waited
// for), closed, then renamed onto path. Another process creating the same
// index at the same moment wins the rename or loses it; the loser's copy
// is removed and both open the winner's (OpenContext, which waits for the
// winner's lock in slices ended by ctx). beforeCreate (tests) runs once
// the copy is made, before the rename.
func create(path string, cfg map[string]any, beforeCreate func()) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("indexer: create %s: %w", path, err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(path), filepath.Base(path)+createPattern)
	if err != nil {
		return fmt.Errorf("indexer: create %s: %w", path, err)
	}
	defer func() {
		if tmp != "" { // not renamed onto path
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Remove(tmp); err != nil { // bleve makes the directory itself
		return fmt.Errorf("indexer: create %s: %w", path, err)
	}
	idx, err := bleve.NewUsing(tmp, NewMapping(), scorch.Name, scorch.Name, cfg)
	if err != nil {
		return fmt.Errorf("indexer: create %s: %w", path, err)
	}
	err = idx.SetInternal(keyVersion, []byte(strconv.Itoa(MappingVersion)))
	if cerr := idx.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("indexer: create %s: %w", path, err)
	}
	if beforeCreate != nil {
		beforeCreate()
	}
	// an empty directory at path (made by hand) goes; os.Rename fails on
	// any directory left there, and so on another process's index: it won
	os.Remove(path)
	if err := os.Rename(tmp, path); err == nil {
		tmp = ""
		return nil
	} else if _, statErr := os.Stat(filepath.Join(path, "index_meta.json")); statErr != nil {
		if err := notIndex(path); err != nil {
			return err
		}
		return fmt.Errorf("indexer: create %s: %w", path, err)
	}
	return nil
}

// notIndex is the error of a directory at path that holds something and
// no index (index_meta.json), nil for an index, an empty directory or
// nothing. An index another process renamed in since the caller looked is
// an index: the metadata is looked for after the entries.
func notIndex(path string) error {
	if entries, _ := os.ReadDir(path); len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(path, "index_meta.json")); err == nil {
		return nil
	}
	return fmt.Errorf("indexer: %s exists but is not a vanban index; move it away or run `vanban index --rebuild`", path)
}

// removeStaleCreations removes the creation directories of the index at
// path (createPattern) last changed before now-staleCreate: left by a
// process killed while it created the index. A fresh one may be another
// process's creation under way and stays. Removal is best effort: a
// directory that cannot be removed is left for the next open.
func removeStaleCreations(path string, now time.Time) {
	// the parent read, not globbed: a data directory's name may hold
	// Glob's metacharacters
	entries, _ := os.ReadDir(filepath.Dir(path))
	prefix := filepath.Base(path) + strings.TrimSuffix(createPattern, "*")
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		if fi, err := e.Info(); err == nil && fi.ModTime().Before(now.Add(-staleCreate)) {
			os.RemoveAll(filepath.Join(filepath.Dir(path), e.Name()))
		}
	}
}

// createPattern names the directory a new index is made in beside its
// path (create): "index.create-RANDOM". One left by a process killed while
// it created an index is an empty index, never read: a read-write open
// removes it once it is older than staleCreate (removeStaleCreations).
const createPattern = ".create-*"

// staleCreate: a creation directory (createPattern) older than this was
// left by a process killed while it created an index (a creation takes
// milliseconds); a read-write open removes it.
const staleCreate = time.Hour

// Path is the index directory.
func (ix *Index) Path() string { return ix.path }

// AppliedSeq is the last store sequence the index reflects.
func (ix *Index) AppliedSeq() (uint64, error) {
	raw, err := ix.b.GetInternal(keySeq)
	if err != nil || len(raw) != 8 {
		return 0, err
	}
	return binary.BigEndian.Uint64(raw), nil
}

// SyncStats counts what a Sync did.
type SyncStats struct {
	Indexed, Removed int
	Bytes            int64
	Duration         time.Duration
}

// Batch limits: a batch is applied when it holds this many documents or
// bytes of text, whichever comes first (bleve memory grows with batch size).
const (
	batchDocs  = 1000
	batchBytes = 8 << 20
)

// Sync brings the index up to date with the store: new and changed
// documents are indexed, gone ones deleted. Progress is recorded in the
// index with each batch, so an interrupted Sync resumes where it stopped.
// progress, when not nil, is called after each batch.
func (ix *Index) Sync(ctx context.Context, store *corpus.Store, progress func(SyncStats)) (SyncStats, error) {
	start := time.Now()
	var st SyncStats
	since, err := ix.AppliedSeq()
	if err != nil {
		return st, fmt.Errorf("indexer: read applied seq: %w", err)
	}
	b := ix.b.NewBatch()
	var size int64
	var lastSeq uint64
	flush := func() error {
		if b.Size() == 0 && lastSeq == 0 {
			return nil
		}
		b.SetInternal(keySeq, seqBytes(lastSeq))
		if err := ix.b.Batch(b); err != nil {
			return fmt.Errorf("indexer: apply batch: %w", err)
		}
		b = ix.b.NewBatch() // not Reset: scorch may still read the applied batch
		size = 0
		if progress != nil {
			st.Duration = time.Since(start)
			progress(st)
		}
		return nil
	}
	err = store.Changes(ctx, since, func(d *corpus.Document) error {
		if d.Gone {
			b.Delete(d.ID)
			st.Removed++
		} else {
			if err := ix.add(b, d, store); err != nil {
				return err
			}
			st.Indexed++
			n := int64(len(d.Body) + len(d.Title) + len(d.Summary))
			size += n
			st.Bytes += n
		}
		lastSeq = d.Seq
		if b.Size() >= batchDocs || size >= batchBytes {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err == nil {
		_, err = ix.RefreshAssociations(ctx, store)
	}
	st.Duration = time.Since(start)
	return st, err
}

func seqBytes(seq uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], seq)
	return b[:]
}

// add adds d to b, with its effect span (spans may be nil) and its field
// lengths (Document).
func (ix *Index) add(b *bleve.Batch, d *corpus.Document, spans Spans) error {
	f, err := fieldsWith(d, spans, &ix.scratch)
	if err != nil {
		return err
	}
	doc, err := documentOf(ix.b.Mapping(), d, f, &ix.scratch)
	if err != nil {
		return err
	}
	if err := b.IndexAdvanced(doc); err != nil {
		return fmt.Errorf("indexer: index %s: %w", d.ID, err)
	}
	return nil
}

// Fields maps a document to the values of the index fields, which the
// mapping analyzes. Documents are written through Document, which adds
// their field lengths.
func Fields(d *corpus.Document) map[string]any { return fields(d, nil) }

// fields is Fields, the title's sort key made with a collator of pool.
func fields(d *corpus.Document, pool *scratchPool) map[string]any {
	body := d.FullBody()
	articles, headings := articleFields(d)
	f := map[string]any{
		FieldTitle:       exactText(d.Title), // unmarked.go
		FieldTitleFold:   d.Title,
		FieldTitleBigram: d.Title,
		FieldBody:        exactText(body),
		FieldBodyFold:    body,
		FieldBodyBigram:  body,
		FieldTitleSort:   pool.titleSortKey(d.Title),
	}
	if nums := numbersOf(d); len(nums) > 1 || (len(nums) == 1 && numberKey(d.Number) == "") {
		f[FieldNumber] = nums // a file filed under each document its cover slip transmits
		f[FieldNumberOwn] = cmp.Or(numberKey(d.Number), NoOwnNumber)
	} else if d.Number != "" {
		f[FieldNumber] = d.Number
	}
	if len(articles) > 0 {
		f[FieldArticle] = articles
	}
	if len(headings) > 0 {
		h := strings.Join(headings, "\n")
		f[FieldHeading], f[FieldHeadingFold], f[FieldHeadingBigram] = exactText(h), h, h
	}
	if d.PartOf != "" {
		f[FieldPartFold] = d.PartOf
	}
	if defs := abbrevTerms(d.Title, body); len(defs) > 0 {
		f[FieldAbbrev] = defs
	}
	if cites := citedKeys(d.Title + "\n" + body); len(cites) > 0 {
		f[FieldCites] = cites
	}
	for name, v := range map[string]string{FieldSite: d.Site, FieldCategory: d.Category} {
		if v != "" {
			f[name] = v
		}
	}
	filed := filedUnder(d)
	for name, vs := range map[string][]string{FieldType: filed.types, FieldIssuer: filed.issuers} {
		switch len(vs) {
		case 0:
		case 1:
			f[name] = vs[0]
		default:
			f[name] = vs
		}
	}
	if t, err := time.Parse("2006-01-02", d.Published); err == nil {
		f[FieldPublished] = t
	}
	if len(filed.also) > 0 {
		f[FieldPublishedAlso] = filed.also
	}
	switch len(filed.years) {
	case 0:
	case 1:
		f[FieldYear] = filed.years[0]
	default:
		f[FieldYear] = filed.years
	}
	return f
}

// NoOwnNumber is FieldNumberOwn's value for a file filed under the
// numbers of the further documents its cover slip transmits but with no
// number of its own (its first document's unread): it groups with no
// other document, as a document without a number.
const NoOwnNumber = "-"

// numbersOf are the numbers a document is filed under: its own, then
// those of the further documents its file's cover slip transmits
// (corpus.FileInfo.Transmitted), each once by its key.
func numbersOf(d *corpus.Document) []string {
	var out []string
	seen := map[string]bool{}
	add := func(n string) {
		k := numberKey(n)
		if k == "" {
			return
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	add(d.Number)
	if d.File != nil {
		for _, t := range d.File.Transmitted {
			add(t.Number)
		}
	}
	return out
}

// filed are a document's type, issuer and year values, its own first and
// each distinct one of the documents its file transmits after it, and the
// dates of those documents that are not its own (FieldPublishedAlso).
type filed struct {
	types, issuers []string
	years          []float64
	also           []time.Time
}

// filedUnder is what d is filed under in the type, issuer, year and date
// fields: what a search filtered by them, or its facets, finds the file
// by. A file holding one document gives the document's own values.
func filedUnder(d *corpus.Document) filed {
	var f filed
	addStr := func(to *[]string, v string) {
		if v != "" && !slices.Contains(*to, v) {
			*to = append(*to, v)
		}
	}
	addStr(&f.types, d.Type)
	addStr(&f.issuers, d.Issuer)
	own, ownErr := time.Parse("2006-01-02", d.Published)
	if ownErr == nil {
		f.years = append(f.years, float64(own.Year()))
	}
	if d.File == nil {
		return f
	}
	for _, t := range d.File.Transmitted {
		addStr(&f.types, t.Type)
		addStr(&f.issuers, t.Issuer)
		at, err := time.Parse("2006-01-02", t.Published)
		if err != nil || (ownErr == nil && at.Equal(own)) || slices.ContainsFunc(f.also, at.Equal) {
			continue
		}
		f.also = append(f.also, at)
		if y := float64(at.Year()); !slices.Contains(f.years, y) {
			f.years = append(f.years, y)
		}
	}
	return f
}

// Spans gives the legal effect span of stored documents (corpus.Store).
type Spans interface {
	EffectSpan(id string) (graph.Span, error)
}

// EffectOpen stands for "no end known" in FieldEffectUntil.
var EffectOpen = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)

// fieldsWith maps a document to the index fields (fields), with its effect
// span when spans is not nil.
func fieldsWith(d *corpus.Document, spans Spans, pool *scratchPool) (map[string]any, error) {
	f := fields(d, pool)
	if spans == nil {
		return f, nil
	}
	sp, err := spans.EffectSpan(d.ID)
	if err != nil {
		return nil, fmt.Errorf("indexer: effect of %s: %w", d.ID, err)
	}
	addSpan(f, sp)
	return f, nil
}

// addSpan adds a known span's fields.
func addSpan(f map[string]any, sp graph.Span) {
	if !sp.Known {
		return
	}
	from, err := time.Parse("2006-01-02", sp.From)
	if err != nil {
		return
	}
	until := EffectOpen
	if sp.Until != "" {
		if t, err := time.Parse("2006-01-02", sp.Until); err == nil {
			until = t
		}
	}
	f[FieldEffectFrom], f[FieldEffectUntil] = from, until
}

// citedKeys returns the distinct number keys of the document numbers in s.
func citedKeys(s string) []string {
	var keys []string
	seen := map[string]bool{}
	viet.Tokenize(s, func(t viet.Token) {
		if t.Kind != viet.DocNumber {
			return
		}
		if k := doctype.NumberKey(s[t.Start:t.End]); k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	})
	return keys
}

// Rebuild builds the index at path again from the store (Build) and
// swaps it in for the old one.
//
// With compact, documents added after the builder (longer than
// BuildMaxDocBytes) are merged into its segment too.
func Rebuild(ctx context.Context, path string, store *corpus.Store, progress func(SyncStats), compact bool) (SyncStats, error) {
	return Build(ctx, path, store, BuildOptions{Compact: compact, Progress: progress})
}

// Add indexes docs directly (bulk loads and evaluation), in batches capped
// by count and bytes. It does not touch the store sequence, nor learn the
// term associations (LearnDocs).
func (ix *Index) Add(ctx context.Context, docs []*corpus.Document) error {
	b := ix.b.NewBatch()
	var size int
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := ix.add(b, d, nil); err != nil {
			return err
		}
		size += len(d.Body) + len(d.Title)
		if b.Size() >= batchDocs || size >= batchBytes {
			if err := ix.b.Batch(b); err != nil {
				return fmt.Errorf("indexer: apply batch: %w", err)
			}
			b = ix.b.NewBatch()
			size = 0
		}
	}
	if b.Size() > 0 {
		if err := ix.b.Batch(b); err != nil {
			return fmt.Errorf("indexer: apply batch: %w", err)
		}
	}
	return nil
}
