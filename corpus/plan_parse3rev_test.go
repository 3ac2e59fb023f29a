package corpus

import "testing"

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
