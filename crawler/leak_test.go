package crawler

import (
	"os"
	"testing"

	"github.com/vanban/vanban/internal/leaktest"
)

// TestMain fails the package when goroutines its tests started (a crawl's
// fetchers, its httptest servers' connections, a slow page's handler)
// outlive them (internal/leaktest).
func TestMain(m *testing.M) { os.Exit(leaktest.Main(m)) }
