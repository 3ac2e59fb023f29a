package abbrev

import (
	"reflect"
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
