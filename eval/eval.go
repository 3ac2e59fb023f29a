// Package eval measures retrieval quality and speed on BEIR-layout sets
// (corpus.jsonl, queries.jsonl, qrels TSV) through the production indexer
// and query builder.
package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search"
)

// Query is one evaluation query. Style and Law are optional metadata of
// the project's own dev sets (devsets/README.md); the ALQAC files have
// neither.
type Query struct {
	ID    string `json:"_id"`
	Text  string `json:"text"`
	Style string `json:"style,omitempty"`
	Law   string `json:"law,omitempty"`
}

// Qrels maps a query ID to its relevant documents and their grades.
type Qrels map[string]map[string]float64

// Report holds the figures `vanban eval --json` prints.
type Report struct {
	Queries       int     `json:"queries"`
	NDCG10        float64 `json:"ndcg@10"`
	MRR10         float64 `json:"mrr@10"`
	Recall10      float64 `json:"recall@10"`
	Recall100     float64 `json:"recall@100"`
	IndexDocsPerS float64 `json:"index_docs_per_s"`
	IndexSeconds  float64 `json:"index_seconds"`
	QueryP50MS    float64 `json:"query_p50_ms"`
	QueryP99MS    float64 `json:"query_p99_ms"`
}

// Run is the ranked document IDs of each query.
type Run map[string][]string

// readCorpus reads BEIR corpus lines {"_id","title","text"} as documents.
// A line of an article stored on its own (the ALQAC sets: "metadata":
// {"law", "article"}) becomes the document a portal shows for an article
// (corpus.Record, corpus.PartMeta).
func readCorpus(r io.Reader) ([]*corpus.Document, error) {
	var docs []*corpus.Document
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<20))
	for n := 1; ; n++ {
		var line corpus.Record
		if err := dec.Decode(&line); err == io.EOF {
			return docs, nil
		} else if err != nil {
			return nil, fmt.Errorf("corpus record %d: %w", n, err)
		}
		if line.ID == "" {
			return nil, fmt.Errorf("corpus record %d: no _id", n)
		}
		docs = append(docs, line.Document())
	}
}

// ReadQueries reads BEIR query lines {"_id","text"}.
func ReadQueries(r io.Reader) ([]Query, error) {
	var qs []Query
	dec := json.NewDecoder(r)
	for n := 1; ; n++ {
		var q Query
		if err := dec.Decode(&q); err == io.EOF {
			return qs, nil
		} else if err != nil {
			return nil, fmt.Errorf("query record %d: %w", n, err)
		}
		qs = append(qs, q)
	}
}

// readQrels reads a qrels TSV (query-id, corpus-id, score; a header line is
// skipped).
func readQrels(r io.Reader) (Qrels, error) {
	qr := Qrels{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		f := strings.Split(strings.TrimSpace(sc.Text()), "\t")
		if len(f) < 3 {
			if len(f) == 1 && f[0] == "" {
				continue
			}
			return nil, fmt.Errorf("qrels line %d: want 3 tab-separated fields", n)
		}
		g, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			if n == 1 {
				continue // header
			}
			return nil, fmt.Errorf("qrels line %d: %w", n, err)
		}
		if qr[f[0]] == nil {
			qr[f[0]] = map[string]float64{}
		}
		qr[f[0]][f[1]] = g
	}
	return qr, sc.Err()
}

// Set is a loaded evaluation set.
type Set struct {
	Docs    []*corpus.Document
	Queries []Query
	Qrels   Qrels
}

// Load reads the three files of a set.
func Load(corpusPath, queriesPath, qrelsPath string) (*Set, error) {
	var s Set
	for _, step := range []struct {
		path string
		read func(io.Reader) error
	}{
		{corpusPath, func(r io.Reader) (err error) { s.Docs, err = readCorpus(r); return }},
		{queriesPath, func(r io.Reader) (err error) { s.Queries, err = ReadQueries(r); return }},
		{qrelsPath, func(r io.Reader) (err error) { s.Qrels, err = readQrels(r); return }},
	} {
		f, err := os.Open(step.path)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		err = step.read(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("eval: %s: %w", step.path, err)
		}
	}
	return &s, nil
}

// BuildIndex indexes the set's documents into a new index in dir and
// returns it with the indexing time.
func BuildIndex(ctx context.Context, dir string, docs []*corpus.Document) (*indexer.Index, time.Duration, error) {
	ix, err := indexer.Open(dir, indexer.Options{})
	if err != nil {
		return nil, 0, err
	}
	start := time.Now()
	if err := ix.Add(ctx, docs); err != nil {
		ix.Close()
		return nil, 0, err
	}
	return ix, time.Since(start), nil
}

// Texts are the bodies and titles of the set's documents by ID, as the
// store gives them (corpus.Document.FullBody, the record's head): where the
// searcher reads the body's and title's positions (search.WithTexts).
func (s *Set) Texts() search.Texts {
	t := setTexts{bodies: make(search.TextMap, len(s.Docs)), docs: make(map[string]*corpus.Document, len(s.Docs))}
	for _, d := range s.Docs {
		t.bodies[d.ID] = d.FullBody()
		t.docs[d.ID] = d
	}
	return t
}

