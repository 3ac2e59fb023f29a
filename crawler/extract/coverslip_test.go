package extract

import (
	"strings"
	"testing"
)

// decision215 is a decision with its full ND 30 header, the document a
// cover slip transmits in coverSlipTests. Written for these tests.
const decision215 = `ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH PHÚ AN | Độc lập - Tự do - Hạnh phúc
Số: 215/QĐ-UBND | Phú An, ngày 12 tháng 8 năm 2025
QUYẾT ĐỊNH
Về việc phê duyệt Kế hoạch chuyển đổi số năm 2025
ỦY BAN NHÂN DÂN TỈNH PHÚ AN
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2025;
QUYẾT ĐỊNH:
Điều 1. Phê duyệt Kế hoạch chuyển đổi số năm 2025 của tỉnh.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.
Nơi nhận: | TM. ỦY BAN NHÂN DÂN
- Như Điều 2; | CHỦ TỊCH
- Lưu: VT. | Nguyễn Văn An`

// resolution12 is a numbered resolution following a cover that is a
// document of its own (a Tờ trình, a Báo cáo). Written for these tests.
const resolution12 = `HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH PHÚ AN | Độc lập - Tự do - Hạnh phúc
Số: 12/2025/NQ-HĐND | Phú An, ngày 10 tháng 7 năm 2025
NGHỊ QUYẾT
Quy định mức chi hỗ trợ chuyển đổi số
HỘI ĐỒNG NHÂN DÂN TỈNH PHÚ AN
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2025;
QUYẾT NGHỊ:
Điều 1. Quy định mức chi.
Điều 2. Nghị quyết này có hiệu lực kể từ ngày ký./.
Nơi nhận: | CHỦ TỊCH
- Như Điều 2; | Lê Văn Cường`

