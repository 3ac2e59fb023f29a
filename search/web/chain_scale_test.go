package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	corpuslink "github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/internal/plangen"
	"github.com/vanban/vanban/internal/shared"
	"github.com/vanban/vanban/search"
	"github.com/vanban/vanban/tasks"
)

// pageService stores docs (one batch) in a store on disk, materialises
// their tasks, indexes them and returns the handler with the tasks view,
// as `vanban serve` has it.
func pageService(tb testing.TB, docs []*corpus.Document) (http.Handler, *corpus.Store) {
	tb.Helper()
	dir := tb.TempDir()
	store, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { store.Close() })
	for len(docs) > 0 {
		n := min(len(docs), 1000)
		if _, err := store.PutBatch(docs[:n]); err != nil {
			tb.Fatal(err)
		}
		docs = docs[n:]
	}
	ctx := context.Background()
	if _, err := store.SyncTasks(ctx, nil); err != nil {
		tb.Fatal(err)
	}
	ix, err := indexer.Open(indexer.DirFor(dir), indexer.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	if _, err := ix.Sync(ctx, store, nil); err != nil {
		tb.Fatal(err)
	}
	return NewHandler(search.New(ix.Bleve()), store, nil, WithTasks(tasks.New(store, tasks.Options{}))), store
}

// serve answers GET u from h.
func serve(tb testing.TB, h http.Handler, u string, want int) string {
	tb.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil))
	if rec.Code != want {
		tb.Fatalf("GET %s: status %d, want %d: %.300s", u, rec.Code, want, rec.Body.String())
	}
	return rec.Body.String()
}

// manyPlans is a resolution (number) with three task passages, plans
// implementing the first with tasks each (published 2025), one old plan
// (2020) implementing the second, and news articles citing the
// resolution without implementing it. Nothing implements the third
// passage. Lines written for the test.
func manyPlans(number string, plans, tasksEach, news int) []*corpus.Document {
	host := "http://" + strings.NewReplacer("/", "-", " ", "-").Replace(strings.ToLower(number)) + ".test"
	docs := []*corpus.Document{{URL: host + "/nq", Type: "Nghị quyết", Number: number, Title: "Nghị quyết số " + number + " về kinh tế số",
		Body: "III. NHIỆM VỤ, GIẢI PHÁP\n1. Phát triển hạ tầng số, trung tâm dữ liệu và điện toán đám mây.\n2. Đào tạo nhân lực số cho doanh nghiệp và người dân.\n" +
			"3. Bảo đảm an toàn thông tin mạng cho hệ thống chính quyền số."}}
	lines := []string{"Sở Khoa học và Công nghệ phát triển hạ tầng số, trung tâm dữ liệu tỉnh.",
		"Sở Thông tin và Truyền thông phát triển trung tâm dữ liệu và điện toán đám mây dùng chung.",
		"Sở Xây dựng quy hoạch đất cho trung tâm dữ liệu và hạ tầng số.",
		"Sở Tài chính bố trí vốn phát triển hạ tầng số và trung tâm dữ liệu."}
	var body strings.Builder
	body.WriteString("II. NHIỆM VỤ\n")
	for i := range tasksEach {
		fmt.Fprintf(&body, "%d. %s\n", i+1, lines[i%len(lines)])
	}
	for i := range plans {
		num := strconv.Itoa(100+i) + "/KH-UBND"
		docs = append(docs, &corpus.Document{URL: host + "/kh/" + strconv.Itoa(i), Type: "Kế hoạch", Number: num, Published: "2025-06-01",
			Title: "Kế hoạch số " + num + " thực hiện Nghị quyết số " + number, Body: body.String()})
	}
	docs = append(docs, &corpus.Document{URL: host + "/kh/old", Type: "Kế hoạch", Number: "7/KH-UBND", Published: "2020-01-01",
		Title: "Kế hoạch số 7/KH-UBND thực hiện Nghị quyết số " + number,
		Body:  "II. NHIỆM VỤ\n1. Sở Nội vụ mở lớp đào tạo nhân lực số cho doanh nghiệp và người dân."})
	for i := range news {
		docs = append(docs, &corpus.Document{URL: host + "/tin/" + strconv.Itoa(i), Type: "Tin tức", Published: "2025-07-01",
			Title: "Hội nghị quán triệt Nghị quyết số " + number + " tại huyện " + strconv.Itoa(i),
			Body:  "Sáng nay, Huyện ủy tổ chức hội nghị quán triệt, triển khai Nghị quyết số " + number + " đến cán bộ chủ chốt."})
	}
	return docs
}

func docID(tb testing.TB, s *corpus.Store, number string) string {
	tb.Helper()
	ids, err := s.ByNumber(number)
	if err != nil || len(ids) != 1 {
		tb.Fatalf("ByNumber(%s) = %v, %v", number, ids, err)
	}
	return ids[0]
}

