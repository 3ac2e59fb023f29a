package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/tasks"
)

// TasksOptions are the options of `vanban tasks`.
type TasksOptions struct {
	Filter tasks.Filter
	JSON   bool // print tasks.Result as JSON (one page: Filter.Offset, Filter.Limit)
	CSV    bool // print every matching task as CSV (up to Limit)
	Limit  int  // with CSV, the most rows (0: all)
}

// RunTasks prints the tasks of the implementing documents that match the
// filter: a page of them as text (or JSON), or all of them as CSV. It
// reads the store and computes the tasks the store marks stale itself, so
// its answer is exact even before a server or the nightly job (SyncTasks)
// has stored them.
func RunTasks(ctx context.Context, e *Env, opts TasksOptions) error {
	store, err := openStore(e, true)
	if err != nil {
		return err
	}
	defer store.Close()
	// a bare "2530" in --parent or --plan: the one stored number it names
	if err := readTaskNumbers(ctx, e, store, &opts.Filter); err != nil {
		return err
	}
	table := tasks.New(store, tasks.Options{Fresh: true})
	if err := table.Refresh(ctx); err != nil {
		if errors.Is(err, corpus.ErrTasksStale) {
			return fmt.Errorf("%w; the store in %s predates this binary's task table", err, e.Data)
		}
		return err
	}
	if opts.CSV {
		limit := opts.Limit
		if limit <= 0 {
			limit = int(^uint(0) >> 1)
		}
		c, err := tasks.NewCSV(e.Stdout, false)
		if err != nil {
			return err
		}
		if err := table.Each(ctx, opts.Filter, limit, c.Write); err != nil {
			return err
		}
		return c.Flush()
	}
	res, err := table.Query(ctx, opts.Filter)
	if err != nil {
		return err
	}
	if opts.JSON {
		res.TookMS = 0 // the same output for the same store
		return writeJSONTo(e.Stdout, res)
	}
	printTasks(e.Stdout, res, opts.Filter)
	return nil
}

// printTasks prints one line a task: deadline, plan and item, agency,
// the passage it implements, its text.
func printTasks(w io.Writer, res *tasks.Result, f tasks.Filter) {
	for _, r := range res.Tasks {
		due := r.Deadline.Date
		switch {
		case due != "":
		case r.Deadline.Every != "":
			due = "every " + r.Deadline.Every
		case r.Deadline.Text != "":
			due = "?"
		default:
			due = "-"
		}
		link := "→ none"
		if len(r.Links) > 0 {
			link = "→ " + r.Links[0].Number + " " + r.Links[0].Passage
		}
		fmt.Fprintf(w, "%-16s %-14s %-10s %-26s %-22s %s\n", due, r.Plan.Number, r.ID, clip(orDash(r.Agency), 26), link, clip(r.Text, 70))
	}
	more := ""
	if n := f.Offset + len(res.Tasks); n < res.Total {
		more = fmt.Sprintf(" (%d–%d shown; --offset, --limit for more)", f.Offset+1, n)
	}
	fmt.Fprintf(w, "%s%s\n", count(res.Total, "task"), more)
}

// count is n and noun, in the plural unless n is 1: "1 task", "0 tasks".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// syncTasks recomputes the stale tasks of the store (the links of the
// implementing documents that changed, or whose parents did) and stores
// them, showing progress on a terminal; w, when not nil, gets a summary
// line.
func syncTasks(ctx context.Context, e *Env, store *corpus.Store, w io.Writer) error {
	prog := newProgress(e.Stderr, "tasks")
	st, err := store.SyncTasks(ctx, func(done, _ int) { prog.update(done, 0) })
	prog.done()
	if err != nil {
		return err
	}
	if w != nil && st.Computed > 0 {
		fmt.Fprintf(w, "tasks: %s recomputed, %d with %s\n", count(st.Computed, "document"), st.WithTask, count(st.Tasks, "task"))
	}
	return nil
}

// backgroundTasks keeps a server's task table current after it starts:
// it stores the tasks left stale by the commands run before it, then
// loads the table, so that the first /tasks query finds it ready.
func backgroundTasks(ctx context.Context, e *Env, store *corpus.Store, table *tasks.Table, log *slog.Logger) {
	if err := syncTasks(ctx, e, store, nil); err != nil && ctx.Err() == nil {
		log.Error("tasks: sync failed", "err", err)
	}
	if err := table.Refresh(ctx); err != nil && ctx.Err() == nil {
		log.Error("tasks: load failed", "err", err)
	}
}
