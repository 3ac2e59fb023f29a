package app

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/childtest"
	"github.com/vanban/vanban/internal/memstat"
)

// TestLinksCoverageHonoursTime: a resolution's coverage links every plan
// implementing it (Store.Coverage). Asked through /api/cli/links on the
// public listener, it ran to the end whatever the server's time for an
// answer (a 1 s limit answered 200 after 2 s over 600 small plans; real
// plans take some 50 ms each), where the public page reads the task
// table. It must stop when the request's time runs out (503, reported),
// and `vanban links` reading the directory must stop on Ctrl-C.
func TestLinksCoverageHonoursTime(t *testing.T) {
	data := cliData(t)

	// reading the directory, the context already ended
	r, err := openReader(t.Context(), &Env{Data: data, Stdout: io.Discard, Stderr: io.Discard}, false)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a, err := answerLinks(ctx, r, "31/2025/NQ-HĐND")
	r.close()
	if !errors.Is(err, context.Canceled) {
		t.Errorf("coverage of a resolution with its context cancelled: %v (coverage %v); want context.Canceled", err, a.Coverage != nil)
	}

	// asking a server whose time for an answer is spent at once
	s, err := openServer(context.Background(), &Env{Data: data, Stdout: new(strings.Builder), Stderr: new(strings.Builder)}, "", "", time.Nanosecond)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	hs := httptest.NewServer(s.publicHandler())
	defer hs.Close()
	srv := hs.URL
	var out strings.Builder
	for _, arg := range []string{"31/2025/NQ-HĐND", "van-ban/hdnd/nq-31-2025.md"} {
		out.Reset()
		err = RunLinks(context.Background(), &Env{Data: data, Stdout: &out, Stderr: &out}, LinksOptions{Arg: arg, Server: srv})
		if err == nil || !strings.Contains(err.Error(), "ran out of time") {
			t.Errorf("links %s on a server out of time: %v (printed %q); want its 503 reported", arg, err, out.String())
		}
	}
}

// TestRefsReadsHeads: `vanban refs` (and /api/cli/refs on the public
// listener) names the documents carrying and citing a number; it decoded
// each of them whole, text and all, where the public /api/refs reads
// their heads (corpus.Store.Head). A number cited by a document of 1.4 MB
// cost the answer 2.8 MB, the document itself 5.6 MB; naming a document
// must not cost its text.
//
// The bytes are the process's (runtime.MemStats): the test runs alone in
// a child process, so that no other test's goroutine (a server or crawl
// an earlier test left) counts, and the bound is read on the least of
// three answers, so that a goroutine of its own reader's that happens to
// run during one (a GC's, an index's) does not either; an answer that
// reads the text allocates it every time.
func TestRefsReadsHeads(t *testing.T) {
	if !childtest.In(t, "") {
		childtest.Pass(t) // alone in a process: the bytes allocated it reads are the answer's (i31-tests)
		return
	}
	data := t.TempDir()
	body := strings.Repeat("Triển khai thực hiện Quyết định số 05/2024/QĐ-UBND ngày 01/02/2024 về quản lý bến xe khách. ", 12_000) // ~1.4 MB
	lines := []map[string]string{
		{"_id": "qd-05", "number": "05/2024/QĐ-UBND", "type": "Quyết định", "title": "Quyết định ban hành quy định quản lý bến xe khách", "published": "2024-02-01",
			"text": "Số: 05/2024/QĐ-UBND\nQUYẾT ĐỊNH\nBan hành quy định quản lý bến xe khách\nĐiều 1. Ban hành kèm theo Quyết định này quy định quản lý bến xe khách."},
		{"_id": "bc-big", "number": "77/BC-SGTVT", "type": "Báo cáo", "title": "Báo cáo kết quả quản lý bến xe khách", "published": "2025-01-10", "text": body},
	}
	var jl strings.Builder
	for _, l := range lines {
		b, _ := json.Marshal(l)
		jl.Write(append(b, '\n'))
	}
	file := filepath.Join(t.TempDir(), "big.jsonl")
	if err := os.WriteFile(file, []byte(jl.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{file}}); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	r, err := openReader(t.Context(), &Env{Data: data, Stdout: io.Discard, Stderr: io.Discard}, false)
	if err != nil {
		t.Fatal(err)
	}
	defer r.close()
	for _, arg := range []string{"05/2024/QĐ-UBND", "bc-big"} {
		a, err := answerRefs(context.Background(), r, arg) // warm
		if err != nil {
			t.Fatal(err)
		}
		if arg == "05/2024/QĐ-UBND" && (a.Key == nil || len(a.Key.CitedBy) != 1 || a.Key.CitedBy[0].ID != "bc-big") {
			t.Fatalf("refs %s: %+v; want it cited by bc-big", arg, a.Key)
		}
		n := uint64(math.MaxUint64)
		for range 3 {
			runtime.GC()
			var err error
			n = min(n, memstat.Allocated(func() { _, err = answerRefs(context.Background(), r, arg) }))
			if err != nil {
				t.Fatal(err)
			}
		}
		if n > uint64(len(body)+len(body)/2) {
			t.Errorf("refs %s allocated %d bytes, for a document of %d bytes it only names", arg, n, len(body))
		}
		t.Logf("refs %s: %d bytes allocated (the least of three)", arg, n)
	}
}

