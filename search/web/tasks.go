package web

// The tasks view (package tasks) over HTTP:
//
//	GET /tasks           page: the filter form, a page of tasks, paging, the CSV link
//	GET /api/tasks       JSON tasks.Result
//	GET /api/tasks.csv   CSV (UTF-8 with BOM), every matching task up to h.maxTaskExport
//
// Parameters (tasks.FilterFromValues): agency (any spelling), partners=1,
// parent and passage (best=1: by the task's best link only, as a parent's
// page counts), plan, from and to (YYYY-MM-DD, on the deadline), kind
// (date, recurring, unknown, none), site, sort (deadline, plan), page,
// size (≤ tasks.MaxLimit).

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/vanban/vanban/tasks"
)

// WithTasks serves the tasks view from t and shows, on document pages,
// the implementing tasks of each passage of a parent.
func WithTasks(t *tasks.Table) Option { return func(h *Handler) { h.tasks = t } }

// taskRoutes registers the tasks view's routes when the handler has a
// table.
func (h *Handler) taskRoutes(mux *http.ServeMux) {
	if h.tasks == nil {
		return
	}
	mux.HandleFunc("GET /tasks", h.tasksPage)
	mux.HandleFunc("GET /api/tasks", h.apiTasks)
	mux.HandleFunc("GET /api/tasks.csv", h.exportTasks)
}

// taskError answers a query's error: 400 for a bad parameter, nothing
// when the client left (503 when out of time: Handler.failure).
func (h *Handler) taskError(w http.ResponseWriter, r *http.Request, err error) {
	var fe *tasks.FilterError
	if errors.As(err, &fe) {
		jsonError(w, http.StatusBadRequest, err.Error())
		return
	}
	if ctx := r.Context(); ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		h.jsonFailure(w, r, "tasks", err)
		return
	}
	h.log.Error("tasks failed", "err", err)
	jsonError(w, http.StatusInternalServerError, "tasks query failed")
}

