package crawler

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// TestDroppedKeepsSeeds: a configured site's start pages and feeds are
// its pages though its allow patterns need not match them (enqueue admits
// them; sites.toml's chinhphu.vn starts at the home page "/" while its
// allow wants a path). Their states stay; only a URL no configured site
// admits is aged.
func TestDroppedKeepsSeeds(t *testing.T) {
	const base = "https://sotuphap.hanoi.gov.vn"
	site := &Site{Name: "sotuphap", Start: []string{base + "/", base + "/van-ban-phap-luat"},
		Feeds: []string{base + "/rss/thong-bao.rss"}, Allow: []string{`^` + base + `/van-ban-phap-luat(/[a-z0-9-]+\.html)?$`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, url string
		dropped   bool
	}{
		{"the home page, a start outside allow", base + "/", false},
		{"a start inside allow", base + "/van-ban-phap-luat", false},
		{"the feed", base + "/rss/thong-bao.rss", false},
		{"a notice allowed", base + "/van-ban-phap-luat/quyet-dinh-so-12-2028-qd-ubnd.html", false},
		{"a page no site admits", base + "/tin-tuc/hoi-nghi-tong-ket-cong-tac-tu-phap-nam-2027.html", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := openStore(t)
			b, _ := json.Marshal(urlState{ETag: `"a1"`, Run: "2028-03-01T20:00:00Z"})
			if err := store.PutKV(nsURL, tc.url, b); err != nil {
				t.Fatal(err)
			}
			if _, err := PruneDropped(store, []*Site{site}, time.Date(2028, 3, 2, 20, 0, 0, 0, time.UTC)); err != nil {
				t.Fatal(err)
			}
			v, err := store.GetKV(nsURL, tc.url)
			if err != nil || v == nil {
				t.Fatalf("state gone: %v", err)
			}
			s, err := decodeState(tc.url, v)
			if err != nil {
				t.Fatal(err)
			}
			if got := !s.Dropped.IsZero(); got != tc.dropped {
				t.Errorf("%s: aged as no site's %v, want %v", tc.url, got, tc.dropped)
			}
		})
	}
}

var _ = corpus.KVOp{}
