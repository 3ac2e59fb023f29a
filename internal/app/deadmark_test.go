package app

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/tasks"
)

// TestDeadFileListed: an article links two plans' files; both are read on
// the first crawl and one (236/KH-UBND's DOCX) answers 404 on the second,
// its document kept. Everywhere a document is listed staff see that its
// source file is gone, and only for it: the search page's hit, /api/search
// (dead), the search exports (CSV dead cell, JSONL dead), the tasks page,
// /api/tasks (plan_dead) and /api/tasks.csv (plan_dead), all served by the
// web handler over the on-disk store, index and tasks table; the live
// file's hits and tasks, and the article's hit, carry no mark.
func TestDeadFileListed(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(demoFiles, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	docx, pdf := read("236-KH-UBND.docx"), read("45-KH-UBND.pdf")
	data := t.TempDir()
	var mu sync.Mutex
	up := true
	mux := http.NewServeMux()
	mux.HandleFunc("/tin-tuc/ke-hoach.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Các kế hoạch thực hiện chương trình hành động</title></head><body><div class="content-detail"><h1>Các kế hoạch thực hiện chương trình hành động</h1><p class="date">Ngày đăng: 02/06/2025</p><p>Ủy ban nhân dân tỉnh ban hành hai kế hoạch thực hiện chương trình hành động của Chính phủ; toàn văn kèm theo.</p><div class="attachments"><b>Tệp đính kèm</b> <a href="/files/236-KH-UBND.docx">Kế hoạch 236</a> <a href="/files/45-KH-UBND.pdf">Kế hoạch 45</a></div></div></body></html>`)
	})
	mux.HandleFunc("/files/236-KH-UBND.docx", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if !up {
			http.NotFound(w, r)
			return
		}
		w.Write(docx)
	})
	mux.HandleFunc("/files/45-KH-UBND.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(pdf)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	article, dead, live := srv.URL+"/tin-tuc/ke-hoach.html", srv.URL+"/files/236-KH-UBND.docx", srv.URL+"/files/45-KH-UBND.pdf"
	cfg := writeSiteConfig(t, "phuan", article, srv.URL, `/tin-tuc/`)
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatalf("crawl: %v\n%s", err, stderr)
	}
	mu.Lock()
	up = false
	mu.Unlock()
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil || !strings.Contains(stderr, "1 dead attachments still linked") {
		t.Fatalf("second crawl: %v, want 1 dead attachment\n%s", err, stderr)
	}
	if _, stderr, err := call(t, data, RunIndex, IndexOptions{}); err != nil {
		t.Fatalf("index: %v\n%s", err, stderr)
	}
	// the commands, reading the data directory (a server answers them with
	// the same functions: answerSearch, answerTasks, writeTasksCSV)
	out, _, err := call(t, data, RunSearch, SearchOptions{Query: "kế hoạch thực hiện", Limit: 20})
	if err != nil || strings.Count(out, "không còn truy cập được") != 1 || !strings.Contains(out, "236-KH-UBND.docx") {
		t.Errorf("vanban search: %v; want the dead file's hit marked once:\n%s", err, out)
	}
	out, _, err = call(t, data, RunTasks, TasksOptions{CSV: true})
	if recs, cerr := csv.NewReader(strings.NewReader(out)).ReadAll(); err != nil || cerr != nil || len(recs) < 2 {
		t.Errorf("vanban tasks --csv: %v %v:\n%s", err, cerr, out)
	} else if col, u := slices.Index(recs[0], "plan_dead"), slices.Index(recs[0], "plan_url"); col < 0 {
		t.Errorf("vanban tasks --csv: header %v lacks plan_dead", recs[0])
	} else {
		for _, r := range recs[1:] {
			if (r[col] != "") != (r[u] == dead) || r[col] != "" && !strings.Contains(r[col], "(404) từ ") {
				t.Errorf("vanban tasks --csv: %s plan_dead %q", r[u], r[col])
			}
		}
	}
	out, _, err = call(t, data, RunTasks, TasksOptions{Filter: tasks.Filter{Limit: 100}})
	if err != nil || !strings.Contains(out, "không còn truy cập được") {
		t.Errorf("vanban tasks: %v; want 236/KH-UBND's tasks marked:\n%s", err, out)
	}

	store, ix, err := openData(context.Background(), &Env{Data: data}, true)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	defer ix.Close()
	web := httptest.NewServer(searchHandler(&Env{Data: data, Stderr: io.Discard}, store, ix, DefaultRequestTimeout, nil, tasks.New(store, tasks.Options{Fresh: true})))
	defer web.Close()
	deadID, liveID := corpus.IDForURL(dead), corpus.IDForURL(live)

	// what the file's own JSON says is what every listing says
	var doc struct {
		Dead *corpus.DeadMark `json:"dead"`
	}
	if err := json.Unmarshal([]byte(httpBody(t, web.URL+"/api/documents/"+deadID)), &doc); err != nil || doc.Dead == nil || doc.Dead.Status != 404 {
		t.Fatalf("/api/documents/%s: %v, dead %+v; want 404", deadID, err, doc.Dead)
	}
	note := doc.Dead.Note()
	q := "?q=" + url.QueryEscape("kế hoạch thực hiện")

	var res struct {
		Hits []struct {
			ID   string
			URL  string
			Dead *corpus.DeadMark
		}
	}
	if err := json.Unmarshal([]byte(httpBody(t, web.URL+"/api/search"+q)), &res); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, h := range res.Hits {
		seen[h.ID] = true
		switch {
		case h.ID == deadID && (h.Dead == nil || h.Dead.URL != dead || h.Dead.Status != 404 || !h.Dead.Since.Equal(doc.Dead.Since)):
			t.Errorf("/api/search: the dead file's hit has dead %+v; want %+v", h.Dead, doc.Dead)
		case h.ID != deadID && h.Dead != nil:
			t.Errorf("/api/search: hit %s (%s) marked dead", h.ID, h.URL)
		}
	}
	if !seen[deadID] || !seen[liveID] || !seen[corpus.IDForURL(article)] {
		t.Fatalf("/api/search: hits %+v; want the dead file's, the live file's and the article's", res.Hits)
	}

	body := httpBody(t, web.URL+"/"+q)
	if n := strings.Count(body, `<span class="dead">`+html.EscapeString(note)+`</span>`); n != 1 || strings.Count(body, "không còn truy cập được") != 1 {
		t.Errorf("the search page marks %d hits with %q (%d mentions); want 1", n, note, strings.Count(body, "không còn truy cập được"))
	}
	if i := strings.Index(body, `<span class="dead">`); i < 0 || !strings.Contains(body[max(0, i-200):i], html.EscapeString(dead)) {
		t.Error("the search page's mark does not follow the dead file's source link")
	}

	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(httpBody(t, web.URL+"/api/search.csv"+q), "\uFEFF"))).ReadAll()
	if err != nil || len(recs) < 4 {
		t.Fatalf("/api/search.csv: %v, %d records", err, len(recs))
	}
	col, urlCol := slices.Index(recs[0], "dead"), slices.Index(recs[0], "url")
	if col < 0 || urlCol < 0 {
		t.Fatalf("/api/search.csv: header %v lacks dead or url", recs[0])
	}
	for _, r := range recs[1:] {
		if want := map[bool]string{true: note}[r[urlCol] == dead]; r[col] != want {
			t.Errorf("/api/search.csv: %s dead %q; want %q", r[urlCol], r[col], want)
		}
	}
	marked := 0
	for _, line := range strings.Split(strings.TrimSpace(httpBody(t, web.URL+"/api/search.jsonl"+q)), "\n") {
		var row struct {
			URL  string
			Dead *corpus.DeadMark
		}
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatal(err)
		}
		if (row.Dead != nil) != (row.URL == dead) || row.Dead != nil && row.Dead.Status != 404 {
			t.Errorf("/api/search.jsonl: %s dead %+v", row.URL, row.Dead)
		}
		if row.Dead != nil {
			marked++
		}
	}
	if marked != 1 {
		t.Errorf("/api/search.jsonl: %d rows marked dead; want 1", marked)
	}

	// the tasks view: both plans' tasks, only 236/KH-UBND's marked
	var tr struct {
		Total int
		Tasks []struct {
			Plan     struct{ ID, URL string }
			PlanDead *corpus.DeadMark `json:"plan_dead"`
		}
	}
	if err := json.Unmarshal([]byte(httpBody(t, web.URL+"/api/tasks?size=100")), &tr); err != nil {
		t.Fatal(err)
	}
	plans := map[string]int{}
	for _, r := range tr.Tasks {
		plans[r.Plan.ID]++
		if (r.PlanDead != nil) != (r.Plan.ID == deadID) || r.PlanDead != nil && (r.PlanDead.URL != dead || r.PlanDead.Status != 404) {
			t.Errorf("/api/tasks: a task of %s has plan_dead %+v", r.Plan.URL, r.PlanDead)
		}
	}
	if plans[deadID] == 0 || plans[liveID] == 0 || tr.Total > 100 {
		t.Fatalf("/api/tasks: %d tasks by plan %v; want tasks of both files' plans on one page", tr.Total, plans)
	}
	body = httpBody(t, web.URL+"/tasks?size=100")
	if n := strings.Count(body, `<span class="dead">`+html.EscapeString(note)+`</span>`); n != plans[deadID] {
		t.Errorf("the tasks page marks %d tasks; want %d (236/KH-UBND's)", n, plans[deadID])
	}
	recs, err = csv.NewReader(strings.NewReader(strings.TrimPrefix(httpBody(t, web.URL+"/api/tasks.csv"), "\uFEFF"))).ReadAll()
	if err != nil || len(recs) != tr.Total+1 {
		t.Fatalf("/api/tasks.csv: %v, %d records; want %d", err, len(recs), tr.Total+1)
	}
	col, urlCol = slices.Index(recs[0], "plan_dead"), slices.Index(recs[0], "plan_url")
	if col < 0 || urlCol < 0 {
		t.Fatalf("/api/tasks.csv: header %v lacks plan_dead or plan_url", recs[0])
	}
	n := 0
	for _, r := range recs[1:] {
		if want := map[bool]string{true: note}[r[urlCol] == dead]; r[col] != want {
			t.Errorf("/api/tasks.csv: %s plan_dead %q; want %q", r[urlCol], r[col], want)
		}
		if r[col] != "" {
			n++
		}
	}
	if n != plans[deadID] {
		t.Errorf("/api/tasks.csv: %d rows marked; want %d", n, plans[deadID])
	}
}
