package app

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"math"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strconv"
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
	// Server is the URL of a `vanban serve` to ask instead of the data
	// directory ("": the data directory, or the server holding it).
	Server string
}

// RunSearch searches the index and prints the results, or times a query
// set (opts.Bench).
func RunSearch(ctx context.Context, e *Env, opts SearchOptions) error {
	if opts.Bench != "" {
		if opts.Server != "" {
			return errors.New("--bench times this process's own searches over the data directory; it cannot ask a server")
		}
		return benchQueries(ctx, e, opts.Bench, opts.Passes, opts.Profile, search.Request{Size: opts.Limit, TopOnly: !opts.Exhaustive, Facets: opts.Facets, Filters: opts.Filters})
	}
	var res *search.Result
	err := askOrRead(ctx, e, "search", opts.Server, true, func(r *reader) (err error) {
		res, err = answerSearch(ctx, r, opts)
		return err
	}, func(c *cliClient) error {
		res = new(search.Result)
		return c.getJSON(ctx, "search", searchValues(opts), res)
	})
	if err != nil {
		return err
	}
	if opts.JSON {
		enc := json.NewEncoder(e.Stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	printSearch(e.Stdout, res)
	return nil
}

// answerSearch is the top hits of the query, each with its effect status;
// the answer of GET /api/cli/search too.
func answerSearch(ctx context.Context, r *reader, opts SearchOptions) (*search.Result, error) {
	s, err := r.searcher(opts.Profile)
	if err != nil {
		return nil, err
	}
	res, err := s.Search(ctx, search.Request{Query: opts.Query, Size: opts.Limit, TopOnly: true, Filters: opts.Filters, Collapse: !opts.AllCopies, MinMatch: !opts.AnyWord})
	if err != nil {
		return nil, err
	}
	addEffects(ctx, r.store, res.Hits, time.Now())
	if err := search.MarkDead(ctx, res.Hits, cliDeadFiles(r, "search hits")); err != nil {
		return nil, err
	}
	return res, nil
}

func printSearch(w io.Writer, res *search.Result) {
	// the first line counts the list; what it holds of the query, and the
	// copies folded, close the output
	switch {
	case res.TotalIsLowerBound:
		fmt.Fprintf(w, "top %d of at least %d results (%.1f ms)\n", len(res.Hits), res.Total, res.TookMS)
	case res.Listed > 0:
		fmt.Fprintf(w, "%d results (%.1f ms)\n", res.Listed, res.TookMS)
	default:
		fmt.Fprintf(w, "%d results (%.1f ms)\n", res.Total, res.TookMS)
	}
	defer func() {
		if res.Listed > 0 {
			fmt.Fprintf(w, "\n%d of them hold the query (its pairs of words and the number it names); the others match some of its words (--any-word counts them)\n", res.Total)
		}
		if res.Folded > 0 {
			fmt.Fprintf(w, "%d copies of the same numbers folded (--all-copies lists them)\n", res.Folded)
		}
	}()
	for i, h := range res.Hits {
		title := cmp.Or(h.Title, h.Number, h.ID) // an untitled import: its number, else its ID
		fmt.Fprintf(w, "\n%d. %s", i+1, title)
		if h.Published != "" {
			fmt.Fprintf(w, " (%s)", h.Published)
		}
		// where to read it: the source page, else (an import) the ID the
		// page (/doc/{id}) and `vanban refs` take
		fmt.Fprintf(w, "\n   %s\n", cmp.Or(h.URL, h.ID))
		if h.File != "" {
			fmt.Fprintf(w, "   in the %s file %s%s\n", strings.ToUpper(h.File), crawler.FileName(h.URL), pageNote(h.Page))
		}
		if m := h.Matched; m != nil { // a further document of the file's cover slip
			fmt.Fprintf(w, "   matched: %s\n", m.Note())
		}
		fmt.Fprintf(w, "   %s\n", plainSnippet(h.Snippet))
		if h.Effect != nil && h.Effect.State != graph.StateUnknown {
			fmt.Fprintf(w, "   [%s]\n", h.Effect.Label)
		}
		if h.Dead != nil {
			fmt.Fprintf(w, "   [%s]\n", h.Dead.Note())
		}
		if len(h.Copies) > 0 {
			fmt.Fprintf(w, "   %d bản khác:\n", len(h.Copies))
			for _, c := range h.Copies {
				fmt.Fprintf(w, "     %s\n", cmp.Or(c.URL, c.ID))
				if c.Dead != nil {
					fmt.Fprintf(w, "       [%s]\n", c.Dead.Note())
				}
			}
		}
	}
}

// searchValues and searchOptions carry a search to the server and back.
func searchValues(o SearchOptions) url.Values {
	v := url.Values{"q": {o.Query}, "limit": {strconv.Itoa(o.Limit)}}
	f := o.Filters
	for _, p := range []struct{ name, v string }{{"profile", o.Profile}, {"type", f.Type}, {"issuer", f.Issuer}, {"site", f.Site}} {
		if p.v != "" {
			v.Set(p.name, p.v)
		}
	}
	for _, d := range []struct {
		name string
		t    time.Time
	}{{"from", f.From}, {"to", f.To}} {
		if !d.t.IsZero() {
			v.Set(d.name, d.t.Format(time.RFC3339Nano))
		}
	}
	if f.InForce {
		v.Set("in_force", "1")
	}
	if o.AllCopies {
		v.Set("all_copies", "1")
	}
	if o.AnyWord {
		v.Set("any_word", "1")
	}
	return v
}

func searchOptions(v url.Values) (SearchOptions, error) {
	o := SearchOptions{Query: v.Get("q"), Profile: v.Get("profile"),
		Filters:   search.Filters{Type: v.Get("type"), Issuer: v.Get("issuer"), Site: v.Get("site"), InForce: v.Get("in_force") == "1"},
		AllCopies: v.Get("all_copies") == "1", AnyWord: v.Get("any_word") == "1"}
	var err error
	if o.Limit, err = strconv.Atoi(v.Get("limit")); err != nil {
		return o, fmt.Errorf("parameter limit: want an integer, got %q", v.Get("limit"))
	}
	for _, d := range []struct {
		name string
		dst  *time.Time
	}{{"from", &o.Filters.From}, {"to", &o.Filters.To}} {
		if s := v.Get(d.name); s != "" {
			if *d.dst, err = time.Parse(time.RFC3339Nano, s); err != nil {
				return o, fmt.Errorf("parameter %s: want an RFC 3339 time, got %q", d.name, s)
			}
		}
	}
	return o, nil
}

// pageNote is ", page N" for a known page.
func pageNote(p int) string {
	if p == 0 {
		return ""
	}
	return fmt.Sprintf(", page %d", p)
}

// addEffects gives the hits their effect status from the store.
func addEffects(ctx context.Context, store *corpus.Store, hits []search.Hit, now time.Time) {
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
func openSearcher(ctx context.Context, e *Env, profile string) (s *search.Searcher, done func(), err error) {
	w, err := search.ProfileWeights(profile, search.DefaultWeights)
	if err != nil {
		return nil, nil, err
	}
	ix, err := openIndex(ctx, e, true)
	if err != nil {
		return nil, nil, err
	}
	store, err := openStore(context.Background(), e, true) // read-only: no upgrade to stop
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
	s, done, err := openSearcher(ctx, e, profile)
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
