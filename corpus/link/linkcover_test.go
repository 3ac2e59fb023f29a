package link

import (
	"math"
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// Lines written for the test: a Prime Minister's telegram on a drought,
// its passages short (each one ministry's task) and one long (the
// provinces' many duties), and a province's plan implementing it.
var (
	coverParent = Doc{ID: "cd", Number: "88/CĐ-TTg", Type: "Công điện", Body: "CÔNG ĐIỆN\nĐể ứng phó với hạn hán, xâm nhập mặn, Thủ tướng Chính phủ yêu cầu:\n" +
		"1. Bộ Y tế chỉ đạo cấp phát viên lọc nước, hóa chất khử khuẩn cho các hộ thiếu nước sinh hoạt.\n" +
		"2. Sở Tài chính tổng hợp kinh phí, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 15 hằng tháng.\n" +
		"3. Chủ tịch Ủy ban nhân dân các tỉnh chỉ đạo rà soát nguồn nước, điều tiết hồ chứa, vận động người dân tiết kiệm nước, " +
		"bố trí kinh phí dự phòng, kiểm tra việc chấp hành lịch cắt nước, tổ chức vận chuyển nước ngọt đến các xã bị xâm nhập mặn, " +
		"báo cáo kết quả thực hiện về Bộ Nông nghiệp và Môi trường trước ngày 15 hằng tháng.\n" +
		"4. Bộ Giáo dục và Đào tạo chỉ đạo các trường bảo đảm nước uống cho học sinh.\n"}
	coverPlan = Doc{ID: "kh", Number: "31/KH-UBND", Type: "Kế hoạch", Body: "ỦY BAN NHÂN DÂN TỈNH\nII. NHIỆM VỤ\n" +
		"1. Sở Y tế cấp phát viên lọc nước, hóa chất khử khuẩn cho các hộ thiếu nước sinh hoạt; lập danh sách hộ nghèo, hộ có người già, trẻ nhỏ " +
		"tại từng thôn, ấp; phân công cán bộ trạm y tế xã hướng dẫn cách dùng tại nhà; tổng hợp số lượng đã cấp theo tuần; " +
		"giám sát chất lượng nước giếng khoan, bể chứa, lu vại của các gia đình; xét nghiệm mẫu nước định kỳ; " +
		"phòng ngừa bệnh tiêu chảy, sốt xuất huyết, bệnh ngoài da mùa khô; dự trữ cơ số thuốc tại các bệnh viện tuyến huyện; " +
		"tập huấn nhân viên y tế thôn bản về sơ cứu say nắng, mất nước; truyền thông hướng dẫn đun sôi, bảo quản nước uống an toàn; " +
		"kiểm tra an toàn thực phẩm tại bếp ăn tập thể, chợ, quán ăn; ưu tiên khám sàng lọc cho phụ nữ mang thai, người khuyết tật; " +
		"phối hợp Hội Chữ thập đỏ tiếp nhận, phân bổ bình chứa, téc nhựa, máy lọc do các nhà hảo tâm ủng hộ; cập nhật phần mềm quản lý.\n" +
		"2. Sở Nông nghiệp và Môi trường rà soát nguồn nước, điều tiết hồ chứa, kiểm tra việc chấp hành lịch cắt nước, cấp nước luân phiên cho lúa hè thu.\n" +
		"3. Sở Công Thương bảo đảm cung ứng điện cho các trạm bơm chống hạn.\n" +
		"III. TỔ CHỨC THỰC HIỆN\nCác sở, ngành triển khai thực hiện nghiêm túc các nhiệm vụ được giao.\n"}
)

// coverOf returns, for each linkable item of plan by ID, the raw/self
// and the cover of each passage of parents it is ranked against, by
// passage ID.
func coverOf(t *testing.T, plan Doc, parents []Doc, p Params) map[string]map[string][2]float64 {
	t.Helper()
	o := outline.Parse(plan.Body)
	l := newLinker(o, parents, make([]*outline.Outline, len(parents)), p, nil)
	out := map[string]map[string][2]float64{}
	for i, it := range o.Items {
		if !it.Linkable() {
			continue
		}
		q := l.query(o, i, nil, nil)
		out[it.ID] = map[string][2]float64{}
		for _, c := range l.rank(q) {
			out[it.ID][l.targets[c.j].p.ID] = [2]float64{c.raw / q.self, c.cover}
		}
	}
	return out
}

// TestPassageCover: the share of a passage's own weight an item holds —
// nearly all of the short passage the long item restates (all but the
// ministry's "Bộ … chỉ đạo" it says as "Sở …"), little of the long
// passage the reporting item meets on its closing clause, though the
// reporting item's raw/self on it is the larger; every cover in [0, 1];
// none computed when no measure reads it.
func TestPassageCover(t *testing.T) {
	got := coverOf(t, coverPlan, []Doc{coverParent}, DefaultParams())
	restate, report := got["II.1"]["1"], got["II.2"]["3"]
	if restate[1] < 0.75 {
		t.Errorf("cover of the restated short passage %.3f, want ≥ 0.75", restate[1])
	}
	if report[1] > 0.35 {
		t.Errorf("cover of the long passage the reporting item meets %.3f, want ≤ 0.35", report[1])
	}
	if report[0] <= restate[0] {
		t.Errorf("raw/self: reporting item %.3f ≤ restating item %.3f (the test no longer shows what raw/self misses)", report[0], restate[0])
	}
	for id, ps := range got {
		for pid, v := range ps {
			if v[1] < 0 || v[1] > 1 {
				t.Errorf("%s → %s: cover %.3f outside [0, 1]", id, pid, v[1])
			}
		}
	}
	off := DefaultParams()
	off.CoverNone = 0
	for id, ps := range coverOf(t, coverPlan, []Doc{coverParent}, off) {
		for pid, v := range ps {
			if v[1] != 0 {
				t.Errorf("CoverNone 0: %s → %s cover %.3f, want 0 (not computed)", id, pid, v[1])
			}
		}
	}
}

// TestPassageCoverLength: a passage and the same passage written twice
// over (each term twice, twice as long) are covered alike by the same
// item: BM25's length normalisation is in both parts of the share.
func TestPassageCoverLength(t *testing.T) {
	once := "Bộ Y tế chỉ đạo cấp phát viên lọc nước, hóa chất khử khuẩn cho các hộ thiếu nước sinh hoạt."
	parent := func(text string) Doc {
		return Doc{ID: "cd", Number: "88/CĐ-TTg", Type: "Công điện", Body: "CÔNG ĐIỆN\nThủ tướng Chính phủ yêu cầu:\n" +
			"1. " + text + "\n2. Bộ Công Thương chỉ đạo bảo đảm cung ứng điện cho các trạm bơm chống hạn.\n"}
	}
	plan := Doc{ID: "kh", Number: "31/KH-UBND", Type: "Kế hoạch", Body: "ỦY BAN NHÂN DÂN TỈNH\nII. NHIỆM VỤ\n" +
		"1. Sở Y tế cấp phát viên lọc nước cho các hộ thiếu nước sinh hoạt.\n2. Sở Công Thương bảo đảm điện cho các trạm bơm.\n" +
		"III. TỔ CHỨC THỰC HIỆN\nCác sở, ngành triển khai thực hiện nghiêm túc các nhiệm vụ được giao.\n"}
	a := coverOf(t, plan, []Doc{parent(once)}, DefaultParams())["II.1"]["1"][1]
	b := coverOf(t, plan, []Doc{parent(once + " " + once)}, DefaultParams())["II.1"]["1"][1]
	if a <= 0 || math.Abs(a-b) > 0.05 {
		t.Errorf("cover of the passage %.3f, of it written twice %.3f: want equal within 0.05", a, b)
	}
}

// TestLinkCoverNone: the decision reads the passage's side too. The
// long item restating the short passage gains more from its cover than
// the reporting item meeting the long passage on its closing clause
// (each gains CoverNone × its cover); at a cut between the restating
// item's raw/self and its cover measure it is linked, and without the
// cover (CoverNone 0) it gets none: the rule decides it.
func TestLinkCoverNone(t *testing.T) {
	got := coverOf(t, coverPlan, []Doc{coverParent}, DefaultParams())
	restate, report := got["II.1"]["1"], got["II.2"]["3"]
	p := DefaultParams()
	if g, r := p.CoverNone*restate[1], p.CoverNone*report[1]; g < 2*r {
		t.Errorf("gain of the restating item %.3f < twice the reporting item's %.3f", g, r)
	}
	p.NoneShare = restate[0] + p.CoverNone*restate[1]/2
	if g := top(linkPlan(coverPlan, []Doc{coverParent}, []*outline.Outline{nil}, p), "II.1"); g != "1" {
		t.Errorf("cut %.3f: restating item → %s, want 1", p.NoneShare, g)
	}
	p.CoverNone = 0
	if g := top(linkPlan(coverPlan, []Doc{coverParent}, []*outline.Outline{nil}, p), "II.1"); g != "-" {
		t.Errorf("CoverNone 0, cut %.3f: restating item → %s, want - (the test no longer shows the rule)", p.NoneShare, g)
	}
}