func (h *Handler) apiTasks(w http.ResponseWriter, r *http.Request) {
	f, err := tasks.FilterFromValues(r.URL.Query())
	if err == nil {
		_, err = h.readTaskNumbers(r.Context(), &f)
	}
	if err != nil {
		h.taskError(w, r, err)
		return
	}
	res, err := h.tasks.Query(r.Context(), f)
	if err == nil {
		err = h.deadPlans(r.Context(), res.Tasks)
	}
	if err != nil {
		h.taskError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// exportTasks streams every matching task as CSV (page and size ignored;
// limit asks for the first rows). An export matching more tasks than one
// export holds (h.maxTaskExport) without a limit within it is refused
// with 422 before any row, as GitHub's search API refuses a page past its
// 1,000 results and Elasticsearch a window past max_result_window: a CSV
// is saved and read later, where no header says it was cut, and a marker
// row would be read as a task by every CSV reader. The status names how
// many match and the two ways out: narrow the filter, or ask limit=N for
// the first rows in the table's order.
func (h *Handler) exportTasks(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	v.Del("page")
	v.Del("size")
	f, err := tasks.FilterFromValues(v)
	if err == nil {
		_, err = h.readTaskNumbers(r.Context(), &f)
	}
	if err != nil {
		h.taskError(w, r, err)
		return
	}
	limit, asked := h.maxTaskExport, false
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			h.taskError(w, r, &tasks.FilterError{Param: "limit", Msg: "want an integer ≥ 1, got " + strconv.Quote(s)})
			return
		}
		limit, asked = min(n, h.maxTaskExport), n <= h.maxTaskExport
	}
	if err := h.tasks.Refresh(r.Context()); err != nil {
		h.taskError(w, r, err)
		return
	}
	var c *tasks.CSV
	begin := func(matched int) error {
		if matched > h.maxTaskExport && !asked {
			return &exportTooLarge{matched: matched, most: h.maxTaskExport}
		}
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="vanban-tasks.csv"`)
		var err error
		c, err = tasks.NewCSV(w, true)
		return err
	}
	dead := tasks.DeadMemo{Dead: h.deadReader("tasks export")}
	err = h.tasks.Export(r.Context(), f, limit, begin, func(row tasks.Row) error {
		if err := dead.Mark(r.Context(), &row); err != nil {
			return err
		}
		return c.Write(row)
	})
	if err == nil {
		err = c.Flush()
	}
	var big *exportTooLarge
	switch {
	case err == nil:
	case errors.As(err, &big):
		jsonError(w, http.StatusUnprocessableEntity, big.Error())
	case c == nil:
		h.taskError(w, r, err) // nothing written yet: the status says it
	case r.Context().Err() != nil && errors.Is(err, r.Context().Err()):
		h.log.Info("tasks export stopped", "err", err) // the client left or the time ran out: the export ends short
	default:
		h.log.Error("tasks export failed", "err", err) // the status line is gone; the export ends short
	}
}

// exportTooLarge refuses an export matching more tasks than one export
// holds.
type exportTooLarge struct{ matched, most int }

func (e *exportTooLarge) Error() string {
	return fmt.Sprintf("%d tasks match and one export holds at most %d rows: narrow the filter (agency, parent, plan, from, to, kind, site), or add limit=%d to take the first %d rows in the table's order", e.matched, e.most, e.most, e.most)
}

// tasksView is what the tasks page template sees.
type tasksView struct {
	V      url.Values // the form's values
	Result *tasks.Result
	Cards  []taskCard
	Error  string
	Notes  []string // how a bare number in a document field was read: "“2530” là 2530/QĐ-TTg"
	Kinds  []link   // the deadline kinds, to filter on
	Sorts  []link
	CSV    string
	CSVCut string // the CSV link takes the first rows only: "5 nhiệm vụ đầu / 23"
	Pages  []pageLink
	Prev   string
	Next   string
}

// taskKinds are the deadline kinds with their labels.
var taskKinds = []struct{ value, label string }{
	{"", "Tất cả"}, {"date", "Có hạn"}, {"recurring", "Thường xuyên, định kỳ"}, {"unknown", "Hạn không rõ"}, {"none", "Không nêu hạn"},
}

func tasksURL(v url.Values, set ...string) string { return "/tasks" + pageURL(v, set...)[1:] }

func (h *Handler) tasksPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	d := tasksView{V: v, CSV: "/api/tasks.csv" + pageURL(v, "size", "")[1:]}
	for _, k := range taskKinds {
		d.Kinds = append(d.Kinds, link{Label: k.label, URL: tasksURL(v, "kind", k.value), Current: v.Get("kind") == k.value})
	}
	for _, s := range []struct{ value, label string }{{"", "Hạn gần nhất"}, {"plan", "Theo văn bản"}} {
		d.Sorts = append(d.Sorts, link{Label: s.label, URL: tasksURL(v, "sort", s.value), Current: v.Get("sort") == s.value})
	}
	f, err := tasks.FilterFromValues(v)
	if err == nil {
		d.Notes, err = h.readTaskNumbers(r.Context(), &f)
	}
	if err == nil {
		d.Result, err = h.tasks.Query(r.Context(), f)
	}
	if err == nil {
		err = h.deadPlans(r.Context(), d.Result.Tasks)
	}
	if err != nil {
		var fe *tasks.FilterError
		switch ctx := r.Context(); {
		case errors.As(err, &fe):
			d.Error = err.Error()
			w.WriteHeader(http.StatusBadRequest)
		case ctx.Err() != nil && errors.Is(err, ctx.Err()):
			status, msg := h.failure(r, "tasks", err)
			if status == StatusClientClosed {
				return
			}
			d.Error = pageError(status, err, msg)
			w.WriteHeader(status)
		default:
			h.log.Error("tasks failed", "err", err)
			d.Error = "Không tải được danh sách nhiệm vụ: lỗi máy chủ."
			w.WriteHeader(http.StatusInternalServerError)
		}
		h.render(w, "tasks.html", d)
		return
	}
	if n := d.Result.Total; n > h.maxTaskExport { // the whole export would be refused: link its first rows
		d.CSV = "/api/tasks.csv" + pageURL(v, "size", "", "limit", strconv.Itoa(h.maxTaskExport))[1:]
		d.CSVCut = fmt.Sprintf("%d nhiệm vụ đầu / %d", h.maxTaskExport, n)
	}
	for _, row := range d.Result.Tasks {
		d.Cards = append(d.Cards, newTaskCard(row))
	}
	page, last := f.Offset/f.Limit+1, (d.Result.Total+f.Limit-1)/f.Limit
	link := func(n int) string { return tasksURL(v, "page", strconv.Itoa(n)) }
	d.Pages, d.Prev, d.Next = pager(page, last, link)
	h.render(w, "tasks.html", d)
}

// taskCard is one task as the pages show it.
type taskCard struct {
	tasks.Row
	Due   string // the deadline, dd/mm/yyyy, or what it says when there is no date
	Class string // the deadline's kind, for the page's style
}

// everyLabels name the recurrences of deadline.Deadline.Every.
var everyLabels = map[string]string{"continuous": "Thường xuyên", "periodic": "Định kỳ", "day": "Hằng ngày", "week": "Hằng tuần",
	"month": "Hằng tháng", "quarter": "Hằng quý", "half-year": "6 tháng một lần", "year": "Hằng năm"}

func newTaskCard(r tasks.Row) taskCard {
	c := taskCard{Row: r, Class: string(r.Deadline.Kind)}
	switch d := r.Deadline; {
	case d.Date != "":
		c.Due = d.Date[8:10] + "/" + d.Date[5:7] + "/" + d.Date[:4]
	case d.Every != "":
		c.Due = everyLabels[d.Every]
	case d.Text != "":
		c.Due = "Hạn không rõ"
	default:
		c.Due, c.Class = "Không nêu hạn", "none"
	}
	return c
}
