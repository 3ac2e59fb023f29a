package link

// Unit tests of the linking heuristics with lines written for them, in the
// styles of provincial plans and letters, none taken from the development
// set they were tuned on (../shared/data/plans).

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

func TestActionVector(t *testing.T) {
	// The case: a conference to communicate about 5G
	// infrastructure communicates more than it builds.
	item := actionVector("Tổ chức hội nghị tuyên truyền về hạ tầng 5G cho cán bộ, doanh nghiệp.")
	inform := actionVector("Đẩy mạnh tuyên truyền, phổ biến, nâng cao nhận thức về chuyển đổi số.")
	invest := actionVector("Đầu tư hạ tầng số, phủ sóng 5G, nâng cấp trung tâm dữ liệu.")
	if ci, cv := item.cosine(inform), item.cosine(invest); ci <= cv {
		t.Errorf("cosine with communication %.2f, with investment %.2f: want communication higher", ci, cv)
	}
	var none actionVec
	if got := actionVector("Ngày 20 tháng 11 năm 2025"); got != none {
		t.Errorf("a text naming no action has action %v", got)
	}
}

// TestLinkActionOverTopic links the 5G example: the topic words
// (hạ tầng, 5G) are in the infrastructure passage, the action (tuyên
// truyền, hội nghị) in the communication one.
func TestLinkActionOverTopic(t *testing.T) {
	res := Doc{ID: "r", Number: "9/NQ-TU", Body: "II. NHIỆM VỤ, GIẢI PHÁP\n" +
		"1. Đẩy mạnh tuyên truyền, tổ chức hội nghị phổ biến về chuyển đổi số và hạ tầng số cho cán bộ, đảng viên.\n" +
		"2. Đầu tư hạ tầng số đồng bộ, phủ sóng 5G toàn tỉnh, xây dựng trung tâm dữ liệu tỉnh.\n" +
		"3. Đào tạo nhân lực số cho doanh nghiệp nhỏ và vừa."}
	plan := Doc{ID: "p", Number: "12/KH-UBND", Title: "Kế hoạch thực hiện Nghị quyết số 9/NQ-TU",
		Body: "II. NHIỆM VỤ\n1. Tổ chức hội nghị tuyên truyền về hạ tầng 5G cho cán bộ các xã."}
	pl := Plan(plan, []Doc{res})
	if got := top(pl, "II.1"); got != "II.1" {
		t.Errorf("II.1 → %s, want II.1 (the communication passage)", got)
	}
}

func top(pl *PlanLinks, id string) string {
	for _, it := range pl.Items {
		if it.ID == id && len(it.Matches) > 0 {
			return it.Matches[0].Passage
		}
	}
	return "-"
}

// TestLinkActorMirror: a department's task goes to the passage of the
// ministry of the same field when the topic words do not decide.
func TestLinkActorMirror(t *testing.T) {
	res := Doc{ID: "r", Number: "31/CĐ-TTg", Body: "1. Bộ Lao động - Thương binh và Xã hội bảo đảm chi trả trợ cấp kịp thời cho người dân vùng lũ.\n" +
		"2. Bộ Tài chính bảo đảm kinh phí chi trả trợ cấp kịp thời cho các địa phương vùng lũ."}
	plan := Doc{ID: "p", Number: "5/KH-UBND", Body: "1. Sở Lao động - Thương binh và Xã hội:\n- Tổ chức chi trả trợ cấp kịp thời cho người dân.\n2. Sở Tài chính:\n- Tham mưu bảo đảm kinh phí chi trả trợ cấp kịp thời."}
	pl := Plan(plan, []Doc{res})
	if a, b := top(pl, "1.•1"), top(pl, "2.•1"); a != "1" || b != "2" {
		t.Errorf("1.•1 → %s, 2.•1 → %s; want 1 and 2", a, b)
	}
}

