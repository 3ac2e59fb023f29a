package deadline

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// ref is the date of a plan issued on 21 November 2025.
var ref = time.Date(2025, 11, 21, 0, 0, 0, 0, time.UTC)

func TestParse(t *testing.T) {
	tests := []struct {
		in                string
		kind              Kind
		date, from, every string
	}{
		// quarters
		{"Quý IV/2024", Date, "2024-12-31", "2024-10-01", ""},
		{"quý I/2026", Date, "2026-03-31", "2026-01-01", ""},
		{"Quý II năm 2025", Date, "2025-06-30", "2025-04-01", ""},
		{"QUÝ III - 2025", Date, "2025-09-30", "2025-07-01", ""},
		{"Quý 4/2025", Date, "2025-12-31", "2025-10-01", ""},
		{"Quy IV/2024", Date, "2024-12-31", "2024-10-01", ""},
		{"Quý III, IV/2025", Date, "2025-12-31", "2025-07-01", ""},
		{"Quý I", Date, "2026-03-31", "", ""},  // before the plan: next year
		{"Quý IV", Date, "2025-12-31", "", ""}, // the plan's year
		{"Quý II/2025 (giai đoạn 1); Quý IV/2025 (giai đoạn 2)", Date, "2025-12-31", "2025-04-01", ""},
		// years
		{"Năm 2025", Date, "2025-12-31", "2025-01-01", ""},
		{"năm 2025", Date, "2025-12-31", "2025-01-01", ""},
		{"2026", Date, "2026-12-31", "2026-01-01", ""},
		{"Trong năm 2026", Date, "2026-12-31", "2026-01-01", ""},
		{"Cuối năm 2025", Date, "2025-12-31", "2025-01-01", ""},
		{"6 tháng đầu năm 2026", Date, "2026-06-30", "2026-01-01", ""},
		{"Đầu năm 2026", Date, "2026-03-31", "2026-01-01", ""},
		{"Giai đoạn 2026 - 2027", Date, "2027-12-31", "2026-01-01", ""},
		{"2021-2025", Date, "2025-12-31", "2021-01-01", ""},
		{"Năm 2025 – 2030", Date, "2030-12-31", "2025-01-01", ""},
		{"Năm học 2025-2026", Date, "2026-05-31", "2025-09-01", ""},
		// months
		{"Tháng 6/2024", Date, "2024-06-30", "2024-06-01", ""},
		{"tháng 02/2024", Date, "2024-02-29", "2024-02-01", ""},
		{"Tháng 12 năm 2025", Date, "2025-12-31", "2025-12-01", ""},
		{"Trong tháng 11/2025", Date, "2025-11-30", "2025-11-01", ""},
		{"Tháng 3", Date, "2026-03-31", "", ""},
		// days
		{"trước ngày 15/3/2025", Date, "2025-03-15", "", ""},
		{"Trước ngày 15 tháng 3 năm 2025", Date, "2025-03-15", "", ""},
		{"Chậm nhất ngày 31/12/2025", Date, "2025-12-31", "", ""},
		{"30/6/2025", Date, "2025-06-30", "", ""},
		{"30-6-2025", Date, "2025-06-30", "", ""},
		{"31.12.2025", Date, "2025-12-31", "", ""},
		{"Trước ngày 25 tháng 12", Date, "2025-12-25", "", ""},
		{"trước ngày 15/3", Date, "2026-03-15", "", ""},
		{"Từ ngày 01/01/2025 đến ngày 30/6/2025", Date, "2025-06-30", "2025-01-01", ""},
		{"31/4/2025", Unknown, "", "", ""}, // no 31 April: no date (i20-deadline; the month's last day before)
		// "trước" a period: due the day before it starts
		{"Trước năm 2026", Date, "2025-12-31", "", ""},
		{"hoàn thành trước năm 2028", Date, "2027-12-31", "", ""},
		{"Trước quý III/2026", Date, "2026-06-30", "", ""},
		{"trước tháng 7/2026", Date, "2026-06-30", "", ""},
		{"trước tháng 3", Date, "2026-02-28", "", ""}, // without a year: the next March, less a day
		{"Trước 6 tháng đầu năm 2026", Date, "2025-12-31", "", ""},
		{"trước ngày 30/9/2026", Date, "2026-09-30", "", ""}, // a day: that day
		{"Trước Thứ Sáu ngày 12/12/2025", Date, "2025-12-12", "", ""},
		{"trước thứ 2 ngày 15/12/2025", Date, "2025-12-15", "", ""},
		// Tết Nguyên đán: its eve
		{"Trước Tết Nguyên đán năm 2026", Date, "2026-02-16", "", ""},
		{"trước Tết Nguyên đán Đinh Mùi 2027", Date, "2027-02-05", "", ""},
		{"Trước Tết Nguyên đán", Date, "2026-02-16", "", ""}, // the next Tết after the plan
		{"Trước Tết 2030", Date, "2030-02-02", "", ""},
		{"Trước Tết Nguyên đán năm 2099", Unknown, "", "", ""}, // outside the table
		{"Tết Dương lịch", Unknown, "", "", ""},
		// ranges and outlooks
		{"Từ nay đến năm 2030", Date, "2030-12-31", "2025-11-21", ""},
		{"Đến năm 2030, tầm nhìn đến năm 2045", Date, "2030-12-31", "", ""},
		{"giai đoạn 2026 - 2030, tầm nhìn 2050", Date, "2030-12-31", "2026-01-01", ""},
		{"Đến hết năm 2026", Date, "2026-12-31", "", ""},
		{"6 tháng cuối năm 2026", Date, "2026-12-31", "2026-07-01", ""},
		{"Quý I/2026 và hằng năm", Date, "2026-03-31", "2026-01-01", "year"},
		{"Trong tháng 12", Date, "2025-12-31", "", ""},   // the plan's year
		{"Trước ngày 15/01", Date, "2026-01-15", "", ""}, // passed in the plan's year: the next
		// no such day
		{"31/02/2026", Unknown, "", "", ""},
		{"Trước ngày 30/02", Unknown, "", "", ""},
		{"trước ngày 31 tháng 6 năm 2026", Unknown, "", "", ""},
		{"29/02/2028", Date, "2028-02-29", "", ""},
		// recurrences
		{"Thường xuyên", Recurring, "", "", EveryContinuous},
		{"THƯỜNG XUYÊN", Recurring, "", "", EveryContinuous},
		{"Hằng năm", Recurring, "", "", "year"},
		{"Hàng năm", Recurring, "", "", "year"},
		{"Hằng quý", Recurring, "", "", "quarter"},
		{"Định kỳ 6 tháng", Recurring, "", "", "half-year"},
		{"Định kỳ hằng tháng", Recurring, "", "", "month"},
		{"Định kỳ", Recurring, "", "", EveryPeriodic},
		{"Trước ngày 20 hằng tháng", Recurring, "", "", "month"},
		{"Quý IV hằng năm", Recurring, "", "", "year"},
		{"Liên tục", Recurring, "", "", EveryContinuous},
		{"Từ năm 2026", Recurring, "", "2026-01-01", EveryContinuous},
		{"Năm 2025 và hằng năm", Date, "2025-12-31", "2025-01-01", "year"},
		// spans from the plan's date
		{"Trong vòng 30 ngày", Date, "2025-12-21", "", ""},
		{"trong 02 tháng", Date, "2026-01-21", "", ""},
		{"Ngay", Date, "2025-11-21", "", ""},
		{"Ngay sau khi Kế hoạch được ban hành", Date, "2025-11-21", "", ""},
		// no date
		{"Theo tiến độ dự án", Unknown, "", "", ""},
		{"Ngày", Unknown, "", "", ""},
		{"Quyết định số 2025/QĐ-UBND", Unknown, "", "", ""},
		{"24/24", Unknown, "", "", ""},
		{"Tháng 13/2025", Unknown, "", "", ""},
		{"", None, "", "", ""},
	}
	for _, tt := range tests {
		got := Parse(tt.in, ref)
		if got.Kind != tt.kind || got.Date != tt.date || got.From != tt.from || got.Every != tt.every {
			t.Errorf("Parse(%q) = %+v, want kind %q date %q from %q every %q", tt.in, got, tt.kind, tt.date, tt.from, tt.every)
		}
		if got.Text != tt.in {
			t.Errorf("Parse(%q).Text = %q, want the input", tt.in, got.Text)
		}
	}
}

