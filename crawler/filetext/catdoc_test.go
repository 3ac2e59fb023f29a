package filetext

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/shared"
)

// TestDOCLegacyThroughCatdoc reads a real TCVN3 .doc (typed in .VnTime:
// "ư" is the byte 0xAD, U+00AD as windows-1252) by both of readDOC's
// tools: antiword, and catdoc — the fallback when antiword refuses a file,
// forced here by an antiword stand-in that refuses every file (the tool
// misbehaving, not our code). catdoc's own maps drop U+00AD, so "Chương
// trình" came out "Chơng trình" through it; both tools must keep every
// "ư" and agree on the words.
func TestDOCLegacyThroughCatdoc(t *testing.T) {
	requireTools(t, "antiword", "catdoc")
	path := filepath.Join(shared.Path(t, "data", "attachments"), "files", "2005-QD-256.doc")
	data, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the TCVN3 .doc of ../shared/data/attachments is required under CI=true: %v", err)
		}
		t.Skipf("no TCVN3 .doc in ../shared/data/attachments: %v", err)
	}
	read := func(t *testing.T) *Result {
		r := NewReader(Options{NoOCR: true})
		res, err := r.Read(context.Background(), "256.doc", data)
		if err != nil {
			t.Fatal(err)
		}
		if res.Encoding != "tcvn3" {
			t.Errorf("encoding %q; want tcvn3", res.Encoding)
		}
		return res
	}
	text := func(res *Result) string {
		var b strings.Builder
		for _, p := range res.PageText {
			b.WriteString(p.Text)
			b.WriteByte('\n')
		}
		return b.String()
	}
	anti := text(read(t))
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skipf("no sh: %v", err)
	}
	catdoc, _ := exec.LookPath("catdoc")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "antiword"), []byte("#!"+sh+"\necho \"$3 is not a Word Document.\" >&2; exit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(catdoc, filepath.Join(dir, "catdoc")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	cat := text(read(t))
	for _, want := range []string{"Chương trình", "Thường vụ", "Thủ tướng"} {
		for name, got := range map[string]string{"antiword": anti, "catdoc": cat} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: no %q in the text", name, want)
			}
		}
	}
	if a, c := strings.Count(anti, "ư")+strings.Count(anti, "Ư"), strings.Count(cat, "ư")+strings.Count(cat, "Ư"); c < a*9/10 {
		t.Errorf("catdoc's text holds %d ư, antiword's %d", c, a)
	}
}