// TestLinkNothingSpecific: items on matters the parent does not address
// link to nothing, whatever their length; items it addresses link.
func TestLinkNothingSpecific(t *testing.T) {
	res := Doc{ID: "r", Number: "14/CT-UBND", Body: "1. Các sở, ngành tăng cường kiểm tra an toàn thực phẩm tại các bếp ăn tập thể, trường học.\n2. Ủy ban nhân dân cấp huyện xử lý nghiêm cơ sở vi phạm an toàn thực phẩm."}
	plan := Doc{ID: "p", Number: "77/KH-SYT", Body: "1. Tăng cường kiểm tra an toàn thực phẩm tại bếp ăn tập thể các trường học.\n" +
		"2. Phòng Kế hoạch - Tài chính bố trí xe ô tô phục vụ đoàn công tác của Sở và thanh quyết toán công tác phí theo quy định hiện hành.\n" +
		"3. Báo cáo kết quả về Văn phòng Sở trước ngày 25 hằng tháng."}
	pl := Plan(plan, []Doc{res})
	got := fmt.Sprintf("%s %s %s", top(pl, "1"), top(pl, "2"), top(pl, "3"))
	if got != "1 - -" {
		t.Errorf("tops %q, want %q", got, "1 - -")
	}
}

// TestLinkSeveralPassages: an item doing two things of the parent links
// to both; one doing one thing links to one.
func TestLinkSeveralPassages(t *testing.T) {
	res := Doc{ID: "r", Number: "40/NQ-HĐND", Body: "1. Hỗ trợ lãi suất vốn vay cho hộ nuôi trồng thủy sản.\n2. Hỗ trợ con giống thủy sản cho hộ nuôi trồng bị thiệt hại.\n3. Nâng cấp đê bao vùng nuôi trồng thủy sản."}
	plan := Doc{ID: "p", Number: "3/KH-UBND", Body: "1. Hỗ trợ lãi suất vốn vay và con giống thủy sản cho hộ nuôi trồng.\n2. Nâng cấp đê bao vùng nuôi trồng thủy sản ven biển."}
	pl := Plan(plan, []Doc{res})
	got := map[string][]string{}
	for _, it := range pl.Items {
		for _, m := range it.Matches {
			got[it.ID] = append(got[it.ID], m.Passage)
		}
	}
	slices.Sort(got["1"])
	if !slices.Equal(got["1"], []string{"1", "2"}) || !slices.Equal(got["2"], []string{"3"}) {
		t.Errorf("links %v, want 1 → [1 2], 2 → [3]", got)
	}
}

// TestPrimaryParents: a plan naming a resolution in its title links to it,
// not to the intermediate programme its text also implements.
func TestPrimaryParents(t *testing.T) {
	nq := Doc{ID: "nq", Number: "18-NQ/TU", Body: "1. Phát triển du lịch cộng đồng gắn với bảo tồn văn hóa dân tộc."}
	ctr := Doc{ID: "ctr", Number: "25-CTr/HU", Body: "1. Phát triển du lịch cộng đồng gắn với bảo tồn văn hóa dân tộc tại các xã vùng cao."}
	plan := Doc{ID: "p", Number: "60/KH-UBND", Title: "Kế hoạch thực hiện Nghị quyết số 18-NQ/TU của Tỉnh ủy",
		Body: "Thực hiện Nghị quyết số 18-NQ/TU và Chương trình số 25-CTr/HU của Huyện ủy.\n1. Phát triển du lịch cộng đồng tại các xã vùng cao.\n2. Bảo tồn văn hóa dân tộc tại các xã vùng cao theo Chương trình số 25-CTr/HU."}
	pl := Plan(plan, []Doc{nq, ctr})
	var got []string
	for _, it := range pl.Items {
		if len(it.Matches) > 0 {
			got = append(got, it.ID+"→"+it.Matches[0].Number)
		}
	}
	if want := "1→18-NQ/TU 2→25-CTr/HU"; strings.Join(got, " ") != want {
		t.Errorf("links %q, want %q", strings.Join(got, " "), want)
	}
}

