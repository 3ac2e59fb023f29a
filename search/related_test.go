package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/indexer/assoc"
)

// relatedCollection is a collection in which "ly hôn" keeps company with
// "chấm dứt quan hệ hôn nhân": five texts say both, the target says only
// the latter, and a short distractor holds "hôn" in another sense; four
// hundred filler texts on other matters make the pair rare, as a notion
// is in a real collection. Written for this test.
func relatedCollection() []*corpus.Document {
	teach := []string{
		"Khi vợ chồng ly hôn, Tòa án công nhận việc chấm dứt quan hệ hôn nhân và giải quyết việc nuôi con.",
		"Đơn xin ly hôn nộp tại Tòa án; bản án chấm dứt quan hệ hôn nhân có hiệu lực khi không bị kháng cáo.",
		"Thuận tình ly hôn là khi hai bên cùng yêu cầu chấm dứt quan hệ hôn nhân.",
		"Sau khi ly hôn, tài sản chung được chia đôi; việc chấm dứt quan hệ hôn nhân không chấm dứt nghĩa vụ cấp dưỡng.",
		"Người yêu cầu ly hôn trình bày lý do chấm dứt quan hệ hôn nhân trước hòa giải viên.",
	}
	filler := []string{
		"Ủy ban nhân dân xã lập kế hoạch sửa chữa đường giao thông nông thôn",
		"Hộ kinh doanh nộp thuế khoán theo quý tại chi cục thuế",
		"Giáo viên mầm non được hỗ trợ tiền ăn trưa hằng tháng",
		"Người lao động làm thêm giờ được trả lương cao hơn ngày thường",
		"Chủ rừng phải phòng cháy chữa cháy rừng trong mùa khô",
		"Trạm y tế xã tiêm chủng mở rộng cho trẻ em dưới năm tuổi",
		"Doanh nghiệp đăng ký thay đổi địa chỉ trụ sở chính",
		"Công an huyện cấp căn cước cho công dân đủ mười bốn tuổi",
		"Nhà đầu tư nộp hồ sơ đề nghị cấp giấy chứng nhận đầu tư",
		"Sở xây dựng kiểm tra chất lượng công trình nhà ở xã hội",
		"Học sinh thi tốt nghiệp trung học phổ thông theo lịch của bộ",
		"Ngân hàng cho vay vốn ưu đãi để trồng cây ăn quả",
	}
	rng := rand.New(rand.NewPCG(19, 1))
	var docs []*corpus.Document
	add := func(title, body string) {
		docs = append(docs, &corpus.Document{ID: fmt.Sprint("d", len(docs)), Title: title, Body: body})
	}
	for i := range 400 {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(filler[rng.IntN(len(filler))] + ". ")
		}
		add(fmt.Sprint("Văn bản số ", i), b.String())
	}
	for _, s := range teach {
		add(fmt.Sprint("Văn bản số ", len(docs)), s)
	}
	add("Thẩm quyền của Tòa án", "Tòa án nhân dân cấp huyện giải quyết yêu cầu chấm dứt quan hệ hôn nhân "+
		"của công dân cư trú ở nước ngoài, theo trình tự rút gọn khi hồ sơ đã đầy đủ và hợp lệ.")
	add("Tin văn hóa", "Lễ thành hôn tổ chức tại nhà văn hóa.")
	return docs
}

// relatedOn are related terms switched on, three per bigram, weighed
// more than MeasuredRelated so that the one target of this small
// collection moves.
var relatedOn = RelatedOptions{Weight: 0.1, PerUnit: 3, MaxWords: 12, MinStrength: 0.3}

// teachers are the texts that say "ly hôn".
var teachers = []string{"d400", "d401", "d402", "d403", "d404"}

const (
	relatedTarget     = "d405" // says only "chấm dứt quan hệ hôn nhân"
	relatedDistractor = "d406" // "thành hôn"
)

// relatedSearcher searches an on-disk index of relatedCollection with the
// associations learned from it.
func relatedSearcher(t testing.TB, o RelatedOptions) *Searcher {
	t.Helper()
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Add(context.Background(), relatedCollection()); err != nil {
		t.Fatal(err)
	}
	if err := ix.LearnDocs(context.Background(), relatedCollection()); err != nil {
		t.Fatal(err)
	}
	return New(ix.Bleve(), WithRelated(o), WithTexts(docTexts(relatedCollection())))
}

func rankOf(hits []Hit, id string) int {
	for i, h := range hits {
		if h.ID == id {
			return i
		}
	}
	return len(hits) + 1000
}

// TestRelatedFinds: "ly hôn", typed with or without accents, ranks the
// text that says only "chấm dứt quan hệ hôn nhân" above a text that merely
// holds "hôn", once the collection shows the two go together; the texts
// that say "ly hôn" itself still come first. With related terms switched
// off (Weight 0) the target falls below the distractor: the test fails if
// the expansion stops working.
func TestRelatedFinds(t *testing.T) {
	for _, tc := range []struct {
		name string
		o    RelatedOptions
		want bool // target above distractor
	}{{"on", relatedOn, true}, {"off", RelatedOptions{}, false}, {"default", DefaultRelated, DefaultRelated.Weight > 0}} {
		s := relatedSearcher(t, tc.o)
		for _, q := range []string{"ly hôn", "ly hon", "thủ tục ly hôn"} {
			for _, top := range []bool{false, true} {
				res, err := s.Search(context.Background(), Request{Query: q, Size: 20, TopOnly: top})
				if err != nil {
					t.Fatal(err)
				}
				target, distractor := rankOf(res.Hits, relatedTarget), rankOf(res.Hits, relatedDistractor)
				if got := target < distractor; got != tc.want {
					t.Errorf("%s %q top-k %v: target at %d, distractor at %d", tc.name, q, top, target, distractor)
				}
				for i := range 5 {
					if i >= len(res.Hits) || !slices.Contains(teachers, res.Hits[i].ID) {
						t.Errorf("%s %q: hit %d is not a text saying ly hôn: %v", tc.name, q, i, res.Hits)
						break
					}
				}
			}
		}
	}
}

