package link

import (
	"testing"

	"golang.org/x/text/unicode/norm"

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
	return ownExecLinksOf(t, res, ownExecPlan, p)
}

// ownExecLinksOf is ownExecLinks for the plan body given.
func ownExecLinksOf(t *testing.T, res, body string, p Params) map[string]int {
	t.Helper()
	r := Doc{ID: "r", Number: "12-NQ/HU", Type: "Nghị quyết", Body: res}
	plan := Doc{ID: "p", Number: "88/KH-PGDĐT", Type: "Kế hoạch", Body: body}
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

// With the rule off the same items are linked: the test shows the rule.
func TestLinkOwnExecutionOff(t *testing.T) {
	off := DefaultParams()
	off.OwnExec = 0
	n := ownExecLinks(t, ownExecRes, off)
	for _, id := range []string{"II.1", "II.2", "II.2.a", "II.2.b", "III.1"} {
		if n[id] == 0 {
			t.Errorf("rule off: %s got no link, want one (the test no longer shows the rule): %v", id, n)
		}
	}
}

// Lines written for the test (a commune's, a hospital's, a ministry's, a
// school's), none from a development set.
func TestLaunchesDrive(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Phát động phong trào thi đua “Xã hội học tập” trong cán bộ, đảng viên và Nhân dân toàn xã.", true},
		{"Triển khai thực hiện Phong trào thi đua “Cả nước chung tay vì người nghèo” giai đoạn 2026 - 2030", true},
		{"ĐẨY MẠNH PHONG TRÀO THI ĐUA YÊU NƯỚC TRONG NGÀNH Y TẾ", true},
		{"Đẩy mạnh phong trao thi đua đổi mới phong cách, thái độ phục vụ của cán bộ y tế", true},
		// The drive after the first sentence: the item's task comes first.
		{"Nâng cấp phòng khám đa khoa khu vực. Gắn với phong trào thi đua của bệnh viện.", false},
		{"Khen thưởng kịp thời các tập thể, cá nhân có thành tích xuất sắc.", false},
		{"Tổ chức thi tuyển viên chức y tế năm 2027.", false},
		{"Các đội thi đấu được cấp kinh phí theo quy định.", false},
		// Written otherwise: title case, no tones at all, NFD (a heading
		// typed in a word processor, a text typed without its tones).
		{"Phát Động Phong Trào Thi Đua “Dân Vận Khéo” Năm 2027", true},
		{"Phat dong phong trao thi dua “Xa hoi hoc tap” trong can bo, dang vien va Nhan dan toan xa.", true},
		{norm.NFD.String("Đẩy mạnh phong trào thi đua “Đổi mới, sáng tạo trong dạy và học”."), true},
		{"Phong Trào Thể Dục Thể Thao Toàn Dân", false},
		{"", false},
	} {
		if got := launchesDrive(c.text); got != c.want {
			t.Errorf("launchesDrive(%q) = %t, want %t", c.text, got, c.want)
		}
	}
}

func TestReportingRegime(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Các phòng, ban thực hiện nghiêm túc chế độ báo cáo về Văn phòng Ủy ban nhân dân xã (qua hộp thư điện tử ubnd@xa.gov.vn).", true},
		{"Thực hiện chế độ thông tin, báo cáo theo quy định; công khai kết quả trên trang thông tin điện tử của trường.", true},
		{"THỰC HIỆN CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ 6 THÁNG, HẰNG NĂM", true},
		{"Duy trì chế độ thông tin báo cáo hằng tuần với Sở Y tế.", true},
		// A task first, the reports after it: the task.
		{"Rà soát các cơ sở khám bệnh tư nhân trên địa bàn; thực hiện chế độ báo cáo theo quy định.", false},
		{"Xây dựng chế độ đãi ngộ đối với bác sĩ về công tác tại xã.", false},
		{"Báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện trước ngày 15/12/2027.", false},
		// Written otherwise: title case, no tones at all, NFD.
		{"Thực Hiện Chế Độ Báo Cáo Định Kỳ Quý, 6 Tháng, Năm", true},
		{"Cac truong thuc hien nghiem che do bao cao dinh ky ve Phong Giao duc va Dao tao.", true},
		{norm.NFD.String("Thực hiện chế độ thông tin, báo cáo định kỳ với Sở Nội vụ."), true},
		{norm.NFD.String("Xây dựng chế độ đãi ngộ đối với bác sĩ về công tác tại xã."), false},
		{"Thực hiện chế\u00a0độ báo cáo định kỳ về Sở Nội vụ.", true}, // a no-break space
		{"", false},
	} {
		if got := reportingRegime(c.text); got != c.want {
			t.Errorf("reportingRegime(%q) = %t, want %t", c.text, got, c.want)
		}
	}
}