// assignedBody is a plan of a province in the style of a Quyết định
// approving an action plan: body tasks, then an appendix assigning them to
// departments, one row a department, several tasks a cell. The same
// lines as corpus/outline's heuristics_test.go, which tests its passages.
const assignedBody = "II. NHIỆM VỤ, GIẢI PHÁP\n" +
	"1. Xây dựng bộ chỉ số đánh giá mức độ chuyển đổi số của cấp xã, cập nhật hằng năm.\n" +
	"2. Công khai kết quả đánh giá chuyển đổi số của các xã trên cổng thông tin điện tử tỉnh.\n" +
	"3. Tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã.\n" +
	"4. Tăng cường kiểm tra an toàn thông tin mạng tại các cơ quan nhà nước.\n" +
	"PHỤ LỤC\nSTT | Cơ quan chủ trì | Nội dung nhiệm vụ | Thời hạn\n" +
	"1 | Sở Khoa học và Công nghệ | Xây dựng bộ chỉ số đánh giá mức độ chuyển đổi số của cấp xã. - Công khai kết quả đánh giá chuyển đổi số của các xã trên cổng thông tin điện tử. | Năm 2026\n" +
	"2 | Sở Nội vụ | Tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã. - Xây dựng cơ sở dữ liệu cán bộ, công chức, viên chức của tỉnh. | Năm 2027\n"

// TestLinkAssignedAgency: a department's item links to the body task the
// appendix assigns to its ministry or department, not to the row.
func TestLinkAssignedAgency(t *testing.T) {
	res := Doc{ID: "r", Number: "120/QĐ-UBND", Body: assignedBody}
	plan := Doc{ID: "p", Number: "15/KH-SKHCN", Body: "1. Sở Khoa học và Công nghệ:\n- Công khai kết quả đánh giá chuyển đổi số các xã.\n" +
		"2. Sở Nội vụ:\n- Mở lớp tập huấn kỹ năng số cho công chức cấp xã."}
	pl := Plan(plan, []Doc{res})
	if a, b := top(pl, "1.•1"), top(pl, "2.•1"); a != "II.2" || b != "II.3" {
		t.Errorf("1.•1 → %s, 2.•1 → %s; want II.2 and II.3", a, b)
	}
}

// TestLinkAgencyHeadingNoTopic: the words of an agency heading ("Sở Văn
// hóa và Thể thao:") are its actor, not its topic: its item about a race
// goes to the race passage, not to the one on culture and sport heritage.
func TestLinkAgencyHeadingNoTopic(t *testing.T) {
	res := Doc{ID: "r", Number: "8/KH-UBND", Body: "1. Tổ chức các hoạt động văn hóa, thể thao; bảo tồn di sản văn hóa và thể thao truyền thống của các dân tộc.\n" +
		"2. Phát động phong trào chạy việt dã, đi bộ vì sức khỏe cộng đồng hằng năm."}
	plan := Doc{ID: "p", Number: "21/KH-UBND", Body: "1. Sở Văn hóa và Thể thao:\n- Tổ chức giải chạy việt dã cho học sinh."}
	link := func(p Params) string {
		return top(linkPlan(plan, []Doc{res}, []*outline.Outline{nil}, p), "1.•1")
	}
	if got := link(DefaultParams()); got != "2" {
		t.Errorf("1.•1 → %s, want 2", got)
	}
	p := DefaultParams()
	p.AgencyContext, p.NoneShare = 1, 0
	if got := link(p); got != "1" {
		t.Errorf("with the heading as topic words 1.•1 → %s; the test no longer shows the mechanism", got)
	}
}

