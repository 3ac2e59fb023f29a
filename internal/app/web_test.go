package app

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestIndexBehind: the lag /healthz and /metrics report is the store's
// changes the index has not applied; a server reports it.
func TestIndexBehind(t *testing.T) {
	e := &Env{Data: t.TempDir(), Stdout: &syncBuffer{}, Stderr: &syncBuffer{}}
	store, ix, err := openData(e, false)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if _, err := store.Put(&corpus.Document{URL: fmt.Sprintf("https://example.gov.vn/%d", i), Title: "Kế hoạch", Body: "Nội dung kế hoạch."}); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := indexBehind(store, ix); n != 3 || err != nil {
		t.Errorf("3 documents stored, none indexed: behind %d, %v", n, err)
	}
	if _, err := ix.Sync(context.Background(), store, nil); err != nil {
		t.Fatal(err)
	}
	if n, err := indexBehind(store, ix); n != 0 || err != nil {
		t.Errorf("synced: behind %d, %v", n, err)
	}
	store.Close()
	ix.Close()

	ctx, cancel := context.WithCancel(context.Background())
	base, done, _ := startServe(t, ctx, e.Data, ServeOptions{})
	defer func() { cancel(); <-done }()
	res, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var h struct {
		Status string
		Lag    *uint64 `json:"index_lag"`
	}
	if err := json.NewDecoder(res.Body).Decode(&h); err != nil || h.Status != "ok" || h.Lag == nil || *h.Lag != 0 {
		t.Errorf("/healthz: %+v, %v; want ok and index_lag 0", h, err)
	}
}
