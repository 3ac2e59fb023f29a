// Package indexer holds vanban's bleve index: the Vietnamese analyzers, the
// mapping, and the synchronisation of the index with the corpus store.
package indexer

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
)

// MappingVersion is the version of the index layout below. History:
// 1 — exact/fold/bigram views of title and body, number keys, facets.
// 2 — exact-view bigrams of title and body (title_bx, body_bx); positions
// in the folded views (phrase queries matched nothing without them).
// 3 — vi_fold_v2: ð (lowercase eth, from the impostor Ð) folds to d, as Canon
// already mapped it to đ (found by fuzzing Fold(Canon(x)) == Fold(x)).
// 4 — body_bx holds the accented bigrams of each body's first SampleWords
// words only (vi_bigram_sample_v1), title_bx is gone: they were never
// ranked on, only read to restore accents, and cost a quarter of the
// indexing time.
// 5 — one grammar of document numbers (viet.ScanNumber) for the tokenizer,
// the citation parser and NumberKey: "73-CP" after "Nghị định số" is a
// number in the index as in the citation graph, "3/Điều" and "2021/BXD" in
// "QCVN 01:2021/BXD" are not (vi_exact_v2, vi_fold_v3, vi_key_v2).
// 6 — documents read from files: the file's kind (file) and where its
// pages start in the body (pages), stored and not indexed, so a hit
// says which file and page matched. No indexed field changed.
// 7 — effect_from and effect_until: when a document has legal effect
// (graph.Span), for the "còn hiệu lực" filter.
// 8 — every document carries its field lengths (FieldLengths, lengths.go),
// from which BM25 reads exact collection statistics whatever the segment
// layout; no _all field (it was empty).
// 9 — articles: the article numbers (article), the titles of a body's
// article headings (heading, heading_f, heading_b) and the name of the
// text a document is part of (part_f); the title views leave out the
// "Điều N." that opens an article's title (vi_title_*_v1).
// 10 — the body is not stored: snippets are cut from the corpus store's
// text (search.Texts), which keeps it once, compressed; pages count in
// that text (corpus.Document.FullBody).
// 11 — the abbreviations each document defines (FieldAbbrev, abbrev.go),
// read back per snapshot to expand queries.
// 12 — the positional views (title_f, body_f) keep positions without byte
// offsets (AnalyzerFoldPositions): same terms, positions and scores; the
// title_sort key is written 6 bits per character instead of hex
// (titleSortKey): same order; the lengths field keeps no frequencies
// (only document counts are read). 9 % less index.
// 13 — the folded body (body_f) keeps no positions: its postings,
// frequencies and norms only (the same BM25 scores). A quoted phrase on
// the body is the conjunction of its words verified on the document's
// text in the store (search/phrase.go), and the proximity rerank reads
// the body's positions there too. A quarter less index.
// 14 — nothing stored: a hit's title, URL, date, type, number, issuer,
// site and file pages are read from the corpus store with its body
// (search.Records), where they are kept once; the url, file and pages
// fields are gone. The index keeps only what ranking, filters, facets,
// sorting and counts read.
// 15 — the folded title (title_f) keeps no positions either: its
// postings, frequencies and norms only (the same BM25 scores). A quoted
// phrase on the title is verified on the document's title in the store
// as the body's are (search/phrase.go; a phrase of two words settled by
// title_b), and the proximity rerank reads the title's positions there.
// 16 — the lengths field spells each field's length in base 16, a term
// per digit that is not 0 ("body:1:7": digit 1 is 7) instead of a term per
// bit set ("body:5"): the same totals, so the same scores, from about half
// the lengths postings (lengths.go).
// 17 — the article field keeps an inserted article's number with its
// letter, lower case ("Điều 63a." → "63a", outline.ArticleHeading), as a
// query's "điều 63a" names it; it was left out, and its title kept the
// "Điều 63a." the title views now drop.
// 18 — an inserted article numbered with "đ", the letter after d ("Điều
// 110đ.", NĐ 21/2026/NĐ-CP), is an article heading too: its number
// "110đ" is in the article field (outline.ArticleHeading).
// 19 — a line "Điều N" + a document's name without the heading's stop
// ("Điều 33 Nghị định này áp dụng …", a reference a hard wrap put at a
// line's start; "Điều 4 Thông tư số … được sửa đổi như sau:") is no
// article heading (outline.ArticleHeading, citesDocument): its number and
// "title" leave the article and heading fields (i19-parse5).
// 20 — body_bk holds the folded pairs of words in a row that body_b
// leaves out, across a break ("mức lương, cơ sở" → "luong co"), so that a
// quoted phrase's candidate lacking a pair of it in both is rejected
// without reading its text (search/phrase.go, i20-phrase).
// 21 — a line written without marks (at least 12 letters, under 3 % of
// them marked: an unaccented summary or OCR, a line in another language)
// is left out of the exact views (title, body, heading, body_bx; the
// folded and bigram views keep it), so an accent-free query's spelling no
// longer matches it "exactly" (unmarked.go, i21-results). In the same
// version, number keys read OCR's noise in a Quốc hội term as the term the
// year fixes ("139/2025/QHI15" → 139/2025/qh15, doctype.NumberKey and
// TermCode), as the citation graph's keys do since graph.Version 14.
// 22 — number keys also read OCR's lost or stray digit in a Quốc hội term
// when the key's year admits one term only ("101/2025/QH1",
// "118/2025/QH135" → …/qh15; viet.digitsTerm, i21-rel2), as the graph's
// keys do since graph.Version 15.
// 23 — a year OCR split with a space inside a number ("02/201 7/QHI14",
// "15/20 23/NĐ-CP") is read whole where the break has one reading (3+1 or
// 2+2 digits, a year of 1945–2100, "/" and a code right after, a Quốc hội
// term that sat that year: viet.splitYear): the tokenizer's DocNumber and
// its key are the number (2/2017/qh14), not its second half (7/qhi14), as
// the graph's keys since graph.Version 20 (i23-rel). In the same version
// (both merged in one round), a number's part ends at "&" before a
// combining mark, so such a number has a key (viet markAt, i23-review2).
// 24 — more of OCR's noise in numbers read where it has one reading
// (viet yearAt, splitTerm, hTerm; i24-rel): a year split after its first
// digit before a Quốc hội code ("46/2 019/QH14"), a year glued to its code
// ("66/2026NĐ-CP", "18/201 7QHI4"), a term split by a space ("QHI 5", "QH1
// 4"), an H read as "I1", "II" or "L" ("15/2012/QI113" → 15/2012/qh13):
// the tokenizer's DocNumber and its key are the number, as the graph's keys
// since graph.Version 22.
// 25 — more of OCR's noise in numbers read where it has one reading
// (viet splitLead, dotDash, nineQ; i25-rel): the digits split by one space
// after "số", both halves of one or two digits ("số 3 6/2024/QH15" →
// 36/2024/qh15), a "." for the dash after a type's code ("12/2022/NĐ.CP"
// → 12/2022/nd-cp), a Q read as 9 after a split or glued year ("54/201
// 49H13" → 54/2014/qh13): the tokenizer's DocNumber and its key are the
// number, as the graph's keys since graph.Version 23.
// 26 — a first half padded with a 0 to two digits is a whole number, not
// half of a split after "số" (viet splitLead; i25-review6): "Mẫu số 05
// 15/2024/TT-BTC" holds 15/2024/tt-btc, not 515/2024/tt-btc.
// 27 — a file whose cover slip transmits several documents
// (corpus.FileInfo.Transmitted) is filed under each: number, type, issuer
// and year hold every document's value (the first's first), and the
// further documents' dates are in published_also (the date filter reads
// both; published stays the first's, which sorting reads), so a search
// filtered by the second's type, issuer or date, its facets, or its
// number find the file; number_own keeps its own number's key, by which
// the copy collapse groups it (i26-attach). Other documents' fields are
// unchanged.
// 28 — a digit other than "1" before a two-digit number after "số" is a
// stray one ("số 2 97/2026/NĐ-CP" holds 97/2026/nd-cp, not 297/…; viet
// splitLead), and a "." is the dash between a number's codes only after a
// type's code (doctype.NumberKey: "123/UBND.UBND tỉnh" holds 123/ubnd, a
// form's "01/CCTT.ĐK" 1/cctt; "15/2024/NĐ.CP" still 15/2024/nd-cp), in
// every view, the number and cites fields (i26-cite, 27 on its branch).
// 29 — the dot ends a number after a code with digits too, no type's
// ("31/2024/QH15.UBND tỉnh" holds 31/2024/qh15, not 31/2024/qh15-ubnd;
// doctype.NumberKey, i26-rev-cite).
// 30 — the dot ends a number after any code but its first
// ("88/KH-UBND.VX" holds 88/kh-ubnd in the number field, where it held no
// key; doctype.NumberKey, i28-refs).
// 31 — the dot ends a number before a word with a tone mark, whatever the
// code before it ("208/QĐ.ĐIỀU 1." holds 208/qd, not 208/qd-dieu: a heading
// in capitals run into the number; doctype.NumberKey codeAfterDot, i29-cite).
const MappingVersion = 31

