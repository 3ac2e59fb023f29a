// Package srcwalk owns the rule of which directories under the module root
// hold the project's own source: the checks that read every file
// (internal/docscheck, internal/testcheck) walk the tree through it, so the
// rule has one owner.
package srcwalk

import (
	"io/fs"
	"path/filepath"
	"strings"
)

// Skipped reports whether a directory of that name holds no source of the
// module's own: a dot directory (.git, .ci), vendor (others' code) and
// testdata (inputs, which the go tool ignores too).
func Skipped(name string) bool {
	return strings.HasPrefix(name, ".") || name == "vendor" || name == "testdata"
}

// Files calls fn with the path of every file under root whose name ends in
// ext, in lexical order, outside the Skipped directories (root itself is
// walked whatever its name). An error from fn or the walk ends it.
func Files(root, ext string, fn func(path string) error) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && Skipped(d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ext) {
			return nil
		}
		return fn(p)
	})
}
