package main

import (
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/tasks"
)

// tasksCorpus is written for TestTasksFlags in the layout of real
// provincial documents: a resolution, a provincial plan with a task table
// (agency, co-agency, deadline columns) and a district plan whose
// agency-headed bullets state their deadlines in the text.
const tasksCorpus = `{"_id":"nq15","type":"Nghị quyết","number":"15/NQ-HĐND","published":"2024-03-01","title":"Nghị quyết số 15/NQ-HĐND về phát triển du lịch và bảo tồn di sản","text":"HỘI ĐỒNG NHÂN DÂN TỈNH\nQUYẾT NGHỊ:\nĐiều 1. Nhiệm vụ, giải pháp\n1. Đầu tư hạ tầng giao thông đến các khu du lịch sinh thái ven hồ, bến thuyền và bãi đỗ xe.\n2. Số hóa hồ sơ di tích, xây dựng bản đồ số di sản văn hóa và thuyết minh tự động tại các điểm đến.\n3. Đào tạo, bồi dưỡng kỹ năng nghề du lịch cho người dân tham gia du lịch cộng đồng.\n4. Bảo tồn, phục dựng lễ hội truyền thống và nghề thủ công của đồng bào dân tộc thiểu số."}
{"_id":"kh88","type":"Kế hoạch","number":"88/KH-UBND","published":"2024-05-10","title":"Kế hoạch số 88/KH-UBND thực hiện Nghị quyết số 15/NQ-HĐND về phát triển du lịch","text":"ỦY BAN NHÂN DÂN TỈNH\nI. MỤC ĐÍCH, YÊU CẦU\nTriển khai kịp thời Nghị quyết số 15/NQ-HĐND.\nII. NHIỆM VỤ CỤ THỂ\nSTT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n1 | Đầu tư đường giao thông đến khu du lịch sinh thái ven hồ và bãi đỗ xe | Sở Xây dựng | Sở Tài chính | Quý IV/2025\n2 | Số hóa hồ sơ di tích, xây dựng bản đồ số di sản văn hóa | Sở Văn hóa, Thể thao và Du lịch | Sở Khoa học và Công nghệ | Năm 2025\n3 | Tập huấn kỹ năng nghề du lịch cộng đồng cho người dân | Sở Văn hóa, Thể thao và Du lịch | UBND các huyện | Hằng năm\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Tài nguyên và Môi trường:\n- Phối hợp với UBND các huyện rà soát quỹ đất ven hồ cho khu du lịch sinh thái, hoàn thành trước ngày 30/9/2024.\n"}
{"_id":"kh21","type":"Kế hoạch","number":"21/KH-UBND","published":"2024-06-20","title":"Kế hoạch số 21/KH-UBND triển khai Nghị quyết 15/NQ-HĐND của HĐND tỉnh trên địa bàn huyện","text":"ỦY BAN NHÂN DÂN HUYỆN\nI. NHIỆM VỤ\n1. Phòng Văn hóa và Thông tin:\n- Tổ chức phục dựng lễ hội truyền thống của đồng bào dân tộc thiểu số, hoàn thành trong quý III/2024.\n- Mở lớp truyền dạy nghề dệt thổ cẩm thủ công cho thanh niên, thực hiện hằng năm.\n2. Ủy ban nhân dân các xã:\n- Phối hợp với Phòng Văn hóa và Thông tin bố trí bãi đỗ xe tại bến thuyền du lịch, hoàn thành trước ngày 31/12/2024.\n"}
`

