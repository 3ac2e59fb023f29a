package cite

import (
	"slices"
	"testing"
)

// TestPassiveAgentWaiting pins the references a passive's agent names
// after the walk through them (relPass.agent's loop over pendingAt, and
// waiting): a reference whose passive predicate ("được sửa đổi bởi") was
// read before its agent waits for it, and the agent gives it its other end.
// No other test of the package reached that path — with pendingAt never
// filled every test passed (i28-rev-refs) — though round 22's pendingAt
// replaced the old walk over every earlier reference there. Lines written
// for the test: a decree restated inside the parenthesised title of a
// decision that cites it.
func TestPassiveAgentWaiting(t *testing.T) {
	for _, tc := range []struct {
		in    string
		other []string // Other of each reference, in order
	}{
		{
			"Nghị định số 73/2029/NĐ-CP (Quyết định số 15/QĐ-TTg ngày 7/1/2030 về việc phê duyệt Đề án theo Nghị định số 73/2029/NĐ-CP) được sửa đổi bởi Nghị định số 45/2030/NĐ-CP.",
			[]string{"45/2030/NĐ-CP", "", "45/2030/NĐ-CP", "73/2029/NĐ-CP"},
		},
		{
			"NGHỊ ĐỊNH SỐ 73/2029/NĐ-CP (QUYẾT ĐỊNH SỐ 15/QĐ-TTG NGÀY 7/1/2030 VỀ VIỆC PHÊ DUYỆT ĐỀ ÁN THEO NGHỊ ĐỊNH SỐ 73/2029/NĐ-CP) ĐƯỢC SỬA ĐỔI BỞI NGHỊ ĐỊNH SỐ 45/2030/NĐ-CP.",
			[]string{"45/2030/NĐ-CP", "", "45/2030/NĐ-CP", "73/2029/NĐ-CP"},
		},
		{
			// the passive said of a list: its last item and what follows it
			"Quyết định số 15/QĐ-TTg, Quyết định số 16/QĐ-TTg (phê duyệt Đề án theo Nghị định số 73/2029/NĐ-CP) được thay thế bởi Quyết định số 20/QĐ-TTg.",
			[]string{"", "20/QĐ-TTg", "20/QĐ-TTg", "16/QĐ-TTg"},
		},
	} {
		var got []string
		for _, r := range ParseRefs(tc.in) {
			got = append(got, r.Other)
		}
		if !slices.Equal(got, tc.other) {
			t.Errorf("%s\nOther %q, want %q", tc.in, got, tc.other)
		}
	}
}
