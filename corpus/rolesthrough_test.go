package corpus

import (
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/cite"
)

// throughDocs are a state chain written for the test (not the Party
// chain of corpus/testdata/party that showed the defect, i31-party): a
// Government resolution, the province's plan carrying it out, a Sở's
// letter carrying out the plan, naming the resolution only in the plan's
// trích yếu, and a second letter naming both itself.
var throughDocs = []*Document{
	{ID: "nq", Type: "Nghị quyết", Number: "25/NQ-CP", Title: "Nghị quyết số 25/NQ-CP về phát triển y tế cơ sở",
		Body: "CHÍNH PHỦ\nQUYẾT NGHỊ:\nI. NHIỆM VỤ, GIẢI PHÁP\n1. Củng cố mạng lưới trạm y tế xã, phường.\n2. Phát triển đội ngũ bác sĩ gia đình.\nII. TỔ CHỨC THỰC HIỆN\nỦy ban nhân dân các tỉnh xây dựng kế hoạch thực hiện Nghị quyết."},
	{ID: "kh", Type: "Kế hoạch", Number: "120/KH-UBND", Title: "Kế hoạch số 120/KH-UBND thực hiện Nghị quyết số 25/NQ-CP của Chính phủ",
		Body: "Thực hiện Nghị quyết số 25/NQ-CP ngày 10/3/2031 của Chính phủ về phát triển y tế cơ sở, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:\nI. NHIỆM VỤ\n1. Sở Y tế chủ trì củng cố mạng lưới trạm y tế xã, phường; hoàn thành trong năm 2031.\n2. Sở Nội vụ chủ trì tuyển dụng bác sĩ về trạm y tế xã."},
	{ID: "cv", Type: "Công văn", Number: "88/SYT-NVY", Title: "Công văn số 88/SYT-NVY triển khai Kế hoạch số 120/KH-UBND",
		Body: "Kính gửi: Các trung tâm y tế huyện.\nThực hiện Kế hoạch số 120/KH-UBND ngày 02/4/2031 của Ủy ban nhân dân tỉnh thực hiện Nghị quyết số 25/NQ-CP ngày 10/3/2031 của Chính phủ về phát triển y tế cơ sở, Sở Y tế đề nghị các đơn vị thực hiện:\n1. Rà soát cơ sở vật chất của các trạm y tế xã, báo cáo trước ngày 30/4/2031.\n2. Đề xuất nhu cầu bác sĩ về trạm y tế xã."},
	{ID: "cv2", Type: "Công văn", Number: "90/SYT-NVY", Title: "Công văn số 90/SYT-NVY về bác sĩ gia đình",
		Body: "Kính gửi: Các trung tâm y tế huyện.\nThực hiện Nghị quyết số 25/NQ-CP ngày 10/3/2031 của Chính phủ và Kế hoạch số 120/KH-UBND ngày 02/4/2031 của Ủy ban nhân dân tỉnh, Sở Y tế đề nghị các đơn vị thực hiện:\n1. Lập danh sách bác sĩ gia đình của huyện, báo cáo trước ngày 15/5/2031."},
}

// TestRolesThrough: a text naming a document only as what another text
// it cites carries out implements the other text alone; one naming both
// itself implements both. Before and after the task table.
func TestRolesThrough(t *testing.T) {
	s, err := OpenStore(t.TempDir(), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.PutBatch(throughDocs); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ id, parents, implementers string }{
		{"nq", "", "120/KH-UBND 90/SYT-NVY"},
		{"kh", "25/NQ-CP", "88/SYT-NVY 90/SYT-NVY"},
		{"cv", "120/KH-UBND", ""},
		{"cv2", "25/NQ-CP 120/KH-UBND", ""},
	}
	for _, synced := range []bool{false, true} {
		if synced {
			if _, err := s.SyncTasks(t.Context(), nil); err != nil {
				t.Fatal(err)
			}
		}
		for _, tt := range tests {
			r, err := s.Role(tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if p, im := numbers(r.Parents), numbers(r.Implementers); p != tt.parents || im != tt.implementers {
				t.Errorf("Role(%s), synced %v = parents %q, implementers %q; want %q, %q", tt.id, synced, p, im, tt.parents, tt.implementers)
			}
		}
	}
}

func TestImplementsCitedThrough(t *testing.T) {
	for _, c := range []citedAs{{Rel: cite.Mentions, Tasks: true, Through: true}, {Rel: cite.Mentions, ItemCites: true, Through: true}} {
		if implementsCited(c) {
			t.Errorf("implementsCited(%+v) = true, want false: named only through another text", c)
		}
	}
}
