package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// TestRetryAfterHoldsHost: a 503 with Retry-After on one page stops the
// other workers of the site too, for that long: the portal said it is
// busy. At most the one request already under way when the 503 came
// back reaches the server within the wait. A Retry-After past the cap is
// not waited for: the page fails at once, for the next run.
func TestRetryAfterHoldsHost(t *testing.T) {
	var mu sync.Mutex
	var arrivals []time.Time
	var busyAt time.Time
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		hits[r.URL.Path]++
		arrivals = append(arrivals, time.Now())
		switch p := r.URL.Path; {
		case p == "/tin-tuc":
			fmt.Fprint(w, `<html><body><a href="/ban">Bận</a>`)
			for i := 1; i <= 8; i++ {
				fmt.Fprintf(w, ` <a href="/bai/%d">Bài %d</a>`, i, i)
			}
			fmt.Fprint(w, ` <a href="/bao-tri">Bảo trì</a></body></html>`)
		case p == "/ban" && hits[p] == 1:
			w.Header().Set("Retry-After", "1")
			busyAt = time.Now()
			http.Error(w, "busy", http.StatusServiceUnavailable)
		case p == "/bao-tri":
			w.Header().Set("Retry-After", "3600")
			http.Error(w, "maintenance", http.StatusServiceUnavailable)
		case p == "/robots.txt":
			http.NotFound(w, r)
		default:
			fmt.Fprint(w, page("Bài "+p, "Ủy ban nhân dân tỉnh thông báo kết quả giải quyết thủ tục hành chính trong tháng."))
		}
	}))
	defer srv.Close()
	store := openStore(t)
	c := New(store, Options{Policy: Policy{Timeout: testPageTimeout, Retries: 2, BackoffBase: 10 * time.Millisecond, MaxRetryAfter: 2 * time.Second}})
	site := &Site{Name: "busy", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/(bai|ban|bao-tri)`}, Concurrency: 2}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	rep, err := c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if busyAt.IsZero() {
		t.Fatal("/ban never answered 503")
	}
	within := 0
	for _, a := range arrivals {
		if a.After(busyAt) && a.Before(busyAt.Add(time.Second)) {
			within++
		}
	}
	if within > 1 {
		t.Errorf("%d requests reached the site within the second its Retry-After asked for, want at most 1 (the one under way)", within)
	}
	if hits["/ban"] != 2 || hits["/bao-tri"] != 1 {
		t.Errorf("/ban fetched %d times, /bao-tri %d: want 2 (503, then 200) and 1 (Retry-After: 3600 is past the 2s cap)", hits["/ban"], hits["/bao-tri"])
	}
	if rep.New != 9 || rep.Failed != 1 || rep.Errors["http_503"] != 1 {
		t.Errorf("report %+v: want 9 new, /bao-tri failed with http_503", rep)
	}
}
