package graph

import "testing"

// TestEffectAmendments: what the page says of a number when the stored
// texts amend it, replace a phrase of it, add funds "tại" it, replace or
// end it, each collection written for the test (made-up numbers of "tỉnh
// Phú An" and of the Government). The question staff ask of it: can I
// still apply this document?
func TestEffectAmendments(t *testing.T) {
	for _, c := range []struct {
		name  string
		docs  []tdoc
		key   string
		at    string
		state State
		label string
	}{
		{"only amended: nothing says it has effect",
			[]tdoc{{ID: "a", Number: "15/2026/NĐ-CP", Published: "2026-02-01", Title: "Nghị định số 15/2026/NĐ-CP",
				Body: "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 64/2019/NĐ-CP.\nĐiều 2. Nghị định này có hiệu lực từ ngày 01/3/2026."}},
			"64/2019/NĐ-CP", "2026-05-01", StateUnknown, "Không có thông tin về hiệu lực; được sửa đổi, bổ sung bởi 15/2026/NĐ-CP"},
		{"only amended, not yet",
			[]tdoc{{ID: "a", Number: "15/2026/NĐ-CP", Published: "2026-02-01", Title: "Nghị định số 15/2026/NĐ-CP",
				Body: "Điều 1. Sửa đổi khoản 2 Điều 3 Quyết định số 08/2023/QĐ-TTg.\nĐiều 2. Nghị định này có hiệu lực từ ngày 01/7/2026."}},
			"08/2023/QĐ-TTg", "2026-05-01", StateUnknown, "Không có thông tin về hiệu lực; sẽ được sửa đổi, bổ sung bởi 15/2026/NĐ-CP từ 01/7/2026"},
		{"a phrase replaced: amended, in force",
			[]tdoc{
				{ID: "old", Number: "64/2019/NĐ-CP", Published: "2019-07-16", Title: "Nghị định số 64/2019/NĐ-CP",
					Body: "Nghị định này có hiệu lực từ ngày 01/9/2019."},
				{ID: "a", Number: "15/2026/NĐ-CP", Published: "2026-02-01", Title: "Nghị định số 15/2026/NĐ-CP",
					Body: "Điều 1. Thay thế cụm từ “Sở Kế hoạch và Đầu tư” bằng cụm từ “Sở Tài chính” tại điểm b khoản 2 Điều 5 Nghị định số 64/2019/NĐ-CP.\nĐiều 2. Nghị định này có hiệu lực từ ngày 01/3/2026."}},
			"64/2019/NĐ-CP", "2026-05-01", StateInForce, "Còn hiệu lực; được sửa đổi, bổ sung bởi 15/2026/NĐ-CP"},
		{"funds added at a resolution: nothing changed",
			[]tdoc{
				{ID: "old", Number: "512/NQ-CP", Published: "2025-09-04", Title: "Nghị quyết số 512/NQ-CP",
					Body: "Nghị quyết này có hiệu lực từ ngày ký."},
				{ID: "a", Number: "601/NQ-CP", Published: "2025-11-20", Title: "Nghị quyết số 601/NQ-CP",
					Body: "Ngân hàng Chính sách xã hội sử dụng nguồn vốn được giao bổ sung tại Nghị quyết số 512/NQ-CP để cho vay."}},
			"512/NQ-CP", "2026-01-05", StateInForce, "Còn hiệu lực"},
		{"the whole text replaced",
			[]tdoc{
				{ID: "old", Number: "64/2019/NĐ-CP", Published: "2019-07-16", Title: "Nghị định số 64/2019/NĐ-CP",
					Body: "Nghị định này có hiệu lực từ ngày 01/9/2019."},
				{ID: "a", Number: "15/2026/NĐ-CP", Published: "2026-02-01", Title: "Nghị định số 15/2026/NĐ-CP",
					Body: "Điều 9. Hiệu lực thi hành\nNghị định này có hiệu lực từ ngày 01/3/2026 và thay thế Nghị định số 64/2019/NĐ-CP."}},
			"64/2019/NĐ-CP", "2026-05-01", StateEnded, "Đã bị thay thế bởi 15/2026/NĐ-CP từ 01/3/2026"},
		{"a clause repealed",
			[]tdoc{
				{ID: "old", Number: "48/2020/QĐ-UBND", Published: "2020-11-11", Title: "Quyết định số 48/2020/QĐ-UBND",
					Body: "Quyết định này có hiệu lực từ ngày 21/11/2020."},
				{ID: "a", Number: "05/2026/QĐ-UBND", Published: "2026-02-01", Title: "Quyết định số 05/2026/QĐ-UBND",
					Body: "Điều 1. Bãi bỏ khoản 2 Điều 3 Quyết định số 48/2020/QĐ-UBND.\nĐiều 2. Quyết định này có hiệu lực từ ngày 15/02/2026."}},
			"48/2020/QĐ-UBND", "2026-05-01", StatePartly, "Hết hiệu lực một phần"},
		{"ends at a date",
			[]tdoc{{ID: "a", Number: "05/2026/QĐ-UBND", Published: "2026-02-01", Title: "Quyết định số 05/2026/QĐ-UBND",
				Body: "Quyết định số 48/2020/QĐ-UBND ngày 11/11/2020 của UBND tỉnh Phú An hết hiệu lực kể từ ngày 01/4/2026."}},
			"48/2020/QĐ-UBND", "2026-05-01", StateEnded, "Hết hiệu lực theo 05/2026/QĐ-UBND từ 01/4/2026"},
		{"amended by many",
			[]tdoc{
				{ID: "old", Number: "64/2019/NĐ-CP", Published: "2019-07-16", Title: "Nghị định số 64/2019/NĐ-CP",
					Body: "Nghị định này có hiệu lực từ ngày 01/9/2019."},
				{ID: "p", Number: "10/2026/KH-UBND", Published: "2026-03-01", Title: "Kế hoạch số 10/2026/KH-UBND",
					Body: "Căn cứ Nghị định số 64/2019/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 11/2020/NĐ-CP, Nghị định số 12/2021/NĐ-CP, Nghị định số 13/2022/NĐ-CP và Nghị định số 14/2023/NĐ-CP;"}},
			"64/2019/NĐ-CP", "2026-05-01", StateInForce, "Còn hiệu lực; được sửa đổi, bổ sung bởi 11/2020/NĐ-CP, 12/2021/NĐ-CP, 13/2022/NĐ-CP và 1 văn bản khác"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := openTestDB(t)
			s.put(c.docs...)
			e := mustEffect(t, s, c.key, c.at)
			if e.State != c.state || e.Label != c.label {
				t.Errorf("%s on %s: %s %q, want %s %q (%+v)", c.key, c.at, e.State, e.Label, c.state, c.label, e.Changes)
			}
		})
	}
}
