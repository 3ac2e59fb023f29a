package link

import (
	"slices"
	"testing"
)

// Lines written for the tests of this file: a drought telegram of the
// Government, a province's plan against saltwater intrusion and a
// ministry's letter on school safety (none from the development sets).

func TestSplitSubject(t *testing.T) {
	for _, c := range []struct {
		text, subject string
	}{
		{"Bộ Xây dựng, Bộ Công an chỉ đạo lực lượng chức năng điều tiết giao thông, bảo đảm an toàn cho người dân.",
			"Bộ Xây dựng, Bộ Công an"},
		{"Bộ Tài chính chủ trì, phối hợp với Bộ Nông nghiệp và Môi trường bố trí kinh phí hỗ trợ các địa phương bị hạn hán.",
			"Bộ Tài chính"},
		{"Sở Y tế chủ trì chuẩn bị cơ số thuốc, hóa chất khử khuẩn nguồn nước.", "Sở Y tế"},
		{"Giao Sở Xây dựng hướng dẫn các xã gia cố nhà ở trước mùa mưa bão.", "Giao Sở Xây dựng"},
		{"Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh vận động Nhân dân tiết kiệm nước.", "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"},
		// no agency at the start: nothing is the subject, an agency named later stays topic and object
		{"Xây dựng phương án cấp nước sinh hoạt cho các hộ thiếu nước, phối hợp với Bộ Xây dựng.", ""},
		{"Rà soát, bổ sung trang thiết bị phòng cháy tại các trường học.", ""},
	} {
		subject, rest := splitSubject(c.text)
		if subject != c.subject || subject+rest != c.text {
			t.Errorf("splitSubject(%q) = %q + %q, want the subject %q", c.text, subject, rest, c.subject)
		}
	}
}

func TestSubjectTerms(t *testing.T) {
	text := "Bộ Xây dựng chỉ đạo kiểm định nhà ở"
	got := map[string]float64{}
	subjectTerms(text, 1, func(term string, w float64) { got[term] += w })
	for _, term := range []string{"xay", "dung", "xay dung", "bo"} {
		if _, ok := got[term]; ok {
			t.Errorf("SubjectTerms 1: the subject's term %q kept (%v)", term, got)
		}
	}
	if got["kiem dinh"] != 1 || got["nha o"] != 1 {
		t.Errorf("SubjectTerms 1: the work's terms %v, want weight 1", got)
	}
	half := map[string]float64{}
	subjectTerms(text, 0.5, func(term string, w float64) { half[term] += w })
	if half["xay dung"] != 0.5 || half["kiem dinh"] != 1 {
		t.Errorf("SubjectTerms 0.5: %v", half)
	}
	var off []string
	subjectTerms(text, 0, func(term string, w float64) {
		if w != 1 {
			t.Errorf("SubjectTerms 0: %q at %v", term, w)
		}
		off = append(off, term)
	})
	if !slices.Contains(off, "xay dung") {
		t.Errorf("SubjectTerms 0 left out the subject: %v", off)
	}
}
