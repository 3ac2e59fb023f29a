package graph

import (
	"testing"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
)

// TestStated: the relation a text states itself to each document it
// cites, on lines written for the test — a decree's title detailing a law
// it also names as a ground, a circular's scope article, a passive's
// agent, a change between two other documents, a plan's heading.
func TestStated(t *testing.T) {
	tests := []struct {
		name, number, text string
		want               map[string]cite.Relation
	}{
		{"decree detailing a law in its title", "45/2030/NĐ-CP",
			"Nghị định số 45/2030/NĐ-CP quy định chi tiết một số điều của Luật Phí thẩm định số 10/2030/QH16\n\n\n\nCăn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nCăn cứ Luật Phí thẩm định số 10/2030/QH16;",
			map[string]cite.Relation{"10/2030/QH16": cite.Guides, "63/2025/QH15": cite.BasedOn}},
		{"circular's scope article", "12/2030/TT-BTC",
			"Căn cứ Nghị định số 45/2030/NĐ-CP của Chính phủ;\nĐiều 1. Phạm vi điều chỉnh\nThông tư này quy định chi tiết khoản 3 Điều 7 của Nghị định số 45/2030/NĐ-CP.",
			map[string]cite.Relation{"45/2030/NĐ-CP": cite.Guides}},
		{"a ground amended by another", "20/2030/TT-BTC",
			"Căn cứ Nghị định số 45/2030/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 50/2031/NĐ-CP;",
			map[string]cite.Relation{"45/2030/NĐ-CP": cite.BasedOn, "50/2031/NĐ-CP": cite.BasedOn}},
		{"a change between two others", "30/2031/QĐ-UBND",
			"Điều 1. Mức hỗ trợ\nMức hỗ trợ thực hiện theo Nghị định số 12/2031/NĐ-CP sửa đổi, bổ sung Nghị định số 45/2030/NĐ-CP.",
			map[string]cite.Relation{"45/2030/NĐ-CP": cite.Mentions}},
		{"a plan's heading", "60/KH-UBND",
			"Thực hiện Nghị quyết số 15/2030/NQ-HĐND của Hội đồng nhân dân tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
			map[string]cite.Relation{"15/2030/NQ-HĐND": cite.Implements}},
	}
	for _, tt := range tests {
		pd := cite.ParseDoc(tt.text, cite.Self{Number: tt.number})
		got := EntryOf(Doc{ID: "d", Number: tt.number}, pd).Stated("d")
		for n, w := range tt.want {
			if k := doctype.NumberKey(n); got[k] != w {
				t.Errorf("%s: Stated()[%s] = %q, want %q (all %v)", tt.name, n, got[k], w, got)
			}
		}
	}
}
