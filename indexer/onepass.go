package indexer

// One analysis pass per document for every view. A document's title and
// body are each indexed under several views (exact, folded, folded
// bigrams, the exact-bigram sample, the title views without "Điều N."),
// and bleve runs each field's analyzer on its own, so each text was
// tokenized and its words lowercased and folded once per view. Here the
// fields whose analyzer is one of ours (viewAnalyzer) are replaced, after
// the mapping made them, by viewFields of one docPass: the first of them
// analyzed tokenizes its text once, every distinct word of the document
// is lowercased and folded once, every distinct term is kept once
// (shared by the views and fields that hold it), and each view's terms
// are counted from that pass directly, without a token stream, and kept
// compact until zap reads them (counted). The terms, frequencies,
// positions and lengths are those of the view's analyzer, which still
// analyzes queries and is the tests' reference (TestOnePassSameAsAnalyzers,
// FuzzOnePass, TestOnePassIndexSame), so the index is the same
// (docs/log/i21-onepass.md).

import (
	"bytes"
	"sync"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
	"golang.org/x/text/collate"

	"github.com/vanban/vanban/corpus/viet"
)

// view says how a text view's tokens derive from the text's tokens: what
// its registered analyzer does (analysis.go).
type view struct {
	fold      bool // folded terms (foldTerm, viet.AppendFold), else exact (exactTerm, appendLower)
	bigram    bool // syllable pairs (bigramAnalyzer)
	breaks    bool // bigrams: only the pairs across a break
	max       int  // bigrams: words read; 0 reads all
	title     bool // without the "Điều N." that opens a title (titleAnalyzer)
	noOffsets bool // locations without byte offsets (noOffsets)
}

// viewAnalyzer is a registered analyzer with the view it gives, which
// the one pass reads to derive the same tokens (shareAnalysis).
type viewAnalyzer struct {
	analysis.Analyzer
	v view
}

// shareAnalysis replaces the indexed text fields of doc whose analyzer is
// a viewAnalyzer with viewFields that share one analysis pass of the
// document, its scratch from pool (nil: made for the document). Call it
// after the mapping made doc's fields and before they are analyzed.
func shareAnalysis(doc *document.Document, pool *scratchPool) {
	var p *docPass
	for i, f := range doc.Fields {
		tf, ok := f.(*document.TextField)
		if !ok || !tf.Options().IsIndexed() {
			continue
		}
		va, ok := tf.Analyzer().(viewAnalyzer)
		if !ok {
			continue
		}
		if p == nil {
			p = &docPass{pool: pool}
		}
		vf := &viewField{
			name: tf.Name(), arrayPositions: tf.ArrayPositions(), options: tf.Options(),
			plain: tf.NumPlainTextBytes(), pass: p, text: p.textOf(tf.Value()), v: va.v,
		}
		if tf.Options().IsStored() {
			vf.value = tf.Value()
		}
		p.pending++
		doc.Fields[i] = vf
	}
}

// viewField is one view of a text, analyzed from its document's pass.
// Only what zap reads is kept: the text's bytes are not, unless stored.
type viewField struct {
	name           string
	arrayPositions []uint64
	options        index.FieldIndexingOptions
	value          []byte // stored fields only
	plain          uint64
	pass           *docPass
	text           int // the pass's text
	v              view
	counted
}

func (f *viewField) Name() string                        { return f.name }
func (f *viewField) ArrayPositions() []uint64            { return f.arrayPositions }
func (f *viewField) Options() index.FieldIndexingOptions { return f.options }
func (f *viewField) EncodedFieldType() byte              { return 't' }
func (f *viewField) Value() []byte                       { return f.value }
func (f *viewField) NumPlainTextBytes() uint64           { return f.plain }
func (f *viewField) AnalyzedLength() int                 { return f.length }
func (f *viewField) AnalyzedTokenFrequencies() index.TokenFrequencies {
	return f.frequencies(f.options)
}

// Size is an estimate of the field's memory, for scorch's accounting.
func (f *viewField) Size() int { return 128 + len(f.value) + 72*len(f.freqs) + 28*len(f.terms) }

// Analyze derives the view's frequencies from the document's pass, which
// the first view analyzed makes. A document's fields are analyzed on one
// goroutine (scorch's analysis worker, or analyzeBatch's), so the pass
// needs no lock.
func (f *viewField) Analyze() {
	if f.pass == nil {
		return // analyzed already
	}
	f.counted = f.pass.analyze(f.text, f.v, f.options, f.arrayPositions)
	f.pass.done()
	f.pass = nil
}

