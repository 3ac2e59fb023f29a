package tasks

import (
	"encoding/csv"
	"io"
	"strings"
)

// CSVHeader is the header row of a tasks export.
var CSVHeader = []string{"plan_number", "plan_type", "plan_title", "published", "site", "task_id", "task", "context",
	"agency", "partners", "output", "deadline", "deadline_kind", "deadline_date", "deadline_from", "deadline_every",
	"parent", "passage", "passage_title", "plan_url", "plan_dead"}

// CSV writes tasks as RFC 4180 CSV, one row a task; a task's links are
// listed in its parent, passage and passage_title cells, "; "-separated,
// best first.
type CSV struct {
	w *csv.Writer
}

// NewCSV starts a CSV export on w with its header row, after a UTF-8
// byte order mark when bom is set (Excel reads Vietnamese as cp1252
// without it).
func NewCSV(w io.Writer, bom bool) (*CSV, error) {
	if bom {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return nil, err
		}
	}
	c := &CSV{w: csv.NewWriter(w)}
	return c, c.w.Write(CSVHeader)
}

// Write writes one task.
func (c *CSV) Write(r Row) error {
	var parents, passages, titles []string
	for _, m := range r.Links {
		parents = append(parents, m.Number)
		passages = append(passages, m.Passage)
		titles = append(titles, m.Title)
	}
	d := r.Deadline
	dead := "" // the plan's file answers 404/410 now: what the pages say
	if r.PlanDead != nil {
		dead = r.PlanDead.Note()
	}
	return c.w.Write(safe([]string{r.Plan.Number, r.Plan.Type, r.Plan.Title, r.Plan.Published, r.Plan.Site, r.ID,
		r.Text, r.Context, r.Agency, r.Partners, r.Output, d.Text, string(d.Kind), d.Date, d.From, d.Every,
		strings.Join(parents, "; "), strings.Join(passages, "; "), strings.Join(titles, "; "), r.Plan.URL, dead}))
}

// Flush writes what is buffered and reports an error of any write.
func (c *CSV) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// safe defuses cells a spreadsheet would run as a formula (a task
// starting with "-" or "+", as bullets do, or "="), by prefixing an
// apostrophe.
func safe(rec []string) []string {
	for i, c := range rec {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			rec[i] = "'" + c
		}
	}
	return rec
}
