package corpus

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/link"
)

// chainDocs is a chain written for the test, with types that a type table
// would get wrong: a resolution, a Government action programme issued as
// a Nghị quyết, a provincial plan, a department's letter assigning tasks,
// a news article citing the plan, and a decree the plan cites as its legal
// basis.
var chainDocs = []*Document{
	{ID: "nq", Type: "Nghị quyết", Number: "52-NQ/TW", Title: "Nghị quyết số 52-NQ/TW về kinh tế số",
		Body: "III. NHIỆM VỤ, GIẢI PHÁP\n1. Phát triển hạ tầng số, trung tâm dữ liệu và điện toán đám mây.\n2. Đào tạo nhân lực số cho doanh nghiệp và người dân."},
	{ID: "ctr", Type: "Nghị quyết", Number: "50/NQ-CP", Title: "Nghị quyết số 50/NQ-CP ban hành Chương trình hành động thực hiện Nghị quyết số 52-NQ/TW",
		Body: "II. NHIỆM VỤ CHỦ YẾU\n1. Xây dựng trung tâm dữ liệu vùng và nền tảng điện toán đám mây dùng chung.\n2. Tổ chức đào tạo kỹ năng số cho người lao động."},
	{ID: "kh", Type: "Kế hoạch", Number: "88/KH-UBND", Title: "Kế hoạch số 88/KH-UBND thực hiện Nghị quyết số 50/NQ-CP",
		Body: "Căn cứ Nghị định số 47/2020/NĐ-CP; thực hiện Nghị quyết số 50/NQ-CP.\nII. NHIỆM VỤ\n1. Sở Khoa học và Công nghệ:\n- Xây dựng trung tâm dữ liệu tỉnh trên nền tảng điện toán đám mây.\n2. Sở Lao động:\n- Mở lớp đào tạo kỹ năng số cho người lao động ở nông thôn."},
	{ID: "cv", Type: "Công văn", Number: "412/SKHCN-VP", Title: "Công văn số 412/SKHCN-VP triển khai Kế hoạch",
		Body: "Thực hiện Kế hoạch số 88/KH-UBND của UBND tỉnh, Sở yêu cầu:\n1. Phòng Công nghệ số khảo sát hạ tầng trung tâm dữ liệu tỉnh trước ngày 30/6."},
	{ID: "tin", Type: "Tin tức", Title: "Tỉnh triển khai Kế hoạch 88/KH-UBND",
		Body: "Sáng nay, hội nghị quán triệt Kế hoạch số 88/KH-UBND đã diễn ra tại hội trường tỉnh."},
	{ID: "nd", Type: "Nghị định", Number: "47/2020/NĐ-CP", Title: "Nghị định số 47/2020/NĐ-CP về quản lý, kết nối và chia sẻ dữ liệu số",
		Body: "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước."},
}

func chainStore(t *testing.T) *Store {
	t.Helper()
	s, err := OpenStore(t.TempDir(), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.PutBatch(chainDocs); err != nil {
		t.Fatal(err)
	}
	return s
}

func numbers(rs []link.DocRef) string {
	var ns []string
	for _, r := range rs {
		ns = append(ns, r.Number)
	}
	return strings.Join(ns, " ")
}

// TestRolesChain: each step of Nghị quyết → Chương trình (issued as a
// Nghị quyết) → Kế hoạch → Công văn implements the one above and is the
// parent of the one below; the news article is neither; the decree the
// plan cites as its basis is a parent with passages, but the plan's title
// names the programme, so its items link there.
func TestRolesChain(t *testing.T) {
	s := chainStore(t)
	tests := []struct {
		id, parents, implementers string
	}{
		{"nq", "", "50/NQ-CP"},
		{"ctr", "52-NQ/TW", "88/KH-UBND"},
		{"kh", "50/NQ-CP 47/2020/NĐ-CP", "412/SKHCN-VP"}, // citation order, title first
		{"cv", "88/KH-UBND", ""},
		{"tin", "", ""},
	}
	// Before SyncTasks Role reads the documents; after it, the task table.
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
	pl, err := s.Links("kh")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range pl.Items {
		if len(it.Matches) > 0 {
			got = append(got, it.ID+"→"+it.Matches[0].Number+" "+it.Matches[0].Passage)
		}
	}
	// The agency headings link through the points under them.
	if want := "II.1→50/NQ-CP II.1, II.1.•1→50/NQ-CP II.1, II.2→50/NQ-CP II.2, II.2.•1→50/NQ-CP II.2"; strings.Join(got, ", ") != want {
		t.Errorf("Links(kh) = %q, want %q", strings.Join(got, ", "), want)
	}
	cv, err := s.Links("cv")
	if err != nil {
		t.Fatal(err)
	}
	if len(cv.Items) != 1 || len(cv.Items[0].Matches) == 0 || cv.Items[0].Matches[0].Passage != "II.1.•1" {
		t.Errorf("Links(cv) = %+v, want its point linked to the plan's II.1.•1", cv.Items)
	}
	c, err := s.Coverage(context.Background(), "ctr")
	if err != nil {
		t.Fatal(err)
	}
	if numbers(c.Plans) != "88/KH-UBND" || len(c.Uncovered) != 0 {
		t.Errorf("Coverage(ctr): plans %q, uncovered %v", numbers(c.Plans), c.Uncovered)
	}
}
