package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/search"
	"github.com/vanban/vanban/tasks"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// tasksService serves the handler with the tasks view over the demo
// portal's articles and extra documents, their tasks materialised.
func tasksService(t *testing.T, extra ...*corpus.Document) (*httptest.Server, *corpus.Store) {
	t.Helper()
	ix, store := demoIndex(t, extra...)
	if _, err := store.SyncTasks(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(NewHandler(search.New(ix), store, nil, WithTasks(tasks.New(store, tasks.Options{}))))
	t.Cleanup(srv.Close)
	return srv, store
}

func taskIDs(res *tasks.Result) []string {
	var out []string
	for _, r := range res.Tasks {
		out = append(out, r.Plan.Number+" "+r.ID)
	}
	return out
}

func TestAPITasks(t *testing.T) {
	srv, _ := tasksService(t)
	var all tasks.Result
	getJSON(t, srv.URL+"/api/tasks?size=500", 200, &all)
	if all.Total < 60 || len(all.Tasks) != all.Total || all.Stale != 0 {
		t.Fatalf("all tasks: total %d, %d returned, stale %d", all.Total, len(all.Tasks), all.Stale)
	}
	tests := []struct {
		query string
		want  []string
	}{
		// "Chính sách thu hút chuyên gia … | Sở Nội vụ | Quý II/2023" and 45/KH-UBND's rows and points of Sở Nội vụ.
		{"agency=so+noi+vu&sort=plan", []string{"45/KH-UBND II.4.a", "45/KH-UBND III.r4", "236/KH-UBND III.r3"}},
		{"agency=" + url.QueryEscape("SỞ NỘI VỤ") + "&sort=plan", []string{"45/KH-UBND II.4.a", "45/KH-UBND III.r4", "236/KH-UBND III.r3"}},
		// Every task with a link to II.4, the best or a further one (III.r5's
		// was its third link: an item links to at most two passages since
		// i25-prec).
		{"parent=154%2Fnq-cp&passage=II.4", []string{"236/KH-UBND III.r2", "236/KH-UBND III.r4", "236/KH-UBND III.r1",
			"236/KH-UBND II.4.a", "236/KH-UBND II.4.b"}},
		// best=1: those whose best link to 154/NQ-CP is II.4, the 3 its
		// page counts under II.4 (III.r1, r2 go first to other passages).
		{"parent=154%2Fnq-cp&passage=II.4&best=1", []string{"236/KH-UBND III.r4", "236/KH-UBND II.4.a", "236/KH-UBND II.4.b"}},
		{"from=2023-01-01&to=2023-06-30", []string{"236/KH-UBND III.r6", "236/KH-UBND III.r3"}},
		{"kind=recurring&plan=45%2FKH-UBND", []string{"45/KH-UBND II.1.a", "45/KH-UBND II.3.a"}},
		{"kind=recurring&plan=45%2FKH-UBND&site=demo", []string{"45/KH-UBND II.1.a", "45/KH-UBND II.3.a"}},
		{"kind=recurring&site=nosuch", nil},
	}
	for _, tt := range tests {
		var res tasks.Result
		getJSON(t, srv.URL+"/api/tasks?"+tt.query, 200, &res)
		if got := taskIDs(&res); !slices.Equal(got, tt.want) || res.Total != len(tt.want) {
			t.Errorf("/api/tasks?%s = %v (total %d), want %v", tt.query, got, res.Total, tt.want)
		}
	}
	for _, bad := range []string{"from=2024-13-01", "kind=soon", "sort=x", "size=0", "page=-1", "passage=II.1", "partners=yes", "parent=154%2Fnq-cp&best=1", "parent=154%2Fnq-cp&passage=II.4&best=yes"} {
		var e map[string]string
		getJSON(t, srv.URL+"/api/tasks?"+bad, 400, &e)
		if e["error"] == "" {
			t.Errorf("/api/tasks?%s: no error message", bad)
		}
	}
}

func TestTasksCSV(t *testing.T) {
	srv, _ := tasksService(t)
	body, hdr := get(t, srv.URL+"/api/tasks.csv?parent=57-NQ%2FTW", 200)
	if ct := hdr.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("Content-Type %q", ct)
	}
	if !strings.HasPrefix(body, "\uFEFF") {
		t.Error("no byte order mark")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(recs[0], tasks.CSVHeader) || len(recs) != 1+23 {
		t.Errorf("header %v, %d rows; want the 23 tasks of 45/KH-UBND and 21-CTr/TU", recs[0], len(recs)-1)
	}
	checkGolden(t, "tasks_57.csv", body)
	if body, _ := get(t, srv.URL+"/api/tasks.csv?parent=57-NQ%2FTW&limit=2", 200); strings.Count(body, "\n") != 3 {
		t.Errorf("limit=2: %d lines", strings.Count(body, "\n"))
	}
	get(t, srv.URL+"/api/tasks.csv?limit=0", 400)
}

func TestTasksPage(t *testing.T) {
	evil := &corpus.Document{URL: "http://evil.test/kh", Site: "evil", Type: "Kế hoạch", Number: "9/KH-X",
		Title: "Kế hoạch số 9/KH-X thực hiện Nghị quyết số 57-NQ/TW",
		Body:  "II. NHIỆM VỤ\n1. Sở <script>alert(1)</script> tổ chức tuyên truyền Nghị quyết về khoa học, công nghệ, hoàn thành trong quý IV/2025."}
	srv, _ := tasksService(t, evil)
	page, _ := get(t, srv.URL+"/tasks?agency=so+thong+tin+va+truyen+thong", 200)
	for _, want := range []string{"Nhiệm vụ triển khai", "Sở Thông tin và Truyền thông</b> chủ trì", "30/06/2025", "Quý II/2025",
		`href="/doc/` + demoID("45/KH-UBND") + `"`, `href="/api/tasks.csv?agency=so&#43;thong&#43;tin&#43;va&#43;truyen&#43;thong"`,
		"57-NQ/TW II.1", `value="so thong tin va truyen thong"`} {
		if !strings.Contains(page, want) {
			t.Errorf("/tasks?agency=…: no %q", want)
		}
	}
	page, _ = get(t, srv.URL+"/tasks?plan=9%2FKH-X", 200)
	if strings.Contains(page, "<script>alert") || !strings.Contains(page, "&lt;script&gt;") || !strings.Contains(page, "31/12/2025") {
		t.Errorf("a crawled task is not escaped, or its deadline is missing:\n%s", page)
	}
	page, _ = get(t, srv.URL+"/tasks?from=bad", 400)
	if !strings.Contains(page, "parameter from") {
		t.Error("a bad parameter is not explained on the page")
	}
	if page, _ := get(t, srv.URL+"/tasks?size=2&page=2", 200); !strings.Contains(page, `aria-current="page">2<`) {
		t.Error("no paging")
	}
}

// chain is a chain written for the test (the types a type table would
// get wrong: a Government programme issued as a Nghị quyết, a letter
// assigning tasks).
var chain = []*corpus.Document{
	{URL: "http://chain.test/nq", Type: "Nghị quyết", Number: "52-NQ/TW", Title: "Nghị quyết số 52-NQ/TW về kinh tế số",
		Body: "III. NHIỆM VỤ, GIẢI PHÁP\n1. Phát triển hạ tầng số, trung tâm dữ liệu và điện toán đám mây.\n2. Đào tạo nhân lực số cho doanh nghiệp và người dân.\n3. Bảo đảm an toàn thông tin mạng cho hệ thống chính quyền số."},
	{URL: "http://chain.test/ctr", Type: "Nghị quyết", Number: "50/NQ-CP", Title: "Nghị quyết số 50/NQ-CP ban hành Chương trình hành động thực hiện Nghị quyết số 52-NQ/TW",
		Body: "II. NHIỆM VỤ CHỦ YẾU\n1. Xây dựng trung tâm dữ liệu vùng và nền tảng điện toán đám mây dùng chung.\n2. Tổ chức đào tạo kỹ năng số cho người lao động."},
	{URL: "http://chain.test/kh", Type: "Kế hoạch", Number: "88/KH-UBND", Title: "Kế hoạch số 88/KH-UBND thực hiện Nghị quyết số 50/NQ-CP",
		Body: "II. NHIỆM VỤ\n1. Sở Khoa học và Công nghệ:\n- Xây dựng trung tâm dữ liệu tỉnh trên nền tảng điện toán đám mây, hoàn thành trong quý IV/2025.\n2. Sở Nội vụ:\n- Mở lớp đào tạo kỹ năng số cho người lao động ở nông thôn, thực hiện hằng năm."},
	{URL: "http://chain.test/cv", Type: "Công văn", Number: "412/SKHCN-VP", Title: "Công văn số 412/SKHCN-VP triển khai Kế hoạch",
		Body: "Thực hiện Kế hoạch số 88/KH-UBND của UBND tỉnh, Sở yêu cầu:\n1. Phòng Công nghệ số khảo sát hạ tầng trung tâm dữ liệu tỉnh trước ngày 30/6/2025."},
}

func TestImplementation(t *testing.T) {
	srv, store := tasksService(t, chain...)
	id := func(number string) string {
		ids, err := store.ByNumber(number)
		if err != nil || len(ids) != 1 {
			t.Fatalf("ByNumber(%s) = %v, %v", number, ids, err)
		}
		return ids[0]
	}
	// A resolution: each passage with the tasks implementing it, and the
	// one nothing implements.
	page, _ := get(t, srv.URL+"/doc/"+id("154/NQ-CP"), 200)
	for _, want := range []string{"Chuỗi thực hiện", `id="p-II.1"`, "236/KH-UBND", "113/CTr-TU", "Sở Khoa học và Công nghệ",
		"chưa có nhiệm vụ thực hiện", `href="/tasks?parent=` + id("154/NQ-CP") + `"`} {
		if !strings.Contains(page, want) {
			t.Errorf("page of 154/NQ-CP: no %q", want)
		}
	}
	// Each passage: its first tasks and how many, as the tasks view has
	// them; more than maxPassageTasks are a link to the rest.
	fetch := func(u string) string { b, _ := get(t, srv.URL+u, 200); return b }
	pv := checkPassages(t, page, fetch, id("154/NQ-CP"))
	more := 0
	for p, n := range pv.count {
		if n > maxPassageTasks {
			more++
			if !strings.Contains(page, `href="/tasks?best=1&amp;parent=`+id("154/NQ-CP")+`&amp;passage=`+p+`&amp;sort=plan">`+strconv.Itoa(n)+" nhiệm vụ thực hiện đoạn này") {
				t.Errorf("page of 154/NQ-CP: passage %s (%d tasks) does not link to the rest", p, n)
			}
		}
	}
	if more == 0 {
		t.Errorf("page of 154/NQ-CP: no passage with more than %d tasks: the test needs one", maxPassageTasks)
	}
	ii := strings.Index(page, `id="p-II.7"`)
	if ii < 0 || strings.Count(page, "— chưa có nhiệm vụ thực hiện") != 1 || !strings.Contains(page[ii:min(len(page), ii+200)], "— chưa có nhiệm vụ thực hiện") {
		t.Error("page of 154/NQ-CP: II.7 is not the one passage without tasks")
	}
	if !strings.Contains(page, "· 1 đoạn chưa có nhiệm vụ thực hiện") {
		t.Error("page of 154/NQ-CP: the summary does not count the one passage nothing implements")
	}
	// A plan: its tasks with deadlines and links.
	page, _ = get(t, srv.URL+"/doc/"+id("236/KH-UBND"), 200)
	for _, want := range []string{"Nhiệm vụ của văn bản", "Sở Giao thông vận tải</b> chủ trì", "31/12/2024", "Năm 2024",
		`href="/doc/` + id("154/NQ-CP") + `#p-II.1"`} {
		if !strings.Contains(page, want) {
			t.Errorf("page of 236/KH-UBND: no %q", want)
		}
	}
	// The chain above a letter: 52-NQ/TW, then 50/NQ-CP, then 88/KH-UBND.
	page, _ = get(t, srv.URL+"/doc/"+id("412/SKHCN-VP"), 200)
	page = page[strings.Index(page, `id="thuc-hien"`):]
	a, b, c := strings.Index(page, ">52-NQ/TW<"), strings.Index(page, ">50/NQ-CP<"), strings.Index(page, ">88/KH-UBND<")
	if a < 0 || b < a || c < b || strings.Index(page, "Văn bản này") < c {
		t.Errorf("chain above 412/SKHCN-VP out of order: %d %d %d", a, b, c)
	}
	// In the middle: parents above, implementers below.
	page, _ = get(t, srv.URL+"/doc/"+id("88/KH-UBND"), 200)
	page = page[strings.Index(page, `id="thuc-hien"`):]
	if i, j := strings.Index(page, "Văn bản này"), strings.Index(page, ">412/SKHCN-VP<"); i < 0 || j < i || !strings.Contains(page, ">50/NQ-CP<") {
		t.Error("chain of 88/KH-UBND: no parents above or implementer below")
	}
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./search/web -run TestTasksCSV -update)", err)
	}
	if !bytes.Equal([]byte(got), want) {
		t.Errorf("%s differs (-update, then review the diff):\n%s", path, got)
	}
}

