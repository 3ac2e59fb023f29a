package extract

import (
	"slices"
	"strings"
	"testing"
)

// decision216 is a second decision a slip transmits, its header written
// column by column (a DOCX's layout table read cell after cell). Written
// for these tests.
const decision216 = `ỦY BAN NHÂN DÂN
TỈNH PHÚ AN
Số: 216/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Phú An, ngày 13 tháng 8 năm 2025
QUYẾT ĐỊNH
Về việc thành lập Tổ công tác chuyển đổi số tỉnh
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ AN
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2025;
QUYẾT ĐỊNH:
Điều 1. Thành lập Tổ công tác chuyển đổi số tỉnh.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình`

// kehoach40 is a plan of another issuer a slip transmits third. Written
// for these tests.
const kehoach40 = `SỞ THÔNG TIN VÀ TRUYỀN THÔNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 | Độc lập - Tự do - Hạnh phúc
Số: 40/KH-STTTT | Phú An, ngày 20 tháng 8 năm 2025
KẾ HOẠCH
Triển khai nền tảng số năm 2025
I. MỤC ĐÍCH, YÊU CẦU
Đưa các nền tảng số vào sử dụng rộng rãi./.
GIÁM ĐỐC
Lê Thị Hạnh`

// plan57 is the plan decision215 approves, with a header and a number
// of its own (drafted and numbered by the issuer) and a "kèm theo" line
// under its title. Written for these tests.
const plan57 = `ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH PHÚ AN | Độc lập - Tự do - Hạnh phúc
Số: 57/KH-UBND | Phú An, ngày 12 tháng 8 năm 2025
KẾ HOẠCH
Chuyển đổi số năm 2025
(Kèm theo Quyết định số 215/QĐ-UBND ngày 12 tháng 8 năm 2025 của Ủy ban nhân dân tỉnh)
I. MỤC ĐÍCH, YÊU CẦU
1. Đưa hoạt động của cơ quan nhà nước lên môi trường số.
II. NHIỆM VỤ
1. Hoàn thiện hạ tầng số./.`

const slipTwo = `VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH PHÚ AN
PHIẾU CHUYỂN
Văn phòng chuyển Quyết định số 215/QĐ-UBND và Quyết định số 216/QĐ-UBND đến các cơ quan, đơn vị để thực hiện./.
TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG
Hoàng Minh Tuấn
`

// annex215 is an appendix of decision215 holding a form whose header
// has a number of its own (a filled-in sample).
const annex215 = `
PHỤ LỤC
Mẫu báo cáo kết quả chuyển đổi số
TÊN CƠ QUAN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 | Độc lập - Tự do - Hạnh phúc
Số: 01/BC-SYT | Phú An, ngày 01 tháng 9 năm 2025
BÁO CÁO
Kết quả chuyển đổi số
1. Kết quả đạt được.`

