package app

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"os"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/graph"
	"github.com/vanban/vanban/crawler"
	"github.com/vanban/vanban/eval"
	"github.com/vanban/vanban/internal/cputime"
	"github.com/vanban/vanban/search"
)

// SearchOptions are the options of `vanban search`.
type SearchOptions struct {
	Query   string
	JSON    bool // print the result as JSON
	Limit   int  // number of results
	Filters search.Filters
	// Bench, when set, times every query of this BEIR queries file
	// instead: Passes timed passes after one warm-up; Facets times the web
	// page's search (top hits, exact total, facets); Exhaustive scores every
	// matching document instead of the top-k evaluation.
	Bench      string
	Passes     int
	Facets     bool
	Exhaustive bool
	// AllCopies lists every copy of a document number; by default a
	// number is one result, its copies named under it
	// (search.Request.Collapse).
	AllCopies bool
	// AnyWord counts every document matching any word; by default the
	// count is of those holding enough of the query's units
	// (search.Request.MinMatch); the list is the same.
	AnyWord bool
	// Profile names the weights' profile (search.Profiles; "": the
	// default weights).
	Profile string
}

// RunSearch searches the index and prints the results, or times a query
// set (opts.Bench).
func RunSearch(ctx context.Context, e *Env, opts SearchOptions) error {
	if opts.Bench != "" {
		return benchQueries(ctx, e, opts.Bench, opts.Passes, opts.Profile, search.Request{Size: opts.Limit, TopOnly: !opts.Exhaustive, Facets: opts.Facets, Filters: opts.Filters})
	}
	s, done, err := openSearcher(e, opts.Profile)
	if err != nil {
		return err
	}
	defer done()
	res, err := s.Search(ctx, search.Request{Query: opts.Query, Size: opts.Limit, TopOnly: true, Filters: opts.Filters, Collapse: !opts.AllCopies, MinMatch: !opts.AnyWord})
	if err != nil {
		return err
	}
	addEffects(ctx, e, res.Hits, time.Now())
	if opts.JSON {
		enc := json.NewEncoder(e.Stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	// the first line counts the list; what it holds of the query, and the
	// copies folded, close the output
	switch {
	case res.TotalIsLowerBound:
		fmt.Fprintf(e.Stdout, "top %d of at least %d results (%.1f ms)\n", len(res.Hits), res.Total, res.TookMS)
	case res.Listed > 0:
		fmt.Fprintf(e.Stdout, "%d results (%.1f ms)\n", res.Listed, res.TookMS)
	default:
		fmt.Fprintf(e.Stdout, "%d results (%.1f ms)\n", res.Total, res.TookMS)
	}
	defer func() {
		if res.Listed > 0 {
			fmt.Fprintf(e.Stdout, "\n%d of them hold the query (its pairs of words and the number it names); the others match some of its words (--any-word counts them)\n", res.Total)
		}
		if res.Folded > 0 {
			fmt.Fprintf(e.Stdout, "%d copies of the same numbers folded (--all-copies lists them)\n", res.Folded)
		}
	}()
	for i, h := range res.Hits {
		title := cmp.Or(h.Title, h.Number, h.ID) // an untitled import: its number, else its ID
		fmt.Fprintf(e.Stdout, "\n%d. %s", i+1, title)
		if h.Published != "" {
			fmt.Fprintf(e.Stdout, " (%s)", h.Published)
		}
		// where to read it: the source page, else (an import) the ID the
		// page (/doc/{id}) and `vanban refs` take
		fmt.Fprintf(e.Stdout, "\n   %s\n", cmp.Or(h.URL, h.ID))
		if h.File != "" {
			fmt.Fprintf(e.Stdout, "   in the %s file %s%s\n", strings.ToUpper(h.File), crawler.FileName(h.URL), pageNote(h.Page))
		}
		fmt.Fprintf(e.Stdout, "   %s\n", plainSnippet(h.Snippet))
		if h.Effect != nil && h.Effect.State != graph.StateUnknown {
			fmt.Fprintf(e.Stdout, "   [%s]\n", h.Effect.Label)
		}
		if len(h.Copies) > 0 {
			fmt.Fprintf(e.Stdout, "   %d bản khác:\n", len(h.Copies))
			for _, c := range h.Copies {
				fmt.Fprintf(e.Stdout, "     %s\n", cmp.Or(c.URL, c.ID))
			}
		}
	}
	return nil
}

// pageNote is ", page N" for a known page.
func pageNote(p int) string {
	if p == 0 {
		return ""
	}
	return fmt.Sprintf(", page %d", p)
}

// addEffects gives the hits their effect status from the store, when the
// store can be read at once (a running `vanban serve` may hold it: the
// statuses are then left out, the results are not delayed).
func addEffects(ctx context.Context, e *Env, hits []search.Hit, now time.Time) {
	if len(hits) == 0 {
		return
	}
	store, err := corpus.OpenStore(e.Data, true, 100*time.Millisecond)
	if err != nil {
		return
	}
	defer store.Close()
	for i := range hits {
		if eff, err := store.DocEffect(ctx, hits[i].ID, now); err == nil {
			hits[i].Effect = &eff
		}
	}
}

var markTag = regexp.MustCompile(`</?mark>`)

// plainSnippet turns an HTML snippet into terminal text, matches in [brackets].
func plainSnippet(s string) string {
	s = markTag.ReplaceAllStringFunc(s, func(t string) string {
		if t == "<mark>" {
			return "["
		}
		return "]"
	})
	return html.UnescapeString(s)
}

// openSearcher opens the index and then the store read-only: a searcher
// whose snippets are cut from the store's text (the index stores no body).
// done closes both. profile names the weights' profile ("": the default).
func openSearcher(e *Env, profile string) (s *search.Searcher, done func(), err error) {
	w, err := search.ProfileWeights(profile, search.DefaultWeights)
	if err != nil {
		return nil, nil, err
	}
	ix, err := openIndex(e, true)
	if err != nil {
		return nil, nil, err
	}
	store, err := openStore(e, true)
	if err != nil {
		ix.Close()
		return nil, nil, err
	}
	return search.New(ix.Bleve(), search.WithTexts(store), search.WithWeights(w)), func() { store.Close(); ix.Close() }, nil
}

// benchQueries runs every query of file once untimed (warming the page
// cache and bleve's dictionaries) and then passes times, and prints the
// latency percentiles of the timed runs. It is `vanban eval`'s timing over
// an existing data directory, for corpora without judgments (the scale
// corpus).
func benchQueries(ctx context.Context, e *Env, file string, passes int, profile string, r search.Request) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	qs, err := eval.ReadQueries(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	s, done, err := openSearcher(e, profile)
	if err != nil {
		return err
	}
	defer done()
	var lat, cpu []float64
	var postings uint64
	start := time.Now()
	for pass := 0; pass <= passes; pass++ {
		if pass == 1 {
			start = time.Now()
			postings = s.Stats().PostingsRead
		}
		for _, q := range qs {
			t, c := time.Now(), cputime.Now()
			r.Query = q.Text
			if _, err := s.Search(ctx, r); err != nil && err != search.ErrEmptyQuery {
				return fmt.Errorf("query %s: %w", q.ID, err)
			}
			if pass > 0 {
				lat = append(lat, float64(time.Since(t).Microseconds())/1000)
				cpu = append(cpu, float64((cputime.Now()-c).Microseconds())/1000)
			}
		}
	}
	secs := time.Since(start).Seconds()
	postings = s.Stats().PostingsRead - postings
	pct := func(lat []float64, p float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, max(0, int(math.Ceil(p*float64(len(lat))))-1))]
	}
	sort.Float64s(lat)
	sort.Float64s(cpu)
	n, _ := s.Index().DocCount()
	fmt.Fprintf(e.Stdout, "%d queries × %d passes on %d documents: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, %.1f queries/s\n",
		len(qs), passes, n, pct(lat, 0.50), pct(lat, 0.90), pct(lat, 0.99), pct(lat, 1), float64(len(lat))/secs)
	if len(lat) > 0 {
		// CPU time of the process during each query (both engines of a
		// split query, the garbage collector): steadier than wall time
		// on a loaded machine; postings as counted by search's guard
		fmt.Fprintf(e.Stdout, "CPU per query: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms; postings read per query: %d\n",
			pct(cpu, 0.50), pct(cpu, 0.90), pct(cpu, 0.99), postings/uint64(len(lat)))
	}
	return nil
}