// Field names of the index.
const (
	FieldTitle       = "title"   // exact view, not stored (hits read the store)
	FieldTitleFold   = "title_f" // folded view
	FieldTitleBigram = "title_b" // folded bigrams
	FieldBody        = "body"    // exact view, not stored (snippets read the store)
	FieldBodyFold    = "body_f"
	FieldBodyBigram  = "body_b"
	// FieldBodyBigramExact holds the accented bigrams of the body's first
	// words (AnalyzerBigramSample), indexed from the body value (a second
	// field mapping), so documents need no extra field. Only accent
	// restoration reads it.
	FieldBodyBigramExact = "body_bx"
	// FieldBodyBreakBigram holds the folded pairs of words in a row across
	// a break (AnalyzerBreakBigram), those body_b leaves out, indexed from
	// the body_b value (a second field mapping): a pair of words at
	// consecutive positions of body_f is in body_b or here. Only quoted
	// phrases read it, to reject candidates (search/phrase.go).
	FieldBodyBreakBigram = "body_bk"
	FieldNumber          = "number" // the document's own số ký hiệu, as a key; a file's transmitted ones too
	// FieldNumberOwn holds, for a file filed under several numbers (the
	// documents its cover slip transmits), the key of its own (its first
	// document's) or NoOwnNumber: the copy collapse groups it by that one
	// (search/collapsedups.go). Other documents have none.
	FieldNumberOwn = "number_own"
	FieldCites     = "cites" // keys of every document number in the text
	FieldType      = "type"
	FieldIssuer    = "issuer"
	FieldSite      = "site"
	FieldCategory  = "category"
	FieldYear      = "year"
	FieldPublished = "published"
	// FieldPublishedAlso holds the dates of the further documents a file's
	// cover slip transmits (corpus.FileInfo.Transmitted) that are not the
	// document's own: the date filter reads it beside FieldPublished, which
	// keeps one date, the one hits are sorted by.
	FieldPublishedAlso = "published_also"
	FieldTitleSort     = "title_sort" // Vietnamese collation key of the title (titleSortKey)
	// FieldEffectFrom and FieldEffectUntil hold when a document has legal
	// effect (graph.Span; Until exclusive, EffectOpen when no end is
	// known), only for documents that texts say have effect.
	FieldEffectFrom  = "effect_from"
	FieldEffectUntil = "effect_until"
	// FieldArticle holds the number of every article heading of the
	// document ("12" of "Điều 12. Chế độ tiền lương", "63a" of an inserted
	// "Điều 63a."): of its title when
	// the document is one article, of its body's heading lines when it is
	// a whole text.
	FieldArticle = "article"
	// The heading views hold the titles of the article headings on the
	// body's lines, the short field in which "chế độ tiền lương" finds
	// the article of a long law that bears it.
	FieldHeading       = "heading"
	FieldHeadingFold   = "heading_f"
	FieldHeadingBigram = "heading_b"
	// FieldPartFold holds the folded name of the document this one is a
	// part of (Document.PartOf: the law of an article).
	FieldPartFold = "part_f"
)

