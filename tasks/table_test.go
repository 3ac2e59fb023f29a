package tasks

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// Documents written for these tests in the layout of real provincial
// ones: a resolution, a plan with a task table, and a district plan with
// agency-headed bullets stating their deadlines in the text.
var (
	resolution = &corpus.Document{URL: "https://tinh.example.gov.vn/nq-15", Site: "tinh", Type: "Nghị quyết",
		Number: "15/NQ-HĐND", Published: "2024-03-01",
		Title: "Nghị quyết số 15/NQ-HĐND về phát triển du lịch và bảo tồn di sản",
		Body: "HỘI ĐỒNG NHÂN DÂN TỈNH\nQUYẾT NGHỊ:\nĐiều 1. Nhiệm vụ, giải pháp\n" +
			"1. Đầu tư hạ tầng giao thông đến các khu du lịch sinh thái ven hồ, bến thuyền và bãi đỗ xe.\n" +
			"2. Số hóa hồ sơ di tích, xây dựng bản đồ số di sản văn hóa và thuyết minh tự động tại các điểm đến.\n" +
			"3. Đào tạo, bồi dưỡng kỹ năng nghề du lịch cho người dân tham gia du lịch cộng đồng.\n" +
			"4. Bảo tồn, phục dựng lễ hội truyền thống và nghề thủ công của đồng bào dân tộc thiểu số."}
	provincePlan = &corpus.Document{URL: "https://tinh.example.gov.vn/kh-88", Site: "tinh", Type: "Kế hoạch",
		Number: "88/KH-UBND", Published: "2024-05-10",
		Title: "Kế hoạch số 88/KH-UBND thực hiện Nghị quyết số 15/NQ-HĐND về phát triển du lịch",
		Body: "ỦY BAN NHÂN DÂN TỈNH\nI. MỤC ĐÍCH, YÊU CẦU\nTriển khai kịp thời Nghị quyết số 15/NQ-HĐND.\n" +
			"II. NHIỆM VỤ CỤ THỂ\n" +
			"STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n" +
			"1 | Đầu tư đường giao thông đến khu du lịch sinh thái ven hồ và bãi đỗ xe | Sở Xây dựng | Sở Tài chính | Quý IV/2025\n" +
			"2 | Số hóa hồ sơ di tích, xây dựng bản đồ số di sản văn hóa | Sở Văn hóa, Thể thao và Du lịch | Sở Khoa học và Công nghệ | Năm 2025\n" +
			"3 | Tập huấn kỹ năng nghề du lịch cộng đồng cho người dân | Sở Văn hóa, Thể thao và Du lịch | UBND các huyện | Hằng năm\n" +
			"III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài nguyên và Môi trường:\n" +
			"- Phối hợp với UBND các huyện rà soát quỹ đất ven hồ cho khu du lịch sinh thái, hoàn thành trước ngày 30/9/2024.\n"}
	districtPlan = &corpus.Document{URL: "https://huyen.example.gov.vn/kh-21", Site: "huyen", Type: "Kế hoạch",
		Number: "21/KH-UBND", Published: "2024-06-20",
		Title: "Kế hoạch số 21/KH-UBND triển khai Nghị quyết 15/NQ-HĐND của HĐND tỉnh trên địa bàn huyện",
		Body: "ỦY BAN NHÂN DÂN HUYỆN\nI. NHIỆM VỤ\n" +
			"1. Phòng Văn hóa và Thông tin:\n" +
			"- Tổ chức phục dựng lễ hội truyền thống của đồng bào dân tộc thiểu số, hoàn thành trong quý III/2024.\n" +
			"- Mở lớp truyền dạy nghề dệt thổ cẩm thủ công cho thanh niên, thực hiện hằng năm.\n" +
			"2. Ủy ban nhân dân các xã:\n" +
			"- Phối hợp với Phòng Văn hóa và Thông tin bố trí bãi đỗ xe tại bến thuyền du lịch, hoàn thành trước ngày 31/12/2024.\n"}
)

