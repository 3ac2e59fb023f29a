package app

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler"
	"github.com/vanban/vanban/indexer"
)

// StatusOptions are the options of `vanban status`.
type StatusOptions struct {
	JSON bool // print the reports as JSON
	N    int  // show the last N runs
}

// RunStatus prints the last nightly runs, from the store or, while a
// server owns the data directory, from the server.
func RunStatus(ctx context.Context, e *Env, opts StatusOptions) error {
	var runs []nightlyReport
	var learned []crawler.SiteLearned // what the crawler inferred per site (store only)
	var waiting []crawler.PendingFile // files waiting for a tool (store only)
	var dead []crawler.DeadFile       // attachments answering 404/410 (store only)
	var suspects []crawler.Suspect    // live documents whose page answers as if gone (store only)
	store, err := openStore(ctx, e, true)
	if err == nil {
		defer store.Close()
		if runs, err = history(store); err == nil {
			learned, err = crawler.Learned(store)
		}
		if err == nil {
			waiting, err = crawler.PendingFiles(store)
		}
		if err == nil {
			dead, err = crawler.DeadFiles(store)
		}
		if err == nil {
			suspects, err = crawler.Suspects(store)
		}
	} else if c := fromServer(e, err); c != nil {
		err = c.get(ctx, "/status", &runs)
	}
	if err != nil {
		return err
	}
	runs = runs[:min(len(runs), max(opts.N, 0))]
	if opts.JSON {
		return json.NewEncoder(e.Stdout).Encode(runs)
	}
	if len(runs) == 0 {
		fmt.Fprintln(e.Stdout, "no nightly runs yet")
	}
	for _, r := range runs {
		fmt.Fprintf(e.Stdout, "%s  exit %d  %s\n", r.Started.Local().Format("2006-01-02 15:04"), r.exitCode(), r.summary())
	}
	for _, l := range learned {
		fmt.Fprintln(e.Stdout, crawler.DescribeLearned(l))
	}
	if line := describePending(waiting); line != "" {
		fmt.Fprintln(e.Stdout, line)
	}
	fmt.Fprint(e.Stdout, describeDead(dead))
	fmt.Fprint(e.Stdout, describeSuspects(suspects))
	note, err := lastSalvage(e.Data)
	if err != nil {
		return err
	}
	if note != nil {
		fmt.Fprintln(e.Stdout, note)
	}
	return nil
}

// describeSuspects names the live documents kept while their page
// answers as if they were gone (crawler/suspects.go), with since when and
// for how many runs in a row, and the last run that reached it (a run
// stopped by its deadline may not have): "suspected documents: 1, kept
// …\n  URL since 2026-12-01, 3 runs in a row; doc ID; last asked
// 2026-12-03\n".
func describeSuspects(sus []crawler.Suspect) string {
	return describeBounded(len(sus),
		"suspected documents: %d, kept while their page answers 404 or reads as the site's missing page (a tombstone once the evidence says so: docs/crawler.md)\n",
		"suspects", func(i int) string {
			s := sus[i]
			line := fmt.Sprintf("%s  since %s, %d runs in a row; doc %s", s.URL, s.Since.Format("2006-01-02"), s.Runs, s.DocID)
			if !s.LastAsked.IsZero() { // a suspect recorded before runs kept the date has none
				line += "; last asked " + s.LastAsked.Format("2006-01-02")
			}
			return line
		})
}

// maxDeadLines bounds the dead attachments status names (all counted).
const maxDeadLines = 50

// describeDead names the attachments that answer 404 or 410 while their
// articles still link them, with since when and the article:
// "dead attachments: 2, still linked by their articles\n  URL  HTTP 404
// since 2026-12-01, last asked 2026-12-08; article URL\n".
func describeDead(dead []crawler.DeadFile) string {
	return describeBounded(len(dead),
		"dead attachments: %d, still linked by their articles (asked every night at first, then weekly)\n",
		"dead_files", func(i int) string {
			d := dead[i]
			return fmt.Sprintf("%s  HTTP %d since %s, last asked %s; article %s", d.URL, d.Status,
				d.Since.Format("2006-01-02"), d.LastAsked.Format("2006-01-02"), d.Article)
		})
}

// describeBounded is a status block of n entries: head (a format taking
// n), then at most maxDeadLines lines from line, then how many more and
// the report field (reportField) that lists them all; "" for none.
func describeBounded(n int, head, reportField string, line func(i int) string) string {
	if n == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, head, n)
	for i := range n {
		if i == maxDeadLines {
			fmt.Fprintf(&b, "  … and %d more (vanban crawl --report lists them: %s)\n", n-i, reportField)
			break
		}
		b.WriteString("  " + line(i) + "\n")
	}
	return b.String()
}

