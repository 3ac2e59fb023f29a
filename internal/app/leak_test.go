package app

import (
	"os"
	"testing"

	"github.com/vanban/vanban/internal/leaktest"
)

// TestMain fails the package when goroutines its tests started (a
// server's, a crawl's, a client's connection, a scheduled job) outlive
// them (internal/leaktest).
func TestMain(m *testing.M) { os.Exit(leaktest.Main(m)) }
