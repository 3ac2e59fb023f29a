package corpus

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/outline"
)

// storedRoles is what the task table stores of document id's roles: the
// numbers of the parents it implements (TaskHead.Implements), "-" when it
// stores nothing of it (no tasks, no parent implemented).
func storedRoles(t *testing.T, s *Store, id string) string {
	t.Helper()
	pt, stale, err := s.Tasks(id)
	if err != nil {
		t.Fatal(err)
	}
	if stale {
		t.Fatalf("tasks of %s stale after SyncTasks", id)
	}
	if pt == nil {
		return "-"
	}
	var out []string
	for _, p := range pt.Parents {
		if slices.Contains(pt.Implements, p.ID) {
			out = append(out, p.Number)
		}
	}
	return strings.Join(out, " ")
}

// roleDoc is a copy of roleDocs' document id with body, when not "".
func roleDoc(t *testing.T, id, body string) *Document {
	t.Helper()
	for _, d := range roleDocs {
		if d.ID == id {
			c := *d
			if body != "" {
				c.Body = body
			}
			return &c
		}
	}
	t.Fatalf("no role document %s", id)
	return nil
}

// TestRolesStoredCurrent: the parents a text implements, stored by
// SyncTasks for texts without tasks too, follow a parent and a citing
// text as each arrives, changes or goes (the task table's marks), and
// Role answers the same as from the texts.
func TestRolesStoredCurrent(t *testing.T) {
	s, err := OpenStore(t.TempDir(), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	sync := func() {
		t.Helper()
		if _, err := s.SyncTasks(t.Context(), nil); err != nil {
			t.Fatal(err)
		}
	}
	put := func(docs ...*Document) {
		t.Helper()
		if _, err := s.PutBatch(docs); err != nil {
			t.Fatal(err)
		}
	}
	check := func(step string, stored map[string]string, implementers string) {
		t.Helper()
		for id, want := range stored {
			if got := storedRoles(t, s, id); got != want {
				t.Errorf("%s: stored roles of %s = %q, want %q", step, id, got, want)
			}
		}
		r, err := s.Role("nd")
		if err != nil {
			t.Fatal(err)
		}
		if got := numbers(r.Implementers); got != implementers {
			t.Errorf("%s: Role(nd) implementers %q, want %q", step, got, implementers)
		}
	}
	// the circulars first: the decree they cite is not stored
	put(roleDoc(t, "tt-detail", ""), roleDoc(t, "tt-left", ""), roleDoc(t, "tt-other", ""))
	sync()
	for _, id := range []string{"tt-detail", "tt-left", "tt-other"} {
		if got := storedRoles(t, s, id); got != "-" {
			t.Errorf("before the decree: stored roles of %s = %q, want none", id, got)
		}
	}
	// the decree arrives: the circulars citing it are marked and recomputed
	put(roleDoc(t, "nd", ""))
	if n, err := s.StaleTasks(); err != nil || n < 3 {
		t.Errorf("the decree's arrival left %d documents stale (%v), want its three citing circulars at least", n, err)
	}
	sync()
	check("decree arrived", map[string]string{"tt-detail": "45/2030/NĐ-CP", "tt-left": "45/2030/NĐ-CP", "tt-other": "-"},
		"12/2030/TT-BTC 40/2030/TT-BTC")
	// the decree changes: it no longer leaves the rate to the Bộ Tài chính
	put(roleDoc(t, "nd", "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nĐiều 7. Mức thu phí\n1. Phí thẩm định hồ sơ đầu tư thu theo từng hồ sơ.\n3. Mức thu phí thẩm định đối với từng loại hồ sơ áp dụng theo Phụ lục kèm theo Nghị định này."))
	sync()
	check("decree changed", map[string]string{"tt-detail": "45/2030/NĐ-CP", "tt-left": "-"}, "12/2030/TT-BTC")
	// a citing text changes: the circular no longer states it details the decree
	put(roleDoc(t, "tt-detail", "Căn cứ Nghị định số 45/2030/NĐ-CP ngày 02 tháng 3 năm 2030 của Chính phủ;\nĐiều 1. Phạm vi điều chỉnh\nThông tư này quy định mức thu phí thẩm định hồ sơ đầu tư.\nĐiều 2. Mức thu\n1. Hồ sơ dự án nhóm A: 8.000.000 đồng/hồ sơ."))
	sync()
	check("circular changed", map[string]string{"tt-detail": "-"}, "")
	// and back; then the circular goes
	put(roleDoc(t, "tt-detail", ""))
	sync()
	check("circular restored", map[string]string{"tt-detail": "45/2030/NĐ-CP"}, "12/2030/TT-BTC")
	if _, err := s.MarkGone("tt-detail"); err != nil {
		t.Fatal(err)
	}
	sync()
	check("circular gone", map[string]string{"tt-detail": "-"}, "")
	// the decree goes: nothing implements it, nothing stored names it
	put(roleDoc(t, "tt-detail", ""))
	sync()
	if _, err := s.MarkGone("nd"); err != nil {
		t.Fatal(err)
	}
	sync()
	if got := storedRoles(t, s, "tt-detail"); got != "-" {
		t.Errorf("decree gone: stored roles of tt-detail = %q, want none", got)
	}
}

// TestRolesStoredPlan: a plan with tasks stores the resolution it carries
// out and not the law it names as a ground, though its tasks are linked
// to both (the linker's candidates).
func TestRolesStoredPlan(t *testing.T) {
	s, err := OpenStore(t.TempDir(), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.PutBatch(roleDocs); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SyncTasks(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	pt, _, err := s.Tasks("kh")
	if err != nil || pt == nil {
		t.Fatalf("tasks of kh: %v, %v", pt, err)
	}
	if len(pt.Tasks) == 0 || len(pt.Parents) != 2 {
		t.Fatalf("kh: %d tasks, candidate parents %q; want tasks and the law and the resolution", len(pt.Tasks), numbers(pt.Parents))
	}
	if got := storedRoles(t, s, "kh"); got != "15/2030/NQ-HĐND" {
		t.Errorf("stored roles of kh = %q, want the resolution alone", got)
	}
	for id, want := range map[string]string{"tt-rates": "12/2030/TT-BTC", "qd": "15/2030/NQ-HĐND", "tt-repeal": "-", "luat": "-"} {
		if got := storedRoles(t, s, id); got != want {
			t.Errorf("stored roles of %s = %q, want %q", id, got, want)
		}
	}
}

// TestSetAside: a text's references to a document that all leave its
// cases out or set its rule beside the text's own; lines written for the
// test in the shapes of decrees, plans and letters.
func TestSetAside(t *testing.T) {
	const n = "88/2031/NĐ-CP"
	tests := []struct {
		name, body string
		want       bool
	}{
		{"besides its incentives", "Điều 6. Chính sách đối với hợp tác xã\nHợp tác xã nông nghiệp ngoài được hưởng các chính sách hỗ trợ quy định tại\nNghị định số 88/2031/NĐ-CP còn được hỗ trợ chi phí tư vấn.", true},
		{"its cases left out", "Điều 3. Đối tượng áp dụng\nNghị định này áp dụng đối với các cơ sở giáo dục, trừ trường hợp quy định tại Nghị định số 88/2031/NĐ-CP.", true},
		{"not applied", "Điều 5. Hỗ trợ đầu tư\n1. Mức hỗ trợ tối đa 2 tỷ đồng một dự án.\n2. Quy định tại Điều này không áp dụng đối với các dự án đã được hỗ trợ theo Nghị định số 88/2031/NĐ-CP.", true},
		{"compared", "Điều 4. Mức hỗ trợ\nMức hỗ trợ tăng 20% so với mức quy định tại Nghị định số 88/2031/NĐ-CP.", true},
		{"a ground too", "Căn cứ Nghị định số 88/2031/NĐ-CP của Chính phủ;\nĐiều 2. Chính sách\nHợp tác xã ngoài được hưởng các chính sách quy định tại Nghị định số 88/2031/NĐ-CP còn được hỗ trợ vốn.", false},
		{"carried out", "Điều 4. Tổ chức thực hiện\nSở Tài chính hướng dẫn thực hiện chính sách quy định tại Nghị định số 88/2031/NĐ-CP.", false},
		{"set aside once, carried out once", "Điều 2. Đối tượng\nDoanh nghiệp, trừ trường hợp quy định tại Nghị định số 88/2031/NĐ-CP.\nĐiều 3. Tổ chức thực hiện\nSở Công Thương chủ trì triển khai Nghị định số 88/2031/NĐ-CP trên địa bàn.", false},
		{"a place, not an exception", "Điều 2. Nhà đầu tư\nNhà đầu tư nước ngoài thực hiện theo quy định tại Nghị định số 88/2031/NĐ-CP.", false},
		{"named nowhere", "Điều 1. Phạm vi\nNghị định này quy định về hỗ trợ hợp tác xã.", false},
	}
	for _, tt := range tests {
		if got := setAside(tt.body, outline.Parse(tt.body), n); got != tt.want {
			t.Errorf("%s: setAside = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestRolesSetAside: a decree with tasks of its own naming another decree
// only beside its own incentives does not implement it; a plan naming a
// decree in its grounds and beside its own support does.
func TestRolesSetAside(t *testing.T) {
	docs := []*Document{
		{ID: "nd88", Type: "Nghị định", Number: "88/2031/NĐ-CP", Title: "Nghị định số 88/2031/NĐ-CP về chính sách hỗ trợ hợp tác xã",
			Body: "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nĐiều 2. Hỗ trợ đào tạo\nHợp tác xã được hỗ trợ 50% chi phí đào tạo cán bộ quản lý.\nĐiều 3. Hỗ trợ tư vấn\nHợp tác xã được hỗ trợ chi phí tư vấn xây dựng phương án sản xuất."},
		{ID: "nd95", Type: "Nghị định", Number: "95/2031/NĐ-CP", Title: "Nghị định số 95/2031/NĐ-CP quy định chi tiết một số điều của Luật Nông nghiệp công nghệ cao",
			Body: "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nCăn cứ Luật Nông nghiệp công nghệ cao số 41/2031/QH16;\nĐiều 6. Chính sách đối với hợp tác xã\nHợp tác xã nông nghiệp công nghệ cao ngoài được hưởng các chính sách hỗ trợ quy định tại\nNghị định số 88/2031/NĐ-CP còn được hỗ trợ 70% chi phí chứng nhận sản phẩm.\n" +
				"Điều 9. Trách nhiệm của Ủy ban nhân dân cấp tỉnh\n1. Ủy ban nhân dân cấp tỉnh chủ trì rà soát, công nhận vùng nông nghiệp công nghệ cao trên địa bàn, hoàn thành trước ngày 31 tháng 12 năm 2032.\n2. Ủy ban nhân dân cấp tỉnh bố trí kinh phí hỗ trợ chứng nhận sản phẩm cho hợp tác xã."},
		{ID: "kh70", Type: "Kế hoạch", Number: "70/KH-UBND", Title: "Kế hoạch số 70/KH-UBND hỗ trợ hợp tác xã năm 2032",
			Body: "Căn cứ Nghị định số 88/2031/NĐ-CP của Chính phủ về chính sách hỗ trợ hợp tác xã;\nI. MỤC ĐÍCH, YÊU CẦU\nBảo đảm hợp tác xã được hỗ trợ kịp thời.\nII. NHIỆM VỤ\n1. Sở Nông nghiệp và Môi trường chủ trì tổ chức đào tạo cán bộ quản lý hợp tác xã, hoàn thành trong Quý III/2032.\n" +
				"2. Ngoài các nội dung hỗ trợ quy định tại Nghị định số 88/2031/NĐ-CP, Sở Tài chính tham mưu hỗ trợ thêm chi phí tư vấn cho hợp tác xã mới thành lập."},
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
			pt, _, err := s.Tasks("nd95")
			if err != nil || pt == nil || len(pt.Tasks) == 0 {
				t.Fatalf("nd95 has no tasks (%v): the test no longer tells the rule apart", err)
			}
		}
		r, err := s.Role("nd88")
		if err != nil {
			t.Fatal(err)
		}
		if got := numbers(r.Implementers); got != "70/KH-UBND" {
			t.Errorf("synced %v: implementers of 88/2031/NĐ-CP = %q, want the plan alone", synced, got)
		}
	}
}
