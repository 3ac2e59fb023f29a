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
		// Issue 15, item 9: these ran for minutes, fetched nothing for a
		// year, or became 1 without a word.
		{"huge concurrency", "[[site]]\nname = \"a\"\nstart = [\"http://x/\"]\nallow = ['x']\nconcurrency = 100000000\n", ":5: site \"a\": concurrency = 100000000 is out of range: 1 to 64"},
		{"negative concurrency", "[[site]]\nname = \"a\"\nstart = [\"http://x/\"]\nallow = ['x']\ndelay = \"1s\"\nconcurrency = -1\n", ":6: site \"a\": concurrency = -1 is out of range"},
		{"delay of a year", "[[site]]\nname = \"a\"\nstart = [\"http://x/\"]\nallow = ['x']\n\n  delay = \"8760h\"\n", ":6: site \"a\": delay = \"8760h0m0s\" is out of range: 0s to 10m0s"},
		{"negative delay", "[[site]]\nname = \"a\"\nstart = [\"http://x/\"]\nallow = ['x']\ndelay = \"-1s\"\n", ":5: site \"a\": delay"},
		{"second site", "[[site]]\nname = \"a\"\nstart = [\"http://x/\"]\nallow = ['x']\nconcurrency = 2\n[site.select]\ntitle = \"h1\"\n[[site]]\nname = \"b\"\nstart = [\"http://y/\"]\nallow = ['y']\nconcurrency = 65\n", ":12: site \"b\": concurrency = 65"},
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
