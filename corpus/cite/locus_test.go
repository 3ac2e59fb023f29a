package cite

import (
	"fmt"
	"strings"
	"testing"
)

func TestLoci(t *testing.T) {
	tests := []struct{ part, want string }{
		{"Điều 5", "5"},
		{"khoản 2 Điều 5", "5.2"},
		{"điểm a khoản 2 Điều 5", "5.2.a"},
		{"khoản 1 và khoản 2 Điều 38", "38.1 38.2"},
		{"khoản 1, 2 và 3 Điều 7", "7.1 7.2 7.3"},
		{"điểm a, điểm đ khoản 1 Điều 12", "12.1.a 12.1.đ"},
		{"khoản 1 Điều 3 và Điều 5", "3.1 5"},
		{"Điều 3, Điều 4", "3 4"},
		{"khoản 2 Điều 3 và khoản 4 Điều 5", "3.2 5.4"},
		{"điểm a khoản 2 và khoản 3 Điều 5", "5.2.a 5.3"},
		{"khoản 2", ""},           // no article: the citing text's own
		{"Chương II", ""},         // not a provision
		{"Mục 2 Chương III", ""},  //
		{"Phụ lục II", ""},        //
		{"điểm b Điều 9", "9..b"}, // a point directly under its article
		{"các Điều 8, 9 và 10", "8 9 10"},
		// i17-art: inserted articles, their letter lower case as the
		// outline's IDs (Đ63a). 155/2026/NĐ-CP: "… quy định tại khoản 1,
		// khoản 2 Điều 11a Luật Khiếu nại, …"
		{"khoản 1, khoản 2 Điều 11a", "11a.1 11a.2"},
		{"khoản 1 Điều 63A", "63a.1"},
		{"điểm b khoản 2 Điều 63a", "63a.2.b"},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range Loci(tt.part) {
			s := l.Article
			if l.Clause != "" || l.Point != "" {
				s += "." + l.Clause
			}
			if l.Point != "" {
				s += "." + l.Point
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("Loci(%q) = %q, want %q", tt.part, g, tt.want)
		}
	}
}

// TestLociOfRefs: the parts ParseRefs reads before a reference give the
// provisions cited (lines written for the test).
func TestLociOfRefs(t *testing.T) {
	text := "Người lao động quy định tại khoản 1 và khoản 3 Điều 4 Nghị định số 12/2025/NĐ-CP được hỗ trợ theo điểm b khoản 2 Điều 6 của Nghị định số 12/2025/NĐ-CP."
	var got []string
	for _, r := range ParseRefs(text) {
		got = append(got, fmt.Sprint(r.Key, Loci(r.Part)))
	}
	want := "12/2025/NĐ-CP[{4 1 } {4 3 }] | 12/2025/NĐ-CP[{6 2 b}]"
	if g := strings.Join(got, " | "); g != want {
		t.Errorf("got %s, want %s", g, want)
	}
}

// TestLociOfRefsSuffix: a clause of an inserted article cited with its
// decree's number (the style of 49/2026/NĐ-CP, which inserts "Điều 63a."
// into Nghị định 102/2024/NĐ-CP; the line is written for the test) is
// clause 1 of article 63a, its letter lower case whichever case the text
// writes it in.
func TestLociOfRefsSuffix(t *testing.T) {
	for _, text := range []string{
		"Trường hợp quy định tại khoản 1 Điều 63a của Nghị định số 102/2024/NĐ-CP được gia hạn sử dụng đất.",
		"TRƯỜNG HỢP QUY ĐỊNH TẠI KHOẢN 1 ĐIỀU 63A CỦA NGHỊ ĐỊNH SỐ 102/2024/NĐ-CP ĐƯỢC GIA HẠN SỬ DỤNG ĐẤT.",
	} {
		var got []string
		for _, r := range ParseRefs(text) {
			got = append(got, fmt.Sprint(r.Key, Loci(r.Part)))
		}
		if g, want := strings.Join(got, " | "), "102/2024/NĐ-CP[{63a 1 }]"; g != want {
			t.Errorf("%q: got %s, want %s", text, g, want)
		}
	}
}

func FuzzLoci(f *testing.F) {
	for _, s := range []string{"khoản 1 và khoản 2 Điều 38", "điểm a, b khoản 2 Điều 5", "Chương II", "khoản khoản Điều"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, part string) {
		for _, l := range Loci(part) {
			if l.Article == "" {
				t.Errorf("Loci(%q): %+v", part, l)
			}
		}
	})
}