// setTexts are a set's texts: the bodies, and the documents whose heads
// give the titles (search.Heads).
type setTexts struct {
	bodies search.TextMap
	docs   map[string]*corpus.Document
}

// Bodies returns the bodies of ids that the set holds.
func (t setTexts) Bodies(ctx context.Context, ids []string) (map[string]string, error) {
	return t.bodies.Bodies(ctx, ids)
}

// Head returns the document id, corpus.ErrNotFound when the set has none.
func (t setTexts) Head(id string) (*corpus.Document, error) {
	if d, ok := t.docs[id]; ok {
		return d, nil
	}
	return nil, fmt.Errorf("eval: head of %s: %w", id, corpus.ErrNotFound)
}

// Evaluate runs every query (top 100) through s and scores the run.
// transform, when not nil, rewrites each query first (accents stripped…).
func Evaluate(ctx context.Context, s *search.Searcher, set *Set, transform func(string) string) (Report, Run, error) {
	run := Run{}
	lat := make([]float64, 0, len(set.Queries))
	var rep Report
	for _, q := range set.Queries {
		if _, judged := set.Qrels[q.ID]; !judged {
			continue
		}
		text := q.Text
		if transform != nil {
			text = transform(text)
		}
		start := time.Now()
		res, err := s.Search(ctx, search.Request{Query: text, Size: 100, TopOnly: true})
		lat = append(lat, float64(time.Since(start).Microseconds())/1000)
		if err != nil && err != search.ErrEmptyQuery {
			return rep, nil, fmt.Errorf("eval: query %s: %w", q.ID, err)
		}
		var ids []string
		if res != nil {
			for _, h := range res.Hits {
				ids = append(ids, h.ID)
			}
		}
		run[q.ID] = ids
	}
	rep = score(run, set.Qrels)
	sort.Float64s(lat)
	rep.QueryP50MS = percentile(lat, 0.50)
	rep.QueryP99MS = percentile(lat, 0.99)
	return rep, run, nil
}

// score computes nDCG@10, MRR@10 and recall over the judged queries of run.
func score(run Run, qrels Qrels) Report {
	var r Report
	for qid, rel := range qrels {
		ranked := run[qid]
		r.Queries++
		var dcg, idcg float64
		for i, id := range ranked {
			if i >= 10 {
				break
			}
			if g := rel[id]; g > 0 {
				dcg += (math.Pow(2, g) - 1) / math.Log2(float64(i+2))
			}
		}
		for i, id := range ranked {
			if i >= 10 {
				break
			}
			if rel[id] > 0 {
				r.MRR10 += 1 / float64(i+1)
				break
			}
		}
		grades := make([]float64, 0, len(rel))
		nrel := 0
		for _, g := range rel {
			if g > 0 {
				grades = append(grades, g)
				nrel++
			}
		}
		sort.Sort(sort.Reverse(sort.Float64Slice(grades)))
		for i, g := range grades {
			if i >= 10 {
				break
			}
			idcg += (math.Pow(2, g) - 1) / math.Log2(float64(i+2))
		}
		if idcg > 0 {
			r.NDCG10 += dcg / idcg
		}
		if nrel > 0 {
			r.Recall10 += float64(found(ranked, rel, 10)) / float64(nrel)
			r.Recall100 += float64(found(ranked, rel, 100)) / float64(nrel)
		}
	}
	if r.Queries > 0 {
		n := float64(r.Queries)
		r.NDCG10 /= n
		r.MRR10 /= n
		r.Recall10 /= n
		r.Recall100 /= n
	}
	return r
}

// ScoreBy scores run separately for each group of judged queries: group
// maps a query ID to its group (its style, say); judged queries without a
// group are left out.
func ScoreBy(run Run, qrels Qrels, group map[string]string) map[string]Report {
	parts := map[string]Qrels{}
	for qid, rel := range qrels {
		g, ok := group[qid]
		if !ok {
			continue
		}
		if parts[g] == nil {
			parts[g] = Qrels{}
		}
		parts[g][qid] = rel
	}
	reps := make(map[string]Report, len(parts))
	for g, qr := range parts {
		reps[g] = score(run, qr)
	}
	return reps
}

func found(ranked []string, rel map[string]float64, k int) int {
	n := 0
	for i, id := range ranked {
		if i >= k {
			break
		}
		if rel[id] > 0 {
			n++
		}
	}
	return n
}

func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(p*float64(len(sorted)))) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

// WriteTREC writes run in TREC format (qid Q0 docid rank score tag); scores
// are reciprocal ranks since only the order is kept.
func WriteTREC(w io.Writer, run Run, tag string) error {
	qids := make([]string, 0, len(run))
	for q := range run {
		qids = append(qids, q)
	}
	sort.Strings(qids)
	bw := bufio.NewWriter(w)
	for _, q := range qids {
		for i, id := range run[q] {
			fmt.Fprintf(bw, "%s Q0 %s %d %.6f %s\n", q, id, i+1, 1/float64(i+1), tag)
		}
	}
	return bw.Flush()
}