func TestParseWithoutReference(t *testing.T) {
	for _, in := range []string{"Quý I", "Tháng 3", "trước ngày 15/3", "Trong vòng 30 ngày", "Ngay"} {
		if got := Parse(in, time.Time{}); got.Date != "" || got.Kind != Unknown {
			t.Errorf("Parse(%q, no reference) = %+v, want no date", in, got)
		}
	}
}

func TestFind(t *testing.T) {
	tests := []struct {
		text   string
		ok     bool
		phrase string
		kind   Kind
		date   string
		every  string
	}{
		{"Tổng hợp, báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2025 để tổng hợp.", true, "trước ngày 15/12/2025", Date, "2025-12-15", ""},
		{"Thời hạn hoàn thành chậm nhất ngày 25/12/2025.", true, "Thời hạn hoàn thành chậm nhất ngày 25/12/2025", Date, "2025-12-25", ""},
		{"Khẩn trương hoàn thành thực thi phương án. Đảm bảo hoàn thành trong quý I/2026.", true, "hoàn thành trong quý I/2026", Date, "2026-03-31", ""},
		{"Rà soát, hoàn thiện quy chế, hoàn thành trong năm 2026 và có rà soát, cập nhật định kỳ.", true, "hoàn thành trong năm 2026; định kỳ", Date, "2026-12-31", EveryPeriodic},
		{"Chủ động cập nhật kết quả thực hiện hàng tuần, báo cáo UBND Thành phố.", true, "hàng tuần", Recurring, "", "week"},
		{"Thường xuyên kiểm tra, giám sát các gói thầu duy trì vệ sinh môi trường.", true, "Thường xuyên", Recurring, "", EveryContinuous},
		{"Báo cáo kết quả trước ngày 20 hằng tháng.", true, "trước ngày 20 hằng tháng", Recurring, "", "month"},
		{"Trình UBND tỉnh trong tháng 12/2025; triển khai trong quý I/2026.", true, "trong tháng 12/2025; trong quý I/2026", Date, "2026-03-31", ""},
		{"Xây dựng Đề án, trình trong vòng 30 ngày kể từ ngày ký.", true, "trong vòng 30 ngày", Date, "2025-12-21", ""},
		{"Thời gian thực hiện: Quý IV/2025.", true, "Thời gian thực hiện: Quý IV/2025", Date, "2025-12-31", ""},
		{"Hoàn thành trong giai đoạn 2026 - 2027 và vận hành.", true, "Hoàn thành trong giai đoạn 2026 - 2027", Date, "2027-12-31", ""},
		{"Hoàn thành trước 30/6/2026, tổng hợp báo cáo.", true, "Hoàn thành trước 30/6/2026", Date, "2026-06-30", ""},
		{"Khẩn trương hoàn thành thực thi phương án đã được phê duyệt theo đúng lộ trình được giao hoàn thành trong năm 2026.", true, "hoàn thành trong năm 2026", Date, "2026-12-31", ""},
		{"Gửi báo cáo trước ngày 03/12/2025; gửi Bộ Tài chính trước ngày 03/12/2025.", true, "trước ngày 03/12/2025", Date, "2025-12-03", ""},
		{"Báo cáo trước 15:00 ngày thứ Sáu hàng tuần, tổng hợp hằng tuần gửi Văn phòng.", true, "trước 15:00 ngày thứ Sáu hàng tuần", Recurring, "", "week"},
		// no deadline: a cited date, the past, a cue without a date
		{"Triển khai Quyết định số 1015/QĐ-TTg ngày 15/6/2025 của Thủ tướng.", false, "", None, "", ""},
		// a cited document inside a deadline clause (6356/UBND-NNMT, 4.•1)
		{"… sử dụng khẩu trang khi ra đường trong thời điểm VN_AQI ở mức cao để bảo vệ sức khỏe (theo văn bản số 12/MT- SKHC ngày 15/01/2024 của Cục Quản lý môi trường y tế - Bộ Y tế về việc tăng cường khuyến cáo cộng đồng).", false, "", None, "", ""},
		{"Hoàn thành trước ngày 30/6/2026 theo Quyết định 1015/QĐ-TTg ngày 15/6/2025.", true, "Hoàn thành trước ngày 30/6/2026", Date, "2026-06-30", ""},
		{"Báo cáo trước ngày 15/12/2025 theo Kế hoạch số 57-KH/TU ngày 02/3/2025.", true, "trước ngày 15/12/2025", Date, "2025-12-15", ""},
		{"Năm 2024, tỉnh đã hỗ trợ 1.200 hộ dân.", false, "", None, "", ""},
		{"Hoàn thành nhiệm vụ được giao trong công tác cứu trợ.", false, "", None, "", ""},
		{"Trực ban 24/24, báo cáo 02 lần/ngày (trước 9h00 và 16h00).", false, "", None, "", ""},
		{"Trước mắt, tập trung khắc phục hậu quả.", false, "", None, "", ""},
		{"Báo cáo Ủy ban nhân dân tỉnh trước Thứ Hai ngày 08/12/2025.", true, "trước Thứ Hai ngày 08/12/2025", Date, "2025-12-08", ""},
		{"Hoàn thành sửa chữa nhà cho các hộ trước Tết Nguyên đán năm 2026.", true, "trước Tết Nguyên đán năm 2026", Date, "2026-02-16", ""},
		{"Hoàn thành việc sắp xếp trụ sở trước năm 2026.", true, "trước năm 2026", Date, "2025-12-31", ""},
		{"Tổ chức tổng kết, hoàn thành trong tháng 12.", true, "hoàn thành trong tháng 12", Date, "2025-12-31", ""},
		{"Gửi Sở Tài chính trước ngày 15/01 để tổng hợp.", true, "trước ngày 15/01", Date, "2026-01-15", ""},
		{"Rà soát quy hoạch, hoàn thành trong quý I/2026 và cập nhật hằng năm.", true, "hoàn thành trong quý I/2026 và cập nhật hằng năm", Date, "2026-03-31", "year"},
		{"Định kỳ hằng quý báo cáo Bộ Xây dựng.", true, "Định kỳ hằng quý", Recurring, "", "quarter"},
		{"Xây dựng dự án, thời hạn hoàn thành trước ngày 31/02/2026.", false, "", None, "", ""},
	}
	for _, tt := range tests {
		got, ok := Find(tt.text, ref)
		if ok != tt.ok || got.Text != tt.phrase || got.Kind != tt.kind || got.Date != tt.date || got.Every != tt.every {
			t.Errorf("Find(%q) = %+v, %v; want %q kind %q date %q every %q", tt.text, got, ok, tt.phrase, tt.kind, tt.date, tt.every)
		}
	}
}

