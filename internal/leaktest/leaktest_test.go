package leaktest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestLeft: a goroutine started after the snapshot and still blocked is
// reported with its stack; one that ends while Left waits, and one running
// before the snapshot, are not.
func TestLeft(t *testing.T) {
	pre := make(chan struct{})
	go waitOn(pre)
	before := Running()

	blocked := make(chan struct{})
	go waitOn(blocked)
	left := Left(before, 50*time.Millisecond)
	if len(left) != 1 || !strings.Contains(left[0], "leaktest.waitOn") {
		t.Errorf("a blocked goroutine: left %q; want its stack", left)
	}

	ending := make(chan struct{})
	go func() {
		<-ending
		close(blocked) // ends both
	}()
	close(ending)
	if left := Left(before, Wait); len(left) != 0 {
		t.Errorf("goroutines that end: left %q", left)
	}
	close(pre)
}

func waitOn(c chan struct{}) { <-c }

// TestLeftClientConnection: the leak search/web's test had (i26-ci): a
// response body never closed keeps its connection's goroutines alive past
// the server's Close; closed, nothing is left.
func TestLeftClientConnection(t *testing.T) {
	for _, closeBody := range []bool{false, true} {
		before := Running()
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, "Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ")
		}))
		tr := &http.Transport{}
		res, err := (&http.Client{Transport: tr}).Get(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		if closeBody {
			res.Body.Close()
		}
		srv.Close()
		tr.CloseIdleConnections()
		wait := Wait
		if !closeBody {
			wait = 50 * time.Millisecond // it never ends: how long is only the test's time
		}
		left := Left(before, wait)
		if closeBody && len(left) != 0 {
			t.Errorf("body closed: left %q", left)
		}
		if !closeBody && (len(left) == 0 || !strings.Contains(strings.Join(left, "\n"), "net/http.(*persistConn)")) {
			t.Errorf("body never closed: left %q; want the connection's loops", left)
		}
		res.Body.Close()
		tr.CloseIdleConnections()
		if left := Left(before, Wait); len(left) != 0 {
			t.Errorf("after the body's close: left %q", left)
		}
	}
}
