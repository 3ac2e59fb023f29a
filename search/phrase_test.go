package search

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/internal/cputime"
)

// phraseDocs are short Vietnamese texts for quoted phrases: the phrase
// across punctuation and a line break, without diacritics, its words all
// present but apart, only in the title, a repeated word, document numbers
// (whose tokens share the next word's position), and other texts so the
// words are not everywhere.
func phraseDocs() []*corpus.Document {
	docs := []*corpus.Document{
		{ID: "bh-cau", Title: "Quy định về mức đóng", Body: "Người lao động đóng bảo hiểm xã hội hằng tháng. Mức đóng do Chính phủ quy định."},
		{ID: "bh-phay", Title: "Dịch vụ công", Body: "Chi trả bảo hiểm, xã hội hóa các dịch vụ công theo lộ trình."},
		{ID: "bh-dong", Title: "Quỹ tập trung", Body: "Quỹ bảo hiểm\nxã hội được quản lý tập trung, thống nhất."},
		{ID: "bh-xa", Title: "Phát triển", Body: "Xã hội phát triển nhờ bảo hiểm y tế toàn dân; người lao động được bảo vệ."},
		{ID: "bh-khong-dau", Title: "Van ban khong dau", Body: "Muc dong bao hiem xa hoi bat buoc cua nguoi lao dong."},
		{ID: "bh-tieude", Title: "Luật Bảo hiểm xã hội", Body: "Luật này quy định chế độ, chính sách đối với người lao động."},
		{ID: "tc-lap", Title: "Sắp xếp bộ máy", Body: "Tổ chức tổ chức lại bộ máy hành chính; tổ chức lại đơn vị sự nghiệp."},
		{ID: "tc-mot", Title: "Tổ chức hội nghị", Body: "Ủy ban tổ chức hội nghị lấy ý kiến nhân dân về dự thảo."},
		{ID: "nd-so", Title: "Hướng dẫn thi hành", Body: "Căn cứ Nghị định số 12/2020/NĐ-CP quy định chi tiết một số điều của Luật."},
		{ID: "nd-khac", Title: "Sửa đổi", Body: "Nghị định 12/2020/NĐ-CP được sửa đổi; quy định chi tiết tại Phụ lục."},
		// phrases in the title only: an article's title (whose "Điều 5."
		// the title views leave out), across a comma, words apart
		{ID: "td-dieu", Title: "Điều 5. Phạm vi điều chỉnh, đối tượng áp dụng", Body: "Nghị định này áp dụng đối với cơ quan nhà nước."},
		{ID: "td-phay", Title: "Kế hoạch điều chỉnh quy hoạch, phạm vi toàn tỉnh", Body: "Ủy ban nhân dân tỉnh phê duyệt kế hoạch."},
		{ID: "td-lap", Title: "Đối tượng, đối tượng áp dụng chính sách", Body: "Cơ quan nhà nước thực hiện chính sách."},
	}
	for i, b := range []string{
		"Ngân sách nhà nước bảo đảm kinh phí cho thư viện công lập.",
		"Thời hạn giải quyết khiếu nại là ba mươi ngày.",
		"Hội đồng thẩm định họp định kỳ mỗi quý một lần.",
		"Sở Văn hóa hướng dẫn việc tổ chức lễ hội truyền thống.",
	} {
		docs = append(docs, &corpus.Document{ID: fmt.Sprintf("khac-%d", i), Title: "Điều khoản khác", Body: b})
	}
	return docs
}

// positionalIndex is an on-disk index of docs whose folded body and title
// keep their positions, as layout 12's did (vi_fold_v3_pos,
// vi_title_fold_v1_pos, term vectors): the index on which bleve's phrase
// queries give the expectation.
func positionalIndex(t testing.TB, docs []*corpus.Document) bleve.Index {
	t.Helper()
	m := indexer.NewMapping()
	for field, analyzer := range map[string]string{
		indexer.FieldBodyFold:  indexer.AnalyzerFoldPositions,
		indexer.FieldTitleFold: indexer.AnalyzerTitleFoldPositions,
	} {
		f := m.DefaultMapping.Properties[field]
		if f == nil || len(f.Fields) != 1 || f.Fields[0].IncludeTermVectors {
			t.Fatalf("mapping of %s: %+v, want one field without positions", field, f)
		}
		f.Fields[0].Analyzer = analyzer
		f.Fields[0].IncludeTermVectors = true
	}
	idx, err := bleve.New(filepath.Join(t.TempDir(), "positional"), m)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	indexBatch(t, idx, docs)
	return idx
}

