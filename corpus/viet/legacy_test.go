package viet

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/internal/childproc"
)

const legacySample = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM. Độc lập - Tự do - Hạnh phúc. " +
	"Ủy ban nhân dân tỉnh Sông Bé ban hành kế hoạch triển khai nhiệm vụ năm 2024: " +
	"người dân được hướng dẫn khuyến khích tuyển dụng, quỹ bảo hiểm, thuở xưa, " +
	"giữ gìn, quyết định, nghiêng ngả, khuya, ỵ, Ỵ, ý kiến, Ỷ lại, ĩ, ị, ỉ, ì, í, Ì Í Ỉ Ĩ Ị ỳ Ỳ ỹ Ỹ Ý " +
	"ắ ằ ẳ ẵ ặ Ắ Ằ Ẳ Ẵ Ặ ấ ầ ẩ ẫ ậ Ấ Ầ Ẩ Ẫ Ậ ế ề ể ễ ệ Ế Ề Ể Ễ Ệ ố ồ ổ ỗ ộ Ố Ồ Ổ Ỗ Ộ " +
	"ớ ờ ở ỡ ợ Ớ Ờ Ở Ỡ Ợ ứ ừ ử ữ ự Ứ Ừ Ử Ữ Ự á à ả ã ạ Á À Ả Ã Ạ é è ẻ ẽ ẹ É È Ẻ Ẽ Ẹ " +
	"ó ò ỏ õ ọ Ó Ò Ỏ Õ Ọ ú ù ủ ũ ụ Ú Ù Ủ Ũ Ụ ă â ê ô ơ ư đ Ă Â Ê Ô Ơ Ư Đ"

func TestVNITable(t *testing.T) {
	tests := []struct{ vni, want string }{
		{"Tieáng Vieät", "Tiếng Việt"},
		{"ngöôøi", "người"},
		{"ñöôïc", "được"},
		{"ÑAÛNG", "ĐẢNG"},
		{"AÙ", "Á"},
		{"aé aè aú aü aë aê", "ắ ằ ẳ ẵ ặ ă"},
		{"í ì æ ó ò î", "í ì ỉ ĩ ị ỵ"},
		{"Quyeát ñònh", "Quyết định"},
		{"thuôû", "thuở"},
		{"100%", "100%"},
	}
	for _, tt := range tests {
		if got := DecodeVNI(latin1(tt.vni)); got != tt.want {
			t.Errorf("DecodeVNI(%q) = %q, want %q", tt.vni, got, tt.want)
		}
	}
}

func TestTCVN3Table(t *testing.T) {
	tests := []struct {
		b    []byte
		want string
	}{
		{[]byte("Ti\xd5ng Vi\xd6t"), "Tiếng Việt"},
		{[]byte("ng\xad\xeai"), "người"},
		{[]byte("\xae\xad\xeec"), "được"},
		{[]byte("\xa7\xb9i"), "Đại"},
		{[]byte("a\xb3"), "á"}, // combining sắc byte
		{[]byte("Quy\xd5t \xae\xdenh"), "Quyết định"},
	}
	for _, tt := range tests {
		if got := DecodeTCVN3(tt.b); got != tt.want {
			t.Errorf("DecodeTCVN3(%q) = %q, want %q", tt.b, got, tt.want)
		}
	}
}

// TestTCVN3MatchesIconv checks every byte against glibc's TCVN5712-1.
func TestTCVN3MatchesIconv(t *testing.T) {
	if _, err := exec.LookPath("iconv"); err != nil {
		requireTool(t, "iconv") // skips, or fails under CI=true
	}
	for b := 0; b < 256; b++ {
		cmd := exec.Command("iconv", "-f", "TCVN5712-1", "-t", "UTF-8")
		cmd.Stdin = bytes.NewReader([]byte{byte(b)})
		out, err := childproc.Output(cmd)
		if err != nil {
			t.Skipf("iconv TCVN5712-1: %v", err)
		}
		if got := DecodeTCVN3([]byte{byte(b)}); got != norm.NFC.String(string(out)) {
			t.Errorf("byte %#02x: got %q, iconv %q", b, got, out)
		}
	}
}

