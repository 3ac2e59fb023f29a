// Package docscheck owns the check that the project's documents point at
// files that exist: every relative Markdown link in README.md and
// docs/**/*.md, and every docs/… file (and the section after it) named in
// a Go comment. The design,
// performance and ranking documents link into docs/log/ for their reasons
// and figures, and Go comments cite docs/log/<name>.md; a renamed or moved
// file breaks them silently, so the test of this package fails on one.
package docscheck

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/vanban/vanban/internal/srcwalk"
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
// under root (srcwalk.Files: vendor, testdata and dot directories skipped)
// that does not exist under root, and every section named right after a Markdown file's
// path (`, "Heading"` or ` §3`, see sectionRef) that the file has no
// heading for: a reference to a section that moved to docs/log/ is broken
// too.
func GoComments(root string) ([]Broken, error) {
	var out []Broken
	fset := token.NewFileSet()
	err := srcwalk.Files(root, ".go", func(p string) error {
		f, err := parser.ParseFile(fset, p, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return fmt.Errorf("docscheck: %w", err)
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		for _, cg := range f.Comments {
			out = append(out, commentRefs(root, rel, fset, cg)...)
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

// sectionRef is a section named right after a document's path: `, "Heading"`
// (also on the comment's next line) or ` §N`.
var sectionRef = regexp.MustCompile(`^[,:]?\s*(?:"([^"]+)"|§(\d+))`)

// commentRefs checks the docs/… paths of one comment group, and for a
// Markdown file the section a path names after it: a heading of the file
// (any level) must start with the name, or with "N " for §N.
func commentRefs(root, rel string, fset *token.FileSet, cg *ast.CommentGroup) []Broken {
	var lines []string
	var lineNo []int
	for _, c := range cg.List {
		text := c.Text
		start := fset.Position(c.Pos()).Line
		if strings.HasPrefix(text, "//") {
			text = text[2:]
		} else {
			text = strings.TrimSuffix(strings.TrimPrefix(text, "/*"), "*/")
		}
		for i, l := range strings.Split(text, "\n") {
			lines = append(lines, l)
			lineNo = append(lineNo, start+i)
		}
	}
	joined := strings.Join(lines, "\n")
	var out []Broken
	for _, m := range docPath.FindAllStringSubmatchIndex(joined, -1) {
		path := joined[m[2]:m[3]]
		line := lineNo[strings.Count(joined[:m[2]], "\n")]
		full := filepath.Join(root, filepath.FromSlash(path))
		if !exists(full) {
			out = append(out, Broken{File: rel, Line: line, Target: path})
			continue
		}
		sec := sectionRef.FindStringSubmatch(joined[m[3]:])
		if sec == nil || !strings.HasSuffix(path, ".md") {
			continue
		}
		name, num := strings.Join(strings.Fields(sec[1]), " "), sec[2]
		if !hasHeading(full, name, num) {
			target := path + " §" + num
			if num == "" {
				target = path + " \"" + name + "\""
			}
			out = append(out, Broken{File: rel, Line: line, Target: target})
		}
	}
	return out
}

// hasHeading reports whether the Markdown file has a heading, outside
// fenced code, starting with name (case folded), or with num and a space.
func hasHeading(path, name, num string) bool {
	data, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	fence := false
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			fence = !fence
			continue
		}
		if fence || !strings.HasPrefix(l, "#") {
			continue
		}
		h := strings.TrimSpace(strings.TrimLeft(l, "#"))
		if num != "" && strings.HasPrefix(h, num+" ") {
			return true
		}
		if name != "" && strings.HasPrefix(strings.ToLower(h), strings.ToLower(name)) {
			return true
		}
	}
	return false
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
