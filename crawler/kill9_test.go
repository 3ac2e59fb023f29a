package crawler

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/internal/childtest"
)

// The kill -9 tests' harness: a provincial notices section over two
// listing pages (pagedPortal) whose notice a, dropped by the second page,
// is confirmed gone on the night of a run killed with SIGKILL at a chosen
// point — the run is a child process (childtest: the test binary run
// again, bounded by the test's deadline, dead with its parent) that asks
// the portal for a page the portal holds; the test kills the child while
// it is held (no timing). The nights before and after run in the test's
// own process.

// The two notices of the kill -9 tests.
const (
	killA = "ke-hoach-chuyen-doi-so-2028" // confirmed gone the night of the kill
	killB = "lich-tiep-cong-dan-quy-3"    // answers throughout
)

// killHook is the address the child asks at a hook (killAt's point).
const killHook = "/__diem-dung"

// killCrawl is one kill -9 test: the portal, the data directory.
type killCrawl struct {
	t    *testing.T
	p    *pagedPortal
	srv  *httptest.Server
	dir  string
	site *Site

	mu      sync.Mutex
	hold    string // the path held once; "" none
	down    bool   // 404 at every address
	held    chan struct{}
	release chan struct{}
	once    sync.Once
}

// newKillCrawl starts the portal, both notices listed (b on the first
// page, a on the second), and runs the child's part when this process is
// the child: it never returns there.
func newKillCrawl(t *testing.T) *killCrawl {
	t.Helper()
	if childtest.In(t, "") {
		killChild(t)
	}
	if testing.Short() {
		t.Skip("skipping subprocess test in -short mode")
	}
	childtest.SkipWithoutKill(t)
	k := &killCrawl{t: t, p: &pagedPortal{docs: map[string]string{
		killA: softArticle("Thông báo số 14/TB-UBND", "Triển khai Kế hoạch chuyển đổi số năm 2028 tại các sở, ban, ngành và Ủy ban nhân dân cấp huyện."),
		killB: softArticle("Thông báo số 15/TB-VP", "Lịch tiếp công dân quý III năm 2028 của Chủ tịch Ủy ban nhân dân tỉnh tại Trụ sở tiếp công dân."),
	}, page1: []string{killB}, page2: []string{killA}}}
	k.srv = httptest.NewServer(http.HandlerFunc(k.serve))
	t.Cleanup(k.srv.Close)
	t.Cleanup(k.free) // before the server's Close: a held request ends
	k.dir = t.TempDir()
	k.site = killSite(t, k.srv.URL)
	return k
}

func (k *killCrawl) serve(w http.ResponseWriter, r *http.Request) {
	k.mu.Lock()
	h := k.hold != "" && r.URL.Path == k.hold
	if h {
		k.hold = ""
	}
	down, held, release := k.down, k.held, k.release
	k.mu.Unlock()
	if h {
		close(held)
		<-release
		return
	}
	if down {
		http.NotFound(w, r)
		return
	}
	k.p.ServeHTTP(w, r)
}

// free lets a held request go.
func (k *killCrawl) free() {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.release != nil {
		k.once.Do(func() { close(k.release) })
	}
}

// night crawls in the test's process.
func (k *killCrawl) night(name string) Report {
	k.t.Helper()
	store, err := corpus.OpenStore(k.dir, false, time.Second)
	if err != nil {
		k.t.Fatal(err)
	}
	defer store.Close()
	rep, err := New(store, Options{Policy: testCrawler(k.t, store).policy}).Crawl(context.Background(), k.site, Limits{})
	if err != nil {
		k.t.Fatalf("%s: %v", name, err)
	}
	return rep
}

// suspectA is the two nights before the kill: both notices stored, then
// a taken down (404) and dropped by the second page: suspected.
func (k *killCrawl) suspectA() {
	k.t.Helper()
	if rep := k.night("night 1"); rep.New != 2 {
		k.t.Fatalf("night 1: %+v", rep)
	}
	k.p.set(func(p *pagedPortal) { p.docs, p.page2 = map[string]string{killB: p.docs[killB]}, nil })
	if rep := k.night("night 2"); rep.NotFoundSuspect != 1 {
		k.t.Fatalf("night 2: %+v; want the notice suspected", rep)
	}
}

// setDown makes the portal answer 404 at every address.
func (k *killCrawl) setDown() {
	k.mu.Lock()
	k.down = true
	k.mu.Unlock()
}

// killAt runs a night's crawl in a child process and kills it with
// SIGKILL at the point at: "page:PATH" when it asks for the portal's
// page PATH, "beforeEnd" after its last page (Crawler.beforeEnd),
// "late:STEP" after the step STEP of a late end (Crawler.afterStep).
func (k *killCrawl) killAt(at string) {
	k.t.Helper()
	hold := killHook
	if p, ok := strings.CutPrefix(at, "page:"); ok {
		hold = p
	}
	k.mu.Lock()
	k.hold, k.held, k.release, k.once = hold, make(chan struct{}), make(chan struct{}), sync.Once{}
	held := k.held
	k.mu.Unlock()
	c := childtest.Start(k.t, "", "VANBAN_KILL9_DIR="+k.dir, "VANBAN_KILL9_URL="+k.srv.URL, "VANBAN_KILL9_AT="+at)
	var out bytes.Buffer
	copied := make(chan struct{})
	go func() { io.Copy(&out, c.Out); close(copied) }()
	select {
	case <-held:
	case <-c.Done():
		<-copied
		k.t.Fatalf("the child ended before %s: %v\n%s", at, c.Wait(), out.String())
	}
	c.Kill()
	if err := c.Wait(); !childtest.Killed(err) {
		<-copied
		k.t.Fatalf("the child at %s: %v, want killed by SIGKILL\n%s", at, err, out.String())
	}
	<-copied
	k.free()
}

