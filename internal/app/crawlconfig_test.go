package app

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// TestCrawlOtherConfig: a data directory crawled with its sites file,
// then with a test file of another site (`vanban crawl --config
// test.toml`): the test crawl ages nothing of the directory's sites and
// says whose the directory is, in the summary and the report; with
// --prune the test file becomes the directory's, and its crawl counts
// the first file's site as no longer configured; the first file's crawl
// then ages nothing. `vanban nightly` takes --prune with the same
// meaning (SitesOptions), alone or after the other command.
func TestCrawlOtherConfig(t *testing.T) {
	crawl := func(t *testing.T, data string, o SitesOptions, report string) (string, error) {
		_, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: o, Report: report})
		return stderr, err
	}
	nightly := func(t *testing.T, data string, o SitesOptions, report string) (string, error) {
		_, stderr, err := call(t, data, RunNightly, NightlyOptions{SitesOptions: o, Report: report})
		return stderr, err
	}
	type command func(t *testing.T, data string, o SitesOptions, report string) (string, error)
	for _, tc := range []struct {
		name               string
		first, test, adopt command // the directory's first crawl, the test file's, its --prune one
	}{
		{"crawl", crawl, crawl, crawl},
		{"nightly", nightly, nightly, nightly},
		{"nightly --prune after a crawl", crawl, crawl, nightly},
	} {
		t.Run(tc.name, func(t *testing.T) { testOtherConfig(t, tc.first, tc.test, tc.adopt) })
	}
}

func testOtherConfig(t *testing.T, first, other, adopt func(t *testing.T, data string, o SitesOptions, report string) (string, error)) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/tin-tuc/":
			fmt.Fprint(w, `<html><body><h1>Tin tức</h1><a href="/tin-tuc/thong-bao-lich-tiep-cong-dan-quy-3.html">Thông báo lịch tiếp công dân quý III</a></body></html>`)
		case "/tin-tuc/thong-bao-lich-tiep-cong-dan-quy-3.html":
			fmt.Fprint(w, `<html><head><title>Thông báo số 15/TB-VP</title></head><body><h1>Thông báo số 15/TB-VP</h1>`+
				`<p>Lịch tiếp công dân quý III năm 2028 của Chủ tịch Ủy ban nhân dân tỉnh tại Trụ sở tiếp công dân tỉnh.</p></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	data := t.TempDir()
	home := writeSiteConfig(t, "sotuphap", srv.URL+"/tin-tuc/", srv.URL, `/tin-tuc/.+\.html`)
	test := writeSiteConfig(t, "sotuphap-thu", srv.URL+"/tin-tuc/", srv.URL, `/tin-tuc/thong-bao-.+\.html`)
	type report struct {
		Dropped struct {
			Sites []string `json:"sites"`
			Other string   `json:"other_config"`
		} `json:"dropped"`
	}
	crawl := func(name, cfg string, prune bool) (report, string) {
		t.Helper()
		path := filepath.Join(t.TempDir(), "report.json")
		run := first
		switch {
		case prune:
			run = adopt
		case cfg != home:
			run = other
		}
		stderr, err := run(t, data, SitesOptions{Config: cfg, Prune: prune}, path)
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, stderr)
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var r report
		if err := json.Unmarshal(raw, &r); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, raw)
		}
		return r, stderr
	}
	if r, _ := crawl("the directory's file", home, false); r.Dropped.Other != "" || len(r.Dropped.Sites) != 0 {
		t.Fatalf("the first crawl: %+v", r.Dropped)
	}
	r, stderr := crawl("a test file", test, false)
	if r.Dropped.Other != home || len(r.Dropped.Sites) != 0 {
		t.Errorf("a test file: %+v; want nothing aged, the directory's file %s named", r.Dropped, home)
	}
	if want := "nothing aged of sites this configuration lacks: the data directory's is " + home + " (crawl with --prune to make this one its own)"; !strings.Contains(stderr, want) {
		t.Errorf("a test file's summary lacks %q:\n%s", want, stderr)
	}
	if r, _ := crawl("a test file with --prune", test, true); r.Dropped.Other != "" || !slices.Equal(r.Dropped.Sites, []string{"sotuphap"}) {
		t.Errorf("a test file with --prune: %+v; want the first file's site no longer configured", r.Dropped)
	}
	if r, _ := crawl("the first file again", home, false); r.Dropped.Other != test {
		t.Errorf("the first file after --prune: %+v; want nothing aged, the test file the directory's", r.Dropped)
	}
}

// TestCrawlSameNameOtherFile: the nightly's file has a run of a site in
// progress (stopped after its first page); a test file with a site of
// the same name and other patterns is refused that site, the error
// naming both files, and the nightly's file then finishes its own run.
func TestCrawlSameNameOtherFile(t *testing.T) {
	var notices atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/tin-tuc/":
			fmt.Fprint(w, `<html><body><h1>Tin tức</h1><a href="/tin-tuc/thong-bao-15-tb-vp.html">Thông báo số 15/TB-VP</a></body></html>`)
		case "/tin-tuc/thong-bao-15-tb-vp.html":
			notices.Add(1)
			fmt.Fprint(w, `<html><head><title>Thông báo số 15/TB-VP</title></head><body><h1>Thông báo số 15/TB-VP</h1>`+
				`<p>Lịch tiếp công dân quý III năm 2028 của Chủ tịch Ủy ban nhân dân tỉnh tại Trụ sở tiếp công dân tỉnh.</p></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	data := t.TempDir()
	home := writeSiteConfig(t, "sotuphap", srv.URL+"/tin-tuc/", srv.URL, `/tin-tuc/.+\.html`)
	test := writeSiteConfig(t, "sotuphap", srv.URL+"/tin-tuc/", srv.URL, `/tin-tuc/quyet-dinh-.+\.html`)
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: home}, MaxPages: 1}); err != nil {
		t.Fatalf("the nightly's file, one page: %v\n%s", err, stderr)
	}
	report := filepath.Join(t.TempDir(), "report.json")
	_, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: test}, Report: report})
	if err == nil || !strings.Contains(stderr, "the run was begun by "+home+", not by "+test) {
		t.Fatalf("the test file's crawl of the nightly's site: %v; want it refused, naming both files:\n%s", err, stderr)
	}
	// the refusal is said as such, not as a failed page: the exit error,
	// the summary and the report's other_run name the site and the file
	if want := "1 site not crawled"; !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "pages failed") {
		t.Errorf("the refused crawl's error %q, want %q and no failed pages", err, want)
	}
	if want := "0 failed"; !strings.Contains(stderr, want) || !strings.Contains(stderr, "not crawled, its run in progress begun by another sites file: sotuphap ("+home+")") {
		t.Errorf("the summary does not say the site was not crawled (and %q):\n%s", want, stderr)
	}
	var rep struct {
		OtherRun map[string]string `json:"other_run"`
	}
	if b, err := os.ReadFile(report); err != nil {
		t.Fatal(err)
	} else if err := json.Unmarshal(b, &rep); err != nil || rep.OtherRun["sotuphap"] != home {
		t.Errorf("the report's other_run: %v, want sotuphap: %s (%v)", rep.OtherRun, home, err)
	}
	if n := notices.Load(); n != 0 {
		t.Fatalf("the refused crawl read the notice (%d)", n)
	}
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: home}}); err != nil || notices.Load() != 1 {
		t.Fatalf("the nightly's file again: %v, the notice read %d times, want 1\n%s", err, notices.Load(), stderr)
	}
}