func FuzzOwnExecution(f *testing.F) {
	for _, s := range []string{"Phát động phong trào thi đua", "chế độ báo cáo", "1. Thực hiện chế độ thông tin, báo cáo.", "thi đua", "ĐỘ", "phong trao thi dua", "CHẾ ĐỘ THÔNG TIN, BÁO CÁO", norm.NFD.String("chế độ báo cáo"), "Luật Thi đua", "x Thi đua", ". Thi Đua"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		launchesDrive(s) // no panic on any text
		reportingRegime(s)
		asksEmulation(s)
	})
}

// The parent's regime under a heading of its own ("Chế độ báo cáo") and
// an item naming the parent keep their links.
func TestLinkOwnExecutionNamed(t *testing.T) {
	res := "HUYỆN ỦY\nII. NHIỆM VỤ, GIẢI PHÁP\n" +
		"1. Đẩy mạnh chuyển đổi số trong quản lý trường học; triển khai học bạ số, sổ điểm điện tử tại các cơ sở giáo dục phổ thông.\n" +
		"III. TỔ CHỨC THỰC HIỆN\n" +
		"1. Chế độ báo cáo\n" +
		"a) Định kỳ hằng tháng, các trường gửi báo cáo kết quả triển khai học bạ số, sổ điểm điện tử về Phòng Giáo dục và Đào tạo.\n" +
		"b) Ủy ban nhân dân huyện tổng hợp, báo cáo Ban Thường vụ Huyện ủy trước ngày 15 tháng 12 hằng năm.\n"
	n := ownExecLinks(t, res, DefaultParams())
	if n["III.1"] == 0 {
		t.Errorf("the reporting item got no link where the parent's heading sets the regime: %v", n)
	}
	r := Doc{ID: "r", Number: "12-NQ/HU", Type: "Nghị quyết", Body: ownExecRes}
	plan := Doc{ID: "p", Number: "88/KH-PGDĐT", Type: "Kế hoạch", Body: "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nIII. TỔ CHỨC THỰC HIỆN\n" +
		"1. Các trường thực hiện chế độ báo cáo kết quả triển khai học bạ số, sổ điểm điện tử theo Nghị quyết số 12-NQ/HU.\n"}
	pl := PlanWith(plan, []Doc{r}, []*outline.Outline{nil}, DefaultParams(), nil, nil)
	for _, it := range pl.Items {
		if it.ID == "III.1" && len(it.Matches) == 0 {
			t.Errorf("the reporting item naming the parent got no link")
		}
	}
}

// ownExecSectionPlan launches its drive in a section's heading, not in
// an item: the criteria numbered under it are the drive's all the same.
const ownExecSectionPlan = "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nII. NHIỆM VỤ\n" +
	"1. Triển khai học bạ số, sổ điểm điện tử tại các trường tiểu học, trung học cơ sở trên địa bàn huyện.\n" +
	"III. PHÁT ĐỘNG PHONG TRÀO THI ĐUA “MỖI THẦY CÔ GIÁO MỘT TẤM GƯƠNG CHUYỂN ĐỔI SỐ”\n" +
	"1. 100% giáo viên sử dụng thành thạo học bạ số, sổ điểm điện tử trong năm học 2026 - 2027.\n" +
	"2. Mỗi trường có ít nhất một sáng kiến về khai thác học liệu số, kỹ năng số của giáo viên được công nhận.\n"

// A drive launched in a section's heading withholds the criteria under
// it as one launched in an item does; with the rule off they are linked
// (the test shows the rule), and the task of the section above keeps
// its link.
func TestLinkOwnExecutionSection(t *testing.T) {
	off := DefaultParams()
	off.OwnExec = 0
	n, nOff := ownExecLinksOf(t, ownExecRes, ownExecSectionPlan, DefaultParams()), ownExecLinksOf(t, ownExecRes, ownExecSectionPlan, off)
	if n["II.1"] == 0 {
		t.Errorf("the task II.1 got no link: %v", n)
	}
	for _, id := range []string{"III.1", "III.2"} {
		if nOff[id] == 0 {
			t.Errorf("rule off: %s got no link (the test no longer shows the rule): %v", id, nOff)
		}
		if n[id] != 0 {
			t.Errorf("%s (a criterion of the drive its section launches) got %d links, want none: %v", id, n[id], n)
		}
	}
	// The parent asks for the drive: linked.
	n = ownExecLinksOf(t, ownExecResAsks, ownExecSectionPlan, DefaultParams())
	if n["III.1"] == 0 {
		t.Errorf("III.1 got no link where the parent asks for the drive: %v", n)
	}
}

