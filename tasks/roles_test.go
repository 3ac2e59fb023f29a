package tasks

import (
	"context"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// Documents written for the test in the shapes of real ones: an ordinance
// (a statute), a decree detailing it that leaves its forms to a ministry,
// the ministry's circular writing them (no tasks), and a provincial plan
// with tasks naming the ordinance only as its ground and carrying out
// the decree.
var (
	rolesStatute = &corpus.Document{URL: "https://tw.example.gov.vn/pl-03", Site: "tw", Type: "Pháp lệnh", Number: "03/2031/UBTVQH16", Published: "2031-02-01",
		Title: "Pháp lệnh Quản lý kho lưu trữ số 03/2031/UBTVQH16",
		Body: "Điều 1. Phạm vi điều chỉnh\nPháp lệnh này quy định về quản lý kho lưu trữ chuyên dụng.\n" +
			"Điều 2. Bảo quản tài liệu\n1. Tài liệu lưu trữ được số hóa và bảo quản trong kho chuyên dụng.\n2. Cơ quan quản lý kho kiểm tra định kỳ điều kiện bảo quản."}
	rolesDecree = &corpus.Document{URL: "https://tw.example.gov.vn/nd-77", Site: "tw", Type: "Nghị định", Number: "77/2031/NĐ-CP", Published: "2031-05-01",
		Title: "Nghị định số 77/2031/NĐ-CP quy định chi tiết Pháp lệnh Quản lý kho lưu trữ",
		Body: "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nĐiều 3. Số hóa tài liệu\n1. Tài liệu giấy được số hóa trước khi đưa vào kho chuyên dụng.\n" +
			"2. Bộ trưởng Bộ Nội vụ quy định mẫu biên bản giao nhận tài liệu số hóa.\nĐiều 4. Kiểm tra kho\nKho lưu trữ được kiểm tra điều kiện bảo quản mỗi năm một lần."}
	rolesCircular = &corpus.Document{URL: "https://tw.example.gov.vn/tt-09", Site: "tw", Type: "Thông tư", Number: "09/2031/TT-BNV", Published: "2031-07-01",
		Title: "Thông tư số 09/2031/TT-BNV quy định mẫu biên bản giao nhận tài liệu số hóa",
		Body: "Căn cứ Nghị định số 77/2031/NĐ-CP của Chính phủ;\nĐiều 1. Phạm vi điều chỉnh\nThông tư này quy định mẫu biên bản giao nhận tài liệu số hóa.\n" +
			"Điều 2. Mẫu biên bản\nBiên bản giao nhận lập theo Mẫu số 01 tại Phụ lục kèm theo Thông tư này."}
	rolesPlan = &corpus.Document{URL: "https://tinh.example.gov.vn/kh-31", Site: "tinh", Type: "Kế hoạch", Number: "31/KH-UBND", Published: "2031-08-01",
		Title: "Kế hoạch số 31/KH-UBND số hóa tài liệu lưu trữ năm 2032",
		Body: "Căn cứ Pháp lệnh Quản lý kho lưu trữ số 03/2031/UBTVQH16;\nCăn cứ Nghị định số 77/2031/NĐ-CP của Chính phủ;\nI. MỤC ĐÍCH, YÊU CẦU\nBảo đảm tài liệu lưu trữ của tỉnh được số hóa.\n" +
			"II. NHIỆM VỤ\n1. Sở Nội vụ chủ trì số hóa tài liệu giấy trước khi đưa vào kho chuyên dụng, hoàn thành trong Quý II/2032.\n" +
			"2. Trung tâm Lưu trữ lịch sử tỉnh kiểm tra điều kiện bảo quản của kho lưu trữ mỗi năm một lần."}
	// a district's plan naming the ordinance alone, as its ground: its
	// tasks are linked to the ordinance's passages (the linker's only
	// candidate), and it implements nothing
	rolesGroundPlan = &corpus.Document{URL: "https://huyen.example.gov.vn/kh-12", Site: "huyen", Type: "Kế hoạch", Number: "12/KH-UBND", Published: "2031-09-01",
		Title: "Kế hoạch số 12/KH-UBND kiểm tra kho lưu trữ năm 2032",
		Body: "Căn cứ Pháp lệnh Quản lý kho lưu trữ số 03/2031/UBTVQH16;\nI. MỤC ĐÍCH, YÊU CẦU\nBảo đảm kho lưu trữ của huyện được kiểm tra.\n" +
			"II. NHIỆM VỤ\n1. Phòng Nội vụ huyện kiểm tra định kỳ điều kiện bảo quản tài liệu lưu trữ trong kho chuyên dụng, hoàn thành trong Quý III/2032.\n" +
			"2. Văn phòng UBND huyện số hóa tài liệu lưu trữ và bảo quản trong kho chuyên dụng."}
)

// TestImplementersByRule: the table's implementers and a parent's tasks
// (Passages, the --parent filter) are those of the documents implementing
// it by corpus/roles.go's rule as the store keeps it: the circular without
// tasks implements the decree, the plan the decree and not the ordinance
// it names only as a ground — though its tasks are linked to both. The
// circular lists no task. With Fresh (`vanban tasks`) before any sync too.
func TestImplementersByRule(t *testing.T) {
	s := openStore(t)
	putDocs(t, s, rolesStatute, rolesDecree, rolesCircular, rolesPlan, rolesGroundPlan)
	ctx := context.Background()
	id := func(d *corpus.Document) string {
		ids, err := s.ByNumber(d.Number)
		if err != nil || len(ids) != 1 {
			t.Fatalf("ByNumber(%s) = %v, %v", d.Number, ids, err)
		}
		return ids[0]
	}
	check := func(name string, tb *Table) {
		t.Helper()
		for _, tt := range []struct {
			parent *corpus.Document
			impl   string
		}{{rolesDecree, "09/2031/TT-BNV 31/KH-UBND"}, {rolesStatute, ""}} {
			docs, exact, err := tb.Implementers(ctx, id(tt.parent))
			if err != nil || !exact {
				t.Fatalf("%s: Implementers(%s): exact %v, %v", name, tt.parent.Number, exact, err)
			}
			var got []string
			for _, d := range docs {
				got = append(got, d.Number)
			}
			if strings.Join(got, " ") != tt.impl {
				t.Errorf("%s: implementers of %s = %q, want %q", name, tt.parent.Number, got, tt.impl)
			}
		}
		res, err := tb.Passages(ctx, PassageQuery{Parent: id(rolesStatute), Per: 5, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 0 || len(res.Count) != 0 {
			t.Errorf("%s: the ordinance's page counts %d tasks (%v): the plan names it only as a ground", name, res.Total, res.Count)
		}
		if n := queryTable(t, tb, Filter{Parent: "03/2031/UBTVQH16"}).Total; n != 0 {
			t.Errorf("%s: --parent the ordinance: %d tasks, want none", name, n)
		}
		all := queryTable(t, tb, Filter{Limit: 50})
		for _, r := range all.Tasks {
			if r.Plan.Number != "31/KH-UBND" && r.Plan.Number != "12/KH-UBND" {
				t.Errorf("%s: a task of %s listed: only the plans have tasks", name, r.Plan.Number)
			}
		}
		if all.Total != 4 || queryTable(t, tb, Filter{Parent: "77/2031/NĐ-CP"}).Total != 2 {
			t.Errorf("%s: %d tasks, want the two plans' 4, the province's 2 implementing the decree", name, all.Total)
		}
	}
	check("fresh, before any sync", New(s, Options{Fresh: true}))
	syncStore(t, s)
	check("synced", New(s, Options{}))
	// the district plan's tasks are linked to the ordinance (the linker's
	// candidates): the rule, not the links, keeps it off the ordinance
	pt, _, err := s.Tasks(id(rolesGroundPlan))
	if err != nil || pt == nil {
		t.Fatalf("tasks of the district plan: %v", err)
	}
	linked := 0
	for _, tk := range pt.Tasks {
		for _, m := range tk.Links {
			if m.DocID == id(rolesStatute) {
				linked++
			}
		}
	}
	if linked == 0 {
		t.Errorf("no task of the district plan is linked to the ordinance: the test no longer tells the rule from the links")
	}
}
