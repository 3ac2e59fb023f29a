package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/graph"
	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/search/web"
)

// RefsOptions are the options of `vanban refs`.
type RefsOptions struct {
	// Parse prints the references found in the text of File (stdin for
	// "" or "-") as JSON, instead of looking Arg up in the store.
	Parse bool
	File  string
	Arg   string // a stored document ID, or a document number (whole, or partly: "nq 380", "380")
	JSON  bool   // print JSON
	// Server is the URL of a `vanban serve` to ask instead of the data
	// directory ("": the data directory, or the server holding it).
	Server string
}

// RunRefs prints what a document cites and what cites it (Arg a document
// ID), the documents carrying and citing a number (Arg a number), or the
// references in a text (Parse).
func RunRefs(ctx context.Context, e *Env, opts RefsOptions) error {
	if opts.Parse {
		text, err := readInput(e.Stdin, opts.File)
		if err != nil {
			return err
		}
		return printParsed(e.Stdout, string(text))
	}
	var a refsAnswer
	err := askOrRead(ctx, e, "refs", opts.Server, false, func(r *reader) (err error) {
		a, err = answerRefs(ctx, r, opts.Arg)
		return err
	}, func(c *cliClient) error {
		return c.getJSON(ctx, "refs", url.Values{"arg": {opts.Arg}}, &a)
	})
	if err != nil {
		return err
	}
	return a.print(e.Stdout, opts.JSON)
}

// refsAnswer is what `vanban refs` prints: a document's citations or a
// number's, and (Stored), for each of the document's references, the first
// live stored document it resolves to ("" none). It is the answer of
// GET /api/cli/refs too.
type refsAnswer struct {
	Doc    *docRefsJSON `json:"doc,omitempty"`
	Key    *keyRefsJSON `json:"key,omitempty"`
	Stored []string     `json:"stored,omitempty"`
}

// answerRefs looks arg up: a stored document ID, a whole number, or a
// number named partly ("nq 380", "380": the one stored number it names).
func answerRefs(ctx context.Context, r *reader, arg string) (refsAnswer, error) {
	doc, err := r.store.Head(arg) // the head: a document may be megabytes, refs reads none of its text
	switch {
	case err == nil && !doc.Gone:
		return docRefs(ctx, r.store, doc)
	case err != nil && !errors.Is(err, corpus.ErrNotFound):
		return refsAnswer{}, err
	}
	key := arg
	if doctype.NumberKey(key) == "" {
		num, err := numberNamed(ctx, r, key)
		if err != nil {
			return refsAnswer{}, err
		}
		if num == "" {
			return refsAnswer{}, ownError(fmt.Errorf("%q is neither a stored document ID nor a document number", arg))
		}
		key = num
	}
	return keyRefs(ctx, r.store, key)
}

func (a refsAnswer) print(w io.Writer, asJSON bool) error {
	switch {
	case a.Doc != nil && asJSON:
		return writeJSONTo(w, a.Doc)
	case a.Doc != nil:
		printDocRefs(w, a.Doc, a.Stored)
	case a.Key != nil && asJSON:
		return writeJSONTo(w, a.Key)
	case a.Key != nil:
		printKeyRefs(w, a.Key)
	default:
		return errors.New("refs: an empty answer")
	}
	return nil
}

// parsedRef is one line of `refs --parse`; year is 0 and date "" when
// unknown. Relation, by, other, part, partial, ground, effective and until
// are cite.Ref's (docs/citations.md, "Relations").
type parsedRef struct {
	Text      string        `json:"text"`
	Type      string        `json:"type"`
	Key       string        `json:"key"`
	Number    string        `json:"number"`
	Year      int           `json:"year"`
	Issuer    string        `json:"issuer"`
	Date      string        `json:"date"`
	Relation  cite.Relation `json:"relation"`
	By        bool          `json:"by,omitempty"`
	Other     string        `json:"other,omitempty"`
	Part      string        `json:"part,omitempty"`
	Partial   bool          `json:"partial,omitempty"`
	Ground    bool          `json:"ground,omitempty"`
	Effective string        `json:"effective,omitempty"`
	Until     string        `json:"until,omitempty"`
}

