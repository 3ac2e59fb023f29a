package outline

import (
	"runtime"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/childtest"
)

// Tests of the review of i17-parse3 (i17-parse3rev).

// TestCheckerCitesOnFinishedReference: the checker excuses a
// heading-shaped line after a line breaking off mid-reference ("… quy
// định tại khoản 3" / "Điều 155 Luật Đất đai…"), but a reference that is
// complete — "… khoản 2 Điều này." ending the sentence, "… Điều này,",
// or a word after "mục"/"khoản" that is no number ("các mục tiêu",
// "khoản thu") — names nothing on the next line: a real article heading
// there is a heading left as text. i17-parse3's citeEnd took "Điều
// này." as "Điều N" and excused 369 heading-shaped lines of ../shared
// (real lines: NĐ 233/2026/NĐ-CP before Điều 14, NĐ 215/2026/NĐ-CP before
// Điều 51, TT 06/2026/TT-BGDĐT before Điều 8).
func TestCheckerCitesOnFinishedReference(t *testing.T) {
	for _, prev := range []string{
		"viên chức quy định tại điểm b và điểm c khoản 2 Điều này.",
		"định tại điểm a khoản 1 Điều này,",
		"Điểm ưu tiên = [(30 - Tổng điểm đạt được)/7,50] x Mức điểm ưu tiên quy định tại khoản 1, 2 Điều này",
		"được thực hiện theo quy định tại khoản 4 Điều 11.",
		"2. Phấn đấu hoàn thành các mục tiêu",
		"b) Quản lý các khoản thu",
	} {
		if citesOn(prev) {
			t.Errorf("citesOn(%q) = true, the reference is complete", prev)
		}
	}
	for _, prev := range []string{
		"- Thời điểm tính tiền sử dụng đất được thực hiện theo quy định tại khoản 3",
		"pháp khắc phục hậu quả đối với hành vi vi phạm hành chính quy định tại mục 3",
		"3. Hồ sơ khai bổ sung hồ sơ khai thuế thực hiện theo quy định tại điểm 1",
		"phát tán thông tin đã bị yêu cầu gỡ bỏ quy định tại các điểm a, b và e khoản I",
		"c) Chỉ đạo đơn vị sự nghiệp công lập quy định tại điểm c, điểm đ khoản 2",
		"sau ngày 01 tháng 7 năm 2027 sẽ đương nhiên miễn nhiệm theo quy định tại",
		"tờ khai thuế theo mẫu số 01-6/GTGT",
		"… quy định tại điểm đ",
	} {
		if !citesOn(prev) {
			t.Errorf("citesOn(%q) = false, the reference goes on", prev)
		}
	}
	// A real article left as text inside a quote (the layout the checker
	// test of i17-structrev uses), after a line ending "… Điều này.".
	body := "1. Sửa đổi khoản 2 như sau:\n“2. Hồ sơ gồm đơn đề nghị của\nviên chức quy định tại điểm b và điểm c khoản 2 Điều này.\n" +
		"Điều 14. Trường hợp đặc biệt trong theo dõi, đánh giá, xếp loại chất lượng\nb) Bản sao.”."
	n := 0
	for _, a := range checkOutline(body) {
		if a.class == anomHeading {
			n++
		}
	}
	if n != 1 {
		t.Errorf("an article heading after '… Điều này.': %d heading-as-text, want 1", n)
	}
}

