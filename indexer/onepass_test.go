package indexer

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/corpus"
)

// onePassLines are lines written for these tests in the shapes of the
// corpus: accents and none, both tone placements, upper case, document
// numbers, clause punctuation, quotes, article headings, line breaks.
var onePassLines = []string{
	"Điều 12. Chế độ tiền lương đối với cán bộ, công chức",
	"Điều 5a. Sửa đổi, bổ sung một số điều của Nghị định số 12/2024/NĐ-CP",
	"  Điều 07 Phạm vi điều chỉnh",
	"Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ.",
	"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025; Căn cứ Nghị định 73-CP;",
	"hoà giải ở cơ sở, thuỷ lợi, khoẻ mạnh, quý khách (cách bỏ dấu cũ)",
	"hòa giải ở cơ sở, thủy lợi, khỏe mạnh, quý khách (cách bỏ dấu mới)",
	"UỶ BAN NHÂN DÂN TỈNH QUẢNG NGÃI — CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	"quy dinh ve phong chong thien tai va tim kiem cuu nan",
	"Theo QCVN 01:2021/BXD và Thông tư 05/2020/TT-BTC, mục 3/Điều 4: “không áp dụng”!",
	"Kế hoạch số 45/KH-UBND; Quyết định 1234/QĐ-TTg? Công văn 56/CV-SNV.",
	"a) Đối tượng: hộ nghèo, hộ cận nghèo;\nb) Mức hỗ trợ: 1.500.000 đồng/người/tháng.\n",
	"Ðiều lệ (Ð hoa giả) và ð thường, ĐẶNG Đình Đức",
	"\u0301\u0301 x \u0301 y",
	"a\xffb c",
	"",
	"...;;;!!!",
	"Số: 154/NQ-CP\tHà Nội,\r\nngày 01 tháng 01 năm 2023",
}

// onePassTexts are onePassLines, their NFD forms, and long texts made of
// them (more than SampleWords words, so the bigram sample stops inside).
func onePassTexts() []string {
	texts := slices.Clone(onePassLines)
	for _, l := range onePassLines {
		texts = append(texts, norm.NFD.String(l))
	}
	texts = append(texts, strings.Join(onePassLines, "\n"), strings.Join(onePassLines, " "),
		strings.Repeat(onePassLines[3]+" ", 40), norm.NFD.String(strings.Join(onePassLines, "\n")))
	return texts
}

// viewAnalyzers are the registered analyzers that carry a view.
func viewAnalyzers(t testing.TB) map[string]viewAnalyzer {
	m := NewMapping()
	out := map[string]viewAnalyzer{}
	for _, name := range []string{AnalyzerExact, AnalyzerFold, AnalyzerBigram, AnalyzerBreakBigram, AnalyzerBigramExact, AnalyzerBigramSample,
		AnalyzerTitleExact, AnalyzerTitleFold, AnalyzerTitleBigram, AnalyzerFoldPositions, AnalyzerTitleFoldPositions} {
		a, ok := m.AnalyzerNamed(name).(viewAnalyzer)
		if !ok {
			t.Fatalf("%s is not a viewAnalyzer", name)
		}
		out[name] = a
	}
	return out
}

// analyzedAlone is field f analyzed by its own analyzer, as bleve does.
func analyzedAlone(name, text string, opts index.FieldIndexingOptions, a analysis.Analyzer) *document.TextField {
	f := document.NewTextFieldCustom(name, []uint64{3}, []byte(text), opts, a)
	f.Analyze()
	return f
}

// freqString spells out frequencies: every term, its frequency and its
// locations in order (with term vectors, the whole token stream).
func freqString(n int, tf index.TokenFrequencies) string {
	var lines []string
	for key, f := range tf {
		l := fmt.Sprintf("%q term=%q freq=%d", key, f.Term, f.Frequency())
		for _, loc := range f.Locations {
			l += fmt.Sprintf(" [%d %d-%d %v]", loc.Position, loc.Start, loc.End, loc.ArrayPositions)
		}
		lines = append(lines, l)
	}
	slices.Sort(lines)
	return fmt.Sprintf("length %d\n%s", n, strings.Join(lines, "\n"))
}

