package docscheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRepository checks this repository: README.md and docs/**/*.md link
// only to files that exist, and every docs/… file a Go comment names exists,
// with the section it names after the path, if any.
func TestRepository(t *testing.T) {
	root := filepath.Join("..", "..")
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("repository root not found from the package directory: %v", err)
	}
	md, err := Markdown(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range md {
		t.Errorf("broken Markdown link %s", b)
	}
	gc, err := GoComments(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range gc {
		t.Errorf("Go comment names a missing file or section %s", b)
	}
}

// TestCheckers writes small trees to a temporary directory and proves the
// checks find each kind of broken reference and pass the good ones.
func TestCheckers(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // File:Line: Target, in order (Markdown first, then Go)
	}{
		{
			name: "all good",
			files: map[string]string{
				"README.md":          "See [design](docs/design.md#packages), ![s](docs/a%20b.png), [web](https://example.org/x.md), [top](#set-up).\n",
				"docs/design.md":     "# d\n\n## Packages and data flow\n\n[the log](log/README.md) and [mail](mailto:a@b.c)\n",
				"docs/a b.png":       "",
				"docs/log/README.md": "[x](x.md) [up](../design.md)\n",
				"docs/log/x.md":      "# x\n\n## 1 One\n",
				"p/p.go":             "// Package p: docs/log/x.md, 100 docs/s, ../shared/docs/gone.md §3.\npackage p\n",
				// a section named after a path, on the same line or the next, in any case
				"p/q.go": "package p\n\n// Q: docs/design.md, \"Packages\"; docs/log/x.md §1 and\n// docs/design.md,\n// \"packages and\n// data flow\".\nvar Q = 1\n",
			},
		},
		{
			name: "broken markdown and comment",
			files: map[string]string{
				"README.md":      "line one\n[gone](docs/gone.md)\n",
				"docs/design.md": "# d\n\n## Goals\n\n```\n[in a fence](nowhere.md)\n## i17-para (in a fence: no heading)\n```\n[old](log/i99-x.md \"title\")\n",
				"p/p.go":         "package p\n\n// F is described in\n// docs/log/i99-y.md.\nfunc F() {}\n",
				"p/q.go":         "package p\n\n/* two lines,\n the second docs/design.md and docs/old.md */\nvar _ = 1\n",
				// sections that moved away, and one that is still there
				"p/r.go": "package p\n\n// R: docs/design.md \"i17-para\", docs/design.md\n// §4, docs/design.md, \"Goals\".\nvar R = 1\n",
			},
			want: []string{"README.md:2: docs/gone.md", "docs/design.md:9: log/i99-x.md", "p/p.go:4: docs/log/i99-y.md", "p/q.go:4: docs/old.md",
				`p/r.go:3: docs/design.md "i17-para"`, "p/r.go:3: docs/design.md §4"},
		},
		{
			name: "no docs directory",
			files: map[string]string{
				"README.md": "[d](docs/design.md)\n",
			},
			want: []string{"README.md:1: docs/design.md"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			for p, body := range tc.files {
				full := filepath.Join(root, filepath.FromSlash(p))
				if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(full, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			md, err := Markdown(root)
			if err != nil {
				t.Fatal(err)
			}
			gc, err := GoComments(root)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range append(md, gc...) {
				got = append(got, filepath.ToSlash(b.String()))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
