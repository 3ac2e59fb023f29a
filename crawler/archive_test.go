package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

func archivingCrawler(t *testing.T, store *corpus.Store, dir string) *Crawler {
	t.Helper()
	return New(store, Options{WARCDir: dir, Policy: Policy{Timeout: testPageTimeout, Retries: 2, BackoffBase: 10 * time.Millisecond, MaxRetryAfter: 2 * time.Second, MaxBytes: 1 << 20}})
}

// urlStates returns the crawl state of every URL.
func urlStates(t *testing.T, store *corpus.Store) map[string]urlState {
	t.Helper()
	out := map[string]urlState{}
	err := store.ForEachKV(nsURL, func(u string, v []byte) error {
		var s urlState
		if err := json.Unmarshal(v, &s); err != nil {
			return err
		}
		out[u] = s
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestArchiveAndReextract(t *testing.T) {
	site := newTestSite()
	site.flaky = 0
	srv := newServer(t, site)
	store := openStore(t)
	dir := filepath.Join(t.TempDir(), "warc")
	c := archivingCrawler(t, store, dir)
	cfg := testSiteConfig(t, srv.URL)
	cfg.Delay.Duration = 0

	rep, err := c.Crawl(context.Background(), cfg, Limits{})
	if err != nil || rep.New != 16 || rep.Failed != 0 {
		t.Fatalf("crawl: %+v, %v", rep, err)
	}
	files, err := archiveFiles(dir)
	if err != nil || len(files) != 1 {
		t.Fatalf("WARC files %v, %v: want one", files, err)
	}
	if ok, _ := regexp.MatchString(`^test-\d{8}T\d+Z-00001\.warc\.gz$`, filepath.Base(files[0])); !ok {
		t.Errorf("WARC file name %s, want test-<run>-00001.warc.gz", filepath.Base(files[0]))
	}
	recs, err := readArchive(files[0])
	if err != nil {
		t.Fatal(err)
	}
	site.mu.Lock()
	requests := len(site.paths)
	site.mu.Unlock()
	if len(recs) != requests {
		t.Errorf("%d response records, want one per request (%d, robots.txt included)", len(recs), requests)
	}
	if len(recs) > 0 && !strings.HasSuffix(recs[0].URL, "/robots.txt") {
		t.Errorf("first record for %s, want robots.txt's answer", recs[0].URL)
	}
	statuses := map[int]int{}
	for _, r := range recs {
		statuses[r.Status]++
	}
	if statuses[301] != 1 || statuses[404] == 0 || statuses[200] < 17 {
		t.Errorf("record statuses %v: want the redirect, 404s and every page", statuses)
	}
	// Every stored document points at its response record.
	docs := 0
	for u, s := range urlStates(t, store) {
		if s.DocID == "" {
			continue
		}
		docs++
		resp, err := readRecord(dir, warcRef{s.WARC, s.Offset})
		if err != nil {
			t.Errorf("%s: record %s@%d: %v", u, s.WARC, s.Offset, err)
			continue
		}
		want := u
		if s.Redirect != "" {
			want = s.Redirect
		}
		if resp.URL != want || resp.Status != 200 || len(resp.Body) == 0 || resp.Date.IsZero() {
			t.Errorf("%s: record for %s status %d, %d bytes, date %v", u, resp.URL, resp.Status, len(resp.Body), resp.Date)
		}
	}
	if docs != 17 {
		t.Errorf("%d URLs with documents, want 17 (16 pages and the redirect)", docs)
	}

	// An "extractor improvement": a body selector. Re-extraction changes
	// every article without a request to the portal.
	site.mu.Lock()
	before := len(site.paths)
	site.mu.Unlock()
	cfg2 := testSiteConfig(t, srv.URL)
	cfg2.Select.Body = ".content-detail p:last-of-type"
	rx, err := c.Reextract(context.Background(), cfg2)
	if err != nil {
		t.Fatal(err)
	}
	if rx.Changed != 16 || rx.Unchanged != 1 || rx.Failed != 0 || rx.New != 0 || rx.Fetched != 17 {
		t.Errorf("reextract with a body selector: %+v, want 16 changed of 17 records (the redirect's target is read twice)", rx)
	}
	d, err := store.Get(corpus.IDForURL(srv.URL + "/tin-tuc/2024/05/3-bai-viet"))
	if err != nil || strings.Count(d.Body, "Nghị quyết số 103/NQ-CP") != 1 || !strings.Contains(d.Body, "Các sở, ngành") {
		t.Errorf("re-extracted body %q, %v: want the last paragraph only", d.Body, err)
	}
	rx, err = c.Reextract(context.Background(), cfg)
	if err != nil || rx.Changed != 16 || rx.Unchanged != 1 {
		t.Errorf("reextract with the original options: %+v, %v: want 16 changed back", rx, err)
	}
	site.mu.Lock()
	after := len(site.paths)
	site.mu.Unlock()
	if after != before {
		t.Errorf("re-extraction made %d HTTP requests, want none", after-before)
	}

	// A second crawl continues in a new file; a 304 keeps the old reference.
	if _, err := c.Crawl(context.Background(), cfg, Limits{}); err != nil {
		t.Fatal(err)
	}
	if files, _ := archiveFiles(dir); len(files) != 2 {
		t.Errorf("after a second run: files %v, want two", files)
	}
	rx, err = c.Reextract(context.Background(), cfg)
	if err != nil || rx.Unchanged != 17 || rx.Failed != 0 {
		t.Errorf("reextract after a 304 run: %+v, %v", rx, err)
	}
}

// TestArchiveCutShort writes records across rotated files, cuts the last
// file inside its last record (as kill -9 during a write would) and reads
// everything back.
func TestArchiveCutShort(t *testing.T) {
	dir := t.TempDir()
	a, err := openArchive(dir, "cổng/tỉnh", "2025-01-02T03:04:05.6Z", 200<<10)
	if err != nil {
		t.Fatal(err)
	}
	var refs []warcRef
	for i := range 12 {
		body := []byte(fmt.Sprintf("<html><body><p>Trang %d</p>%s</body></html>", i, randomText(i, 60<<10)))
		ref, err := a.record(&response{Status: 200, URL: fmt.Sprintf("http://x.test/%d", i), Body: body,
			Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}, "Content-Length": {"999"}}, Date: time.Now()})
		if err != nil {
			t.Fatal(err)
		}
		refs = append(refs, ref)
	}
	// Not closed: the process "dies" here.
	files, _ := archiveFiles(dir)
	if len(files) < 3 {
		t.Fatalf("files %v: want rotation at 200 KB", files)
	}
	if !strings.HasPrefix(filepath.Base(files[0]), "c_ng_t_nh-20250102T0304056Z-00001") {
		t.Errorf("file name %s", filepath.Base(files[0]))
	}
	last := files[len(files)-1]
	lastRef := refs[len(refs)-1]
	if filepath.Join(dir, lastRef.File) != last {
		t.Fatalf("last record in %s, last file %s", lastRef.File, last)
	}
	fi, _ := os.Stat(last)
	cut := lastRef.Offset + (fi.Size()-lastRef.Offset)/2
	if err := os.Truncate(last, cut); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		recs, err := readArchive(f)
		n += len(recs)
		if f == last {
			if err == nil || !errors.Is(err, io.ErrUnexpectedEOF) && !strings.Contains(err.Error(), "EOF") {
				t.Errorf("cut file: err %v, want an unexpected EOF", err)
			}
		} else if err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if n != len(refs)-1 {
		t.Errorf("read back %d records, want %d (all but the cut one)", n, len(refs)-1)
	}
	for i, ref := range refs[:len(refs)-1] {
		resp, err := readRecord(dir, ref)
		if err != nil || !strings.Contains(string(resp.Body), fmt.Sprintf("Trang %d<", i)) || resp.Header.Get("Content-Length") != fmt.Sprint(len(resp.Body)) {
			t.Errorf("record %d: %v", i, err)
		}
	}
	if _, err := readRecord(dir, lastRef); err == nil {
		t.Errorf("the cut record read without error")
	}
	// A resumed run continues after the highest serial.
	a2, _ := openArchive(dir, "cổng/tỉnh", "2025-01-02T03:04:05.6Z", 200<<10)
	ref, err := a2.record(&response{Status: 404, URL: "http://x.test/gone", Date: time.Now()})
	a2.Close()
	a.Close()
	if err != nil || ref.File == filepath.Base(last) || ref.Offset == 0 {
		t.Errorf("resumed archive wrote %+v, %v: want a new file after its warcinfo", ref, err)
	}
}

// randomText is incompressible-ish text, so that rotation is exercised.
func randomText(seed, n int) string {
	var b strings.Builder
	x := uint32(seed*7919 + 1)
	for b.Len() < n {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b.WriteByte("abcdefghijklmnopqrstuvwxyz0123456789 "[x%37])
	}
	return b.String()
}

// TestRunIDOrder: run IDs, and so the WARC file names made of them, sort
// in time order, whatever the fraction of a second.
func TestRunIDOrder(t *testing.T) {
	base := time.Date(2026, 12, 6, 14, 20, 45, 0, time.UTC)
	times := []time.Time{base, base.Add(830 * time.Millisecond), base.Add(830253261 * time.Nanosecond), base.Add(900 * time.Millisecond), base.Add(time.Second)}
	var names []string
	for _, tm := range times {
		a, err := openArchive(t.TempDir(), "binhduong", runID(tm), 0)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, a.names.prefix)
	}
	for i := 1; i < len(names); i++ {
		if names[i-1] >= names[i] {
			t.Errorf("WARC prefix %q (run at %v) sorts at or after %q (%v)", names[i-1], times[i-1].Format(time.RFC3339Nano), names[i], times[i].Format(time.RFC3339Nano))
		}
	}
}
