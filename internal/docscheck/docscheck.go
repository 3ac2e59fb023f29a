// Package docscheck owns the check that the project's documents point at
// files that exist: every relative Markdown link in README.md and
// docs/**/*.md, and every docs/… file named in a Go comment. The design,
// performance and ranking documents link into docs/log/ for their reasons
// and figures, and Go comments cite docs/log/<name>.md; a renamed or moved
// file breaks them silently, so the test of this package fails on one.
package docscheck

import (
	"bufio"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Broken is one reference to a file that does not exist.
type Broken struct {
	File   string // the referring file, relative to the root
	Line   int
	Target string // the link or path as written
}

func (b Broken) String() string { return fmt.Sprintf("%s:%d: %s", b.File, b.Line, b.Target) }

// mdLink is an inline Markdown link or image: [text](target "title").
var mdLink = regexp.MustCompile(`!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`)

// docPath is a docs/… file named in prose: a path under docs/ ending in a
// file extension, not part of a longer path (../shared/docs/x.md is not ours).
var docPath = regexp.MustCompile(`(?:^|[^A-Za-z0-9_./-])(docs/[A-Za-z0-9_./-]*\.[A-Za-z0-9]{1,5})`)

// Markdown reports the relative links of root/README.md and every .md file
// under root/docs whose target file does not exist. Links with a scheme
// (https:, mailto:) and in-page anchors are not checked; a link's #fragment
// and ?query are dropped; links inside fenced code blocks are skipped.
func Markdown(root string) ([]Broken, error) {
	files := []string{"README.md"}
	err := filepath.WalkDir(filepath.Join(root, "docs"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			files = append(files, rel)
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		return nil, fmt.Errorf("docscheck: walk docs: %w", err)
	}
	var out []Broken
	for _, rel := range files {
		b, err := markdownFile(root, rel)
		if err != nil {
			return nil, err
		}
		out = append(out, b...)
	}
	return out, nil
}

func markdownFile(root, rel string) ([]Broken, error) {
	f, err := os.Open(filepath.Join(root, rel))
	if err != nil {
		if os.IsNotExist(err) && rel == "README.md" {
			return nil, nil
		}
		return nil, fmt.Errorf("docscheck: %w", err)
	}
	defer f.Close()
	var out []Broken
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 4<<20)
	fence, line := false, 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(text), "```") {
			fence = !fence
			continue
		}
		if fence {
			continue
		}
		for _, m := range mdLink.FindAllStringSubmatch(text, -1) {
			target := m[1]
			if !local(target) {
				continue
			}
			p := target
			if i := strings.IndexAny(p, "#?"); i >= 0 {
				p = p[:i]
			}
			if u, err := url.PathUnescape(p); err == nil {
				p = u
			}
			if !exists(filepath.Join(root, filepath.Dir(rel), filepath.FromSlash(p))) {
				out = append(out, Broken{File: rel, Line: line, Target: target})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("docscheck: read %s: %w", rel, err)
	}
	return out, nil
}

// local reports whether a link target is a relative file path.
func local(target string) bool {
	if target == "" || strings.HasPrefix(target, "#") || strings.HasPrefix(target, "/") {
		return false
	}
	if i := strings.Index(target, ":"); i >= 0 && !strings.ContainsAny(target[:i], "/#?") {
		return false // a scheme: https:, mailto:
	}
	return true
}

// GoComments reports every docs/… file named in a comment of a .go file
// under root (vendor, testdata and dot directories skipped) that does not
// exist under root.
func GoComments(root string) ([]Broken, error) {
	var out []Broken
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			n := d.Name()
			if p != root && (strings.HasPrefix(n, ".") || n == "vendor" || n == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return fmt.Errorf("docscheck: %w", err)
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				for i, text := range strings.Split(c.Text, "\n") {
					for _, m := range docPath.FindAllStringSubmatch(text, -1) {
						if !exists(filepath.Join(root, filepath.FromSlash(m[1]))) {
							out = append(out, Broken{File: rel, Line: fset.Position(c.Pos()).Line + i, Target: m[1]})
						}
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out, nil
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