// killChild is the child's part: a night's crawl of the data directory
// that asks the portal's hook at the point VANBAN_KILL9_AT names (a
// page's point needs no hook: the portal holds that page).
func killChild(t *testing.T) {
	store, err := corpus.OpenStore(os.Getenv("VANBAN_KILL9_DIR"), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	base, at := os.Getenv("VANBAN_KILL9_URL"), os.Getenv("VANBAN_KILL9_AT")
	hook := func() {
		if resp, err := http.Get(base + killHook); err == nil {
			resp.Body.Close()
		}
	}
	c := New(store, Options{Policy: testCrawler(t, store).policy})
	c.beforeEnd = func() {
		if at == "beforeEnd" {
			hook()
		}
	}
	c.afterStep = func(step string, late bool) {
		if late && at == "late:"+step {
			hook()
		}
	}
	c.Crawl(context.Background(), killSite(t, base), Limits{})
	t.Fatalf("the crawl ended: not killed at %s", at)
}

// killSite is the kill -9 tests' site: smallSite's section.
func killSite(t *testing.T, base string) *Site {
	site := &Site{Name: "thongbao", Start: []string{base + "/thong-bao"}, Allow: []string{"^" + base + "/"}, Article: []string{`/thong-bao/.+\.html$`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	return site
}

// notices reads the two notices' documents after the last night.
func (k *killCrawl) notices() (a, b *corpus.Document, evidence int) {
	k.t.Helper()
	store, err := corpus.OpenStore(k.dir, true, time.Second)
	if err != nil {
		k.t.Fatal(err)
	}
	defer store.Close()
	get := func(slug string) *corpus.Document {
		d, err := store.Get(corpus.IDForURL(k.srv.URL + "/thong-bao/" + slug + ".html"))
		if err != nil {
			k.t.Fatalf("%s: %v", slug, err)
		}
		return d
	}
	return get(killA), get(killB), evidenceRecords(k.t, store)
}

// TestResumedAfterKill9: the run of the night a notice is confirmed gone
// is killed while it waits for the second listing page, after the notice
// answered 404 and the section's other notice answered. The run resumed
// from its frontier decides on the evidence of the killed part too: the
// notice, dropped by the second page, a tombstone at its end (before: the
// killed part's answers were lost, the notice stayed suspected).
func TestResumedAfterKill9(t *testing.T) {
	k := newKillCrawl(t)
	k.suspectA()
	k.killAt("page:/thong-bao/trang-2")
	rep := k.night("night 3") // the killed run, resumed to its end
	a, b, _ := k.notices()
	if !a.Gone || rep.Gone != 1 || rep.SuspectCount != 0 {
		t.Errorf("after the resumed run: %+v, %+v; want the notice a tombstone, no suspect", a, rep)
	}
	if b.Gone {
		t.Errorf("the other notice: %+v; want it live", b)
	}
}

// TestEndedAfterKill9: the run of the night a notice is confirmed gone
// finishes its pages and is killed before its end's decisions
// (beforeEnd). The next night the portal is down (404 at every
// address). The next Crawl sees that the killed run finished its pages
// and decides on its evidence first: the notice, dropped by the listing
// while the section's other notice answered, a tombstone (before: the
// killed run's evidence was dropped, the new run saw a portal down and
// the notice stayed suspected, decided a night late at best).
func TestEndedAfterKill9(t *testing.T) {
	k := newKillCrawl(t)
	k.suspectA()
	k.killAt("beforeEnd")
	k.setDown()
	rep := k.night("night 4") // the portal down; the killed run decided first
	a, b, ev := k.notices()
	if !a.Gone || rep.Gone != 1 || rep.RunEndedLate == "" {
		t.Errorf("the night after the kill: %+v, %+v; want the notice a tombstone, decided on the killed run's evidence (RunEndedLate)", a, rep)
	}
	if b.Gone {
		t.Errorf("the other notice: %+v; want it live (suspected, the portal down)", b)
	}
	if ev != 0 {
		t.Errorf("%d evidence records left after the night's run ended, want none", ev)
	}
}

// TestEndedLateKill9: as TestEndedAfterKill9, and the next night's
// crawl, the portal down, is killed in its turn inside the late end of
// the first killed run, after each of its steps in turn. The night after
// that decides as if nothing had been killed: the notice a tombstone
// (made once), the other notice live, no evidence left. A kill after
// clearEvidence leaves a run without its evidence record q: nothing of
// it is decided again (only its forgetMissing skipped: the next run's end
// does it).
func TestEndedLateKill9(t *testing.T) {
	for _, step := range []string{"settleGone", "pruneDeadFiles", "settleSuspects", "clearEvidence", "forgetMissing"} {
		t.Run("after "+step, func(t *testing.T) {
			k := newKillCrawl(t)
			k.suspectA()
			k.killAt("beforeEnd")
			k.setDown()
			k.killAt("late:" + step)
			rep := k.night("night 5")
			a, b, ev := k.notices()
			if !a.Gone {
				t.Errorf("after a kill inside the late end after %s: the notice %+v (%+v); want a tombstone", step, a, rep)
			}
			if b.Gone || ev != 0 {
				t.Errorf("after a kill inside the late end after %s: the other notice gone %v, %d evidence records; want it live, none left", step, b.Gone, ev)
			}
		})
	}
}
