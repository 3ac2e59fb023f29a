package corpus

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// outlineString renders items as "ID/level/kind:text[agency;deadline]".
func outlineString(o *Outline) string {
	var b strings.Builder
	for _, it := range o.Items {
		fmt.Fprintf(&b, "%s/%d/%s:%s", it.ID, it.Level, it.Kind, it.Text)
		if it.Agency != "" || it.Deadline != "" {
			fmt.Fprintf(&b, "[%s;%s]", it.Agency, it.Deadline)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestParseOutline(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"roman sections, numbers, letters",
			"TTĐT - Sapo.\nI. MỤC ĐÍCH, YÊU CẦU\n1. Cụ thể hóa.\nII. NHIỆM VỤ CỤ THỂ\n1. Về giao thông\na) Làm đường.\nb) Nâng cấp cầu.\n2. Về môi trường\nIII. TỔ CHỨC THỰC HIỆN\nSở báo cáo.",
			"I.1/1/goals:Cụ thể hóa.\nII.1/1/tasks:Về giao thông\nII.1.a/2/tasks:Làm đường.\nII.1.b/2/tasks:Nâng cấp cầu.\nII.2/1/tasks:Về môi trường\n"},
		{"headings with ##, upper-case sections, bullets",
			"## NHIỆM VỤ, GIẢI PHÁP\n1. Đổi mới tư duy\n- Cấp ủy chỉ đạo.\n+ Bí thư chịu trách nhiệm.\n- Tuyên truyền.\n## TỔ CHỨC THỰC HIỆN\n1. Ban Tuyên giáo quán triệt.",
			"1/1/tasks:Đổi mới tư duy\n1.•1/2/tasks:Cấp ủy chỉ đạo.\n1.•1.•1/3/tasks:Bí thư chịu trách nhiệm.\n1.•2/2/tasks:Tuyên truyền.\n§2.1/1/organisation:Ban Tuyên giáo quán triệt.\n"},
		{"dotted numbers and continuation lines",
			"II. NỘI DUNG\n2. Hạ tầng\n2.1. Giao thông.\nTiếp tục đoạn văn.\n2.2. Thủy lợi.",
			"II.2/1/tasks:Hạ tầng\nII.2.1/2/tasks:Giao thông.\nTiếp tục đoạn văn.\nII.2.2/2/tasks:Thủy lợi.\n"},
		{"task table",
			"III. PHÂN CÔNG NHIỆM VỤ\nSTT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn hoàn thành\n1 | Quan trắc nước thải | Sở Tài nguyên và Môi trường | UBND huyện | Năm 2024\n2 | Đề án khu công nghiệp | Ban Quản lý | | Quý IV/2023",
			"III.r1/1/tasks:Quan trắc nước thải[Sở Tài nguyên và Môi trường;Năm 2024]\nIII.r2/1/tasks:Đề án khu công nghiệp[Ban Quản lý;Quý IV/2023]\n"},
		{"not labels: numbers, ranges, sentences",
			"8 - 8,5%/năm là mục tiêu.\n2030. Năm mục tiêu\n154/NQ-CP ban hành.\nA) viết hoa.",
			""},
		{"a bare list is tasks",
			"1. Làm đường.\n2) Xây cầu.",
			"1/1/tasks:Làm đường.\n2/1/tasks:Xây cầu.\n"},
	}
	for _, tt := range tests {
		if got := outlineString(ParseOutline(tt.body)); got != tt.want {
			t.Errorf("%s: ParseOutline =\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

func TestPassages(t *testing.T) {
	body := "I. MỤC TIÊU\n1. Tăng trưởng 8%.\nII. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Phát triển giao thông. Đầu tư cao tốc.\na) Vành đai 4.\n2. Bảo vệ môi trường.\nIII. KINH PHÍ\nNgân sách tỉnh.\nIV. GIẢI PHÁP KHÁC\nHợp tác quốc tế."
	var got []string
	for _, p := range ParseOutline(body).Passages() {
		got = append(got, p.ID+"|"+p.Title+"|"+strings.ReplaceAll(p.Text, "\n", "/"))
	}
	want := []string{
		"II.1|Phát triển giao thông|Phát triển giao thông. Đầu tư cao tốc./Vành đai 4.",
		"II.2|Bảo vệ môi trường|Bảo vệ môi trường.",
		"IV|GIẢI PHÁP KHÁC|Hợp tác quốc tế.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Passages =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLinkPlanUnlinked(t *testing.T) {
	res := &Document{ID: "r", Type: "Nghị quyết", Number: "7/NQ-HĐND",
		Body: "II. NHIỆM VỤ\n1. Phát triển giao thông nông thôn, bê tông hóa đường xã.\n2. Bảo vệ rừng phòng hộ đầu nguồn."}
	plan := &Document{ID: "p", Type: "Kế hoạch",
		Body: "I. MỤC ĐÍCH\n1. Bê tông hóa đường giao thông nông thôn.\nII. NHIỆM VỤ\n1. Bê tông hóa đường giao thông nông thôn.\n2. Tổ chức lễ hội văn hóa.\n3. Trồng rừng phòng hộ theo Nghị quyết số 7/NQ-HĐND."}
	pl := LinkPlan(plan, []*Document{res})
	var got []string
	for _, it := range pl.Items {
		s := fmt.Sprintf("%s:%v", it.ID, it.Linked)
		if len(it.Matches) > 0 {
			s += "→" + it.Matches[0].Passage
		}
		got = append(got, s)
	}
	want := "I.1:false II.1:true→II.1 II.2:true II.3:true→II.2"
	if strings.Join(got, " ") != want {
		t.Errorf("LinkPlan items = %s, want %s", strings.Join(got, " "), want)
	}
}

func FuzzParseOutline(f *testing.F) {
	f.Add("II. NHIỆM VỤ\n1. A\na) B\n- C\n+ D\nNhiệm vụ | Cơ quan chủ trì | Thời hạn\nE | F | G")
	f.Add("1.\n1. \n.1. x\n1.2.3.4.5.6.7.8.9. y\nđ) z\n| | |\nI. \n")
	f.Fuzz(func(t *testing.T, body string) {
		o := ParseOutline(body)
		seen := map[string]bool{}
		for i, it := range o.Items {
			if seen[it.ID] {
				t.Fatalf("duplicate item ID %q", it.ID)
			}
			seen[it.ID] = true
			if it.Parent >= i || it.Section >= len(o.Sections) {
				t.Fatalf("item %d: parent %d, section %d", i, it.Parent, it.Section)
			}
			if utf8.ValidString(body) && !utf8.ValidString(it.Text) {
				t.Fatalf("item %q: invalid UTF-8 text", it.ID)
			}
		}
		for _, p := range o.Passages() {
			if p.ID == "" && p.Text == "" {
				t.Fatal("empty passage")
			}
		}
	})
}