var citedItem = regexp.MustCompile(`<li><a href="/doc/[0-9a-f]+">`)

// section returns the part of page from the element with marker to the
// closing tag end after it.
func section(page, marker, end string) string {
	i := strings.Index(page, marker)
	if i < 0 {
		return ""
	}
	j := strings.Index(page[i:], end)
	if j < 0 {
		return page[i:]
	}
	return page[i : i+j]
}

// TestImplementationPageAtScale: a resolution that 251 plans implement
// and 401 documents cite lists 100 of each with counts of all; its
// cited-by list pages by 100 (the page and /api/documents/{id}); its
// implementers come from the task table in the order Store.Role gives;
// each passage shows its first maxPassageTasks tasks and counts all, and
// what nothing implements is counted over every task.
func TestImplementationPageAtScale(t *testing.T) {
	const plans, news = 250, 150
	h, store := pageService(t, manyPlans("52-NQ/TW", plans, 2, news))
	id := docID(t, store, "52-NQ/TW")
	page := serve(t, h, "/doc/"+id, 200)

	chain := section(page, `id="thuc-hien"`, "</ol>")
	if got := strings.Count(chain, "/KH-UBND</a>"); got != maxImplementers {
		t.Errorf("the chain lists %d implementing documents, want %d", got, maxImplementers)
	}
	role, err := store.Role(id)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, d := range role.Implementers[:maxImplementers] {
		want = append(want, ">"+d.Number+"<")
	}
	got := regexp.MustCompile(`>\d+/KH-UBND<`).FindAllString(chain, -1)
	if !slices.Equal(got, want) {
		t.Errorf("the chain's implementers are not Store.Role's first %d in its order:\n got %v\nwant %v", maxImplementers, got, want)
	}
	if got[0] != ">7/KH-UBND<" {
		t.Errorf("the chain starts with %s, want the oldest plan, 7/KH-UBND", got[0])
	}
	for _, w := range []string{
		"… và " + strconv.Itoa(plans+1-maxImplementers) + " văn bản thực hiện khác",
		strconv.Itoa(2*plans+1) + " nhiệm vụ của " + strconv.Itoa(plans+1) + " văn bản thực hiện, hiện " + strconv.Itoa(maxPassageTasks+1),
		"· 1 đoạn chưa có nhiệm vụ thực hiện",
		"Được dẫn bởi (" + strconv.Itoa(plans+1+news) + ")",
		"Văn bản 1–100 trong " + strconv.Itoa(plans+1+news),
		`/tasks?best=1&amp;parent=` + id + `&amp;passage=III.1&amp;sort=plan">` + strconv.Itoa(2*plans) + " nhiệm vụ thực hiện đoạn này",
	} {
		if !strings.Contains(page, w) {
			t.Errorf("page of 52-NQ/TW: no %q", w)
		}
	}
	if i := strings.Index(page, `id="p-III.3"`); i < 0 || strings.Count(page, "— chưa có nhiệm vụ thực hiện") != 1 ||
		!strings.Contains(page[i:min(len(page), i+300)], "— chưa có nhiệm vụ thực hiện") {
		t.Error("page of 52-NQ/TW: III.3 is not the one passage nothing implements")
	}
	checkPassages(t, page, func(u string) string { return serve(t, h, u, 200) }, id)
	if n := strings.Count(page, `<div class="hit task">`); n != maxPassageTasks+1 {
		t.Errorf("the page shows %d task cards, want %d (III.1's first and III.2's one)", n, maxPassageTasks+1)
	}
	cited := section(page, `<section class="rel citedby"`, "</section>")
	if n := len(citedItem.FindAllString(cited, -1)); n != maxCitedBy {
		t.Errorf("the cited-by section lists %d documents, want %d", n, maxCitedBy)
	}

	// The pages of the cited-by list: every citing document once.
	seen := map[string]bool{}
	for p := 1; p <= 5; p++ {
		pg := serve(t, h, "/doc/"+id+"?cited="+strconv.Itoa(p), 200)
		for _, li := range citedItem.FindAllString(section(pg, `<section class="rel citedby"`, "</section>"), -1) {
			if seen[li] {
				t.Errorf("page %d lists %s again", p, li)
			}
			seen[li] = true
		}
		if p == 5 && !strings.Contains(pg, "Văn bản 401–401 trong 401") {
			t.Error("the last page of the cited-by list does not say it shows the 401st")
		}
	}
	if len(seen) != plans+1+news {
		t.Errorf("the cited-by pages list %d documents, want %d", len(seen), plans+1+news)
	}
	serve(t, h, "/doc/"+id+"?cited=6", 404) // a page past the last
	for _, bad := range []string{"0", "x"} {
		serve(t, h, "/doc/"+id+"?cited="+bad, 400) // malformed: the parameter's fault
	}

	// The same in JSON.
	var doc struct {
		CitedBy      []DocLink `json:"cited_by"`
		CitedByTotal int       `json:"cited_by_total"`
		CitedByNext  string    `json:"cited_by_next"`
	}
	for _, tt := range []struct {
		query      string
		n          int
		next       string
		wantStatus int
	}{
		{"", maxCitedBy, "/api/documents/" + id + "?cited=2", 200},
		{"?cited=4", maxCitedBy, "/api/documents/" + id + "?cited=5", 200},
		{"?cited=5", 1, "", 200},
		{"?cited=0", 0, "", 400},
	} {
		body := serve(t, h, "/api/documents/"+id+tt.query, tt.wantStatus)
		if tt.wantStatus != 200 {
			continue
		}
		doc.CitedByNext = ""
		if err := json.Unmarshal([]byte(body), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.CitedBy) != tt.n || doc.CitedByTotal != plans+1+news || doc.CitedByNext != tt.next {
			t.Errorf("/api/documents/{id}%s: %d cited_by of %d, next %q; want %d of %d, next %q",
				tt.query, len(doc.CitedBy), doc.CitedByTotal, doc.CitedByNext, tt.n, plans+1+news, tt.next)
		}
	}
}

