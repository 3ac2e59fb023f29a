package search

import (
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestDefinitionIntent: the cues of a question about what something is
// fire, with or without marks; a bare "là" does not, unless a profile
// weighs statements (Weights.Statement). Examples from outside every
// evaluation set (Luật Thư viện, a provincial plan, a resolution).
func TestDefinitionIntent(t *testing.T) {
	for _, c := range []struct {
		q         string
		want      float64 // Statement 0 (default)
		statement float64 // Statement 0.5 (exam profile)
	}{
		{"thư viện công cộng là gì", 1, 1},
		{"thu vien so la gi?", 1, 1},
		{"thế nào là thư viện chuyên ngành", 1, 1},
		{"khái niệm tài nguyên thông tin", 1, 1},
		{"định nghĩa kế hoạch đầu tư công trung hạn", 1, 1},
		{"dinh nghia chuyen doi so", 1, 1},
		{"liên thông thư viện được hiểu là", 1, 1},
		{"ai là người ký nghị quyết 154", 0, 0.5},
		{"sở nào là cơ quan chủ trì kế hoạch phát triển du lịch của tỉnh", 0, 0.5},
		{"thư viện cộng đồng là thư viện do cộng đồng dân cư thành lập", 0, 0.5},
		{"kế hoạch chuyển đổi số tỉnh Bình Dương", 0, 0},
		{"thời gian mở cửa thư viện", 0, 0},
		// "A của B là gì", "A để … là gì" ask for an aspect of B.
		{"nhiệm vụ của thư viện công cộng là gì", 0, 0.5},
		{"muc tieu cua ke hoach chuyen doi so la gi", 0, 0.5},
		{"điều kiện để thành lập thư viện là gì", 0, 0.5},
		{"định nghĩa của thư viện công cộng", 1, 1}, // another cue
		{"đề án là gì", 1, 1},                       // đề is not để
	} {
		if got := definitionIntent(c.q, 0); got != c.want {
			t.Errorf("definitionIntent(%q) = %g, want %g", c.q, got, c.want)
		}
		if got := definitionIntent(c.q, 0.5); got != c.statement {
			t.Errorf("definitionIntent(%q) with statements 0.5 = %g, want %g", c.q, got, c.statement)
		}
	}
}

// TestStopWeight: a folded stop word weighs as one only where the query
// spells it as one: "hơn" is a stop word, the "hôn" of "ly hôn", which
// folds to the same "hon", is not; typed without marks, the restored
// spelling tells. The words of exam items are ordinary words unless the
// exam profile weighs them.
func TestStopWeight(t *testing.T) {
	w := DefaultWeights
	exam, err := ProfileWeights("exam", w)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		spelled string // the query as typed with marks, or as restored
		term    string
		folded  bool
		w       Weights
		want    float64
	}{
		{"thủ tục ly hôn", "hon", true, w, 1},
		{"nhiều hơn mười năm", "hon", true, w, w.Stop},
		{"vay tiền mua nhà ở xã hội", "vay", true, w, 1},
		{"như vậy có được không", "vay", true, w, w.Stop},
		{"đuổi việc người lao động", "duoi", true, w, 1},
		{"phân loại tài liệu lưu trữ", "tai", true, w, 1},
		{"ly hôn", "ly hon", true, w, 1},                 // a bigram
		{"bao nhiêu ngày", "bao nhieu", true, w, w.Stop}, // a stop pair
		{"thư viện của xã", "cua", true, w, w.Stop},
		{"thư viện của xã", "của", false, w, w.Stop},
		{"ma túy", "ma", false, w, 1}, // an exact term without marks: a content word here
		{"cho con nuôi", "cho", false, w, w.Stop},
		{"", "hon", true, w, w.Stop}, // spelling unknown: the folded list decides
		{"áp dụng sai quy trình", "sai", true, w, 1},
		{"áp dụng sai quy trình", "dung", true, w, 1},
		{"khai báo đúng hay sai", "sai", false, w, 1},
		{"khai báo đúng hay sai", "sai", false, exam, exam.Stop},
		{"khai báo đúng hay sai", "dung hay", true, exam, exam.Stop},
		{"khai báo đúng hay sai", "dung hay", true, w, 1},
	} {
		if got := queryStops(c.spelled).weight(c.term, c.folded, c.w); got != c.want {
			t.Errorf("%q: weight(%q, folded %v) = %g, want %g", c.spelled, c.term, c.folded, got, c.want)
		}
	}
}

