package tasks

import (
	"context"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/tasktable"
)

// TestFileOtherHeadings: a portal's article and the PDF it wraps, whose
// text lays the headings out otherwise (the PDF's converter lost the
// roman numerals, so the sections read "1.", "2." and the tasks "2.1",
// "2.2" where the page has "II.1", "II.2"), are one plan: its tasks are
// listed once (by the copy with the most tasks: here the file, which
// reads the line under its "1. Mục đích, yêu cầu" as a task too), the
// resolution's implementers name it once. The rule reads
// the tasks' texts, not their IDs. Documents written for the test.
func TestFileOtherHeadings(t *testing.T) {
	s := openStore(t)
	article := &corpus.Document{URL: "https://tinh.example.gov.vn/kh-42", Site: "tinh", Type: "Kế hoạch",
		Number: "42/KH-UBND", Published: "2024-07-01",
		Title: "Kế hoạch số 42/KH-UBND thực hiện Nghị quyết số 15/NQ-HĐND về phát triển du lịch",
		Body: "ỦY BAN NHÂN DÂN TỈNH\nI. MỤC ĐÍCH, YÊU CẦU\nTriển khai Nghị quyết số 15/NQ-HĐND.\n" +
			"II. NHIỆM VỤ CỤ THỂ\n" +
			"1. Sở Xây dựng chủ trì đầu tư đường giao thông đến khu du lịch sinh thái ven hồ, hoàn thành trong năm 2025.\n" +
			"2. Sở Văn hóa, Thể thao và Du lịch số hóa hồ sơ di tích, xây dựng bản đồ số di sản văn hóa.\n" +
			"3. UBND các huyện tổ chức tập huấn kỹ năng nghề du lịch cộng đồng cho người dân, thực hiện hằng năm.\n" +
			"III. TỔ CHỨC THỰC HIỆN\n" +
			"Sở Văn hóa, Thể thao và Du lịch theo dõi, tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 15/12 hằng năm.\n"}
	file := &corpus.Document{URL: "https://tinh.example.gov.vn/uploads/kh-42.pdf", Site: "tinh", Type: "Kế hoạch",
		Number: "42/KH-UBND", Published: "2024-07-01", Parent: corpus.IDForURL(article.URL),
		File:  &corpus.FileInfo{Kind: "pdf", Name: "kh-42.pdf", Size: 1000},
		Title: "Kế hoạch số 42/KH-UBND thực hiện Nghị quyết số 15/NQ-HĐND về phát triển du lịch",
		Body: "ỦY BAN NHÂN DÂN TỈNH\n1. Mục đích, yêu cầu\nTriển khai Nghị quyết số 15/NQ-HĐND.\n" +
			"2. Nhiệm vụ cụ thể\n" +
			"2.1. Sở Xây dựng chủ trì đầu tư đường giao thông đến khu du lịch sinh thái ven hồ,\nhoàn thành trong năm 2025.\n" +
			"2.2. Sở Văn hóa, Thể thao và Du lịch số hóa hồ sơ di tích, xây dựng bản đồ số di sản văn hóa.\n" +
			"2.3. UBND các huyện tổ chức tập huấn kỹ năng nghề du lịch cộng đồng cho người dân, thực hiện hằng năm.\n" +
			"3. Tổ chức thực hiện\n" +
			"Sở Văn hóa, Thể thao và Du lịch theo dõi, tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 15/12 hằng năm.\n"}
	putDocs(t, s, resolution, article, file)
	syncStore(t, s)
	tb := New(s, Options{})
	res := queryTable(t, tb, Filter{Sort: SortPlan, Limit: 100})
	// one of the two lists the rows (the one with the most tasks), each
	// task once
	files := map[string]int{}
	texts := map[uint32]int{}
	for _, r := range res.Tasks {
		files[r.Plan.File]++
		texts[tasktable.TextSum(r.Text)]++
	}
	if len(files) != 1 || len(res.Tasks) < 4 {
		t.Errorf("rows by file %v, want one copy's: %v", files, ids(res))
	}
	for _, r := range res.Tasks {
		if n := texts[tasktable.TextSum(r.Text)]; n != 1 {
			t.Errorf("%s %q listed %d times", r.ID, r.Text, n)
		}
	}
	// asked for by its ID, the file still lists its own rows
	own := queryTable(t, tb, Filter{Plan: corpus.IDForURL(file.URL), Sort: SortPlan, Limit: 100})
	if len(own.Tasks) < 3 {
		t.Errorf("the file asked for by ID lists %v, want its tasks", ids(own))
	}
	docs, _, err := tb.Implementers(context.Background(), corpus.IDForURL(resolution.URL))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range docs {
		names = append(names, d.Number+" "+d.File)
	}
	if len(names) != 1 {
		t.Errorf("table's implementers %q: want the plan once", names)
	}
	role, err := s.Role(corpus.IDForURL(resolution.URL))
	if err != nil {
		t.Fatal(err)
	}
	names = names[:0]
	for _, d := range role.Implementers {
		names = append(names, d.Number+" "+d.File)
	}
	if len(names) != 1 {
		t.Errorf("store's implementers %q: want the plan once", names)
	}
}