// TestLinkMatchDecay: an item whose own task (water purification tablets,
// disinfectant) is one passage and whose boilerplate (phối hợp với các cơ
// quan liên quan, báo cáo kết quả, đúng quy định, công khai, minh bạch,
// kiểm tra) is spread over a long general passage. Summed in full, the
// general passage's many weak matches win; with MatchDecay (the default)
// the i-th strongest match counts MatchDecay^i and the task's passage wins.
// Lines written for the test.
func TestLinkMatchDecay(t *testing.T) {
	res := Doc{ID: "r", Number: "45/CT-TTg", Body: "1. Các bộ, ngành, địa phương tăng cường phối hợp với các cơ quan liên quan, kịp thời báo cáo kết quả thực hiện, bảo đảm đúng quy định, hiệu quả, công khai, minh bạch, tổ chức kiểm tra, đôn đốc việc thực hiện các nhiệm vụ được giao cho người dân.\n" +
		"2. Bộ Y tế khẩn trương cấp phát thuốc sát khuẩn, viên lọc nước cho các hộ gia đình ở vùng ngập sâu.\n" +
		"3. Bộ Xây dựng phối hợp với các địa phương khôi phục giao thông trên các tuyến quốc lộ, kịp thời báo cáo kết quả thực hiện.\n" +
		"4. Bộ Công Thương bảo đảm cung ứng hàng hóa thiết yếu, phối hợp với các cơ quan liên quan kiểm tra giá.\n" +
		"5. Bộ Giáo dục và Đào tạo bảo đảm an toàn cho học sinh, kịp thời báo cáo kết quả thực hiện.\n" +
		"6. Ủy ban nhân dân các tỉnh tổ chức thực hiện, bảo đảm đúng quy định, công khai, minh bạch."}
	plan := Doc{ID: "p", Number: "12/KH-UBND", Body: "1. Cấp phát viên lọc nước, thuốc sát khuẩn cho vùng ngập; phối hợp với các cơ quan liên quan, kịp thời báo cáo kết quả thực hiện, bảo đảm đúng quy định, công khai, minh bạch, tổ chức kiểm tra."}
	link := func(decay float64) string {
		p := DefaultParams()
		p.MatchDecay = decay
		return top(linkPlan(plan, []Doc{res}, []*outline.Outline{nil}, p), "1")
	}
	if d := DefaultParams().MatchDecay; d <= 0 || d >= 1 {
		t.Fatalf("default MatchDecay %v, want in (0, 1)", d)
	}
	if got := link(DefaultParams().MatchDecay); got != "2" {
		t.Errorf("with MatchDecay 1 → %s, want 2 (the task's passage)", got)
	}
	if got := link(0); got != "1" {
		t.Errorf("without MatchDecay 1 → %s, want 1; the test no longer shows the mechanism", got)
	}
}

// TestLinkChainParent: a plan citing two telegrams of a chain in a
// footnote follows the later one, which carries the earlier on ("Tiếp theo
// Công điện số 41/CĐ-TTg"): its item links to the later telegram's task
// although it shares a word more with the earlier one's. Parents that do
// not cite each other stay equal. Lines written for the test.
func TestLinkChainParent(t *testing.T) {
	older := Doc{ID: "a", Number: "41/CĐ-TTg", Body: "1. Bộ Nông nghiệp và Môi trường theo dõi chặt chẽ diễn biến mưa lũ, thông tin kịp thời cho người dân.\n" +
		"2. Bộ Quốc phòng bố trí lực lượng, phương tiện sẵn sàng cứu nạn tại các khu vực xung yếu."}
	later := Doc{ID: "b", Number: "44/CĐ-TTg", Body: "Tiếp theo Công điện số 41/CĐ-TTg ngày 3/10/2025, Thủ tướng Chính phủ yêu cầu:\n" +
		"1. Bộ Nông nghiệp và Môi trường tiếp tục theo dõi diễn biến mưa lũ, dự báo sát tình hình, thông tin cho người dân.\n" +
		"2. Bộ Y tế bảo đảm thuốc, hóa chất khử khuẩn cho vùng ngập sau lũ."}
	plan := Doc{ID: "p", Number: "12/CĐ-BNNMT", Body: "Thực hiện chỉ đạo của Thủ tướng Chính phủ[1], Bộ Nông nghiệp và Môi trường yêu cầu:\n" +
		"1. Cục Quản lý đê điều theo dõi chặt chẽ diễn biến mưa lũ, dự báo tình hình, thông tin kịp thời cho người dân vùng trũng thấp.\n" +
		"[1] Các Công điện số 41/CĐ-TTg ngày 3/10/2025 và số 44/CĐ-TTg ngày 6/10/2025."}
	link := func(prior float64, parents ...Doc) string {
		p := DefaultParams()
		p.ParentPrior = prior
		pl := linkPlan(plan, parents, make([]*outline.Outline, len(parents)), p)
		for _, it := range pl.Items {
			if it.ID == "1" && len(it.Matches) > 0 {
				return it.Matches[0].Number + " " + it.Matches[0].Passage
			}
		}
		return "-"
	}
	if got := link(DefaultParams().ParentPrior, older, later); got != "44/CĐ-TTg 1" {
		t.Errorf("with the chain prior 1 → %s, want 44/CĐ-TTg 1", got)
	}
	if got := link(0, older, later); got != "41/CĐ-TTg 1" {
		t.Errorf("without the chain prior 1 → %s, want 41/CĐ-TTg 1; the test no longer shows the mechanism", got)
	}
	// The later one without its "Tiếp theo" line: no chain, the better match wins.
	flat := later
	flat.Body = flat.Body[strings.Index(flat.Body, "\n")+1:]
	if got := link(DefaultParams().ParentPrior, older, flat); got != "41/CĐ-TTg 1" {
		t.Errorf("parents not citing each other: 1 → %s, want 41/CĐ-TTg 1", got)
	}
}

