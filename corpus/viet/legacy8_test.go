package viet

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/internal/childproc"
)

// checkAgainst decodes every byte with decode and with the command, which
// reads one byte on stdin and writes UTF-8; bytes the command leaves
// undefined (U+FFFD) are skipped. Without the command the test skips,
// unless CI=true.
func checkAgainst(t *testing.T, decode func([]byte) string, name string, args ...string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		requireTool(t, name)
		return
	}
	for b := 0; b < 256; b++ {
		cmd := exec.Command(name, args...)
		cmd.Stdin = bytes.NewReader([]byte{byte(b)})
		out, err := childproc.Output(cmd)
		if err != nil {
			t.Fatalf("%s %v: %v", name, args, err)
		}
		if string(out) == "\ufffd" {
			continue
		}
		if got := decode([]byte{byte(b)}); got != norm.NFC.String(string(out)) {
			t.Errorf("byte %#02x: got %q, %s %q", b, got, name, out)
		}
	}
}

func TestVISCIIMatchesIconv(t *testing.T) {
	checkAgainst(t, DecodeVISCII, "iconv", "-f", "VISCII", "-t", "UTF-8")
}

func TestVPSMatchesRecode(t *testing.T) {
	checkAgainst(t, DecodeVPS, "recode", "-f", "VPS..UTF-8")
}

func TestSingleByteTables(t *testing.T) {
	tests := []struct {
		name   string
		decode func([]byte) string
		b      []byte
		want   string
	}{
		{"viscii", DecodeVISCII, []byte("Ti\xaang Vi\xaet"), "Tiếng Việt"},
		{"viscii", DecodeVISCII, []byte("ng\xdf\xb6i \xf0\xdf\xfec"), "người được"},
		{"vps", DecodeVPS, []byte("Ti\x89ng Vi\x8ct"), "Tiếng Việt"},
		{"vps", DecodeVPS, []byte("ng\xdc\xa9i \xc7\xdc\xaec"), "người được"},
	}
	for _, tt := range tests {
		if got := tt.decode(tt.b); got != tt.want {
			t.Errorf("%s(%q) = %q, want %q", tt.name, tt.b, got, tt.want)
		}
	}
}

// TestSingleByteRoundTrip encodes the sample, decodes it back and sniffs
// it. VPS has no byte for "Ỗ" (see legacy8.go): its sample goes without.
func TestSingleByteRoundTrip(t *testing.T) {
	for _, enc := range []struct {
		name   string
		sample string
		encode func(string) ([]byte, error)
		decode func([]byte) string
	}{
		{"viscii", legacySample, EncodeVISCII, DecodeVISCII},
		{"vps", strings.ReplaceAll(legacySample, "Ỗ", "Ô"), EncodeVPS, DecodeVPS},
	} {
		b, err := enc.encode(enc.sample)
		if err != nil {
			t.Fatalf("%s: encode: %v", enc.name, err)
		}
		if got := enc.decode(b); got != norm.NFC.String(enc.sample) {
			t.Errorf("%s round trip:\n got %q\nwant %q", enc.name, got, enc.sample)
		}
		if name, text := SniffLegacy(b, 4); name != enc.name || string(text) != enc.sample {
			t.Errorf("%s sniffed as %q", enc.name, name)
		}
	}
	if _, err := EncodeVPS("Ỗ"); err != ErrUnrepresentable {
		t.Errorf("EncodeVPS(Ỗ): %v, want ErrUnrepresentable", err)
	}
}

// TestSniffProse: ordinary prose (not the all-letters sample) in each
// legacy encoding is told apart from the others.
func TestSniffProse(t *testing.T) {
	prose := "Ủy ban nhân dân tỉnh yêu cầu các sở, ngành khẩn trương triển khai kế hoạch, báo cáo kết quả thực hiện trước ngày mười lăm hằng tháng."
	for _, enc := range []struct {
		name   string
		encode func(string) ([]byte, error)
	}{{"tcvn3", EncodeTCVN3}, {"vni", EncodeVNI}, {"viscii", EncodeVISCII}, {"vps", EncodeVPS}} {
		b, err := enc.encode(prose)
		if err != nil {
			t.Fatalf("%s: %v", enc.name, err)
		}
		if name, text := SniffLegacy(b, 4); name != enc.name || string(text) != prose {
			t.Errorf("%s prose sniffed as %q: %q", enc.name, name, text)
		}
	}
}

// requireTool skips a test that needs a system tool, or fails it under
// CI=true, where .ci/run installs the tool.
func requireTool(t *testing.T, name string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is required under CI=true (.ci/run installs it)", name)
	}
	t.Skipf("%s not installed; skipping", name)
}
