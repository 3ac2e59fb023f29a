package outline

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestFrontAfterMetadata: a copy of a decree saved from a portal opens
// with the portal's own line ("Cơ quan phát hành: …", "Ngày ban hành: …")
// before the header. That line started the body, so the header's lines
// after it — the issuer and national motto on one line, "Số:", the type
// line "NGHỊ ĐỊNH" — became unnumbered sections of tasks, and the legal
// basis ("Căn cứ Luật …; Theo đề nghị …") the text of one: passages a
// plan's items were linked to (i27-miss: 59/2026/TT-BGDĐT's "phải bảo đảm
// tuân thủ quy định tại Nghị định số 235/2026/NĐ-CP" went to the decree's
// "NGHỊ ĐỊNH | … Căn cứ …"). A header line before any heading or item
// reopens the front matter. Lines written for the test, shaped as the
// portal copies are.
func TestFrontAfterMetadata(t *testing.T) {
	decree := "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về chế độ hỗ trợ giáo viên mầm non công tác tại vùng khó khăn.\n" +
		"Điều 2. Trách nhiệm thi hành\nCác Bộ trưởng, Chủ tịch Ủy ban nhân dân cấp tỉnh chịu trách nhiệm thi hành Nghị định này."
	tests := []struct {
		name, body string
	}{
		{"a portal line, the issuer and motto on one line",
			"Cơ quan phát hành: VĂN PHÒNG CHÍNH PHỦ\nCHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n——— Độc lập - Tự do - Hạnh phúc\n" +
				"Số: 118/2026/NĐ-CP Hà Nội, ngày 12 tháng 3 năm 2026\nNGHỊ ĐỊNH\nVề chế độ hỗ trợ giáo viên mầm non\n" +
				"Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nCăn cứ Luật Giáo dục số 43/2019/QH14;\nTheo đề nghị của Bộ trưởng Bộ Giáo dục và Đào tạo;\n" +
				"Chính phủ ban hành Nghị định về chế độ hỗ trợ giáo viên mầm non.\n" + decree},
		{"two portal lines before a header on separate lines",
			"Cơ quan ban hành: Chính phủ\nNgày ban hành: 12/03/2026\nCHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n" +
				"Số: 118/2026/NĐ-CP\nHà Nội, ngày 12 tháng 3 năm 2026\nNGHỊ ĐỊNH\nVề chế độ hỗ trợ giáo viên mầm non\n" +
				"Căn cứ Luật Giáo dục số 43/2019/QH14;\nChính phủ ban hành Nghị định về chế độ hỗ trợ giáo viên mầm non.\n" + decree},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ids []string
			for _, p := range Parse(tc.body).Passages() {
				ids = append(ids, p.ID)
				if strings.Contains(p.Text, "Căn cứ") || strings.Contains(p.Text, "Độc lập") {
					t.Errorf("passage %s is the header or legal basis: %q", p.ID, p.Text)
				}
			}
			if got, want := strings.Join(ids, " "), "Đ1 Đ2"; got != want {
				t.Errorf("passages %q, want %q", got, want)
			}
		})
	}
}

