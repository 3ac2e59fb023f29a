package query

import (
	"reflect"
	"regexp"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/doctype"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Query
	}{
		{"thời hạn khiếu nại", Query{Text: "thời hạn khiếu nại"}},
		{`"chuyển đổi số" -"kinh tế" -tư nhân`, Query{Phrases: []string{"chuyển đổi số"}, Exclude: []string{"kinh tế", "tư"}, Text: "nhân"}},
		{`“hạ tầng dữ liệu” tỉnh`, Query{Phrases: []string{"hạ tầng dữ liệu"}, Text: "tỉnh"}},
		{"-tư", Query{Exclude: []string{"tư"}}},
		{"154/NQ-CP", Query{Text: "154/NQ-CP", Numbers: []string{"154/nq-cp"}}},
		// a stray space is still one number (viet.ScanNumber), whose parts
		// are not abbreviations, as in 154/NQ-CP
		{"154 /NQ-CP", Query{Text: "154 /NQ-CP", Numbers: []string{"154/nq-cp"}}},
		// the form before 2000, in capitals: a number (issue 14)
		{"73-CP", Query{Text: "73-CP", Numbers: []string{"73-cp"}}},
		{"nghị định 73-CP", Query{Text: "nghị định 73-CP", Numbers: []string{"73-cp"}}},
		{"154 NQ CP", Query{Text: "154 NQ CP", Numbers: []string{"154/nq-cp"}, Expansions: []string{"Nghị quyết", "Chính phủ"}}},
		{"30/2020/NĐ-CP", Query{Text: "30/2020/NĐ-CP", Numbers: []string{"30/2020/nd-cp"}}},
		{"nq 154", Query{Text: "nq 154", Partial: []PartialNumber{{Number: "154", Code: "nq"}}}},
		{"nghị quyết 154", Query{Text: "nghị quyết 154", Partial: []PartialNumber{{Number: "154", Code: "nq"}}}},
		{"kế hoạch số 045", Query{Text: "kế hoạch số 045", Partial: []PartialNumber{{Number: "45", Code: "kh"}}}},
		{"tờ trình 12", Query{Text: "tờ trình 12", Partial: []PartialNumber{{Number: "12", Code: "ttr"}}}},
		{"hợp đồng 12 tháng", Query{Text: "hợp đồng 12 tháng"}}, // an ordinary phrase (doctype Common)
		{"135 KL TW", Query{Text: "135 KL TW", Numbers: []string{"135/kl-tw"}, Expansions: []string{"Kết luận"}}},
		{"UBND tỉnh", Query{Text: "UBND tỉnh", Expansions: []string{"Ủy ban nhân dân"}}},
		{"ubnd tinh", Query{Text: "ubnd tinh", Expansions: []string{"Ủy ban nhân dân"}}},
		{"Ủy ban nhân dân tỉnh", Query{Text: "Ủy ban nhân dân tỉnh", Expansions: []string{"UBND"}}},
		{"uy ban nhan dan", Query{Text: "uy ban nhan dan", Expansions: []string{"UBND"}}},
		{"phát triển KT-XH", Query{Text: "phát triển KT-XH", Expansions: []string{"kinh tế - xã hội"}}},
		{"kinh tế - xã hội", Query{Text: "kinh tế - xã hội", Expansions: []string{"KT-XH"}}},
		{"KH chuyển đổi số", Query{Text: "KH chuyển đổi số", Expansions: []string{"CĐS", "Kế hoạch"}}},
		{"kh cds", Query{Text: "kh cds", Expansions: []string{"chuyển đổi số"}}}, // "kh" lowercase is a syllable
		{"BLDS 2015", Query{Text: "BLDS 2015", Expansions: []string{"Bộ luật Dân sự"}}},
		{"luat vien chuc ky luat", Query{Text: "luat vien chuc ky luat"}},
		{"   ", Query{}},
	}
	for _, tt := range tests {
		got := Parse(tt.in)
		tt.want.Raw = tt.in
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q) =\n\t%#v\nwant\n\t%#v", tt.in, got, tt.want)
		}
	}
}