// TestOnePassSameAsAnalyzers: every view of every text, derived from one
// pass over all the texts of a document, has the tokens (terms, positions,
// offsets: term vectors on), frequencies and length the view's analyzer
// gives, with and without frequencies.
func TestOnePassSameAsAnalyzers(t *testing.T) {
	views := viewAnalyzers(t)
	texts := onePassTexts()
	var pool scratchPool // reused from document to document, as an Index does
	for _, opts := range []index.FieldIndexingOptions{
		index.IndexField | index.IncludeTermVectors,
		index.IndexField,
		index.IndexField | index.SkipFreqNorm | index.IncludeTermVectors,
	} {
		// one document holding every text under every view, as the
		// mapping makes fields, so the views share the pass and its terms
		doc := document.NewDocument("d")
		var want []string
		for i, text := range texts {
			for name, a := range views {
				field := fmt.Sprintf("%s/%d", name, i)
				alone := analyzedAlone(field, text, opts, a)
				want = append(want, freqString(alone.AnalyzedLength(), alone.AnalyzedTokenFrequencies()))
				doc.AddField(document.NewTextFieldCustom(field, []uint64{3}, []byte(text), opts, a))
			}
		}
		shareAnalysis(doc, &pool)
		for i, f := range doc.Fields {
			if _, ok := f.(*viewField); !ok {
				t.Fatalf("field %s is a %T, not shared", f.Name(), f)
			}
			f.Analyze()
			if got := freqString(f.AnalyzedLength(), f.AnalyzedTokenFrequencies()); got != want[i] {
				t.Errorf("%s (options %v) of %q:\n got %s\nwant %s", f.Name(), opts, texts[i/len(views)], got, want[i])
			}
			f.Analyze() // again: nothing changes
			if got := freqString(f.AnalyzedLength(), f.AnalyzedTokenFrequencies()); got != want[i] {
				t.Errorf("%s analyzed twice differs", f.Name())
			}
		}
	}
}

// FuzzOnePass: any text, under every view, gives the analyzer's tokens.
func FuzzOnePass(f *testing.F) {
	for _, s := range onePassTexts() {
		f.Add(s)
	}
	views := viewAnalyzers(f)
	opts := index.IndexField | index.IncludeTermVectors
	var pool scratchPool
	f.Fuzz(func(t *testing.T, text string) {
		doc := document.NewDocument("d")
		var want []string
		for name, a := range views {
			alone := analyzedAlone(name, text, opts, a)
			want = append(want, freqString(alone.AnalyzedLength(), alone.AnalyzedTokenFrequencies()))
			doc.AddField(document.NewTextFieldCustom(name, []uint64{3}, []byte(text), opts, a))
		}
		shareAnalysis(doc, &pool)
		for i, f := range doc.Fields {
			f.Analyze()
			if got := freqString(f.AnalyzedLength(), f.AnalyzedTokenFrequencies()); got != want[i] {
				t.Fatalf("%s of %q:\n got %s\nwant %s", f.Name(), text, got, want[i])
			}
		}
	})
}

// onePassDocs are documents made of onePassLines: articles, whole texts
// with article headings, titles with numbers, parts of a law.
func onePassDocs() []*corpus.Document {
	var docs []*corpus.Document
	texts := onePassTexts()
	for i := range 60 {
		title := onePassLines[i%len(onePassLines)]
		var body strings.Builder
		for k := range 1 + i%9 {
			body.WriteString(texts[(i*7+k*3)%len(texts)])
			body.WriteString("\n")
			if k%3 == 1 {
				fmt.Fprintf(&body, "Điều %d. %s\n", k, onePassLines[(i+k)%len(onePassLines)])
			}
		}
		d := &corpus.Document{URL: fmt.Sprintf("http://onepass.test/%d", i), Title: title, Body: body.String(),
			Type: "Nghị quyết", Number: fmt.Sprintf("%d/NQ-CP", i+1), Published: "2024-05-01", Issuer: "Chính phủ"}
		if i%4 == 0 {
			d.PartOf = "Luật Cán bộ, công chức"
		}
		docs = append(docs, d)
	}
	return docs
}

