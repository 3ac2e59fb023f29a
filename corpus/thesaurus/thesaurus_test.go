package thesaurus

import (
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/viet"
)

// run is the folded syllables of s, as linking hands them over.
func run(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		out = append(out, viet.Fold(f))
	}
	return out
}

func related(th *Thesaurus, s string) []string {
	var out []string
	th.Related(run(s), func(p []string) { out = append(out, strings.Join(p, " ")) })
	return out
}

// TestRelated uses lines written for it, in the style of provincial plans.
func TestRelated(t *testing.T) {
	th := Default()
	tests := []struct {
		line    string
		want    []string // among the related phrases
		wantNot []string // not among them
	}{
		{"Đẩy mạnh truyền thông về chuyển đổi số trong cơ quan nhà nước", []string{"tuyen truyen", "pho bien", "so hoa"}, []string{"truyen thong"}},
		{"Tổ chức cấp phát gạo và nhu yếu phẩm cho các hộ bị ngập", []string{"luong thuc", "thuc pham"}, []string{"nhu yeu pham"}},
		{"Mở lớp tập huấn cho cán bộ xã về phòng cháy", []string{"dao tao", "boi duong", "cong chuc"}, nil},
		{"Bố trí kinh phí từ nguồn dự phòng của huyện", []string{"ngan sach", "phan bo kinh phi"}, nil},
		{"Ngày mai trời nắng đẹp", nil, []string{"tuyen truyen"}},
	}
	for _, tt := range tests {
		got := related(th, tt.line)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: %q not related (got %v)", tt.line, w, got)
			}
		}
		for _, w := range tt.wantNot {
			if slices.Contains(got, w) {
				t.Errorf("%q: %q related, want not (it is in the line or in no group of it)", tt.line, w)
			}
		}
	}
}

func TestParse(t *testing.T) {
	th := Parse(`
a | Tuyên truyền; phổ biến; tuyên truyền
b | lẻ loi
không miền; hai
`)
	gs := th.Groups()
	if len(gs) != 2 {
		t.Fatalf("groups = %d, want 2 (a one-phrase group is dropped): %+v", len(gs), gs)
	}
	if gs[0].Domain != "a" || len(gs[0].Phrases) != 2 || strings.Join(gs[0].Phrases[0], " ") != "tuyen truyen" {
		t.Errorf("group 0 = %+v, want domain a, folded, repeat dropped", gs[0])
	}
	if gs[1].Domain != "" {
		t.Errorf("group 1 domain = %q, want none", gs[1].Domain)
	}
	if got := related(th, "hai"); !slices.Equal(got, []string{"khong mien"}) {
		t.Errorf("related(hai) = %v", got)
	}
	if got := related(Parse(""), "hai"); got != nil {
		t.Errorf("empty thesaurus related %v", got)
	}
}

// TestTable checks the table itself: every group has a domain, and no
// phrase is empty or only punctuation.
func TestTable(t *testing.T) {
	th := Default()
	if len(th.Groups()) < 100 {
		t.Errorf("table has %d groups", len(th.Groups()))
	}
	for i, g := range th.Groups() {
		if g.Domain == "" {
			t.Errorf("group %d has no domain", i)
		}
		for _, p := range g.Phrases {
			for _, w := range p {
				if !viet.FoldedSyllable(w) {
					t.Errorf("group %d (%s): %q is no folded syllable", i, g.Domain, w)
				}
			}
		}
	}
}

func FuzzRelated(f *testing.F) {
	f.Add("tuyên truyền, phổ biến nhu yếu phẩm", "a | b; c")
	f.Fuzz(func(t *testing.T, line, table string) {
		th := Parse(table)
		found := map[string]bool{}
		th.Related(strings.Fields(line), func(p []string) {
			if len(p) == 0 {
				t.Fatal("empty phrase")
			}
			found[strings.Join(p, " ")] = true
		})
		Default().Related(run(line), func([]string) {})
	})
}