// TestImplementersBounded: a resolution that more than maxImplementers
// documents implement lists maxImplementers of them in its chain, counts
// the rest and links to the tasks view; the page's summary counts them
// all.
func TestImplementersBounded(t *testing.T) {
	n := maxImplementers + 5
	docs := []*corpus.Document{{URL: "http://many.test/nq", Type: "Nghị quyết", Number: "52-NQ/TW", Title: "Nghị quyết số 52-NQ/TW về kinh tế số",
		Body: "III. NHIỆM VỤ, GIẢI PHÁP\n1. Phát triển hạ tầng số, trung tâm dữ liệu và điện toán đám mây.\n2. Đào tạo nhân lực số cho doanh nghiệp và người dân."}}
	for i := range n {
		num := strconv.Itoa(100+i) + "/KH-UBND"
		docs = append(docs, &corpus.Document{URL: "http://many.test/kh/" + strconv.Itoa(i), Type: "Kế hoạch", Number: num,
			Title: "Kế hoạch số " + num + " thực hiện Nghị quyết số 52-NQ/TW",
			Body:  "II. NHIỆM VỤ\n1. Sở Khoa học và Công nghệ xây dựng trung tâm dữ liệu tỉnh trên nền tảng điện toán đám mây."})
	}
	srv, store := tasksService(t, docs...)
	ids, err := store.ByNumber("52-NQ/TW")
	if err != nil || len(ids) != 1 {
		t.Fatalf("ByNumber(52-NQ/TW) = %v, %v", ids, err)
	}
	page, _ := get(t, srv.URL+"/doc/"+ids[0], 200)
	chain := page[strings.Index(page, `id="thuc-hien"`):]
	chain = chain[:strings.Index(chain, "</ol>")]
	if got := strings.Count(chain, "/KH-UBND</a>"); got != maxImplementers {
		t.Errorf("the chain lists %d implementing documents, want %d", got, maxImplementers)
	}
	for _, want := range []string{"… và 5 văn bản thực hiện khác", "nhiệm vụ của " + strconv.Itoa(n) + " văn bản thực hiện"} {
		if !strings.Contains(page, want) {
			t.Errorf("page of 52-NQ/TW: no %q", want)
		}
	}
}

