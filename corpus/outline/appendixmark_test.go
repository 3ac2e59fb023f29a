package outline

import (
	"strings"
	"testing"
)

// TestAppendixHeadingMarkup: an appendix heading is one whatever markdown
// a conversion puts around it — a heading mark of any level ("# Phụ lục
// I", as a page converter writes an annex's first heading) or emphasis
// ("**PHỤ LỤC II**") — so its table's rows are appendix rows (the rows
// linking weighs by AppendixWeight, the repeats collapseRepeats folds),
// while a task table in the body stays the body's, and a sentence naming
// an appendix opens none. Lines written for the test.
func TestAppendixHeadingMarkup(t *testing.T) {
	const body = "II. NHIỆM VỤ, GIẢI PHÁP\n" +
		"1. Phát triển công trình cấp nước tập trung ở vùng khô hạn.\n" +
		"STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian\n" +
		"1 | Rà soát quy hoạch cấp nước nông thôn | Sở Nông nghiệp | 2025\n" +
		"2 | Xây dựng cơ sở dữ liệu công trình cấp nước | Sở Xây dựng | 2026\n" +
		"III. TỔ CHỨC THỰC HIỆN\n" +
		"1. Sở Nông nghiệp chủ trì tổ chức thực hiện.\n"
	const table = "\nDANH MỤC NHIỆM VỤ\n" +
		"STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian\n" +
		"1 | Lắp đặt đồng hồ đo nước tại công trình | Sở Xây dựng | 2025\n" +
		"2 | Kiểm tra chất lượng nước định kỳ hằng quý | Sở Y tế | 2026\n"
	for _, c := range []struct {
		heading string
		rows    int // appendix rows; the body's two table rows are never among them
	}{
		{"PHỤ LỤC II", 2},
		{"## Phụ lục I", 2},
		{"# Phụ lục I", 2},
		{"# PHỤ LỤC", 2},
		{"#### PHỤ LỤC 02", 2},
		{"**PHỤ LỤC II**", 2},
		{"*Phụ lục 3*", 2},
		{"## **PHỤ LỤC II**", 2},
		{"__PHỤ LỤC__", 2},
		{"# Phụ lục I được ban hành kèm theo Kế hoạch này để các sở theo dõi.", 0},
		{"**Phụ lục kèm theo gồm các biểu mẫu báo cáo định kỳ của các sở, ngành.**", 0},
	} {
		o := Parse(body + c.heading + table)
		rows, bodyRows := 0, 0
		for _, ps := range o.Passages() {
			switch {
			case o.InAppendix(ps):
				rows++
			case ps.ID == "II.r1" || ps.ID == "II.r2":
				bodyRows++
			}
		}
		if rows != c.rows || bodyRows != 2 {
			t.Errorf("%q: %d appendix rows, %d body rows; want %d and 2", c.heading, rows, bodyRows, c.rows)
		}
	}
}

// TestAppendixHeadingRepeated: a converter's heading line followed by the
// document's own heading of the same appendix ("# Phụ lục I" then "Phụ
// lục I" and its title) opens one appendix, not "PLI" and an empty
// "PLI~2"; a second appendix of the same number after content is a
// section of its own. Lines written for the test.
func TestAppendixHeadingRepeated(t *testing.T) {
	const rows = "STT | Nhiệm vụ | Cơ quan chủ trì\n" +
		"1 | Lắp đặt đồng hồ đo nước tại công trình | Sở Xây dựng\n" +
		"2 | Kiểm tra chất lượng nước định kỳ hằng quý | Sở Y tế\n"
	const body = "II. NHIỆM VỤ\n1. Phát triển công trình cấp nước tập trung ở vùng khô hạn.\n"
	for _, c := range []struct {
		name, text string
		want       []string // the appendix sections
	}{
		{"markdown then own heading", body + "# Phụ lục I\n\nPhụ lục I\nDANH MỤC NHIỆM VỤ\n(Kèm theo Kế hoạch số 12/KH-UBND)\n" + rows, []string{"PLI"}},
		{"same heading twice", body + "PHỤ LỤC\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n" + rows, []string{"PL"}},
		{"two appendices numbered alike", body + "PHỤ LỤC I\nDANH MỤC NHIỆM VỤ\n" + rows + "PHỤ LỤC I\nDANH MỤC DỰ ÁN\n" + rows, []string{"PLI", "PLI~2"}},
	} {
		o := Parse(c.text)
		var got []string
		for _, s := range o.Sections {
			if s.Appendix {
				got = append(got, s.ID)
			}
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%s: appendix sections %q, want %q", c.name, got, c.want)
		}
	}
}