// coverSlipTests: a text opening with a short signed cover that has no
// number, no date line and no Quốc hiệu of its own (a phiếu chuyển, an
// unnumbered transmittal note) is only a slip: the document is the one
// it transmits, whose header follows. A cover with its own number, date
// line or Quốc hiệu is a document: its header is read, not the
// transmitted one's.
var coverSlipTests = []struct {
	name, text                string
	number, typ, issuer, date string
	signer, first, last       string
}{
	{
		name: "a phiếu chuyển signed by the office, then the decision it transmits",
		text: `ỦY BAN NHÂN DÂN TỈNH PHÚ AN
VĂN PHÒNG
PHIẾU CHUYỂN
Văn phòng Ủy ban nhân dân tỉnh chuyển Quyết định số 215/QĐ-UBND đến các cơ quan, đơn vị để thực hiện./.
TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG
Hoàng Minh Tuấn
` + decision215,
		number: "215/QĐ-UBND", typ: "Quyết định", issuer: "Ủy ban nhân dân tỉnh Phú An", date: "2025-08-12",
		signer: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Nguyễn Văn An",
		first:  "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2025;",
		last:   "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.",
	},
	{
		name: "an unnumbered 'V/v ban hành …' note whose signature is an image, then the decision",
		text: `VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH PHÚ AN
V/v ban hành Quyết định số 215/QĐ-UBND
Kính gửi: Các sở, ban, ngành tỉnh
Văn phòng gửi kèm Quyết định số 215/QĐ-UBND để các cơ quan, đơn vị biết, thực hiện.
Trân trọng./.
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
~ ƒ#
` + decision215,
		number: "215/QĐ-UBND", typ: "Quyết định", issuer: "Ủy ban nhân dân tỉnh Phú An", date: "2025-08-12",
		signer: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Nguyễn Văn An",
		first:  "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2025;",
		last:   "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.",
	},
	{
		name: "a numbered cover letter is the document: its own header, not the decision's",
		text: `ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH PHÚ AN | Độc lập - Tự do - Hạnh phúc
Số: 1234/UBND-VP | Phú An, ngày 14 tháng 8 năm 2025
V/v triển khai Quyết định số 215/QĐ-UBND
Kính gửi: Các sở, ban, ngành tỉnh
Ủy ban nhân dân tỉnh gửi kèm Quyết định số 215/QĐ-UBND, đề nghị các cơ quan triển khai thực hiện.
Trân trọng./.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
` + decision215,
		number: "1234/UBND-VP", typ: "Công văn", issuer: "Ủy ban nhân dân tỉnh Phú An", date: "2025-08-14",
		signer: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Văn Bình",
		first:  "Ủy ban nhân dân tỉnh gửi kèm Quyết định số 215/QĐ-UBND, đề nghị các cơ quan triển khai thực hiện.",
		last:   "Trân trọng./.",
	},
	{
		name: "a slip over a text with no number line of its own: nothing to take, the slip's reading stays",
		text: `PHIẾU CHUYỂN
Kính gửi: Các phòng chuyên môn
Văn phòng chuyển bản Quy định kèm theo để các đơn vị góp ý./.
CHÁNH VĂN PHÒNG
Hoàng Minh Tuấn
QUY ĐỊNH
Về quản lý chợ trên địa bàn tỉnh
Chương I
Điều 1. Phạm vi điều chỉnh`,
		typ:    "Phiếu chuyển",
		signer: "CHÁNH VĂN PHÒNG / Hoàng Minh Tuấn",
		first:  "Văn phòng chuyển bản Quy định kèm theo để các đơn vị góp ý./.",
		last:   "Văn phòng chuyển bản Quy định kèm theo để các đơn vị góp ý./.",
	},
	{
		// i24-review2: a cover with a type of its own other than a slip's
		// is a document, though its number and date line were lost.
		name: "an unnumbered, undated Tờ trình submitting a numbered draft is the Tờ trình",
		text: `ỦY BAN NHÂN DÂN TỈNH PHÚ AN
TỜ TRÌNH
Dự thảo Nghị quyết quy định mức chi hỗ trợ chuyển đổi số
Kính gửi: Hội đồng nhân dân tỉnh
Ủy ban nhân dân tỉnh kính trình Hội đồng nhân dân tỉnh xem xét, thông qua dự thảo Nghị quyết kèm theo.
Trân trọng./.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
` + resolution12,
		typ: "Tờ trình", issuer: "Ủy ban nhân dân tỉnh Phú An",
		signer: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Nguyễn Văn An",
		first:  "Ủy ban nhân dân tỉnh kính trình Hội đồng nhân dân tỉnh xem xét, thông qua dự thảo Nghị quyết kèm theo.",
		last:   "Trân trọng./.",
	},
	{
		name: "an unnumbered Báo cáo whose text goes on to the numbered resolution it reports on is the Báo cáo",
		text: `SỞ TÀI CHÍNH TỈNH PHÚ AN
BÁO CÁO
Kết quả thẩm định dự thảo Nghị quyết
Thực hiện đề nghị của Ủy ban nhân dân tỉnh, Sở Tài chính báo cáo kết quả thẩm định như sau:
Dự thảo Nghị quyết bảo đảm đúng thẩm quyền, phù hợp với quy định của pháp luật./.
GIÁM ĐỐC
Phạm Thị Hoa
` + resolution12,
		typ: "Báo cáo", issuer: "Sở Tài chính tỉnh Phú An",
		signer: "GIÁM ĐỐC / Phạm Thị Hoa",
		first:  "Thực hiện đề nghị của Ủy ban nhân dân tỉnh, Sở Tài chính báo cáo kết quả thẩm định như sau:",
		last:   "Dự thảo Nghị quyết bảo đảm đúng thẩm quyền, phù hợp với quy định của pháp luật./.",
	},
	{
		// i24-review2: a letter whose "Số:" line OCR lost, with a sample
		// report attached: the sample's header is the appendix's.
		name: "a letter without its number line, then its appendix holding a numbered form: the letter",
		text: `ỦY BAN NHÂN DÂN
TỈNH PHÚ AN
V/v báo cáo kết quả chuyển đổi số
Kính gửi: Các sở, ban, ngành tỉnh
Ủy ban nhân dân tỉnh đề nghị các cơ quan báo cáo theo mẫu tại Phụ lục kèm theo.
Trân trọng./.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
PHỤ LỤC
Mẫu báo cáo
TÊN CƠ QUAN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 | Độc lập - Tự do - Hạnh phúc
Số: 01/BC-SYT | Phú An, ngày 01 tháng 9 năm 2025
BÁO CÁO
Kết quả chuyển đổi số
1. Kết quả đạt được.`,
		// No issuer: with no "Số:" line under it the organisation is not
		// read as one (main 73765cb alike; not the slip's rule).
		typ: "Công văn", issuer: "",
		signer: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Văn Bình",
		first:  "Ủy ban nhân dân tỉnh đề nghị các cơ quan báo cáo theo mẫu tại Phụ lục kèm theo.",
		last:   "Trân trọng./.",
	},
}

func TestCoverSlip(t *testing.T) {
	for _, tt := range coverSlipTests {
		t.Run(tt.name, func(t *testing.T) {
			lines := strings.Split(tt.text, "\n")
			d := ParseDocument(lines)
			check := func(field, got, want string) {
				t.Helper()
				if got != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("number", d.Number, tt.number)
			check("type", d.Type, tt.typ)
			check("issuer", d.Issuer, tt.issuer)
			check("date", d.Published, tt.date)
			check("signer", d.Signer, tt.signer)
			if d.BodyEnd <= d.BodyStart {
				t.Fatalf("empty body [%d, %d)", d.BodyStart, d.BodyEnd)
			}
			check("first body line", lines[d.BodyStart], tt.first)
			check("last body line", lines[d.BodyEnd-1], tt.last)
		})
	}
}

// TestSlipHead: a cover opens as a document does.
func TestSlipHead(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"PHIẾU CHUYỂN\nChuyển văn bản./.", true},
		{"PHIẾU GỬI\nGửi văn bản./.", true},
		{"\nV/v ban hành Quyết định số 5/QĐ-UBND\nGửi văn bản./.", true},
		{"Kính gửi: Sở Tài chính\nGửi văn bản./.", true},
		{"VĂN PHÒNG UBND TỈNH PHÚ AN\nGửi văn bản./.", true},
		{"Giao Sở Y tế thực hiện./.", false}, // the middle of a body
		{"Sở Y tế gửi văn bản./.", false},
	} {
		lines := strings.Split(tt.text, "\n")
		p := docParser{lines: lines, num: -1, date: -1, typ: -1, end: len(lines)}
		if got := p.slipHead(); got != tt.want {
			t.Errorf("slipHead(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
