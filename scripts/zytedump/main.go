// Command zytedump explains the extractor's work on pages of the Zyte
// article-extraction benchmark (../shared/data/zyte-extraction): for each
// page whose ID starts with one of the arguments, the precision and recall
// of the extracted body (the benchmark's metric), the best-scoring
// candidate blocks, the extracted body and the ground truth; with -worst N,
// the N pages with the lowest precision + recall first.
//
//	go run ./scripts/zytedump -worst 10
//	go run ./scripts/zytedump [-dir DIR] [-n 5] [-body=false] ID-PREFIX…
//
// The extractor's quality gate is the test crawler/extract TestZyteF1;
// docs/extraction.md has the figures.
package main

import (
	"cmp"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"slices"
	"strings"

	"github.com/vanban/vanban/crawler/extract"
	"github.com/vanban/vanban/internal/shared"
	"github.com/vanban/vanban/internal/zyte"
)

func main() {
	dir := flag.String("dir", "", "benchmark `DIR` (default ../shared/data/zyte-extraction)")
	worst := flag.Int("worst", 0, "list the `N` worst pages first")
	n := flag.Int("n", 5, "candidate blocks to show per page")
	body := flag.Bool("body", true, "print the extracted body and the ground truth")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "Usage: go run ./scripts/zytedump [-dir DIR] [-worst N] [-n 5] [-body=false] [ID-PREFIX…]\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *worst <= 0 && flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(os.Stdout, *dir, *worst, *n, *body, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "zytedump:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, dir string, worst, n int, body bool, prefixes []string) error {
	if dir == "" {
		s, err := shared.Find()
		if err != nil {
			return fmt.Errorf("%w (or give -dir)", err)
		}
		dir = s + "/data/zyte-extraction"
	}
	pages, err := zyte.Load(dir)
	if err != nil {
		return err
	}
	if worst > 0 {
		type scored struct {
			id   string
			p, r float64
		}
		var all []scored
		var P, R float64
		for _, pg := range pages {
			// As the benchmark's script runs `vanban extract FILE`: no
			// Content-Type, no URL.
			a, err := extract.Extract(pg.HTML, "", nil, extract.Options{})
			if err != nil {
				return fmt.Errorf("page %s: %w", pg.ID, err)
			}
			p, r := zyte.PrecisionRecall(a.Body, pg.Truth)
			all = append(all, scored{pg.ID, p, r})
			P, R = P+p/float64(len(pages)), R+r/float64(len(pages))
		}
		fmt.Fprintf(w, "%d pages: precision %.3f recall %.3f F1 %.3f\n", len(pages), P, R, 2*P*R/(P+R))
		slices.SortStableFunc(all, func(a, b scored) int { return cmp.Compare(a.p+a.r, b.p+b.r) })
		for _, s := range all[:min(worst, len(all))] {
			fmt.Fprintf(w, "%s p=%.2f r=%.2f\n", s.id, s.p, s.r)
		}
	}
	for _, prefix := range prefixes {
		found := false
		for _, pg := range pages {
			if strings.HasPrefix(pg.ID, prefix) {
				found = true
				if err := explain(w, pg, n, body); err != nil {
					return err
				}
			}
		}
		if !found {
			return fmt.Errorf("no page ID starts with %q", prefix)
		}
	}
	return nil
}

// explain prints one page: its scores, candidate blocks, body and truth.
func explain(w io.Writer, pg zyte.Page, n int, body bool) error {
	u, _ := url.Parse(pg.URL)
	page, err := extract.Parse(pg.HTML, "", u)
	if err != nil {
		return fmt.Errorf("page %s: %w", pg.ID, err)
	}
	a, err := extract.Extract(pg.HTML, "", nil, extract.Options{})
	if err != nil {
		return fmt.Errorf("page %s: %w", pg.ID, err)
	}
	p, r := zyte.PrecisionRecall(a.Body, pg.Truth)
	fmt.Fprintf(w, "\n== %s p=%.2f r=%.2f\nURL   %s\nTITLE %s\n", pg.ID, p, r, pg.URL, a.Title)
	for _, c := range page.Candidates(n) {
		mark := " "
		if c.Top {
			mark = "*"
		}
		fmt.Fprintf(w, "%s cand %-50s %8.1f chars=%d\n", mark, c.Element, c.Score, c.Chars)
	}
	if body {
		fmt.Fprintf(w, "BODY\n%s\n\nTRUTH\n%s\n", a.Body, pg.Truth)
	}
	return nil
}
