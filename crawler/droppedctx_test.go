package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/internal/ctxtest"
)

// droppedFixture writes the records of three provincial departments'
// portals: sotuphap configured; sokhcn removed forty days ago (its run,
// frontier, evidence, learned state, URL states, a dead file and a
// case-fold record naming one of its states); sotttt removed tonight
// (its run and states, never aged). It returns the configured site.
func droppedFixture(t *testing.T, store *corpus.Store, now time.Time) *Site {
	t.Helper()
	site := &Site{Name: "sotuphap", Start: []string{"https://sotuphap.tinh.gov.vn/"},
		Allow: []string{`^https://sotuphap\.tinh\.gov\.vn/van-ban/[a-z0-9-]+\.html$`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	old := now.Add(-40 * 24 * time.Hour).UTC()
	var ops []corpus.KVOp
	put := func(ns, k string, v any) {
		b, ok := v.([]byte)
		if !ok {
			b, _ = json.Marshal(v)
		}
		ops = append(ops, corpus.KVOp{NS: ns, Key: k, Value: b})
	}
	for i, slug := range []string{"quyet-dinh-so-12-2028-qd-ubnd", "ke-hoach-so-45-kh-ubnd-cai-cach-hanh-chinh", "thong-bao-lich-tiep-cong-dan-quy-3"} {
		put(nsURL, "https://sotuphap.tinh.gov.vn/van-ban/"+slug+".html", urlState{ETag: fmt.Sprintf(`"tp%d"`, i), Run: "2028-03-01T20:00:00Z"})
		u := "https://sokhcn.tinh.gov.vn/tin-tuc/" + slug + ".html"
		put(nsURL, u, urlState{ETag: fmt.Sprintf(`"kh%d"`, i), Run: "2028-01-20T20:00:00Z", Dropped: old})
		put(nsFold, strings.ToLower(u)+"#"+slug, []byte(u))
		put(nsURL, "https://sotttt.tinh.gov.vn/thong-bao/"+slug+".html", urlState{ETag: fmt.Sprintf(`"tt%d"`, i), Run: "2028-03-01T20:00:00Z"})
		put(nsFrontier, fmt.Sprintf("sokhcn\x00%03d", i), []byte("https://sokhcn.tinh.gov.vn/tin-tuc/trang-"+fmt.Sprint(i+2)))
		put(nsEvidence, fmt.Sprintf("sokhcn\x00%03d", i), []byte("{}"))
		put(nsFrontier, fmt.Sprintf("sotttt\x00%03d", i), []byte("https://sotttt.tinh.gov.vn/thong-bao/trang-"+fmt.Sprint(i+2)))
	}
	put(nsRun, "sokhcn", []byte("2028-01-20T20:00:00Z"))
	put(nsSite, "sokhcn", []byte("{}"))
	put(nsMarks, "sokhcn", []byte("{}"))
	put(nsRun, "sotttt", []byte("2028-03-01T20:00:00Z"))
	put(nsSite, "sotttt", []byte("{}"))
	put(nsDropped, "sokhcn", []byte(old.Format(time.RFC3339Nano)))
	put(nsDeadFile, "https://sokhcn.tinh.gov.vn/Portals/0/files/BC-12-2028.pdf", DeadFile{URL: "https://sokhcn.tinh.gov.vn/Portals/0/files/BC-12-2028.pdf",
		Article: "https://sokhcn.tinh.gov.vn/tin-tuc/quyet-dinh-so-12-2028-qd-ubnd.html", Site: "sokhcn", Status: 404, Since: old, LastAsked: old})
	if err := store.ApplyKV(ops); err != nil {
		t.Fatal(err)
	}
	return site
}

// dumpCrawlKV is every record of the namespaces PruneDropped reads or
// writes, "ns key" → value.
func dumpCrawlKV(t *testing.T, store *corpus.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, ns := range []string{nsRun, nsFrontier, nsEvidence, nsSite, nsMarks, nsPending, nsDropped, nsDeadFile, nsURL, nsFold, nsConfig} {
		if err := store.ForEachKV(ns, func(k string, v []byte) error {
			out[ns+" "+k] = string(v)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// TestPruneDroppedCancelled: a prune whose context ends at any of its
// looks at it — in its reads or between its write transactions (one
// record each here) — returns an error wrapping context.Canceled that
// says it stopped (in its reads it has written nothing, not even the data
// directory's configuration), and the next prune ends exactly where an uninterrupted
// one does: no case-fold record left naming a deleted state, no dead
// file left of a site whose other records are gone.
func TestPruneDroppedCancelled(t *testing.T) {
	now := time.Date(2028, 3, 2, 20, 0, 0, 0, time.UTC)
	ref := openStore(t)
	site := droppedFixture(t, ref, now)
	want, err := pruneDropped(context.Background(), ref, []*Site{site}, now, PruneOptions{}, 1)
	if err != nil || want.Deleted != 3 || want.Kept != 3 || want.Runs != 1 {
		t.Fatalf("the uninterrupted prune: %+v %v", want, err)
	}
	wantKV := dumpCrawlKV(t, ref)
	for n := int64(0); ; n++ {
		store := openStore(t)
		droppedFixture(t, store, now)
		fixture := dumpCrawlKV(t, store)
		_, err := pruneDropped(ctxtest.New(n), store, []*Site{site}, now, PruneOptions{}, 1)
		if err == nil {
			if n < 10 {
				t.Fatalf("the prune looked at its context %d times: the test cancels nothing", n)
			}
			break
		}
		if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "stopped") {
			t.Fatalf("cancelled at look %d: %v; want an error saying it stopped, wrapping context.Canceled", n+1, err)
		}
		if strings.Contains(err.Error(), "before writing") && !maps.Equal(dumpCrawlKV(t, store), fixture) {
			t.Errorf("cancelled at look %d, in its reads (%v): records written", n+1, err)
		}
		if _, err := pruneDropped(context.Background(), store, []*Site{site}, now, PruneOptions{}, 1); err != nil {
			t.Fatalf("the prune after one cancelled at look %d: %v", n+1, err)
		}
		if got := dumpCrawlKV(t, store); !maps.Equal(got, wantKV) {
			for k, v := range wantKV {
				if got[k] != v {
					t.Errorf("cancelled at look %d, then pruned: %q = %q, want %q", n+1, k, got[k], v)
				}
			}
			for k, v := range got {
				if _, ok := wantKV[k]; !ok {
					t.Errorf("cancelled at look %d, then pruned: %q = %q left, want it deleted", n+1, k, v)
				}
			}
		}
	}
}

// TestPruneOtherConfig: only the data directory's configuration prunes.
// A data directory crawled nightly with /etc/vanban/sites.toml, then
// every night for five weeks with a test file of one site
// (test-sotuphap.toml): the test file ages nothing and says whose the
// directory is (before: its first night marked the other sites' states,
// and after a month deleted them with their runs); the directory's file
// prunes; --prune (Adopt) makes the test file the directory's.
func TestPruneOtherConfig(t *testing.T) {
	const home, other = "/etc/vanban/sites.toml", "/home/canbo/test-sotuphap.toml"
	now := time.Date(2028, 3, 2, 20, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name     string
		recorded string // the directory's configuration before ("": none yet)
		config   string
		adopt    bool
		wantHome string // the directory's configuration after
		pruned   bool
	}{
		{"the first crawl of a directory", "", home, false, home, true},
		{"the directory's own file", home, home, false, home, true},
		{"a test file of one site", home, other, false, home, false},
		{"a test file with --prune", home, other, true, other, true},
		{"the directory's own file with --prune", home, home, true, home, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := openStore(t)
			site := droppedFixture(t, store, now)
			if tc.recorded != "" {
				if err := store.PutKV(nsConfig, configKey, []byte(tc.recorded)); err != nil {
					t.Fatal(err)
				}
			}
			before := dumpCrawlKV(t, store)
			var d Dropped
			var err error
			for night := range 36 { // five weeks of the same file
				opt := PruneOptions{Config: tc.config, Adopt: tc.adopt && night == 0}
				if d, err = PruneDropped(context.Background(), store, []*Site{site}, now.Add(time.Duration(night)*24*time.Hour), opt); err != nil {
					t.Fatal(err)
				}
			}
			after := dumpCrawlKV(t, store)
			if got := after[nsConfig+" "+configKey]; got != tc.wantHome {
				t.Errorf("the directory's configuration %q, want %q", got, tc.wantHome)
			}
			delete(before, nsConfig+" "+configKey)
			delete(after, nsConfig+" "+configKey)
			if pruned := !maps.Equal(before, after); pruned != tc.pruned {
				t.Errorf("records changed %v, want %v (%d records before, %d after)", pruned, tc.pruned, len(before), len(after))
			}
			if wantOther := map[bool]string{false: home}[tc.pruned]; d.Other != wantOther {
				t.Errorf("Other %q, want %q", d.Other, wantOther)
			}
			if tc.pruned && (d.Other != "" || len(after) >= len(before)) {
				t.Errorf("pruned: %+v; want the removed sites' records deleted after the month", d)
			}
		})
	}
}