// TestOutlineMisreadLetterSkips: "đ)" right after "c)" was read as a
// misread "d)" (i17-parse3's misreadLetter) even when the point after it
// is "e)": then the list skips "d)" — the point's label lost to OCR
// (NĐ 260/2026/NĐ-CP Điều 3: "® Điều chỉnh cơ cầu…" is the "d)" line) or
// a point repealed — and "đ)" is the real "đ)"; read as "d)", the next
// "e)" did not follow it and the list's IDs and labels were wrong. The
// same for "e)" after "b)" followed by "g)". A misread letter whose next
// point follows it as written keeps its letter; one whose next point is
// a repeat of it ("đ)" then the real "đ)", NĐ 252/2026) is still read as
// the letter before.
func TestOutlineMisreadLetterSkips(t *testing.T) {
	tests := []outlineCase{
		{"'đ)' after 'c)' followed by 'e)' (real lines, NĐ 260/2026)",
			"Điều 3. Giải thích từ ngữ\n3. Điều chỉnh khu công nghệ cao là việc thay đổi một hoặc một số các nội\ndung sau:\na) Điều chỉnh mục tiêu, nhiệm vụ của khu công nghệ cao hiện hữu;\n" +
				"b) Điều chỉnh giảm quy mô diện tích khu-công nghệ cao hiện hữu;\nc) Diều chỉnh táng quy mô diện tích khu công nghệ cao hiện hữu dưới\n10% diện tích hoặc dưới 50 hạ;\n" +
				"® Điều chỉnh cơ cầu sử dụng đất trong khu công nghệ cao hiện hữu;\nđ) Điều chỉnh cơ cấu nguồn vốn đầu tư xây dựng hạ tầng kỹ thuật khu\ncông nghệ cao;\n" +
				"e) Điều chỉnh ranh giới khu công nghệ cao hiện hữu;\ng) Thay đổi tên gọi khu công nghệ cao hiện hữu.",
			"Đ3.3/1H/tasks:Điều chỉnh khu công nghệ cao là việc thay đổi một hoặc một số các nội\ndung sau:\nĐ3.3.a/2/tasks:Điều chỉnh mục tiêu, nhiệm vụ của khu công nghệ cao hiện hữu;\n" +
				"Đ3.3.b/2/tasks:Điều chỉnh giảm quy mô diện tích khu-công nghệ cao hiện hữu;\nĐ3.3.c/2H/tasks:Diều chỉnh táng quy mô diện tích khu công nghệ cao hiện hữu dưới\nĐ3.3.c.¶1/3/tasks:10% diện tích hoặc dưới 50 hạ;\nĐ3.3.c.¶2/3/tasks:® Điều chỉnh cơ cầu sử dụng đất trong khu công nghệ cao hiện hữu;\n" +
				"Đ3.3.đ/2/tasks:Điều chỉnh cơ cấu nguồn vốn đầu tư xây dựng hạ tầng kỹ thuật khu\ncông nghệ cao;\nĐ3.3.e/2/tasks:Điều chỉnh ranh giới khu công nghệ cao hiện hữu;\nĐ3.3.g/2/tasks:Thay đổi tên gọi khu công nghệ cao hiện hữu.\n"},
		{"a list whose 'c)' and 'd)' were repealed: 'e)' after 'b)' followed by 'g)'",
			"1. Các trường hợp được miễn:\na) Hộ nghèo;\nb) Hộ cận nghèo;\ne) Người có công với cách mạng;\ng) Người khuyết tật nặng.",
			"1/1H/tasks:Các trường hợp được miễn:\n1.a/2/tasks:Hộ nghèo;\n1.b/2/tasks:Hộ cận nghèo;\n1.e/2/tasks:Người có công với cách mạng;\n1.g/2/tasks:Người khuyết tật nặng.\n"},
		{"'đ)' after 'c)' then the real 'đ' with its label damaged ('đ Bản sao'), then 'e)': still 'd)' (real lines, NĐ 26/2026)",
			"Điều 9. Hồ sơ đề nghị cấp Giấy chứng nhận\n1. Hồ sơ gồm:\nc) Thông báo kết quả kiểm tra công tác nghiệm thu hoàn thành hạng mục\ncông trình, công trình xây dựng (theo quy định của pháp luật về xây dựng);\n" +
				"đ) Bản thuyết minh quy trình công nghệ, thao tác an toàn trong sản xuất\nhóa chất có điều kiện;\nđ Bản sao Quyết định phê duyệt Kế hoạch phòng ngừa, ứng phó sự cố\nhóa chất của cơ quan có thẩm quyền;\ne) Bản sao giấy chứng nhận huấn luyện an toàn hóa chất.",
			"Đ9.1/1H/tasks:Hồ sơ gồm:\nĐ9.1.c/2/tasks:Thông báo kết quả kiểm tra công tác nghiệm thu hoàn thành hạng mục\ncông trình, công trình xây dựng (theo quy định của pháp luật về xây dựng);\n" +
				"Đ9.1.d/2/tasks:Bản thuyết minh quy trình công nghệ, thao tác an toàn trong sản xuất\nhóa chất có điều kiện;\nđ Bản sao Quyết định phê duyệt Kế hoạch phòng ngừa, ứng phó sự cố\nhóa chất của cơ quan có thẩm quyền;\nĐ9.1.e/2/tasks:Bản sao giấy chứng nhận huấn luyện an toàn hóa chất.\n"},
	}
	checkOutlines(t, tests)
}

