package link

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/outline"
)

// Lines written for the test, in the shapes of provincial plans, a
// hospital's and a commune's letters and a Party committee's programme
// (none from a linking set).
func TestPlansOwnExecution(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		// The units plan their own carrying out of the tasks.
		{"Các phòng, ban chuyên môn xây dựng kế hoạch triển khai thực hiện phù hợp với tình hình thực tế của đơn vị, hoàn thành trước ngày 15/01/2027.", true},
		{"Trên cơ sở nhiệm vụ được phân công, các khoa, phòng xây dựng kế hoạch chi tiết, bố trí nhân lực để tổ chức thực hiện các nhiệm vụ năm 2027 bảo đảm tiến độ.", true},
		{"Ủy ban nhân dân các xã ban hành kế hoạch thực hiện.", true},
		{"Các chi bộ xây dựng chương trình hành động để triển khai thực hiện các nhiệm vụ nêu trên.", true},
		{"Đề nghị các trường xây dựng kế hoạch và tổ chức thực hiện hiệu quả; định kỳ báo cáo kết quả.", true},
		{"Các đơn vị căn cứ chức năng, nhiệm vụ xây dựng Kế hoạch cụ thể để\ntriển khai thực hiện nhiệm vụ được giao.", true},
		{"XÂY DỰNG KẾ HOẠCH TRIỂN KHAI THỰC HIỆN XONG TRONG QUÝ I/2027", true},
		// A plan with a subject of its own is a task.
		{"Xây dựng kế hoạch cụ thể tiếp nhận, phân phối hàng hỗ trợ cho các hộ bị ảnh hưởng.", false},
		{"Chủ động xây dựng kế hoạch phòng, chống dịch sốt xuất huyết, bố trí đủ thuốc và vật tư.", false},
		{"Tổ chức xây dựng kế hoạch, phát động và triển khai ngay chiến dịch làm sạch kênh rạch trước mùa mưa.", false},
		{"Xây dựng kế hoạch thực hiện nhiệm vụ chuyển đổi số trong các cơ sở y tế.", false},
		{"Xây dựng chương trình đào tạo và thực hiện liên kết đào tạo với các trường nước ngoài.", false},
		// i24-review: a plan with a subject of its own is a task even when
		// "thực hiện" follows it with nothing after (lines written for the
		// review, none from a linking set).
		{"Sở Văn hóa, Thể thao và Du lịch xây dựng kế hoạch tuyên truyền về văn hóa đọc và tổ chức thực hiện.", false},
		{"Sở Thông tin và Truyền thông xây dựng Chương trình chuyển đổi số tỉnh để triển khai thực hiện.", false},
		{"Xây dựng kế hoạch phát triển du lịch cộng đồng và triển khai thực hiện nhiệm vụ năm 2027.", false},
		{"Phòng Giáo dục ban hành kế hoạch tổ chức hội khỏe Phù Đổng cấp huyện và triển khai thực hiện.", false},
		// … nor a task between the plan and its carrying out.
		{"Xây dựng kế hoạch, tổ chức tập huấn cho cán bộ để thực hiện.", false},
		{"Các xã xây dựng kế hoạch cụ thể, tuyên truyền để người dân thực hiện.", false},
		// … one numbered task is not the tasks as a whole.
		{"Ban hành kế hoạch thực hiện nhiệm vụ 3 nêu trên.", false},
		// … the item's first sentence is its act: a task followed by a
		// request to plan it is the task.
		{"Tăng cường kiểm tra an toàn thực phẩm tại bếp ăn tập thể. Các phòng y tế xây dựng kế hoạch triển khai thực hiện.", false},
		// … and what the rule still reads: a qualified plan, a year.
		{"Các trạm y tế xây dựng kế hoạch chi tiết, phân công cán bộ để triển khai thực hiện các nhiệm vụ nêu trên.", true},
		{"Ủy ban nhân dân các phường ban hành kế hoạch thực hiện nhiệm vụ 2027 trước ngày 20/01/2027.", true},
		// The plan's name and the carrying out in two sentences.
		{"Xây dựng kế hoạch tuyển sinh năm học mới. Tổ chức thực hiện các nhiệm vụ năm học bảo đảm an toàn.", false},
		// Carrying out without a plan; a plan without carrying out.
		{"Các đơn vị tổ chức thực hiện các nhiệm vụ năm 2027 bảo đảm hiệu quả.", false},
		{"Xây dựng kế hoạch sử dụng đất giai đoạn 2026 - 2030.", false},
		{"xây dựng kế hoạch", false},
		{"", false},
	} {
		if got := plansOwnExecution(c.text); got != c.want {
			t.Errorf("plansOwnExecution(%q) = %t, want %t", c.text, got, c.want)
		}
	}
}

func FuzzPlansOwnExecution(f *testing.F) {
	for _, s := range []string{"xây dựng kế hoạch triển khai thực hiện", "Xây dựng chương trình để thực hiện các nhiệm vụ", "ban hành kế hoạch thực hiện nhiệm vụ 2", "kế hoạch thực hiện"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		plansOwnExecution(s) // no panic on any text
	})
}

