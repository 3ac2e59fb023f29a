package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUpgradingMarkDocumented: the upgrading mark the documents quote is
// the one this binary writes (upgradingFormat). A user reads it in an
// older binary's refusal and looks it up; the documents named graph 27
// after graph.Version became 28 (docs/log/i28-rev-upgrade.md). README
// quotes the whole mark; design.md and doc.go its start, before "(…".
func TestUpgradingMarkDocumented(t *testing.T) {
	mark := upgradingFormat("6")
	start, _, _ := strings.Cut(mark, " (")
	for _, tc := range []struct {
		file, want string
	}{
		{"../README.md", mark},
		{"../docs/design.md", start + " (…)"},
		{"doc.go", start + " (half done: …)"},
	} {
		raw, err := os.ReadFile(filepath.FromSlash(tc.file))
		if err != nil {
			t.Fatal(err)
		}
		// the documents wrap lines; doc.go's comment lines begin with //
		text := strings.Join(strings.Fields(strings.ReplaceAll(string(raw), "//", " ")), " ")
		if !strings.Contains(text, tc.want) {
			t.Errorf("%s does not quote the upgrading mark %q", tc.file, tc.want)
		}
	}
}
