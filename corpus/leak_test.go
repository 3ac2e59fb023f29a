package corpus

import (
	"os"
	"testing"

	"github.com/vanban/vanban/internal/leaktest"
)

// TestMain fails the package when goroutines its tests started (a store's
// waiters, a compaction's reopen) outlive them (internal/leaktest).
func TestMain(m *testing.M) { os.Exit(leaktest.Main(m)) }
