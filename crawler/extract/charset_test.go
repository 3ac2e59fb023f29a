package extract

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/viet"
	"golang.org/x/text/encoding/charmap"
)

func TestDecodeCharset(t *testing.T) {
	const vn = "<p>Quyết định về việc ban hành kế hoạch triển khai nhiệm vụ của Ủy ban nhân dân tỉnh năm 2024</p>"
	tcvn3, err := viet.EncodeTCVN3(vn)
	if err != nil {
		t.Fatal(err)
	}
	vni, err := viet.EncodeVNI(vn)
	if err != nil {
		t.Fatal(err)
	}
	// VNI glyphs stored as UTF-8 Latin-1 letters, as pages set in a
	// VNI-Times font are.
	var glyphs strings.Builder
	for _, c := range vni {
		glyphs.WriteRune(rune(c))
	}
	viscii, err := viet.EncodeVISCII(vn)
	if err != nil {
		t.Fatal(err)
	}
	vps, err := viet.EncodeVPS(vn)
	if err != nil {
		t.Fatal(err)
	}
	french, _ := charmap.Windows1252.NewEncoder().String("<p>Café crème à la française, très élégant, déjà vu.</p>")
	tests := []struct {
		name, ct string
		body     []byte
		want     string
	}{
		{"@charset in a style is no declaration", "", []byte(`<html><head><style>@charset "UTF-8";</style></head>` + vn), "utf-8"},
		{"Latin meta over UTF-8 bytes", "", []byte(`<meta charset="iso-8859-1">` + vn), "utf-8"},
		{"Latin header over UTF-8 bytes", "text/html; charset=ISO-8859-1", []byte(vn), "utf-8"},
		{"undeclared TCVN3", "", tcvn3, "tcvn3"},
		{"TCVN3 declared windows-1252", "text/html; charset=windows-1252", tcvn3, "tcvn3"},
		{"VNI declared Latin", "", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`), vni...), "vni"},
		{"undeclared VNI", "", vni, "vni"},
		{"VNI glyphs in UTF-8", "", []byte(strings.Repeat(glyphs.String(), 2)), "vni"},
		{"windows-1258 undeclared", "", []byte(encode1258(t, vn)), "windows-1258"},
		{"undeclared VISCII", "", viscii, "viscii"},
		{"VISCII declared windows-1252", "text/html; charset=windows-1252", viscii, "viscii"},
		{"undeclared VPS", "", vps, "vps"},
		{"French windows-1252", "", []byte(french), "windows-1252"},
		{"plain UTF-8", "", []byte(vn), "utf-8"},
	}
	for _, tt := range tests {
		p, err := Parse(tt.body, tt.ct, nil)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if p.Charset != tt.want {
			t.Errorf("%s: charset %q, want %q", tt.name, p.Charset, tt.want)
			continue
		}
		if body := p.Article(Options{}).Body; tt.want != "windows-1252" && !strings.Contains(body, "Quyết định về việc ban hành kế hoạch") {
			t.Errorf("%s: body %q", tt.name, body)
		}
	}
}
