package corpus

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/outline"
	"github.com/vanban/vanban/internal/childtest"
)

// TestExceptedClause: the words that leave a document's cases out or set
// its rule beside the text's own except the reference only in their own
// clause; lines written for the test in the shapes of plans, letters,
// circulars and decrees (not the data set the rule came from).
func TestExceptedClause(t *testing.T) {
	tests := []struct {
		before string
		want   bool
	}{
		// "ngoài ra" joins a sentence on, "ngoài" after a noun is its attribute
		{"2. Ngoài ra, Sở Tài chính hướng dẫn các đơn vị thực hiện chế độ quy định tại ", false},
		{"Các cơ sở giáo dục ngoài công lập thực hiện chế độ báo cáo theo quy định tại ", false},
		{"Làm thêm giờ ngoài giờ hành chính được chi trả theo ", false},
		{"Tổ chức các hoạt động ngoài trời theo hướng dẫn tại ", false},
		// "trừ" of a compound: a deduction, an offset, pest control
		{"Số thuế giá trị gia tăng đầu vào được khấu trừ theo quy định tại ", false},
		{"Số tiền nộp thừa được bù trừ theo ", false},
		{"Hướng dẫn nông dân phòng trừ sâu bệnh theo quy trình tại ", false},
		// the work of the document named stands: the text adds to it
		{"1. Ngoài các nhiệm vụ quy định tại ", false},
		{"Ngoài những công việc đã giao tại ", false},
		// a fronted exception ends at its comma; the reference is the main clause's
		{"Trừ trường hợp quy định tại khoản 2 Điều này, doanh nghiệp nộp hồ sơ theo mẫu quy định tại ", false},
		{"Phấn đấu đến năm 2030 giảm 30% chi phí so với năm 2025, hoàn thành các mục tiêu của ", false},
		{"Không áp dụng đối với hộ kinh doanh, các doanh nghiệp thực hiện theo ", true}, // no anchor closes it: kept as before
		// set aside, as before
		{"Thông tư này không áp dụng đối với các dự án đầu tư theo phương thức đối tác công tư quy định tại ", true},
		{"Hộ gia đình, cá nhân ngoài được hưởng chế độ, chính sách quy định tại ", true},
		{"Ngoài các chính sách ưu đãi, hỗ trợ quy định tại ", true},
		{"Ngoài phạm vi điều chỉnh của ", true},
		{"trừ các trường hợp quy định tại Nghị định số 15/2018/NĐ-CP, Nghị định số ", true}, // a list of the excepted texts goes on
		{"không áp dụng đối với các dự án quy định tại Thông tư số 12/2030/TT-BTC, Quyết định số ", true},
		{"Mức thu bằng 50% so với mức thu quy định tại ", true},
		{"Thời hạn giải quyết ngắn hơn 5 ngày so với thời hạn quy định tại ", true},
	}
	for _, tt := range tests {
		if got := excepted(tt.before); got != tt.want {
			t.Errorf("excepted(%q) = %v, want %v", tt.before, got, tt.want)
		}
	}
}