// TestRelatedShortOnly: a long question gets no related terms; the plan
// of a short one lists them, the same for an accent-free query.
func TestRelatedShortOnly(t *testing.T) {
	s := relatedSearcher(t, relatedOn)
	terms := func(q string) []string {
		_, p, _, err := s.prepare(mustPin(t, s), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if p.Related == nil {
			return nil
		}
		var out []string
		for _, r := range p.Related.Terms {
			out = append(out, r.Field+":"+r.Term)
		}
		return out
	}
	short := terms("ly hôn")
	if !slices.Contains(short, indexer.FieldBodyBigram+":cham dut") {
		t.Errorf("ly hôn: related %v, want cham dut", short)
	}
	if got := terms("ly hon"); !slices.Equal(got, short) {
		t.Errorf("ly hon: related %v, want those of ly hôn %v", got, short)
	}
	long := "trong trường hợp vợ chồng đã sống ly thân nhiều năm thì thủ tục ly hôn đơn phương được tiến hành ra sao theo pháp luật"
	if got := terms(long); got != nil {
		t.Errorf("a long question got related terms %v", got)
	}
}

// TestRelatedSameHits: bleve's query and the top-k engine score the
// related terms alike (the plan's one should clause).
func TestRelatedSameHits(t *testing.T) {
	s := relatedSearcher(t, relatedOn)
	n := 0
	for _, q := range []string{"ly hôn", "ly hon", "đơn ly hôn", "chấm dứt quan hệ hôn nhân", "thuận tình ly hôn UBND", "hôn nhân -thành"} {
		_, p, _, err := s.prepare(mustPin(t, s), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if p.Related != nil {
			n++
		}
		want, err := s.Search(context.Background(), Request{Query: q, Size: 20})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Search(context.Background(), Request{Query: q, Size: 20, TopOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		sameHits(t, q, got.Hits, want.Hits)
	}
	if n < 4 {
		t.Errorf("%d queries had related terms, want 4 at least", n)
	}
}

// TestRelatedDamaged: an index whose stored associations cannot be read
// searches without related terms, and says so through Associations.
func TestRelatedDamaged(t *testing.T) {
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Add(context.Background(), relatedCollection()); err != nil {
		t.Fatal(err)
	}
	if err := ix.LearnDocs(context.Background(), relatedCollection()); err != nil {
		t.Fatal(err)
	}
	if err := ix.Bleve().SetInternal(indexer.AssociationsKey(), []byte("vbassoc\x01 broken")); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Associations(); err == nil {
		t.Error("damaged associations read without error")
	}
	s := New(ix.Bleve())
	if _, p, _, _ := s.prepare(mustPin(t, s), Request{Query: "ly hôn"}); p.Related != nil {
		t.Errorf("related terms from a damaged table: %v", p.Related)
	}
	res, err := s.Search(context.Background(), Request{Query: "ly hôn"})
	if err != nil || len(res.Hits) == 0 {
		t.Errorf("search without associations: %v, %v", res, err)
	}
}

// TestRelatedTermsFold: related terms are looked up on folded bigrams,
// so accents make no difference, and a query's own bigrams and stop words
// are never added.
func TestRelatedTermsFold(t *testing.T) {
	b := assoc.NewBuilder(assoc.Params{Window: 32, MaxDocs: 100, MaxUnitsPerDoc: 100, MaxUnits: 100, MaxPairs: 1000,
		MinDF: 1, MinCo: 1, MaxShare: 1, K: 8, MinScore: 0}, 4)
	units := func(s string) []string { return indexer.QueryTerms(s, indexer.AnalyzerBigram) }
	b.AddUnits(units("tiền lương tháng, chế độ phụ cấp, các khoản"))
	b.AddUnits(units("tiền lương năm, chế độ phụ cấp, các khoản"))
	b.AddUnits(units("bảo hiểm, nghỉ phép"))
	tb, err := b.Table(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	o := RelatedOptions{Weight: 0.1, PerUnit: 8, MaxWords: 12}
	for _, q := range []string{"tiền lương", "TIỀN LƯƠNG", "tien luong", viet.Fold("tiền lương")} {
		r := relatedTerms(q, tb, o, DefaultWeights)
		if r == nil {
			t.Fatalf("%q: no related terms", q)
		}
		var got []string
		for _, x := range r.Terms {
			if x.Field == indexer.FieldBodyBigram {
				got = append(got, x.Term)
			}
		}
		if !slices.Contains(got, "che do") || !slices.Contains(got, "phu cap") || slices.Contains(got, "cac khoan") || slices.Contains(got, "tien luong") {
			t.Errorf("%q: related %v, want che do and phu cap, not cac khoan (a stop word) nor the query's own", q, got)
		}
	}
}