// TestTasksFlags runs `vanban tasks` with each of its flags on an ingested
// data directory and checks that each flag selects what it says (and so
// reaches the filter: a flag parsed into nothing would return every task).
func TestTasksFlags(t *testing.T) {
	data := t.TempDir()
	if code, out, stderr := runCmd(t, "--data", data, "ingest", writeFile(t, "c.jsonl", tasksCorpus)); code != 0 || !strings.Contains(out, "with 7 tasks") {
		t.Fatalf("ingest: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	list := func(args ...string) *tasks.Result {
		t.Helper()
		code, out, stderr := runCmd(t, append([]string{"--data", data, "tasks", "--json"}, args...)...)
		var res tasks.Result
		if code != 0 || json.Unmarshal([]byte(out), &res) != nil {
			t.Fatalf("vanban tasks --json %q: exit %d, stdout %q, stderr %q", args, code, out, stderr)
		}
		return &res
	}
	rowIDs := func(res *tasks.Result) []string {
		var ids []string
		for _, r := range res.Tasks {
			ids = append(ids, r.Plan.Number+" "+r.ID)
		}
		return ids
	}
	all := list()
	if all.Total != 7 {
		t.Fatalf("vanban tasks: %d tasks %v, want the 7 of both plans", all.Total, rowIDs(all))
	}
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"--agency", "so van hoa the thao du lich"}, []string{"88/KH-UBND II.r2", "88/KH-UBND II.r3"}},
		{[]string{"--agency", "UBND các huyện"}, nil},
		{[]string{"--agency", "UBND các huyện", "--partners"}, []string{"88/KH-UBND III.1.•1", "88/KH-UBND II.r3"}},
		{[]string{"--parent", "15 NQ HĐND", "--passage", "Đ1.4"}, []string{"21/KH-UBND I.1.•1"}},
		{[]string{"--parent", "nq 15", "--passage", "Đ1.4"}, []string{"21/KH-UBND I.1.•1"}}, // without its issuer, as search takes it
		{[]string{"--plan", "kh 21", "--sort", "plan"}, []string{"21/KH-UBND I.1.•1", "21/KH-UBND I.1.•2", "21/KH-UBND I.2.•1"}},
		{[]string{"--plan", "21/KH-UBND", "--sort", "plan"}, []string{"21/KH-UBND I.1.•1", "21/KH-UBND I.1.•2", "21/KH-UBND I.2.•1"}},
		{[]string{"--from", "2024-07-01", "--to", "2024-12-31"}, []string{"21/KH-UBND I.1.•1", "88/KH-UBND III.1.•1", "21/KH-UBND I.2.•1"}},
		{[]string{"--from", "2025-01-01"}, []string{"88/KH-UBND II.r1", "88/KH-UBND II.r2"}},
		{[]string{"--to", "2024-10-31"}, []string{"21/KH-UBND I.1.•1", "88/KH-UBND III.1.•1"}},
		{[]string{"--kind", "recurring"}, []string{"21/KH-UBND I.1.•2", "88/KH-UBND II.r3"}},
		{[]string{"--site", "nosuch"}, nil},
		{[]string{"--sort", "plan", "--offset", "2", "--limit", "2"}, []string{"21/KH-UBND I.2.•1", "88/KH-UBND II.r1"}},
	}
	for _, tt := range tests {
		res := list(tt.args...)
		if got := rowIDs(res); !slices.Equal(got, tt.want) {
			t.Errorf("vanban tasks %q: %v, want %v", tt.args, got, tt.want)
		}
	}
	// the deadlines, normalised as the issue states them
	due := map[string]string{}
	for _, r := range all.Tasks {
		due[r.Deadline.Text] = string(r.Deadline.Kind) + " " + r.Deadline.Date
	}
	for text, want := range map[string]string{"Quý IV/2025": "date 2025-12-31", "Năm 2025": "date 2025-12-31", "Hằng năm": "recurring "} {
		if due[text] != want {
			t.Errorf("deadline %q: %q, want %q (all: %v)", text, due[text], want, due)
		}
	}
	// The text summary counts in the singular and the plural.
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--parent", "nq 15", "--passage", "Đ1.4"}, "\n1 task\n"},
		{[]string{"--kind", "recurring"}, "\n2 tasks\n"},
		{[]string{"--site", "nosuch"}, "0 tasks\n"},
	} {
		code, out, stderr := runCmd(t, append([]string{"--data", data, "tasks"}, tt.args...)...)
		if code != 0 || !strings.HasSuffix("\n"+out, tt.want) {
			t.Errorf("vanban tasks %q: exit %d, stdout %q, stderr %q; want it to end %q", tt.args, code, out, stderr, tt.want)
		}
	}
	// CSV: the header, one record a task, the agency filter applied
	code, out, stderr := runCmd(t, "--data", data, "tasks", "--csv", "--agency", "Sở Xây dựng")
	if code != 0 {
		t.Fatalf("tasks --csv: exit %d, %s", code, stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("tasks --csv: %v\n%s", err, out)
	}
	if len(recs) != 2 || !slices.Equal(recs[0], tasks.CSVHeader) || recs[1][slices.Index(tasks.CSVHeader, "agency")] != "Sở Xây dựng" ||
		recs[1][slices.Index(tasks.CSVHeader, "partners")] != "Sở Tài chính" || recs[1][slices.Index(tasks.CSVHeader, "deadline_date")] != "2025-12-31" {
		t.Errorf("tasks --csv --agency 'Sở Xây dựng':\n%s", out)
	}
}
