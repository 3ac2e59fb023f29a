package crawler

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// TestDroppedSiteRecords: two sections of a provincial portal crawled as
// two sites; the second's run is stopped (its frontier, its run and its
// evidence in the store) and the site is then removed from the
// configuration. PruneDropped, given the configured sites:
//
//   - keeps its run, frontier and evidence, its URL states and learned
//     state for missForget (a site re-added within it resumes its run,
//     with its validators, its suspects and its marks), then deletes
//     them;
//   - leaves the configured site's records alone, and a site re-added
//     before the wait keeps everything.
func TestDroppedSiteRecords(t *testing.T) {
	const a, b = "ke-hoach-chuyen-doi-so-2028", "lich-tiep-cong-dan-quy-3"
	p := &pagedPortal{docs: map[string]string{
		a: softArticle("Thông báo số 14/TB-UBND", "Triển khai Kế hoạch chuyển đổi số năm 2028 tại các sở, ban, ngành và Ủy ban nhân dân cấp huyện."),
		b: softArticle("Thông báo số 15/TB-VP", "Lịch tiếp công dân quý III năm 2028 của Chủ tịch Ủy ban nhân dân tỉnh tại Trụ sở tiếp công dân."),
	}, page1: []string{a}, page2: []string{b}}
	srv := httptest.NewServer(p)
	defer srv.Close()
	mk := func(name, allow string) *Site {
		s := &Site{Name: name, Start: []string{srv.URL + "/thong-bao"}, Allow: []string{"^" + srv.URL + allow}, Article: []string{`/thong-bao/.+\.html$`}, Concurrency: 1}
		if err := s.compile(); err != nil {
			t.Fatal(err)
		}
		return s
	}
	kept := mk("thongbao", "/thong-bao($|/[a-z0-9-]+\\.html$)")                    // the section's first page and its notices
	dropped := mk("thongbao-trang", "/thong-bao(/trang-2$|$|/[a-z0-9-]+\\.html$)") // with its second page: a site of its own, removed later
	for _, tc := range []struct {
		name    string
		readded bool // configured again before the wait ends
	}{{"removed", false}, {"re-added within the wait", true}} {
		t.Run(tc.name, func(t *testing.T) {
			store := openStore(t)
			c := testCrawler(t, store)
			if rep, err := c.Crawl(context.Background(), kept, Limits{}); err != nil || rep.New != 1 {
				t.Fatalf("the kept site: %+v %v", rep, err)
			}
			if rep, err := c.Crawl(context.Background(), dropped, Limits{MaxPages: 3}); err != nil || rep.Pending == 0 {
				t.Fatalf("the dropped site, stopped: %+v %v", rep, err)
			}
			count := func(ns, prefix string) int {
				n := 0
				if err := store.ForEachKV(ns, func(k string, _ []byte) error {
					if strings.HasPrefix(k, prefix) {
						n++
					}
					return nil
				}); err != nil {
					t.Fatal(err)
				}
				return n
			}
			states := func(s *Site) int {
				n := 0
				store.ForEachKV(nsURL, func(u string, v []byte) error {
					if st, err := decodeState(u, v); err == nil && siteOwns(s, u, st) {
						n++
					}
					return nil
				})
				return n
			}
			keptStates, droppedStates := states(kept), states(dropped)
			if droppedStates == 0 || count(nsEvidence, dropped.Name+"\x00") == 0 || count(nsFrontier, dropped.Name+"\x00") == 0 {
				t.Fatalf("the dropped site's stopped run left no records to prune")
			}
			runRecords := count(nsEvidence, dropped.Name+"\x00") + count(nsFrontier, dropped.Name+"\x00") + count(nsRun, dropped.Name)
			now := time.Now()
			rep, err := PruneDropped(context.Background(), store, []*Site{kept}, now, PruneOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Sites) != 1 || rep.Sites[0] != dropped.Name || rep.RunsKept != 1 || rep.Runs != 0 || rep.Frontier != 0 || rep.Evidence != 0 || rep.Kept == 0 || rep.Deleted != 0 {
				t.Errorf("the night it is removed: %+v; want its run, evidence and states kept", rep)
			}
			if n := count(nsEvidence, dropped.Name+"\x00") + count(nsFrontier, dropped.Name+"\x00") + count(nsRun, dropped.Name); n != runRecords {
				t.Errorf("%d run, frontier and evidence records of the removed site left, want its %d kept", n, runRecords)
			}
			if states(dropped) != droppedStates || states(kept) != keptStates {
				t.Errorf("URL states: %d of the removed site (had %d), %d of the kept (had %d); want all kept", states(dropped), droppedStates, states(kept), keptStates)
			}
			sites := []*Site{kept}
			if tc.readded {
				sites = append(sites, dropped)
				if rep, err := PruneDropped(context.Background(), store, sites, now.Add(10*24*time.Hour), PruneOptions{}); err != nil || rep.Restored == 0 || rep.Kept != 0 {
					t.Errorf("re-added: %+v %v; want its states restored", rep, err)
				}
			}
			rep, err = PruneDropped(context.Background(), store, sites, now.Add(missForget+time.Hour), PruneOptions{})
			if err != nil {
				t.Fatal(err)
			}
			wantLeft := 0
			if tc.readded {
				wantLeft = droppedStates
			}
			if got := states(dropped); got < wantLeft || !tc.readded && got != keptOnly(t, store, kept, dropped) {
				t.Errorf("after the wait: %d URL states of the removed site left, want %d (%+v)", got, wantLeft, rep)
			}
			if !tc.readded && (rep.Deleted == 0 || count(nsSite, dropped.Name) != 0) {
				t.Errorf("after the wait: %+v, learned state %d; want its states and learned state deleted", rep, count(nsSite, dropped.Name))
			}
			runLeft := count(nsEvidence, dropped.Name+"\x00") + count(nsFrontier, dropped.Name+"\x00") + count(nsRun, dropped.Name)
			if !tc.readded && (rep.Runs != 1 || rep.Frontier == 0 || rep.Evidence == 0 || runLeft != 0) {
				t.Errorf("after the wait: %+v, %d run, frontier and evidence records left; want its run deleted", rep, runLeft)
			}
			if tc.readded && runLeft != runRecords {
				t.Errorf("re-added: %d run, frontier and evidence records left, want its %d kept (the run resumes)", runLeft, runRecords)
			}
			if states(kept) != keptStates {
				t.Errorf("the kept site's states: %d, had %d", states(kept), keptStates)
			}
			if _, err := store.Get(corpus.IDForURL(srv.URL + "/thong-bao/" + a + ".html")); err != nil {
				t.Errorf("the kept site's notice: %v", err)
			}
		})
	}
}

// keptOnly counts the states of dropped that kept owns too (the pages
// both sites allow stay).
func keptOnly(t *testing.T, store *corpus.Store, kept, dropped *Site) int {
	t.Helper()
	n := 0
	store.ForEachKV(nsURL, func(u string, v []byte) error {
		if st, err := decodeState(u, v); err == nil && siteOwns(dropped, u, st) && siteOwns(kept, u, st) {
			n++
		}
		return nil
	})
	return n
}