// TestLinksRefusesHugeBody: the document page does not link a body over
// corpus.MaxLinkedBody (2 MB: a plan or a resolution runs to tens of
// kilobytes, and outlining megabytes costs hundreds of megabytes); `vanban
// links` and /api/cli/links on the public listener linked it whatever its
// size (a 5.8 MB plan: 9.5 s and 382 MB of the server's memory a request,
// four at once 1.6 GB). They refuse it, saying why.
func TestLinksRefusesHugeBody(t *testing.T) {
	data := t.TempDir()
	res := map[string]string{"_id": "nq-31", "number": "31/2025/NQ-HĐND", "type": "Nghị quyết", "title": "Nghị quyết về phát triển giao thông nông thôn", "published": "2025-03-14",
		"text": "Số: 31/2025/NQ-HĐND\nNGHỊ QUYẾT\nVề phát triển giao thông nông thôn\nĐiều 1. Nhiệm vụ\n1. Rà soát, điều chỉnh quy hoạch mạng lưới đường huyện, đường xã.\n2. Tăng cường công tác bảo trì đường giao thông nông thôn."}
	long := strings.Repeat("Tăng cường công tác bảo trì đường giao thông nông thôn trên địa bàn các huyện miền núi ", 30_000) // ~2.6 MB, one paragraph
	plan := map[string]string{"_id": "kh-999", "number": "999/KH-UBND", "type": "Kế hoạch", "title": "Kế hoạch thực hiện Nghị quyết số 31/2025/NQ-HĐND", "published": "2025-05-06",
		"text": "Số: 999/KH-UBND\nKẾ HOẠCH\nThực hiện Nghị quyết số 31/2025/NQ-HĐND ngày 14/3/2025\nI. NHIỆM VỤ\n1. Sở Giao thông vận tải rà soát quy hoạch mạng lưới đường huyện.\n2. " + long}
	var jl strings.Builder
	for _, l := range []map[string]string{res, plan} {
		b, _ := json.Marshal(l)
		jl.Write(append(b, '\n'))
	}
	file := filepath.Join(t.TempDir(), "huge.jsonl")
	if err := os.WriteFile(file, []byte(jl.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{file}}); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	_, _, err := call(t, data, RunLinks, LinksOptions{Arg: "999/KH-UBND"})
	if err == nil || !strings.Contains(err.Error(), "too long to link") {
		t.Errorf("links of a plan of %d bytes: %v; want it refused as too long to link", len(long), err)
	}
	// the resolution's coverage lists the plan and does not link it
	r, err := openReader(t.Context(), &Env{Data: data, Stdout: io.Discard, Stderr: io.Discard}, false)
	if err != nil {
		t.Fatal(err)
	}
	defer r.close()
	a, err := answerLinks(context.Background(), r, "31/2025/NQ-HĐND")
	if err != nil || a.Coverage == nil {
		t.Fatalf("links of the resolution: %v", err)
	}
	if len(a.Coverage.Plans) != 1 || a.Coverage.Plans[0].Number != "999/KH-UBND" {
		t.Errorf("coverage plans %+v; want 999/KH-UBND listed", a.Coverage.Plans)
	}
	for _, p := range a.Coverage.Passages {
		if len(p.By) > 0 {
			t.Errorf("passage %s covered by %+v: the plan too long to link was linked", p.ID, p.By)
		}
	}
}

// TestLinksAdmission: a plan's links are computed on request (a plan
// under the 2 MB bound costs some 130 MB and a second); /api/cli/links on
// the public listener ran any number at once. At most cap(linkSlots) run
// together; a request waits for a slot within its time (503 past it).
func TestLinksAdmission(t *testing.T) {
	data := cliData(t)
	s, err := openServer(context.Background(), &Env{Data: data, Stdout: new(strings.Builder), Stderr: new(strings.Builder)}, "", "", 300*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	hs := httptest.NewServer(s.publicHandler())
	defer hs.Close()
	links := func() error {
		return RunLinks(context.Background(), &Env{Data: data, Stdout: io.Discard, Stderr: io.Discard}, LinksOptions{Arg: "88/KH-UBND", Server: hs.URL})
	}
	for range cap(s.linkSlots) {
		s.linkSlots <- struct{}{} // links running
	}
	if err := links(); err == nil || !strings.Contains(err.Error(), "ran out of time") {
		t.Errorf("links with every slot taken: %v; want the server's 503", err)
	}
	<-s.linkSlots
	if err := links(); err != nil {
		t.Errorf("links with a slot free: %v", err)
	}
	if n := len(s.linkSlots); n != cap(s.linkSlots)-1 {
		t.Errorf("%d slots taken after the answer; want %d (its slot given back)", n, cap(s.linkSlots)-1)
	}
}
