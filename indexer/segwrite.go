package indexer

// Our own writer of the bulk build's batch segments (segWriter.writeBatch).
// zap v17's New collects a batch through maps: a dictionary lookup per
// document, field and distinct term, twice (its realloc pass and its
// process pass), a token-frequency map made per field and read twice, and
// a roaring Bitmap.Add per posting; that segment building was 41 % of a
// 100k ingest's CPU (docs/log/lead-r06-ingest-cpu.md). segBatch reads
// each field's terms once — a view's terms straight from the one pass
// (counted), without a map — into one term table per field and appends
// each posting, naming its term, to one list in document order; the
// encoder groups them by term in one pass (segEncoder.group), so every
// term's postings are contiguous and sorted and its bitmap is made in one
// AddMany when the file is written. The file is zap v17's format byte for byte (segfile.go writes
// it; the layout is in docs/log/i21-segw.md), proven against
// zap's own New and Persist by TestSegmentWriterSameAsZap and
// FuzzSegmentWriter, so scorch opens and merges it as zap's.

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	index "github.com/blevesearch/bleve_index_api"
)

// segBatch is one batch of documents collected for its segment file.
type segBatch struct {
	numDocs int
	fields  []segField // by field id: _id first, then by name
	// posts are every posting of the batch in document order, each
	// naming its field and term (segEncoder groups them by term)
	posts []segPost
	locs  []segLoc
	// lens are the field lengths of each document (the norms), numDocs
	// rows of len(fields)
	lens []uint32
	// stored are the stored values of each document in field-id order
	// (the _id first), with the index of the first of each document
	stored    []segStored
	storedDoc []int

	// per document scratch
	docLocs []docLoc
}

// segField is one field of the batch: its options (or-ed over its
// documents, as zap does), whether any of its values keeps doc values,
// and its terms.
type segField struct {
	name    string
	opts    index.FieldIndexingOptions
	dv      bool
	ids     map[string]int32
	terms   []segTerm
	scratch []int32 // the terms in dictionary order (segEncoder.group)
}

// segTerm is one term of a field and its postings.
type segTerm struct {
	term    string
	count   int32 // postings
	last    int32 // the last posting (posts), to merge a field repeated in a document
	lastDoc int32 // its document
	start   int32 // where its postings start among the batch's, grouped by term (segEncoder.group)
}

// segPost is one posting: a document holding a term of a field.
type segPost struct {
	doc   int32
	field uint16
	freq  uint32
	term  int32 // in the field's terms
	loc   int32 // its first location in locs
	nlocs int32
}

// segLoc is one location of a posting (fields with term vectors).
type segLoc struct {
	field           uint16
	pos, start, end uint64
	arrayPositions  []uint64
}

// docLoc is a location of the document being collected, with its posting:
// they go to locs grouped by posting when the document is done.
type docLoc struct {
	post int32
	loc  segLoc
}

// segStored is a stored value of a document.
type segStored struct {
	field          uint16
	typ            byte
	value          []byte
	arrayPositions []uint64
}

// collect reads docs (prepared as scorch prepares a document for a
// segment: prepareForSegment) into b, reusing its slices.
func (b *segBatch) collect(docs []index.Document) error {
	if len(docs) == 0 {
		return fmt.Errorf("no documents")
	}
	b.numDocs = len(docs)
	if err := b.defineFields(docs); err != nil {
		return err
	}
	b.posts, b.locs, b.stored = b.posts[:0], b.locs[:0], b.stored[:0]
	b.lens = slices.Grow(b.lens[:0], len(docs)*len(b.fields))[:len(docs)*len(b.fields)]
	clear(b.lens)
	b.storedDoc = slices.Grow(b.storedDoc[:0], len(docs)+1)
	for i, d := range docs {
		if err := b.addDocument(int32(i), d); err != nil {
			return err
		}
	}
	b.storedDoc = append(b.storedDoc, len(b.stored))
	return nil
}

// release drops what b holds of the batch's documents (their terms and
// stored values), keeping its slices for the next batch: an encoder
// waiting in its pool holds no batch.
func (b *segBatch) release() {
	clear(b.fields)
	b.fields = b.fields[:0]
	clear(b.stored)
	clear(b.locs)
	clear(b.docLocs)
}