// TestAddresseesAfterTitle: a telegram or letter whose trích yếu is
// written in sentence case under its type line ("CÔNG ĐIỆN" / "Về việc
// tập trung ứng phó hạn hán …") started the body at that line, so the
// addressee formula after it ("THỦ TƯỚNG CHÍNH PHỦ điện:", "Kính gửi:")
// was read as text and the addressees as bullets — tasks ("Chủ tịch Ủy
// ban nhân dân các tỉnh, thành phố: Cần Thơ, …;") — and the preamble's
// narrative as a paragraph item. The addressee formula before any item
// or numbered section reopens the front matter, as a header line does
// (reopensFront). Lines written for the test.
func TestAddresseesAfterTitle(t *testing.T) {
	items := "1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố:\na) Theo dõi chặt chẽ diễn biến độ mặn, thông tin kịp thời để người dân chủ động trữ nước ngọt.\nb) Bố trí kinh phí khoan giếng, chở nước ngọt cho các hộ thiếu nước sinh hoạt.\n" +
		"2. Bộ Công Thương chỉ đạo bảo đảm cung ứng điện cho các trạm bơm chống hạn.\n"
	narrative := "Từ đầu tháng 3 năm 2026, xâm nhập mặn tại các cửa sông Tiền, sông Hậu vào sâu 50 - 60 km. Để chủ động ứng phó, Thủ tướng Chính phủ yêu cầu:\n"
	head := "THỦ TƯỚNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 41/CĐ-TTg\nHà Nội, ngày 03 tháng 4 năm 2026\nCÔNG ĐIỆN\n"
	tests := []struct {
		name, body string
	}{
		{"telegram, 'Về việc' title, addressees on dash lines",
			head + "Về việc tập trung ứng phó hạn hán, xâm nhập mặn tại Đồng bằng sông Cửu Long\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n" +
				"- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Cần Thơ, Vĩnh Long, Đồng Tháp, An Giang, Cà Mau;\n- Các Bộ: Nông nghiệp và Môi trường, Công Thương, Y tế.\n" + narrative + items},
		{"telegram, title without 'Về việc'",
			head + "Tập trung ứng phó hạn hán, xâm nhập mặn tại Đồng bằng sông Cửu Long\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n" +
				"- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Cần Thơ, Vĩnh Long, Đồng Tháp, An Giang, Cà Mau;\n- Các Bộ: Nông nghiệp và Môi trường, Công Thương, Y tế.\n" + narrative + items},
		{"the formula over the first item, its addressees left out: no addressees read",
			head + "Về việc tập trung ứng phó hạn hán, xâm nhập mặn tại Đồng bằng sông Cửu Long\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n" + items},
		{"a department's letter, 'Kính gửi:' after the title",
			"SỞ Y TẾ TỈNH AN GIANG\nSố: 812/SYT-NVY\nAn Giang, ngày 10 tháng 4 năm 2026\nVề việc tăng cường phòng, chống sốt xuất huyết\nKính gửi:\n" +
				"- Trung tâm Y tế các xã, phường;\n- Bệnh viện Đa khoa tỉnh.\n" + narrative + items},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ids []string
			for _, it := range Parse(tc.body).Items {
				ids = append(ids, it.ID)
			}
			if got, want := strings.Join(ids, " "), "1 1.a 1.b 2"; got != want {
				t.Errorf("items %q, want %q", got, want)
			}
		})
	}
}

// TestPortalTelegramTasks: a telegram copied from a portal with its
// information table ("THÔNG TIN VĂN BẢN", "Trường | Nội dung", "VĂN BẢN")
// before the header: those capitals opened sections, which the header
// dropped (reopensFront), but the parser still held that sections had
// opened, so the preamble was background and every item of the telegram
// background too — no task, no passage. Lines written for the test in the
// shape of such a copy.
func TestPortalTelegramTasks(t *testing.T) {
	body := "Về tăng cường phòng, chống đuối nước cho học sinh trong dịp hè\nTHÔNG TIN VĂN BẢN\nTrường | Nội dung\nSố hiệu | 52/CĐ-TTg\nLoại văn bản | Công điện\nNgày ban hành | 20 tháng 6 năm 2026\nVĂN BẢN\n" +
		"THỦ TƯỚNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 52/CĐ-TTg\nHà Nội, ngày 20 tháng 6 năm 2026\nCÔNG ĐIỆN\n" +
		"Về tăng cường phòng, chống đuối nước cho học sinh trong dịp hè\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n- Bộ trưởng Bộ Giáo dục và Đào tạo;\n- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố.\n" +
		"Ngày 18 tháng 6 năm 2026, tại một hồ thủy lợi đã xảy ra vụ đuối nước làm 03 học sinh tử vong.\n" +
		"1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố chỉ đạo rà soát, cắm biển cảnh báo tại các ao, hồ, sông, suối nguy hiểm.\n" +
		"2. Bộ Giáo dục và Đào tạo hướng dẫn các trường tổ chức dạy bơi, kỹ năng an toàn trong môi trường nước cho học sinh.\n"
	o := Parse(body)
	var ids []string
	for _, p := range o.Passages() {
		ids = append(ids, p.ID)
	}
	if got, want := strings.Join(ids, " "), "1 2"; got != want {
		t.Errorf("passages %q, want %q", got, want)
	}
	for _, it := range o.Items {
		if it.Kind != SectionTasks {
			t.Errorf("item %s is %v, want tasks", it.ID, it.Kind)
		}
	}
}