func printParsed(w io.Writer, text string) error {
	out := []parsedRef{}
	// composed letters first: the relation pass finds "hiệu lực", not its
	// decomposed spelling (viet.ComposeMarks costs a byte scan, NFC a read of
	// every character)
	for _, r := range cite.ParseRefs(viet.ComposeMarks(text)) {
		out = append(out, parsedRef{Text: r.Text, Type: r.Type, Key: r.Key, Number: r.Number, Year: r.Year, Issuer: r.Issuer, Date: r.Date,
			Relation: r.Relation, By: r.By, Other: r.Other, Part: r.Part, Partial: r.Partial, Ground: r.Ground, Effective: r.Effective, Until: r.Until})
	}
	return writeJSONTo(w, out)
}

// docLinks names the live documents among ids, from their heads (a
// cited-by list may name thousands, a document may be megabytes: the
// public /api/refs reads heads too); it stops when ctx ends.
func docLinks(ctx context.Context, store *corpus.Store, ids []string) ([]web.DocLink, error) {
	out := []web.DocLink{}
	for i, id := range ids {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if d, err := store.Head(id); err == nil && !d.Gone {
			out = append(out, web.DocLink{ID: d.ID, Title: d.Title, URL: d.URL, Number: d.Number, Type: d.Type})
		}
	}
	return out, nil
}

// docRefsJSON is `refs --json DOC-ID`.
type docRefsJSON struct {
	web.DocLink
	Effect    graph.Effect        `json:"effect"`
	Refs      []graph.ResolvedRef `json:"refs"`
	CitedBy   []web.DocLink       `json:"cited_by"`
	Relations graph.Relations     `json:"relations"`
}

func docRefs(ctx context.Context, store *corpus.Store, doc *corpus.Document) (refsAnswer, error) {
	refs, err := store.Refs(doc.ID)
	if err != nil {
		return refsAnswer{}, err
	}
	var citing []string
	if doc.Number != "" {
		if citing, err = store.CitedBy(doc.Number); err != nil {
			return refsAnswer{}, err
		}
	}
	eff, err := store.DocEffect(ctx, doc.ID, time.Now())
	if err != nil {
		return refsAnswer{}, err
	}
	rel, err := store.Relations(eff.Key)
	if err != nil {
		return refsAnswer{}, err
	}
	cited, err := docLinks(ctx, store, citing)
	if err != nil {
		return refsAnswer{}, err
	}
	self := web.DocLink{ID: doc.ID, Title: doc.Title, URL: doc.URL, Number: doc.Number, Type: doc.Type}
	out := &docRefsJSON{DocLink: self, Effect: eff, Refs: refs, CitedBy: cited, Relations: rel}
	if out.Refs == nil {
		out.Refs = []graph.ResolvedRef{}
	}
	stored := make([]string, len(refs))
	for i, r := range refs {
		ls, err := docLinks(ctx, store, r.DocIDs)
		if err != nil {
			return refsAnswer{}, err
		}
		if len(ls) > 0 {
			stored[i] = ls[0].ID
		}
	}
	return refsAnswer{Doc: out, Stored: stored}, nil
}

// printDocRefs prints a document's citations; stored[i] is the stored
// document the i-th reference resolves to.
func printDocRefs(w io.Writer, out *docRefsJSON, stored []string) {
	fmt.Fprintf(w, "%s  %s\n", out.ID, out.Title)
	printEffect(w, out.Effect)
	fmt.Fprintf(w, "\ncites (%d):\n", len(out.Refs))
	for i, r := range out.Refs {
		fmt.Fprintf(w, "  %-18s %-10s %s", r.Key, r.Relation, r.Type)
		if r.Part != "" {
			fmt.Fprintf(w, ", %s", r.Part)
		}
		if r.Issuer != "" {
			fmt.Fprintf(w, ", %s", r.Issuer)
		}
		if r.Date != "" {
			fmt.Fprintf(w, ", %s", r.Date)
		}
		if i < len(stored) && stored[i] != "" {
			fmt.Fprintf(w, "  → %s\n", stored[i])
		} else {
			fmt.Fprintf(w, "  (not stored)\n")
		}
	}
	printRelations(w, out.Relations)
	printDocList(w, "cited by", out.CitedBy)
}