// TestFindNotTheTask: dates and recurrences that belong to a noun, a cited
// document, a slogan, the past or a rule's change, not to the task —
// sentences written for the test, each beside one where the task's own
// deadline is read. The plan is dated ref (21 November 2025) unless said.
func TestFindNotTheTask(t *testing.T) {
	ref2026 := time.Date(2026, 6, 10, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text   string
		ref    time.Time
		ok     bool
		phrase string
		date   string
		every  string
	}{
		// budget nouns: "thường xuyên" of spending
		{"Bố trí từ nguồn chi thường xuyên của ngân sách tỉnh để sửa chữa trường học.", ref, false, "", "", ""},
		{"Kinh phí thực hiện từ dự toán chi thường xuyên năm 2026 của các sở.", ref, false, "", "", ""},
		{"Sử dụng kinh phí hoạt động thường xuyên được giao để mua sắm thiết bị.", ref, false, "", "", ""},
		{"Tiết kiệm 10% chi thường xuyên để tạo nguồn cải cách tiền lương.", ref, false, "", "", ""},
		{"Thường xuyên rà soát, cập nhật danh sách hộ nghèo.", ref, true, "Thường xuyên", "", EveryContinuous},
		{"Chỉ đạo kiểm tra thường xuyên việc chi trả trợ cấp.", ref, true, "thường xuyên", "", EveryContinuous},
		{"Duy trì hoạt động thường xuyên của tổ công tác liên ngành.", ref, true, "thường xuyên", "", EveryContinuous},
		// payments: "hằng tháng" of an allowance
		{"Người đang hưởng trợ cấp hằng tháng được điều chỉnh tăng thêm 5%.", ref, false, "", "", ""},
		{"Mức lương hưu hằng tháng sau điều chỉnh được làm tròn đến đơn vị đồng.", ref, false, "", "", ""},
		{"Chi trả trợ cấp mất sức lao động hằng tháng cho người có đủ điều kiện.", ref, false, "", "", ""},
		{"Hỗ trợ sinh hoạt phí hằng tháng cho học viên theo quy định.", ref, false, "", "", ""},
		{"Bảo hiểm xã hội tỉnh báo cáo số người hưởng trợ cấp hằng tháng vào ngày 25 hằng tháng.", ref, true, "hằng tháng", "", "month"},
		{"Cập nhật tiến độ hằng tháng, gửi Sở Kế hoạch.", ref, true, "hằng tháng", "", "month"},
		// slogans and titles in quotes
		{"Phát động phong trào “mỗi ngày một việc tốt” trong cán bộ, đoàn viên.", ref, false, "", "", ""},
		{"Hưởng ứng cuộc vận động \"hằng năm trồng một cây xanh\" tại trường học.", ref, false, "", "", ""},
		{"Tổng hợp kết quả phong trào “Chung tay vì người nghèo” hằng quý.", ref, true, "hằng quý", "", "quarter"},
		// a sitting's name: not read at all
		{"Trình Hội đồng nhân dân tỉnh tại kỳ họp thường lệ cuối năm.", ref, false, "", "", ""},
		// a period already past at the plan's date
		{"Số kinh phí đã giao đến hết năm 2025 chưa giải ngân được chuyển sang.", ref2026, false, "", "", ""},
		{"Người nghỉ hưu trước ngày 01/01/2000 được hưởng mức cũ.", ref, false, "", "", ""},
		{"Hoàn thành trong năm 2024.", ref, false, "", "", ""},
		{"Hoàn thành trong năm 2026.", ref2026, true, "Hoàn thành trong năm 2026", "2026-12-31", ""},
		// a rule's change: "trước ngày D … từ ngày D"
		{"Cán bộ đã nghỉ hưu trước ngày 01/7/2026 thì từ ngày 01/7/2026 được điều chỉnh lương hưu.", ref2026, false, "", "", ""},
		{"Hợp đồng ký trước ngày 15 tháng 8 năm 2026 được áp dụng đơn giá cũ; từ ngày 15 tháng 8 năm 2026 áp dụng đơn giá mới.", ref2026, false, "", "", ""},
		{"Nộp hồ sơ trước ngày 15/8/2026; từ ngày 01/9/2026 tổ chức xét tuyển.", ref2026, true, "trước ngày 15/8/2026", "2026-08-15", ""},
		// … but a start the task is done for ("để … từ ngày D") is its deadline's reason
		{"Ban hành văn bản hướng dẫn trước ngày 01/7/2026 để áp dụng thống nhất từ ngày 01/7/2026.", ref2026, true, "trước ngày 01/7/2026 để áp dụng thống nhất từ ngày 01/7/2026", "2026-07-01", ""},
		// counted as of a day
		{"Căn cứ số biên chế có mặt đến ngày 01/7/2026 để lập dự toán.", ref2026, false, "", "", ""},
		{"Báo cáo số liệu tính đến hết ngày 30/6/2026.", ref2026, false, "", "", ""},
		{"Số dư dự toán đến hết năm 2026 còn lại được chuyển nguồn.", ref2026, false, "", "", ""},
		{"Duy trì chốt chặn đến hết ngày 30/11/2025.", ref, true, "đến hết ngày 30/11/2025", "2025-11-30", ""},
		// "số" of "chuyển đổi số", "mã số", "số hóa", "ký số" counts nothing
		{"Hoàn thành chuyển đổi số đến hết năm 2026.", ref2026, true, "đến hết năm 2026", "2026-12-31", ""},
		{"Hoàn thành cấp mã số đến ngày 30/9/2026.", ref2026, true, "đến ngày 30/9/2026", "2026-09-30", ""},
		{"Hoàn thành số hóa hồ sơ đến hết quý III năm 2026.", ref2026, true, "đến hết quý III năm 2026", "2026-09-30", ""},
		{"Triển khai chữ ký số cho công chức đến ngày 31/12/2026.", ref2026, true, "đến ngày 31/12/2026", "2026-12-31", ""},
		// what happened in a period begun by the plan's date
		{"Trong tháng 11 năm 2025, mưa lớn kéo dài đã gây sạt lở nhiều tuyến đường.", ref, false, "", "", ""},
		{"Trong năm 2025, toàn tỉnh đã xây mới 1.200 căn nhà.", ref, false, "", "", ""},
		{"Trong tháng 12/2025, tổ chức kiểm tra các công trình đã hoàn thành.", ref, true, "Trong tháng 12/2025", "2025-12-31", ""},
		{"Trong tháng 11/2025, hoàn thành việc chi trả hỗ trợ.", ref, true, "Trong tháng 11/2025", "2025-11-30", ""},
		// a cited document's date; an outlook
		{"Thực hiện theo Nghị quyết số 45/NQ-HĐND ngày 25/11/2025 của Hội đồng nhân dân tỉnh.", ref, false, "", "", ""},
		{"Thời hạn: đến năm 2030, tầm nhìn đến năm 2045.", ref, true, "Thời hạn: đến năm 2030", "2030-12-31", ""},
	}
	for _, tt := range tests {
		got, ok := Find(tt.text, tt.ref)
		if ok != tt.ok || got.Text != tt.phrase || got.Date != tt.date || got.Every != tt.every {
			t.Errorf("Find(%q) = %+v, %v; want %v %q date %q every %q", tt.text, got, ok, tt.ok, tt.phrase, tt.date, tt.every)
		}
	}
}

