package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Headers written for these tests (a fictional province, Phú An, and
// national bodies), in the shapes docmeta.go reads: none is taken from
// the attachment set or govdocs, where the shapes were seen.
var lateMetaTests = []struct {
	name                        string
	text                        string
	number, issuer, date, place string
	last                        string // the body's last line
}{
	{
		name: "number and date on one line with no cell break, issuer before the Quốc hiệu",
		text: `BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 41/2026/TT-BNNMT Hà Nội, ngày 09 tháng 3 năm 2026
THÔNG TƯ
Hướng dẫn trồng bưởi trên đất dốc
Căn cứ Luật Trồng trọt;
Điều 1. Phạm vi điều chỉnh.
Điều 2. Thông tư này có hiệu lực từ ngày 01 tháng 5 năm 2026./.`,
		number: "41/2026/TT-BNNMT", issuer: "Bộ Nông nghiệp và Môi trường", date: "2026-03-09", place: "Hà Nội",
		last: "Điều 2. Thông tư này có hiệu lực từ ngày 01 tháng 5 năm 2026./.",
	},
	{
		name: "number with spaces typed in it, then the date on the same line",
		text: `ỦY BAN NHÂN DÂN
TỈNH PHÚ AN
Số: 77 /KH-UBND Phú An, ngày 2 tháng 12 năm 2025
KẾ HOẠCH
Thực hiện Chương trình chuyển đổi số
I. MỤC ĐÍCH
Nâng cao chất lượng dịch vụ công./.`,
		number: "77/KH-UBND", issuer: "Ủy ban nhân dân tỉnh Phú An", date: "2025-12-02", place: "Phú An",
		last: "Nâng cao chất lượng dịch vụ công./.",
	},
	{
		name: "date line split over two lines",
		text: `ỦY BAN NHÂN DÂN TỈNH PHÚ AN
Số: 12/BC-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Phú An, ngày 25 tháng 10
năm 2004
BÁO CÁO
Kết quả trồng rừng năm 2004
I. KẾT QUẢ
Trồng mới 300 ha rừng phòng hộ./.`,
		number: "12/BC-UBND", issuer: "Ủy ban nhân dân tỉnh Phú An", date: "2004-10-25", place: "Phú An",
		last: "Trồng mới 300 ha rừng phòng hộ./.",
	},
	{
		name: "date line split in the right-hand cell",
		text: `ỦY BAN NHÂN DÂN TỈNH PHÚ AN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 13/BC-UBND | Phú An, ngày 3 tháng 11
năm 2004
BÁO CÁO
Kết quả trồng rừng quý III
I. KẾT QUẢ
Trồng mới 120 ha rừng./.`,
		number: "13/BC-UBND", issuer: "Ủy ban nhân dân tỉnh Phú An", date: "2004-11-03", place: "Phú An",
		last: "Trồng mới 120 ha rừng./.",
	},
	{
		name: "no header date: the date line above the signature",
		text: `BÁO CÁO
Tình hình thực hiện kế hoạch năm 2004
Phần thứ nhất
Kết quả thực hiện nhiệm vụ năm 2004.
Tăng trưởng đạt 7,6%./.
Hà Nội, ngày 25 tháng 10 năm 2004
TM. CHÍNH PHỦ
THỦ TƯỚNG
Phan Văn Hòa`,
		date: "2004-10-25", place: "Hà Nội",
		last: "Tăng trưởng đạt 7,6%./.",
	},
	{
		name: "no header date: the date line in the signature's cells",
		text: `BÁO CÁO
Kết quả kiểm tra công tác văn thư
I. KẾT QUẢ
Qua kiểm tra, các cơ quan đã chấp hành tốt.
Nơi nhận: | Phú An, ngày 4 tháng 8 năm 2025
- Như trên; | TM. BAN CHỈ ĐẠO
- Lưu: VT. | Nguyễn Văn Tâm`,
		date: "2025-08-04", place: "Phú An",
		last: "Qua kiểm tra, các cơ quan đã chấp hành tốt.",
	},
	{
		name: "a month stamped over a typed one, confirmed by the appendix",
		text: `ỦY BAN NHÂN DÂN
TỈNH PHÚ AN
Số: 88 /QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Phú An, ngày 15 tháng 5 4 năm 2026
QUYẾT ĐỊNH
Về việc ủy quyền cho Giám đốc Sở Xây dựng
Căn cứ Luật Tổ chức chính quyền địa phương;
Điều 1. Ủy quyền cho Giám đốc Sở Xây dựng (chi tiết tại Phụ lục kèm theo).
Điều 2. Quyết định này có hiệu lực từ ngày ký./.
Nơi nhận:
- Như Điều 2;
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Phúc
PHỤ LỤC
DANH MỤC NHIỆM VỤ ỦY QUYỀN
(Kèm theo Quyết định số 88 /QĐ-UBND ngày 15 / 5 /2026 của UBND tỉnh Phú An)
1 | Cấp giấy phép xây dựng`,
		number: "88/QĐ-UBND", issuer: "Ủy ban nhân dân tỉnh Phú An", date: "2026-05-15",
		last: "Điều 2. Quyết định này có hiệu lực từ ngày ký./.",
	},
	{
		name: "an appendix date that is no reading of the stamped-over slot is not taken",
		text: `ỦY BAN NHÂN DÂN
TỈNH PHÚ AN
Số: 89/QĐ-UBND
Phú An, ngày 15 tháng 5 4 năm 2026
QUYẾT ĐỊNH
Về việc giao chỉ tiêu
Căn cứ Luật Tổ chức chính quyền địa phương;
Điều 1. Giao chỉ tiêu tại Phụ lục kèm theo./.
PHỤ LỤC
(Kèm theo Quyết định số 89/QĐ-UBND ngày 16 tháng 6 năm 2026 của UBND tỉnh Phú An)`,
		number: "89/QĐ-UBND", issuer: "Ủy ban nhân dân tỉnh Phú An",
		last: "Điều 1. Giao chỉ tiêu tại Phụ lục kèm theo./.",
	},
	{
		name: "an appendix of another number gives no date",
		text: `ỦY BAN NHÂN DÂN
TỈNH PHÚ AN
Số: 90/QĐ-UBND
Phú An, ngày    tháng 6 năm 2026
QUYẾT ĐỊNH
Về việc sửa đổi Quyết định số 12/QĐ-UBND
Căn cứ Luật Tổ chức chính quyền địa phương;
Điều 1. Sửa đổi Phụ lục ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 02/01/2026./.`,
		number: "90/QĐ-UBND", issuer: "Ủy ban nhân dân tỉnh Phú An", place: "Phú An", // the day left blank
		last: "Điều 1. Sửa đổi Phụ lục ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 02/01/2026./.",
	},
	{
		name: "appendices giving two dates for the own number give none",
		text: `ỦY BAN NHÂN DÂN
TỈNH PHÚ AN
Số: 91/QĐ-UBND
QUYẾT ĐỊNH
Về việc phê duyệt danh mục
Căn cứ Luật Tổ chức chính quyền địa phương;
Điều 1. Phê duyệt danh mục./.
PHỤ LỤC I
(Kèm theo Quyết định số 91/QĐ-UBND ngày 02/3/2026)
PHỤ LỤC II
(Kèm theo Quyết định số 91/QĐ-UBND ngày 03/3/2026)`,
		number: "91/QĐ-UBND", issuer: "Ủy ban nhân dân tỉnh Phú An",
		last: "Điều 1. Phê duyệt danh mục./.",
	},
	{
		name: "a report to the Quốc hội: the drafting ministry in brackets under the issuer",
		text: `CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
(Bộ Tài chính) | Độc lập - Tự do - Hạnh phúc
Số: 301/BC-CP | Hà Nội, ngày 18 tháng 10 năm 2025
BÁO CÁO
Tình hình thực hiện ngân sách nhà nước năm 2025
Phần thứ nhất
Thu ngân sách vượt dự toán./.`,
		number: "301/BC-CP", issuer: "Chính phủ (Bộ Tài chính)", date: "2025-10-18", place: "Hà Nội",
		last: "Thu ngân sách vượt dự toán./.",
	},
	{
		name: "a header date left blank for handwriting: the date above the signature is not taken",
		text: `ỦY BAN NHÂN DÂN TỈNH PHÚ AN
Số: 92/KH-UBND
Phú An, ngày    tháng 6 năm 2026
KẾ HOẠCH
Kiểm tra công tác văn thư
I. MỤC ĐÍCH
Nâng cao chất lượng văn thư./.
Phú An, ngày 12 tháng 6 năm 2026
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Phúc`,
		number: "92/KH-UBND", issuer: "Ủy ban nhân dân tỉnh Phú An", place: "Phú An",
		last: "Nâng cao chất lượng văn thư./.",
	},
	{
		name: "a form's date in an appendix after the signature is not the document's",
		text: `NGHỊ ĐỊNH
Quy định mẫu đơn đề nghị
Căn cứ Luật Tổ chức Chính phủ;
Điều 1. Ban hành kèm theo Nghị định này mẫu đơn đề nghị./.
Nơi nhận:
- Lưu: VT.
PHỤ LỤC
Mẫu số 01
Phú An, ngày 01 tháng 01 năm 2026`,
		last: "Điều 1. Ban hành kèm theo Nghị định này mẫu đơn đề nghị./.",
	},
	{
		name: "a copy's block after the signer's name: its date is the copy's, not the document's",
		text: `BÁO CÁO
Kết quả kiểm tra công tác lưu trữ
I. KẾT QUẢ
Các cơ quan đã chấp hành tốt quy định về lưu trữ./.
Nơi nhận:
- Như trên;
TM. BAN CHỈ ĐẠO
Nguyễn Văn Tâm
SAO Y BẢN CHÍNH
Số: 15/SY-VP
Phú An, ngày 20 tháng 8 năm 2025`,
		last: "Các cơ quan đã chấp hành tốt quy định về lưu trữ./.",
	},
	{
		name: "another document's header and date line embedded after the signature",
		text: `ỦY BAN NHÂN DÂN TỈNH PHÚ AN
Số: 40/TB-UBND
THÔNG BÁO
Ý kiến kết luận của Chủ tịch tại cuộc họp
Chủ tịch kết luận như sau:
Các sở khẩn trương hoàn thiện hồ sơ./.
Nơi nhận: | TL. CHỦ TỊCH
- Các sở; | CHÁNH VĂN PHÒNG
- Lưu: VT.
ỦY BAN NHÂN DÂN TỈNH PHÚ AN
Số: 16/GM-UBND
Phú An, ngày 3 tháng 9 năm 2025`,
		number: "40/TB-UBND", issuer: "Ủy ban nhân dân tỉnh Phú An",
		last: "Các sở khẩn trương hoàn thiện hồ sơ./.",
	},
	{
		name: "the date line in a cell beside the body's last sentence: the sentence stays",
		text: `BÁO CÁO
Tình hình thực hiện kế hoạch quý III
Phần thứ nhất
Kết quả thực hiện nhiệm vụ quý III.
Tăng trưởng đạt 6,9%./. | Hà Nội, ngày 2 tháng 10 năm 2004
TM. CHÍNH PHỦ
THỦ TƯỚNG
Phan Văn Hòa`,
		date: "2004-10-02", place: "Hà Nội",
		last: "Tăng trưởng đạt 6,9%./. | Hà Nội, ngày 2 tháng 10 năm 2004",
	},
	{
		name: "a sentence ending the body with a date is no date line",
		text: `BÁO CÁO
Kết quả hội nghị tổng kết
Phần thứ nhất
Hội nghị đã thành công tốt đẹp.
Tổ chức tổng kết, ngày 5 tháng 3 năm 2026
TM. BAN TỔ CHỨC
TRƯỞNG BAN
Lê Văn Phúc`,
		last: "Tổ chức tổng kết, ngày 5 tháng 3 năm 2026",
	},
	{
		name: "an effective date ending the body is no date line",
		text: `NGHỊ ĐỊNH
Quy định về phí kiểm định
Căn cứ Luật Phí và lệ phí;
Điều 1. Phạm vi điều chỉnh.
Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2026.`,
		last: "Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2026.",
	},
}

func TestLateMeta(t *testing.T) {
	for _, tt := range lateMetaTests {
		lines := strings.Split(tt.text, "\n")
		d := ParseDocument(lines)
		check := func(field, got, want string) {
			if got != want {
				t.Errorf("%s: %s = %q, want %q", tt.name, field, got, want)
			}
		}
		check("number", d.Number, tt.number)
		check("issuer", d.Issuer, tt.issuer)
		check("date", d.Published, tt.date)
		check("place", d.Place, tt.place)
		if d.BodyEnd <= d.BodyStart {
			t.Errorf("%s: empty body [%d, %d)", tt.name, d.BodyStart, d.BodyEnd)
			continue
		}
		check("last body line", lines[d.BodyEnd-1], tt.last)
	}
}

func TestLateMetaLines(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Số: 5/QĐ-UBND Phú An, ngày 1 tháng 2 năm 2026", "Phú An, ngày 1 tháng 2 năm 2026"},
		{"Số: 5/QĐ-UBND Thành phố Phú An, 01/02/2026", "Thành phố Phú An, 01/02/2026"},
		{"Số: 5/QĐ-UBND", ""},
		{"Số: 5/QĐ-UBND Phú An, ngày    tháng 2 năm 2026", ""}, // day left blank: not read
		{"Căn cứ Quyết định số 5/QĐ-UBND ngày 1 tháng 2 năm 2026", ""},
		{"Số: 5/QĐ-UBND x&nbsp;Phú An, ngày 1 tháng 2 năm 2026", ""}, // no place cut to its last word
	} {
		if got := numberDateTail(tt.in); got != tt.want {
			t.Errorf("numberDateTail(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct{ c, next, want string }{
		{"Phú An, ngày 25 tháng 10", "năm 2004", "Phú An, ngày 25 tháng 10 năm 2004"},
		{"Phú An, ngày 25", "tháng 10 năm 2004", "Phú An, ngày 25 tháng 10 năm 2004"},
		{"Phú An,", "ngày 25 tháng 10 năm 2004", "Phú An, ngày 25 tháng 10 năm 2004"},
		{"Phú An,", "Phú An, ngày 25 tháng 10 năm 2004", ""}, // the next line is a date line of its own
		{"TỈNH PHÚ AN", "Phú An, ngày 25 tháng 10 năm 2004", ""},
		{"Phú An, ngày 25 tháng 10 năm 2004", "QUYẾT ĐỊNH", ""},
		{"Sở Tài chính, Sở Xây dựng", "năm 2004", ""},
		{"Về việc nghỉ lễ Quốc khánh, ngày 02 tháng 9", "năm 2025", ""}, // a trích yếu, no place
		{"Thành phố Phú An, ngày 2 tháng 9", "năm 2025", "Thành phố Phú An, ngày 2 tháng 9 năm 2025"},
	} {
		if got := splitDateLine(tt.c, tt.next); got != tt.want {
			t.Errorf("splitDateLine(%q, %q) = %q, want %q", tt.c, tt.next, got, tt.want)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CHÍNH PHỦ"},
		{"BỘ XÂY DỰNG — CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BỘ XÂY DỰNG"},
		{"TỈNH PHÚ AN Độc lập - Tự do - Hạnh phúc", "TỈNH PHÚ AN"},
		{"——— Độc lập - Tự do - Hạnh phúc", ""},
		{"NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ""},
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ""},
		{"Số: 5/BC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ""},
	} {
		if got := orgBeforeMotto(tt.in); got != tt.want {
			t.Errorf("orgBeforeMotto(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"(Bộ Kế hoạch và Đầu tư)", "Bộ Kế hoạch và Đầu tư"},
		{"(BỘ TÀI CHÍNH)", "Bộ Tài chính"},
		{"(Dự thảo)", ""},
		{"(Trình Quốc hội khóa XV)", ""},
		{"(Bộ Tài chính) và", ""},
	} {
		if got := bracketOrg(tt.in); got != tt.want {
			t.Errorf("bracketOrg(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct{ s, num, want string }{
		{"88 /QĐ-UBND ngày 15 / 5 /2026 của UBND", "88/QĐ-UBND", "ngày 15/5/2026 của UBND"},
		{"88/QĐ-UBND, ngày 15/5/2026", "88/QĐ-UBND", "ngày 15/5/2026"},
		{"89/QĐ-UBND ngày 15/5/2026", "88/QĐ-UBND", ""},
		{"88", "88/QĐ-UBND", ""},
	} {
		if got := afterNumber(tt.s, tt.num); got != tt.want {
			t.Errorf("afterNumber(%q, %q) = %q, want %q", tt.s, tt.num, got, tt.want)
		}
	}
}

// FuzzLateMeta checks the late readers on any text: a date read is a
// date, its place is text of the lines, and the pieces the readers cut
// are parts of their input.
//
//	go test -run '^$' -fuzz FuzzLateMeta -fuzztime 60s ./crawler/extract
func FuzzLateMeta(f *testing.F) {
	for _, tt := range lateMetaTests {
		f.Add(tt.text)
	}
	f.Add("Số: 1/QĐ Phú An, ngày 1 tháng 1\nnăm\n(Kèm theo Quyết định số 1/QĐ ngày")
	f.Add("Số: 1/QĐ\nA, ngày 1 tháng 1 1 năm 2000 2\n(kèm theo số 1/QĐ ngày 1/1/2000")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		lines := strings.Split(s, "\n")
		d := ParseDocument(lines)
		if d.Published != "" && ParseDate(d.Published, DayFirst) != d.Published {
			t.Fatalf("date %q", d.Published)
		}
		if d.Place != "" && !strings.Contains(s, d.Place) {
			t.Fatalf("place %q not in the text", d.Place)
		}
		for i, l := range lines {
			if tail := numberDateTail(l); tail != "" && !strings.HasSuffix(strings.Join(strings.Fields(l), " "), tail) {
				t.Fatalf("numberDateTail(%q) = %q", l, tail)
			}
			if org := orgBeforeMotto(l); org != "" && !strings.Contains(l, org) {
				t.Fatalf("orgBeforeMotto(%q) = %q", l, org)
			}
			if i+1 < len(lines) {
				if j := splitDateLine(l, lines[i+1]); j != "" && placeDate(j) == "" {
					t.Fatalf("splitDateLine(%q, %q) = %q", l, lines[i+1], j)
				}
			}
			if num := normNumber(l); num != "" {
				_ = afterNumber(l, num)
			}
		}
	})
}
