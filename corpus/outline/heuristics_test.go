package outline

// Unit tests of the outline's heuristics (section kinds, agencies, actors,
// continued lines, passages) with lines written for them, in the styles of
// provincial plans and letters, none taken from the development set they
// were tuned on (../shared/data/plans).

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestSectionKind(t *testing.T) {
	tests := []struct {
		title string
		want  SectionKind
	}{
		{"NHIỆM VỤ TRỌNG TÂM NĂM 2026", SectionTasks},
		{"CÁC GIẢI PHÁP CHỦ YẾU", SectionTasks},
		{"PHƯƠNG ÁN BỐ TRÍ DÂN CƯ, ĐỐI TƯỢNG ÁP DỤNG", SectionTasks}, // task words win over goal words
		{"MỤC ĐÍCH, YÊU CẦU", SectionGoals},
		{"QUAN ĐIỂM CHỈ ĐẠO", SectionGoals},
		{"TỔ CHỨC THỰC HIỆN", SectionOrganisation},
		{"KINH PHÍ THỰC HIỆN", SectionFunding},
		{"NGUỒN LỰC", SectionFunding},
		{"KẾT QUẢ THỰC HIỆN NĂM 2025", SectionBackground},
		{"THỰC TRẠNG CHUYỂN ĐỔI SỐ CỦA HUYỆN", SectionBackground},
		{"NHỮNG VẤN ĐỀ CHUNG", SectionTasks}, // unknown titles are tasks
	}
	for _, tt := range tests {
		if got := sectionKind(tt.title); got != tt.want {
			t.Errorf("sectionKind(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}

func TestAgencyName(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Sở Tư pháp:", true},
		{"Ủy ban nhân dân các huyện, thị xã.", true},
		{"Công an huyện", true},
		{"Ban Quản lý các khu công nghiệp tỉnh", true},
		{"Số lượng hồ sơ trực tuyến tăng 20%.", false}, // "số", not "sở"
		{"Sở Tư pháp: Chủ trì thẩm định dự thảo.", false},
		{"Tổ chức tập huấn cho cán bộ cấp xã.", false},
	}
	for _, tt := range tests {
		if got := AgencyName(tt.text); got != tt.want {
			t.Errorf("AgencyName(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if a, ok := inlineAgency("Đề nghị Bưu điện tỉnh: Bảo đảm chuyển phát hồ sơ đúng hạn."); ok {
		t.Errorf("inlineAgency: %q from a name without an organisation word", a)
	}
	if a, ok := inlineAgency("Đề nghị Công ty Cấp nước Bình Minh: Bảo đảm nước sạch cho vùng ngập."); !ok || a != "Công ty Cấp nước Bình Minh" {
		t.Errorf("inlineAgency = %q, %v", a, ok)
	}
}

func TestActors(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Sở Tư pháp chủ trì thẩm định", []string{"tu phap"}},
		{"Bộ Tư pháp hướng dẫn các địa phương", []string{"tu phap"}},
		{"Công an huyện tăng cường tuần tra", []string{"police"}},
		{"Bộ trưởng các Bộ: Công an, Quốc phòng chỉ đạo", []string{"police", "defence"}},
		{"Ủy ban nhân dân các huyện, thị xã:", []string{"local"}},
		{"Chủ tịch UBND cấp xã chịu trách nhiệm", []string{"local"}},
		{"Bộ Chỉ huy Quân sự tỉnh huy động lực lượng", []string{"defence"}},
		{"Sở Lao động - Thương binh và Xã hội phối hợp", []string{"lao dong"}},
		{"Các doanh nghiệp vận tải thực hiện nghiêm", []string{"business"}},
		{"Tổ chức tập huấn cho cán bộ", nil},
		// A level word after the head is no domain: the Mặt trận of the
		// centre and of a province meet.
		{"Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam chủ trì vận động", []string{"mat tran"}},
		{"Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh:", []string{"mat tran"}},
	}
	for _, tt := range tests {
		if got := actors(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("actors(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestContinues(t *testing.T) {
	tests := []struct {
		body, want string
	}{
		// A hard-wrapped item (no final punctuation) goes on.
		{"1. Nâng cấp các tuyến đường\nliên xã trong năm 2026.", "1:Nâng cấp các tuyến đường\nliên xã trong năm 2026."},
		// A capitalized line after a finished sentence is a paragraph.
		{"a) Làm đường.\nHuyện báo cáo kết quả.", "a:Làm đường.|¶1:Huyện báo cáo kết quả."},
		// A heading item's task on the next line is its own item.
		{"2. Phòng Văn hóa và Thông tin\nTổ chức tuyên truyền trên loa truyền thanh.", "2:Phòng Văn hóa và Thông tin|2.¶1:Tổ chức tuyên truyền trên loa truyền thanh."},
	}
	for _, tt := range tests {
		var got []string
		for _, it := range Parse(tt.body).Items {
			got = append(got, it.ID+":"+it.Text)
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("Parse(%q) = %q, want %q", tt.body, strings.Join(got, "|"), tt.want)
		}
	}
}

func TestTaskParts(t *testing.T) {
	tests := []struct {
		cell string
		want []string
	}{
		// A cell listing three tasks, each after a "- " bullet.
		{"Xây dựng bộ chỉ số chuyển đổi số cấp xã. - Công khai kết quả đánh giá trên cổng thông tin điện tử tỉnh. - Tổ chức tập huấn cho cán bộ cấp xã.",
			[]string{"Xây dựng bộ chỉ số chuyển đổi số cấp xã.", "Công khai kết quả đánh giá trên cổng thông tin điện tử tỉnh.", "Tổ chức tập huấn cho cán bộ cấp xã."}},
		// Dashes inside a name or a period split nothing.
		{"Sở Lao động - Thương binh và Xã hội rà soát hộ nghèo giai đoạn 2026 - 2030.",
			[]string{"Sở Lao động - Thương binh và Xã hội rà soát hộ nghèo giai đoạn 2026 - 2030."}},
		// A project row: its name line and its content line.
		{"Dự án số hóa hồ sơ đất đai\nSố hóa toàn bộ hồ sơ địa chính cấp xã.",
			[]string{"Dự án số hóa hồ sơ đất đai", "Số hóa toàn bộ hồ sơ địa chính cấp xã."}},
	}
	for _, tt := range tests {
		if got := taskParts(tt.cell); !slices.Equal(got, tt.want) {
			t.Errorf("taskParts(%q) = %q, want %q", tt.cell, got, tt.want)
		}
	}
}

// assignedBody is a plan of a province in the style of a Quyết định
// approving an action plan: body tasks, then an appendix assigning them to
// departments, one row a department, several tasks a cell. The same
// lines as corpus's heuristics_test.go, which links to them.
const assignedBody = "II. NHIỆM VỤ, GIẢI PHÁP\n" +
	"1. Xây dựng bộ chỉ số đánh giá mức độ chuyển đổi số của cấp xã, cập nhật hằng năm.\n" +
	"2. Công khai kết quả đánh giá chuyển đổi số của các xã trên cổng thông tin điện tử tỉnh.\n" +
	"3. Tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã.\n" +
	"4. Tăng cường kiểm tra an toàn thông tin mạng tại các cơ quan nhà nước.\n" +
	"PHỤ LỤC\nSTT | Cơ quan chủ trì | Nội dung nhiệm vụ | Thời hạn\n" +
	"1 | Sở Khoa học và Công nghệ | Xây dựng bộ chỉ số đánh giá mức độ chuyển đổi số của cấp xã. - Công khai kết quả đánh giá chuyển đổi số của các xã trên cổng thông tin điện tử. | Năm 2026\n" +
	"2 | Sở Nội vụ | Tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã. - Xây dựng cơ sở dữ liệu cán bộ, công chức, viên chức của tỉnh. | Năm 2027\n"

// TestPassagesRestatedByParts: a row whose every part restates a body
// task is collapsed into them; a row with a task of its own stays; the
// body tasks a row restates take its agency either way.
func TestPassagesRestatedByParts(t *testing.T) {
	checkPassages(t, assignedBody, "II.1[PL.r1][khoa hoc] II.2[PL.r1][khoa hoc] II.3[][noi vu] II.4[][] PL.r2[][noi vu]")
}

// checkPassages compares the passages of body, each as its ID, the rows
// collapsed into it and its actors, with want.
func checkPassages(t *testing.T, body, want string) {
	t.Helper()
	var got []string
	for _, p := range Parse(body).Passages() {
		got = append(got, fmt.Sprintf("%s%v%v", p.ID, p.Same, p.Actors))
	}
	if strings.Join(got, " ") != want {
		t.Errorf("passages\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
}

// TestPassageOwnAgencyKept: an appendix row restating part of a passage
// that names its own agency (an organisation paragraph "Sở Tài chính chủ
// trì …; tổng hợp báo cáo …") does not make the paragraph addressed to the
// row's agency too; a body task naming none takes the row's. A long
// paragraph of "Tổ chức thực hiện" holds many rows' parts, and took every
// agency of them: it then met every department's item with the actor
// boost (2530/QĐ-TTg IV.2.a took five).
func TestPassageOwnAgencyKept(t *testing.T) {
	body := "II. NHIỆM VỤ, GIẢI PHÁP\n" +
		"1. Kiểm tra chất lượng nước sinh hoạt tại các trạm cấp nước nông thôn hằng quý.\n" +
		"III. TỔ CHỨC THỰC HIỆN\n" +
		"1. Sở Tài chính chủ trì, phối hợp với các sở, ngành bố trí kinh phí thực hiện Kế hoạch; tổng hợp báo cáo kết quả thực hiện Kế hoạch gửi Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 hằng năm.\n" +
		"PHỤ LỤC\nSTT | Cơ quan chủ trì | Nội dung nhiệm vụ | Thời hạn\n" +
		"1 | Sở Y tế | Kiểm tra chất lượng nước sinh hoạt tại các trạm cấp nước nông thôn. | Hằng quý\n" +
		"2 | Sở Nông nghiệp và Môi trường | Tổng hợp báo cáo kết quả thực hiện Kế hoạch gửi Ủy ban nhân dân tỉnh. | Hằng năm\n"
	checkPassages(t, body, "II.1[PL.r1][y te] III.1[PL.r2][tai chinh]")
}

// TestShortAgencyTask: a line of at most 15 words that starts with an
// agency's name and goes on to what it does is a task (an item to link and
// a passage), not a name; names, with or without verb-like words in them,
// stay names. Lines written for the test.
func TestShortAgencyTask(t *testing.T) {
	for _, tt := range []struct {
		text string
		name bool
	}{
		{"Bộ Y tế cấp phát thuốc sát khuẩn, viên lọc nước cho vùng ngập.", false},
		{"Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.", false},
		{"Công an tỉnh bảo đảm an ninh trật tự tại nơi sơ tán.", false},
		{"Sở Xây dựng chủ trì, phối hợp với các địa phương:", false},
		{"Sở Y tế:", true},
		{"Cục Kinh tế - Quản lý đầu tư xây dựng", true},
		{"Ban Quản lý các khu công nghiệp tỉnh", true},
		{"Ủy ban Kiểm tra Tỉnh ủy.", true},
		{"Văn phòng Ban chỉ đạo phòng thủ dân sự tỉnh.", true},
		{"Công ty Cổ phần Cấp nước Bình Minh", true},
		// Names whose own words hold a task verb in lower case: the verb
		// describes the body's work, not a task (review of i17-dev2).
		{"Trung tâm hỗ trợ doanh nghiệp nhỏ và vừa", true},
		{"Đoàn kiểm tra liên ngành của tỉnh.", true},
		{"Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh:", true},
		{"Hội đồng tư vấn xử lý nợ:", true},
		{"Trung tâm Dịch vụ hỗ trợ phát triển nông nghiệp", true},
		{"Ủy ban nhân dân các xã hỗ trợ người dân dọn dẹp nhà cửa.", false},
	} {
		it := Item{Text: tt.text, Kind: SectionTasks}
		if got := it.nameOnly(); got != tt.name {
			t.Errorf("nameOnly(%q) = %v, want %v", tt.text, got, tt.name)
		}
	}
	o := Parse("II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế:\n- Hướng dẫn xử lý môi trường sau lũ tại các trạm y tế xã.\n2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n3. Trung tâm hỗ trợ doanh nghiệp nhỏ và vừa.")
	var ids []string
	for _, p := range o.Passages() {
		ids = append(ids, p.ID)
	}
	if got := strings.Join(ids, " "); got != "II.1.•1 II.2" {
		t.Errorf("passages %q, want %q", got, "II.1.•1 II.2")
	}
}
