package corpus

import (
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/outline"
)

// TestSetAsideOutsideItems: an exception written outside any item of the
// outline — a decree's sentence before its first article, a plan's
// paragraph before its first heading — sets the document aside by the
// rule an item's does (excepted on the clause before the reference); a
// mention there that carries the document out, names a place or is a
// ground keeps the text its implementer.
func TestSetAsideOutsideItems(t *testing.T) {
	const n = "88/2031/NĐ-CP"
	tests := []struct {
		name, body string
		want       bool
	}{
		{"a decree's preamble sentence", "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n" +
			"Theo đề nghị của Bộ trưởng Bộ Nông nghiệp và Môi trường;\n" +
			"Hợp tác xã nông nghiệp công nghệ cao ngoài được hưởng các chính sách hỗ trợ quy định tại Nghị định số 88/2031/NĐ-CP còn được hưởng chính sách quy định tại Nghị định này.\n" +
			"Điều 1. Phạm vi điều chỉnh\nNghị định này quy định chính sách hỗ trợ hợp tác xã nông nghiệp công nghệ cao.\n" +
			"Điều 2. Hỗ trợ chứng nhận\n1. Hợp tác xã được hỗ trợ 70% chi phí chứng nhận sản phẩm.\n2. Ủy ban nhân dân cấp tỉnh bố trí kinh phí hỗ trợ.", true},
		{"a plan's paragraph before its first heading", "ỦY BAN NHÂN DÂN TỈNH\nKẾ HOẠCH\nHỗ trợ hợp tác xã mới thành lập năm 2032\n" +
			"Kế hoạch này không áp dụng đối với các hợp tác xã đã được hỗ trợ theo Nghị định số 88/2031/NĐ-CP.\n" +
			"I. MỤC ĐÍCH, YÊU CẦU\nBảo đảm hợp tác xã mới thành lập được hỗ trợ kịp thời.\n" +
			"II. NHIỆM VỤ\n1. Sở Tài chính tham mưu bố trí kinh phí hỗ trợ chi phí tư vấn, hoàn thành trong Quý II/2032.\n2. Sở Nông nghiệp và Môi trường hướng dẫn hồ sơ đề nghị hỗ trợ.", true},
		{"set aside before the heading and in an item", "Kế hoạch này không áp dụng đối với các hợp tác xã đã được hỗ trợ theo Nghị định số 88/2031/NĐ-CP.\n" +
			"I. NHIỆM VỤ\n1. Sở Tài chính bố trí kinh phí hỗ trợ chi phí tư vấn.\n2. Mức hỗ trợ tăng 20% so với mức quy định tại Nghị định số 88/2031/NĐ-CP.", true},
		{"carried out before the heading", "ỦY BAN NHÂN DÂN TỈNH\nKẾ HOẠCH\n" +
			"Thực hiện Nghị định số 88/2031/NĐ-CP của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch hỗ trợ hợp tác xã như sau:\n" +
			"I. NHIỆM VỤ\n1. Sở Tài chính bố trí kinh phí hỗ trợ chi phí tư vấn.\n2. Ngoài các nội dung hỗ trợ quy định tại Nghị định số 88/2031/NĐ-CP, Sở Tài chính tham mưu hỗ trợ thêm chi phí đào tạo.", false},
		{"set aside before the heading, carried out in an item", "Kế hoạch này không áp dụng đối với các hợp tác xã đã được hỗ trợ theo Nghị định số 88/2031/NĐ-CP.\n" +
			"I. NHIỆM VỤ\n1. Sở Nông nghiệp và Môi trường hướng dẫn hợp tác xã lập hồ sơ theo Nghị định số 88/2031/NĐ-CP.", false},
		{"a place before the heading", "Nhà đầu tư nước ngoài thực hiện theo quy định tại Nghị định số 88/2031/NĐ-CP.\n" +
			"Điều 1. Phạm vi\n1. Nghị định này quy định ưu đãi đầu tư vào hợp tác xã.", false},
		{"a ground and a preamble exception", "Căn cứ Nghị định số 88/2031/NĐ-CP của Chính phủ;\n" +
			"Kế hoạch này không áp dụng đối với các hợp tác xã đã được hỗ trợ theo Nghị định số 88/2031/NĐ-CP.\n" +
			"I. NHIỆM VỤ\n1. Sở Tài chính bố trí kinh phí hỗ trợ chi phí tư vấn.", false},
	}
	for _, tt := range tests {
		if got := setAside(tt.body, outline.Parse(tt.body), n); got != tt.want {
			t.Errorf("%s: setAside = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestRolesSetAsideOutsideItems: a plan with tasks naming a decree only in
// its paragraph before the first heading, to leave the decree's cases out,
// does not implement it — from its text and from the stored roles; a plan
// carrying the decree out in the same place does.
func TestRolesSetAsideOutsideItems(t *testing.T) {
	docs := []*Document{
		{ID: "nd88", Type: "Nghị định", Number: "88/2031/NĐ-CP", Title: "Nghị định số 88/2031/NĐ-CP về chính sách hỗ trợ hợp tác xã",
			Body: "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nĐiều 2. Hỗ trợ đào tạo\nHợp tác xã được hỗ trợ 50% chi phí đào tạo cán bộ quản lý.\nĐiều 3. Hỗ trợ tư vấn\nHợp tác xã được hỗ trợ chi phí tư vấn xây dựng phương án sản xuất."},
		{ID: "kh71", Type: "Kế hoạch", Number: "71/KH-UBND", Title: "Kế hoạch số 71/KH-UBND hỗ trợ hợp tác xã mới thành lập năm 2032",
			Body: "Kế hoạch này không áp dụng đối với các hợp tác xã đã được hỗ trợ theo Nghị định số 88/2031/NĐ-CP.\n" +
				"I. MỤC ĐÍCH, YÊU CẦU\nBảo đảm hợp tác xã mới thành lập được hỗ trợ kịp thời.\n" +
				"II. NHIỆM VỤ\n1. Sở Tài chính tham mưu bố trí kinh phí hỗ trợ chi phí thuê trụ sở cho hợp tác xã mới thành lập, hoàn thành trong Quý II/2032.\n" +
				"2. Sở Nông nghiệp và Môi trường hướng dẫn hợp tác xã lập hồ sơ đề nghị hỗ trợ, hoàn thành trong Quý III/2032."},
		{ID: "kh72", Type: "Kế hoạch", Number: "72/KH-UBND", Title: "Kế hoạch số 72/KH-UBND hỗ trợ hợp tác xã năm 2032",
			Body: "Thực hiện Nghị định số 88/2031/NĐ-CP của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n" +
				"I. NHIỆM VỤ\n1. Sở Nông nghiệp và Môi trường chủ trì tổ chức đào tạo cán bộ quản lý hợp tác xã, hoàn thành trong Quý III/2032.\n" +
				"2. Sở Tài chính bố trí kinh phí hỗ trợ chi phí tư vấn xây dựng phương án sản xuất."},
	}
	s, err := OpenStore(t.TempDir(), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	for _, synced := range []bool{false, true} {
		if synced {
			if _, err := s.SyncTasks(t.Context(), nil); err != nil {
				t.Fatal(err)
			}
			pt, _, err := s.Tasks("kh71")
			if err != nil || pt == nil || len(pt.Tasks) == 0 {
				t.Fatalf("kh71 has no tasks (%v): the test no longer tells the rule apart", err)
			}
		}
		r, err := s.Role("nd88")
		if err != nil {
			t.Fatal(err)
		}
		if got := numbers(r.Implementers); got != "72/KH-UBND" {
			t.Errorf("synced %v: implementers of 88/2031/NĐ-CP = %q, want 72/KH-UBND alone", synced, got)
		}
		ps, err := s.Parents("kh71")
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != 0 {
			t.Errorf("synced %v: parents of 71/KH-UBND = %v, want none", synced, ps)
		}
	}
}