// docPass is the analysis of one document's texts, shared by its views.
type docPass struct {
	texts   []passText
	pending int          // view fields not analyzed yet; the scratch is released after the last
	pool    *scratchPool // where the scratch goes back
	arena   []byte       // the document's bigrams
	*scratch
}

// scratch is what a pass needs while its document is analyzed, reused
// from document to document (scratchPool). Its lexicon — the words as
// written with their exact and folded terms, the terms with their ids —
// is kept for the next documents too: a word's terms and a term's id
// depend on nothing else, so a word seen before costs one look-up where
// lowercasing, folding and interning its terms cost three
// (docs/log/i21-cpu.md). Terms and the words' keys are
// appended to arena chunks and never written again, so the documents
// analyzed share them; a lexicon past maxLexTerms is dropped (done) and
// the next document starts a new one. Bigrams are the document's own
// (grams, in the pass's arena): few recur from document to
// document, and a lexicon of them missed the cache at every pair.
type scratch struct {
	words   map[string]int32 // word (Kind Word) as written → its surface
	numbers map[string]int32 // document number as written → its surface
	surface []surface
	ids     map[string]int32 // term → id
	terms   [][]byte         // id → term, in the arena
	arena   []byte
	pairs   map[uint64]int32 // the document's bigrams: two terms' ids → bigram id (pairKey)
	grams   [][]byte         // bigram id → bigram, in the pass's arena
	bslot   []int32          // bigram id → its place among the view's terms, -1 none
	tokens  []passToken      // the document's tokens
	view    []viewToken      // the tokens of the view being counted
	slot    []int32          // term id → its place among the view's terms, -1 none
	buf     []byte
	// the views' distinct terms and counts (counted) are cut from these
	// blocks, and never written once cut
	termBlock  [][]byte
	countBlock []int32
}

// blockLen is the length of the blocks the views' terms and counts are
// cut from: one allocation for tens of views instead of two a view (a
// block left for a longer view wastes its tail, a few per cent of the
// terms the documents hold).
const blockLen = 4096

// takeTerms is a slice of n terms of the term block, a new block when
// the block has less left.
func (sc *scratch) takeTerms(n int) [][]byte {
	if len(sc.termBlock) < n {
		sc.termBlock = make([][]byte, max(blockLen, n))
	}
	t := sc.termBlock[:n:n]
	sc.termBlock = sc.termBlock[n:]
	return t
}

// takeCounts is takeTerms for counts.
func (sc *scratch) takeCounts(n int) []int32 {
	if len(sc.countBlock) < n {
		sc.countBlock = make([]int32, max(blockLen, n))
	}
	c := sc.countBlock[:n:n]
	sc.countBlock = sc.countBlock[n:]
	return c
}

// scratchPool holds the scratch of passes done, for the next documents
// of its owner (an Index, one Build): at most maxFree of them, each with
// its lexicon. It is a list rather than a sync.Pool, which empties at
// every other garbage collection and so made the lexicons anew several
// times a second. A nil pool reuses nothing.
type scratchPool struct {
	mu        sync.Mutex
	free      []*scratch
	maxTerms  int                 // the lexicon's bound; 0: maxLexTerms
	collators []*collate.Collator // the title's sort key's (titlesort.go)
}

// maxFree is how many scratches a pool keeps: more than the analysis
// goroutines of a build or an index (two per core, at most 8 cores).
const maxFree = 16

func (sp *scratchPool) get() *scratch {
	if sp != nil {
		sp.mu.Lock()
		defer sp.mu.Unlock()
		if n := len(sp.free); n > 0 {
			sc := sp.free[n-1]
			sp.free[n-1] = nil
			sp.free = sp.free[:n-1]
			return sc
		}
	}
	return &scratch{words: map[string]int32{}, numbers: map[string]int32{}, ids: map[string]int32{}, pairs: map[uint64]int32{}}
}

// bound is the number of terms past which a lexicon is dropped.
func (sp *scratchPool) bound() int {
	if sp == nil || sp.maxTerms == 0 {
		return maxLexTerms
	}
	return sp.maxTerms
}

func (sp *scratchPool) put(sc *scratch) {
	if sp == nil {
		return
	}
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if len(sp.free) < maxFree {
		sp.free = append(sp.free, sc)
	}
}

// maxLexTerms bounds the terms of a scratch's lexicon put back for reuse
// (a lexicon of that many terms holds about 12 MB: 181 B a term, measured
// on the scale corpus with its words and arena).
const maxLexTerms = 1 << 16

