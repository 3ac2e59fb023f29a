package app

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/graph"
	"github.com/vanban/vanban/demo"
	"github.com/vanban/vanban/search"
)

// TestDemoReplacement is the demo scenario of issue 18: the portal publishes
// a decision (generation 1); a later generation publishes one that replaces
// it. After the nightly crawl the first shows as replaced, drops out of the
// "còn hiệu lực" filter and links to its successor.
func TestDemoReplacement(t *testing.T) {
	var gen atomic.Int32
	gen.Store(1)
	handlers := map[int32]http.Handler{1: demo.HandlerAt(1), 2: demo.HandlerAt(2)}
	portal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handlers[gen.Load()].ServeHTTP(w, r)
	}))
	defer portal.Close()
	data, cfg := t.TempDir(), writeDemoConfig(t, portal.URL)
	const first, second = "08/2024/QĐ-UBND", "15/2025/QĐ-UBND"

	inForce := func() map[string]string {
		t.Helper()
		out, _, err := call(t, data, RunSearch, SearchOptions{Query: "quy chế quản lý cụm công nghiệp", Limit: 20, JSON: true,
			Filters: search.Filters{InForce: true}})
		if err != nil {
			t.Fatal(err)
		}
		var res search.Result
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, h := range res.Hits {
			m[h.Number] = h.ID
		}
		return m
	}
	refs := func(key string) string {
		t.Helper()
		out, _, err := call(t, data, RunRefs, RefsOptions{Arg: key})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}

	if _, _, err := call(t, data, RunNightly, NightlyOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatal(err)
	}
	if m := inForce(); m[first] == "" || m[second] != "" {
		t.Fatalf("generation 1, in force: %v; want %s only", m, first)
	}
	if out := refs(first); !strings.Contains(out, "status: Còn hiệu lực (in force from 2024-03-22)") {
		t.Errorf("generation 1, refs %s:\n%s", first, out)
	}

	gen.Store(2) // the next night, the portal has the replacing decision
	if _, _, err := call(t, data, RunNightly, NightlyOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatal(err)
	}
	m := inForce()
	if m[first] != "" || m[second] == "" {
		t.Errorf("generation 2, in force: %v; want %s only", m, second)
	}
	out := refs(first)
	for _, want := range []string{"status: Đã bị thay thế bởi 15/2025/QĐ-UBND từ 01/7/2025", "Văn bản thay thế", second} {
		if !strings.Contains(out, want) {
			t.Errorf("generation 2, refs %s: no %q in\n%s", first, want, out)
		}
	}

	// the web: the badge on the hit and on the page, with a link to the successor
	store, ix, err := openData(context.Background(), &Env{Data: data}, true)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	defer ix.Close()
	srv := httptest.NewServer(searchHandler(&Env{Data: data, Stderr: io.Discard}, store, ix, DefaultRequestTimeout, nil, nil))
	defer srv.Close()
	ids, _ := store.ByNumber(first)
	succ, _ := store.ByNumber(second)
	if len(ids) != 1 || len(succ) != 1 {
		t.Fatalf("stored %v, %v", ids, succ)
	}
	for _, u := range []string{"/doc/" + ids[0], "/?q=c%E1%BB%A5m+c%C3%B4ng+nghi%E1%BB%87p"} {
		body := httpBody(t, srv.URL+u)
		for _, want := range []string{`class="badge ended"`, "Đã bị thay thế bởi 15/2025/QĐ-UBND từ 01/7/2025", `href="/doc/` + succ[0] + `"`} {
			if !strings.Contains(body, want) {
				t.Errorf("GET %s: no %q", u, want)
			}
		}
	}
	if body := httpBody(t, srv.URL+"/doc/"+succ[0]); !strings.Contains(body, "<h2>Lược đồ</h2>") || !strings.Contains(body, "Văn bản bị thay thế (1)") ||
		!strings.Contains(body, `href="/doc/`+ids[0]+`"`) {
		t.Errorf("the successor's page has no Lược đồ naming the replaced decision")
	}
	if body := httpBody(t, srv.URL+"/?in_force=1&q=c%E1%BB%A5m+c%C3%B4ng+nghi%E1%BB%87p"); strings.Contains(body, "/doc/"+ids[0]) || !strings.Contains(body, "/doc/"+succ[0]) {
		t.Errorf("the page's còn hiệu lực filter keeps the replaced decision or drops its successor")
	}
	var api struct {
		Effect    graph.Effect    `json:"effect"`
		Relations graph.Relations `json:"relations"`
	}
	if err := json.Unmarshal([]byte(httpBody(t, srv.URL+"/api/refs?key="+first)), &api); err != nil {
		t.Fatal(err)
	}
	if api.Effect.State != graph.StateEnded || api.Effect.Ended.By != second || len(api.Relations.In) != 1 || api.Relations.In[0].Docs[0] != succ[0] {
		t.Errorf("/api/refs?key=%s: %+v", first, api)
	}
	if e, _ := store.Effect(context.Background(), first, time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)); e.State != graph.StateInForce {
		t.Errorf("the day before the replacement takes effect: %+v", e)
	}
}

func httpBody(t *testing.T, u string) string {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", u, res.StatusCode, b)
	}
	return string(b)
}
