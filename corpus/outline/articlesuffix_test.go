package outline

import (
	"slices"
	"strings"
	"testing"
)

// TestArticleHeadingSuffix: an article an amending text inserts after
// another takes its number with a letter ("Điều 19a", "Điều 63a"), and
// is an article with its own ID, "Đ19a", beside "Đ19". A number with a
// letter heads an article only before its dot (or colon): "Điều 11a Luật
// Khiếu nại" (155/2026/NĐ-CP) cites one.
func TestArticleHeadingSuffix(t *testing.T) {
	for in, want := range map[string]string{
		"Điều 19a. Ứng dụng công nghệ thông tin và chuyển đổi số trong giải quyết tố cáo": "Đ19a",
		"Điều 28b. Ban hành, gửi quyết định tạm đình chỉ, quyết định đình chỉ":            "Đ28b",
		"ĐIỀU 63A. CÁC TRƯỜNG HỢP BẤT KHẢ KHÁNG KHI GIA HẠN SỬ DỤNG ĐẤT":                  "Đ63a",
		"Điều 10b:": "Đ10b",
		"Điều 11a Luật Khiếu nại là sự kiện xảy ra một cách khách quan": "",
		"Điều 5a của Luật này.": "",
		"Điều 12ab. Quy định":   "",
		"Điều 1234a. Quy định":  "",
	} {
		id, _, ok := articleHeading(in)
		if id != want || ok != (want != "") {
			t.Errorf("articleHeading(%q) = %q, %v; want %q", in, id, ok, want)
		}
	}
}

// TestOutlineArticleSuffix: the inserted articles of real amending
// decrees outside the linking dev sets are articles of their own, with IDs
// that collide with no other: in the body (291/2026/NĐ-CP: "### Điều 19a.
// …" after "**1.1.** Bổ sung Mục 3 và Điều 19a vào sau Mục 2 Chương II như
// sau:") and inside quotes (155/2026/NĐ-CP: "Điều 28a. …" in the "Mục
// 2a" that Điều 12 inserts, announced without "như sau:" — read as the
// decree's own article Đ28a until i18-clause, a quoted item of Điều 12
// since, its clauses never Điều 12's; 49/2026/NĐ-CP: ` "Điều 63a. …`
// after "9. Bổ sung Điều 63a vào sau Điều 63 như sau:").
func TestOutlineArticleSuffix(t *testing.T) {
	ids := func(o *Outline) (secs, items []string) {
		for _, s := range o.Sections {
			secs = append(secs, s.ID)
		}
		for _, it := range o.Items {
			items = append(items, it.ID)
		}
		return secs, items
	}
	body := strings.Join([]string{
		"### Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 125/2020/NĐ-CP",
		"",
		"**1.1.** Bổ sung Mục 3 và Điều 19a vào sau Mục 2 Chương II như sau:",
		"",
		"#### Mục 3. Xử phạt vi phạm hành chính đối với hành vi cung cấp thông tin phục vụ mục đích trao đổi thông tin về thuế",
		"",
		"### Điều 19a. Xử phạt vi phạm hành chính đối với hành vi cung cấp thông tin phục vụ mục đích trao đổi thông tin về thuế",
	}, "\n")
	if secs, _ := ids(Parse(body)); !slices.Contains(secs, "Đ19a") {
		t.Errorf("sections %q, want Đ19a", secs)
	}

	mid := strings.Join([]string{
		"### Điều 12. Bổ sung Mục 2a vào sau Mục 2 Chương IV",
		"",
		`"Mục 2a`,
		"",
		"TẠM ĐÌNH CHỈ, ĐÌNH CHỈ GIẢI QUYẾT KHIẾU NẠI",
		"",
		"Điều 28a. Sự kiện bất khả kháng và trở ngại khách quan trong giải quyết khiếu nại",
		"",
		"1. Sự kiện bất khả kháng quy định tại điểm a khoản 1 Điều 11a Luật Khiếu nại là sự kiện xảy ra một cách khách quan không thể lường trước được và không thể khắc phục được mặc dù đã áp dụng mọi biện pháp cần thiết và khả năng cho phép.",
		"",
		"2. Trở ngại khách quan quy định tại điểm a khoản 1 Điều 11a Luật Khiếu nại là trở ngại do hoàn cảnh khách quan tác động làm cho người khiếu nại, người đại diện hợp pháp của người khiếu nại không thể thực hiện được quyền, nghĩa vụ của mình.",
		"",
		"3. Các trường hợp được coi là sự kiện bất khả kháng hoặc trở ngại khách quan bao gồm nhưng không giới hạn những trường hợp sau:",
		"",
		"a) Thiên tai, dịch bệnh, chiến tranh, địch họa;",
		"",
		"### Điều 13. Hiệu lực thi hành",
	}, "\n")
	secs, items := ids(Parse(mid))
	if slices.Contains(secs, "Đ28a") {
		t.Errorf("sections %q, want no Đ28a (a quoted article)", secs)
	}
	for _, want := range []string{"Đ12.“Đ28a", "Đ12.“Đ28a.1", "Đ12.“Đ28a.2", "Đ12.“Đ28a.3.a"} {
		if !slices.Contains(items, want) || slices.Contains(items, "Đ12.1") {
			t.Errorf("items %q, want %s (not Đ12.1)", items, want)
		}
	}

	quoted := strings.Join([]string{
		"Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 102/2024/NĐ-CP",
		"    9. Bổ sung Điều 63a vào sau Điều 63 như sau:",
		` "Điều 63a. Các trường hợp bất khả kháng khi gia hạn sử dụng đất`,
		"quy định tại khoản 3 Điều 172 của Luật Đất đai",
		"    1. Trường hợp bất khả kháng quy định tại các điểm a, b, c, d, đ, e và g",
		"khoản 1 Điều 31 của Nghị định số 102/2024/NĐ-CP.",
		"    2. Trường hợp người sử dụng đất đã nộp hồ sơ xin gia hạn theo quy định",
		"tại khoản 1 Điều 64 của Nghị định số 102/2024/NĐ-CP hoặc đã nộp hồ sơ xin",
		"gia hạn theo quy định của Nghị định số 151/2025/NĐ-CP nhưng hết thời hạn sử",
		"dụng đất mà chưa có quyết định gia hạn sử dụng đất hoặc chưa có quyết định thu",
		`hồi đất.".`,
		"    10. Bổ sung Điều 72a vào sau Điều 72 như sau:",
		` "Điều 72a. Giao đất, cho thuê đất, giao khu vực biển để thực hiện hoạt`,
		"động lấn biển",
		"    1. Trường hợp giao đất, cho thuê đất thông qua đấu giá quyền sử dụng đất",
		`để thực hiện dự án đầu tư lấn biển hoặc dự án đầu tư có hạng mục lấn biển.".`,
	}, "\n")
	_, items = ids(Parse(quoted))
	for _, want := range []string{"Đ1.9", "Đ1.9.“Đ63a.1", "Đ1.9.“Đ63a.2", "Đ1.10", "Đ1.10.“Đ72a.1"} {
		if !slices.Contains(items, want) {
			t.Errorf("quoted items %q, want %s", items, want)
		}
	}
}
