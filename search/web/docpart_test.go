package web

import (
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	rtmetrics "runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/demo"
	"github.com/vanban/vanban/search"
)

// TestBodyParts: parts are at most max bytes, cover the body exactly,
// end at a paragraph when one ends in the part, and never cut a rune.
func TestBodyParts(t *testing.T) {
	para := "Điều 1. Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành triển khai thực hiện."
	for _, c := range []struct {
		name  string
		body  string
		max   int
		parts int
	}{
		{"short", para, 1 << 10, 1},
		{"paragraphs", strings.Repeat(para+"\n", 100), 1 << 10, 0},
		{"one long line", strings.Repeat(para+" ", 100), 1 << 10, 0},
		{"no spaces", strings.Repeat("đđđđđđđđ", 1000), 1 << 10, 0},
		{"exact", strings.Repeat("a", 1<<10), 1 << 10, 1},
		{"empty", "", 1 << 10, 1},
	} {
		cuts := bodyParts(c.body, c.max)
		if c.parts > 0 && len(cuts)-1 != c.parts {
			t.Errorf("%s: %d parts, want %d", c.name, len(cuts)-1, c.parts)
		}
		if cuts[0] != 0 || cuts[len(cuts)-1] != len(c.body) {
			t.Fatalf("%s: cuts %v do not cover %d bytes", c.name, cuts, len(c.body))
		}
		for i := 1; i < len(cuts); i++ {
			p := c.body[cuts[i-1]:cuts[i]]
			switch {
			case len(p) > c.max || len(p) == 0 && len(c.body) > 0:
				t.Errorf("%s: part %d of %d bytes", c.name, i, len(p))
			case !utf8.ValidString(p):
				t.Errorf("%s: part %d cuts a rune", c.name, i)
			case strings.Contains(c.body, "\n") && i < len(cuts)-1 && !strings.HasSuffix(p, "\n"):
				t.Errorf("%s: part %d does not end at a paragraph: …%q", c.name, i, p[len(p)-10:])
			case strings.Contains(c.body, " ") && !strings.Contains(c.body, "\n") && i < len(cuts)-1 && !strings.HasSuffix(p, " "):
				t.Errorf("%s: part %d cuts a word", c.name, i)
			}
		}
	}
}

// FuzzBodyParts: any body, any limit: the parts cover it, each within the
// limit and not empty.
func FuzzBodyParts(f *testing.F) {
	f.Add("Điều 1.\nĐiều 2. Phạm vi", 8)
	f.Add("đđđđ", 3)
	f.Fuzz(func(t *testing.T, body string, max int) {
		if max < 4 || max > 1<<16 {
			return
		}
		cuts := bodyParts(body, max)
		if cuts[0] != 0 || cuts[len(cuts)-1] != len(body) {
			t.Fatalf("cuts %v do not cover %d bytes", cuts, len(body))
		}
		for i := 1; i < len(cuts); i++ {
			if n := cuts[i] - cuts[i-1]; n > max || n <= 0 && len(body) > 0 {
				t.Fatalf("part %d of %d bytes (max %d): cuts %v", i, n, max, cuts)
			}
			if utf8.ValidString(body) && !utf8.ValidString(body[cuts[i-1]:cuts[i]]) {
				t.Fatalf("part %d cuts a rune", i)
			}
		}
	})
}

// longDoc is a document of about n bytes of real paragraphs (the demo
// articles' bodies, repeated).
func longDoc(n int) *corpus.Document {
	var b strings.Builder
	for b.Len() < n {
		for _, a := range demo.Articles() {
			b.WriteString(a.Body)
			b.WriteString("\n")
		}
	}
	body := strings.ToValidUTF8(b.String()[:n], "") // not a rune cut in two
	return &corpus.Document{URL: "http://long.test/van-ban-dai", Site: "long", Title: "Văn bản rất dài", Body: body}
}

// TestDocPageParts: a long document's page shows one part of its body,
// with links to the others; each part page is about partBytes however long
// the document; a part past the last is 404, a malformed one 400; the query's words are marked in
// the part shown.
func TestDocPageParts(t *testing.T) {
	doc := longDoc(5*partBytes + partBytes/2)
	srv, _ := demoServer(t, doc)
	id := corpus.IDForURL(doc.URL)
	page, _ := get(t, srv.URL+"/doc/"+id, 200)
	if !strings.Contains(page, "Phần 1/6") || !strings.Contains(page, `href="/doc/`+id+`?part=2"`) {
		t.Errorf("part 1 lacks its place and the link to part 2")
	}
	if len(page) > 2*partBytes {
		t.Errorf("part 1 page is %d bytes for a part of %d", len(page), partBytes)
	}
	if !strings.Contains(page, "xem tất cả trong danh sách nhiệm vụ") {
		t.Errorf("part 1 lists all of the document's tasks instead of linking the tasks view")
	}
	cuts := bodyParts(doc.Body, partBytes)
	page, _ = get(t, srv.URL+"/doc/"+id+"?part=3&q=chuyen+doi+so", 200)
	first := strings.SplitN(strings.TrimSpace(doc.Body[cuts[2]:cuts[3]]), "\n", 2)[0]
	if !strings.Contains(page, "Phần 3/6") || !strings.Contains(page, "<mark>") ||
		!strings.Contains(page, html.EscapeString(first[:min(len(first), 20)])) {
		t.Errorf("part 3 lacks its place, its text or the marks of the query")
	}
	if !strings.Contains(page, "part=2&amp;q=chuyen&#43;doi&#43;so") {
		t.Errorf("part links drop the query")
	}
	get(t, srv.URL+"/doc/"+id+"?part=7", 404)
	get(t, srv.URL+"/doc/"+id+"?part=x", 400)
	var stored corpus.Document
	getJSON(t, srv.URL+"/api/documents/"+id, 200, &stored)
	if stored.Body != doc.Body {
		t.Errorf("/api/documents holds %d bytes of body, want all %d", len(stored.Body), len(doc.Body))
	}
}

// BenchmarkDocPageBig is the memory of four concurrent requests for the
// page of a 40 MB document: the peak of the Go heap while they run
// (runtime/metrics, sampled every millisecond), with the handler's
// document memory (DefaultDocMemory) and without a bound.
//
//	go test ./search/web -run '^$' -bench DocPageBig -benchtime 3x
func BenchmarkDocPageBig(b *testing.B) {
	ix, store := demoIndex(b)
	doc := longDoc(40 << 20)
	if _, err := store.Put(doc); err != nil { // stored, not indexed: the page reads the store
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		mem  int64
	}{{"bounded", DefaultDocMemory}, {"unbounded", 1 << 40}} {
		b.Run(c.name, func(b *testing.B) {
			srv := httptest.NewServer(NewHandler(search.New(ix), store, nil, WithDocMemory(c.mem)))
			defer srv.Close()
			var peak uint64
			for b.Loop() {
				runtime.GC()
				stop := sampleHeap(&peak)
				var wg sync.WaitGroup
				for range 4 {
					wg.Add(1)
					go func() {
						defer wg.Done()
						res, err := http.Get(srv.URL + "/doc/" + doc.ID + "?q=chuyen+doi+so")
						if err != nil {
							b.Error(err)
							return
						}
						io.Copy(io.Discard, res.Body)
						res.Body.Close()
					}()
				}
				wg.Wait()
				stop()
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}

// sampleHeap records the peak of the live heap objects' bytes in *peak
// until stop is called.
func sampleHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	s := []rtmetrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		defer close(finished)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			rtmetrics.Read(s)
			if v := s[0].Value.Uint64(); v > *peak {
				*peak = v
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); <-finished }
}