// checkDeadline is what every result must satisfy.
func checkDeadline(t *testing.T, fn, in string, d Deadline) {
	t.Helper()
	for _, s := range []string{d.Date, d.From} {
		if s == "" {
			continue
		}
		if _, err := time.Parse(layout, s); err != nil {
			t.Fatalf("%s(%q): bad date %q", fn, in, s)
		}
	}
	if d.From != "" && d.Date != "" && d.From > d.Date {
		t.Fatalf("%s(%q): from %s after date %s", fn, in, d.From, d.Date)
	}
	if (d.Kind == Date) != (d.Date != "") || d.Kind == Recurring && d.Every == "" {
		t.Fatalf("%s(%q): kind %q with date %q every %q", fn, in, d.Kind, d.Date, d.Every)
	}
	if !utf8.ValidString(d.Text) {
		t.Fatalf("%s(%q): invalid UTF-8 text %q", fn, in, d.Text)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"Quý IV/2024", "Năm 2025", "Tháng 6/2024", "trước ngày 15/3/2025", "Thường xuyên",
		"Hằng năm", "Giai đoạn 2026 - 2027", "Từ ngày 01/01/2025 đến ngày 30/6/2025", "Trong vòng 30 ngày", "quý , 4 /", "thang 2/",
		"Trước năm 2026", "trước Tết Nguyên đán Bính Ngọ", "từ nay đến năm 2030, tầm nhìn", "31/02/2026", "trước thứ 2 ngày 30/02", "Kể từ nay"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := Parse(s, ref)
		checkDeadline(t, "Parse", s, d)
		if want := Parse(s, ref); want != d {
			t.Fatalf("Parse(%q) not deterministic", s)
		}
		if trimmed := strings.TrimSpace(strings.ToValidUTF8(s, "\uFFFD")); d.Text != trimmed || (trimmed != "") != (d.Kind != None) {
			t.Fatalf("Parse(%q) = %+v: the text is not kept, or the kind does not say whether there is one", s, d)
		}
	})
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"Báo cáo trước ngày 15/12/2025.", "Hoàn thành trong quý I/2026 và có rà soát, cập nhật định kỳ.",
		"Thường xuyên kiểm tra.", "trong 3 tháng", "Thời hạn: , ; .", "trước ngày 20 hằng tháng",
		"Hoàn thành từ nay", "trước Thứ Tư ngày 03/12/2025", "trước Tết Nguyên đán", "chi thường xuyên", "trợ cấp hằng tháng",
		"“mỗi ngày", "\"hằng năm\" “", "trước ngày 01/7/2026 thì từ ngày 01/7/2026", "số đến hết năm 2025 còn", "Trong tháng 11, đã",
		"trước năm 2026", "đến năm 2030, tầm nhìn 2045", "31/02/2026", "trước tháng 3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := Find(s, ref)
		if !ok {
			if d != (Deadline{}) {
				t.Fatalf("Find(%q) = %+v with ok false", s, d)
			}
			return
		}
		checkDeadline(t, "Find", s, d)
		if d.Kind == None || d.Kind == Unknown || d.Text == "" {
			t.Fatalf("Find(%q) = %+v: found without a date or a recurrence", s, d)
		}
	})
}