func TestExpand(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"HĐND tỉnh", []string{"Hội đồng nhân dân"}},
		{"hội đồng nhân dân", []string{"HĐND"}},
		{"hoi dong nhan dan", []string{"HĐND"}},
		{"hđnd", []string{"Hội đồng nhân dân"}},
		{"HĐ lao động", []string{"Hợp đồng"}},
		{"hd lao dong", nil},
		{"QĐ 1579", []string{"Quyết định"}},
		{"1579/QĐ-UBND", nil}, // inside a document number
		{"BLTTHS", []string{"Bộ luật Tố tụng hình sự"}},
		{"Cổng TTĐT", []string{"thông tin điện tử"}},
	}
	for _, tt := range tests {
		if got := builtin.Expand(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Expand(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestPartialNumberPattern: the number keys a number typed without its
// issuer matches (the index's regexp queries and the tasks view's
// filters both take it whole).
func TestPartialNumberPattern(t *testing.T) {
	tests := []struct {
		typed string
		match []string
		not   []string
	}{
		{"nq 154", []string{doctype.NumberKey("154/NQ-CP"), doctype.NumberKey("154/2022/NQ-HĐND"), doctype.NumberKey("154-NQ/TW")},
			[]string{doctype.NumberKey("1154/NQ-CP"), doctype.NumberKey("154/KH-UBND"), doctype.NumberKey("15/NQ-CP")}},
		{"kế hoạch số 045", []string{doctype.NumberKey("45/KH-UBND")}, []string{doctype.NumberKey("45/NQ-CP")}},
	}
	for _, tt := range tests {
		pns := PartialNumbers(tt.typed)
		if len(pns) != 1 {
			t.Fatalf("PartialNumbers(%q) = %v, want one", tt.typed, pns)
		}
		re := regexp.MustCompile("^(?:" + pns[0].Pattern() + ")$")
		for _, k := range tt.match {
			if !re.MatchString(k) {
				t.Errorf("%q does not match %q", tt.typed, k)
			}
		}
		for _, k := range tt.not {
			if re.MatchString(k) {
				t.Errorf("%q matches %q", tt.typed, k)
			}
		}
	}
	if pns := PartialNumbers("154/NQ-CP"); len(pns) != 0 {
		t.Errorf("a whole number read as a partial one: %v", pns)
	}
}

func TestArticleRefs(t *testing.T) {
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"điều 20 luật lưu trữ", []string{"20"}},
		{"luat thu vien 2019 dieu 21", []string{"21"}},
		{"Điều 05 NĐ 30", []string{"5"}},
		{"điều 9 và điều 12, điều 9 luật lưu trữ", []string{"9", "12"}},
		{"điều kiện thành lập thư viện", nil},
		{"điều 2020", nil}, // a year, not an article
		{"điều", nil},
		{"khoản 3 nghị định 30", nil},
		// i17-art: an inserted article keeps its letter, lower case
		{"điều 63a nghị định 49/2026", []string{"63a"}},
		{"ĐIỀU 63A", []string{"63a"}},
		{"điều 63 và điều 63a", []string{"63", "63a"}},
		{"dieu 063b", []string{"63b"}},
		{"điều 63ab", nil},
		{"điều 1234a", nil},
		{"điều a", nil},
		{"điều 0a", nil},
		// i18-parse4: the letter typed apart from the number, right after it
		{"điều 63 a nghị định 49/2026", []string{"63a"}},
		{"Điều 63 A", []string{"63a"}},
		{"điều 63-a", []string{"63a"}},
		{"điều 63-A", []string{"63a"}},
		{"điều 63 - b", []string{"63b"}},
		{"điều 110 đ", []string{"110đ"}},
		{"điều 110đ", []string{"110đ"}},
		{"ĐIỀU 110Đ", []string{"110đ"}},
		{"điều 63 và điều 64", []string{"63", "64"}},
		{"điều 63 an toàn thực phẩm", []string{"63"}},
		{"điều 63 k", []string{"63"}},     // a–h and đ only
		{"điều 63a b", []string{"63a"}},   // a letter already
		{"điều 63 , a", []string{"63"}},   // not right after it
		{"điều 63     a", []string{"63"}}, // nor far after it
		{"điều 154/NQ-CP", nil},           // a document number, as before
	} {
		if got := ArticleRefs(c.q); !slices.Equal(got, c.want) {
			t.Errorf("ArticleRefs(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}

// FuzzParse: any text parses into valid UTF-8 parts (search's
// FuzzParseQuery builds the index's query from them too).
func FuzzParse(f *testing.F) {
	for _, s := range []string{"154/NQ-CP", "154 /NQ-CP", `"chuyển đổi số" -kinh`, "nghị quyết 154", "UBND KT-XH", "-\"", "“", "nq 1 /2020/ nđ - cp", "\xff\xfe", "điều 29 luật viên chức",
		"97 2031 NĐ CP", "97-2031-NĐ-CP", "97.2031.NĐ.CP", "97/2031/NĐ CP", "154-NQ-CP", "1234/QĐ ubnd", "123/UBND.UBND tỉnh", "5-2031-QĐ-",
		"31.2030.QH16", "31 2030 QH16", "125-UBND-VX", "1 5/2031/NĐ-CP"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := Parse(s)
		fields := append([]string{q.Text}, q.Phrases...)
		fields = append(fields, q.Exclude...)
		fields = append(fields, q.Numbers...)
		fields = append(fields, q.Expansions...)
		fields = append(fields, q.Articles...)
		for _, p := range q.Partial {
			fields = append(fields, p.Number, p.Code, p.Pattern())
		}
		for _, x := range fields {
			if !utf8.ValidString(x) {
				t.Errorf("Parse(%q): invalid UTF-8 field %q", s, x)
			}
		}
		for _, p := range q.Partial {
			regexp.MustCompile(p.Pattern())
		}
		for _, k := range q.Numbers {
			if k == "" || doctype.NumberKey(k) != k {
				t.Errorf("Parse(%q): number %q is no key (NumberKey gives %q)", s, k, doctype.NumberKey(k))
			}
		}
	})
}
