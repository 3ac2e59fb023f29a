package web

import (
	"encoding/csv"
	"html"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/tasks"
)

// An amending circular's quoted provisions are tasks with IDs holding the
// opening quote mark ("Đ1.“Đ5.1", corpus/outline/planquote.go). The /tasks page,
// its JSON and its CSV carry the ID whole, and the links to the parent's
// passages are the passages' own IDs. The parent's articles are real
// lines of Nghị định 30/2020/NĐ-CP; the circular is written for the test.
// The article it amends assigns work ("Trách nhiệm của …"): a circular's
// rules are provisions, no tasks (corpus/outline roles.go, tasksVersion 38).
func TestTasksQuotedIDs(t *testing.T) {
	nd := &corpus.Document{URL: "http://demo.test/nd-30-2020", Site: "demo", Type: "Nghị định", Number: "30/2020/NĐ-CP",
		Title: "Nghị định về công tác văn thư", Published: "2020-03-05",
		Body: "Điều 26. Giá trị pháp lý của bản sao\n" +
			"Bản sao y, bản sao lục và bản trích sao được thực hiện theo đúng quy định tại Nghị định này có giá trị pháp lý như bản chính.\n" +
			"Điều 27. Thẩm quyền sao văn bản\n" +
			"1. Người đứng đầu cơ quan, tổ chức quyết định việc sao văn bản do cơ quan, tổ chức ban hành, văn bản do các cơ quan, tổ chức khác gửi đến và quy định thẩm quyền ký các bản sao văn bản.\n" +
			"Điều 28. Lập Danh mục hồ sơ\n" +
			"Danh mục hồ sơ do người đứng đầu cơ quan, tổ chức phê duyệt, được ban hành vào đầu năm và gửi các đơn vị, cá nhân liên quan làm căn cứ để lập hồ sơ."}
	tt := &corpus.Document{URL: "http://demo.test/tt-9-2026", Site: "demo", Type: "Thông tư", Number: "9/2026/TT-BNV",
		Title: "Thông tư sửa đổi Thông tư số 2/2021/TT-BNV theo Nghị định số 30/2020/NĐ-CP", Published: "2026-03-02",
		Body: "Điều 1. Sửa đổi, bổ sung Điều 5 về trách nhiệm của người đứng đầu cơ quan như sau:\n" +
			"“Điều 5. Trách nhiệm của người đứng đầu cơ quan\n" +
			"1. Người đứng đầu cơ quan phê duyệt Danh mục hồ sơ vào đầu năm theo Nghị định số 30/2020/NĐ-CP và gửi các đơn vị làm căn cứ để lập hồ sơ.\n" +
			"2. Văn thư cơ quan quyết định việc sao văn bản do cơ quan ban hành và ký các bản sao văn bản.”\n" +
			"Điều 2. Hiệu lực thi hành\n" +
			"Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2026."}
	srv, _ := tasksService(t, nd, tt)
	const id = "Đ1.“Đ5.1"

	var res tasks.Result
	getJSON(t, srv.URL+"/api/tasks?plan="+url.QueryEscape("9/2026/TT-BNV"), 200, &res)
	var ids []string
	for _, r := range res.Tasks {
		ids = append(ids, r.ID)
		if r.ID == id && (len(r.Links) == 0 || r.Links[0].Passage != "Đ28") {
			t.Errorf("%s links %+v, want Đ28 first", id, r.Links)
		}
	}
	if !slices.Contains(ids, id) || !slices.Contains(ids, "Đ1.“Đ5.2") || slices.Contains(ids, "Đ1.1") || slices.Contains(ids, "Đ2") {
		t.Fatalf("/api/tasks tasks %v, want the quoted clauses %s, Đ1.“Đ5.2 (no Đ1.1, no effect clause)", ids, id)
	}

	page, _ := get(t, srv.URL+"/tasks?plan="+url.QueryEscape("9/2026/TT-BNV"), 200)
	if !strings.Contains(html.UnescapeString(page), "9/2026/TT-BNV</a> "+id) {
		t.Errorf("/tasks does not show %s", id)
	}
	if !strings.Contains(page, "#p-%c4%9028\"") && !strings.Contains(page, "#p-Đ28\"") {
		t.Errorf("/tasks: no link to the parent's Đ28")
	}

	body, _ := get(t, srv.URL+"/api/tasks.csv?plan="+url.QueryEscape("9/2026/TT-BNV"), 200)
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		found = found || slices.Contains(r, id)
	}
	if !found {
		t.Errorf("CSV has no cell %q: %q", id, body)
	}
}
