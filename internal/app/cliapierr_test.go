package app

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestCLIInternalErrors: the read API answered every error 422 with its
// text, a failure of the server's store included (its data directory's
// path and all), which the command printed as if it were its own. The
// command's own errors (a number naming nothing, a filter it cannot read)
// stay 422 in its words; a failure of the server is logged and answered
// 500 with a short message, and the command names the server.
func TestCLIInternalErrors(t *testing.T) {
	data := cliData(t)
	var logs syncBuffer
	s, err := openServer(context.Background(), &Env{Data: data, Stdout: io.Discard, Stderr: &logs}, "", "", 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s.publicHandler())
	defer hs.Close()

	// the command's own errors, before the store fails
	for _, path := range []string{"links?arg=9999", "refs?arg=" + "nq%2099x", "tasks?from=30%2F6%2F2026"} {
		res, err := http.Get(hs.URL + "/api/cli/" + path)
		if err != nil {
			t.Fatal(err)
		}
		var e struct{ Error string }
		json.NewDecoder(res.Body).Decode(&e)
		res.Body.Close()
		if res.StatusCode != http.StatusUnprocessableEntity && res.StatusCode != http.StatusBadRequest || e.Error == "" {
			t.Errorf("%s: %d %q; want the command's own error (422 or 400, its words)", path, res.StatusCode, e.Error)
		}
	}

	s.store.Close() // the store fails every read from now on (the index stays open: bleve panics on a closed one)
	defer s.ix.Close()
	for _, path := range []string{"refs?arg=88%2FKH-UBND", "links?arg=88%2FKH-UBND", "tasks", "tasks.csv", "search?q=giao+thong&limit=5"} {
		res, err := http.Get(hs.URL + "/api/cli/" + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusInternalServerError || strings.Contains(string(b), data) {
			t.Errorf("%s on a failed store: %d %s; want 500 with a short message (no data directory)", path, res.StatusCode, b)
		}
	}
	if !strings.Contains(logs.String(), `"level":"ERROR"`) || !strings.Contains(logs.String(), "refs failed") {
		t.Errorf("the server's failures are not logged as errors:\n%s", logs.String())
	}
	err = RunRefs(context.Background(), &Env{Data: data, Stdout: io.Discard, Stderr: io.Discard}, RefsOptions{Arg: "88/KH-UBND", Server: hs.URL})
	if err == nil || !strings.Contains(err.Error(), "the server at "+hs.URL) || strings.Contains(err.Error(), data) {
		t.Errorf("refs of a failing server: %v; want an error naming the server, without its data directory", err)
	}
}
