package web

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestE2ETasksForm: in a real browser, at desktop and phone widths, each
// filter of the tasks view keeps its label with its field: no label is
// broken over two lines and every field lies inside its label's box. The
// form had no style: its labels ran inline, so a line ended on "Đoạn" and
// its field began the next one, under "Văn bản cấp trên"'s.
func TestE2ETasksForm(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped under -short")
	}
	srv, _ := tasksService(t)
	ctx := browser(t)
	const broken = `Array.from(document.querySelectorAll('form.tasks label')).filter(l => {
		const f = l.querySelector('input'), r = l.getBoundingClientRect(), q = f.getBoundingClientRect();
		return l.getClientRects().length != 1 || q.left < r.left - 1 || q.right > r.right + 1 || q.top < r.top - 1 || q.bottom > r.bottom + 1;
	}).map(l => l.textContent.trim())`
	for _, w := range []int64{1280, 390} {
		var bad []string
		var n int
		if err := chromedp.Run(ctx, chromedp.EmulateViewport(w, 900), chromedp.Navigate(srv.URL+"/tasks?parent=nq+154"),
			chromedp.WaitVisible(`form.tasks`, chromedp.ByQuery),
			chromedp.Evaluate(`document.querySelectorAll('form.tasks label').length`, &n),
			chromedp.Evaluate(broken, &bad)); err != nil {
			t.Fatal(err)
		}
		if n < 9 || len(bad) > 0 {
			t.Errorf("width %s: %d labels, broken from their fields: %q", strconv.FormatInt(w, 10), n, bad)
		}
	}
	if *screenshots {
		shoot(t, ctx, "../../docs/screenshot-tasks.png")
	}
}
