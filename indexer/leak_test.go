package indexer

import (
	"os"
	"testing"

	"github.com/vanban/vanban/internal/leaktest"
)

// TestMain fails the package when goroutines its tests started (an index's
// persister and merger, a build's workers) outlive them
// (internal/leaktest).
func TestMain(m *testing.M) { os.Exit(leaktest.Main(m)) }