// TestLinkActorSpecificity: the actor boost counts as much as the shared
// agency tells the parent's passages apart. A national plan whose ministry
// in charge heads most passages gives a department's task little from that
// agency, so the unaddressed task it carries out wins over the ministry's
// general paragraph; an agency named on one passage still lifts it. Lines
// written for the test.
func TestLinkActorSpecificity(t *testing.T) {
	res, plan := actorSpecDocs()
	link := func(idf float64) string {
		p := DefaultParams()
		p.ActorIDF = idf
		pl := linkPlan(plan, []Doc{res}, []*outline.Outline{nil}, p)
		return top(pl, "1.•1") + " " + top(pl, "2.•1")
	}
	if got := link(DefaultParams().ActorIDF); got != "II.1 III.5" {
		t.Errorf("with ActorIDF: %s, want II.1 III.5 (the task; the one police passage)", got)
	}
	if got := link(0); got != "III.1 III.5" {
		t.Errorf("without ActorIDF: %s, want III.1 III.5; the test no longer shows the mechanism", got)
	}
	p := DefaultParams()
	p.ActorBoost = 0
	if got := top(linkPlan(plan, []Doc{res}, []*outline.Outline{nil}, p), "2.•1"); got != "II.3" {
		t.Errorf("without the actor boost 2.•1 → %s, want II.3; the police passage no longer needs its agency", got)
	}
}

// actorSpecDocs are the documents of TestLinkActorSpecificity.
func actorSpecDocs() (res, plan Doc) {
	res = Doc{ID: "r", Number: "15/KH-BYT", Body: "II. NHIỆM VỤ, GIẢI PHÁP\n" +
		"1. Tăng cường kiểm tra an toàn thực phẩm tại bếp ăn tập thể của các khu công nghiệp, trường học.\n" +
		"2. Rà soát, hoàn thiện quy chuẩn kỹ thuật quốc gia về phụ gia thực phẩm.\n" +
		"3. Xử lý nghiêm cơ sở sản xuất thực phẩm vi phạm, công khai danh sách trên phương tiện thông tin đại chúng.\n" +
		"III. TỔ CHỨC THỰC HIỆN\n" +
		"1. Bộ Y tế chủ trì tổ chức thực hiện Kế hoạch; hướng dẫn các địa phương kiểm tra, tổng hợp kết quả, báo cáo Thủ tướng Chính phủ hằng năm.\n" +
		"2. Bộ Y tế chủ trì xây dựng quy chuẩn kỹ thuật quốc gia về phụ gia thực phẩm.\n" +
		"3. Bộ Y tế phối hợp với Bộ Giáo dục và Đào tạo tập huấn cho nhân viên nhà ăn trường học.\n" +
		"4. Bộ Y tế bố trí kinh phí cho hệ thống kiểm nghiệm thực phẩm.\n" +
		"5. Bộ Công an chỉ đạo lực lượng cảnh sát môi trường phát hiện cơ sở sản xuất thực phẩm vi phạm."}
	plan = Doc{ID: "p", Number: "88/KH-UBND", Body: "1. Sở Y tế:\n" +
		"- Chủ trì kiểm tra an toàn thực phẩm tại bếp ăn tập thể; báo cáo kết quả kiểm tra về Ủy ban nhân dân tỉnh hằng năm.\n" +
		"2. Công an tỉnh:\n" +
		"- Phát hiện, xử lý cơ sở sản xuất thực phẩm vi phạm."}
	return res, plan
}