// TestOutlineWrapRowGuards: i17-parse3's wrapRow reads a shorter row or a
// line under a task row as the row's wrapped rest when a cell of the row
// dangles. Two things it glued that main (9a3145e) did not: a cell "-"
// (the mark many task tables put in an empty cell, as in 2530/QĐ-TTg's
// statistics "| 70 | - | 70 |") was taken for a phrase broken after a
// dash, so the short heading after the table ("III. KINH PHÍ") went into
// the co-agency cell and its items into section II; and a row starting
// with the next row number ("2 | Số hóa hồ sơ đất đai | Sở Tư pháp",
// merged cells) was glued to the row before when a cell of it dangled
// ("Năm 2026 và các năm tiếp theo" ends on "theo"; 2530/QĐ-TTg's
// deadlines "… trong các năm tiếp theo (nếu có)"). A row number or a
// heading starts no wrapped rest; "-" alone dangles not.
func TestOutlineWrapRowGuards(t *testing.T) {
	tests := []outlineCase{
		{"a short heading after a row with an empty '-' cell",
			"II. NHIỆM VỤ CỤ THỂ\nSTT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn hoàn thành\n" +
				"1 | Rà soát quy hoạch sử dụng đất | Sở Nông nghiệp và Môi trường | - | Năm 2026\nIII. KINH PHÍ\n1. Kinh phí do ngân sách tỉnh bảo đảm.",
			"II.r1/1/tasks:Rà soát quy hoạch sử dụng đất[Sở Nông nghiệp và Môi trường;Năm 2026]\nIII.1/1/funding:Kinh phí do ngân sách tỉnh bảo đảm.\n"},
		{"a short heading after a row whose agency dangles",
			"II. NHIỆM VỤ CỤ THỂ\nSTT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời hạn hoàn thành\n" +
				"1 | Rà soát quy hoạch sử dụng đất | Sở Nông nghiệp và | Năm 2026\nIII. KINH PHÍ\n1. Kinh phí do ngân sách tỉnh bảo đảm.",
			"II.r1/1/tasks:Rà soát quy hoạch sử dụng đất[Sở Nông nghiệp và;Năm 2026]\nIII.1/1/funding:Kinh phí do ngân sách tỉnh bảo đảm.\n"},
		{"the next row number after a row whose deadline ends on 'theo'",
			"II. NHIỆM VỤ CỤ THỂ\nSTT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn hoàn thành\n" +
				"1 | Rà soát quy hoạch sử dụng đất | Sở Nông nghiệp và Môi trường | UBND cấp xã | Năm 2026 và các năm tiếp theo\n" +
				"2 | Số hóa hồ sơ đất đai | Sở Tư pháp\n3 | Xây dựng cơ sở dữ liệu đất đai | Công an tỉnh | UBND cấp xã | Năm 2027",
			"II.r1/1/tasks:Rà soát quy hoạch sử dụng đất[Sở Nông nghiệp và Môi trường;Năm 2026 và các năm tiếp theo]\nII.r2/1/tasks:Số hóa hồ sơ đất đai[Sở Tư pháp;]\nII.r3/1/tasks:Xây dựng cơ sở dữ liệu đất đai[Công an tỉnh;Năm 2027]\n"},
	}
	checkOutlines(t, tests)
}

// TestOutlineSectionTextLinear: a section's unlabelled text grew by one
// string concatenation a line, so its parsing copied the text once a line
// — quadratic in the section's length. Real: TT 38/2026/TT-BXD (the
// construction norms in ../shared govdocs) has a section of 5,155 text
// lines: its parse took 273 ms and allocated 346 MB, now 116 ms and
// 91 MB (a scratch benchmark, -benchtime 5x under the lock at load 4–5;
// not timed here). Measured in bytes
// allocated, which no load changes: parsing 5,000 text lines allocates a
// bounded multiple of the body, not 5,000 copies of half of it.
func TestOutlineSectionTextLinear(t *testing.T) {
	if !childtest.In(t, "") {
		childtest.Pass(t) // alone in a process: the bytes allocated it reads are the parse's (i30-rev-fuzz)
		return
	}
	body := "II. ĐỊNH MỨC DỰ TOÁN\n" + strings.Repeat("Đào đất bằng máy đào, theo cấp đất đá\n", 5000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	o := Parse(body)
	runtime.ReadMemStats(&after)
	if got := strings.Count(o.Sections[len(o.Sections)-1].Text, "\n"); got != 4999 {
		t.Fatalf("section text has %d lines, want 5000", got+1)
	}
	if alloc, limit := after.TotalAlloc-before.TotalAlloc, uint64(64*len(body)); alloc > limit {
		t.Errorf("parsing %d bytes of section text allocated %d bytes, want at most %d", len(body), alloc, limit)
	}
}
