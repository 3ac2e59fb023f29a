package tasks

import (
	"context"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestImplementersOneCopy: a parent's implementers (its page's list) name
// a document stored several times once, as the tasks view lists its tasks
// once; another district's plan of the same number stays. Documents
// written for the test.
func TestImplementersOneCopy(t *testing.T) {
	s := openStore(t)
	again := *provincePlan // the province's plan collected from a second portal page
	again.URL = "https://tinh.example.gov.vn/van-ban/kh-88-2024.html"
	other := *districtPlan // another district's 21/KH-UBND, a year later
	other.URL, other.Site, other.Published = "https://huyen2.example.gov.vn/kh-21", "huyen2", "2025-06-20"
	putDocs(t, s, resolution, provincePlan, &again, districtPlan, &other)
	syncStore(t, s)
	tb := New(s, Options{})
	docs, exact, err := tb.Implementers(context.Background(), corpus.IDForURL(resolution.URL))
	if err != nil || !exact {
		t.Fatalf("Implementers: exact %v, err %v", exact, err)
	}
	var numbers []string
	for _, d := range docs {
		numbers = append(numbers, d.Number)
	}
	want := []string{"88/KH-UBND", "21/KH-UBND", "21/KH-UBND"}
	if !slices.Equal(numbers, want) {
		t.Errorf("table's implementers %v, want %v", numbers, want)
	}
	role, err := s.Role(corpus.IDForURL(resolution.URL))
	if err != nil {
		t.Fatal(err)
	}
	numbers = numbers[:0]
	for _, d := range role.Implementers {
		numbers = append(numbers, d.Number)
	}
	if !slices.Equal(numbers, want) {
		t.Errorf("store's implementers %v, want %v", numbers, want)
	}
}

// TestArticleAndItsFile: a portal's article whose page gives the plan's
// text and the file it wraps (a document read from the attachment, its
// Parent the article) are one plan: its tasks are listed once and it
// implements the resolution once. An annex file of the same number with
// tasks of its own keeps them. Documents written for the test.
func TestArticleAndItsFile(t *testing.T) {
	s := openStore(t)
	article := *provincePlan
	file := *provincePlan // the plan's PDF, its header read: the same number and tasks
	file.URL = "https://tinh.example.gov.vn/uploads/kh-88-ubnd.pdf"
	file.Parent = corpus.IDForURL(article.URL)
	file.Published = "2024-05-09" // the file's header date; the page's is the day after
	file.File = &corpus.FileInfo{Kind: "pdf", Name: "kh-88-ubnd.pdf", Size: 1000}
	annex := *provincePlan // an annex of the same number: a list of projects, tasks of its own
	annex.URL = "https://tinh.example.gov.vn/uploads/kh-88-phu-luc.pdf"
	annex.Parent = corpus.IDForURL(article.URL)
	annex.File = &corpus.FileInfo{Kind: "pdf", Name: "kh-88-phu-luc.pdf", Size: 1000}
	annex.Body = "PHỤ LỤC\nDANH MỤC DỰ ÁN\n" +
		"STT | Dự án | Cơ quan chủ trì | Thời gian\n" +
		"A | Cải tạo bến thuyền du lịch ven hồ | UBND huyện Hồ Sơn | Năm 2025\n" +
		"B | Xây dựng nhà trưng bày nghề dệt thổ cẩm của đồng bào dân tộc thiểu số | Sở Văn hóa, Thể thao và Du lịch | Năm 2026\n"
	annex.Title = "Phụ lục Kế hoạch số 88/KH-UBND"
	putDocs(t, s, resolution, &article, &file, &annex)
	syncStore(t, s)
	tb := New(s, Options{})
	res := queryTable(t, tb, Filter{Sort: SortPlan, Limit: 100})
	n := map[string]int{}
	files := map[string]bool{}
	for _, r := range res.Tasks {
		n[r.ID]++
		files[r.Plan.File] = true
	}
	for _, id := range []string{"II.r1", "II.r2", "II.r3"} {
		if n[id] != 1 {
			t.Errorf("%s listed %d times, want once: %v", id, n[id], ids(res))
		}
	}
	if files["kh-88-ubnd.pdf"] {
		t.Errorf("the wrapped file's rows listed beside its article's: %v", ids(res))
	}
	if !files["kh-88-phu-luc.pdf"] {
		t.Errorf("the annex's own tasks lost: %v", ids(res))
	}
	docs, _, err := tb.Implementers(context.Background(), corpus.IDForURL(resolution.URL))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range docs {
		names = append(names, d.Number+" "+d.File)
	}
	if slices.Contains(names, "88/KH-UBND kh-88-ubnd.pdf") || !slices.Contains(names, "88/KH-UBND ") {
		t.Errorf("implementers %q: want the article, not the file it wraps", names)
	}
}
