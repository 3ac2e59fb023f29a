package app

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/link"
)

// LinksOptions are the options of `vanban links`.
type LinksOptions struct {
	Arg  string // a document ID or number (whole, or partly: "kh 45", "45"): a plan or a resolution
	JSON bool   // print JSON
	// Server is the URL of a `vanban serve` to ask instead of the data
	// directory ("": the data directory, or the server holding it).
	Server string
}

// RunLinks prints, for a document implementing others (a plan, a letter
// assigning tasks), the passage each item implements and, for a document
// others implement, the documents covering each of its tasks and the
// uncovered ones.
func RunLinks(ctx context.Context, e *Env, opts LinksOptions) error {
	var a linksAnswer
	err := askOrRead(ctx, e, "links", opts.Server, false, func(r *reader) (err error) {
		a, err = answerLinks(ctx, r, opts.Arg)
		return err
	}, func(c *cliClient) error {
		return c.getJSON(ctx, "links", url.Values{"arg": {opts.Arg}}, &a)
	})
	if err != nil {
		return err
	}
	switch {
	case a.Plan != nil && opts.JSON:
		return writeJSONTo(e.Stdout, a.Plan)
	case a.Plan != nil:
		printPlanLinks(e.Stdout, a.Plan)
	case a.Coverage != nil && opts.JSON:
		return writeJSONTo(e.Stdout, a.Coverage)
	case a.Coverage != nil:
		printCoverage(e.Stdout, a.Coverage)
	default:
		return errors.New("links: an empty answer")
	}
	return nil
}

// linksAnswer is what `vanban links` prints, a plan's links or a
// resolution's coverage; the answer of GET /api/cli/links too.
type linksAnswer struct {
	Plan     *link.PlanLinks  `json:"plan,omitempty"`
	Coverage *corpus.Coverage `json:"coverage,omitempty"`
}

func answerLinks(ctx context.Context, r *reader, arg string) (linksAnswer, error) {
	store := r.store
	doc, err := findDoc(store, arg)
	if errors.Is(err, errNoDoc) {
		// "kh 45", "45": the one stored number it names
		num, nerr := numberNamed(ctx, r, arg)
		if nerr != nil {
			return linksAnswer{}, nerr
		}
		if num != "" {
			doc, err = findDoc(store, num)
		}
	}
	if err != nil {
		return linksAnswer{}, err
	}
	if len(doc.Body) > corpus.MaxLinkedBody {
		// as its page: outlining megabytes costs hundreds of megabytes
		return linksAnswer{}, ownError(fmt.Errorf("%s (%s) is too long to link item by item: %.1f MB of text, more than %d MB", doc.ID, cmp.Or(doc.Number, doc.Type), float64(len(doc.Body))/(1<<20), corpus.MaxLinkedBody>>20))
	}
	// Roles come from citations (corpus/coverage.go): a document citing
	// stored documents it implements shows its links; one implemented by
	// others shows its coverage; the type decides only when neither holds.
	role, err := store.Role(doc.ID)
	if err != nil {
		return linksAnswer{}, err
	}
	switch {
	case len(role.Parents) > 0 || len(role.Implementers) == 0 && corpus.IsPlan(doc):
		pl, err := store.Links(doc.ID)
		return linksAnswer{Plan: pl}, err
	case len(role.Implementers) > 0 || corpus.IsResolution(doc):
		cov, err := store.Coverage(ctx, doc.ID)
		return linksAnswer{Coverage: cov}, err
	}
	return linksAnswer{}, ownError(fmt.Errorf("%s (%s) implements no stored document and none implements it", doc.ID, doc.Type))
}

// errNoDoc is findDoc's: no live document has the ID or the number.
var errNoDoc = errors.New("no document")

// findDoc finds a live document by ID or by (whole) number.
func findDoc(store *corpus.Store, arg string) (*corpus.Document, error) {
	doc, err := store.Get(arg)
	if err == nil && !doc.Gone {
		return doc, nil
	}
	if err != nil && !errors.Is(err, corpus.ErrNotFound) {
		return nil, err
	}
	ids, err := store.ByNumber(arg)
	if err != nil {
		return nil, err
	}
	// An article and the file it wraps often carry the same number: the
	// article is the one shown (the file's document is reached by its ID
	// and listed among the carriers), whatever the order of their IDs.
	var first *corpus.Document
	for _, id := range ids {
		d, err := store.Get(id)
		if errors.Is(err, corpus.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if d.Gone {
			continue
		}
		if d.File == nil {
			return d, nil
		}
		if first == nil {
			first = d
		}
	}
	if first == nil {
		return nil, ownError(fmt.Errorf("%w with ID or number %q", errNoDoc, arg))
	}
	return first, nil
}

func printPlanLinks(w io.Writer, pl *link.PlanLinks) {
	fmt.Fprintf(w, "%s  %s\n", pl.Number, pl.Title)
	if len(pl.Resolutions) == 0 {
		fmt.Fprintf(w, "cites no stored resolution: no item is linked\n")
	}
	for _, r := range pl.Resolutions {
		fmt.Fprintf(w, "implements %s  %s\n", r.Number, r.Title)
	}
	fmt.Fprintln(w)
	for _, it := range pl.Items {
		target := "(not linked: " + strings.ToLower(it.Section) + ")"
		if it.Linked {
			target = "→ none"
		}
		if len(it.Matches) > 0 {
			m := it.Matches[0]
			target = fmt.Sprintf("→ %s %s (%.1f)", m.Number, m.Passage, m.Score)
		}
		fmt.Fprintf(w, "%-9s %-30s %s", it.ID, target, clip(it.Text, 60))
		if it.Agency != "" || it.Deadline != "" {
			fmt.Fprintf(w, " [%s; %s]", it.Agency, it.Deadline)
		}
		fmt.Fprintln(w)
	}
}

func printCoverage(w io.Writer, c *corpus.Coverage) {
	fmt.Fprintf(w, "%s  %s\n", c.Number, c.Title)
	var plans []string
	for _, p := range c.Plans {
		plans = append(plans, refName(p))
	}
	fmt.Fprintf(w, "plans citing it: %s\n\n", orNone(strings.Join(plans, ", ")))
	for _, p := range c.Passages {
		fmt.Fprintf(w, "%-5s %s\n", p.ID, clip(p.Title, 80))
		if len(p.By) == 0 {
			fmt.Fprintf(w, "      (no plan)\n")
		}
		for _, im := range p.By {
			fmt.Fprintf(w, "      %-14s %s\n", refName(im.DocRef), strings.Join(im.Items, " "))
		}
	}
	fmt.Fprintf(w, "\nuncovered: %s\n", orNone(strings.Join(c.Uncovered, ", ")))
}

// refName is a document's number, with the file's name for a document
// read from a file (an article and its file often carry the same number).
func refName(r link.DocRef) string {
	if r.File != "" {
		return r.Number + " (" + r.File + ")"
	}
	return r.Number
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// clip shortens s to n runes and one line.
func clip(s string, n int) string {
	s, _, _ = strings.Cut(s, "\n")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