// TestLinkActorSpecificityCandidates: the actor boost weighs the shared
// agency by the passages the item may link to. A plan whose title names
// the parent it implements links only to that parent's passages, so a
// second parent (a decision its body builds on) that names the same agency
// on every passage does not make the agency common among the passages the
// item chooses from. Lines written for the test.
func TestLinkActorSpecificityCandidates(t *testing.T) {
	res := Doc{ID: "r", Number: "15/KH-BYT", Body: "II. NHIỆM VỤ\n" +
		"1. Tăng cường kiểm tra an toàn thực phẩm tại bếp ăn tập thể của các khu công nghiệp.\n" +
		"2. Rà soát, hoàn thiện quy chuẩn kỹ thuật quốc gia về phụ gia thực phẩm.\n" +
		"3. Bộ Công an chỉ đạo lực lượng cảnh sát môi trường phát hiện cơ sở sản xuất thực phẩm giả."}
	other := Doc{ID: "o", Number: "20/QĐ-UBND", Body: "Điều 1. Giao nhiệm vụ\n" +
		"1. Công an tỉnh tuần tra, kiểm soát giao thông trên các tuyến quốc lộ dịp Tết.\n" +
		"2. Công an tỉnh bảo đảm an ninh trật tự tại các lễ hội mùa xuân.\n" +
		"3. Công an tỉnh phòng cháy, chữa cháy tại chợ và trung tâm thương mại.\n" +
		"4. Công an tỉnh đấu tranh với tội phạm ma túy trên địa bàn biên giới.\n" +
		"5. Công an tỉnh quản lý cư trú, cấp căn cước cho công dân."}
	plan := Doc{ID: "p", Number: "88/KH-UBND", Title: "Kế hoạch thực hiện Kế hoạch số 15/KH-BYT của Bộ Y tế",
		Body: "1. Công an tỉnh:\n- Phát hiện, xử lý cơ sở sản xuất thực phẩm giả."}
	score := func(parents []Doc, boost float64) (string, float64) {
		p := DefaultParams()
		p.ActorBoost = boost
		for _, it := range linkPlan(plan, parents, make([]*outline.Outline, len(parents)), p).Items {
			if it.ID == "1.•1" && len(it.Matches) > 0 {
				return it.Matches[0].Number + " " + it.Matches[0].Passage, it.Matches[0].Score
			}
		}
		return "-", 0
	}
	for _, parents := range [][]Doc{{res}, {res, other}} {
		top, with := score(parents, DefaultParams().ActorBoost)
		top0, without := score(parents, 0)
		if top != "15/KH-BYT II.3" || top0 != top {
			t.Fatalf("%d parents: 1.•1 → %s (%s without the actor boost), want 15/KH-BYT II.3", len(parents), top, top0)
		}
		// Công an is named on one of the three passages the item may link
		// to: the whole boost (scores are rounded to 0.01).
		if want := without * (1 + DefaultParams().ActorBoost); math.Abs(with-want) > 0.02 {
			t.Errorf("%d parents: score %.2f with the actor boost, %.2f without: want %.2f (the whole boost)", len(parents), with, without, want)
		}
	}
}