// onlineLexTerms bounds the lexicons an open Index keeps (a server's, for
// its nightly increments) lower: about 1.5 MB each, as long as it is open.
const onlineLexTerms = 1 << 13

// passText is one distinct text value of the document and its tokens,
// made on first use.
type passText struct {
	value  []byte
	s      string
	tokens []passToken
	done   bool
}

type passToken struct {
	start, end int32
	kind       viet.Kind
	surface    int32
}

// surface is one distinct token as written, with its exact and folded
// terms (term ids; noTerm when not made yet, emptyTerm when empty).
type surface struct {
	w           string
	kind        viet.Kind
	exact, fold int32
}

const (
	noTerm    = -1
	emptyTerm = -2
)

type viewToken struct {
	id, pos, start, end int32
}

func (p *docPass) textOf(value []byte) int {
	for i := range p.texts {
		if bytes.Equal(p.texts[i].value, value) {
			return i
		}
	}
	p.texts = append(p.texts, passText{value: value})
	return len(p.texts) - 1
}

// done releases the scratch after the document's last view is analyzed:
// the frequencies keep only the terms, in the arena. The lexicon goes
// back with it unless it grew past its bound (terms, or twice as many
// spellings).
func (p *docPass) done() {
	if p.pending--; p.pending > 0 {
		return
	}
	p.texts = nil
	if sc := p.scratch; sc != nil {
		p.scratch = nil
		if b := p.pool.bound(); len(sc.terms) > b || len(sc.surface) > 2*b {
			return // spellings too: words that differ in case share terms
		}
		sc.tokens = sc.tokens[:0]
		if cap(sc.tokens) > maxKeptTokens {
			// a long document's buffers are not kept for every later
			// one (an open Index keeps its scratches while it runs)
			sc.tokens, sc.view = nil, nil
		}
		if cap(sc.grams) > maxKeptTokens {
			sc.grams, sc.bslot = nil, nil
		}
		if len(sc.pairs) > maxDocBigrams {
			sc.pairs = map[uint64]int32{} // not cleared at its size by every later document
		}
		clear(sc.pairs)
		clear(sc.grams) // the document's arena is not kept
		sc.grams = sc.grams[:0]
		p.pool.put(sc)
	}
}

// tokens tokenizes text i once.
func (p *docPass) tokens(i int) *passText {
	t := &p.texts[i]
	if t.done {
		return t
	}
	t.done = true
	t.s = string(t.value)
	s := t.s
	if p.scratch == nil {
		p.scratch = p.pool.get()
	}
	from := len(p.scratch.tokens)
	viet.Tokenize(s, func(tok viet.Token) {
		w := s[tok.Start:tok.End]
		seen := p.words
		if tok.Kind == viet.DocNumber {
			seen = p.numbers
		}
		id, ok := seen[w]
		if !ok {
			w = p.keep(w) // the key outlives the document's text
			id = int32(len(p.surface))
			p.surface = append(p.surface, surface{w: w, kind: tok.Kind, exact: noTerm, fold: noTerm})
			seen[w] = id
		}
		p.scratch.tokens = append(p.scratch.tokens, passToken{start: int32(tok.Start), end: int32(tok.End), kind: tok.Kind, surface: id})
	})
	t.tokens = p.scratch.tokens[from:len(p.scratch.tokens):len(p.scratch.tokens)]
	return t
}

// term is the id of the exact or folded term of surface i (emptyTerm when
// empty): exactTerm and foldTerm, made once per distinct token.
func (p *docPass) term(i int32, fold bool) int32 {
	sf := &p.surface[i]
	at := &sf.exact
	if fold {
		at = &sf.fold
	}
	if *at != noTerm {
		return *at
	}
	buf := p.buf[:0]
	if fold {
		buf = foldTerm(buf, sf.w, sf.kind)
	} else {
		buf = exactTerm(buf, sf.w, sf.kind)
	}
	p.buf = buf
	*at = emptyTerm
	if len(buf) > 0 {
		*at = p.intern(buf)
	}
	if sf.kind == viet.DocNumber {
		// the number key is both views' term
		sf.exact, sf.fold = *at, *at
	}
	return *at
}