// A resolution and a department's plan written for the test: the plan's
// task is linked, its request that the units plan their own carrying out
// is linked only with the rule off.
func TestLinkOwnPlanItem(t *testing.T) {
	res := Doc{ID: "r", Number: "08-NQ/TU", Type: "Nghị quyết", Body: "TỈNH ỦY\nII. NHIỆM VỤ, GIẢI PHÁP\n" +
		"1. Nâng cao chất lượng khám, chữa bệnh tại trạm y tế xã; bảo đảm đủ thuốc thiết yếu.\n" +
		"III. TỔ CHỨC THỰC HIỆN\n" +
		"1. Các sở, ngành, địa phương xây dựng kế hoạch cụ thể để tổ chức thực hiện các nhiệm vụ của Nghị quyết, báo cáo Tỉnh ủy.\n"}
	plan := Doc{ID: "p", Number: "41/KH-SYT", Type: "Kế hoạch", Body: "SỞ Y TẾ\nII. NHIỆM VỤ\n" +
		"1. Nâng cao chất lượng khám, chữa bệnh tại các trạm y tế xã, bảo đảm đủ thuốc thiết yếu.\n" +
		"III. TỔ CHỨC THỰC HIỆN\n" +
		"1. Các trung tâm y tế, trạm y tế xã xây dựng kế hoạch cụ thể, bố trí nhân lực để tổ chức thực hiện các nhiệm vụ năm 2027.\n"}
	links := func(p Params) (task, own int) {
		pl := PlanWith(plan, []Doc{res}, []*outline.Outline{nil}, p, nil, nil)
		n := map[string]int{}
		for _, it := range pl.Items {
			n[it.ID] = len(it.Matches)
		}
		return n["II.1"], n["III.1"]
	}
	off := DefaultParams()
	off.OwnPlan = 0
	if task, own := links(off); task == 0 || own == 0 {
		t.Errorf("without the rule: task %d links, own plan %d; want both linked (the test no longer shows the rule)", task, own)
	}
	if task, own := links(DefaultParams()); task == 0 || own != 0 {
		t.Errorf("defaults: task %d links, own plan %d; want the task linked, not the own plan", task, own)
	}
}

// clauseWordsPieces is clauseWords as it was (i24-none): each comma piece
// folded and split apart. TestClauseWordsPieces holds the one-fold form
// to it.
func clauseWordsPieces(s string) (ws []string, comma []bool) {
	for n, c := range strings.Split(s, ",") {
		for k, w := range foldWords(c) {
			ws = append(ws, w)
			comma = append(comma, n > 0 && k == 0)
		}
	}
	return ws, comma
}

// Lines written for the test: commas at the ends, doubled, beside marks
// in NFD, a letter outside Vietnamese (which makes Fold normalise), marks
// after a comma.
var clauseWordsCases = []string{
	"",
	",",
	", ,",
	"Các phòng, ban chuyên môn xây dựng kế hoạch triển khai thực hiện phù hợp",
	"Trên cơ sở nhiệm vụ được phân công,, các khoa,phòng xây dựng kế hoạch chi tiết,",
	", Ủy ban nhân dân các xã ban hành kế hoạch",
	"XÂY DỰNG KẾ HOẠCH, TRIỂN KHAI THỰC HIỆN",
	"Xây dựng ke\u0302\u0301 hoạch, bô\u0301 trí ngân sách",
	"kế hoạch Ωmega, cu\u0309a sở, ngành",
	"a,\u0301b, =\u0338 c, 2027",
	"số 12/2026/NĐ-CP, ngày 01/01/2027 (kèm theo), và",
}

func TestClauseWordsPieces(t *testing.T) {
	for _, s := range clauseWordsCases {
		ws, comma := clauseWords(s)
		wantWs, wantComma := clauseWordsPieces(s)
		if !slices.Equal(ws, wantWs) || !slices.Equal(comma, wantComma) {
			t.Errorf("clauseWords(%q) = %q %v, want %q %v", s, ws, comma, wantWs, wantComma)
		}
	}
}

func FuzzClauseWords(f *testing.F) {
	for _, s := range clauseWordsCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // the store's text is UTF-8
		}
		ws, comma := clauseWords(s)
		wantWs, wantComma := clauseWordsPieces(s)
		if !slices.Equal(ws, wantWs) || !slices.Equal(comma, wantComma) {
			t.Errorf("clauseWords(%q) = %q %v, want %q %v", s, ws, comma, wantWs, wantComma)
		}
	})
}

// clauseWords folds a sentence once: the fold (its buffer and its string)
// and the two slices, whatever its commas (it was a fold and a split per piece: 366
// allocations a plan of the largest real pair, docs/log/i24-perf.md).
func TestClauseWordsAllocs(t *testing.T) {
	s := "Các đơn vị căn cứ chức năng, nhiệm vụ, xây dựng Kế hoạch cụ thể, bố trí nguồn lực, để triển khai thực hiện nhiệm vụ được giao"
	if n := testing.AllocsPerRun(100, func() { clauseWords(s) }); n > 4 {
		t.Errorf("clauseWords: %.0f allocations, want 4 or fewer", n)
	}
}