// TestCoverSlipSeveral: a slip over several documents gives the first's
// fields and names every other one, each with its own number, type,
// issuer and date, its text a section of its own.
func TestCoverSlipSeveral(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []Identity // Transmitted
		sections   []string   // section titles
	}{
		{
			name: "a phiếu chuyển over two decisions",
			text: slipTwo + decision215 + "\n" + decision216,
			want: []Identity{{Number: "216/QĐ-UBND", Type: "Quyết định", Issuer: "Ủy ban nhân dân tỉnh Phú An", Published: "2025-08-13",
				Title: "Về việc thành lập Tổ công tác chuyển đổi số tỉnh"}},
			sections: []string{"Quyết định số 216/QĐ-UBND Về việc thành lập Tổ công tác chuyển đổi số tỉnh"},
		},
		{
			name: "over three documents of two issuers, the slip naming none",
			text: strings.Replace(slipTwo, "Quyết định số 215/QĐ-UBND và Quyết định số 216/QĐ-UBND", "các văn bản kèm theo", 1) +
				decision215 + "\n" + decision216 + "\n" + kehoach40,
			want: []Identity{
				{Number: "216/QĐ-UBND", Type: "Quyết định", Issuer: "Ủy ban nhân dân tỉnh Phú An", Published: "2025-08-13", Title: "Về việc thành lập Tổ công tác chuyển đổi số tỉnh"},
				{Number: "40/KH-STTTT", Type: "Kế hoạch", Issuer: "Sở Thông tin và Truyền thông", Published: "2025-08-20", Title: "Triển khai nền tảng số năm 2025"},
			},
			sections: []string{"Quyết định số 216/QĐ-UBND Về việc thành lập Tổ công tác chuyển đổi số tỉnh", "Kế hoạch số 40/KH-STTTT Triển khai nền tảng số năm 2025"},
		},
		{
			name:     "the first decision's appendix, then the second, which the slip names",
			text:     slipTwo + decision215 + annex215 + "\n" + decision216,
			want:     []Identity{{Number: "216/QĐ-UBND", Type: "Quyết định", Issuer: "Ủy ban nhân dân tỉnh Phú An", Published: "2025-08-13", Title: "Về việc thành lập Tổ công tác chuyển đổi số tỉnh"}},
			sections: []string{"PHỤ LỤC", "Quyết định số 216/QĐ-UBND Về việc thành lập Tổ công tác chuyển đổi số tỉnh"},
		},
		{
			name:     "a form's header in the first decision's appendix is no document: the slip names it not",
			text:     slipTwo + decision215 + annex215,
			sections: []string{"PHỤ LỤC"},
		},
		{
			name: "the regulation the first decision issues, under a Quốc hiệu but with no number of its own, is no further document",
			text: slipTwo + decision215 + `
ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH PHÚ AN | Độc lập - Tự do - Hạnh phúc
QUY CHẾ
Quản lý nền tảng số dùng chung của tỉnh
(Ban hành kèm theo Quyết định số 215/QĐ-UBND ngày 12 tháng 8 năm 2025 của Ủy ban nhân dân tỉnh)
Chương I
Điều 1. Phạm vi điều chỉnh`,
		},
		{
			name: "the plan the first decision approves, its own header and number above a 'kèm theo' line naming the decision, is the decision's attachment: a section, not transmitted",
			text: strings.Replace(slipTwo, "Quyết định số 215/QĐ-UBND và Quyết định số 216/QĐ-UBND", "các văn bản kèm theo", 1) +
				decision215 + "\n" + plan57,
			sections: []string{"Kế hoạch số 57/KH-UBND Chuyển đổi số năm 2025 (Kèm theo Quyết định số 215/QĐ-UBND ngày 12 tháng 8 năm 2025 của Ủy ban nhân dân tỉnh)"},
		},
		{
			name: "the same plan, then the second decision the slip names: the plan the first's section, the second transmitted",
			text: slipTwo + decision215 + "\n" + plan57 + "\n" + decision216,
			want: []Identity{{Number: "216/QĐ-UBND", Type: "Quyết định", Issuer: "Ủy ban nhân dân tỉnh Phú An", Published: "2025-08-13", Title: "Về việc thành lập Tổ công tác chuyển đổi số tỉnh"}},
			sections: []string{"Kế hoạch số 57/KH-UBND Chuyển đổi số năm 2025 (Kèm theo Quyết định số 215/QĐ-UBND ngày 12 tháng 8 năm 2025 của Ủy ban nhân dân tỉnh)",
				"Quyết định số 216/QĐ-UBND Về việc thành lập Tổ công tác chuyển đổi số tỉnh"},
		},
		{
			name: "a form under 'Mẫu số 01' (no PHỤ LỤC heading) after the first decision, numbered in its header: the slip names it not",
			text: slipTwo + decision215 + "\n" + strings.Replace(annex215, "PHỤ LỤC\nMẫu báo cáo kết quả chuyển đổi số", "Mẫu số 01", 1),
		},
		{
			name: "a copy's block after the decision transmits nothing",
			text: slipTwo + decision215 + "\nSAO Y BẢN CHÍNH\nSố: 15/SY-VP\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nHoàng Minh Tuấn",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lines := strings.Split(tt.text, "\n")
			d := ParseDocument(lines)
			if d.Number != "215/QĐ-UBND" || d.Type != "Quyết định" || d.Published != "2025-08-12" || d.Issuer != "Ủy ban nhân dân tỉnh Phú An" {
				t.Errorf("first document = %q %q %q %q, want 215/QĐ-UBND's", d.Number, d.Type, d.Published, d.Issuer)
			}
			if got, want := d.Signer, "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Nguyễn Văn An"; got != want {
				t.Errorf("signer = %q, want %q", got, want)
			}
			if got, want := lines[d.BodyEnd-1], "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./."; got != want {
				t.Errorf("last body line = %q, want %q", got, want)
			}
			if !slices.Equal(d.Transmitted, tt.want) {
				t.Errorf("transmitted = %+v\nwant %+v", d.Transmitted, tt.want)
			}
			var titles []string
			for i, s := range d.Sections {
				titles = append(titles, s.Title)
				if s.Start >= s.End || i > 0 && s.Start < d.Sections[i-1].End {
					t.Errorf("section %q [%d, %d) empty or overlapping", s.Title, s.Start, s.End)
				}
			}
			if !slices.Equal(titles, tt.sections) {
				t.Errorf("sections = %q, want %q", titles, tt.sections)
			}
			// Every transmitted document's lines are in a section: its
			// number line and its last line.
			for _, id := range tt.want {
				for _, s := range d.Sections {
					text := strings.Join(lines[s.Start:s.End], "\n")
					if strings.Contains(text, "Số: "+id.Number) {
						goto found
					}
				}
				t.Errorf("no section holds %s's number line", id.Number)
			found:
			}
		})
	}
}

// TestCoverSlipBound: a slip over more documents than maxTransmitted
// names maxTransmitted-1 after the first, and the rest of the text stays
// in the last one's section: nothing is lost.
func TestCoverSlipBound(t *testing.T) {
	text := slipTwo + decision215
	for range 11 {
		text += "\n" + decision216
	}
	lines := strings.Split(text, "\n")
	d := ParseDocument(lines)
	if len(d.Transmitted) != maxTransmitted-1 {
		t.Errorf("%d documents named after the first, want %d", len(d.Transmitted), maxTransmitted-1)
	}
	if n := len(d.Sections); n == 0 || d.Sections[n-1].End != len(lines) {
		t.Errorf("sections %+v do not run to the text's end (%d lines)", d.Sections, len(lines))
	}
}

// TestNamesNumber: a number named whole, not as the tail of another.
func TestNamesNumber(t *testing.T) {
	for _, tt := range []struct {
		f, num string
		want   bool
	}{
		{"(kem theo quyet dinh so 215/qd-ubnd ngay 12/8/2025)", "215/qd-ubnd", true},
		{"(kem theo quyet dinh so 215/qd-ubnd ngay 12/8/2025)", "15/qd-ubnd", false},
		{"ban hanh kem theo nghi quyet 12/2025/nq-hdnd", "12/2025/nq-hdnd", true},
		{"chuyen cong van 1215/ubnd-kt va 215/ubnd-kt", "215/ubnd-kt", true},
		{"kem theo", "", false},
	} {
		if got := namesNumber(tt.f, tt.num); got != tt.want {
			t.Errorf("namesNumber(%q, %q) = %v, want %v", tt.f, tt.num, got, tt.want)
		}
	}
}
