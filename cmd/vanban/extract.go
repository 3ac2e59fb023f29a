package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"

	"github.com/vanban/vanban/crawler/extract"
	"github.com/vanban/vanban/crawler/filetext"
)

func cmdExtract() *command {
	c := &command{name: "extract", usage: "[--url URL] [--date-order dmy|mdy] [FILE|-]", short: "extract the article of a saved HTML page, or of a PDF, DOCX or DOC file, as JSON"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := newFlags(e, c)
		rawURL := fs.String("url", "", "the page's `URL`, to resolve links and attachments")
		order := fs.String("date-order", "dmy", "order of ambiguous numeric dates: dmy (Vietnamese) or mdy (SharePoint list views)")
		ctype := fs.String("content-type", "", "the page's Content-Type header, for its charset")
		files, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		var opt extract.Options
		switch *order {
		case "dmy":
		case "mdy":
			opt.DateOrder = extract.MonthFirst
		default:
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
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		if doc, err := filetext.IsDocument(body); err != nil {
			return err
		} else if doc {
			res, err := filetext.NewReader(filetext.Options{}).Read(ctx, strings.Join(files, ""), body)
			if err != nil {
				return err
			}
			return enc.Encode(res)
		}
		a, err := extract.Extract(body, *ctype, u, opt)
		if err != nil {
			return err
		}
		if a.Attachments == nil {
			a.Attachments = []string{}
		}
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