// A circular's reporting item naming a clause of "the Nghị định" without
// its number (cite.TypedParts: the plan's one decree) names what it
// implements: linked. Lines written for the test.
func TestLinkOwnExecutionTypedClause(t *testing.T) {
	nd := Doc{ID: "nd", Type: "Nghị định", Number: "41/2026/NĐ-CP", Body: "Điều 3. Học bạ số\n" +
		"1. Cơ sở giáo dục phổ thông triển khai học bạ số, sổ điểm điện tử từ năm học 2026 - 2027.\n" +
		"2. Học bạ số có giá trị pháp lý như học bạ giấy.\n" +
		"Điều 4. Trách nhiệm của Ủy ban nhân dân cấp tỉnh\n" +
		"1. Bố trí kinh phí triển khai học bạ số tại các cơ sở giáo dục thuộc phạm vi quản lý.\n" +
		"2. Tổng hợp số liệu triển khai học bạ số, sổ điểm điện tử của các cơ sở giáo dục trên địa bàn, gửi Bộ Giáo dục và Đào tạo trước ngày 15 tháng 12 hằng năm.\n"}
	plan := Doc{ID: "tt", Type: "Thông tư", Number: "12/2026/TT-BGDĐT", Body: "Điều 5. Trách nhiệm của Sở Giáo dục và Đào tạo\n" +
		"1. Thực hiện chế độ báo cáo số liệu triển khai học bạ số, sổ điểm điện tử của các cơ sở giáo dục trên địa bàn theo khoản 2 Điều 4 của Nghị định.\n"}
	for _, c := range []struct {
		exec float64
		want bool
	}{{0, true}, {1, true}} {
		p := DefaultParams()
		p.OwnExec = c.exec
		pl := PlanWith(plan, []Doc{nd}, []*outline.Outline{nil}, p, nil, nil)
		got := false
		for _, it := range pl.Items {
			if it.ID == "Đ5.1" {
				got = len(it.Matches) > 0
			}
		}
		if got != c.want {
			t.Errorf("OwnExec %v: Đ5.1 linked %t, want %t", c.exec, got, c.want)
		}
	}
}

// TestAsksEmulation: the parent's passage asks for an emulation drive
// when it says "thi đua" as a word of its own (lower case, in capitals,
// opening a heading, a drive named "Phong trào Thi đua …"), not as a
// word inside an institution's or a law's name written mid-sentence
// ("Luật Thi đua, khen thưởng", "Hội đồng Thi đua - Khen thưởng tỉnh").
// Lines written for the test.
func TestAsksEmulation(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Các ngành, địa phương phát động phong trào thi đua thực hiện Nghị quyết.", true},
		{"Điều 9. Thi đua, khen thưởng", true},
		{"VI. CÔNG TÁC THI ĐUA, KHEN THƯỞNG", true},
		{"Đẩy mạnh Phong trào Thi đua “Dân vận khéo” trong toàn tỉnh.", true},
		{"Thi đua lập thành tích chào mừng Đại hội.", true},
		{"Khen thưởng theo quy định của Luật Thi đua, khen thưởng.", false},
		{"Hội đồng Thi đua - Khen thưởng tỉnh tổng hợp, đề nghị khen thưởng.", false},
		{"Ban Thi đua - Khen thưởng Sở Nội vụ hướng dẫn hồ sơ.", false},
		{"Nâng cao chất lượng đội ngũ giáo viên.", false},
		{norm.NFD.String("Luật Thi đua, khen thưởng năm 2022"), false},
		{"", false},
		// a heading of the context opens its own line (outline's Context
		// joins them with "\n"), with no mark after the line above it
		{"Các sở, ngành báo cáo kết quả thực hiện\nThi đua, khen thưởng\nTổ chức thực hiện", true},
		{"Các sở, ngành báo cáo kết quả thực hiện\r\nThi đua lập thành tích chào mừng Đại hội", true},
		{"Khen thưởng theo Luật\nThi đua", true},
		{"Hội đồng\nThi đua - Khen thưởng tỉnh", true}, // a line's first word: no name shown mid-sentence
		{"Tổng hợp đề nghị của Hội đồng Thi đua - Khen thưởng tỉnh\nTổ chức thực hiện", false},
		// the words apart by more than one space (a PDF's justified line) or a no-break space
		{"Các ngành phát động phong trào thi  đua thực hiện Nghị quyết.", true},
		{"Các ngành phát động phong trào thi\u00a0đua thực hiện Nghị quyết.", true},
		{"VI. CÔNG TÁC THI\tĐUA, KHEN THƯỞNG", true},
	} {
		if got := asksEmulation(c.text); got != c.want {
			t.Errorf("asksEmulation(%q) = %t, want %t", c.text, got, c.want)
		}
	}
}

// A parent naming "thi đua" only in a law's name does not ask for the
// plan's drive: the drive's criteria stay unlinked.
func TestLinkOwnExecutionLawName(t *testing.T) {
	res := ownExecRes + "2. Giáo viên sử dụng thành thạo học bạ số, sổ điểm điện tử, khai thác học liệu số được khen thưởng theo Luật Thi đua, khen thưởng.\n"
	n := ownExecLinks(t, res, DefaultParams())
	for _, id := range []string{"II.2.a", "II.2.b"} {
		if n[id] != 0 {
			t.Errorf("%s (the plan's drive) got %d links where the parent names the law only: %v", id, n[id], n)
		}
	}
}