// defineFields gives the batch's fields their ids as zap does: _id is 0,
// the others follow sorted by name, with their options or-ed over every
// document (the _id's are always indexed and stored). Documents with
// what zap writes in its other sections or as extra documents (synonym
// and geo-shape fields, nested documents) are errSegUnsupported: our
// writer has the inverted text index and stored values only.
func (b *segBatch) defineFields(docs []index.Document) error {
	opts := map[string]index.FieldIndexingOptions{}
	dv := map[string]bool{}
	var unsupported string
	note := func(f index.Field) {
		switch f.(type) {
		case index.SynonymField, index.GeoShapeField, index.GeoShapeV2Field:
			unsupported = fmt.Sprintf("field %q of type %T", f.Name(), f)
		}
		opts[f.Name()] |= f.Options()
		if f.Options().IncludeDocValues() {
			dv[f.Name()] = true
		}
	}
	for _, d := range docs {
		if nd, ok := d.(index.NestedDocument); ok {
			nd.VisitNestedDocuments(func(index.Document) { unsupported = "nested documents" })
		}
		d.VisitComposite(func(f index.CompositeField) { note(f) })
		d.VisitFields(note)
	}
	if unsupported != "" {
		return fmt.Errorf("%s: %w", unsupported, errSegUnsupported)
	}
	names := make([]string, 0, len(opts))
	for name := range opts {
		if name != "_id" {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	names = append([]string{"_id"}, names...)
	if len(names) > 1<<16-1 {
		return fmt.Errorf("%d fields, more than a segment holds", len(names))
	}
	b.fields = slices.Grow(b.fields[:0], len(names))[:len(names)]
	for i, name := range names {
		b.fields[i] = segField{name: name, opts: opts[name], dv: dv[name], ids: map[string]int32{}}
	}
	b.fields[0].opts = index.IndexField | index.StoreField
	return nil
}

// fieldID is the id of the field named name.
func (b *segBatch) fieldID(name string) (uint16, bool) {
	i, ok := slices.BinarySearchFunc(b.fields[1:], name, func(f segField, n string) int { return strings.Compare(f.name, n) })
	if ok {
		return uint16(i + 1), true
	}
	if name == "_id" {
		return 0, true
	}
	return 0, false
}

// addDocument collects document doc: its composite fields, then its
// fields, in the order zap visits them.
func (b *segBatch) addDocument(doc int32, d index.Document) error {
	b.storedDoc = append(b.storedDoc, len(b.stored))
	b.docLocs = b.docLocs[:0]
	var err error
	visit := func(f index.Field, stored bool) {
		if err == nil {
			err = b.addField(doc, f, stored)
		}
	}
	// zap stores the values of the fields only, never a composite's
	d.VisitComposite(func(f index.CompositeField) { visit(f, false) })
	d.VisitFields(func(f index.Field) { visit(f, f.Options().IsStored()) })
	if err != nil {
		return err
	}
	b.sortStored(b.storedDoc[len(b.storedDoc)-1])
	if len(b.docLocs) > 0 {
		b.placeLocations()
	}
	return nil
}

// sortStored orders the stored values of the document from index from
// by field id, keeping each field's values in document order, as zap
// writes them.
func (b *segBatch) sortStored(from int) {
	slices.SortStableFunc(b.stored[from:], func(x, y segStored) int { return int(x.field) - int(y.field) })
}

// placeLocations moves the document's locations to locs, each posting's
// together and in the order its fields gave them.
func (b *segBatch) placeLocations() {
	slices.SortStableFunc(b.docLocs, func(x, y docLoc) int { return int(x.post - y.post) })
	for _, dl := range b.docLocs {
		p := &b.posts[dl.post]
		if p.nlocs == 0 {
			p.loc = int32(len(b.locs))
		}
		p.nlocs++
		b.locs = append(b.locs, dl.loc)
	}
}

// addField collects one field of document doc, and its value when stored.
func (b *segBatch) addField(doc int32, f index.Field, stored bool) error {
	id, ok := b.fieldID(f.Name())
	if !ok {
		return fmt.Errorf("field %q not defined", f.Name())
	}
	if stored {
		b.stored = append(b.stored, segStored{field: id, typ: f.EncodedFieldType(), value: f.Value(), arrayPositions: f.ArrayPositions()})
	}
	b.lens[int(doc)*len(b.fields)+int(id)] += uint32(f.AnalyzedLength())
	if vf := asViewField(f); vf != nil && vf.freqs == nil {
		for k, t := range vf.terms {
			freq := uint32(0)
			if vf.counts != nil {
				freq = uint32(vf.counts[k])
			}
			b.addPosting(doc, id, unsafeString(t), freq)
		}
		return nil
	}
	for term, tf := range f.AnalyzedTokenFrequencies() {
		post := b.addPosting(doc, id, term, uint32(tf.Frequency()))
		for _, l := range tf.Locations {
			lf := id
			if l.Field != "" {
				if lf, ok = b.fieldID(l.Field); !ok {
					return fmt.Errorf("location of field %q not defined", l.Field)
				}
			}
			var ap []uint64
			if len(l.ArrayPositions) > 0 {
				ap = l.ArrayPositions
			}
			b.docLocs = append(b.docLocs, docLoc{post: post, loc: segLoc{field: lf, pos: uint64(l.Position),
				start: uint64(l.Start), end: uint64(l.End), arrayPositions: ap}})
		}
	}
	return nil
}

// addPosting adds term of field id to document doc with frequency freq
// (added to the term's posting of doc when the field is repeated in it)
// and returns its posting.
func (b *segBatch) addPosting(doc int32, id uint16, term string, freq uint32) int32 {
	fd := &b.fields[id]
	tid, ok := fd.ids[term]
	if !ok {
		// the term's bytes are the document's (a view's arena, never
		// written again, or a map's key) and live as long as the batch
		tid = int32(len(fd.terms))
		fd.ids[term] = tid
		fd.terms = append(fd.terms, segTerm{term: term, last: -1, lastDoc: -1})
	}
	t := &fd.terms[tid]
	if t.lastDoc == doc {
		b.posts[t.last].freq += freq
		return t.last
	}
	p := int32(len(b.posts))
	b.posts = append(b.posts, segPost{doc: doc, field: id, freq: freq, term: tid})
	t.last, t.lastDoc = p, doc
	t.count++
	return p
}

// asViewField is f's viewField when f is one (as the build wraps it).
func asViewField(f index.Field) *viewField {
	switch v := f.(type) {
	case *viewField:
		return v
	case preAnalyzed:
		vf, _ := v.Field.(*viewField)
		return vf
	}
	return nil
}

// errSegUnsupported: a document holds what our writer does not write
// (segBatch.defineFields); the build writes that batch with zap's writer.
var errSegUnsupported = errors.New("not written by our segment writer")