func openStore(t testing.TB) *corpus.Store {
	t.Helper()
	s, err := corpus.OpenStore(t.TempDir(), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func putDocs(t testing.TB, s *corpus.Store, docs ...*corpus.Document) {
	t.Helper()
	for _, d := range docs {
		c := *d
		if _, err := s.Put(&c); err != nil {
			t.Fatal(err)
		}
	}
}

func syncStore(t testing.TB, s *corpus.Store) {
	t.Helper()
	if _, err := s.SyncTasks(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
}

func testTable(t *testing.T) (*Table, *corpus.Store) {
	s := openStore(t)
	putDocs(t, s, resolution, provincePlan, districtPlan)
	syncStore(t, s)
	return New(s, Options{}), s
}

func queryTable(t *testing.T, tb *Table, f Filter) *Result {
	t.Helper()
	res, err := tb.Query(context.Background(), f)
	if err != nil {
		t.Fatalf("Query(%+v): %v", f, err)
	}
	return res
}

// ids is "plan task" of each row.
func ids(res *Result) []string {
	var out []string
	for _, r := range res.Tasks {
		out = append(out, r.Plan.Number+" "+r.ID)
	}
	return out
}

func TestQueryFilters(t *testing.T) {
	tb, _ := testTable(t)
	tests := []struct {
		name string
		f    Filter
		want []string
	}{
		{"all, nearest deadline first", Filter{}, []string{
			"21/KH-UBND I.1.•1", "88/KH-UBND III.1.•1", "21/KH-UBND I.2.•1", "88/KH-UBND II.r1", "88/KH-UBND II.r2",
			"21/KH-UBND I.1.•2", "88/KH-UBND II.r3"}}, // r1 and r2 both end 2025: document order
		{"by plan", Filter{Sort: SortPlan}, []string{
			"21/KH-UBND I.1.•1", "21/KH-UBND I.1.•2", "21/KH-UBND I.2.•1",
			"88/KH-UBND II.r1", "88/KH-UBND II.r2", "88/KH-UBND II.r3", "88/KH-UBND III.1.•1"}},
		{"agency, any spelling", Filter{Agency: "so van hoa the thao du lich"}, []string{"88/KH-UBND II.r2", "88/KH-UBND II.r3"}},
		{"agency, acronym", Filter{Agency: "Sở VHTT&DL"}, []string{"88/KH-UBND II.r2", "88/KH-UBND II.r3"}},
		{"agency in charge only", Filter{Agency: "UBND các huyện"}, nil},
		{"agency or co-agency", Filter{Agency: "UBND các huyện", Partners: true}, []string{"88/KH-UBND III.1.•1", "88/KH-UBND II.r3"}},
		{"agency from a heading", Filter{Agency: "Ủy ban nhân dân các xã"}, []string{"21/KH-UBND I.2.•1"}},
		{"deadline range", Filter{From: "2024-07-01", To: "2024-12-31"}, []string{"21/KH-UBND I.1.•1", "88/KH-UBND III.1.•1", "21/KH-UBND I.2.•1"}},
		{"recurring", Filter{Kind: "recurring"}, []string{"21/KH-UBND I.1.•2", "88/KH-UBND II.r3"}},
		{"site", Filter{Site: "huyen"}, []string{"21/KH-UBND I.1.•1", "21/KH-UBND I.2.•1", "21/KH-UBND I.1.•2"}},
		{"plan by number", Filter{Plan: "21/kh-ubnd", Sort: SortPlan}, []string{"21/KH-UBND I.1.•1", "21/KH-UBND I.1.•2", "21/KH-UBND I.2.•1"}},
		{"plan by number, separators typed as spaces", Filter{Plan: "21 KH UBND", Sort: SortPlan}, []string{"21/KH-UBND I.1.•1", "21/KH-UBND I.1.•2", "21/KH-UBND I.2.•1"}},
		{"plan by number, other separators", Filter{Plan: "số 21-kh-ubnd", Sort: SortPlan}, []string{"21/KH-UBND I.1.•1", "21/KH-UBND I.1.•2", "21/KH-UBND I.2.•1"}},
		{"parent passage, number typed as spaces", Filter{Parent: "15 NQ HDND", Passage: "Đ1.4"}, []string{"21/KH-UBND I.1.•1"}},
		{"plan by an unknown number", Filter{Plan: "22 KH UBND"}, nil},
		// A number typed without its issuer, as search takes it
		// (query.PartialNumber: by prefix).
		{"parent by type and number", Filter{Parent: "nq 15", Passage: "Đ1.4"}, []string{"21/KH-UBND I.1.•1"}},
		{"parent by type name and number", Filter{Parent: "nghị quyết số 15", Passage: "Đ1.4"}, []string{"21/KH-UBND I.1.•1"}},
		{"plan by type and number", Filter{Plan: "kh 21", Sort: SortPlan}, []string{"21/KH-UBND I.1.•1", "21/KH-UBND I.1.•2", "21/KH-UBND I.2.•1"}},
		{"plan by type name and number", Filter{Plan: "kế hoạch 88", Sort: SortPlan}, []string{
			"88/KH-UBND II.r1", "88/KH-UBND II.r2", "88/KH-UBND II.r3", "88/KH-UBND III.1.•1"}},
		{"parent by another type and the number", Filter{Parent: "qd 15"}, nil},
		{"parent by type and a number it begins with", Filter{Parent: "nq 1"}, nil},
		// I.1.•2 ("Mở lớp truyền dạy nghề dệt thổ cẩm thủ công …") shares
		// only "nghề thủ công" with Đ1.4: under the "implements nothing"
		// cut since i17-null (docs/log/i17-null.md), so it has no passage.
		{"parent passage", Filter{Parent: "15/NQ-HDND", Passage: "Đ1.4"}, []string{"21/KH-UBND I.1.•1"}},
		{"page", Filter{Offset: 2, Limit: 2}, []string{"21/KH-UBND I.2.•1", "88/KH-UBND II.r1"}},
	}
	for _, tt := range tests {
		res := queryTable(t, tb, tt.f)
		if got := ids(res); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
		if tt.f.Offset == 0 && res.Total != len(tt.want) {
			t.Errorf("%s: total %d, want %d", tt.name, res.Total, len(tt.want))
		}
	}
	res := queryTable(t, tb, Filter{Parent: "15/NQ-HĐND"})
	if res.Total != 7 {
		t.Errorf("parent 15/NQ-HĐND: %d tasks, want every task of both plans (%v)", res.Total, ids(res))
	}
	if res.Kinds["date"] != 5 || res.Kinds["recurring"] != 2 {
		t.Errorf("kinds = %v", res.Kinds)
	}
}

func TestQueryErrors(t *testing.T) {
	tb, _ := testTable(t)
	for _, f := range []Filter{{From: "2024-13-01"}, {From: "2025-01-01", To: "2024-01-01"}, {Kind: "soon"}, {Sort: "random"},
		{Passage: "II.1"}, {Limit: -1}, {Agency: strings.Repeat("Sở ", 200)}} {
		var fe *FilterError
		if _, err := tb.Query(context.Background(), f); err == nil || !errorsAs(err, &fe) {
			t.Errorf("Query(%+v) = %v, want a FilterError", f, err)
		}
	}
}

// TestTableFollowsStore: a table built once follows later changes: a
// stale plan is counted, then shown as recomputed; a fresh table computes
// stale plans itself.
func TestTableFollowsStore(t *testing.T) {
	tb, s := testTable(t)
	if res := queryTable(t, tb, Filter{}); res.Total != 7 || res.Stale != 0 {
		t.Fatalf("start: total %d stale %d", res.Total, res.Stale)
	}
	more := *districtPlan
	more.Body += "- Xây dựng bản đồ số các di tích trên địa bàn huyện, hoàn thành trong tháng 10/2024.\n"
	putDocs(t, s, &more)
	if res := queryTable(t, tb, Filter{}); res.Total != 7 || res.Stale != 1 {
		t.Errorf("before the sync: total %d stale %d, want the 7 stored tasks and 1 stale plan", res.Total, res.Stale)
	}
	fresh := New(s, Options{Fresh: true})
	if res := queryTable(t, fresh, Filter{}); res.Total != 8 || res.Stale != 0 {
		t.Errorf("fresh table: total %d stale %d, want 8 and 0", res.Total, res.Stale)
	}
	syncStore(t, s)
	res := queryTable(t, tb, Filter{Site: "huyen", Sort: SortPlan})
	if res.Total != 4 || res.Stale != 0 || res.Tasks[3].Deadline.Date != "2024-10-31" {
		t.Errorf("after the sync: total %d stale %d, last %+v", res.Total, res.Stale, res.Tasks[len(res.Tasks)-1])
	}
	if _, err := s.MarkGone(res.Tasks[0].Plan.ID); err != nil {
		t.Fatal(err)
	}
	syncStore(t, s)
	if res := queryTable(t, tb, Filter{}); res.Total != 4 {
		t.Errorf("the district plan is gone: %d tasks, want 4", res.Total)
	}
}

func TestGolden(t *testing.T) {
	tb, _ := testTable(t)
	res := queryTable(t, tb, Filter{Limit: 100})
	res.TookMS = 0
	var js bytes.Buffer
	enc := json.NewEncoder(&js)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(res); err != nil {
		t.Fatal(err)
	}
	golden(t, "tasks.json", js.Bytes())
	var csv bytes.Buffer
	w, err := NewCSV(&csv, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := tb.Each(context.Background(), Filter{}, 1000, w.Write); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	golden(t, "tasks.csv", csv.Bytes())
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./tasks -run TestGolden -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test ./tasks -run TestGolden -update, then review the diff):\n%s", path, got)
	}
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }

func TestLooseKey(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"154/NQ-CP", "154nqcp"},
		{"154 NQ CP", "154nqcp"},
		{"Số 154-nq-cp", "154nqcp"},
		{"số: 0154 / NQ – CP", "154nqcp"},
		{"2530 QĐ TTg", "2530qdttg"},
		{"12 2023 NQ HĐND", "122023nqhdnd"},
		{"57-NQ/TW", "57nqtw"},
		{"154", ""},        // no letter: not a number's spelling
		{"nghị quyết", ""}, // no digit
		{"", ""},
	} {
		if got := looseKey(tt.in); got != tt.want {
			t.Errorf("looseKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCoverage: the tasks whose best link to a parent is each passage, and
// those of its implementing documents linked to none of its passages,
// counted over every task (as Query with the parent filter lists them).
func TestCoverage(t *testing.T) {
	tb, _ := testTable(t)
	all := queryTable(t, tb, Filter{Parent: "15/NQ-HĐND", Limit: MaxLimit})
	parent := ""
	want, wantUnlinked := map[string]int{}, 0
	for _, r := range all.Tasks {
		if len(r.Links) == 0 {
			wantUnlinked++
			continue
		}
		want[r.Links[0].Passage]++
		parent = r.Links[0].DocID
	}
	for _, p := range []string{"15/NQ-HĐND", "15 NQ HDND", parent} {
		got, unlinked, err := tb.Coverage(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		if !maps.Equal(got, want) || unlinked != wantUnlinked || len(want) < 3 || wantUnlinked == 0 {
			t.Errorf("Coverage(%q) = %v, %d unlinked; want %v, %d", p, got, unlinked, want, wantUnlinked)
		}
	}
	if got, unlinked, err := tb.Coverage(context.Background(), "99/NQ-HĐND"); err != nil || len(got) != 0 || unlinked != 0 {
		t.Errorf("Coverage of a document nothing implements = %v, %d, %v", got, unlinked, err)
	}
}