// TestProfiles: every profile is documented and changes something;
// an unknown name is an error that names the known ones.
func TestProfiles(t *testing.T) {
	if len(Profiles()) == 0 {
		t.Fatal("no profile")
	}
	for _, name := range Profiles() {
		w, err := ProfileWeights(name, DefaultWeights)
		if err != nil {
			t.Fatal(err)
		}
		if w == DefaultWeights {
			t.Errorf("profile %q changes nothing", name)
		}
		if ProfileDoc(name) == "" {
			t.Errorf("profile %q has no doc", name)
		}
	}
	if w, err := ProfileWeights("", DefaultWeights); err != nil || w != DefaultWeights {
		t.Errorf(`ProfileWeights("") = %v, %v`, w, err)
	}
	if _, err := ProfileWeights("lucene", DefaultWeights); err == nil || !strings.Contains(err.Error(), "exam") {
		t.Errorf("unknown profile: %v", err)
	}
	// The exam profile's statement rule: "X là Y" asks for a definition.
	exam, _ := ProfileWeights("exam", DefaultWeights)
	q := ParseQuery("thư viện cộng đồng là thư viện do dân cư lập")
	if in := Build(q, Filters{}, exam).Intents; len(in) != 1 || in[0].Name != "definition" {
		t.Errorf("exam profile: intents %v, want the definition", in)
	}
	if in := Build(q, Filters{}, DefaultWeights).Intents; len(in) != 0 {
		t.Errorf("default: intents %v, want none", in)
	}
}

// TestDefinitionRanking: on an index of a law outside every evaluation
// set (Luật Thư viện; text written for the test), "X là gì" puts the long
// definitions article above a short article that merely uses the term —
// which it is not without the definition clause — and a question that
// only has "là" ranks as it does without the clause.
func TestDefinitionRanking(t *testing.T) {
	var docs []*corpus.Document
	for _, a := range []struct{ id, num, title, body string }{
		{"tv-2", "2", "Giải thích từ ngữ", "Trong Luật này, các từ ngữ dưới đây được hiểu như sau: " +
			"1. Thư viện là thiết chế văn hóa, thông tin, giáo dục, khoa học thực hiện việc xây dựng, xử lý, lưu giữ, bảo quản, " +
			"cung cấp tài nguyên thông tin phục vụ nhu cầu của người sử dụng. 2. Tài nguyên thông tin là tập hợp các tài liệu, " +
			"thông tin, dữ liệu dưới mọi hình thức được thu thập, xử lý, lưu giữ. 3. Thư viện số là thư viện mà tài nguyên thông tin " +
			"được xử lý, lưu giữ dưới dạng số. 4. Liên thông thư viện là hoạt động hợp tác, chia sẻ tài nguyên thông tin giữa các thư viện. " +
			"5. Người sử dụng thư viện là tổ chức, cá nhân sử dụng tài nguyên thông tin và dịch vụ của thư viện."},
		{"tv-12", "12", "Thư viện số", "Thư viện số được xây dựng theo tiêu chuẩn kỹ thuật về thư viện số."},
		{"tv-9", "9", "Thành lập thư viện", "Người đứng đầu cơ quan có thẩm quyền ký quyết định thành lập thư viện số và thư viện công lập."},
		{"tv-30", "30", "Kinh phí cho thư viện", "Ngân sách nhà nước bảo đảm kinh phí cho thư viện công lập."},
	} {
		d := &corpus.Document{ID: a.id, Title: a.title, Body: a.body}
		corpus.PartMeta{Law: "Luật Thư viện", Article: a.num}.Apply(d)
		docs = append(docs, d)
	}
	s := searcherOf(t, docs)
	off := New(s.idx)
	off.weights.Definition = 0
	// the window proximity (proximity.go), on where no definition intent
	// is, also lifts tv-2 for these queries: bare has neither, to show
	// that the clause is what puts it first
	bare := New(s.idx)
	bare.weights.Definition = 0
	bare.proximity = ProximityOptions{}
	ids := func(s *Searcher, q string) []string {
		t.Helper()
		return topIDs(t, s, q, 4)
	}
	for _, q := range []string{"thư viện số là gì", "thu vien so la gi", "thế nào là thư viện số"} {
		if got := ids(s, q); len(got) == 0 || got[0] != "tv-2" {
			t.Errorf("%q: %v, want tv-2 first", q, got)
		}
		if got := ids(bare, q); len(got) > 0 && got[0] == "tv-2" {
			t.Errorf("%q without the definition clause: %v, tv-2 first: the test does not exercise it", q, got)
		}
	}
	for _, q := range []string{"ai là người ký quyết định thành lập thư viện số", "thư viện số là của ai"} {
		if got, want := ids(s, q), ids(off, q); !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v (the ranking without the definition clause)", q, got, want)
		}
	}
}
