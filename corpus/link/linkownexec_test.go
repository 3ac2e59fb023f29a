package link

import (
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// ownExecRes is a resolution written for the tests: two tasks and its own
// organisation. ownExecResAsks is the same with a passage asking the
// units to launch an emulation drive and to keep a reporting regime on
// the task: then the plan's drive and its reports implement that passage.
const ownExecRes = "HUYỆN ỦY\nII. NHIỆM VỤ, GIẢI PHÁP\n" +
	"1. Đẩy mạnh chuyển đổi số trong quản lý trường học; triển khai học bạ số, sổ điểm điện tử tại các cơ sở giáo dục phổ thông.\n" +
	"2. Nâng cao chất lượng đội ngũ giáo viên; bồi dưỡng kỹ năng số, kỹ năng khai thác học liệu số cho giáo viên.\n" +
	"III. TỔ CHỨC THỰC HIỆN\n" +
	"1. Ủy ban nhân dân huyện chỉ đạo xây dựng kế hoạch, hướng dẫn, kiểm tra việc thực hiện Nghị quyết.\n"

const ownExecResAsks = ownExecRes +
	"2. Ngành giáo dục phát động phong trào thi đua ứng dụng học bạ số, sổ điểm điện tử trong các trường học; thực hiện chế độ báo cáo định kỳ hằng tháng về tiến độ triển khai học bạ số.\n"

// ownExecPlan is a school division's plan written for the tests: a task,
// an emulation drive with its criteria, and the reporting regime of its
// own carrying out.
const ownExecPlan = "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nII. NHIỆM VỤ\n" +
	"1. Triển khai học bạ số, sổ điểm điện tử tại các trường tiểu học, trung học cơ sở trên địa bàn huyện.\n" +
	"2. Triển khai phong trào thi đua “Mỗi thầy cô giáo một tấm gương chuyển đổi số” trong các trường học\n" +
	"a) 100% giáo viên sử dụng thành thạo học bạ số, sổ điểm điện tử trong năm học 2026 - 2027.\n" +
	"b) Mỗi trường có ít nhất một sáng kiến về khai thác học liệu số, kỹ năng số của giáo viên được công nhận.\n" +
	"III. TỔ CHỨC THỰC HIỆN\n" +
	"1. Các trường thực hiện nghiêm chế độ báo cáo định kỳ về kết quả triển khai học bạ số, sổ điểm điện tử, gửi Phòng Giáo dục và Đào tạo trước ngày 25 hằng tháng.\n"

// ownExecLinks links the plan to res with p and returns the links of
// each item by ID.
func ownExecLinks(t *testing.T, res string, p Params) map[string]int {
	t.Helper()
	r := Doc{ID: "r", Number: "12-NQ/HU", Type: "Nghị quyết", Body: res}
	plan := Doc{ID: "p", Number: "88/KH-PGDĐT", Type: "Kế hoạch", Body: ownExecPlan}
	pl := PlanWith(plan, []Doc{r}, []*outline.Outline{nil}, p, nil, nil)
	n := map[string]int{}
	for _, it := range pl.Items {
		n[it.ID] = len(it.Matches)
	}
	return n
}

// An item organising the plan's own carrying out — its emulation drive
// and the criteria under it, its reporting regime — implements no
// passage of a parent that asks for neither; the plan's task does.
func TestLinkOwnExecution(t *testing.T) {
	n := ownExecLinks(t, ownExecRes, DefaultParams())
	if n["II.1"] == 0 {
		t.Errorf("the task II.1 got no link: %v", n)
	}
	for _, id := range []string{"II.2", "II.2.a", "II.2.b", "III.1"} {
		if n[id] != 0 {
			t.Errorf("%s (the plan's own drive or reports) got %d links, want none: %v", id, n[id], n)
		}
	}
	// The parent asks for the drive and the reports itself: linked.
	n = ownExecLinks(t, ownExecResAsks, DefaultParams())
	for _, id := range []string{"II.1", "II.2.a", "III.1"} {
		if n[id] == 0 {
			t.Errorf("%s got no link where the parent asks for it: %v", id, n)
		}
	}
}
