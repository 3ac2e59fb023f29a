package web

import (
	"html"
	"net/url"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/tasks"
)

// A parent's passages with fallback IDs anchored on their article
// ("Đ1.1~2": Điều 1 numbers its tasks twice; corpus/outline anchorID) are
// what the API's links name, what /tasks?passage= takes (its "~" written
// as is or escaped), and the anchors of the parent's page the tasks link
// to. Written for this test.
func TestFallbackPassageIDs(t *testing.T) {
	nq := &corpus.Document{URL: "http://demo.test/nq-21-2026", Site: "demo", Type: "Nghị quyết", Number: "21/NQ-HĐND",
		Title: "Nghị quyết về phát triển nông nghiệp và nước sạch nông thôn", Published: "2026-03-01",
		Body: "HỘI ĐỒNG NHÂN DÂN TỈNH\nQUYẾT NGHỊ:\nĐiều 1. Nhiệm vụ, giải pháp\n" +
			"1. Rà soát quy hoạch vùng sản xuất lúa chất lượng cao gắn với tiêu thụ sản phẩm.\n" +
			"2. Hỗ trợ hợp tác xã đầu tư kho lạnh bảo quản nông sản sau thu hoạch.\n" +
			"1. Đầu tư nâng cấp các trạm cấp nước sạch tập trung tại các xã vùng khô hạn.\n" +
			"2. Kiểm tra chất lượng nước sinh hoạt tại các công trình cấp nước nông thôn.\n" +
			"Điều 2. Tổ chức thực hiện\nGiao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này."}
	kh := &corpus.Document{URL: "http://demo.test/kh-40-2026", Site: "demo", Type: "Kế hoạch", Number: "40/KH-UBND",
		Title: "Kế hoạch thực hiện Nghị quyết số 21/NQ-HĐND về nông nghiệp và nước sạch nông thôn", Published: "2026-05-10",
		Body: "ỦY BAN NHÂN DÂN TỈNH\nI. MỤC ĐÍCH, YÊU CẦU\nTriển khai kịp thời Nghị quyết số 21/NQ-HĐND.\n" +
			"II. NHIỆM VỤ CỤ THỂ\n" +
			"1. Sở Nông nghiệp và Môi trường đầu tư nâng cấp các trạm cấp nước sạch tập trung tại các xã vùng khô hạn, hoàn thành năm 2027.\n" +
			"2. Sở Y tế kiểm tra chất lượng nước sinh hoạt tại các công trình cấp nước nông thôn hằng quý.\n"}
	srv, _ := tasksService(t, nq, kh)
	const id = "Đ1.1~2"

	var res tasks.Result
	getJSON(t, srv.URL+"/api/tasks?plan="+url.QueryEscape("40/KH-UBND"), 200, &res)
	parent := ""
	for _, r := range res.Tasks {
		if r.ID == "II.1" && len(r.Links) > 0 {
			if r.Links[0].Passage != id {
				t.Fatalf("II.1 links first to %q, want %q", r.Links[0].Passage, id)
			}
			parent = r.Links[0].DocID
		}
	}
	if parent == "" {
		t.Fatalf("no link of II.1: %+v", res.Tasks)
	}

	for _, q := range []string{
		url.Values{"parent": {parent}, "passage": {id}}.Encode(),
		"parent=" + parent + "&passage=" + url.PathEscape(id),                                  // "~" as is
		"parent=" + parent + "&passage=" + strings.ReplaceAll(url.QueryEscape(id), "~", "%7E"), // "~" escaped
	} {
		var got tasks.Result
		getJSON(t, srv.URL+"/api/tasks?"+q, 200, &got)
		if ids := taskIDs(&got); len(ids) != 1 || ids[0] != "40/KH-UBND II.1" {
			t.Errorf("/api/tasks?%s: %v, want 40/KH-UBND II.1", q, ids)
		}
	}

	// The parent's page holds the passage's anchor, and the tasks page's
	// link to it names that anchor once its escapes are undone.
	doc, _ := get(t, srv.URL+"/doc/"+parent, 200)
	if !strings.Contains(html.UnescapeString(doc), `id="p-`+id+`"`) {
		t.Errorf("/doc/%s has no anchor p-%s", parent, id)
	}
	page, _ := get(t, srv.URL+"/tasks?plan="+url.QueryEscape("40/KH-UBND"), 200)
	found := false
	for _, part := range strings.Split(page, `href="/doc/`+parent+`#`)[1:] {
		frag, err := url.PathUnescape(html.UnescapeString(part[:strings.IndexByte(part, '"')]))
		found = found || err == nil && frag == "p-"+id
	}
	if !found {
		t.Errorf("/tasks: no link to the parent's p-%s", id)
	}
}
