package main

import (
	"strings"
	"testing"
)

// TestStatusShowsLearned: after a crawl, `vanban status` shows what the
// crawler inferred about each site: its date order per date style (the
// demo portal's list view prints "6/30/2025 10:00 AM", its articles
// "30/06/2025 - 15:04") and its title suffix. The demo config sets no
// date_order.
func TestStatusShowsLearned(t *testing.T) {
	data, cfg := demoPortal(t)
	if code, _, stderr := runCmd(t, "--data", data, "crawl", "--config", cfg); code != 0 {
		t.Fatalf("crawl: exit %d: %s", code, stderr)
	}
	code, out, _ := runCmd(t, "--data", data, "status")
	for _, want := range []string{"site demo: dates ", `"5/6/2024 3:04 PM" mdy`, `"05/06/2024 15:04" dmy`, `" - Cổng Thông tin điện tử tỉnh Phú An"`} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("status: exit %d, lacks %q:\n%s", code, want, out)
		}
	}
}
