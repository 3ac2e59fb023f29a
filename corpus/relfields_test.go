package corpus

import (
	"github.com/vanban/vanban/corpus/graph"
	"slices"
	"testing"
)

// The title, the summary and the body are three fields, not one sentence:
// a title without a final stop followed by a summary opening "Thực hiện …"
// or "Sáng 12/6, …" must not make the last document the title names the
// actor of the summary's verb. Read as one sentence, a plan's title
// "… Nghị quyết số 41/NQ-CP … thực hiện Nghị quyết số 13-NQ/TW … về phát
// triển vùng Đồng bằng sông Cửu Long" and its summary "Thực hiện Nghị quyết
// số 41/NQ-CP …" said that the Party resolution 13-NQ/TW implements 41/NQ-CP
// (the chain read backwards), and a news page's title "… Kế hoạch thực hiện
// Nghị quyết số 41/NQ-CP" with its lead "Sáng 12/6, … Kế hoạch số
// 58/KH-UBND thực hiện …" that 41/NQ-CP implements the plan.
func TestRelationsFieldBoundaries(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	docs := []*Document{
		{ID: "nq41", URL: "http://cong.example/nq41", Type: "Nghị quyết", Number: "41/NQ-CP",
			Title: "Nghị quyết số 41/NQ-CP ngày 05/4/2024 của Chính phủ ban hành Chương trình hành động thực hiện Nghị quyết số 13-NQ/TW của Bộ Chính trị",
			Body:  "Thực hiện Nghị quyết số 13-NQ/TW ngày 02/4/2022 của Bộ Chính trị, Chính phủ ban hành Chương trình hành động với các nhiệm vụ sau.\n1. Hoàn thiện thể chế liên kết vùng.\n2. Đầu tư kết cấu hạ tầng giao thông liên vùng."},
		{ID: "kh58", URL: "http://cong.example/kh58", Type: "Kế hoạch", Number: "58/KH-UBND",
			Title:   "Kế hoạch số 58/KH-UBND thực hiện Nghị quyết số 41/NQ-CP ngày 05/4/2024 của Chính phủ ban hành Chương trình hành động thực hiện Nghị quyết số 13-NQ/TW của Bộ Chính trị về phát triển vùng Đồng bằng sông Cửu Long",
			Summary: "Thực hiện Nghị quyết số 41/NQ-CP ngày 05/4/2024 của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai trên địa bàn tỉnh",
			Body:    "I. MỤC ĐÍCH, YÊU CẦU\nCụ thể hóa các nhiệm vụ Chính phủ giao thành các dự án của tỉnh.\nII. NHIỆM VỤ\n1. Sở Giao thông vận tải chủ trì đẩy nhanh tiến độ tuyến đường ven biển."},
		{ID: "tin1", URL: "http://cong.example/tin1", Type: "Tin tức",
			Title:   "Tỉnh tổ chức hội nghị triển khai Kế hoạch thực hiện Nghị quyết số 41/NQ-CP",
			Summary: "Sáng 12/6, Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai Kế hoạch số 58/KH-UBND thực hiện Nghị quyết số 41/NQ-CP của Chính phủ",
			Body:    "Phát biểu tại hội nghị, Phó Chủ tịch Ủy ban nhân dân tỉnh đề nghị các sở, ngành khẩn trương cụ thể hóa nhiệm vụ được giao."},
	}
	for _, d := range docs {
		if _, err := s.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	keys := func(ls []graph.Link, kind string) []string {
		var out []string
		for _, l := range ls {
			if string(l.Kind) == kind {
				out = append(out, l.Key+" ← "+l.Source)
			}
		}
		slices.Sort(out)
		return out
	}
	r, err := s.Relations("41/NQ-CP")
	if err != nil {
		t.Fatal(err)
	}
	// Implementers of 41/NQ-CP: the plan (stated by itself and by the news
	// page's lead: one link, its first source); never the Party resolution
	// 41/NQ-CP itself implements.
	if got, want := keys(r.In, "implements"), []string{"58/KH-UBND ← kh58"}; !slices.Equal(got, want) {
		t.Errorf("41/NQ-CP: Văn bản thực hiện = %q, want %q", got, want)
	}
	// What 41/NQ-CP implements: 13-NQ/TW (stated by itself and by the
	// plan's title); never the plan that implements it.
	for _, l := range r.Out {
		if l.Kind == "implements" && l.Key != "13-NQ/TW" {
			t.Errorf("41/NQ-CP: Văn bản được thực hiện lists %s (from %s)", l.Key, l.Source)
		}
	}
	if got := keys(r.Out, "implements"); len(got) == 0 {
		t.Errorf("41/NQ-CP: Văn bản được thực hiện is empty, want 13-NQ/TW")
	}
	tw, err := s.Relations("13-NQ/TW")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range tw.Out {
		if l.Kind == "implements" {
			t.Errorf("13-NQ/TW: Văn bản được thực hiện lists %s (from %s)", l.Key, l.Source)
		}
	}
}
