package outline

import (
	"runtime"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/childtest"
)

// TestWrappedRangeBullets (review of rangeWraps): a dash line opening
// with a number after a line ending with a number is a real bullet unless
// the wrap fell inside a range of years: the line before fills the width
// (a wrap falls nowhere else), both numbers are years and the second is
// the later, and the year is no key of a range of its own ("- 2026 -
// 2027: …"). Lines written for the review: a commune's targets under a
// short heading, a district's deadlines, a provincial plan's context, a
// road map by ranges of years, a file of documents ("- 01 bản …").
func TestWrappedRangeBullets(t *testing.T) {
	for _, c := range []struct {
		name, body string
		first      string // a dash item opens with it
		bullets    int
	}{
		{"figures under a short heading", "2. Chỉ tiêu phấn đấu đến năm 2030\n- 100 xã đạt chuẩn nông thôn mới nâng cao;\n- 30 xã đạt chuẩn nông thôn mới kiểu mẫu.",
			"100 xã đạt chuẩn", 2},
		{"days under a short heading", "3. Thời hạn giải quyết theo Quyết định số 15\n- 30 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ;\n- 15 ngày đối với hồ sơ phải bổ sung.",
			"30 ngày làm việc", 2},
		{"a year, not later, after a full heading", "1. Bối cảnh thực hiện Kế hoạch phát triển kinh tế - xã hội 5 năm giai đoạn 2021 - 2025\n- 2025 là năm cuối thực hiện Kế hoạch, có ý nghĩa đặc biệt quan trọng;\n- Tình hình thế giới tiếp tục diễn biến phức tạp.",
			"2025 là năm cuối", 2},
		{"ranges of years as keys", "1. Lộ trình thực hiện chuyển đổi số cấp xã như sau.\n- 2024 - 2025: hoàn thành tại các xã thuộc khu vực trung tâm huyện trong năm 2025\n- 2026 - 2027: hoàn thành tại các xã còn lại.",
			"2026 - 2027: hoàn thành", 2},
		{"counts of documents", "1. Hồ sơ đề nghị gồm các thành phần sau đây.\n- 01 bản chính Tờ trình đề nghị cấp giấy phép theo mẫu tại Phụ lục số 01\n- 02 bản sao Giấy chứng nhận đăng ký doanh nghiệp có chứng thực.",
			"02 bản sao", 2},
		// Still a wrap: the line before fills the width.
		{"a wrapped period", "1. Ủy ban nhân dân các xã xây dựng kế hoạch phát triển du lịch cộng đồng giai đoạn 2026\n- 2030, trình Hội đồng nhân dân cùng cấp thông qua trong quý III năm 2026.",
			"", 0},
	} {
		o := Parse(wrapFiller + c.body)
		found, bullets := c.first == "", 0
		for _, it := range o.Items {
			if it.Label == "-" {
				bullets++
				found = found || strings.HasPrefix(it.Text, c.first)
			}
		}
		if !found || bullets != c.bullets {
			t.Errorf("%s: no bullet opens with %q, or not %d bullets: %q", c.name, c.first, c.bullets, outlineItems(o))
		}
	}
}

// TestColonInParenBounded (review of colonInParen): a wrapped section
// text whose every line ends with a colon inside a parenthesis the next
// line closes is one paragraph; colonInParen joined the whole paragraph
// again at each line to count its parentheses — quadratic (4,000 lines:
// 2.8 s and 1.7 GB allocated, against 20 ms and 5.6 MB before it; a
// scratch run, load about 10). Measured in bytes allocated, which no load
// changes, as TestOutlineSectionTextLinear does. Lines written for it.
func TestColonInParenBounded(t *testing.T) {
	if !childtest.In(t, "") {
		childtest.Pass(t) // alone in a process: the bytes allocated it reads are the parse's (i30-rev-fuzz)
		return
	}
	body := "II. TỔ CHỨC THỰC HIỆN\nCác đơn vị phối hợp thực hiện các nội dung công việc được giao (liên hệ đ/c Lan:\n" +
		strings.Repeat("ĐT 0912345678) để phối hợp thực hiện các công việc được giao (liên hệ đ/c Lan:\n", 2000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	o := Parse(body)
	runtime.ReadMemStats(&after)
	if text := o.Sections[len(o.Sections)-1].Text; strings.Contains(text, "\n") || len(o.Items) != 0 {
		t.Fatalf("want one paragraph of section text, got %d items and %d lines", len(o.Items), strings.Count(text, "\n")+1)
	}
	if alloc, limit := after.TotalAlloc-before.TotalAlloc, uint64(64*len(body)); alloc > limit {
		t.Errorf("parsing %d bytes of section text allocated %d bytes, want at most %d", len(body), alloc, limit)
	}
}