// phraseQueries are the quoted phrases and exclusions compared, and the
// documents each matches, checked by hand (nil: none of the table's
// phrase documents; only queries of one quoted phrase are listed).
var phraseQueries = []struct {
	q    string
	want []string
}{
	{`"bảo hiểm xã hội"`, []string{"bh-cau", "bh-dong", "bh-khong-dau", "bh-phay", "bh-tieude"}}, // across "," and "\n"; not bh-xa (apart)
	{`"bao hiem xa hoi"`, []string{"bh-cau", "bh-dong", "bh-khong-dau", "bh-phay", "bh-tieude"}},
	{`"xã hội bảo hiểm"`, nil},
	{`"hiểm xã"`, []string{"bh-cau", "bh-dong", "bh-khong-dau", "bh-phay", "bh-tieude"}},
	{`"xã hội phát triển"`, []string{"bh-xa"}},
	{`"Luật Bảo hiểm"`, []string{"bh-tieude"}}, // in the title only
	{`"tổ chức tổ chức"`, []string{"tc-lap"}},
	{`"chức tổ chức lại"`, []string{"tc-lap"}},
	{`"tổ chức hội nghị"`, []string{"tc-mot"}},
	{`"số 12/2020/NĐ-CP quy định"`, []string{"nd-so"}},
	{`"12/2020/NĐ-CP quy định"`, []string{"nd-so"}},
	{`"12/2020/NĐ-CP được"`, []string{"nd-khac"}},
	{`"quy định chi tiết"`, []string{"nd-khac", "nd-so"}},
	{`"người lao động"`, []string{"bh-cau", "bh-khong-dau", "bh-tieude", "bh-xa"}},
	{`"lao động đóng bảo hiểm"`, []string{"bh-cau"}},
	{`"mức đóng"`, []string{"bh-cau", "bh-khong-dau"}},
	{`lao động -"bảo hiểm xã hội"`, nil},
	{`bảo hiểm -"xã hội hóa"`, nil},
	{`"bảo hiểm" -"quỹ bảo hiểm"`, nil},
	{`quy định "bảo hiểm xã hội" -"mức đóng"`, nil},
	{`tổ chức -"tổ chức lại" -"hội nghị"`, nil},
	{`"bảo hiểm xã hội" "người lao động"`, nil},
	// in titles only
	{`"phạm vi điều chỉnh"`, []string{"td-dieu"}},
	{`"điều chỉnh phạm vi"`, nil},
	{`"điều chỉnh đối tượng"`, []string{"td-dieu"}}, // across ","
	{`"chỉnh đối"`, []string{"td-dieu"}},            // two words across ",": not in title_b
	{`"quy hoạch phạm vi"`, []string{"td-phay"}},
	{`"điều chỉnh"`, []string{"td-dieu", "td-phay"}}, // title_b holds both
	{`"đối tượng áp dụng"`, []string{"td-dieu", "td-lap"}},
	{`"tượng đối tượng"`, []string{"td-lap"}},
	{`"Điều 5. Phạm vi"`, nil},
	{`"5 phạm vi"`, nil},
	{`"hội nghị"`, []string{"tc-mot"}},
	{`cơ quan -"đối tượng áp dụng"`, nil},
	{`kế hoạch -"điều chỉnh quy hoạch"`, nil},
	{`áp dụng -"phạm vi"`, nil},
	{`"điều chỉnh" -"đối tượng"`, nil},
}

// TestBodyPhrasesAsPositions: every quoted phrase and exclusion of the
// table gives the same hits, scores and totals as layout 12's evaluation
// (bleve's phrase queries on an index of the same documents whose folded
// body keeps its positions), whether the page is ranked by bleve or by the
// top-k engine, counted with facets or not; and the phrases match the
// documents checked by hand, so that a verification matching every
// conjunction (or none) fails.
func TestBodyPhrasesAsPositions(t *testing.T) {
	docs := phraseDocs()
	texts := docTexts(docs)
	verified := searcherOf(t, docs)
	if _, ok := verified.texts.(positionalTexts); ok {
		t.Fatalf("searcherOf's texts: %T", verified.texts)
	}
	positional := New(positionalIndex(t, docs), WithTexts(positionalTexts{texts}))
	ctx := context.Background()
	for _, c := range phraseQueries {
		for _, r := range []Request{
			{Query: c.q, Size: 20},
			{Query: c.q, Size: 20, TopOnly: true, Facets: true},
			{Query: c.q, Size: 20, Sort: "date", Facets: true},
		} {
			want, err := positional.Search(ctx, r)
			if err != nil {
				t.Fatalf("%q on positions: %v", c.q, err)
			}
			got, err := verified.Search(ctx, r)
			if err != nil {
				t.Fatalf("%q verified: %v", c.q, err)
			}
			if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
				t.Errorf("%q %+v: %d hits of %d, positions %d of %d", c.q, r, len(got.Hits), got.Total, len(want.Hits), want.Total)
				continue
			}
			for i := range want.Hits {
				if got.Hits[i].ID != want.Hits[i].ID || got.Hits[i].Score != want.Hits[i].Score {
					t.Errorf("%q %+v: hit %d %s %v, positions %s %v", c.q, r, i, got.Hits[i].ID, got.Hits[i].Score, want.Hits[i].ID, want.Hits[i].Score)
				}
			}
			if fmt.Sprint(got.Facets) != fmt.Sprint(want.Facets) {
				t.Errorf("%q %+v: facets %v, positions %v", c.q, r, got.Facets, want.Facets)
			}
		}
		if c.want == nil {
			continue
		}
		res, err := verified.Search(ctx, Request{Query: c.q, Size: 20})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		slices.Sort(ids)
		if !slices.Equal(ids, c.want) {
			t.Errorf("%q matches %q, want %q", c.q, ids, c.want)
		}
	}
}