// Query variants: the same queries typed differently. The analyzers must
// absorb them (NFD, tone style) or at least degrade gracefully (no
// diacritics).
const (
	AsGiven       = "as-given"
	NoDiacritics  = "no-diacritics"
	NFD           = "nfd"
	OtherTone     = "other-tone"
	VariantsUsage = "as-given|no-diacritics|nfd|other-tone|all"
)

// Variants lists the query variants in report order.
var Variants = []string{AsGiven, NoDiacritics, NFD, OtherTone}

// Transform returns the rewrite of a variant, nil for "as-given" (or an
// unknown name).
func Transform(variant string) func(string) string {
	switch variant {
	case NoDiacritics:
		return stripDiacritics
	case NFD:
		return toNFD
	case OtherTone:
		return otherToneStyle
	}
	return nil
}

// stripDiacritics removes every tone and shape mark and maps đ/Đ to d/D,
// keeping case: "Nghị quyết Đảng" → "Nghi quyet Dang".
func stripDiacritics(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ' || r == 'Ð':
			b.WriteByte('D')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// toNFD returns s decomposed (Unicode NFD), as macOS and some PDF
// extractors write it.
func toNFD(s string) string { return norm.NFD.String(s) }

// otherToneStyle rewrites the open syllables ending in oa, oe and uy from
// the old tone placement to the new one and back: hòa ↔ hoà, khỏe ↔ khoẻ,
// thủy ↔ thuỷ, Ủy ↔ Uỷ. Other syllables are unchanged.
func otherToneStyle(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	start := -1
	flush := func(end int) {
		if start >= 0 {
			b.WriteString(swapTone(s[start:end]))
			start = -1
		}
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(s))
	return b.String()
}

// tones are the five combining tone marks.
const tones = "\u0300\u0301\u0303\u0309\u0323"

// swapTone moves the tone of a final oa/oe/uy pair to the other vowel.
func swapTone(w string) string {
	rs := []rune(norm.NFD.String(w))
	// Collect letters with their marks: [base, marks...].
	type letter struct {
		base rune
		tone rune
		rest []rune
	}
	var ls []letter
	for _, r := range rs {
		if unicode.Is(unicode.Mn, r) && len(ls) > 0 {
			if strings.ContainsRune(tones, r) {
				ls[len(ls)-1].tone = r
			} else {
				ls[len(ls)-1].rest = append(ls[len(ls)-1].rest, r)
			}
			continue
		}
		ls = append(ls, letter{base: r})
	}
	n := len(ls)
	if n < 2 {
		return w
	}
	a, c := &ls[n-2], &ls[n-1]
	if len(a.rest) > 0 || len(c.rest) > 0 {
		return w
	}
	pair := strings.ToLower(string([]rune{a.base, c.base}))
	if pair != "oa" && pair != "oe" && pair != "uy" {
		return w
	}
	if n >= 3 && strings.ContainsRune("aeiouyAEIOUY", ls[n-3].base) && !(pair == "uy" && (ls[n-3].base == 'q' || ls[n-3].base == 'Q')) {
		return w // a triphthong (ngoài, khuỷu …) is written the same in both styles
	}
	if n >= 3 && (ls[n-3].base == 'q' || ls[n-3].base == 'Q') {
		return w // quy: the u belongs to the onset
	}
	switch {
	case a.tone != 0 && c.tone == 0:
		a.tone, c.tone = 0, a.tone
	case c.tone != 0 && a.tone == 0:
		a.tone, c.tone = c.tone, 0
	default:
		return w
	}
	out := make([]rune, 0, len(rs))
	for _, l := range ls {
		out = append(out, l.base)
		out = append(out, l.rest...)
		if l.tone != 0 {
			out = append(out, l.tone)
		}
	}
	if utf8.ValidString(w) && norm.NFC.IsNormalString(w) {
		return norm.NFC.String(string(out))
	}
	return string(out)
}

// Groupings of queries for ScoreBy (`vanban eval --by`).
const (
	ByStyle   = "style" // the style a dev-set query was written to exercise (devsets/README.md)
	ByLaw     = "law"   // the law of its best article
	ByMarks   = "marks" // typed with or without diacritics: "marks", "bare"
	ByUsage   = "style|law|marks"
	noneGroup = "(none)"
)

// Groups maps each query ID to its group under by (ByStyle, ByLaw,
// ByMarks); queries without the field are grouped as "(none)". An unknown
// grouping is an error.
func Groups(qs []Query, by string) (map[string]string, error) {
	if by != ByStyle && by != ByLaw && by != ByMarks {
		return nil, fmt.Errorf("eval: unknown grouping %q (%s)", by, ByUsage)
	}
	g := make(map[string]string, len(qs))
	for _, q := range qs {
		var v string
		switch by {
		case ByStyle:
			v = q.Style
		case ByLaw:
			v = q.Law
		case ByMarks:
			v = "bare"
			if viet.HasMarks(q.Text) {
				v = "marks"
			}
		}
		if v == "" {
			v = noneGroup
		}
		g[q.ID] = v
	}
	return g, nil
}
