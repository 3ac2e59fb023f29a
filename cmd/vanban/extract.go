package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"

	"github.com/vanban/vanban/crawler/extract"
)

func cmdExtract() *command {
	c := &command{name: "extract", usage: "[--url URL] [--date-order dmy|mdy] [--content-type CT] [FILE|-]", short: "extract the article of a saved HTML page as JSON"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := newFlags(e, c)
		rawURL := fs.String("url", "", "the page's `URL`, to resolve links and attachments")
		order := fs.String("date-order", "", "order of numeric dates such as 6/7/2025: dmy or mdy; by default inferred from the page, and flagged date_ambiguous when it cannot be")
		ctype := fs.String("content-type", "", "the page's Content-Type header, for its charset")
		files, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		var opt extract.Options
		var ok bool
		if opt.DateOrder, ok = extract.ParseDateOrder(*order); !ok {
			fmt.Fprintf(e.stderr, "vanban extract: --date-order must be dmy or mdy, not %q\n", *order)
			return errUsage
		}
		if len(files) > 1 {
			fs.Usage()
			return errUsage
		}
		var u *url.URL
		if *rawURL != "" {
			if u, err = url.Parse(*rawURL); err != nil {
				return fmt.Errorf("--url: %w", err)
			}
		}
		body, err := readInput(e.stdin, files)
		if err != nil {
			return err
		}
		a, err := extract.Extract(body, *ctype, u, opt)
		if err != nil {
			return err
		}
		if a.Attachments == nil {
			a.Attachments = []string{}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(a)
	}
	return c
}

// readInput reads the named file, or stdin for "-" or no name.
func readInput(stdin io.Reader, files []string) ([]byte, error) {
	if len(files) == 0 || files[0] == "-" {
		return io.ReadAll(stdin)
	}
	return os.ReadFile(files[0])
}
