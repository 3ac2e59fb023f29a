package crawler

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadConfigSample(t *testing.T) {
	c, err := LoadConfig(filepath.Join("..", "sites.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Sites) != 2 || c.Sites[0].Name != "binhduong" {
		t.Fatalf("sample config sites = %d", len(c.Sites))
	}
	bd := c.Sites[0]
	for _, tt := range []struct {
		url              string
		allowed, article bool
	}{
		{"https://www.binhduong.gov.vn/chinh-quyen-tin-chi-dao-dieu-hanh/2023/10/548-binh-duong-phan-dau-den-nam-2030", true, true},
		{"https://www.binhduong.gov.vn/tin-tuc/tin-kinh-te", true, false},
		{"https://www.binhduong.gov.vn/lists/tintucsukien/tongquat.aspx?pageindex=104", true, false},
		{"https://www.binhduong.gov.vn/_layouts/15/login.aspx", false, false},
		{"https://example.org/2023/10/1-x", false, false},
	} {
		if got := bd.allowed(tt.url); got != tt.allowed {
			t.Errorf("Allowed(%s) = %v, want %v", tt.url, got, tt.allowed)
		}
		if tt.allowed {
			if got := bd.isArticle(tt.url); got != tt.article {
				t.Errorf("IsArticle(%s) = %v, want %v", tt.url, got, tt.article)
			}
		}
	}
}

func TestLoadConfigErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"syntax", "[[site]]\nname = \"a\nstart = []\n", ":2:"},
		{"bad regexp", "[[site]]\nname = \"a\"\nstart = [\"http://x/\"]\nallow = ['(']\n", ":4:"},
		{"unknown key", "[[site]]\nname = \"a\"\nstart = [\"http://x/\"]\nallow = ['x']\nspeed = 3\n", ":5:"},
		{"no allow", "[[site]]\nname = \"a\"\nstart = [\"http://x/\"]\n", "no allow"},
		{"no sites", "user_agent = \"x\"\n", "no [[site]]"},
		{"bad delay", "[[site]]\nname = \"a\"\nstart = [\"http://x/\"]\nallow = ['x']\ndelay = \"soon\"\n", ":5: time: invalid duration"},
		{"not http", "[[site]]\nname = \"a\"\nstart = [\"ftp://x/\"]\nallow = ['x']\n", ":3:"},
		{"attachment host with a scheme", "[[site]]\nname = \"a\"\nstart = [\"http://x/\"]\nallow = ['x']\nattachment_hosts = [\"https://datafiles.chinhphu.vn\"]\n", ":5: site \"a\": attachment host"},
		{"attachments not a bool", "[[site]]\nname = \"a\"\nstart = [\"http://x/\"]\nallow = ['x']\nattachments = \"yes\"\n", ":5:"},
		{"negative file size", "[files]\nmax_mb = -1\n\n[[site]]\nname = \"a\"\nstart = [\"http://x/\"]\nallow = ['x']\n", ":2: [files] max_mb"},
		{"bad file timeout", "[files]\ntimeout = \"long\"\n\n[[site]]\nname = \"a\"\nstart = [\"http://x/\"]\nallow = ['x']\n", ":2:"},
		{"unknown files key", "[files]\nmax_ocr = 3\n\n[[site]]\nname = \"a\"\nstart = [\"http://x/\"]\nallow = ['x']\n", ":2:"},
	}
	for _, tt := range tests {
		p := filepath.Join(t.TempDir(), "c.toml")
		os.WriteFile(p, []byte(tt.text), 0o644)
		_, err := LoadConfig(p)
		var ce *ConfigError
		if !errors.As(err, &ce) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want a ConfigError containing %q", tt.name, err, tt.want)
		}
	}
}