// keyRefsJSON is `refs --json KEY`, the shape of GET /api/refs.
type keyRefsJSON struct {
	Key       string          `json:"key"`
	LookupKey string          `json:"lookup_key"`
	Effect    graph.Effect    `json:"effect"`
	Documents []web.DocLink   `json:"documents"`
	CitedBy   []web.DocLink   `json:"cited_by"`
	Relations graph.Relations `json:"relations"`
}

func keyRefs(ctx context.Context, store *corpus.Store, key string) (refsAnswer, error) {
	own, err := store.ByNumber(key)
	if err != nil {
		return refsAnswer{}, err
	}
	citing, err := store.CitedBy(key)
	if err != nil {
		return refsAnswer{}, err
	}
	eff, err := store.Effect(ctx, key, time.Now())
	if err != nil {
		return refsAnswer{}, err
	}
	rel, err := store.Relations(key)
	if err != nil {
		return refsAnswer{}, err
	}
	docs, err := docLinks(ctx, store, own)
	if err != nil {
		return refsAnswer{}, err
	}
	cited, err := docLinks(ctx, store, citing)
	if err != nil {
		return refsAnswer{}, err
	}
	return refsAnswer{Key: &keyRefsJSON{Key: key, LookupKey: doctype.NumberKey(key), Effect: eff, Documents: docs, CitedBy: cited, Relations: rel}}, nil
}

func printKeyRefs(w io.Writer, out *keyRefsJSON) {
	fmt.Fprintf(w, "%s\n", out.Key)
	printEffect(w, out.Effect)
	printRelations(w, out.Relations)
	printDocList(w, "documents with this number", out.Documents)
	printDocList(w, "cited by", out.CitedBy)
}

// printEffect prints a status and the changes stated.
func printEffect(w io.Writer, e graph.Effect) {
	fmt.Fprintf(w, "status: %s", e.Label)
	if e.Since != "" && e.State != graph.StateNotYet {
		fmt.Fprintf(w, " (in force from %s)", e.Since)
	}
	fmt.Fprintln(w)
	for _, c := range e.Changes {
		date := c.Date
		if date == "" {
			date = "date not stated"
		} else if c.Pending {
			date += " (to come)"
		}
		fmt.Fprintf(w, "  %-10s %-20s", c.Kind, date)
		if c.By != "" {
			fmt.Fprintf(w, " by %s", c.By)
		}
		if c.Part != "" {
			fmt.Fprintf(w, ", %s", c.Part)
		}
		fmt.Fprintf(w, "  (stated in %s)\n", c.Source)
	}
}

// printRelations prints a Lược đồ.
func printRelations(w io.Writer, r graph.Relations) {
	for _, dir := range []struct {
		title string
		ls    []graph.Link
	}{{"does (Lược đồ)", r.Out}, {"is done to it (Lược đồ)", r.In}} {
		if len(dir.ls) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s (%d):\n", dir.title, len(dir.ls))
		for _, l := range dir.ls {
			fmt.Fprintf(w, "  %-30s %-18s", l.Label, l.Key)
			if l.Part != "" {
				fmt.Fprintf(w, " %s", l.Part)
			}
			if l.Effective != "" {
				fmt.Fprintf(w, " từ %s", graph.ViDate(l.Effective))
			}
			if len(l.Docs) > 0 {
				fmt.Fprintf(w, "  → %s", strings.Join(l.Docs, ", "))
			}
			fmt.Fprintln(w)
		}
	}
}

func printDocList(w io.Writer, title string, ls []web.DocLink) {
	fmt.Fprintf(w, "\n%s (%d):\n", title, len(ls))
	for _, l := range ls {
		fmt.Fprintf(w, "  %s  %-16s %s\n", l.ID, l.Number, l.Title)
	}
}
