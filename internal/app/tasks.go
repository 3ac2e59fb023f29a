package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"strconv"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/deadline"
	"github.com/vanban/vanban/tasks"
)

// TasksOptions are the options of `vanban tasks`.
type TasksOptions struct {
	Filter tasks.Filter
	JSON   bool // print tasks.Result as JSON (one page: Filter.Offset, Filter.Limit)
	CSV    bool // print every matching task as CSV (up to Limit)
	Limit  int  // with CSV, the most rows (0: all, up to tasks.MaxExport: past it, an error says the export was cut)
	// Server is the URL of a `vanban serve` to ask instead of the data
	// directory ("": the data directory, or the server holding it).
	Server string
}

// RunTasks prints the tasks of the implementing documents that match the
// filter: a page of them as text (or JSON), or all of them as CSV. It
// reads the store and computes the tasks the store marks stale itself, so
// its answer is exact even before a server or the nightly job (SyncTasks)
// has stored them.
func RunTasks(ctx context.Context, e *Env, opts TasksOptions) error {
	if opts.CSV {
		return tasksCSV(ctx, e, opts)
	}
	var a tasksAnswer
	err := askOrRead(ctx, e, "tasks", opts.Server, false, func(r *reader) (err error) {
		a, err = answerTasks(ctx, r, opts.Filter)
		return err
	}, func(c *cliClient) error {
		return c.getJSON(ctx, "tasks", taskValues(opts.Filter, 0), &a)
	})
	printNotes(e, a.Notes)
	if err != nil {
		return err
	}
	if opts.JSON {
		a.Result.TookMS = 0 // the same output for the same store
		return writeJSONTo(e.Stdout, a.Result)
	}
	printTasks(e.Stdout, a.Result, opts.Filter)
	return nil
}

// tasksAnswer is a page of tasks and how bare numbers in the filter were
// read; the answer of GET /api/cli/tasks too.
type tasksAnswer struct {
	Notes  []string      `json:"notes,omitempty"`
	Result *tasks.Result `json:"result"`
}

func answerTasks(ctx context.Context, r *reader, f tasks.Filter) (tasksAnswer, error) {
	table, notes, err := taskTable(ctx, r, &f)
	if err != nil {
		return tasksAnswer{Notes: notes}, err
	}
	res, err := table.Query(ctx, f)
	if err == nil {
		err = tasks.MarkDead(ctx, res.Tasks, cliDeadFiles(r, "tasks"))
	}
	return tasksAnswer{Notes: notes, Result: res}, err
}

// taskTable reads the bare numbers of f (a bare "2530" in --parent or
// --plan: the one stored number it names) and returns the table, loaded.
func taskTable(ctx context.Context, r *reader, f *tasks.Filter) (*tasks.Table, []string, error) {
	notes, err := readTaskNumbers(ctx, r, f)
	if err != nil {
		return nil, notes, err
	}
	table := r.table()
	if err := table.Refresh(ctx); err != nil {
		if errors.Is(err, corpus.ErrTasksStale) {
			return nil, notes, fmt.Errorf("%w; the store in %s predates this binary's task table", err, r.data)
		}
		return nil, notes, err
	}
	return table, notes, nil
}

// exportCutError is the error of an export that stopped at its bound
// (tasks.MaxExport) with more tasks matching: the rows written are the
// first ones, not all.
type exportCutError struct{ rows int }

func (e *exportCutError) Error() string {
	return fmt.Sprintf("the export stopped at %d rows, the most one export holds, and more tasks match: narrow the filter (--agency, --parent, --plan, --from, --to, --site), or give --limit %d to take these rows", e.rows, e.rows)
}

// errExportFull stops an export at its bound.
var errExportFull = errors.New("export full")