// TestCoverageBeyondPage: what a resolution's page says nothing implements
// is counted over every implementing task, and each passage shows its own
// first tasks: the one plan implementing passage 2 is the oldest, its
// task past the first 500 of the tasks view (sorted by plan, newest
// first), and the page shows it under III.2.
func TestCoverageBeyondPage(t *testing.T) {
	docs := []*corpus.Document{{URL: "http://cov.test/nq", Type: "Nghị quyết", Number: "52-NQ/TW", Title: "Nghị quyết số 52-NQ/TW về kinh tế số",
		Body: "III. NHIỆM VỤ, GIẢI PHÁP\n1. Phát triển hạ tầng số, trung tâm dữ liệu và điện toán đám mây.\n2. Đào tạo nhân lực số cho doanh nghiệp và người dân."}}
	plans := tasks.MaxLimit/4 + 2 // 5 tasks each, 4 or 5 linked: past the page
	for i := range plans {
		num := strconv.Itoa(100+i) + "/KH-UBND"
		docs = append(docs, &corpus.Document{URL: "http://cov.test/kh/" + strconv.Itoa(i), Type: "Kế hoạch", Number: num, Published: "2025-06-01",
			Title: "Kế hoạch số " + num + " thực hiện Nghị quyết số 52-NQ/TW",
			Body: "II. NHIỆM VỤ\n1. Sở Khoa học và Công nghệ phát triển hạ tầng số, trung tâm dữ liệu tỉnh.\n" +
				"2. Sở Thông tin và Truyền thông phát triển trung tâm dữ liệu và điện toán đám mây dùng chung.\n" +
				"3. Sở Tài chính bố trí vốn phát triển hạ tầng số và trung tâm dữ liệu.\n" +
				"4. Sở Xây dựng quy hoạch đất cho trung tâm dữ liệu và hạ tầng số.\n" +
				"5. Công an tỉnh bảo đảm an ninh trung tâm dữ liệu, điện toán đám mây."})
	}
	docs = append(docs, &corpus.Document{URL: "http://cov.test/kh/old", Type: "Kế hoạch", Number: "7/KH-UBND", Published: "2020-01-01",
		Title: "Kế hoạch số 7/KH-UBND thực hiện Nghị quyết số 52-NQ/TW",
		Body:  "II. NHIỆM VỤ\n1. Sở Nội vụ mở lớp đào tạo nhân lực số cho doanh nghiệp và người dân."})
	srv, store := tasksService(t, docs...)
	ids, err := store.ByNumber("52-NQ/TW")
	if err != nil || len(ids) != 1 {
		t.Fatalf("ByNumber(52-NQ/TW) = %v, %v", ids, err)
	}
	var res tasks.Result
	getJSON(t, srv.URL+"/api/tasks?size=500&sort=plan&parent="+ids[0], 200, &res)
	if res.Total <= tasks.MaxLimit || res.Tasks[len(res.Tasks)-1].Plan.Number == "7/KH-UBND" {
		t.Fatalf("%d tasks implement 52-NQ/TW, the last of the first page of %s: the test needs more than %d, 7/KH-UBND's past them",
			res.Total, res.Tasks[len(res.Tasks)-1].Plan.Number, tasks.MaxLimit)
	}
	var two tasks.Result
	getJSON(t, srv.URL+"/api/tasks?parent="+ids[0]+"&passage=III.2", 200, &two)
	if two.Total != 1 || two.Tasks[0].Plan.Number != "7/KH-UBND" {
		t.Fatalf("passage III.2: %v, want 7/KH-UBND's task alone", taskIDs(&two))
	}
	page, _ := get(t, srv.URL+"/doc/"+ids[0], 200)
	if strings.Contains(page, "chưa có nhiệm vụ thực hiện") {
		t.Error("page of 52-NQ/TW: a passage shown as implemented by nothing, but 7/KH-UBND implements III.2")
	}
	iii2 := section(page, `id="p-III.2"`, "</li>")
	if !strings.Contains(iii2, ">7/KH-UBND</a>") {
		t.Error("page of 52-NQ/TW: III.2 does not show 7/KH-UBND's task, past the first 500 tasks of the tasks view")
	}
	checkPassages(t, page, func(u string) string { b, _ := get(t, srv.URL+u, 200); return b }, ids[0])
}