// analyze counts view v of text i: the length and token frequencies that
// bleve's TextField.Analyze makes of the view's analyzer's token stream
// (analysis.TokenFrequency).
func (p *docPass) analyze(i int, v view, opts index.FieldIndexingOptions, arrayPositions []uint64) counted {
	t := p.tokens(i)
	skip := int32(0)
	if v.title {
		skip = int32(headingPrefix(t.s))
	}
	toks := p.view[:0]
	if v.bigram {
		toks = p.bigrams(toks, t, v)
	} else {
		pos := int32(0)
		for _, tok := range t.tokens {
			at := pos + 1
			if tok.kind == viet.Word {
				pos++
			}
			if id := p.term(tok.surface, v.fold); id >= 0 {
				toks = append(toks, viewToken{id: id, pos: at, start: tok.start, end: tok.end})
			}
		}
	}
	if skip > 0 {
		kept := toks[:0]
		for _, vt := range toks {
			if vt.start >= skip {
				kept = append(kept, vt)
			}
		}
		toks = kept
	}
	if v.noOffsets {
		for k := range toks {
			toks[k].start, toks[k].end = 0, 0
		}
	}
	p.view = toks
	if v.bigram {
		return p.count(toks, p.grams, &p.bslot, opts, arrayPositions)
	}
	return p.count(toks, p.terms, &p.slot, opts, arrayPositions)
}

// bigrams appends the syllable pairs of t (bigramAnalyzer) to toks.
func (p *docPass) bigrams(toks []viewToken, t *passText, v view) []viewToken {
	prev := int32(emptyTerm)
	prevStart, prevEnd, pos := int32(0), int32(0), int32(0)
	for _, tok := range t.tokens {
		if tok.kind != viet.Word {
			continue
		}
		pos++
		if v.max > 0 && int(pos) > v.max {
			break
		}
		cur := p.term(tok.surface, v.fold)
		if prev >= 0 && hasBreak(t.s[prevEnd:tok.start]) == v.breaks {
			toks = append(toks, viewToken{id: p.bigram(prev, cur), pos: pos - 1, start: prevStart, end: tok.end})
		}
		prev = cur
		prevStart, prevEnd = tok.start, tok.end
	}
	return toks
}

// bigram is the bigram id of terms prev and cur (cur may be emptyTerm):
// their bytes joined by a space, once per document (pairs). Distinct
// pairs of one view are distinct bigrams: a term is one word's, which
// holds no space, and distinct term ids are distinct terms.
func (p *docPass) bigram(prev, cur int32) int32 {
	k := pairKey(prev, cur)
	if id, ok := p.pairs[k]; ok {
		return id
	}
	a, b := p.terms[prev], p.bytesOf(cur)
	n := len(a) + 1 + len(b)
	if cap(p.arena)-len(p.arena) < n {
		p.arena = make([]byte, 0, max(4096, n))
	}
	at := len(p.arena)
	p.arena = append(append(append(p.arena, a...), ' '), b...)
	id := int32(len(p.grams))
	p.grams = append(p.grams, p.arena[at:len(p.arena):len(p.arena)])
	p.pairs[k] = id
	return id
}

// maxKeptTokens bounds the tokens (and bigrams) a scratch keeps room
// for, for the next document: 1 MB of tokens; a longer document makes
// its own.
const maxKeptTokens = 1 << 16

// maxDocBigrams bounds the bigram map a scratch keeps for the next
// document.
const maxDocBigrams = 1 << 14

// pairKey is the key of the pair of term ids a, b in pairs.
func pairKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// counted is a view's analysis as its field keeps it until zap reads it:
// its length, and the token frequencies that analysis.TokenFrequency
// makes of its token stream (a TokenFreq per distinct term, its frequency
// unless SkipFreqNorm, its locations in token order when the field keeps
// term vectors). A field with term vectors (title_f: short) keeps the
// frequencies made once; the others keep each distinct term and its
// frequency (28 bytes a term instead of 96 for its TokenFreq and map
// entry) and make the frequencies when zap asks for them (twice per
// segment), so that a batch of analyzed documents waiting for its
// segment holds a third of the heap (docs/log/i21-onepass.md).
// Keeping the map zap's first read made (so that its second is free) was
// measured: no CPU saved at 100k, and a batch held 29.5 more bytes per
// byte of text during its segment's build (docs/log/i21-zapver.md).
type counted struct {
	length int
	freqs  index.TokenFrequencies // with term vectors
	terms  [][]byte               // without: each distinct term, in the lexicon's arena
	counts []int32                // and its frequency (nil with SkipFreqNorm)
}

