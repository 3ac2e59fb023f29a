package main

import (
	"context"
	"fmt"
	"net/url"

	"github.com/vanban/vanban/crawler/extract"
	"github.com/vanban/vanban/internal/app"
)

func cmdExtract() *command {
	c := &command{name: "extract", usage: "[--url URL] [--date-order dmy|mdy] [--content-type CT] [FILE|-]", short: "extract the article of a saved HTML page, or of a PDF, DOCX, DOC, ODT, XLSX, XLS or ODS file, as JSON"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		var o app.ExtractOptions
		fs := newFlags(e, c)
		rawURL := fs.String("url", "", "the page's `URL`, to resolve links and attachments")
		order := fs.String("date-order", "", "order of numeric dates such as 6/7/2025: dmy or mdy; by default inferred from the page, and flagged date_ambiguous when it cannot be")
		fs.StringVar(&o.ContentType, "content-type", "", "the page's Content-Type header, for its charset")
		files, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		var ok bool
		if o.Extract.DateOrder, ok = extract.ParseDateOrder(*order); !ok {
			fmt.Fprintf(e.Stderr, "vanban extract: --date-order must be dmy or mdy, not %q\n", *order)
			return errUsage
		}
		if len(files) > 1 {
			fs.Usage()
			return errUsage
		}
		if len(files) == 1 {
			o.File = files[0]
		}
		if *rawURL != "" {
			if o.URL, err = url.Parse(*rawURL); err != nil {
				return fmt.Errorf("--url: %w", err)
			}
		}
		return app.RunExtract(ctx, &e.Env, o)
	}
	return c
}
