package abbrev

import (
	"reflect"
	"strings"
	"testing"
)

func TestSelect(t *testing.T) {
	in := []Entry{
		{Short: "BPKCTT", Long: "biện pháp khẩn cấp tạm thời", Docs: 1},
		{Short: "WTO", Long: "tổ chức thương mại thế giới", Docs: 1},  // letters disagree, one text
		{Short: "UBTW", Long: "ủy ban trung ương", Docs: 3},           // letters disagree, three texts
		{Short: "HĐ", Long: "hợp đồng", Docs: 40},                     // two senses with support
		{Short: "HĐ", Long: "hội đồng", Docs: 30},                     //
		{Short: "HĐ", Long: "hoạt động", Docs: 1},                     // a lone third sense
		{Short: "QLDA", Long: "quản lý dự án", Docs: 0},               // no live document
		{Short: "ĐTM", Long: "đánh giá tác động môi trường", Docs: 2}, // Đ
		{Short: "DTM", Long: "đánh giá tác động môi trường", Docs: 1}, // the same short form folded: one group
		{Short: "KT", Long: "kế toán", Docs: 2},
		{Short: "KT", Long: "kiểm tra", Docs: 2},
		{Short: "KT", Long: "kinh tế", Docs: 2},
		{Short: "KT", Long: "kỹ thuật", Docs: 2}, // a fourth sense
	}
	want := []Entry{
		{Short: "BPKCTT", Long: "biện pháp khẩn cấp tạm thời", Docs: 1},
		{Short: "ĐTM", Long: "đánh giá tác động môi trường", Docs: 2},
		{Short: "HĐ", Long: "hợp đồng", Docs: 40},
		{Short: "HĐ", Long: "hội đồng", Docs: 30},
		{Short: "KT", Long: "kinh tế", Docs: 2}, // byte order of the long forms
		{Short: "KT", Long: "kiểm tra", Docs: 2},
		{Short: "KT", Long: "kế toán", Docs: 2},
		{Short: "UBTW", Long: "ủy ban trung ương", Docs: 3},
	}
	if got := Select(in); !reflect.DeepEqual(got, want) {
		t.Errorf("Select\n got %+v\nwant %+v", got, want)
	}
}

func TestDictExpand(t *testing.T) {
	mined := []Entry{{Short: "BPKCTT", Long: "biện pháp khẩn cấp tạm thời", Docs: 1}, {Short: "UBND", Long: "ủy ban nhân dân", Docs: 5}}
	d := NewDict(Builtin(), mined)
	if with := NewDict(Builtin()).With(mined); !reflect.DeepEqual(with.Entries(), d.Entries()) {
		t.Errorf("With gives %v, NewDict %v", with.Entries(), d.Entries())
	}
	if d.Len() != NewDict(Builtin()).Len()+1 {
		t.Errorf("Len %d: the mined UBND repeats the built-in one and should be left out", d.Len())
	}
	tests := []struct {
		in   string
		want []string
	}{
		{"bpkctt bồi thường", []string{"biện pháp khẩn cấp tạm thời"}},
		{"BPKCTT bồi thường", []string{"biện pháp khẩn cấp tạm thời"}},
		{"bien phap khan cap tam thoi", []string{"BPKCTT"}},
		{"áp dụng biện pháp khẩn cấp tạm thời sai", []string{"BPKCTT"}},
		{"uy ban nhan dan xa", []string{"UBND"}},
		{"UBND xã", []string{"Ủy ban nhân dân"}},
		{"biện pháp tạm thời", nil},
		{"HĐ có thời hạn", []string{"Hợp đồng"}},
		{"hd co thoi han", nil}, // two letters, lower case: a syllable
		{"Sở TTTT tỉnh", []string{"thông tin và truyền thông"}},
		{"phát triển ktxh", []string{"kinh tế - xã hội"}},
		{"Sở LĐTBXH", []string{"lao động - thương binh và xã hội"}},
		{"Sở LDTBXH", []string{"lao động - thương binh và xã hội"}},
		{"Sở GĐĐT", nil}, // a mark GD-ĐT does not have
		{"", nil},
	}
	for _, tt := range tests {
		if got := d.Expand(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Expand(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	var zero *Dict
	if got := zero.Expand("UBND"); got != nil {
		t.Errorf("nil Dict expands to %q", got)
	}
}

func TestBuiltinConsistent(t *testing.T) {
	// every entry of the table that goes both ways is spelled by its
	// initials, as the miner would read it
	for _, e := range Builtin() {
		if e.OneWay {
			continue
		}
		if !Consistent(e.Short, e.Long) {
			t.Errorf("%s = %s: letters are not the initials", e.Short, e.Long)
		}
	}
}

// BenchmarkExpand expands a short query with the built-in table and
// 2,000 mined definitions: what each search pays (the dictionary itself
// is built once per snapshot, BenchmarkNewDict).
func BenchmarkExpand(b *testing.B) {
	d := NewDict(Builtin(), minedEntries(2000))
	queries := []string{"tòa áp dụng BPKCTT sai bồi thường", "uy ban nhan dan xa cap giay phep xay dung", "QLNN lĩnh vực tiếp cận thông tin"}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		d.Expand(queries[n%len(queries)])
		n++
	}
}

// BenchmarkNewDict builds the dictionary of the built-in table and 2,000
// mined definitions, as a search does once per snapshot.
func BenchmarkNewDict(b *testing.B) {
	mined := minedEntries(2000)
	builtin := NewDict(Builtin())
	b.ReportAllocs()
	for b.Loop() {
		builtin.With(Select(mined))
	}
}

// minedEntries are n distinct definitions spelled by their initials.
func minedEntries(n int) []Entry {
	words := []string{"quản", "lý", "hồ", "sơ", "cấp", "phép", "xây", "dựng", "đất", "đai", "thuế", "phí", "bảo", "vệ", "rừng"}
	var out []Entry
	for i := range n {
		var long, short []string
		for m := 1; m <= n; m *= len(words) {
			w := words[i/m%len(words)]
			long = append(long, w)
			short = append(short, strings.ToUpper(string([]rune(w)[:1])))
		}
		out = append(out, Entry{Short: strings.Join(short, ""), Long: strings.Join(long, " "), Docs: 1 + i%3})
	}
	return out
}