// TestNoAddresseesInBody: the addressee formula is the issuer in
// capitals before "điện:" ("THỦ TƯỚNG CHÍNH PHỦ điện:") or "Kính gửi"
// with its colon; a body's own line that ends with the word "điện"
// (electricity: "… các giải pháp tiết kiệm điện:", "1. Đối với các cơ
// quan, công sở sử dụng điện:") or opens with "Kính gửi" as a greeting
// in a sentence is none. Read as the formula, it reopened the front
// matter (reopensFront) or went on with it (frontLine), and the lead-in,
// the item and the dash lines under it were dropped as addressees. The
// formula in capitals, in capitals without tones and in NFD still reads
// as one. Lines written for the test (a provincial department's letter
// on saving electricity in the dry season).
func TestNoAddresseesInBody(t *testing.T) {
	head := "SỞ CÔNG THƯƠNG TỈNH NGHỆ AN\nSố: 215/SCT-QLNL\nNghệ An, ngày 12 tháng 5 năm 2026\nV/v tăng cường tiết kiệm điện mùa khô\nKính gửi: Các sở, ban, ngành cấp tỉnh.\n"
	narr := "Nắng nóng kéo dài làm phụ tải hệ thống điện tăng cao, nguy cơ thiếu điện cục bộ.\n"
	dashes := "- Tắt các thiết bị điện khi không sử dụng, cài đặt điều hòa không thấp hơn 26 độ C.\n- Tận dụng ánh sáng tự nhiên, hạn chế chiếu sáng trang trí.\n"
	tg := "THỦ TƯỚNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 41/CĐ-TTg\nHà Nội, ngày 03 tháng 4 năm 2026\nCÔNG ĐIỆN\nVề việc tập trung ứng phó hạn hán, xâm nhập mặn\n"
	addr := "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Cần Thơ, Vĩnh Long;\n- Các Bộ: Nông nghiệp và Môi trường, Công Thương.\n"
	items := "1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố theo dõi chặt chẽ diễn biến độ mặn.\n2. Bộ Công Thương chỉ đạo các công ty điện lực bảo đảm nguồn cho các trạm bơm.\n"
	tests := []struct {
		name, body, want string
	}{
		{"lead-in ending 'điện:' after a paragraph", head + narr + "Sở đề nghị các đơn vị thực hiện các giải pháp tiết kiệm điện:\n" + dashes, "•1 •2"},
		{"lead-in ending 'điện:' as the body's first line", head + "Sở đề nghị các đơn vị thực hiện các giải pháp tiết kiệm điện:\n" + dashes, "•1 •2"},
		{"first item ending 'điện:'", head + narr + "1. Đối với các cơ quan, công sở sử dụng điện:\n" + dashes + "2. Đối với doanh nghiệp: bố trí sản xuất vào giờ thấp điểm.\n", "1 1.•1 1.•2 2"},
		{"'Kính gửi' greeting inside the body", "SỞ CÔNG THƯƠNG TỈNH NGHỆ AN\nSố: 215/SCT-QLNL\nVề việc tiết kiệm điện\n" + narr + "Kính gửi các đồng chí lãnh đạo, Sở đề nghị thực hiện các việc sau:\n" + dashes, "•1 •2"},
		{"telegram formula in capitals", tg + "THỦ TƯỚNG CHÍNH PHỦ ĐIỆN:\n" + addr + narr + items, "1 2"},
		{"telegram formula without tones", tg + "THU TUONG CHINH PHU dien:\n" + addr + narr + items, "1 2"},
		{"telegram formula in NFD", norm.NFD.String(tg + "THỦ TƯỚNG CHÍNH PHỦ điện:\n" + addr + narr + items), "1 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ids []string
			for _, it := range Parse(tc.body).Items {
				ids = append(ids, it.ID)
			}
			if got := strings.Join(ids, " "); got != tc.want {
				t.Errorf("items %q, want %q", got, tc.want)
			}
		})
	}
}