// writeTasksCSV writes every task matching f, up to limit (0: all), as
// CSV, and at most most rows: past them, *exportCutError, after the rows.
// A row whose plan file answers 404 or 410 now says so (plan_dead: dead,
// each plan file's record asked once).
func writeTasksCSV(ctx context.Context, w io.Writer, table *tasks.Table, dead corpus.DeadFilesFunc, f tasks.Filter, limit, most int) error {
	bounded := limit <= 0 || limit > most // the bound, not the caller, stops it
	if bounded {
		limit = most
	}
	c, err := tasks.NewCSV(w, false)
	if err != nil {
		return err
	}
	n, memo := 0, tasks.DeadMemo{Dead: dead}
	err = table.Each(ctx, f, limit+1, func(r tasks.Row) error { // one more: whether the bound cut it
		if n == limit {
			return errExportFull
		}
		n++
		if err := memo.Mark(ctx, &r); err != nil {
			return err
		}
		return c.Write(r)
	})
	if err != nil && !errors.Is(err, errExportFull) {
		return err
	}
	if err := c.Flush(); err != nil {
		return err
	}
	if err != nil && bounded {
		return &exportCutError{rows: n}
	}
	return nil
}

// tasksCSV is `vanban tasks --csv`: streamed from the table, or from the
// server.
func tasksCSV(ctx context.Context, e *Env, opts TasksOptions) error {
	return askOrRead(ctx, e, "tasks", opts.Server, false, func(r *reader) error {
		return localTasksCSV(ctx, e, r, opts)
	}, func(c *cliClient) error {
		notes, err := c.stream(ctx, "tasks.csv", taskValues(opts.Filter, opts.Limit), e.Stdout)
		printNotes(e, notes)
		return err
	})
}

// localTasksCSV is `vanban tasks --csv` reading r.
func localTasksCSV(ctx context.Context, e *Env, r *reader, opts TasksOptions) error {
	table, notes, err := taskTable(ctx, r, &opts.Filter)
	printNotes(e, notes)
	if err != nil {
		return err
	}
	return writeTasksCSV(ctx, e.Stdout, table, exportDeadFiles(r), opts.Filter, opts.Limit, r.maxExport)
}

func printNotes(e *Env, notes []string) {
	for _, n := range notes {
		fmt.Fprintf(e.Stderr, "vanban: read %s\n", n)
	}
}

// taskValues and taskFilter carry a filter (and the CSV's limit) to the
// server and back: every field, the offset too (not the web's page).
func taskValues(f tasks.Filter, limit int) url.Values {
	v := url.Values{}
	for _, p := range []struct{ name, v string }{{"agency", f.Agency}, {"parent", f.Parent}, {"passage", f.Passage}, {"plan", f.Plan},
		{"from", f.From}, {"to", f.To}, {"kind", string(f.Kind)}, {"site", f.Site}, {"sort", f.Sort}} {
		if p.v != "" {
			v.Set(p.name, p.v)
		}
	}
	for _, p := range []struct {
		name string
		v    bool
	}{{"partners", f.Partners}, {"best", f.Best}} {
		if p.v {
			v.Set(p.name, "1")
		}
	}
	for _, p := range []struct {
		name string
		v    int
	}{{"offset", f.Offset}, {"limit", f.Limit}, {"rows", limit}} {
		if p.v != 0 {
			v.Set(p.name, strconv.Itoa(p.v))
		}
	}
	return v
}

func taskFilter(v url.Values) (f tasks.Filter, limit int, err error) {
	f = tasks.Filter{Agency: v.Get("agency"), Parent: v.Get("parent"), Passage: v.Get("passage"), Plan: v.Get("plan"),
		From: v.Get("from"), To: v.Get("to"), Kind: deadline.Kind(v.Get("kind")), Site: v.Get("site"), Sort: v.Get("sort"),
		Partners: v.Get("partners") == "1", Best: v.Get("best") == "1"}
	for _, p := range []struct {
		name string
		dst  *int
	}{{"offset", &f.Offset}, {"limit", &f.Limit}, {"rows", &limit}} {
		if s := v.Get(p.name); s != "" {
			if *p.dst, err = strconv.Atoi(s); err != nil || *p.dst < 0 {
				return f, 0, &tasks.FilterError{Param: p.name, Msg: fmt.Sprintf("want an integer ≥ 0, got %q", s)}
			}
		}
	}
	return f, limit, nil
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
		dead := ""
		if r.PlanDead != nil {
			dead = "  [" + r.PlanDead.Note() + "]"
		}
		fmt.Fprintf(w, "%-16s %-14s %-10s %-26s %-22s %s%s\n", due, r.Plan.Number, r.ID, clip(orDash(r.Agency), 26), link, clip(r.Text, 70), dead)
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
