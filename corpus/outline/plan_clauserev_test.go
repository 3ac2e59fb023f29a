package outline

import (
	"strings"
	"testing"
)

// Review of i18-clause (docs/log/i18-clauserev.md): the lines are
// written for the tests, in the shapes of plans and decrees.

// TestOutlineAnnouncementOnlyInLegalText: a line naming a provision after
// an amending verb, without "như sau:", opens a quote only in an article
// of a legal text (or a quote of one), and only a quote opening with a
// provision ("“5. …", "“Điều 30a. …", "“a) …"), not a motto. A plan's task "Bổ sung nhiệm vụ tại
// khoản 2 Điều 4 Kế hoạch …" followed by a motto in quotes that does not
// close at the end of its line took every section after it as quoted
// items of the task (III. TỔ CHỨC THỰC HIỆN lost).
func TestOutlineAnnouncementOnlyInLegalText(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"a plan's task, a motto over two lines",
			strings.Join([]string{
				"II. NHIỆM VỤ",
				"1. Bổ sung nhiệm vụ tại khoản 2 Điều 4 Kế hoạch số 12/KH-UBND",
				"“Kỷ cương, trách nhiệm, hành động,",
				"đổi mới, hiệu quả”, các sở triển khai ngay.",
				"2. Tổ chức tuyên truyền trên báo, đài địa phương.",
				"III. TỔ CHỨC THỰC HIỆN",
				"1. Sở Nội vụ tổng hợp kết quả.",
			}, "\n"),
			"II.1/1/-H\nII.1.¶1/2/II.1\nII.2/1/-\nIII.1/1/-\n"},
		{"a letter's item, a quote never closed",
			strings.Join([]string{
				"Ủy ban nhân dân tỉnh đề nghị:",
				"1. Sửa đổi mục 3 Phần II Kế hoạch số 45/KH-UBND theo hướng tăng chỉ tiêu",
				"“Phấn đấu đạt 100% hồ sơ trực tuyến toàn trình",
				"2. Các sở báo cáo trước ngày 20 tháng 12.",
			}, "\n"),
			"1/1/-H\n1.¶1/2/1\n2/1/-\n"},
		{"a decision's clause, a motto over two lines",
			strings.Join([]string{
				"Điều 1. Phê duyệt Kế hoạch cải cách hành chính năm 2027 của tỉnh",
				"1. Bổ sung nhiệm vụ tại khoản 2 Điều 4 Kế hoạch số 12/KH-UBND",
				"“Kỷ cương, trách nhiệm, hành động,",
				"đổi mới, hiệu quả”, các sở triển khai ngay.",
				"2. Sở Nội vụ theo dõi, đôn đốc việc thực hiện.",
				"Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
			}, "\n"),
			"Đ1.1/1/-H\nĐ1.1.¶1/2/Đ1.1\nĐ1.2/1/-\n"},
		{"an announcement ending with a full stop, a quoted article after it",
			strings.Join([]string{
				"Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 10/2020/NĐ-CP",
				"1. Sửa đổi Điều 3.",
				"“Điều 3. Nguyên tắc cấp phép",
				"1. Bảo đảm công khai, minh bạch.”",
				"2. Bãi bỏ Điều 4.",
			}, "\n"),
			"Đ1.1/1/-\nĐ1.1.“Đ3/1/-QH\nĐ1.1.“Đ3.1/2/Đ1.1.“Đ3Q\nĐ1.2/1/-\n"},
		{"an amending decree's clause still opens it",
			strings.Join([]string{
				"Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 10/2020/NĐ-CP",
				"1. Bổ sung khoản 5 vào sau khoản 4 Điều 3",
				"“5. Tổ chức được miễn phí khi đăng ký lần đầu.",
				"Thời hạn miễn phí là 12 tháng.”",
				"2. Bãi bỏ Điều 4.",
			}, "\n"),
			"Đ1.1/1/-\nĐ1.1.“5/1/-Q\nĐ1.1.“5.¶1/2/Đ1.1.“5Q\nĐ1.2/1/-\n"},
	} {
		if got := itemTree(Parse(c.body)); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// TestOutlineArticleClosingSentence: after an article's last clause, the
// sentence giving the whole text to those who carry it out ("Các Bộ
// trưởng … chịu trách nhiệm thi hành Nghị định này.", a provincial
// decision's "Chánh Văn phòng … chịu trách nhiệm thi hành Quyết định
// này.") is the article's, as "Trong quá trình thực hiện, nếu có vướng mắc
// …" is, not the last clause's second paragraph. A clause's own paragraph
// naming who is responsible for something else stays the clause's; the
// rest of a clause broken over two lines continues it.
func TestOutlineArticleClosingSentence(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"a decree",
			strings.Join([]string{
				"Điều 12. Hiệu lực và trách nhiệm thi hành",
				"1. Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2027.",
				"2. Nghị định số 10/2020/NĐ-CP hết hiệu lực kể từ ngày Nghị định này có hiệu lực.",
				"Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân cấp tỉnh chịu trách nhiệm thi hành Nghị định này.",
			}, "\n"),
			"Đ12.1/1/-\nĐ12.2/1/-\nĐ12.¶1/1/-\n"},
		{"a provincial decision",
			strings.Join([]string{
				"Điều 3. Hiệu lực thi hành",
				"1. Quyết định này có hiệu lực kể từ ngày 15 tháng 01 năm 2027.",
				"2. Bãi bỏ Quyết định số 5/2020/QĐ-UBND.",
				"Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
			}, "\n"),
			"Đ3.1/1/-\nĐ3.2/1/-\nĐ3.¶1/1/-\n"},
		{"a clause's own paragraph on another responsibility",
			strings.Join([]string{
				"Điều 8. Kiểm tra",
				"1. Sở Xây dựng kiểm tra định kỳ các công trình.",
				"Chủ đầu tư chịu trách nhiệm cung cấp hồ sơ cho đoàn kiểm tra.",
				"2. Kết quả kiểm tra được công khai.",
			}, "\n"),
			"Đ8.1/1/-\nĐ8.1.¶1/2/Đ8.1\nĐ8.2/1/-\n"},
	} {
		if got := itemTree(Parse(c.body)); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// TestQuotesProvision: the first line of a quote an announcement without
// "như sau:" may open (quotesProvision).
func TestQuotesProvision(t *testing.T) {
	for line, want := range map[string]bool{
		"“5. Tổ chức được miễn phí khi đăng ký lần đầu.":      true,
		"“3a. Bổ sung Điều 28a vào sau Điều 28 như sau:":      true,
		"\"1, Việc kết nối, chia sẻ thông tin giữa các cơ sở": true,
		"“b) Hồ sơ đề nghị gồm:":                              true,
		"“Điều 30a. Trình tự thẩm định":                       true,
		"“Mục 2a. GIẢI QUYẾT KHIẾU NẠI":                       true,
		"“Chương IV": true,
		"“Kỷ cương, trách nhiệm, hành động,":             false,
		"“Phấn đấu đạt 100% hồ sơ trực tuyến toàn trình": false,
		"“Tất cả vì nhân dân phục vụ":                    false,
	} {
		if got := quotesProvision(line); got != want {
			t.Errorf("quotesProvision(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestIsRomanAfterL: "L" then "XL…" is no roman number ("LXL" would be
// 90, past the last one a section table holds, LXXXIX): a heading "LXL."
// (the fuzzer's "LXL.A0") made Parse panic.
func TestIsRomanAfterL(t *testing.T) {
	// i19-stableidrev: "L" twice ("LLX", the fuzzer's "LLX.A": 110), or
	// after "XL" ("XLLX": 100), likewise.
	for s, want := range map[string]bool{"LXL": false, "LXLIX": false, "LXXXIX": true, "LIX": true, "LX": true,
		"LL": false, "LLX": false, "LLI": false, "XLL": false, "XLLX": false, "XLIX": true, "XLV": true} {
		if got := isRoman(s); got != want {
			t.Errorf("isRoman(%q) = %v, want %v", s, got, want)
		}
	}
	for _, body := range []string{"LXL.A0", "LXL. KẾT QUẢ\n1. Tổng hợp.", "LLX.A", "XLLX. KẾT QUẢ\n1. Tổng hợp."} {
		Parse(body) // no panic
	}
}

// TestIsRomanBounded: every string of I, V, X, L up to 7 letters isRoman
// accepts is below 90, the sections the parser's table of roman sections
// holds (outlineParser.romans).
func TestIsRomanBounded(t *testing.T) {
	var walk func(s string)
	walk = func(s string) {
		if isRoman(s) {
			if n := romanNumber(s); n < 1 || n >= len(outlineParser{}.romans) {
				t.Errorf("isRoman(%q), %d: outside the table", s, n)
			}
		}
		if len(s) < 7 {
			for _, c := range []string{"I", "V", "X", "L"} {
				walk(s + c)
			}
		}
	}
	walk("")
}