// TestPhraseSlots: the phrase's terms by position, as bleve's
// match-phrase query places them: a document number's key shares its
// position with its first part.
func TestPhraseSlots(t *testing.T) {
	for _, c := range []struct {
		text string
		want string
	}{
		{"Bảo hiểm, xã hội", "[[bao] [hiem] [xa] [hoi]]"},
		{"số 12/2020/NĐ-CP quy định", "[[so] [12/2020/nd-cp 12] [2020] [nd] [cp] [quy] [dinh]]"},
		{"...", "[]"},
	} {
		if got := fmt.Sprint(phraseSlots(indexer.ScanFold, c.text)); got != c.want {
			t.Errorf("phraseSlots(%q) = %s, want %s", c.text, got, c.want)
		}
	}
}

// countingTexts counts the bodies read.
type countingTexts struct {
	Texts
	n atomic.Int64
}

func (c *countingTexts) Bodies(ctx context.Context, ids []string) (map[string]string, error) {
	c.n.Add(int64(len(ids)))
	return c.Texts.Bodies(ctx, ids)
}

// Head gives the titles of title phrases' candidates (titlesOf),
// uncounted; hits' records are not read (countingTexts is no Records).
func (c *countingTexts) Head(id string) (*corpus.Document, error) {
	if h, ok := c.Texts.(Heads); ok {
		return h.Head(id)
	}
	return c.Texts.(Records).Get(id)
}

// TestPhraseVerifyCancel: a search cancelled at its first verification
// reads no text and fails with the context's error; uncancelled, the same
// search verifies its candidates.
func TestPhraseVerifyCancel(t *testing.T) {
	docs := phraseDocs()
	ct := &countingTexts{Texts: docTexts(docs)}
	s := searcherOf(t, docs)
	s.texts = ct
	s.proximity = ProximityOptions{}
	q := Request{Query: `"bảo hiểm xã hội"`, Size: 5}
	if _, err := s.Search(context.Background(), q); err != nil {
		t.Fatal(err)
	}
	if ct.n.Load() < 6 { // bh-xa and the 5 matches are candidates; snippets read more
		t.Fatalf("%d texts read uncancelled, want the candidates' at least", ct.n.Load())
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ct.n.Store(0)
	s.watch = func(uint64) { cancel() }
	_, err := s.Search(ctx, q)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled search: %v, want context.Canceled", err)
	}
	if n := ct.n.Load(); n != 0 {
		t.Errorf("cancelled at the first verification, %d texts read", n)
	}
}

// TestPhraseNoTexts: a Searcher without texts refuses a phrase on the
// body with ErrNoTexts, and still answers a phrase of one word (no
// verification).
func TestPhraseNoTexts(t *testing.T) {
	s := searcherOf(t, phraseDocs())
	s.texts = nil
	s.proximity = ProximityOptions{}
	if _, err := s.Search(context.Background(), Request{Query: `"bảo hiểm xã hội"`}); !errors.Is(err, ErrNoTexts) {
		t.Errorf("phrase without texts: %v, want ErrNoTexts", err)
	}
	res, err := s.Search(context.Background(), Request{Query: `"tổ" chức`})
	if err != nil || res.Total == 0 {
		t.Errorf("a one-word phrase without texts: %v, %v", res, err)
	}
}

