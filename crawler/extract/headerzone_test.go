package extract

import (
	"strings"
	"testing"
)

// headerZoneTests are documents with no "Nơi nhận" whose first
// document ends at its signature, followed by another document's header
// lines: a copy's "SAO Y" block, an attached form, a quoted letter. The
// header is the first document's; nothing below its signature is read
// as its number, date, type or issuer, and its body is kept. Written
// for these tests (their shapes are those of ND 30 Phụ lục I).
var headerZoneTests = []struct {
	name, text                string
	number, typ, issuer, date string
	signer, first, last       string
}{
	{
		name: "a decision's body without its header lines, signed, then a SAO Y block with its number",
		text: `Thành lập Tổ công tác rà soát hồ sơ đất đai của huyện.
Tổ công tác tự giải thể khi hoàn thành nhiệm vụ./.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn Hùng
SAO Y BẢN CHÍNH
Số: 15/SY-VP
Phú An, ngày 20 tháng 8 năm 2025`,
		signer: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Lê Văn Hùng",
		first:  "Thành lập Tổ công tác rà soát hồ sơ đất đai của huyện.",
		last:   "Tổ công tác tự giải thể khi hoàn thành nhiệm vụ./.",
	},
	{
		name: "a decision's text from its preamble on, signed, then its attached licence form with the licence's number",
		text: `Căn cứ Luật Thương mại năm 2005;
Theo đề nghị của Trưởng phòng Quản lý thương mại,
QUYẾT ĐỊNH:
Điều 1. Cấp Giấy phép kinh doanh cho Công ty TNHH Minh Phát theo mẫu kèm theo.
Điều 2. Giấy phép có giá trị 12 tháng kể từ ngày ký./.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Phạm Thị Lan
SỞ CÔNG THƯƠNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 45/GP-SCT | Phú An, ngày 9 tháng 6 năm 2025
GIẤY PHÉP
Kinh doanh`,
		signer: "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Phạm Thị Lan",
		first:  "Căn cứ Luật Thương mại năm 2005;",
		last:   "Điều 2. Giấy phép có giá trị 12 tháng kể từ ngày ký./.",
	},
	{
		name: "a decision's text from its preamble on, then its attached regulation naming it: the number, date and issuer it names are the decision's",
		text: `Căn cứ Luật Tổ chức chính quyền địa phương;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy định về quản lý chợ.
Điều 2. Quyết định có hiệu lực kể từ ngày ký./.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
QUY ĐỊNH
Về quản lý chợ trên địa bàn tỉnh
(Ban hành kèm theo Quyết định số 120/QĐ-UBND ngày 05/3/2025 của Ủy ban nhân dân tỉnh Phú An)
Chương I
Điều 1. Phạm vi điều chỉnh`,
		number: "120/QĐ-UBND", typ: "Quyết định", issuer: "Ủy ban nhân dân tỉnh Phú An", date: "2025-03-05",
		signer: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Nguyễn Văn An",
		first:  "Căn cứ Luật Tổ chức chính quyền địa phương;",
		last:   "Điều 2. Quyết định có hiệu lực kể từ ngày ký./.",
	},
	{
		name: "a decision's text without its type line, then a form attached under the circular that prescribes it: not the decision's",
		text: `Căn cứ Thông tư số 10/2024/TT-BNV ngày 1/7/2024 của Bộ Nội vụ;
Theo đề nghị của Chánh Văn phòng,
QUYẾT ĐỊNH:
Điều 1. Phê duyệt mẫu báo cáo thống kê kèm theo.
Điều 2. Quyết định có hiệu lực kể từ ngày ký./.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
Mẫu số 02
(Ban hành kèm theo Thông tư số 10/2024/TT-BNV ngày 1/7/2024 của Bộ Nội vụ)
BÁO CÁO THỐNG KÊ`,
		signer: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Nguyễn Văn An",
		first:  "Căn cứ Thông tư số 10/2024/TT-BNV ngày 1/7/2024 của Bộ Nội vụ;",
		last:   "Điều 2. Quyết định có hiệu lực kể từ ngày ký./.",
	},
	{
		name: "a decision's text, then an attached form under another type's number: not the decision's",
		text: `QUYẾT ĐỊNH
Về việc phê duyệt mẫu báo cáo
Căn cứ Luật Tổ chức chính quyền địa phương;
Điều 1. Phê duyệt mẫu báo cáo kèm theo.
Điều 2. Quyết định có hiệu lực kể từ ngày ký./.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
Mẫu số 02
(Ban hành kèm theo Thông tư số 10/2024/TT-BNV ngày 1/7/2024 của Bộ Nội vụ)`,
		typ:    "Quyết định",
		signer: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Nguyễn Văn An",
		first:  "Căn cứ Luật Tổ chức chính quyền địa phương;",
		last:   "Điều 2. Quyết định có hiệu lực kể từ ngày ký./.",
	},
	{
		name: "a letter without number and date lines, signed, then the letter it answers quoted below",
		text: `ỦY BAN NHÂN DÂN HUYỆN PHÚ AN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
V/v đôn đốc báo cáo kết quả rà soát
Kính gửi: Các phòng, ban chuyên môn
Ủy ban nhân dân huyện đề nghị các phòng báo cáo trước ngày 15/9/2025.
Trân trọng./.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
SỞ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 88/SNV-CCHC | Phú An, ngày 2 tháng 9 năm 2025
V/v báo cáo kết quả rà soát
Kính gửi: Ủy ban nhân dân các huyện`,
		typ: "Công văn", issuer: "Ủy ban nhân dân huyện Phú An",
		signer: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Văn Bình",
		first:  "Ủy ban nhân dân huyện đề nghị các phòng báo cáo trước ngày 15/9/2025.",
		last:   "Trân trọng./.",
	},
	{
		name: "a signature whose name was not read, then a SAO Y block: the copy's marks end the document",
		text: `Giao Phòng Tài chính - Kế hoạch hướng dẫn các xã thực hiện.
Các xã báo cáo kết quả trước ngày 30/11/2025./.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
SAO Y BẢN CHÍNH
Số: 21/SY-UBND
Phú An, ngày 3 tháng 10 năm 2025`,
		signer: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH",
		first:  "Giao Phòng Tài chính - Kế hoạch hướng dẫn các xã thực hiện.",
		last:   "Các xã báo cáo kết quả trước ngày 30/11/2025./.",
	},
	{
		name: "a signature whose name is an image (OCR debris), then an attached licence's header column by column",
		text: `Căn cứ Luật Thương mại năm 2005;
QUYẾT ĐỊNH:
Điều 1. Cấp Giấy phép kinh doanh cho Công ty TNHH Minh Phát theo mẫu kèm theo.
Điều 2. Giấy phép có giá trị 12 tháng kể từ ngày ký./.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
ƒ~ $ỹ#
SỞ CÔNG THƯƠNG
TỈNH PHÚ AN
Số: 45/GP-SCT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Phú An, ngày 9 tháng 6 năm 2025
GIẤY PHÉP
Kinh doanh`,
		signer: "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
		first:  "Căn cứ Luật Thương mại năm 2005;",
		last:   "Điều 2. Giấy phép có giá trị 12 tháng kể từ ngày ký./.",
	},
	{
		name: "a signer's titles, nothing readable under them, then the next document's Quốc hiệu",
		text: `Giao Phòng Tài chính - Kế hoạch hướng dẫn các xã thực hiện.
Các xã báo cáo kết quả trước ngày 30/11/2025./.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/TB-UBND | Phú An, ngày 3 tháng 10 năm 2025
THÔNG BÁO
Kết luận của Chủ tịch Ủy ban nhân dân huyện`,
		signer: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
		first:  "Giao Phòng Tài chính - Kế hoạch hướng dẫn các xã thực hiện.",
		last:   "Các xã báo cáo kết quả trước ngày 30/11/2025./.",
	},
	{
		name: "a signature marked '(Đã ký)' without a name, then an attached regulation naming the decision",
		text: `Căn cứ Luật Tổ chức chính quyền địa phương;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy định về quản lý chợ.
Điều 2. Quyết định có hiệu lực kể từ ngày ký./.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
(Đã ký)
QUY ĐỊNH
Về quản lý chợ trên địa bàn tỉnh
(Ban hành kèm theo Quyết định số 120/QĐ-UBND ngày 05/3/2025 của Ủy ban nhân dân tỉnh Phú An)
Chương I
Điều 1. Phạm vi điều chỉnh`,
		number: "120/QĐ-UBND", typ: "Quyết định", issuer: "Ủy ban nhân dân tỉnh Phú An", date: "2025-03-05",
		signer: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH",
		first:  "Căn cứ Luật Tổ chức chính quyền địa phương;",
		last:   "Điều 2. Quyết định có hiệu lực kể từ ngày ký./.",
	},
	{
		name: "the document's own header above the signature is read as before",
		text: `ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN PHÚ AN | Độc lập - Tự do - Hạnh phúc
Số: 310/UBND-VP | Phú An, ngày 4 tháng 9 năm 2025
V/v đôn đốc báo cáo kết quả rà soát
Kính gửi: Các phòng, ban chuyên môn
Ủy ban nhân dân huyện đề nghị các phòng báo cáo trước ngày 15/9/2025.
Trân trọng./.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
SAO Y BẢN CHÍNH
Số: 22/SY-VP
Phú An, ngày 5 tháng 9 năm 2025`,
		number: "310/UBND-VP", typ: "Công văn", issuer: "Ủy ban nhân dân huyện Phú An", date: "2025-09-04",
		signer: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Văn Bình",
		first:  "Ủy ban nhân dân huyện đề nghị các phòng báo cáo trước ngày 15/9/2025.",
		last:   "Trân trọng./.",
	},
}

