package filetext

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/viet"
	"golang.org/x/text/encoding/charmap"
)

// glyphs returns text encoded in a legacy font as the glyphs a tool prints
// for it (windows-1252), with the TCVN3 ư given as repl (U+00AD, U+2212).
func glyphs(t *testing.T, s string, enc encoding, repl rune) string {
	t.Helper()
	var b []byte
	var err error
	if enc == tcvn3 {
		b, err = viet.EncodeTCVN3(s)
	} else {
		b, err = viet.EncodeVNI(s)
	}
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	var out strings.Builder
	for _, c := range b {
		if c == 0xAD && repl != 0 {
			out.WriteRune(repl)
			continue
		}
		out.WriteRune(charmap.Windows1252.DecodeByte(c))
	}
	return out.String()
}

// Sentences written for this test (not from the attachment set).
func TestDecodeRuns(t *testing.T) {
	lines := []string{
		"Sở Giáo dục và Đào tạo hướng dẫn tuyển sinh lớp mười",
		"Ủy ban nhân dân huyện Tân Phú báo cáo kết quả thực hiện",
		"Trường học vùng sâu được hỗ trợ xây dựng phòng thí nghiệm",
	}
	for _, tt := range []struct {
		name string
		enc  encoding
		repl rune
	}{
		{"TCVN3, ư as soft hyphen", tcvn3, '\u00AD'},
		{"TCVN3, ư as minus sign", tcvn3, '\u2212'},
		{"VNI", vni, 0},
	} {
		var runs [][]string
		for _, l := range lines {
			runs = append(runs, strings.Fields(glyphs(t, l, tt.enc, tt.repl)))
		}
		got := decodeRuns([][][]string{runs})
		if got != tt.enc {
			t.Errorf("%s: encoding %v, want %v", tt.name, got, tt.enc)
		}
		for i, r := range runs {
			if s := viet.NFC(strings.Join(r, " ")); !strings.EqualFold(s, lines[i]) {
				t.Errorf("%s: decoded %q, want %q", tt.name, s, lines[i])
			}
		}
	}
}

// TestDecodeMixed: Unicode runs beside a legacy one are left alone, a short
// legacy run with a glued symbol ("Q§") is decoded on its own evidence, and
// an ambiguous Latin-1 run ("tháng và có" is valid both ways) follows its
// page, mostly Unicode.
func TestDecodeMixed(t *testing.T) {
	legacy := "Chương trình chuyển đổi số của tỉnh được triển khai đồng bộ"
	runs := [][]string{
		strings.Fields("Quyết định này có hiệu lực kể từ ngày ký"),
		strings.Fields("Các sở, ban, ngành tổ chức thực hiện nghiêm túc"),
		strings.Fields("Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết định này"),
		strings.Fields(glyphs(t, legacy, tcvn3, '\u00AD')),
		strings.Fields(glyphs(t, "Số: 12/QĐ-UBND", tcvn3, 0)),
		strings.Fields("tháng và có"),
	}
	decodeRuns([][][]string{runs})
	want := []string{"Quyết định này có hiệu lực kể từ ngày ký", "Các sở, ban, ngành tổ chức thực hiện nghiêm túc",
		"Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết định này", legacy, "Số: 12/QĐ-UBND", "tháng và có"}
	for i, w := range want {
		if got := strings.Join(runs[i], " "); got != w {
			t.Errorf("run %d = %q, want %q", i, got, w)
		}
	}
}

func TestCapsWord(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{{"NGHÞ", true}, {"ñY", true}, {"Bé", false}, {"Q§-TTg", false}, {"§", false}, {"cña", false}} {
		if got := capsWord(tt.in); got != tt.want {
			t.Errorf("capsWord(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestQuality(t *testing.T) {
	good := measure("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015, Ủy ban nhân dân tỉnh ban hành quy định")
	junk := measure("UY BAN NHAN DAN TlNH PHU AN Phu An ngdy thdng ndm Kinh gtri cdc sd ban ngdnh vd Uy ban nhdn ddn cdc huyQn")
	if !good.usable() || good.garbled() {
		t.Errorf("Vietnamese text judged %+v unusable", good)
	}
	if junk.usable() || !junk.garbled() {
		t.Errorf("OCR junk judged %+v usable", junk)
	}
	if measure("Ký bởi: Sở Tư pháp").usable() {
		t.Error("a stamp's few words judged a usable page")
	}
}

func TestNumberingLabels(t *testing.T) {
	n := parseNumbering([]byte(`<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
 <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num></w:numbering>`))
	var got []string
	for _, l := range []int{0, 1, 1, 2, 2, 3, 0, 1, 2} {
		got = append(got, n.label("7", l))
	}
	want := "I. I.1. I.2. a) b) - II. II.1. a)"
	if strings.Join(got, " ") != want {
		t.Errorf("labels %q, want %q", strings.Join(got, " "), want)
	}
	if n.label("9", 0) != "" || n.label("7", 12) != "" {
		t.Error("unknown list or level gave a label")
	}
}
