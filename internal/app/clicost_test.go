package app

import (
	"context"
	"errors"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
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
	r, err := openReader(&Env{Data: data, Stdout: io.Discard, Stderr: io.Discard}, false)
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
	s, err := openServer(&Env{Data: data, Stdout: new(strings.Builder), Stderr: new(strings.Builder)}, "", "", time.Nanosecond)
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
