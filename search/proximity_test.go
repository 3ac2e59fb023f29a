package search

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus"
)

func TestWindowCover(t *testing.T) {
	terms := []proxTerm{{"chinh", 1}, {"ly", 1}, {"giay", 2}, {"cua", 0}}
	for _, c := range []struct {
		name   string
		pos    map[string][]uint64
		window int
		want   float64
	}{
		{"nothing", nil, 12, 0},
		{"one term", map[string][]uint64{"giay": {40}}, 12, 2},
		{"all together", map[string][]uint64{"chinh": {3}, "ly": {4}, "giay": {9}}, 12, 4},
		{"last one out of the window", map[string][]uint64{"chinh": {3}, "ly": {4}, "giay": {16}}, 12, 2},
		{"the best window wins", map[string][]uint64{"chinh": {3}, "ly": {4}, "giay": {15}}, 12, 3},
		{"exactly window-1 apart", map[string][]uint64{"chinh": {3}, "ly": {4}, "giay": {14}}, 12, 4},
		{"a later occurrence closes the gap", map[string][]uint64{"chinh": {3, 30}, "ly": {4, 31}, "giay": {60, 33}}, 12, 4},
		{"a term of weight 0 adds nothing", map[string][]uint64{"cua": {5}, "ly": {6}}, 12, 1},
	} {
		for _, ps := range c.pos {
			slices.Sort(ps)
		}
		if got := windowCover(c.pos, terms, c.window); got != c.want {
			t.Errorf("%s: windowCover = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestHasPhrase(t *testing.T) {
	pos := map[string][]uint64{"bien": {2, 20}, "phap": {3, 9}, "khan": {21}, "cap": {22}}
	for _, c := range []struct {
		words []string
		want  bool
	}{
		{[]string{"bien", "phap"}, true},
		{[]string{"bien", "khan", "cap"}, true},
		{[]string{"phap", "khan"}, false},
		{[]string{"bien", "phap", "khan", "cap"}, false},
		{[]string{"tam"}, false},
	} {
		if got := hasPhrase(pos, c.words); got != c.want {
			t.Errorf("hasPhrase(%v) = %v, want %v", c.words, got, c.want)
		}
	}
}

// TestProximityRerank: lines written for the test in the manner of Luật
// Lưu trữ and of a provincial plan (no evaluation set's text). The window
// signal puts the article where the query's words stand together above
// one that holds them more often but apart; the phrase signal puts the
// article that spells an abbreviation's long form word for word above one
// holding the same words apart. Each check also runs without the signal,
// which must rank the other way, or the test would not exercise it.
func TestProximityRerank(t *testing.T) {
	filler := "Cơ quan, tổ chức có trách nhiệm bố trí kho, trang thiết bị và nhân lực cho công tác văn thư theo quy định của pháp luật. "
	docs := []*corpus.Document{
		{ID: "lt-apart", Title: "Kho lưu trữ",
			Body: "Việc chỉnh lý được thực hiện hằng năm. " + filler + filler + filler + "Danh mục tài liệu giấy hết giá trị được lập riêng."},
		{ID: "lt-close", Title: "Hồ sơ lưu trữ cơ quan",
			Body: filler + "Cơ quan chỉnh lý khối tài liệu giấy tồn đọng trước khi giao nộp. " + filler + filler + filler},
		{ID: "kh-apart", Title: "Nhiệm vụ của các sở",
			Body: "Mức đóng góp của doanh nghiệp vào quỹ bảo hiểm rủi ro do hội đồng quyết định; mức đóng được công khai để xã hội giám sát. " + filler},
		{ID: "kh-phrase", Title: "Tổ chức thực hiện",
			Body: filler + "Người lao động đóng bảo hiểm xã hội hằng tháng theo mức đóng do Chính phủ quy định. " + filler + filler + filler},
	}
	// other articles, so that the query's words are rare (a word in more
	// than Weights.MaxDF of the documents has no window weight)
	others := []string{
		"Ngân sách nhà nước bảo đảm kinh phí cho thư viện công lập.",
		"Người đứng đầu cơ quan ký quyết định thành lập trung tâm.",
		"Sở Văn hóa hướng dẫn việc tổ chức lễ hội truyền thống.",
		"Ủy ban nhân dân cấp huyện kiểm tra việc chấp hành quy định về quảng cáo.",
		"Thời hạn giải quyết khiếu nại là ba mươi ngày.",
		"Hội đồng thẩm định họp định kỳ mỗi quý một lần.",
	}
	for i, b := range others {
		docs = append(docs, &corpus.Document{ID: fmt.Sprintf("other-%d", i), Title: "Điều khoản khác", Body: b})
	}
	s := searcherOf(t, docs)
	ids := func(o ProximityOptions, q string) []string {
		t.Helper()
		s.proximity = o
		return topIDs(t, s, q, 4)
	}
	off := ProximityOptions{Depth: 30, Window: 12, MaxWords: 12}
	window := ProximityOptions{Depth: 30, Window: 12, MaxWords: 12, Weight: 1}
	phrase := ProximityOptions{Depth: 30, Phrase: 0.5}
	for _, c := range []struct {
		name        string
		q           string
		on          ProximityOptions
		first, then string
	}{
		{"window", "chỉnh lý tài liệu giấy", window, "lt-close", "lt-apart"},
		{"window, no marks", "chinh ly tai lieu giay", window, "lt-close", "lt-apart"},
		{"abbreviation's long form as a phrase", "mức đóng BHXH", phrase, "kh-phrase", "kh-apart"},
	} {
		got, without := ids(c.on, c.q), ids(off, c.q)
		if i, j := slices.Index(got, c.first), slices.Index(got, c.then); i < 0 || j >= 0 && j < i {
			t.Errorf("%s: %q ranks %v, want %s above %s", c.name, c.q, got, c.first, c.then)
		}
		if i, j := slices.Index(without, c.first), slices.Index(without, c.then); i < 0 || j < 0 || i < j {
			t.Errorf("%s: %q ranks %v without the signal: %s already above %s, the test does not exercise it", c.name, c.q, without, c.first, c.then)
		}
	}
	// a query citing an article by number gets no window signal
	if got, want := ids(window, "điều 5 chỉnh lý tài liệu giấy"), ids(off, "điều 5 chỉnh lý tài liệu giấy"); !slices.Equal(got, want) {
		t.Errorf("article reference: %v, want %v (no window signal)", got, want)
	}
	// paging: the reranked order is the one pages are cut from
	s.proximity = window
	all := ids(window, "chỉnh lý tài liệu giấy")
	for from := range all {
		res, err := s.Search(context.Background(), Request{Query: "chỉnh lý tài liệu giấy", From: from, Size: 1, TopOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 1 || res.Hits[0].ID != all[from] {
			t.Errorf("page %d: %v, want %s", from, res.Hits, all[from])
		}
	}
}

// topIDs are the IDs of the size best hits of q (top-k evaluation).
func topIDs(t *testing.T, s *Searcher, q string, size int) []string {
	t.Helper()
	res, err := s.Search(context.Background(), Request{Query: q, Size: size, TopOnly: true})
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	return out
}

// BenchmarkProximityRerank times the rerank alone (positions read for the
// page, cover, phrases, sort) on the page of short queries over 3,000
// documents, with the window on (WindowProximity) and with the default
// (only queries with a long form are reranked).
func BenchmarkProximityRerank(b *testing.B) {
	ix := scaleIndex(b, 3000)
	ctx := context.Background()
	queries := []string{"chuyển đổi số", "kế hoạch chuyển đổi số cấp tỉnh", "UBND tỉnh ủy quyền", "hoa giai o co so", "tuyển dụng công chức xã"}
	for _, c := range []struct {
		name string
		o    ProximityOptions
	}{{"window", WindowProximity}, {"default", DefaultProximity}} {
		b.Run(c.name, func(b *testing.B) {
			s := New(ix.Bleve(), WithTexts(scaleTexts(3000)), WithProximity(ProximityOptions{}))
			type page struct {
				q    Query
				p    Plan
				hits []Hit
			}
			var pages []page
			for _, text := range queries {
				q, p, _, err := s.prepare(mustPin(b, s), Request{Query: text})
				if err != nil {
					b.Fatal(err)
				}
				res, err := s.Search(ctx, Request{Query: text, Size: 10, TopOnly: true})
				if err != nil {
					b.Fatal(err)
				}
				pages = append(pages, page{q, p, res.Hits})
			}
			s.proximity = c.o
			b.ReportAllocs()
			reranked := 0
			for b.Loop() {
				for _, pg := range pages {
					pq := proximityQuery(pg.q, pg.p.Intents, pg.p.Weights.MaxDF, c.o)
					if pq == nil {
						continue
					}
					reranked++
					if err := s.proximityRerank(ctx, mustPin(b, s), pq, slices.Clone(pg.hits)); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(queries)), "ns/query")
			b.ReportMetric(float64(reranked)/float64(b.N*len(queries)), "reranked/query")
		})
	}
}
