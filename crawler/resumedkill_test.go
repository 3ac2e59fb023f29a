package crawler

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// TestResumedAfterKill9: the run of the night a notice is confirmed gone
// is killed (SIGKILL, a child process: this test binary re-executed)
// while it waits for the second listing page, after the notice answered
// 404 and the section's other notice answered. The run resumed from its
// frontier decides on the evidence of the killed part too: the notice,
// dropped by the second page, a tombstone at its end (before: the killed
// part's answers were lost, the notice stayed suspected).
func TestResumedAfterKill9(t *testing.T) {
	const a, b = "ke-hoach-chuyen-doi-so-2028", "lich-tiep-cong-dan-quy-3"
	if dir := os.Getenv("VANBAN_KILL9_CHILD"); dir != "" {
		store, err := corpus.OpenStore(dir, false, time.Second)
		if err != nil {
			os.Exit(2)
		}
		c := New(store, Options{Policy: testCrawler(t, store).policy})
		site := killSite(t, os.Getenv("VANBAN_KILL9_URL"))
		c.Crawl(context.Background(), site, Limits{})
		os.Exit(0) // not reached: killed while page 2 is held
	}
	if testing.Short() {
		t.Skip("skipping subprocess test in -short mode")
	}
	p := &pagedPortal{docs: map[string]string{
		a: softArticle("Thông báo số 14/TB-UBND", "Triển khai Kế hoạch chuyển đổi số năm 2028 tại các sở, ban, ngành và Ủy ban nhân dân cấp huyện."),
		b: softArticle("Thông báo số 15/TB-VP", "Lịch tiếp công dân quý III năm 2028 của Chủ tịch Ủy ban nhân dân tỉnh tại Trụ sở tiếp công dân."),
	}, page1: []string{b}, page2: []string{a}}
	held := make(chan struct{})    // page 2 asked by the child
	release := make(chan struct{}) // the child is dead
	hold := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		h := hold && r.URL.Path == "/thong-bao/trang-2"
		if h {
			hold = false
		}
		p.mu.Unlock()
		if h {
			close(held)
			<-release
			return
		}
		p.ServeHTTP(w, r)
	}))
	defer srv.Close()
	defer func() {
		select {
		case <-release:
		default:
			close(release)
		}
	}()
	dir := t.TempDir()
	site := killSite(t, srv.URL)
	night := func(n int) Report {
		t.Helper()
		store, err := corpus.OpenStore(dir, false, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		rep, err := New(store, Options{Policy: testCrawler(t, store).policy}).Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatalf("night %d: %v", n, err)
		}
		return rep
	}
	if rep := night(1); rep.New != 2 {
		t.Fatalf("night 1: %+v", rep)
	}
	p.set(func(p *pagedPortal) { p.docs, p.page2 = map[string]string{b: p.docs[b]}, nil })
	if rep := night(2); rep.NotFoundSuspect != 1 {
		t.Fatalf("night 2: %+v; want the notice suspected", rep)
	}
	p.set(func(*pagedPortal) { hold = true })
	cmd := exec.Command(os.Args[0], "-test.run=^TestResumedAfterKill9$")
	cmd.Env = append(os.Environ(), "VANBAN_KILL9_CHILD="+dir, "VANBAN_KILL9_URL="+srv.URL)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-held:
	case <-time.After(testPageTimeout):
		cmd.Process.Kill()
		t.Fatal("the child never asked for the second listing page")
	}
	cmd.Process.Kill()
	cmd.Wait()
	close(release)
	rep := night(3) // the killed run, resumed to its end
	store, err := corpus.OpenStore(dir, true, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	d, err := store.Get(corpus.IDForURL(srv.URL + "/thong-bao/" + a + ".html"))
	if err != nil || !d.Gone || rep.Gone != 1 || rep.SuspectCount != 0 {
		t.Errorf("after the resumed run: %+v (%v), %+v; want the notice a tombstone, no suspect", d, err, rep)
	}
	if d, err := store.Get(corpus.IDForURL(srv.URL + "/thong-bao/" + b + ".html")); err != nil || d.Gone {
		t.Errorf("the other notice: %+v %v; want it live", d, err)
	}
}

// killSite is TestResumedAfterKill9's site: smallSite's section.
func killSite(t *testing.T, base string) *Site {
	site := &Site{Name: "thongbao", Start: []string{base + "/thong-bao"}, Allow: []string{"^" + base + "/"}, Article: []string{`/thong-bao/.+\.html$`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	return site
}