// TestOnePassIndexSame: an index of documents whose every field is
// analyzed by its own analyzer (as before the one pass), the online path
// (Add) and the bulk path (Build) hold the same fields, terms and
// postings: documents, frequencies, norms and locations.
func TestOnePassIndexSame(t *testing.T) {
	dir := t.TempDir()
	store, err := corpus.OpenStore(filepath.Join(dir, "data"), false, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	docs := onePassDocs()
	if _, err := store.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	for i, d := range docs { // as the build reads them
		if docs[i], err = store.Get(d.ID); err != nil {
			t.Fatal(err)
		}
	}
	alone, err := Open(filepath.Join(dir, "alone"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer alone.Close()
	b := alone.b.NewBatch()
	for _, d := range docs {
		f, err := fieldsWith(d, store, nil)
		if err != nil {
			t.Fatal(err)
		}
		doc := document.NewDocument(d.ID) // documentOf without shareAnalysis
		if err := alone.b.Mapping().MapDocument(doc, f); err != nil {
			t.Fatal(err)
		}
		doc.AddField(&lengthsField{doc: doc})
		if err := b.IndexAdvanced(doc); err != nil {
			t.Fatal(err)
		}
	}
	if err := alone.b.Batch(b); err != nil {
		t.Fatal(err)
	}
	online, err := Open(filepath.Join(dir, "online"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer online.Close()
	// the online path's documents do share a pass: every text view
	doc, err := documentOf(online.b.Mapping(), docs[1], Fields(docs[1]), &online.scratch)
	if err != nil {
		t.Fatal(err)
	}
	shared := map[string]bool{}
	for _, f := range doc.Fields {
		if _, ok := f.(*viewField); ok {
			shared[f.Name()] = true
		}
	}
	for _, name := range []string{FieldTitle, FieldTitleFold, FieldTitleBigram, FieldBody, FieldBodyFold, FieldBodyBigram, FieldBodyBigramExact, FieldHeading, FieldHeadingFold, FieldHeadingBigram} {
		if !shared[name] {
			t.Errorf("the online path analyzes %s on its own (shared: %v)", name, shared)
		}
	}
	b = online.b.NewBatch()
	for _, d := range docs {
		if err := online.add(b, d, store); err != nil {
			t.Fatal(err)
		}
	}
	if err := online.b.Batch(b); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), filepath.Join(dir, "built"), store, BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	built, err := Open(filepath.Join(dir, "built"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer built.Close()
	want := dumpIndex(t, alone, store)
	if len(want) < 1000 {
		t.Fatalf("the index holds only %d postings: the comparison says little", len(want))
	}
	for name, ix := range map[string]*Index{"online": online, "built": built} {
		got := dumpIndex(t, ix, store)
		if len(got) != len(want) {
			t.Errorf("%s: %d postings, analyzed alone %d", name, len(got), len(want))
		}
		if extra, missing := setDiff(got, want), setDiff(want, got); len(extra)+len(missing) > 0 {
			t.Errorf("%s: %d postings not analyzed alone, %d missing; first:\n got %q\nwant %q", name, len(extra), len(missing), extra[:min(len(extra), 5)], missing[:min(len(missing), 5)])
		}
	}
}

// dumpIndex spells out every posting of every field of ix: field, term,
// document (its URL), frequency, norm and locations, sorted.
func dumpIndex(t *testing.T, ix *Index, store *corpus.Store) []string {
	t.Helper()
	ir, err := ix.b.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := ir.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	fields, err := r.Fields()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, field := range fields {
		dict, err := r.FieldDict(field)
		if err != nil {
			t.Fatal(err)
		}
		var terms []string
		for e, err := dict.Next(); e != nil; e, err = dict.Next() {
			if err != nil {
				t.Fatal(err)
			}
			terms = append(terms, e.Term)
		}
		dict.Close()
		for _, term := range terms {
			eachPosting(t, r, store, field, term, func(url string, d *index.TermFieldDoc) {
				l := fmt.Sprintf("%s %q %s freq=%d norm=%v", field, term, url, d.Freq, d.Norm)
				for _, v := range d.Vectors {
					l += fmt.Sprintf(" [%d %d-%d %v]", v.Pos, v.Start, v.End, v.ArrayPositions)
				}
				out = append(out, l)
			})
		}
	}
	slices.Sort(out)
	return out
}

// setDiff is the lines of a not in b (both sorted).
func setDiff(a, b []string) []string {
	var out []string
	for _, l := range a {
		if _, found := slices.BinarySearch(b, l); !found {
			out = append(out, l)
		}
	}
	return out
}