// frequencies are the token frequencies of c.
func (c *counted) frequencies(opts index.FieldIndexingOptions) index.TokenFrequencies {
	if c.freqs != nil {
		return c.freqs
	}
	block := make([]index.TokenFreq, len(c.terms))
	out := make(index.TokenFrequencies, len(c.terms))
	for k, t := range c.terms {
		block[k].Term = t
		if c.counts != nil {
			block[k].SetFrequency(int(c.counts[k]))
		}
		out[unsafeString(t)] = &block[k]
	}
	return out
}

// count is the view of toks as counted, for a field of options opts:
// the tokens' ids are of terms (the terms or the bigrams), slots the
// place of each among the view's distinct terms (-1 before and after).
func (sc *scratch) count(toks []viewToken, terms [][]byte, slots *[]int32, opts index.FieldIndexingOptions, arrayPositions []uint64) counted {
	for len(*slots) < len(terms) {
		*slots = append(*slots, -1)
	}
	slot := *slots
	distinct := 0
	for _, vt := range toks {
		if slot[vt.id] < 0 {
			slot[vt.id] = int32(distinct)
			distinct++
		}
	}
	// what the field keeps is cut from the blocks; what it drops is made
	c := counted{length: len(toks)}
	if opts.IncludeTermVectors() {
		c.terms, c.counts = make([][]byte, distinct), make([]int32, distinct)
	} else if c.terms = sc.takeTerms(distinct); opts.SkipFreqNorm() {
		c.counts = make([]int32, distinct)
	} else {
		c.counts = sc.takeCounts(distinct)
	}
	for _, vt := range toks {
		k := slot[vt.id]
		c.terms[k] = terms[vt.id]
		c.counts[k]++
	}
	if opts.SkipFreqNorm() {
		c.counts = nil
	}
	if opts.IncludeTermVectors() {
		c.freqs = c.frequencies(opts)
		counts := make([]int32, distinct)
		copy(counts, c.counts)
		if c.counts == nil {
			for _, vt := range toks {
				counts[slot[vt.id]]++
			}
		}
		locs := make([]index.TokenLocation, len(toks))
		ptrs := make([]*index.TokenLocation, len(toks))
		next := 0
		for k, t := range c.terms { // each term's places in ptrs
			c.freqs[unsafeString(t)].Locations = ptrs[next : next : next+int(counts[k])]
			next += int(counts[k])
		}
		for j, vt := range toks {
			locs[j] = index.TokenLocation{ArrayPositions: arrayPositions, Start: int(vt.start), End: int(vt.end), Position: int(vt.pos)}
			tf := c.freqs[unsafeString(terms[vt.id])]
			tf.Locations = append(tf.Locations, &locs[j])
		}
		c.terms, c.counts = nil, nil
	}
	for _, vt := range toks {
		slot[vt.id] = -1
	}
	return c
}

// intern returns the id of term b, adding it when new. b may be the
// scratch's buf. Each distinct term of the lexicon is kept once, in its
// arena: its bytes are the Term of every TokenFreq of it and, as a
// string, every frequency map's key, in every document analyzed with the
// lexicon. Terms are appended to arena chunks
// and never written again, so the strings may alias them.
func (p *docPass) intern(b []byte) int32 {
	if id, ok := p.ids[string(b)]; ok {
		return id
	}
	id := int32(len(p.terms))
	p.terms = append(p.terms, p.store(b))
	p.ids[p.key(id)] = id
	return id
}

// store appends b to the arena and returns the arena's copy, which is
// never written again.
func (sc *scratch) store(b []byte) []byte {
	at := sc.room(len(b))
	sc.arena = append(sc.arena, b...)
	return sc.arena[at:len(sc.arena):len(sc.arena)]
}

// keep is s as a string in the arena.
func (sc *scratch) keep(s string) string {
	at := sc.room(len(s))
	sc.arena = append(sc.arena, s...)
	return unsafeString(sc.arena[at:len(sc.arena):len(sc.arena)])
}

// room makes room for n bytes in the arena, in a new chunk when the one
// being filled has less, and returns where they go.
func (sc *scratch) room(n int) int {
	if cap(sc.arena)-len(sc.arena) < n {
		sc.arena = make([]byte, 0, max(4096, n))
	}
	return len(sc.arena)
}

// unsafeString is b as a string of the same bytes, which are never
// written again.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// key is term id as a string of the same bytes.
func (p *docPass) key(id int32) string {
	return unsafeString(p.terms[id])
}

// bytesOf is term id's bytes, nil for emptyTerm.
func (p *docPass) bytesOf(id int32) []byte {
	if id < 0 {
		return nil
	}
	return p.terms[id]
}
