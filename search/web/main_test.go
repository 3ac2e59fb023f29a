package web

import (
	"os"
	"testing"

	"github.com/vanban/vanban/internal/leaktest"
)

// TestMain fails the package when goroutines its tests started (a
// handler's, a connection's, a browser's) outlive them (internal/leaktest).
func TestMain(m *testing.M) { os.Exit(leaktest.Main(m)) }