// describePending says how many files wait for which tool, and what to
// install: "files pending: 3 (antiword: 2, apt-get install antiword; …)".
func describePending(files []crawler.PendingFile) string {
	if len(files) == 0 {
		return ""
	}
	byPkg := map[string]int{}
	for _, f := range files {
		byPkg[cmp.Or(f.Package, "?")]++
	}
	pkgs := make([]string, 0, len(byPkg))
	for p := range byPkg {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	parts := make([]string, len(pkgs))
	for i, p := range pkgs {
		parts[i] = fmt.Sprintf("%d need apt-get install %s", byPkg[p], p)
	}
	return fmt.Sprintf("files pending: %d, read by the next crawl or ingest once the tool is installed (%s)", len(files), strings.Join(parts, "; "))
}

// stats is the output of `vanban stats`.
type stats struct {
	Documents  uint64         `json:"documents"`
	Stored     int            `json:"stored"`
	Gone       int            `json:"gone"`
	BySite     map[string]int `json:"by_site"`
	ByType     map[string]int `json:"by_type"`
	IndexBytes int64          `json:"index_bytes"`
	IndexLag   lag            `json:"index_lag"`
	LastCrawl  *time.Time     `json:"last_crawl,omitempty"`
	// FilesPending counts the files waiting for a tool (crawled or
	// ingested); Pending names them.
	FilesPending int                   `json:"files_pending"`
	Pending      []crawler.PendingFile `json:"pending_files,omitempty"`
	// DeadAttachments counts the attachments answering 404/410 while
	// their articles still link them (crawler.DeadFiles; `vanban status`
	// names them)
	DeadAttachments int `json:"dead_attachments"`
}

// StatsOptions are the options of `vanban stats`.
type StatsOptions struct {
	JSON bool // print JSON
}

// RunStats prints documents by site and type, the index size and the last
// crawl, from the data directory or from the server that owns it.
func RunStats(ctx context.Context, e *Env, opts StatsOptions) error {
	var st *stats
	store, err := openStore(ctx, e, true)
	if err == nil {
		defer store.Close()
		var ix *indexer.Index
		if ix, err = openIndex(ctx, e, true); err != nil {
			return err
		}
		defer ix.Close()
		st, err = computeStats(ctx, store, ix)
	} else if c := fromServer(e, err); c != nil {
		st = new(stats)
		err = c.get(ctx, "/stats", st)
	}
	if err != nil {
		return err
	}
	if opts.JSON {
		return json.NewEncoder(e.Stdout).Encode(st)
	}
	fmt.Fprintf(e.Stdout, "documents  %d indexed, %d stored, %d gone\nindex      %.1f MB, %s\n", st.Documents, st.Stored, st.Gone, float64(st.IndexBytes)/1e6, st.IndexLag)
	if st.LastCrawl != nil {
		fmt.Fprintf(e.Stdout, "last crawl %s\n", st.LastCrawl.Local().Format("2006-01-02 15:04"))
	}
	if line := describePending(st.Pending); line != "" {
		fmt.Fprintln(e.Stdout, line)
	}
	if st.DeadAttachments > 0 {
		fmt.Fprintf(e.Stdout, "dead attachments %d, still linked by their articles (vanban status names them)\n", st.DeadAttachments)
	}
	for _, g := range []struct {
		name string
		m    map[string]int
	}{{"by site", st.BySite}, {"by type", st.ByType}} {
		fmt.Fprintf(e.Stdout, "%s:\n", g.name)
		keys := make([]string, 0, len(g.m))
		for k := range g.m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return g.m[keys[i]] > g.m[keys[j]] })
		for _, k := range keys {
			fmt.Fprintf(e.Stdout, "  %6d  %s\n", g.m[k], k)
		}
	}
	return nil
}

// computeStats counts documents by site and type (index facets), stored and
// gone documents, index size and the last crawl.
func computeStats(ctx context.Context, store *corpus.Store, ix *indexer.Index) (*stats, error) {
	st := &stats{BySite: map[string]int{}, ByType: map[string]int{}, IndexBytes: dirSize(ix.Path())}
	var err error
	if st.Stored, st.Gone, err = store.Count(); err != nil {
		return nil, err
	}
	if st.IndexLag, err = indexLag(store, ix); err != nil {
		return nil, err
	}
	if st.Documents, err = ix.DocCount(); err != nil {
		return nil, fmt.Errorf("index: count documents: %w", err)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 0, 0, false)
	req.AddFacet("site", bleve.NewFacetRequest(indexer.FieldSite, 1000))
	req.AddFacet("type", bleve.NewFacetRequest(indexer.FieldType, 1000))
	res, err := ix.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	for name, dst := range map[string]map[string]int{"site": st.BySite, "type": st.ByType} {
		f := res.Facets[name]
		if f == nil || f.Terms == nil {
			continue
		}
		for _, t := range f.Terms.Terms() {
			dst[t.Term] = t.Count
		}
		if f.Missing > 0 {
			dst["(none)"] = f.Missing
		}
	}
	runs, err := history(store)
	if err != nil {
		return nil, fmt.Errorf("nightly history: %w", err)
	}
	if len(runs) > 0 && runs[0].Unreadable { // the last crawl is not known
		return nil, fmt.Errorf("%s (`vanban status` lists the readable runs)", runs[0].Error)
	}
	if len(runs) > 0 {
		st.LastCrawl = &runs[0].Finished
	}
	if st.Pending, err = crawler.PendingFiles(store); err != nil {
		return nil, err
	}
	st.FilesPending = len(st.Pending)
	dead, err := crawler.DeadFiles(store)
	if err != nil {
		return nil, err
	}
	st.DeadAttachments = len(dead)
	return st, nil
}

// fromServer returns a client of the server that holds the data directory
// when err says it is locked, so that read-only commands still answer.
func fromServer(e *Env, err error) *controlClient {
	if !errors.Is(err, ErrLocked) {
		return nil
	}
	return dialControl(e.Data)
}
