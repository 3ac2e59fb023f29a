package extract

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/vanban/vanban/internal/shared"
)

// zyteGoal is the F1 the extractor must keep (measured 0.969, the same as
// ../shared/tools/extract_f1.py) on the Zyte article-extraction benchmark
// (181 pages). References: go-trafilatura 0.960, Readability 0.947, a naive
// goquery heuristic 0.879.
const zyteGoal = 0.963

// wordRE is Python's Unicode \w, as ../shared/tools/extract_f1.py uses it:
// letters (L*), numbers (N*) and "_" (str.isalnum; checked over every code
// point with Python 3.11, Unicode 14). Combining marks (Mn, Mc) are not word
// characters: they split a word, as in NFD text or Devanagari. Go's \w is
// ASCII-only and would shred non-English words.
var wordRE = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// shingles returns the multiset of word 4-grams of s; a text of fewer than
// four words is one shingle, as in the benchmark's evaluate.py.
func shingles(s string) map[string]int {
	toks := wordRE.FindAllString(s, -1)
	out := map[string]int{}
	if len(toks) == 0 {
		return out
	}
	for i := 0; i < max(len(toks)-3, 1); i++ {
		out[strings.Join(toks[i:min(i+4, len(toks))], "\x00")]++
	}
	return out
}

// precisionRecall is the benchmark's per-page metric.
func precisionRecall(pred, truth string) (p, r float64) {
	ps, ts := shingles(pred), shingles(truth)
	tp, fp, fn := 0, 0, 0
	for k, n := range ps {
		m := ts[k]
		tp += min(n, m)
		fp += max(n-m, 0)
	}
	for k, m := range ts {
		fn += max(m-ps[k], 0)
	}
	switch {
	case tp+fp > 0:
		p = float64(tp) / float64(tp+fp)
	case len(ts) == 0:
		p = 1
	}
	r = 1
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	return p, r
}

func TestPrecisionRecall(t *testing.T) {
	tests := []struct {
		pred, truth string
		p, r        float64
	}{
		{"a b c d e", "a b c d e", 1, 1},
		{"a b c d e f", "a b c d e", 2.0 / 3, 1},
		{"", "a b c d", 0, 0},
		{"", "", 1, 1},
		{"Nghị quyết số một hai", "Nghị quyết số một", 0.5, 1},
	}
	for _, tt := range tests {
		p, r := precisionRecall(tt.pred, tt.truth)
		if p != tt.p || r != tt.r {
			t.Errorf("precisionRecall(%q, %q) = %v, %v; want %v, %v", tt.pred, tt.truth, p, r, tt.p, tt.r)
		}
	}
}

type zytePage struct {
	ID, URL, Truth string
	HTML           []byte
}

func loadZyte(t testing.TB) []zytePage {
	dir := shared.Path(t, "data", "zyte-extraction")
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		t.Fatal(err)
	}
	var pages []zytePage
	for id, v := range truth {
		gz, err := os.ReadFile(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, zytePage{id, v.URL, v.ArticleBody, b})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].ID < pages[j].ID })
	return pages
}

// TestZyteF1 scores the extractor on the benchmark, with its own port of
// the metric. Set ZYTE_WORST=n to log the n worst pages.
func TestZyteF1(t *testing.T) {
	pages := loadZyte(t)
	type score struct {
		id   string
		p, r float64
	}
	scores := make([]score, len(pages))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, pg := range pages {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			// As the official script runs `vanban extract FILE`: no
			// Content-Type, no URL.
			a, err := Extract(pg.HTML, "", nil, Options{})
			if err != nil {
				t.Errorf("Extract(%s): %v", pg.ID, err)
				return
			}
			p, r := precisionRecall(a.Body, pg.Truth)
			scores[i] = score{pg.ID, p, r}
		}()
	}
	wg.Wait()
	var P, R float64
	for _, s := range scores {
		P += s.p
		R += s.r
	}
	P /= float64(len(scores))
	R /= float64(len(scores))
	f1 := 2 * P * R / (P + R)
	t.Logf("Zyte benchmark: pages %d precision %.3f recall %.3f F1 %.3f", len(scores), P, R, f1)
	if f1 < zyteGoal {
		t.Errorf("F1 = %.3f, want ≥ %.3f", f1, zyteGoal)
	}
	if n := envInt("ZYTE_WORST"); n > 0 {
		sort.Slice(scores, func(i, j int) bool { return scores[i].p+scores[i].r < scores[j].p+scores[j].r })
		for _, s := range scores[:min(n, len(scores))] {
			t.Logf("%s p=%.2f r=%.2f", s.id, s.p, s.r)
		}
	}
}

func envInt(k string) int {
	n := 0
	for _, c := range os.Getenv(k) {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// TestZyteDump prints the body extracted from one page: ZYTE_DUMP=<id>.
func TestZyteDump(t *testing.T) {
	id := os.Getenv("ZYTE_DUMP")
	if id == "" {
		t.Skip("ZYTE_DUMP not set")
	}
	for _, pg := range loadZyte(t) {
		if strings.HasPrefix(pg.ID, id) {
			u, _ := url.Parse(pg.URL)
			a, err := Extract(pg.HTML, "", u, Options{})
			if err != nil {
				t.Fatal(err)
			}
			pp, _ := Parse(pg.HTML, "", u)
			sc := newScorer(pp.Doc.Nodes[0], true)
			sort.Slice(sc.cands, func(i, j int) bool { return sc.final(sc.cands[i]) > sc.final(sc.cands[j]) })
			for _, c := range sc.cands[:min(5, len(sc.cands))] {
				t.Logf("cand %s.%s#%s %.1f chars=%d", c.Data, attr(c, "class"), attr(c, "id"), sc.final(c), sc.stats[c].chars)
			}
			if top := sc.top(); top != nil {
				t.Logf("top %s.%s#%s", top.Data, attr(top, "class"), attr(top, "id"))
			}
			t.Logf("URL %s\nTITLE %s\nBODY\n%s\n\nTRUTH\n%s", pg.URL, a.Title, a.Body, pg.Truth)
		}
	}
}