// TestImplementationPageAllocs bounds what a resolution's page allocates
// for each further document implementing or citing it: two resolutions
// whose pages show the same (100 implementers, 100 citing documents, 500
// tasks, 200 relations), the second with twice the documents behind them.
// Reading each citing document's head and each implementer's task header
// (main before i17-respage) costs a hundred allocations and more a
// document; counting them costs a few.
func TestImplementationPageAllocs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 780 plans")
	}
	docs := append(manyPlans("52-NQ/TW", 520, 2, 100), manyPlans("53-NQ/TW", 260, 2, 50)...)
	h, store := pageService(t, docs)
	allocs := func(number string) float64 {
		u := "/doc/" + docID(t, store, number)
		serve(t, h, u, 200) // the table's load
		return testing.AllocsPerRun(5, func() { serve(t, h, u, 200) })
	}
	small, large := allocs("53-NQ/TW"), allocs("52-NQ/TW")
	const more = (520 + 100) - (260 + 50) // further implementing and citing documents
	perDoc := (large - small) / more
	t.Logf("allocations a page: %.0f at 261 implementers and 311 citing documents, %.0f at 521 and 621: %.1f a further document",
		small, large, perDoc)
	if perDoc > 20 {
		t.Errorf("a resolution's page allocates %.1f more for each further document implementing or citing it, want at most 20", perDoc)
	}
}

// BenchmarkImplementationPage serves the page of 380/NQ-CP (real, from
// ../shared/data/plans) that VANBAN_BENCH_PAGE_PLANS (2,000) generated
// variants of its four implementing documents implement and cite
// (plangen, BenchmarkTasks's generator), with the tasks view's table, as
// `vanban serve` does: ms/page and allocations of the page, of its JSON
// (/api/documents/{id}) and of an implementing document's page (the chain
// above it names 380/NQ-CP).
//
//	go test ./search/web -run '^$' -bench ImplementationPage -benchtime 20x
func BenchmarkImplementationPage(b *testing.B) {
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("VANBAN_BENCH_PAGE_PLANS")); err == nil && v > 0 {
		n = v
	}
	real, err := corpus.ReadJSONLFile(shared.Path(b, "data", "plans", "docs.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	s, err := corpus.OpenStore(b.TempDir(), false, time.Second)
	if err != nil {
		b.Fatal(err)
	}
	impl, err := plangen.Implementing(context.Background(), s, real)
	if err != nil {
		b.Fatal(err)
	}
	var of380 []*corpus.Document
	for _, d := range impl {
		pt, _, err := s.Tasks(d.ID)
		if err != nil {
			b.Fatal(err)
		}
		if slices.ContainsFunc(pt.Parents, func(p corpuslink.DocRef) bool { return p.Number == "380/NQ-CP" }) {
			of380 = append(of380, d)
		}
	}
	s.Close()
	docs := real
	if err := plangen.Variants(of380, n, func(d *corpus.Document) error { docs = append(docs, d); return nil }); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	h, store := pageService(b, docs)
	b.Logf("%d documents (%d variants of %d implementing 380/NQ-CP) stored, linked and indexed in %s", len(docs), n, len(of380), time.Since(start))
	id := docID(b, store, "380/NQ-CP")
	variant, err := store.ByNumber(plangen.Variant(of380[0], 0).Number)
	if err != nil || len(variant) == 0 {
		b.Fatalf("no variant: %v", err)
	}
	for _, p := range []struct{ name, url string }{
		{"resolution", "/doc/" + id},
		{"resolution-json", "/api/documents/" + id},
		{"plan", "/doc/" + variant[0]},
	} {
		b.Run(p.name, func(b *testing.B) {
			serve(b, h, p.url, 200) // the table's load
			b.ReportAllocs()
			for b.Loop() {
				serve(b, h, p.url, 200)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/page")
		})
	}
}
