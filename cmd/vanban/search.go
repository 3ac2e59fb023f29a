package main

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/vanban/vanban/search"
)

func cmdSearch() *command {
	c := &command{name: "search", usage: "[--json] [--limit N] QUERY…", short: "search the index and print the results"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := newFlags(e, c)
		asJSON := fs.Bool("json", false, "print JSON: {total, took_ms, hits:[{id,url,title,published,snippet,score}]}")
		limit := fs.Int("limit", 10, "number of results (at most 100)")
		words, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		q := strings.Join(words, " ")
		if strings.TrimSpace(q) == "" {
			fs.Usage()
			return errUsage
		}
		ix, err := openIndex(e, true)
		if err != nil {
			return err
		}
		defer ix.Close()
		res, err := search.New(ix.Bleve()).Search(ctx, search.Request{Query: q, Size: *limit})
		if err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(e.stdout)
			enc.SetEscapeHTML(false)
			return enc.Encode(res)
		}
		fmt.Fprintf(e.stdout, "%d results (%.1f ms)\n", res.Total, res.TookMS)
		for i, h := range res.Hits {
			fmt.Fprintf(e.stdout, "\n%d. %s", i+1, h.Title)
			if h.Published != "" {
				fmt.Fprintf(e.stdout, " (%s)", h.Published)
			}
			fmt.Fprintf(e.stdout, "\n   %s\n   %s\n", h.URL, plainSnippet(h.Snippet))
		}
		return nil
	}
	return c
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
