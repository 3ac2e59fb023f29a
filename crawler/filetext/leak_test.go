package filetext

import (
	"os"
	"testing"

	"github.com/vanban/vanban/internal/leaktest"
)

// TestMain fails the package when goroutines its tests started (a
// converter's pipes and its waiting) outlive them (internal/leaktest).
func TestMain(m *testing.M) { os.Exit(leaktest.Main(m)) }
