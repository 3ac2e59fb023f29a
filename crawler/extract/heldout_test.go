package extract

import (
	"strings"
	"testing"
)

// Header shapes found wrong on documents no test looked at (govdocs, the
// attachments' old decrees and decisions; docs/log/i29-held.md). Each
// class has rows from at least two sources: a short real line where the
// shape was seen, and texts written for the test in a fictional province
// (Phú An) shaped like other portals and files.
var heldOutTests = []struct {
	name, source                            string
	text                                    string
	number, typ, issuer, date, place, title string
}{
	// Class A: the name of a chapter under "Chương I" is no type line.
	// A text posted without its header (a portal's body, an OCR'd page
	// whose header was lost) opened with "QUY ĐỊNH CHUNG" read as the
	// type "Quy định" and the trích yếu "CHUNG".
	{
		name: "chapter name under Chương I, no header", source: "govdocs (237/2026/NĐ-CP)",
		text: `Chính phủ ban hành Nghị định quy định chi tiết thi hành một số điều của
Luật Báo chí.
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng`,
	},
	{
		// A guard: "NHỮNG …" is no type line with or without divisionName
		// (this row passed on main too; the next one is the shape that failed).
		name: "chapter name with NHỮNG, a regulation posted without its decision", source: "attachments (05/2006/QĐ-UBND's regulation)",
		text: `Chương I
NHỮNG QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc quản lý chợ trên địa bàn tỉnh Phú An.`,
	},
	{
		name: "chapter name under a summary's last line, no header", source: "govdocs (38/2026/TT-BGDĐT, written shorter; review)",
		text: `Ban hành chuẩn cơ sở giáo dục nghề nghiệp.
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định chuẩn cơ sở giáo dục nghề nghiệp.`,
	},
	{
		name: "part name under Phần thứ nhất, a plan's body", source: "written (a provincial portal's plan page)",
		text: `Phần thứ nhất
KẾ HOẠCH NĂM 2026 VÀ CÁC NHIỆM VỤ TRỌNG TÂM
I. MỤC TIÊU
Hoàn thành 100% chỉ tiêu trồng rừng.`,
	},
	{
		name: "a header's type line is still read above Chương I", source: "written",
		text: `ỦY BAN NHÂN DÂN TỈNH PHÚ AN
Số: 15/2026/QĐ-UBND
QUYẾT ĐỊNH
Ban hành Quy chế quản lý chợ
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh`,
		number: "15/2026/QĐ-UBND", typ: "Quyết định", issuer: "Ủy ban nhân dân tỉnh Phú An", title: "Ban hành Quy chế quản lý chợ",
	},

	// Class D: "của <issuer>" after the type (the layout before 2011,
	// and the Party's "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ") names the issuer;
	// it is not the trích yếu, which opens after it.
	{
		name: "NGHỊ ĐỊNH CỦA CHÍNH PHỦ over the trích yếu", source: "attachments (109/2004/NĐ-CP)",
		text: `Chính phủ
Số: 109/2004/NĐ-CP
cộng hòa xã hội chủ nghĩa việt nam
Độc lập - Tự do - Hạnh phúc
Hà nội, ngày 02 tháng 4 năm 2004
NGHỊ ĐỊNH CỦA CHÍNH PHỦ
Về đăng ký kinh doanh
CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;`,
		number: "109/2004/NĐ-CP", typ: "Nghị định", issuer: "Chính phủ", date: "2004-04-02", place: "Hà nội", title: "Về đăng ký kinh doanh",
	},
	{
		name: "lower-case legacy header: quyết định của bộ trưởng", source: "attachments (144/2002/QĐ/BTC)",
		text: `bộ tài chính | cộng hoà xã hội chủ nghĩa Việt nam
-0- | Độc lập-Tự do-Hạnh phúc
Số: 144 /2002/QĐ/BTC | --------------------------------
Hà nội, ngày 22 tháng 11 năm 2002
quyết định của bộ trưởng bộ tài chính
về việc sửa đổi mức thuế suất của một số mặt hàng
bộ trưởng bộ tài chính
Căn cứ Nghị định số 86/2002/NĐ-CP ngày 05/11/2002 của Chính phủ;`,
		number: "144/2002/QĐ/BTC", typ: "Quyết định", issuer: "Bộ Tài chính", date: "2002-11-22", place: "Hà nội",
		title: "về việc sửa đổi mức thuế suất của một số mặt hàng",
	},
	{
		name: "QUYẾT ĐỊNH của ỦY BAN … over a V/v line", source: "written (a district's scanned decision)",
		text: `ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN ĐÔNG SƠN | Độc lập - Tự do - Hạnh phúc
Số: 88/2005/QĐ-UB | Đông Sơn, ngày 03 tháng 8 năm 2005
QUYẾT ĐỊNH của ỦY BAN NHÂN DÂN HUYỆN ĐÔNG SƠN
V/v thành lập Tổ công tác cải cách hành chính
ỦY BAN NHÂN DÂN HUYỆN ĐÔNG SƠN
Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26/11/2003;`,
		number: "88/2005/QĐ-UB", typ: "Quyết định", issuer: "Ủy ban nhân dân huyện Đông Sơn", date: "2005-08-03", place: "Đông Sơn",
		title: "V/v thành lập Tổ công tác cải cách hành chính",
	},
	{
		name: "title form: Quyết định / của Thủ tướng … số … ngày … về …", source: "attachments (115/2004/QĐ-TTg)",
		text: `Quyết định
của Thủ tướng Chính phủ số 115/2004/QĐ-TTg
ngày 25 tháng 6 năm 2004 về việc sửa đổi, bổ sung
Quy chế thành lập Quỹ bảo lãnh tín dụng
Thủ tướng Chính phủ
Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;`,
		number: "115/2004/QĐ-TTg", typ: "Quyết định", issuer: "Thủ tướng Chính phủ", date: "2004-06-25",
		title: "về việc sửa đổi, bổ sung Quy chế thành lập Quỹ bảo lãnh tín dụng",
	},
	{
		name: "the Party's NGHỊ QUYẾT CỦA BỘ CHÍNH TRỊ, no trích yếu", source: "govdocs (16-NQ/TW)",
		text: `NGHỊ QUYẾT CỦA BỘ CHÍNH TRỊ
Số: 16-NQ/TW
Hà Nội, ngày 21 tháng 7 năm 2026
I- TÌNH HÌNH
Trong những năm qua, Đảng bộ và Nhân dân đã nỗ lực phấn đấu.`,
		number: "16-NQ/TW", typ: "Nghị quyết", issuer: "Bộ Chính trị", date: "2026-07-21", place: "Hà Nội",
	},
	{
		name: "the Party's layout: NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ / về …", source: "written (a Party committee's page)",
		text: `ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 05 tháng 5 năm 2026
Số: 31-NQ/TW
NGHỊ QUYẾT
CỦA BỘ CHÍNH TRỊ
về phát triển vùng đồi núi phía Bắc
I- TÌNH HÌNH
Vùng đồi núi phía Bắc có vị trí chiến lược.`,
		number: "31-NQ/TW", typ: "Nghị quyết", issuer: "Bộ Chính trị", date: "2026-05-05", place: "Hà Nội",
		title: "về phát triển vùng đồi núi phía Bắc",
	},

	// Class C: a heading naming the type and the number ("THÔNG TƯ
	// 31/2026/TT-BCT", "QUYẾT ĐỊNH SỐ 88/QĐ-UBND") gives the number, not
	// the trích yếu; a "Số" line whose colon is lost is still the number
	// line, not the trích yếu's first line.
	{
		name: "type and number on the heading, trích yếu under it", source: "govdocs (08/2026/TT-BKHCN)",
		text: `THÔNG TƯ SỐ 08/2026/TT-BKHCN
HƯỚNG DẪN VIỆC XÁC THỰC THÔNG TIN THUÊ BAO DI ĐỘNG MẶT ĐẤT
Căn cứ Luật Viễn thông số 24/2023/QH15;`,
		number: "08/2026/TT-BKHCN", typ: "Thông tư",
		title: "HƯỚNG DẪN VIỆC XÁC THỰC THÔNG TIN THUÊ BAO DI ĐỘNG MẶT ĐẤT",
	},
	{
		name: "a portal's heading QUYẾT ĐỊNH 88/QĐ-UBND over its trích yếu", source: "written (a district portal's document page)",
		text: `QUYẾT ĐỊNH 88/QĐ-UBND
Về việc công nhận xã đạt chuẩn nông thôn mới
Căn cứ Luật Tổ chức chính quyền địa phương;`,
		number: "88/QĐ-UBND", typ: "Quyết định", title: "Về việc công nhận xã đạt chuẩn nông thôn mới",
	},
	{
		name: "Số without its colon under the type line", source: "govdocs (283/2026/NĐ-CP)",
		text: `NGHỊ ĐỊNH
Số 283/2026/NĐ-CP
Quy định xử phạt vi phạm hành chính trong lĩnh vực lao động
Hà Nội, ngày 15 tháng 7 năm 2026
Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;`,
		// The trích yếu under the number line (i29-held left it empty,
		// never opening with the number; read since i30-extract).
		number: "283/2026/NĐ-CP", typ: "Nghị định", date: "2026-07-15", place: "Hà Nội",
		title: "Quy định xử phạt vi phạm hành chính trong lĩnh vực lao động",
	},
	{
		name: "an OCR'd header whose colon after Số was lost", source: "written (an OCR'd provincial scan)",
		text: `ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH PHÚ AN | Độc lập - Tự do - Hạnh phúc
Số 1234/QĐ-UBND | Phú An, ngày 03 tháng 4 năm 2026
QUYẾT ĐỊNH
Về việc giao chỉ tiêu tuyển sinh năm học 2026 - 2027
Căn cứ Luật Giáo dục;`,
		number: "1234/QĐ-UBND", typ: "Quyết định", issuer: "Ủy ban nhân dân tỉnh Phú An", date: "2026-04-03", place: "Phú An",
		title: "Về việc giao chỉ tiêu tuyển sinh năm học 2026 - 2027",
	},
	{
		name: "a wrapped sentence's số and a number opening a line", source: "govdocs (237/2026/NĐ-CP)",
		text: `Nghị định số 237/2026/NĐ-CP
Hướng dẫn thi hành Luật Báo chí
Điều 1. Nghị định này quy định chi tiết thi hành một số điều của Luật Báo chí
số 126/2025/QH15 bao gồm:`,
		number: "237/2026/NĐ-CP", typ: "Nghị định", title: "Hướng dẫn thi hành Luật Báo chí",
	},
	{
		name: "Số followed by a count is no number line", source: "written",
		text: `ỦY BAN NHÂN DÂN TỈNH PHÚ AN
Số: 45/BC-UBND
BÁO CÁO
Số 3 trường học được sửa chữa năm 2026
Căn cứ Kế hoạch số 12/KH-UBND;`,
		number: "45/BC-UBND", typ: "Báo cáo", issuer: "Ủy ban nhân dân tỉnh Phú An",
		title: "Số 3 trường học được sửa chữa năm 2026",
	},

	// Class E: a sentence's "… có hiệu lực từ ngày …" is no date line:
	// without a comma after the place, the words before "ngày" must not
	// end in a preposition ("từ", "đến", "trước" …).
	{
		name: "effective date in a property row above the header", source: "govdocs (30/2026/TT-BCT)",
		text: `Hiệu lực | Có hiệu lực từ ngày 28 tháng 7 năm 2026
BỘ CÔNG THƯƠNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 30/2026/TT-BCT
Hà Nội, ngày 10 tháng 6 năm 2026
THÔNG TƯ
Quy định phương pháp xác định giá dịch vụ phát điện
Căn cứ Luật Điện lực số 61/2024/QH15;`,
		number: "30/2026/TT-BCT", typ: "Thông tư", issuer: "Bộ Công thương", date: "2026-06-10", place: "Hà Nội",
		title: "Quy định phương pháp xác định giá dịch vụ phát điện",
	},
	{
		name: "a portal's status line over a letter", source: "written (a provincial portal's document page)",
		text: `Áp dụng kể từ ngày 01 tháng 9 năm 2026
ỦY BAN NHÂN DÂN TỈNH PHÚ AN
Số: 412/UBND-KT
Phú An, ngày 20 tháng 8 năm 2026
V/v triển khai thu phí bến xe
Kính gửi: Sở Xây dựng`,
		number: "412/UBND-KT", typ: "Công văn", issuer: "Ủy ban nhân dân tỉnh Phú An", date: "2026-08-20", place: "Phú An",
		title: "V/v triển khai thu phí bến xe",
	},
	{
		name: "a date line whose comma OCR lost is still one", source: "written (an OCR'd scan)",
		text: `ỦY BAN NHÂN DÂN TỈNH PHÚ AN
Số: 19/QĐ-UBND
Phú An ngày 14 tháng 2 năm 2026
QUYẾT ĐỊNH
Về việc thành lập Hội đồng thi đua
Căn cứ Luật Thi đua, khen thưởng;`,
		number: "19/QĐ-UBND", typ: "Quyết định", issuer: "Ủy ban nhân dân tỉnh Phú An", date: "2026-02-14", place: "Phú An",
		title: "Về việc thành lập Hội đồng thi đua",
	},
	// Review (docs/log/i29-rev-held.md): shapes the rules above met wrong.
	// A place whose last syllable folds to a preposition ("Sơn La" → "la",
	// "Mỹ Tú" → "tu") is still a place when the comma is lost.
	{
		name: "Sơn La without its comma is a place, not a sentence's là", source: "written (review; an OCR'd provincial scan)",
		text: `ỦY BAN NHÂN DÂN TỈNH SƠN LA
Số: 19/QĐ-UBND
Sơn La ngày 14 tháng 2 năm 2026
QUYẾT ĐỊNH
Về việc thành lập Hội đồng thi đua
Căn cứ Luật Thi đua, khen thưởng;`,
		number: "19/QĐ-UBND", typ: "Quyết định", issuer: "Ủy ban nhân dân tỉnh Sơn La", date: "2026-02-14", place: "Sơn La",
		title: "Về việc thành lập Hội đồng thi đua",
	},
	{
		name: "MỸ TÚ in capitals without its comma is a place, not từ", source: "written (review; a district's scan)",
		text: `ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN MỸ TÚ | Độc lập - Tự do - Hạnh phúc
Số: 07/KH-UBND
MỸ TÚ NGÀY 09 THÁNG 01 NĂM 2026
KẾ HOẠCH
Phòng, chống thiên tai năm 2026`,
		number: "07/KH-UBND", typ: "Kế hoạch", issuer: "Ủy ban nhân dân huyện Mỹ Tú", date: "2026-01-09", place: "MỸ TÚ",
		title: "Phòng, chống thiên tai năm 2026",
	},
	{
		name: "a header without tones: Son La ngay …", source: "written (review; a page typed without tones)",
		text: `UY BAN NHAN DAN TINH SON LA
So: 19/QD-UBND
Son La ngay 14 thang 2 nam 2026
QUYET DINH
Ve viec thanh lap Hoi dong thi dua`,
		number: "19/QD-UBND", typ: "Quyết định", issuer: "Uy ban Nhan dan tinh son la", date: "2026-02-14", place: "Son La",
		title: "Ve viec thanh lap Hoi dong thi dua",
	},
	{
		name: "a sentence without tones: co hieu luc tu ngay …", source: "written (review; a page typed without tones)",
		text: `co hieu luc tu ngay 28 thang 7 nam 2026
BO CONG THUONG
So: 30/2026/TT-BCT
Ha Noi, ngay 10 thang 6 nam 2026
THONG TU
Quy dinh gia dich vu phat dien`,
		number: "30/2026/TT-BCT", typ: "Thông tư", issuer: "Bo cong thuong", date: "2026-06-10", place: "Ha Noi",
		title: "Quy dinh gia dich vu phat dien",
	},
	{
		name: "a sentence in capitals: CÓ HIỆU LỰC TỪ NGÀY …", source: "written (review; a portal's status line)",
		text: `CÓ HIỆU LỰC TỪ NGÀY 28 THÁNG 7 NĂM 2026
BỘ CÔNG THƯƠNG
Số: 30/2026/TT-BCT
Hà Nội, ngày 10 tháng 6 năm 2026
THÔNG TƯ
Quy định phương pháp xác định giá dịch vụ phát điện
Căn cứ Luật Điện lực số 61/2024/QH15;`,
		number: "30/2026/TT-BCT", typ: "Thông tư", issuer: "Bộ Công thương", date: "2026-06-10", place: "Hà Nội",
		title: "Quy định phương pháp xác định giá dịch vụ phát điện",
	},
	{
		name: "a sentence whose comma sets off a clause: …, kể từ ngày …", source: "written (review; a portal's status line)",
		text: `Hiệu lực thi hành, kể từ ngày 28 tháng 7 năm 2026
BỘ CÔNG THƯƠNG
Số: 30/2026/TT-BCT
Hà Nội, ngày 10 tháng 6 năm 2026
THÔNG TƯ
Quy định phương pháp xác định giá dịch vụ phát điện
Căn cứ Luật Điện lực số 61/2024/QH15;`,
		number: "30/2026/TT-BCT", typ: "Thông tư", issuer: "Bộ Công thương", date: "2026-06-10", place: "Hà Nội",
		title: "Quy định phương pháp xác định giá dịch vụ phát điện",
	},
	// "CỦA <issuer>" on its own line over a trích yếu in capitals (the
	// Party's resolutions: "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ / VỀ …"), and
	// the Party's "Số" without a colon.
	{
		name: "the Party's layout in capitals: NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ / VỀ …", source: "written (review; shaped like 57-NQ/TW)",
		text: `ĐẢNG CỘNG SẢN VIỆT NAM
Số 31-NQ/TW | Hà Nội, ngày 05 tháng 5 năm 2026
NGHỊ QUYẾT
CỦA BỘ CHÍNH TRỊ
VỀ PHÁT TRIỂN VÙNG ĐỒI NÚI PHÍA BẮC ĐẾN NĂM 2030
-----
Sau mười năm thực hiện Nghị quyết của Bộ Chính trị, vùng đồi núi phía Bắc đã có những bước phát triển quan trọng, kinh tế tăng trưởng khá, đời sống của Nhân dân được cải thiện, quốc phòng, an ninh được giữ vững; tuy nhiên vẫn còn nhiều khó khăn.`,
		number: "31-NQ/TW", typ: "Nghị quyết", issuer: "Bộ Chính trị", date: "2026-05-05", place: "Hà Nội",
		title: "VỀ PHÁT TRIỂN VÙNG ĐỒI NÚI PHÍA BẮC ĐẾN NĂM 2030",
	},
	// A trích yếu opening with "Của" that names no issuer keeps it.
	{
		name: "a plan of a sector: KẾ HOẠCH / Của ngành giáo dục …", source: "written (review; a provincial plan)",
		text: `ỦY BAN NHÂN DÂN TỈNH PHÚ AN
Số: 52/KH-UBND
Phú An, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Của ngành giáo dục thực hiện chương trình chuyển đổi số năm 2026
I. MỤC ĐÍCH, YÊU CẦU`,
		number: "52/KH-UBND", typ: "Kế hoạch", issuer: "Ủy ban nhân dân tỉnh Phú An", date: "2026-03-10", place: "Phú An",
		title: "Của ngành giáo dục thực hiện chương trình chuyển đổi số năm 2026",
	},
	{
		name: "a congress report: BÁO CÁO / CỦA BAN CHẤP HÀNH … KHÓA XVI TẠI ĐẠI HỘI …", source: "written (review; a provincial Party committee's report)",
		text: `ĐẢNG BỘ TỈNH PHÚ AN
Phú An, ngày 12 tháng 9 năm 2026
BÁO CÁO
CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XVI TẠI ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẦN THỨ XVII
I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT`,
		// The issuer is the committee, not its term and occasion.
		typ: "Báo cáo", issuer: "Ban Chấp hành Đảng bộ tỉnh", date: "2026-09-12", place: "Phú An",
	},
	{
		name: "the President's decision without a header: QUYẾT ĐỊNH CỦA CHỦ TỊCH NƯỚC", source: "written (review; a portal's copy)",
		text: `QUYẾT ĐỊNH CỦA CHỦ TỊCH NƯỚC
Về việc đặc xá năm 2026
CHỦ TỊCH NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;`,
		// Chủ tịch nước issues in its own name, as Thủ tướng Chính phủ does.
		typ: "Quyết định", issuer: "Chủ tịch nước", title: "Về việc đặc xá năm 2026",
	},
	{
		name: "a council's resolution: NGHỊ QUYẾT / CỦA HĐND … KHÓA X, KỲ HỌP THỨ 5 / Về việc …", source: "written (review; a provincial council's resolution)",
		text: `HỘI ĐỒNG NHÂN DÂN TỈNH PHÚ AN
Số: 05/NQ-HĐND
Phú An, ngày 10 tháng 7 năm 2026
NGHỊ QUYẾT
CỦA HỘI ĐỒNG NHÂN DÂN TỈNH PHÚ AN KHÓA X, KỲ HỌP THỨ 5
Về việc thông qua đề án phát triển du lịch
Căn cứ Luật Tổ chức chính quyền địa phương;`,
		number: "05/NQ-HĐND", typ: "Nghị quyết", issuer: "Hội đồng nhân dân tỉnh Phú An", date: "2026-07-10", place: "Phú An",
		title: "Về việc thông qua đề án phát triển du lịch",
	},
	// i30-extract: the leftovers of i29-held and its review.
	// 1. A site's heading over its property table or portal chrome above
	// the document ("THÔNG TIN VĂN BẢN", "CHI TIẾT VĂN BẢN", "NỘI DUNG")
	// is never the trích yếu; a type line right over one is the page's
	// heading, and the document's own type line below is the header's.
	{
		name: "site heading under the page's type line, the real header below", source: "govdocs (38/2026/TT-BXD, shortened)",
		text: `THÔNG TƯ 38/2026/TT-BXD
THÔNG TIN VĂN BẢN
Trường | Giá trị
Số hiệu | 38/2026/TT-BXD
Ngày ban hành | 26/06/2026
Cơ quan ban hành | Bộ Xây dựng
VĂN BẢN
BỘ XÂY DỰNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 38/2026/TT-BXD
Hà Nội, ngày 26 tháng 6 năm 2026
THÔNG TƯ
Ban hành định mức xây dựng
Căn cứ Luật Xây dựng số 135/2025/QH15;
Điều 1. Ban hành kèm theo Thông tư này các định mức xây dựng sau:`,
		number: "38/2026/TT-BXD", typ: "Thông tư", issuer: "Bộ Xây dựng", date: "2026-06-26", place: "Hà Nội", title: "Ban hành định mức xây dựng",
	},
	{
		name: "site heading under the page's type line, no header", source: "govdocs (159/NQ-CP, shortened)",
		text: `NGHỊ QUYẾT
THÔNG TIN VĂN BẢN
Trường | Giá trị
Số hiệu | 159/NQ-CP
Ngày ban hành | 20/6/2026
Cơ quan ban hành | Chính phủ
VĂN BẢN
QUYẾT NGHỊ
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
Điều 1. Bổ sung dự án Luật vào Chương trình Kỳ họp.`,
		typ: "Nghị quyết",
	},
	{
		name: "portal chrome CHI TIẾT VĂN BẢN above a decision", source: "written (a district portal's document page)",
		text: `QUYẾT ĐỊNH
CHI TIẾT VĂN BẢN
Số ký hiệu | 245/QĐ-UBND
Ngày ban hành | 12/03/2026
ỦY BAN NHÂN DÂN TỈNH PHÚ AN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
| Độc lập - Tự do - Hạnh phúc
Số: 245/QĐ-UBND | Phú An, ngày 12 tháng 3 năm 2026
QUYẾT ĐỊNH
Về việc công bố danh mục thủ tục hành chính lĩnh vực hộ tịch
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ AN
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;`,
		number: "245/QĐ-UBND", typ: "Quyết định", issuer: "Ủy ban nhân dân tỉnh Phú An", date: "2026-03-12", place: "Phú An",
		title: "Về việc công bố danh mục thủ tục hành chính lĩnh vực hộ tịch",
	},
	{
		name: "NỘI DUNG under a plan's type line", source: "written (a commune portal's plan page)",
		text: `KẾ HOẠCH
NỘI DUNG
I. MỤC ĐÍCH, YÊU CẦU
1. Tổ chức tốt công tác tuyên truyền phổ biến pháp luật năm 2026.`,
		typ: "Kế hoạch",
	},

	// 3. The Party's headers: the committee on the left is the issuer,
	// "ĐẢNG CỘNG SẢN VIỆT NAM" on the right is the motto; under a
	// Central Committee's header the "CỦA …" line names the issuing body.
	{
		name: "Central Committee's header, KẾT LUẬN / CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ", source: "plans set 1 (221-KL/TW, shortened)",
		text: `BAN CHẤP HÀNH TRUNG ƯƠNG
ĐẢNG CỘNG SẢN VIỆT NAM ---------------
Số 221-KL/TW
Hà Nội, ngày 28 tháng 11 năm 2025
KẾT LUẬN
CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ
VỀ TÌNH HÌNH, KẾT QUẢ HOẠT ĐỘNG CỦA BỘ MÁY HỆ THỐNG CHÍNH TRỊ VÀ CHÍNH QUYỀN ĐỊA PHƯƠNG 2 CẤP -----
Tại phiên họp ngày 28/11/2025, sau khi nghe Báo cáo của Ban Tổ chức Trung ương, Bộ Chính trị, Ban Bí thư kết luận như sau:`,
		number: "221-KL/TW", typ: "Kết luận", issuer: "Bộ Chính trị, Ban Bí thư", date: "2025-11-28", place: "Hà Nội",
		title: "VỀ TÌNH HÌNH, KẾT QUẢ HOẠT ĐỘNG CỦA BỘ MÁY HỆ THỐNG CHÍNH TRỊ VÀ CHÍNH QUYỀN ĐỊA PHƯƠNG 2 CẤP",
	},
	{
		name: "Central Committee's header in cells, NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ", source: "written (shaped like 57-NQ/TW)",
		text: `BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG SẢN VIỆT NAM
*
Số 66-NQ/TW | Hà Nội, ngày 30 tháng 4 năm 2026
NGHỊ QUYẾT
CỦA BỘ CHÍNH TRỊ
về đổi mới công tác xây dựng và thi hành pháp luật
I- TÌNH HÌNH VÀ NGUYÊN NHÂN`,
		number: "66-NQ/TW", typ: "Nghị quyết", issuer: "Bộ Chính trị", date: "2026-04-30", place: "Hà Nội",
		title: "về đổi mới công tác xây dựng và thi hành pháp luật",
	},
	{
		name: "Ban Bí thư's directive, the Secretariat on the left", source: "written (shaped like a Chỉ thị of Ban Bí thư)",
		text: `BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG SẢN VIỆT NAM
BAN BÍ THƯ
*
Số 45-CT/TW | Hà Nội, ngày 14 tháng 4 năm 2026
CHỈ THỊ
về lãnh đạo đại hội đảng bộ các cấp
-----
Các cấp ủy, tổ chức đảng cần quán triệt sâu sắc chủ trương của Trung ương.`,
		number: "45-CT/TW", typ: "Chỉ thị", issuer: "Ban Bí thư", date: "2026-04-14", place: "Hà Nội",
		title: "về lãnh đạo đại hội đảng bộ các cấp",
	},
	{
		// The Party's name under the committee, as in 221-KL/TW.
		name: "a provincial Party committee, one column", source: "written (a Tỉnh ủy's portal)",
		text: `TỈNH ỦY PHÚ AN
ĐẢNG CỘNG SẢN VIỆT NAM
*
Số 12-NQ/TU
Phú An, ngày 10 tháng 2 năm 2026
NGHỊ QUYẾT
về phát triển nông nghiệp công nghệ cao giai đoạn 2026 - 2030
I. TÌNH HÌNH`,
		number: "12-NQ/TU", typ: "Nghị quyết", issuer: "Tỉnh ủy Phú An", date: "2026-02-10", place: "Phú An",
		title: "về phát triển nông nghiệp công nghệ cao giai đoạn 2026 - 2030",
	},
	{
		name: "a commune's Party committee in cells", source: "written (a commune Party committee's plan)",
		text: `ĐẢNG BỘ HUYỆN PHÚ HÒA | ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY XÃ AN MỸ
*
Số 34-KH/ĐU | An Mỹ, ngày 05 tháng 3 năm 2026
KẾ HOẠCH
thực hiện Chỉ thị số 45-CT/TW của Ban Bí thư
I. MỤC ĐÍCH, YÊU CẦU`,
		// A guard (passes on main): the Party's organisation above its
		// committee ("ĐẢNG BỘ HUYỆN …") is no issuer's head.
		number: "34-KH/ĐU", typ: "Kế hoạch", issuer: "Đảng ủy xã An Mỹ", date: "2026-03-05", place: "An Mỹ",
		title: "thực hiện Chỉ thị số 45-CT/TW của Ban Bí thư",
	},

	// 4. Type, number and date on one line: all three read, none the
	// trích yếu.
	{
		name: "THÔNG TƯ SỐ … NGÀY … on one line", source: "written (a ministry's page heading)",
		text: `THÔNG TƯ SỐ 12/2026/TT-BTC NGÀY 5 THÁNG 3 NĂM 2026
Hướng dẫn quản lý, sử dụng kinh phí chi thường xuyên thực hiện chương trình mục tiêu quốc gia
Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;`,
		number: "12/2026/TT-BTC", typ: "Thông tư", issuer: "", date: "2026-03-05",
		title: "Hướng dẫn quản lý, sử dụng kinh phí chi thường xuyên thực hiện chương trình mục tiêu quốc gia",
	},
	{
		name: "Nghị định số … ngày d/m/y, a site's heading over its table", source: "govdocs (240/2026/NĐ-CP, shortened)",
		text: `Nghị định số 240/2026/NĐ-CP ngày 26/6/2026
THÔNG TIN VĂN BẢN
Số hiệu | 240/2026/NĐ-CP
Ngày ban hành | 26/6/2026
Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;
Điều 1. Phạm vi điều chỉnh`,
		number: "240/2026/NĐ-CP", typ: "Nghị định", issuer: "", date: "2026-06-26",
	},

	// 2. Division headings read by doctype.DivisionLine, the grammar the
	// outline reads them by: an inserted "Mục 2a" heads its name too.
	{
		name: "section name under an inserted Mục 2a", source: "written (an amending decree's inserted section; i29-rev-held's left item)",
		text: `Mục 2a
QUY ĐỊNH VỀ GIÁ DỊCH VỤ THOÁT NƯỚC
Điều 12a. Nguyên tắc định giá
Giá dịch vụ thoát nước được xác định trên cơ sở chi phí sản xuất hợp lý.`,
	},

	// 5. A trích yếu under a "Số" line under the type line.
	{
		name: "QUYẾT ĐỊNH / Số: … / Về việc …", source: "written (a district portal's decision)",
		text: `QUYẾT ĐỊNH
Số: 12/QĐ-UBND
Về việc thành lập Ban Chỉ đạo chuyển đổi số huyện Phú Hòa
ỦY BAN NHÂN DÂN HUYỆN PHÚ HÒA
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;`,
		// The authority line under the trích yếu names the issuer when no
		// header does (i31-extract decided it; i30-extract left it).
		number: "12/QĐ-UBND", typ: "Quyết định", issuer: "Ủy ban nhân dân huyện Phú Hòa",
		title: "Về việc thành lập Ban Chỉ đạo chuyển đổi số huyện Phú Hòa",
	},
	{
		name: "NGHỊ ĐỊNH / Số … / trích yếu / date line", source: "govdocs (283/2026/NĐ-CP, shortened)",
		text: `NGHỊ ĐỊNH
Số 283/2026/NĐ-CP
Quy định xử phạt vi phạm hành chính trong lĩnh vực lao động, bảo hiểm xã hội
Hà Nội, ngày 15 tháng 7 năm 2026
THÔNG TIN VĂN BẢN
Thuộc tính | Nội dung
Số hiệu | 283/2026/NĐ-CP`,
		number: "283/2026/NĐ-CP", typ: "Nghị định", date: "2026-07-15", place: "Hà Nội",
		title: "Quy định xử phạt vi phạm hành chính trong lĩnh vực lao động, bảo hiểm xã hội",
	},
	{
		// A guard: a metadata line under the number is no trích yếu.
		name: "THÔNG BÁO / Số: … / Ngày ban hành: …", source: "govdocs (365/TB-VPCP, shortened)",
		text: `THÔNG BÁO
Số: 365/TB-VPCP
Ngày ban hành: 10 tháng 7 năm 2026
Cơ quan ban hành: Văn phòng Chính phủ
Loại văn bản: Thông báo
VĂN BẢN
Ngày 06 tháng 7 năm 2026, tại Thành phố Hồ Chí Minh, Phó Thủ tướng đã chủ trì buổi làm việc.`,
		number: "365/TB-VPCP", typ: "Thông báo",
	},
	// i30-rev-extract: the review of i30-extract.
	// A body of the Central Committee other than the Politburo and the
	// Secretariat keeps the Committee (main's reading): "Ban Tuyên giáo"
	// or "Văn phòng" alone names no body.
	{
		name: "BCH TƯ over one of its departments", source: "written (the shape of a Ban Tuyên giáo Trung ương guidance)",
		text: `BAN CHẤP HÀNH TRUNG ƯƠNG
BAN TUYÊN GIÁO
*
Số: 12-HD/BTGTW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 5 tháng 3 năm 2026
HƯỚNG DẪN
Tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng
Căn cứ Quy định số 24-QĐ/TW;`,
		number: "12-HD/BTGTW", typ: "Hướng dẫn", issuer: "Ban Tuyên giáo (Ban Chấp hành Trung ương)", date: "2026-03-05", place: "Hà Nội",
		title: "Tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng",
	},
	{
		name: "BCH TƯ over its Văn phòng", source: "written (the shape of a Văn phòng Trung ương guidance)",
		text: `BAN CHẤP HÀNH TRUNG ƯƠNG
VĂN PHÒNG
*
Số: 40-HD/VPTW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 5 tháng 3 năm 2026
HƯỚNG DẪN
Thể thức văn bản của Đảng
Căn cứ Quy định số 24-QĐ/TW;`,
		number: "40-HD/VPTW", typ: "Hướng dẫn", issuer: "Văn phòng (Ban Chấp hành Trung ương)", date: "2026-03-05", place: "Hà Nội",
		title: "Thể thức văn bản của Đảng",
	},
	// A trích yếu wrapped so that a line is "nội dung" or "văn bản" in
	// lower case goes on: a site's heading opens with a capital.
	{
		name: "a trích yếu's wrapped line 'nội dung'", source: "written",
		text: `ỦY BAN NHÂN DÂN TỈNH PHÚ AN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 245/QĐ-UBND
Phú An, ngày 12 tháng 3 năm 2026
QUYẾT ĐỊNH
Về việc ban hành Quy chế phối hợp thực hiện một số
nội dung
của Đề án phát triển du lịch tỉnh Phú An
Căn cứ Luật Tổ chức chính quyền địa phương;`,
		number: "245/QĐ-UBND", typ: "Quyết định", issuer: "Ủy ban nhân dân tỉnh Phú An", date: "2026-03-12", place: "Phú An",
		title: "Về việc ban hành Quy chế phối hợp thực hiện một số nội dung của Đề án phát triển du lịch tỉnh Phú An",
	},
	{
		name: "a trích yếu's wrapped line 'văn bản'", source: "written",
		text: `ỦY BAN NHÂN DÂN TỈNH PHÚ AN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 246/QĐ-UBND
Phú An, ngày 12 tháng 3 năm 2026
QUYẾT ĐỊNH
Về việc công bố danh mục
văn bản
hết hiệu lực của Hội đồng nhân dân tỉnh
Căn cứ Luật Tổ chức chính quyền địa phương;`,
		number: "246/QĐ-UBND", typ: "Quyết định", issuer: "Ủy ban nhân dân tỉnh Phú An", date: "2026-03-12", place: "Phú An",
		title: "Về việc công bố danh mục văn bản hết hiệu lực của Hội đồng nhân dân tỉnh",
	},
	// The date after a heading's number is the date grammar's (vietDate):
	// every form it reads, "ngày 5 tháng 3/2026" with the rest.
	{
		name: "type, number and a mixed-form date on one line", source: "written (a ministry's page heading)",
		text: `THÔNG TƯ SỐ 12/2026/TT-BTC NGÀY 5 THÁNG 3/2026
Quy định về quản lý phí thẩm định
Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;`,
		number: "12/2026/TT-BTC", typ: "Thông tư", date: "2026-03-05", title: "Quy định về quản lý phí thẩm định",
	},
	// i31-extract: headings typed without diacritics keep their date
	// (the one date grammar, vietDate, reads them; the type is read
	// folded as on a type line).
	{
		name: "type, number and date on one line, no diacritics", source: "written (i30-rev-extract's left row)",
		text: `THONG TU SO 12/2026/TT-BTC NGAY 5 THANG 3 NAM 2026
Quy dinh ve quan ly phi tham dinh
Can cu Luat Phi va le phi ngay 25 thang 11 nam 2015;`,
		number: "12/2026/TT-BTC", typ: "Thông tư", date: "2026-03-05", title: "Quy dinh ve quan ly phi tham dinh",
	},
	{
		name: "QUYET DINH … NGAY 5 THANG 3 NAM 2026", source: "written (a district portal's heading typed without marks)",
		text: `QUYET DINH SO 245/QD-UBND NGAY 5 THANG 3 NAM 2026
Ve viec ban hanh Quy che quan ly cho
Can cu Luat To chuc chinh quyen dia phuong;`,
		number: "245/QD-UBND", typ: "Quyết định", date: "2026-03-05", title: "Ve viec ban hanh Quy che quan ly cho",
	},
	{
		name: "a title form in capitals without diacritics", source: "written (the shape of 115/2004/QĐ-TTg's title, typed without marks)",
		text: `QUYET DINH CUA THU TUONG CHINH PHU SO 115/2004/QD-TTG NGAY 25 THANG 6 NAM 2004
Ve viec ban hanh Quy che
Can cu Luat To chuc Chinh phu;`,
		number: "115/2004/QD-TTG", typ: "Quyết định", issuer: "Thu tuong chinh phu", date: "2004-06-25", title: "Ve viec ban hanh Quy che",
	},
	{
		name: "a title form in one line without diacritics", source: "written (an old portal's summary)",
		text: `Quyet dinh cua Thu tuong Chinh phu so 115/2004/QD-TTg ngay 25 thang 6 nam 2004 ve viec ban hanh Quy che
Can cu Luat To chuc Chinh phu;`,
		number: "115/2004/QD-TTg", typ: "Quyết định", issuer: "Thu tuong Chinh phu", date: "2004-06-25",
	},
	{
		name: "the date line without diacritics, in capitals", source: "written",
		text: `UY BAN NHAN DAN TINH PHU AN
So: 12/QD-UBND
PHU AN, NGAY 05 THANG 03 NAM 2026
QUYET DINH
Ve viec ban hanh Quy che
Can cu Luat To chuc chinh quyen dia phuong;`,
		number: "12/QD-UBND", typ: "Quyết định", issuer: "Uy ban Nhan dan tinh phu an", date: "2026-03-05", place: "PHU AN", title: "Ve viec ban hanh Quy che",
	},
	// A signer's name whose words fold to a division heading's ("Phan
	// Vĩ": "phan vi", Phần VI) is no division heading: the type line
	// under it is the next document's (a regulation's file opening with
	// the end of the decision's signature).
	{
		name: "a signer 'Phan Vĩ' over the regulation's type line", source: "written (an annex file opening with the decision's signature)",
		text: `KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Phan Vĩ
QUY CHẾ
Quản lý chợ trên địa bàn tỉnh Phú An
Điều 1. Phạm vi điều chỉnh`,
		typ: "Quy chế", title: "Quản lý chợ trên địa bàn tỉnh Phú An",
	},
	{
		name: "a signer 'PHAN THU HẢI' in capitals over the regulation's type line", source: "written",
		text: `KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
PHAN THU HẢI
QUY CHẾ
Quản lý chợ trên địa bàn tỉnh Phú An
Điều 1. Phạm vi điều chỉnh`,
		typ: "Quy chế", title: "Quản lý chợ trên địa bàn tỉnh Phú An",
	},
	{
		// A signature over the type line is no issuer: "TM. ỦY BAN NHÂN
		// DÂN" / "CHỦ TỊCH" / the name were read "Chủ tịch phan thu hải".
		name: "a signer 'PHAN THU HẢI' under TM. ỦY BAN NHÂN DÂN over the regulation's type line", source: "written",
		text: `TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
PHAN THU HẢI
QUY CHẾ
Quản lý chợ trên địa bàn tỉnh Phú An
Điều 1. Phạm vi điều chỉnh`,
		typ: "Quy chế", title: "Quản lý chợ trên địa bàn tỉnh Phú An",
	},
	{
		// i31-rev-extract: the lines above the signature belong to the
		// text before (a line of it in capitals: a department named in a
		// table of its last article); the issuer's window restarts at
		// the signer's "TM." line (the row above passed without it).
		name: "the decision's last lines, then a signature over the regulation's type line", source: "written",
		text: `Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Công Thương chịu trách nhiệm thi hành Quyết định này./.
SỞ CÔNG THƯƠNG
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
PHAN THU HẢI
QUY CHẾ
Quản lý chợ trên địa bàn tỉnh Phú An
Điều 1. Phạm vi điều chỉnh`,
		typ: "Quy chế", title: "Quản lý chợ trên địa bàn tỉnh Phú An",
	},
	{
		// A guard: a name folding to no heading (passes on main).
		name: "a signer 'Nguyễn Văn An' over the regulation's type line", source: "written",
		text: `KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
QUY CHẾ
Quản lý chợ trên địa bàn tỉnh Phú An
Điều 1. Phạm vi điều chỉnh`,
		typ: "Quy chế", title: "Quản lý chợ trên địa bàn tỉnh Phú An",
	},
	// The authority line under the trích yếu names the issuer when the
	// header names none (a portal printing the document without its
	// left column; "ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG" below the title): the
	// line in capitals, the preamble right under it; a head's title
	// before the name ("BỘ TRƯỞNG", "CHỦ TỊCH") is not the issuer's.
	{
		name: "the authority line under the trích yếu, no issuer above", source: "written (binhduong.gov.vn's layout, i30-extract's left row)",
		text: `QUYẾT ĐỊNH
Số: 12/QĐ-UBND
Về việc ban hành Quy chế quản lý chợ
ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;`,
		number: "12/QĐ-UBND", typ: "Quyết định", issuer: "Ủy ban nhân dân tỉnh Bình Dương", title: "Về việc ban hành Quy chế quản lý chợ",
	},
	{
		name: "BỘ TRƯỞNG BỘ TÀI CHÍNH as the authority line", source: "written (a ministry's circular posted without its header)",
		text: `Số: 12/2026/TT-BTC
Hà Nội, ngày 5 tháng 3 năm 2026
THÔNG TƯ
Quy định về quản lý phí thẩm định
BỘ TRƯỞNG BỘ TÀI CHÍNH
Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;`,
		number: "12/2026/TT-BTC", typ: "Thông tư", issuer: "Bộ Tài chính", date: "2026-03-05", place: "Hà Nội", title: "Quy định về quản lý phí thẩm định",
	},
	{
		name: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH as the authority line", source: "written",
		text: `Số: 30/QĐ-UBND
QUYẾT ĐỊNH
Về việc thành lập Tổ công tác
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ AN
Căn cứ Luật Tổ chức chính quyền địa phương;`,
		number: "30/QĐ-UBND", typ: "Quyết định", issuer: "Ủy ban nhân dân tỉnh Phú An", title: "Về việc thành lập Tổ công tác",
	},
	{
		name: "THỦ TƯỚNG CHÍNH PHỦ as the authority line", source: "written (the shape of a QĐ-TTg posted without its header)",
		text: `QUYẾT ĐỊNH
Phê duyệt Chương trình phát triển du lịch
THỦ TƯỚNG CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ;`,
		typ: "Quyết định", issuer: "Thủ tướng Chính phủ", title: "Phê duyệt Chương trình phát triển du lịch",
	},
	{
		// A guard: the header's issuer stays (passes on main).
		name: "the header's issuer over GIÁM ĐỐC SỞ", source: "written",
		text: `ỦY BAN NHÂN DÂN TỈNH PHÚ AN
SỞ TÀI CHÍNH
Số: 45/QĐ-STC
QUYẾT ĐỊNH
Về việc ban hành Quy chế làm việc
GIÁM ĐỐC SỞ TÀI CHÍNH
Căn cứ Quyết định số 12/QĐ-UBND;`,
		number: "45/QĐ-STC", typ: "Quyết định", issuer: "Sở Tài chính tỉnh Phú An", title: "Về việc ban hành Quy chế làm việc",
	},
	{
		// A guard: a line in capitals with no preamble under it names nobody.
		name: "a line in capitals under the trích yếu, no preamble", source: "written",
		text: `THÔNG BÁO
Kết luận của Chủ tịch tại buổi làm việc
ỦY BAN NHÂN DÂN TỈNH PHÚ AN
Đồng chí Chủ tịch đã nghe báo cáo tình hình phát triển du lịch.`,
		typ: "Thông báo", title: "Kết luận của Chủ tịch tại buổi làm việc",
	},
	{
		// A guard: a real heading still names the division (passes on main).
		name: "Phần VI over its name", source: "written",
		text: `Phần VI
QUY ĐỊNH VỀ TỔ CHỨC THỰC HIỆN
1. Sở Công Thương chủ trì.`,
	},
}

func TestHeldOutHeaders(t *testing.T) {
	for _, tt := range heldOutTests {
		t.Run(tt.name, func(t *testing.T) {
			d := ParseDocument(strings.Split(tt.text, "\n"))
			got := [6]string{d.Number, d.Type, d.Issuer, d.Published, d.Place, d.Title}
			want := [6]string{tt.number, tt.typ, tt.issuer, tt.date, tt.place, tt.title}
			names := [6]string{"number", "type", "issuer", "date", "place", "title"}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("%s (%s): %s %q, want %q", tt.name, tt.source, names[i], got[i], want[i])
				}
			}
		})
	}
}