// TestPhraseVerifyPriced: a phrase is priced a unit and verifyUnits a
// candidate of its rarest word in the body and in the title, refused over
// the budget before it runs, and stopped by the guard when it runs
// unpriced.
func TestPhraseVerifyPriced(t *testing.T) {
	docs := phraseDocs()
	s := searcherOf(t, docs)
	// "bảo hiểm xã hội": rarest body word "hiem" in 5 bodies ("bh-tieude"'s
	// title only); in the title, "bao" in 1 title (bh-tieude), verified
	// on it
	c, err := s.Price(Request{Query: `"bảo hiểm xã hội"`})
	if err != nil {
		t.Fatal(err)
	}
	if want := 5 + 5*verifyUnits + 1 + 1*verifyUnits; c.Positions != want {
		t.Errorf("priced %d positions, want %d", c.Positions, want)
	}
	// "mức đóng": both bodies holding "muc" hold the bigram "muc dong":
	// a posting each, no text; the title holding "muc" (bh-cau) holds
	// the bigram in title_b: a posting
	if c, err := s.Price(Request{Query: `"mức đóng"`}); err != nil || c.Positions != 2+1 {
		t.Errorf(`"mức đóng" priced %d positions (%v), want 3`, c.Positions, err)
	}
	// "hiểm xã": the bigram in 2 bodies; across a comma and a line break
	// in 2 more (body_bk), and both words apart in a fifth (bh-xa, in
	// neither view: rejected unread): 2 texts read. "bảo hiểm xã hội"
	// (no bigram shortcut): its 5 body candidates but bh-xa read
	ct := &countingTexts{Texts: docTexts(docs)}
	s.texts = ct
	for q, texts := range map[string]int64{`"mức đóng"`: 0, `"hiểm xã"`: 2, `"bảo hiểm xã hội"`: 4} {
		ct.n.Store(0)
		if _, _, err := s.rank(context.Background(), mustPin(t, s), Request{Query: q}, MaxSize); err != nil {
			t.Fatal(err)
		}
		if ct.n.Load() != texts {
			t.Errorf("%s: %d texts read, want %d", q, ct.n.Load(), texts)
		}
	}
	s.texts = ct.Texts
	tight := New(s.idx, WithTexts(s.texts), WithBudget(Budget{Max: 400, MaxPositions: c.Positions - 1}))
	var ce *CostError
	if _, err := tight.Search(context.Background(), Request{Query: `"bảo hiểm xã hội"`}); !errors.As(err, &ce) || ce.Stopped {
		t.Errorf("over the budget: %v, want a CostError before the search", err)
	}
	tight.unpriced = true
	tight.budget.MaxPositions = verifyUnits // the guard stops past 2 candidates
	if _, err := tight.Search(context.Background(), Request{Query: `"bảo hiểm xã hội"`}); !errors.As(err, &ce) || !ce.Stopped {
		t.Errorf("unpriced over the guard's limit: %v, want a stopped CostError", err)
	}
}

// BenchmarkBodyPhrase: quoted phrases on 3,000 scale documents, evaluated
// as layout 12 did (bleve's phrase queries on the body's positions in the
// index) and as now (the conjunction verified on the text, read from a
// corpus store on disk as vanban search reads it, or from memory).
func BenchmarkBodyPhrase(b *testing.B) {
	docs := scaleDocs(3000)
	dir := b.TempDir()
	store, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	for _, d := range docs {
		if _, err := store.Put(d); err != nil {
			b.Fatal(err)
		}
	}
	ix, err := indexer.Open(filepath.Join(dir, "index"), indexer.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Add(context.Background(), docs); err != nil {
		b.Fatal(err)
	}
	queries := []string{`"chuyển đổi số"`, `"ủy ban nhân dân tỉnh"`, `"cán bộ, công chức"`, `"kế hoạch" "tổ chức thực hiện"`, `quy định -"nghị định"`}
	ct := &countingTexts{Texts: store}
	for _, c := range []struct {
		name string
		s    *Searcher
	}{
		{"positions", New(positionalIndex(b, docs), WithTexts(positionalTexts{store}), WithBudget(Budget{Max: 400, MaxPositions: 1 << 40}))},
		{"verified-store", New(ix.Bleve(), WithTexts(ct), WithBudget(Budget{Max: 400, MaxPositions: 1 << 40}))},
		{"verified-memory", New(ix.Bleve(), WithTexts(docTexts(docs)), WithBudget(Budget{Max: 400, MaxPositions: 1 << 40}))},
	} {
		b.Run(c.name, func(b *testing.B) {
			ctx := context.Background()
			hits := 0
			for _, q := range queries {
				res, err := c.s.Search(ctx, Request{Query: q})
				if err != nil {
					b.Fatal(err)
				}
				hits += int(res.Total)
			}
			if hits == 0 {
				b.Fatal("no query matched")
			}
			ct.n.Store(0)
			b.ReportAllocs()
			cpu := cputime.Now()
			for b.Loop() {
				for _, q := range queries {
					if _, _, err := c.s.rank(ctx, mustPin(b, c.s), Request{Query: q}, MaxSize); err != nil {
						b.Fatal(err)
					}
				}
			}
			n := float64(b.N * len(queries))
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/query")
			// the process's CPU, which a loaded machine inflates far less
			b.ReportMetric(float64((cputime.Now()-cpu).Microseconds())/n, "cpu-µs/query")
			b.ReportMetric(float64(hits)/float64(len(queries)), "hits/query")
			if c.name == "verified-store" {
				b.ReportMetric(float64(ct.n.Load())/n, "texts/query")
			}
		})
	}
}
