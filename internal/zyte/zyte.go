// Package zyte reads the Zyte article-extraction benchmark (181 pages with
// their ground-truth article bodies, in ../shared/data/zyte-extraction) and
// scores an extracted body with the benchmark's metric, as its
// evaluate.py and ../shared/tools/extract_f1.py do. The extractor's test
// (crawler/extract TestZyteF1) and the scripts/zytedump tool use it.
package zyte

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Page is one benchmark page.
type Page struct {
	ID, URL string
	Truth   string // the ground-truth article body
	HTML    []byte
}

// Load reads the benchmark in dir (ground-truth.json and html/ID.html.gz),
// pages sorted by ID.
func Load(dir string) ([]Page, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("zyte: %w", err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		return nil, fmt.Errorf("zyte: %s: %w", filepath.Join(dir, "ground-truth.json"), err)
	}
	pages := make([]Page, 0, len(truth))
	for id, v := range truth {
		b, err := readGzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, fmt.Errorf("zyte: page %s: %w", id, err)
		}
		pages = append(pages, Page{ID: id, URL: v.URL, Truth: v.ArticleBody, HTML: b})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].ID < pages[j].ID })
	return pages, nil
}

func readGzip(path string) ([]byte, error) {
	gz, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}

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

// PrecisionRecall is the benchmark's per-page metric: precision and recall
// of the extracted body's word 4-grams against the ground truth's. The
// benchmark's figures are the means over pages and the F1 of the means.
func PrecisionRecall(pred, truth string) (p, r float64) {
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
