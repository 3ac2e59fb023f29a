package corpus

import (
	"slices"
	"strings"
	"testing"
	"time"
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
