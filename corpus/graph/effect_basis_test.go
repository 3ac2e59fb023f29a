package graph

import "testing"

// TestEffectBasis: being the căn cứ of stored texts is no evidence that a
// number is in force (the state stays unknown), but the label says where it
// was last cited as căn cứ, and how many others cite it so. Collections
// written for the test (made-up numbers of "tỉnh Phú An").
func TestEffectBasis(t *testing.T) {
	plan := func(id, number, date, body string) tdoc {
		return tdoc{ID: id, Number: number, Published: date, Title: "Kế hoạch số " + number,
			Body: "ỦY BAN NHÂN DÂN TỈNH PHÚ AN\nSố: " + number + "\nPhú An, ngày " + date[8:] + " tháng " + date[5:7] + " năm " + date[:4] + "\n" + body}
	}
	for _, c := range []struct {
		name  string
		docs  []tdoc
		key   string
		state State
		label string
		total int
	}{
		{"cited as căn cứ by two: the latest named",
			[]tdoc{
				plan("p1", "12/2025/KH-UBND", "2025-04-10", "Căn cứ Luật Đất đai số 31/2024/QH15;"),
				plan("p2", "45/2026/KH-UBND", "2026-03-05", "Căn cứ Luật Đất đai số 31/2024/QH15;\nCăn cứ Nghị định số 102/2024/NĐ-CP;"),
			},
			"31/2024/QH15", StateUnknown, "Không có thông tin về hiệu lực; được dẫn làm căn cứ tại 45/2026/KH-UBND ngày 05/3/2026 và 1 văn bản khác", 2},
		{"the latest numbered without its year (45/KH-UBND): named by its date",
			[]tdoc{
				plan("p1", "12/2025/QĐ-UBND", "2025-04-10", "Căn cứ Luật Đất đai số 31/2024/QH15;"),
				plan("p2", "45/KH-UBND", "2026-03-05", "Căn cứ Luật Đất đai số 31/2024/QH15;"),
			},
			"31/2024/QH15", StateUnknown, "Không có thông tin về hiệu lực; được dẫn làm căn cứ tại 45/KH-UBND ngày 05/3/2026 và 1 văn bản khác", 2},
		{"amended and cited as căn cứ",
			[]tdoc{plan("p1", "12/2026/KH-UBND", "2026-04-10", "Căn cứ Luật Đất đai số 31/2024/QH15 được sửa đổi, bổ sung bởi Luật số 43/2024/QH15;")},
			"31/2024/QH15", StateUnknown, "Không có thông tin về hiệu lực; được sửa đổi, bổ sung bởi 43/2024/QH15; được dẫn làm căn cứ tại 12/2026/KH-UBND ngày 10/4/2026", 1},
		{"in force: the căn cứ is not named",
			[]tdoc{
				{ID: "d", Number: "102/2024/NĐ-CP", Published: "2024-07-30", Title: "Nghị định số 102/2024/NĐ-CP", Body: "Nghị định này có hiệu lực từ ngày 01/8/2024."},
				plan("p2", "45/2026/KH-UBND", "2026-03-05", "Căn cứ Nghị định số 102/2024/NĐ-CP;"),
			},
			"102/2024/NĐ-CP", StateInForce, "Còn hiệu lực", 0},
		{"cited as căn cứ by a text without number: counted",
			[]tdoc{{ID: "n", Published: "2026-03-05", Title: "Kế hoạch phát triển chợ", Body: "Căn cứ Luật Đất đai số 31/2024/QH15;\nI. MỤC ĐÍCH"}},
			"31/2024/QH15", StateUnknown, "Không có thông tin về hiệu lực; được dẫn làm căn cứ tại 1 văn bản", 1},
		{"only mentioned: nothing",
			[]tdoc{plan("p2", "45/2026/KH-UBND", "2026-03-05", "Các sở thực hiện theo Luật Đất đai số 31/2024/QH15.")},
			"31/2024/QH15", StateUnknown, "Không có thông tin về hiệu lực", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := openTestDB(t)
			s.put(c.docs...)
			e := mustEffect(t, s, c.key, "2026-06-01")
			if e.State != c.state || e.Label != c.label {
				t.Errorf("%s: %s %q, want %s %q", c.key, e.State, e.Label, c.state, c.label)
			}
			total := 0
			if e.Basis != nil {
				total = e.Basis.Total
			}
			if total != c.total {
				t.Errorf("%s: basis %+v, want total %d", c.key, e.Basis, c.total)
			}
		})
	}
}
