package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/search/web"
)

func cmdRefs() *command {
	c := &command{name: "refs", usage: "[--json] KEY|DOC-ID  or  refs --parse [FILE|-]",
		short: "citations: what a document cites and what cites it, or the references in a text"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := newFlags(e, c)
		parse := fs.Bool("parse", false, `print the references in FILE (or stdin) as a JSON array of {"text","type","key","number","year","issuer","date"}`)
		asJSON := fs.Bool("json", false, "print JSON")
		pos, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		if *parse {
			if len(pos) > 1 {
				fs.Usage()
				return errUsage
			}
			text, err := readInput(e.stdin, pos)
			if err != nil {
				return err
			}
			return printParsed(e.stdout, string(text))
		}
		if len(pos) != 1 {
			fs.Usage()
			return errUsage
		}
		store, err := openStore(e, true)
		if err != nil {
			return err
		}
		defer store.Close()
		doc, err := store.Get(pos[0])
		switch {
		case err == nil && !doc.Gone:
			return printDocRefs(e.stdout, store, doc, *asJSON)
		case err != nil && !errors.Is(err, corpus.ErrNotFound):
			return err
		case corpus.NumberKey(pos[0]) == "":
			return fmt.Errorf("%q is neither a stored document ID nor a document number", pos[0])
		}
		return printKeyRefs(e.stdout, store, pos[0], *asJSON)
	}
	return c
}

// parsedRef is one line of `refs --parse`; year is 0 and date "" when unknown.
type parsedRef struct {
	Text   string `json:"text"`
	Type   string `json:"type"`
	Key    string `json:"key"`
	Number string `json:"number"`
	Year   int    `json:"year"`
	Issuer string `json:"issuer"`
	Date   string `json:"date"`
}

func printParsed(w io.Writer, text string) error {
	out := []parsedRef{}
	for _, r := range corpus.ParseRefs(text) {
		out = append(out, parsedRef{Text: r.Text, Type: r.Type, Key: r.Key, Number: r.Number, Year: r.Year, Issuer: r.Issuer, Date: r.Date})
	}
	return writeJSONTo(w, out)
}

func writeJSONTo(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// docLinks names the live documents among ids.
func docLinks(store *corpus.Store, ids []string) []web.DocLink {
	out := []web.DocLink{}
	for _, id := range ids {
		if d, err := store.Get(id); err == nil && !d.Gone {
			out = append(out, web.DocLink{ID: d.ID, Title: d.Title, URL: d.URL, Number: d.Number, Type: d.Type})
		}
	}
	return out
}

// docRefsJSON is `refs --json DOC-ID`.
type docRefsJSON struct {
	web.DocLink
	Refs    []corpus.ResolvedRef `json:"refs"`
	CitedBy []web.DocLink        `json:"cited_by"`
}

func printDocRefs(w io.Writer, store *corpus.Store, doc *corpus.Document, asJSON bool) error {
	refs, err := store.Refs(doc.ID)
	if err != nil {
		return err
	}
	var citing []string
	if doc.Number != "" {
		if citing, err = store.CitedBy(doc.Number); err != nil {
			return err
		}
	}
	out := docRefsJSON{DocLink: docLinks(store, []string{doc.ID})[0], Refs: refs, CitedBy: docLinks(store, citing)}
	if out.Refs == nil {
		out.Refs = []corpus.ResolvedRef{}
	}
	if asJSON {
		return writeJSONTo(w, out)
	}
	fmt.Fprintf(w, "%s  %s\n\ncites (%d):\n", doc.ID, doc.Title, len(refs))
	for _, r := range refs {
		fmt.Fprintf(w, "  %-18s %s", r.Key, r.Type)
		if r.Issuer != "" {
			fmt.Fprintf(w, ", %s", r.Issuer)
		}
		if r.Date != "" {
			fmt.Fprintf(w, ", %s", r.Date)
		}
		if ls := docLinks(store, r.DocIDs); len(ls) > 0 {
			fmt.Fprintf(w, "  → %s\n", ls[0].ID)
		} else {
			fmt.Fprintf(w, "  (not stored)\n")
		}
	}
	printDocList(w, "cited by", out.CitedBy)
	return nil
}

// keyRefsJSON is `refs --json KEY`, the shape of GET /api/refs.
type keyRefsJSON struct {
	Key       string        `json:"key"`
	LookupKey string        `json:"lookup_key"`
	Documents []web.DocLink `json:"documents"`
	CitedBy   []web.DocLink `json:"cited_by"`
}

func printKeyRefs(w io.Writer, store *corpus.Store, key string, asJSON bool) error {
	own, err := store.ByNumber(key)
	if err != nil {
		return err
	}
	citing, err := store.CitedBy(key)
	if err != nil {
		return err
	}
	out := keyRefsJSON{Key: key, LookupKey: corpus.NumberKey(key), Documents: docLinks(store, own), CitedBy: docLinks(store, citing)}
	if asJSON {
		return writeJSONTo(w, out)
	}
	fmt.Fprintf(w, "%s\n", key)
	printDocList(w, "documents with this number", out.Documents)
	printDocList(w, "cited by", out.CitedBy)
	return nil
}

func printDocList(w io.Writer, title string, ls []web.DocLink) {
	fmt.Fprintf(w, "\n%s (%d):\n", title, len(ls))
	for _, l := range ls {
		fmt.Fprintf(w, "  %s  %-16s %s\n", l.ID, l.Number, l.Title)
	}
}
