package corpus_test

import (
	"context"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/corpus/tasktable"
)

// TestTasksReal materialises the tasks of the development plans
// (../shared/data/plans) and checks fields read from their real lines.
func TestTasksReal(t *testing.T) {
	s, ids := realStore(t)
	if _, err := s.SyncTasks(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	plans := 0
	for number, id := range ids {
		pt, _, err := s.Tasks(id)
		if err != nil {
			t.Fatal(err)
		}
		if pt == nil {
			continue
		}
		plans++
		pl, err := s.Links(id)
		if err != nil {
			t.Fatal(err)
		}
		links := map[string][]link.Match{}
		for _, it := range pl.Items {
			links[it.ID] = it.Matches
		}
		for _, tk := range pt.Tasks {
			if !slices.Equal(tk.Links, links[tk.ID]) {
				t.Errorf("%s %s: stored links %v, Links computes %v", number, tk.ID, tk.Links, links[tk.ID])
			}
		}
	}
	// The nine implementing documents of PROVENANCE.md; the parents
	// (2530/QĐ-TTg, 380/NQ-CP, 221-KL/TW, 220/CĐ-TTg, 223/CĐ-TTg) cite
	// none stored and are no plans.
	if plans != 9 {
		t.Errorf("%d documents with tasks, want the 9 implementing ones", plans)
	}
	tests := []struct {
		plan, task                    string
		agency, partners, date, every string
	}{
		// "4. Cục Mỹ thuật, Nhiếp ảnh và Triển lãm" then "Khẩn trương hoàn thiện sửa đổi, bổ sung Nghị định số
		// 113/2013/NĐ-CP ngày 02/10/2013 … Đảm bảo hoàn thành trong quý I/2026." (the cited date is no deadline)
		{"6278/BVHTTDL-VP", "4.¶1", "Cục Mỹ thuật, Nhiếp ảnh và Triển lãm", "", "2026-03-31", ""},
		// "1.1. Đối với 355 nhiệm vụ … (… Báo cáo số 11296/BC-BNV ngày 27/11/2025 …) … Thời hạn hoàn thành chậm
		// nhất ngày 25/12/2025." — the agency after the lead clause's comma (i20-agency; "" before)
		{"174/CV-BCĐ", "1.1", "các Bộ, cơ quan ngang Bộ", "", "2025-12-25", ""},
		// "- Phối hợp Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh và UBND các xã, phường tổ chức vận chuyển hàng …;
		// tổng hợp nhu cầu từ cơ sở, báo cáo UBND tỉnh trước 19h00’ hằng ngày và đột xuất khi cần thiết."
		{"0129/KH-UBND", "IV~2.1.•3", "Sở Công Thương", "Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh và UBND các xã, phường", "", "day"},
		// "4. Bộ trưởng Bộ Nông nghiệp và Môi trường hướng dẫn các địa phương bố trí đất đai khu tái định cư, …,
		// hoàn thành trước ngày 05/12/2025."
		{"234/CĐ-TTg", "4", "Bộ trưởng Bộ Nông nghiệp và Môi trường", "", "2025-12-05", ""},
		// "- Thường xuyên kiểm tra, giám sát các gói thầu duy trì vệ sinh môi trường …" under "1. Sở Nông nghiệp và
		// Môi trường:"
		{"6356/UBND-NNMT", "1.•6", "Sở Nông nghiệp và Môi trường", "", "", "continuous"},
	}
	for _, tt := range tests {
		pt, _, err := s.Tasks(ids[tt.plan])
		if err != nil || pt == nil {
			t.Fatalf("tasks of %s: %v", tt.plan, err)
		}
		var tk *tasktable.Task
		for i := range pt.Tasks {
			if pt.Tasks[i].ID == tt.task {
				tk = &pt.Tasks[i]
			}
		}
		if tk == nil {
			t.Errorf("%s: no task %s", tt.plan, tt.task)
			continue
		}
		if tk.Agency != tt.agency || tk.Partners != tt.partners || tk.Deadline.Date != tt.date || tk.Deadline.Every != tt.every {
			t.Errorf("%s %s: agency %q partners %q deadline %+v; want %q %q date %q every %q", tt.plan, tt.task,
				tk.Agency, tk.Partners, tk.Deadline, tt.agency, tt.partners, tt.date, tt.every)
		}
	}
}
