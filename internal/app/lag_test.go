package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// TestServeCatchesUp: documents stored but not indexed (an ingest killed
// between its store and index stages) were invisible to `serve`, and
// nothing said so. Now stats reports the lag and serve applies it before
// answering, logging it.
func TestServeCatchesUp(t *testing.T) {
	data := ingested(t)
	store, err := corpus.OpenStore(data, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	_, err = store.PutBatch([]*corpus.Document{
		{ID: "late1", Title: "Công văn về phòng chống thiên tai", Body: "Chủ động ứng phó với bão lũ và sạt lở đất."},
		{ID: "late2", Title: "Thông báo lịch tiếp công dân", Body: "Lịch tiếp công dân định kỳ của lãnh đạo tỉnh."},
	})
	store.Close()
	if err != nil {
		t.Fatal(err)
	}

	stdout, _, err := call(t, data, RunStats, StatsOptions{JSON: true})
	var st stats
	if err != nil || json.Unmarshal([]byte(stdout), &st) != nil {
		t.Fatalf("stats: %v %s", err, stdout)
	}
	if st.IndexLag.Behind != 2 || st.IndexLag.StoreSeq != 5 || st.IndexLag.AppliedSeq != 3 {
		t.Errorf("stats index_lag = %+v, want 2 behind (3 of 5)", st.IndexLag)
	}
	if stdout, _, _ := call(t, data, RunStats, StatsOptions{}); !strings.Contains(stdout, "2 changes behind the store (sequence 3 of 5): run `vanban index`") {
		t.Errorf("stats printed %q, want the lag", stdout)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, done, errb := startServe(t, ctx, data, ServeOptions{})
	res, err := http.Get(base + "/api/search?q=" + url.QueryEscape("sạt lở"))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(body), `"late1"`) {
		t.Errorf("serve answers from a stale index: %s", body)
	}
	if !strings.Contains(errb.String(), "catching up before serving") || !strings.Contains(errb.String(), `"behind":2`) {
		t.Errorf("serve did not log the catch-up: %s", errb.String())
	}
	stdout, _, err = call(t, data, RunStats, StatsOptions{JSON: true})
	if err != nil || json.Unmarshal([]byte(stdout), &st) != nil || st.IndexLag.Behind != 0 || st.IndexLag.StoreSeq != 5 {
		t.Errorf("stats through the server: %v %s, want no lag", err, stdout)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
}

// TestHealthzLag: /healthz said ok and /metrics said nothing while the
// index was behind the store. Now both report the lag, from the same
// measure as stats.
func TestHealthzLag(t *testing.T) {
	data := ingested(t)
	e := &Env{Data: data, Stdout: io.Discard, Stderr: io.Discard}
	store, ix, err := openData(context.Background(), e, false)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	defer ix.Close()
	srv := httptest.NewServer(searchHandler(e, store, ix, DefaultRequestTimeout, nil, nil))
	defer srv.Close()
	check := func(wantLag int, wantStatus string) {
		t.Helper()
		var h struct {
			Status   string
			IndexLag *int `json:"index_lag"`
		}
		res, err := http.Get(srv.URL + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		json.NewDecoder(res.Body).Decode(&h)
		res.Body.Close()
		if res.StatusCode != 200 || h.Status != wantStatus || h.IndexLag == nil || *h.IndexLag != wantLag {
			t.Errorf("/healthz: %d %+v, want status %q and index_lag %d", res.StatusCode, h, wantStatus, wantLag)
		}
		res, err = http.Get(srv.URL + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if want := fmt.Sprintf("\nvanban_index_lag_changes %d\n", wantLag); !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %q", strings.TrimSpace(want))
		}
	}
	check(0, "ok")
	if _, err := store.PutBatch([]*corpus.Document{{ID: "late", Title: "Công văn", Body: "Nội dung mới."}}); err != nil {
		t.Fatal(err)
	}
	check(1, "behind")
	if _, err := ix.Sync(t.Context(), store, nil); err != nil {
		t.Fatal(err)
	}
	check(0, "ok")
}
