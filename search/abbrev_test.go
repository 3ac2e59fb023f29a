package search

import (
	"context"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// abbrevDocs are short texts written for the test in the style of a
// procedure code and a provincial decision; none comes from an evaluation
// corpus. One defines BPKCTT, others use the acronym or the long form.
func abbrevDocs(withDefinition bool) []*corpus.Document {
	docs := []*corpus.Document{
		{ID: "acronym", Title: "Điều 40. Trách nhiệm do áp dụng sai", Body: "Tòa án áp dụng BPKCTT không đúng mà gây thiệt hại cho người bị áp dụng thì phải bồi thường."},
		{ID: "long", Title: "Điều 41. Trách nhiệm của người yêu cầu", Body: "Người yêu cầu áp dụng biện pháp khẩn cấp tạm thời không đúng mà gây thiệt hại thì phải bồi thường."},
		{ID: "other", Title: "Điều 90. Trách nhiệm dân sự", Body: "Người gây thiệt hại về tài sản phải bồi thường toàn bộ thiệt hại."},
		{ID: "center", Title: "Điều 2. Trung tâm", Body: "Trung tâm Phục vụ hành chính công (sau đây gọi tắt là Trung tâm) tiếp nhận hồ sơ của tổ chức, cá nhân."},
		{ID: "health", Title: "Điều 12. Trung tâm y tế", Body: "Trung tâm y tế huyện tổ chức tiêm chủng."},
	}
	// the rest of a code: texts on other matters, so that no word of
	// the queries is common
	for i, text := range []string{
		"Thời hạn giải quyết hồ sơ là 05 ngày làm việc.", "Người nộp hồ sơ nộp lệ phí theo quy định.",
		"Đương sự có quyền kháng cáo bản án sơ thẩm.", "Viện kiểm sát kiểm sát việc tuân theo pháp luật.",
		"Phiên tòa được tiến hành công khai.", "Thẩm phán chủ tọa phiên tòa điều khiển việc xét hỏi.",
		"Người làm chứng có nghĩa vụ có mặt theo giấy triệu tập.", "Tòa án cấp, tống đạt văn bản tố tụng.",
		"Hòa giải được tiến hành trước khi xét xử.", "Chi phí giám định do người yêu cầu chịu.",
		"Án phí được nộp vào ngân sách nhà nước.", "Biên bản phiên tòa phải ghi đầy đủ diễn biến.",
		"Ủy ban nhân dân tỉnh cấp giấy phép hoạt động.",
	} {
		docs = append(docs, &corpus.Document{ID: "filler" + string(rune('a'+i)), Title: "Điều " + string(rune('A'+i)), Body: text})
	}
	if withDefinition {
		docs = append(docs, &corpus.Document{ID: "definition", Title: "Điều 111. Quyền yêu cầu",
			Body: "Đương sự có quyền yêu cầu Tòa án áp dụng một hoặc nhiều biện pháp khẩn cấp tạm thời (sau đây gọi tắt là BPKCTT)."})
	}
	return docs
}

func TestMinedAbbrevExpansions(t *testing.T) {
	s := searcherOf(t, abbrevDocs(true))
	control := searcherOf(t, abbrevDocs(false))
	tests := []struct {
		query           string
		mined, builtins []string // the expansions with and without the definition in the index
	}{
		{"bpkctt bồi thường", []string{"biện pháp khẩn cấp tạm thời"}, nil},
		{"BPKCTT", []string{"biện pháp khẩn cấp tạm thời"}, nil},
		{"bien phap khan cap tam thoi", []string{"BPKCTT"}, nil},
		{"UBND tỉnh", []string{"Ủy ban nhân dân"}, []string{"Ủy ban nhân dân"}},
		// an expansion the index holds no word of is left out: no text
		// here says NLĐ
		{"quyền của người lao động", nil, nil},
		// a short form of ordinary words is not an abbreviation
		{"trung tâm tiếp nhận hồ sơ", nil, nil},
		{"trung tâm phục vụ hành chính công", nil, nil},
	}
	for _, tt := range tests {
		q := ParseQuery(tt.query)
		for _, c := range []struct {
			s    *Searcher
			want []string
		}{{s, tt.mined}, {control, tt.builtins}} {
			got, err := c.s.expansions(mustPin(t, c.s), q)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("%q: expansions %q, want %q", tt.query, got, c.want)
			}
		}
	}
}

// TestMinedAbbrevRanking: the acronym finds the texts that spell it out,
// and the long form the texts that abbreviate it, typed with or without
// diacritics; a text holding the very words typed ranks first.
func TestMinedAbbrevRanking(t *testing.T) {
	s := searcherOf(t, abbrevDocs(true))
	control := searcherOf(t, abbrevDocs(false))
	rank := func(s *Searcher, query string) []string {
		t.Helper()
		res, err := s.Search(context.Background(), Request{Query: query, Size: 10, TopOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		return ids
	}
	before := func(ids []string, a, b string) bool {
		i, j := slices.Index(ids, a), slices.Index(ids, b)
		return i >= 0 && (j < 0 || i < j)
	}
	for _, query := range []string{"bpkctt bồi thường", "BPKCTT bồi thường", "bpkctt boi thuong"} {
		got := rank(s, query)
		if len(got) == 0 || got[0] != "acronym" || !before(got, "long", "other") {
			t.Errorf("%q: %q, want acronym first, then long above other", query, got)
		}
		// without the definition, the long form is only a text about
		// bồi thường
		if c := rank(control, query); before(c, "long", "other") {
			t.Errorf("%q without the definition: %q, long already above other: the test shows nothing", query, c)
		}
	}
	for _, query := range []string{"biện pháp khẩn cấp tạm thời bồi thường", "bien phap khan cap tam thoi boi thuong"} {
		got := rank(s, query)
		if len(got) < 2 || got[0] != "long" || !before(got, "acronym", "other") {
			t.Errorf("%q: %q, want long first, then acronym above other", query, got)
		}
	}
}
