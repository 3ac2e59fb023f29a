package web

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/ctxtest"
)

// TestContextStopsWork: over a real store on disk (a resolution 150 plans
// implement, with two tasks each, and 150 news articles cite), served by
// an httptest server whose requests carry a context that ends after k
// looks. For each route that walks documents or tasks (the document page
// with its Lược đồ, implementation and coverage; a group's page; the JSON
// of both; /api/refs; the tasks view and its JSON; the search JSON with
// each hit's effect), wherever the context
// ends before the answer is written, the handler stops and writes nothing
// (the client gone: 499 in the metrics); with a context that lasts it
// answers in full. A relpage past the group's last page is a 404 from
// the groups' counts: it asks the context exactly as often as reading
// the effect and the groups does (no implementation, no page of links).
func TestContextStopsWork(t *testing.T) {
	const plans, news = 150, 150
	h, store := pageService(t, manyPlans("52-NQ/TW", plans, 2, news))
	id := docID(t, store, "52-NQ/TW")
	var ctxs atomic.Pointer[ctxtest.EndsAfter]
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r.WithContext(ctxs.Load()))
	}))
	defer srv.Close()
	get := func(path string, k int64) (int, string, int64) {
		t.Helper()
		ctx := ctxtest.New(k)
		ctxs.Store(ctx)
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, string(body), ctx.Looks(k)
	}
	const lasting = 1 << 40
	for _, c := range []struct {
		path     string
		want     string // in the full answer
		minLooks int64  // looks of the loops, beyond ServeHTTP's
	}{
		{"/doc/" + id, `id="luoc-do"`, 8},
		{"/doc/" + id + "?rel=in.implements&relpage=2", `id="luoc-do"`, 8},
		{"/api/documents/" + id + "?rel=in.implements&relpage=2", `"relation_page"`, 4},
		{"/api/refs?key=52-NQ/TW", `"cited_by"`, 4},
		{"/api/tasks?parent=52-NQ/TW", `"tasks"`, 2},
		{"/tasks?parent=52-NQ/TW", "KH-UBND", 2},
		{"/api/search?q=ngh%E1%BB%8B+quy%E1%BA%BFt+52-NQ%2FTW&size=50", `"effect"`, 5},
	} {
		get(c.path, lasting) // the first loads the tasks table (a look a plan)
		status, body, all := get(c.path, lasting)
		if status != 200 || !strings.Contains(body, c.want) {
			t.Fatalf("GET %s with a lasting context: %d, %.200s", c.path, status, body)
		}
		t.Logf("GET %s: %d looks", c.path, all)
		if all < c.minLooks+1 {
			t.Errorf("GET %s asks its context %d times, want at least %d", c.path, all, c.minLooks+1)
		}
		// The last look is ServeHTTP's, after the answer: every earlier
		// one that finds the context ended stops the handler.
		for k := range all - 1 {
			before := metricValue(t, h, `vanban_http_requests_total{code="499",route="`+routeOf(c.path)+`"}`)
			status, body, _ := get(c.path, k)
			if status != 200 || body != "" {
				t.Errorf("GET %s, the context ending at look %d of %d: %d, %d bytes written: %.200s", c.path, k+1, all, status, len(body), body)
			}
			after := metricValue(t, h, `vanban_http_requests_total{code="499",route="`+routeOf(c.path)+`"}`)
			if n, _ := strconv.Atoi(before); strconv.Itoa(n+1) != after {
				t.Errorf("GET %s, the context ending at look %d: 499 counted %s → %s", c.path, k+1, before, after)
			}
		}
	}

	// Past the last page: a 404 from the counts, after the effect (which
	// names the Lược đồ's end).
	rgLooks := func() int64 {
		ctx := ctxtest.New(lasting)
		if _, err := store.DocEffect(ctx, id, time.Now()); err != nil {
			t.Fatal(err)
		}
		if _, err := store.RelationGroups(ctx, "52-NQ/TW", maxLuocDoLinks); err != nil {
			t.Fatal(err)
		}
		return ctx.Looks(lasting)
	}()
	for _, path := range []string{"/doc/" + id + "?rel=in.implements&relpage=5", "/doc/" + id + "?rel=out.repeals"} {
		status, _, looks := get(path, lasting)
		t.Logf("GET %s: %d, %d looks", path, status, looks)
		if status != 404 || looks != rgLooks+1 {
			t.Errorf("GET %s: %d after %d looks, want 404 after %d (the effect and the groups, then ServeHTTP)", path, status, looks, rgLooks+1)
		}
	}
	_, body, _ := get("/api/documents/"+id+"?rel=in.implements&relpage=5", lasting)
	var doc struct {
		RelationPage relationPageJSON `json:"relation_page"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	if p := doc.RelationPage; p.Total != plans+1 || p.Links == nil || len(p.Links) != 0 || p.Next != "" || p.Kind != "implements" || !p.In {
		t.Errorf("JSON page past the last: %+v", p)
	}
}

// routeOf is the route pattern of path, as the metrics name it.
func routeOf(path string) string {
	for _, r := range []struct{ prefix, route string }{{"/doc/", "GET /doc/{id}"}, {"/api/documents/", "GET /api/documents/{id}"},
		{"/api/refs", "GET /api/refs"}, {"/api/tasks", "GET /api/tasks"}, {"/tasks", "GET /tasks"}, {"/api/search", "GET /api/search"}} {
		if strings.HasPrefix(path, r.prefix) {
			return r.route
		}
	}
	return ""
}

// TestContextHandlerLoops: with a context already cancelled, each loop
// of the handlers over documents returns context.Canceled at once, over
// the same real store.
func TestContextHandlerLoops(t *testing.T) {
	hh, store := pageService(t, manyPlans("52-NQ/TW", 100, 1, 100))
	h := hh.(*Handler)
	id := docID(t, store, "52-NQ/TW")
	doc, err := store.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	eff, err := h.effect(context.Background(), doc)
	if eff == nil || err != nil {
		t.Fatalf("no effect: %v", err)
	}
	if e, err := h.effect(ctx, doc); !errors.Is(err, context.Canceled) || e != nil {
		t.Errorf("effect: %v, %v", e, err)
	}
	if _, _, err := h.luocDo(ctx, doc, eff.Key, nil, 1, func(u url.Values) string { return "" }); !errors.Is(err, context.Canceled) {
		t.Errorf("luocDo: %v", err)
	}
	if _, err := h.implementation(ctx, doc); !errors.Is(err, context.Canceled) {
		t.Errorf("implementation: %v", err)
	}
	if _, err := h.documentJSON(ctx, doc, 1, &relGroup{in: true, kind: "implements"}, 1); !errors.Is(err, context.Canceled) {
		t.Errorf("documentJSON: %v", err)
	}
	if _, _, err := h.citations(ctx, doc, 1); !errors.Is(err, context.Canceled) {
		t.Errorf("citations: %v", err)
	}
	ids, err := store.CitedBy("52-NQ/TW")
	if err != nil || len(ids) < 200 {
		t.Fatalf("CitedBy: %d, %v", len(ids), err)
	}
	if _, err := h.docLinks(ctx, ids); !errors.Is(err, context.Canceled) {
		t.Errorf("docLinks: %v", err)
	}
	// ending in the loop: at its second look, document ctxEvery
	late := ctxtest.New(1)
	if links, err := h.docLinks(late, ids); !errors.Is(err, context.Canceled) || links != nil || late.Looks(1) != 2 {
		t.Errorf("docLinks ending at document %d: %d links, %v, %d looks", ctxEvery, len(links), err, late.Looks(1))
	}
}