func textField(analyzer string, store bool) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = analyzer
	f.Store = store
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = false
	return f
}

func keywordField(store bool) *mapping.FieldMapping {
	f := bleve.NewKeywordFieldMapping()
	f.Analyzer = keyword.Name
	f.Store = store
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = true
	return f
}

// countsOnly keeps no frequencies and norms: a field nothing scores, of
// which only the documents holding each term are counted (body_bx: accent
// restoration reads its dictionary and document frequencies,
// search/restore.go).
func countsOnly(f *mapping.FieldMapping) *mapping.FieldMapping {
	f.SkipFreqNorm = true
	return f
}

func named(f *mapping.FieldMapping, name string) *mapping.FieldMapping {
	f.Name = name
	return f
}

// NewMapping returns the index mapping: BM25, no _all field, explicit fields
// only, and nothing stored: hits read their display fields from the
// corpus store (search.Records).
func NewMapping() *mapping.IndexMappingImpl {
	doc := bleve.NewDocumentStaticMapping()
	add := func(name string, fs ...*mapping.FieldMapping) { doc.AddFieldMappingsAt(name, fs...) }
	add(FieldTitle, textField(AnalyzerTitleExact, false))
	add(FieldTitleFold, textField(AnalyzerTitleFold, false))
	add(FieldTitleBigram, textField(AnalyzerTitleBigram, false))
	add(FieldBody, textField(AnalyzerExact, false), named(countsOnly(textField(AnalyzerBigramSample, false)), FieldBodyBigramExact))
	add(FieldBodyFold, textField(AnalyzerFold, false))
	add(FieldBodyBigram, textField(AnalyzerBigram, false), named(countsOnly(textField(AnalyzerBreakBigram, false)), FieldBodyBreakBigram))
	add(FieldHeading, textField(AnalyzerExact, false))
	add(FieldHeadingFold, textField(AnalyzerFold, false))
	add(FieldHeadingBigram, textField(AnalyzerBigram, false))
	add(FieldPartFold, textField(AnalyzerFold, false))
	num := textField(AnalyzerKey, false)
	add(FieldNumber, num)
	add(FieldTitleSort, keywordField(false))
	for _, name := range []string{FieldCites, FieldArticle, FieldAbbrev, FieldNumberOwn} {
		k := keywordField(false)
		k.DocValues = false
		add(name, k)
	}
	for _, name := range []string{FieldType, FieldIssuer, FieldSite, FieldCategory} {
		add(name, keywordField(false))
	}
	year := bleve.NewNumericFieldMapping()
	year.Store = false
	year.IncludeInAll = false
	year.DocValues = true
	add(FieldYear, year)
	pub := bleve.NewDateTimeFieldMapping()
	pub.Store = false
	pub.IncludeInAll = false
	pub.DocValues = true
	add(FieldPublished, pub)
	for _, name := range []string{FieldEffectFrom, FieldEffectUntil, FieldPublishedAlso} {
		d := bleve.NewDateTimeFieldMapping()
		d.Store = false
		d.IncludeInAll = false
		d.DocValues = false
		add(name, d)
	}
	// no _all: every field is excluded from it anyway, and a composite
	// field would read FieldLengths before its terms are known
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())

	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = AnalyzerExact
	m.ScoringModel = "bm25"
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m
}
