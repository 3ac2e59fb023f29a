// Package shared locates the ../shared data directory (real Vietnamese
// evaluation sets, HTML pages, citations) that lives beside the project.
// Tests that need it skip when it is absent on a developer's fresh clone and
// fail when CI=true, where it must be present.
package shared

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Find returns the shared directory: $VANBAN_SHARED when set, else the
// "shared" sibling of the module root found by walking up from the working
// directory.
func Find() (string, error) {
	if d := os.Getenv("VANBAN_SHARED"); d != "" {
		return d, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			s := filepath.Join(filepath.Dir(dir), "shared")
			if fi, err := os.Stat(s); err == nil && fi.IsDir() {
				return s, nil
			}
			return "", errors.New("shared: no ../shared beside the module root " + dir)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("shared: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Path returns filepath.Join(shared, elem...) for a test. When the shared
// directory or the file is missing it skips the test with a message, or
// fails it when the CI environment variable is "true".
func Path(t testing.TB, elem ...string) string {
	t.Helper()
	dir, err := Find()
	if err == nil {
		p := filepath.Join(append([]string{dir}, elem...)...)
		if _, err = os.Stat(p); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("shared data required under CI=true: %v", err)
	}
	t.Skipf("shared data not available (%v); skipping", err)
	return ""
}
