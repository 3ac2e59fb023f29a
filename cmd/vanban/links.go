package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/vanban/vanban/corpus"
)

func cmdLinks() *command {
	c := &command{name: "links", usage: "[--json] DOC-ID|NUMBER",
		short: "plan items → the resolution passages they implement; for a resolution, which plans cover each task"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := newFlags(e, c)
		asJSON := fs.Bool("json", false, "print JSON: a plan's {id,number,title,resolutions,items:[{id,text,agency,deadline,linked,matches:[{doc_id,number,passage,title,score}]}]}, or a resolution's {…,plans,passages:[{id,title,text,by:[{id,number,items,score}]}],uncovered}")
		pos, err := parseFlags(fs, args)
		if err != nil {
			return err
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
		doc, err := findDoc(store, pos[0])
		if err != nil {
			return err
		}
		switch {
		case corpus.IsPlan(doc):
			pl, err := store.Links(doc.ID)
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSONTo(e.stdout, pl)
			}
			printPlanLinks(e.stdout, pl)
		case corpus.IsResolution(doc):
			cov, err := store.Coverage(doc.ID)
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSONTo(e.stdout, cov)
			}
			printCoverage(e.stdout, cov)
		default:
			return fmt.Errorf("%s (%s) is neither a plan (Kế hoạch, Chương trình) nor a resolution (Nghị quyết, Chỉ thị, Kết luận)", doc.ID, doc.Type)
		}
		return nil
	}
	return c
}

// findDoc finds a live document by ID or by number.
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
	if len(ids) == 0 {
		return nil, fmt.Errorf("no document with ID or number %q", arg)
	}
	return store.Get(ids[0])
}

func printPlanLinks(w io.Writer, pl *corpus.PlanLinks) {
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
		plans = append(plans, p.Number)
	}
	fmt.Fprintf(w, "plans citing it: %s\n\n", orNone(strings.Join(plans, ", ")))
	for _, p := range c.Passages {
		fmt.Fprintf(w, "%-5s %s\n", p.ID, clip(p.Title, 80))
		if len(p.By) == 0 {
			fmt.Fprintf(w, "      (no plan)\n")
		}
		for _, im := range p.By {
			fmt.Fprintf(w, "      %-14s %s\n", im.Number, strings.Join(im.Items, " "))
		}
	}
	fmt.Fprintf(w, "\nuncovered: %s\n", orNone(strings.Join(c.Uncovered, ", ")))
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
