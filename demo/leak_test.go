package demo_test

import (
	"os"
	"testing"

	"github.com/vanban/vanban/internal/leaktest"
)

// TestMain fails the package when goroutines its tests started (the demo
// portal's server, its clients' connections) outlive them
// (internal/leaktest).
func TestMain(m *testing.M) { os.Exit(leaktest.Main(m)) }
