package main

import (
	"os"
	"testing"

	"github.com/vanban/vanban/internal/leaktest"
)

// TestMain fails the package when goroutines its tests started (a
// command's server, its client's connection) outlive them
// (internal/leaktest).
func TestMain(m *testing.M) { os.Exit(leaktest.Main(m)) }
