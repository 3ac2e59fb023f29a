package search

import (
	"context"
	"reflect"
	"testing"
)

func TestNamedTypes(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"nghị quyết", []string{"Nghị quyết"}},
		{"nghi quyet chuyen doi so", []string{"Nghị quyết"}},
		{"NGHỊ QUYẾT", []string{"Nghị quyết"}},
		{"kế hoạch chuyển đổi số", []string{"Kế hoạch"}},
		{"NQ về chuyển đổi số", []string{"Nghị quyết"}},
		{"KH chuyển đổi số", []string{"Kế hoạch"}},
		{"kh chuyển đổi số", nil}, // two-letter codes count in capitals only
		{"kế hoạch thực hiện nghị quyết 154", []string{"Kế hoạch", "Nghị quyết"}},
		{"kỷ luật viên chức", nil},
		{"theo quy định", nil},
		{"chuyển đổi số", nil},
		// every code of the one vocabulary (corpus/doctype), not a list of
		// its own: KL was missed (issue 14)
		{"KL chuyển đổi số", []string{"Kết luận"}},
		{"CTr chuyển đổi số", []string{"Chương trình"}},
		{"TTr về biên chế", []string{"Tờ trình"}},
		// the longest name wins; ordinary phrases are not types
		{"thông tư liên tịch về y tế", []string{"Thông tư liên tịch"}},
		{"chương trình hành động", []string{"Chương trình"}},
		{"hợp đồng lao động", nil},
		{"dự án đầu tư công", nil},
		{"án lệ về hợp đồng", []string{"Án lệ"}},
	} {
		if got := namedTypes(ParseQuery(tt.q)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("namedTypes(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

// TestDocTypeDemo: on the demo portal a query naming a document type ranks
// the documents of that type above the news that mention the words.
func TestDocTypeDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an on-disk index")
	}
	s := demoSearcher(t)
	for _, tt := range []struct {
		q    string
		typ  string
		want int // the first want hits are of type typ
	}{
		{"nghị quyết", "Nghị quyết", 3},
		{"nghi quyet", "Nghị quyết", 3},
		{"NQ", "Nghị quyết", 3},
		{"ke hoach", "Kế hoạch", 4},
		{"kế hoạch", "Kế hoạch", 4},
		{"kế hoạch chuyển đổi số", "Kế hoạch", 1},
		{"KH chuyển đổi số", "Kế hoạch", 1},
		{"chương trình hành động", "Chương trình", 2},
		{"quyết định", "Quyết định", 2},
	} {
		// as /api/search asks (search/web)
		res, err := s.Search(context.Background(), Request{Query: tt.q, Size: 10, Facets: true, TopOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for i, h := range res.Hits {
			if i < tt.want && h.Type != tt.typ {
				t.Errorf("q=%q: hit %d is %q (%s), want type %s", tt.q, i+1, h.Title, h.Type, tt.typ)
			}
			got = append(got, h.Type+": "+h.Title)
		}
		if t.Failed() {
			t.Logf("q=%q:\n%q", tt.q, got)
		}
	}
}
