package app

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
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatalf("crawl: %v: %s", err, stderr)
	}
	out, _, err := call(t, data, RunStatus, StatusOptions{N: 10})
	for _, want := range []string{"site demo: dates ", `"5/6/2024 3:04 PM" mdy`, `"05/06/2024 15:04" dmy`, `title suffix " - Cổng Thông tin điện tử tỉnh Phú An"`} {
		if err != nil || !strings.Contains(out, want) {
			t.Errorf("status: %v, lacks %q:\n%s", err, want, out)
		}
	}
}