func TestHeaderZoneEnd(t *testing.T) {
	for _, tt := range headerZoneTests {
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

// TestFirstEnd: where the first document ends, and where nothing ends it.
func TestFirstEnd(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       int // -1: the whole text (limit)
	}{
		{"the line after the signer's name", "Điều 1. Giao Sở Y tế thực hiện./.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nĐỗ Minh Quân\nSỞ Y TẾ\nSố: 12/QĐ-SYT", 4},
		{"a signature in the right-hand cell of a table row", "Điều 1. Giao Sở Y tế thực hiện./.\n | KT. GIÁM ĐỐC\n | PHÓ GIÁM ĐỐC\n | Đỗ Minh Quân\nSỞ Y TẾ\nSố: 12/QĐ-SYT", 4},
		{"a copy's mark when no name was read", "Các xã báo cáo trước ngày 30/11./.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTRÍCH SAO\nSố: 3/TrS-UBND", 3},
		{"a letter's closing without './.' is its body", "Kính gửi: Sở Tài chính\nĐề nghị Sở có ý kiến trước ngày 10/10.\nTrân trọng.\nGIÁM ĐỐC\nVõ Thanh Hà\nSố: 7/STC-NS", 5},
		{"a title and a name before any body line: a portal's staff box, not a signature", "GIÁM ĐỐC\nTrần Văn Bình\nSỞ Y TẾ\nSố: 12/QĐ-SYT\nQUYẾT ĐỊNH", -1},
		{"a copy's mark heading the text: the copy itself", "SAO Y BẢN CHÍNH\nSố: 15/SY-VP\nQUYẾT ĐỊNH\nĐiều 1. Giao Sở Y tế thực hiện./.", -1},
		{"a signer's titles without a name, then the next header's issuer over its number", "Điều 1. Giao Sở Y tế thực hiện./.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nSỞ Y TẾ\nSố: 12/QĐ-SYT", 3},
		{"a signer's titles, OCR debris of the signature, then a Quốc hiệu", "Điều 1. Giao Sở Y tế thực hiện./.\n | TM. ỦY BAN NHÂN DÂN\n | CHỦ TỊCH\n | ~ ƒ#\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/QĐ-SYT", 5},
		{"a signer's titles, '(Đã ký)', then 'Nơi nhận'", "Điều 1. Giao Sở Y tế thực hiện./.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(Đã ký)\nNơi nhận:\n- Như Điều 1;", 4},
		{"a signer's titles, then a sentence: no end there", "Điều 1. Giao Sở Y tế thực hiện./.\nGIÁM ĐỐC\nSở Y tế có trách nhiệm hướng dẫn các đơn vị thực hiện.\nSỞ Y TẾ\nSố: 12/QĐ-SYT", -1},
		{"a signer's titles, four lines of debris: no end there", "Điều 1. Giao Sở Y tế thực hiện./.\nGIÁM ĐỐC\n~\n#\nƒ\n%\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/QĐ-SYT", -1},
		{"a member list's title cell beside a name is no signature", "Căn cứ Luật Thi đua, khen thưởng;\nĐiều 1. Thành lập Hội đồng Thi đua - Khen thưởng tỉnh gồm:\nCHỦ TỊCH | Nguyễn Văn An\nPHÓ CHỦ TỊCH | Trần Thị Bình\nĐiều 2. Chánh Văn phòng thi hành./.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\nSỞ Y TẾ\nSố: 12/QĐ-SYT", 8},
		{"a name beside a title under the signer's first title is a signature", "Điều 1. Giao Sở Y tế thực hiện./.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH | Nguyễn Văn An\nSỞ Y TẾ\nSố: 12/QĐ-SYT", 3},
		{"a name in the body's sentence is no signature", "Điều 1. Khen thưởng ông Nguyễn Văn Minh./.\nĐiều 2. Chánh Văn phòng thi hành./.", -1},
	} {
		lines := strings.Split(tt.text, "\n")
		p := docParser{lines: lines, num: -1, date: -1, typ: -1}
		want := tt.want
		if want < 0 {
			want = len(lines)
		}
		if got := p.firstEnd(len(lines)); got != want {
			t.Errorf("%s: firstEnd = %d, want %d", tt.name, got, want)
		}
	}
}

func TestCopyMark(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"SAO Y BẢN CHÍNH", true},
		{"SAO Y", true},
		{"SAO LỤC", true},
		{"TRÍCH SAO", true},
		{"Sao y bản chính", true},
		{"SAO Y BẢN CHÍNH | TL. CHỦ TỊCH", true},
		{"Sao y bản chính văn bản này gửi các xã để thực hiện.", false}, // a sentence
		{"BẢN SAO KÊ TÀI KHOẢN", false},
		{"SAO CHÉP TÀI LIỆU", false},
		{"Điều 3. Trích sao quyết định gửi các đơn vị", false},
	} {
		if got := copyMark(tt.line); got != tt.want {
			t.Errorf("copyMark(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestNamesItself: a first document names itself by its type and "này".
func TestNamesItself(t *testing.T) {
	for _, tt := range []struct {
		text, typ string
		want      bool
	}{
		{"Điều 3. Các cơ quan chịu trách nhiệm thi hành Quyết định này./.", "Quyết định", true},
		{"Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2026.", "Nghị quyết", true},
		{"Căn cứ Thông tư số 10/2024/TT-BNV của Bộ Nội vụ;\nĐiều 1. Phê duyệt mẫu kèm theo.", "Thông tư", false},
		{"Quyết định có hiệu lực kể từ ngày ký.", "Quyết định", false},
	} {
		p := &docParser{lines: strings.Split(tt.text, "\n")}
		p.end = len(p.lines)
		if got := p.namesItself(tt.typ); got != tt.want {
			t.Errorf("namesItself(%q) in %q = %v, want %v", tt.typ, tt.text, got, tt.want)
		}
	}
}

// TestNameDebris: what may stand where a signer's name should be.
func TestNameDebris(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"", true},
		{"____", true},
		{"(Đã ký)", true},
		{"(Ký tên, đóng dấu)", true},
		{"ƒ~ $ỹ#", true},
		{" | ~ ƒ#", true},
		{"Mm", true},
		{"Tùng", true}, // one word: no name by personName's shape, debris here
		{"Nguyễn Văn An", false},
		{" | Trần Thị Bích Ngọc", false},
		{"Sở Y tế có trách nhiệm hướng dẫn thực hiện.", false},
		{"- Như Điều 3;", false},
	} {
		if got := nameDebris(tt.line); got != tt.want {
			t.Errorf("nameDebris(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestNextDocument: a line opening what follows a document's signature.
func TestNextDocument(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool // of the first line
	}{
		{"Nơi nhận:", true},
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true},
		{"BỘ TÀI CHÍNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true},
		{"Số: 12/QĐ-SYT", true},
		{"SAO Y BẢN CHÍNH", true},
		{"PHỤ LỤC I", true},
		{"QUY CHẾ\nLàm việc của Ủy ban", true},
		{"SỞ Y TẾ\nSố: 12/QĐ-SYT", true},
		{"ỦY BAN NHÂN DÂN\nXÃ PHÚ HÒA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true},
		{"SỞ Y TẾ\nĐiều 2. Giao Sở Y tế thực hiện.", false}, // an organisation named in capitals in the body
		{"Nguyễn Văn An", false},
		{"Sở Y tế có trách nhiệm hướng dẫn thực hiện.", false},
		{"QUYẾT ĐỊNH:", false}, // opens the articles
	} {
		lines := strings.Split(tt.text, "\n")
		p := docParser{lines: lines, num: -1, date: -1, typ: -1}
		if got := p.nextDocument(0, len(lines)); got != tt.want {
			t.Errorf("nextDocument(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestSignerBesideRecipients: a signature written beside the "Nơi nhận"
// list (two columns read row by row, the title in lower case as a
// .VnTimeH header decodes) keeps the name that comes after the list's
// first lines. Written for the test.
func TestSignerBesideRecipients(t *testing.T) {
	text := `Căn cứ Luật Tổ chức chính quyền địa phương;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Chương trình cải cách hành chính.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.
tm . ubnd tỉnh Phú An
Nơi nhận: | chủ tịch
- Bộ Nội vụ
- Sở Tư pháp | (Đã ký)
- Lưu VT | Lê Văn Hùng
ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH PHÚ AN | Độc lập - Tự do - Hạnh phúc
CHƯƠNG TRÌNH
Cải cách hành chính`
	d := ParseDocument(strings.Split(text, "\n"))
	if want := "tm . ubnd tỉnh Phú An / Lê Văn Hùng"; d.Signer != want {
		t.Errorf("signer = %q, want %q", d.Signer, want)
	}
}