// TestSetAsideAdds: a plan or a letter whose items name a resolution only
// while adding to its work ("Ngoài ra, …", "Ngoài các nhiệm vụ quy định
// tại …, các sở còn …") carries it out; the tasks of the resolution stand.
func TestSetAsideAdds(t *testing.T) {
	const n = "57-NQ/TW"
	tests := []struct {
		name, body string
		want       bool
	}{
		{"ngoài ra", "I. NHIỆM VỤ\n1. Sở Khoa học và Công nghệ chủ trì xây dựng cơ sở dữ liệu, hoàn thành năm 2026.\n2. Ngoài ra, các sở, ngành tiếp tục triển khai các nhiệm vụ của Nghị quyết số 57-NQ/TW.", false},
		{"besides its tasks", "I. NHIỆM VỤ\n1. Ngoài các nhiệm vụ quy định tại Nghị quyết số 57-NQ/TW, các sở còn thực hiện các nhiệm vụ sau: rà soát hạ tầng số, hoàn thành trong Quý II/2026.", false},
		{"fronted exception", "Điều 3. Hồ sơ\n1. Trừ trường hợp quy định tại khoản 2 Điều này, doanh nghiệp nộp hồ sơ theo mẫu quy định tại Nghị quyết số 57-NQ/TW.", false},
		{"beside its own policy", "Điều 4. Chính sách\nViện nghiên cứu ngoài được hưởng các chính sách ưu đãi, hỗ trợ quy định tại Nghị quyết số 57-NQ/TW còn được hỗ trợ kinh phí thuê chuyên gia.", true},
	}
	for _, tt := range tests {
		if got := setAside(tt.body, outline.Parse(tt.body), n); got != tt.want {
			t.Errorf("%s: setAside = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestRolesSetAsideAdds: a province's plan with tasks that names the
// resolution only in its items, adding work to it, implements it — from
// its text and from the stored roles.
func TestRolesSetAsideAdds(t *testing.T) {
	docs := []*Document{
		{ID: "nq57", Type: "Nghị quyết", Number: "57-NQ/TW", Title: "Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ và chuyển đổi số",
			Body: "I. NHIỆM VỤ, GIẢI PHÁP\n1. Các cấp ủy, tổ chức đảng tổ chức quán triệt, nâng cao nhận thức về chuyển đổi số.\n2. Hoàn thiện thể chế, tháo gỡ điểm nghẽn cho phát triển khoa học, công nghệ.\n3. Phát triển hạ tầng số, cơ sở dữ liệu dùng chung."},
		{ID: "kh12", Type: "Kế hoạch", Number: "12/KH-UBND", Title: "Kế hoạch số 12/KH-UBND chuyển đổi số năm 2026",
			Body: "I. MỤC ĐÍCH, YÊU CẦU\nBảo đảm chuyển đổi số đồng bộ trên địa bàn tỉnh.\nII. NHIỆM VỤ\n1. Ngoài các nhiệm vụ quy định tại Nghị quyết số 57-NQ/TW, các sở, ngành còn rà soát hạ tầng số của đơn vị, hoàn thành trong Quý II/2026.\n" +
				"2. Sở Khoa học và Công nghệ chủ trì xây dựng cơ sở dữ liệu dùng chung của tỉnh, hoàn thành trong năm 2026.\n3. Ngoài ra, Sở Nội vụ tổng hợp kết quả về các chỉ tiêu của Nghị quyết số 57-NQ/TW, báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 năm 2026."},
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
			if pt, _, err := s.Tasks("kh12"); err != nil || pt == nil || len(pt.Tasks) == 0 {
				t.Fatalf("kh12 has no tasks (%v): the test no longer tells the rule apart", err)
			}
		}
		r, err := s.Role("nq57")
		if err != nil {
			t.Fatal(err)
		}
		if got := numbers(r.Implementers); got != "12/KH-UBND" {
			t.Errorf("synced %v: implementers of 57-NQ/TW = %q, want the plan", synced, got)
		}
		p, err := s.Parents("kh12")
		if err != nil {
			t.Fatal(err)
		}
		if got := numbers(p); got != "57-NQ/TW" {
			t.Errorf("synced %v: parents of 12/KH-UBND = %q, want the resolution", synced, got)
		}
	}
}

// TestExceptedLong: an item of thousands of references in one clause
// (a converted table row, a list run together) costs a bounded read a
// reference, not its whole clause: on the rule reading every clause
// whole, 2,000 references (112 KB) took 3.5 s in each of setAside and
// itemsCite, and 4,000 four times that. An exception further back than a
// clause's length does not reach the reference.
//
// The bound is checked on the bytes setAside and itemsCite allocate a
// reference (excepted's copies of the clause it reads: folded, split into
// words), not on wall time, which a loaded machine stretched past a 5 s
// bound: a bounded read costs each reference the same at 2,000 and 4,000,
// a clause read whole twice as much at 4,000 (its clause twice as long).
func TestExceptedLong(t *testing.T) {
	if !childtest.In(t, "") {
		childtest.Pass(t) // alone in a process: the bytes allocated it reads are the parse's (i30-rev-fuzz)
		return
	}
	perRef := func(n int) float64 {
		body := "Điều 2. Đối tượng\n1. Doanh nghiệp, trừ trường hợp quy định tại " +
			strings.Repeat("khoản 1 Điều 2 Nghị định số 88/2031/NĐ-CP, ", n) + "được hỗ trợ."
		o := outline.Parse(body)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		aside, items := setAside(body, o, "88/2031/NĐ-CP"), itemsCite(o, "88/2031/NĐ-CP")
		runtime.ReadMemStats(&after)
		if aside || !items {
			t.Errorf("%d references: setAside %v, itemsCite %v: want the references beyond the exception's reach read as the item's own", n, aside, items)
		}
		return float64(after.TotalAlloc-before.TotalAlloc) / float64(n)
	}
	small, large := perRef(2000), perRef(4000)
	if large > 1.5*small {
		t.Errorf("setAside and itemsCite allocated %.0f bytes a reference of 4,000, %.0f of 2,000: want a bounded read a reference, not its whole clause", large, small)
	}
}