func TestLegacyRoundTrip(t *testing.T) {
	for _, enc := range []struct {
		name   string
		encode func(string) ([]byte, error)
		decode func([]byte) string
	}{{"tcvn3", EncodeTCVN3, DecodeTCVN3}, {"vni", EncodeVNI, DecodeVNI}} {
		b, err := enc.encode(legacySample)
		if err != nil {
			t.Fatalf("%s: encode: %v", enc.name, err)
		}
		if got := enc.decode(b); got != norm.NFC.String(legacySample) {
			t.Errorf("%s round trip:\n got %q\nwant %q", enc.name, got, legacySample)
		}
		if name, text := SniffLegacy(b, 4); name != enc.name || string(text) != legacySample {
			t.Errorf("SniffLegacy(%s bytes) = %q, %q", enc.name, name, text)
		}
	}
	if _, err := EncodeVNI("ö€"); err == nil {
		t.Error("EncodeVNI accepted a rune VNI cannot write")
	}
}

func TestSniffLegacy(t *testing.T) {
	w1258, err := charmap.Windows1258.NewEncoder().String(split1258("Quyết định về việc ban hành kế hoạch của Ủy ban nhân dân tỉnh"))
	if err != nil {
		t.Fatal(err)
	}
	if name, text := SniffLegacy([]byte(w1258), 4); name != "windows-1258" || !strings.Contains(string(text), "Quyết định") {
		t.Errorf("windows-1258: %q %q", name, text)
	}
	if name, _ := SniffLegacy([]byte("Chelsea activate \xa3716m clause"), 4); name != "" {
		t.Errorf("a lone pound sign read as %s", name)
	}
	for _, s := range []string{"Café crème brûlée à la française, très élégant.", "Straße Größe Übung", "plain ascii"} {
		b, _ := charmap.Windows1252.NewEncoder().String(s)
		if name, _ := SniffLegacy([]byte(b), 4); name != "" {
			t.Errorf("SniffLegacy(%q) = %q, want none", s, name)
		}
	}
}

func TestValidSyllable(t *testing.T) {
	for _, w := range strings.Fields("người được nghiêng khuya tuyển quý giờ gìn gì oan ạ Việt THUỞ hoà hòa quyết") {
		if !ValidSyllable(w) {
			t.Errorf("ValidSyllable(%q) = false", w)
		}
	}
	for _, w := range strings.Fields("Vieät Tieáng ViÖt ngöôøi street đượć xyz caf café") {
		if ValidSyllable(w) {
			t.Errorf("ValidSyllable(%q) = true", w)
		}
	}
}

func FuzzLegacyDecode(f *testing.F) {
	f.Add([]byte("Tieáng Vieät"))
	f.Add([]byte("Ti\xd5ng Vi\xd6t \xb3\xb4"))
	f.Add([]byte{0xff, 0x00, 0xc1, 0xe1})
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, s := range []string{DecodeVNI(b), DecodeTCVN3(b)} {
			if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
				t.Fatalf("invalid output %q for %q", s, b)
			}
		}
		if _, text := SniffLegacy(b, 4); text != nil && !utf8.Valid(text) {
			t.Fatalf("SniffLegacy: invalid UTF-8")
		}
	})
}

func latin1(s string) []byte {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, byte(r))
	}
	return b
}

// split1258 writes s as windows-1258 text does: shaped letters precomposed,
// tone marks combining.
func split1258(s string) string {
	var b strings.Builder
	for _, r := range s {
		if v := lookup(r); v.ok && v.tone > 0 {
			b.WriteRune(v.base)
			b.WriteRune(toneMarks[v.tone])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
