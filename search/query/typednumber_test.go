package query

import (
	"slices"
	"testing"
)

// TestNumberTypedAsStaffType: a document's own number typed with spaces,
// dots or dashes for its separators gives the key the index's number
// field holds (doctype.NumberKey of the number as the header writes it),
// whatever else the query gives. Old-form numbers written with dashes
// ("73-CP", "24-NQ/TW") keep their own key. Numbers made up.
func TestNumberTypedAsStaffType(t *testing.T) {
	tests := []struct {
		query string
		want  string // a key of Numbers
	}{
		{"97/2031/NĐ-CP", "97/2031/nd-cp"},
		{"97 2031 NĐ CP", "97/2031/nd-cp"},
		{"97 2031 nd cp", "97/2031/nd-cp"},
		{"97-2031-NĐ-CP", "97/2031/nd-cp"},
		{"97.2031.NĐ.CP", "97/2031/nd-cp"},
		{"97.2031.NĐ-CP", "97/2031/nd-cp"},
		{"97/2031/NĐ CP", "97/2031/nd-cp"},
		{"97/2031/nđ cp", "97/2031/nd-cp"},
		{"nghị định 97-2031-NĐ-CP về thuế", "97/2031/nd-cp"},
		{"154-NQ-CP", "154/nq-cp"},
		{"154.NQ.CP", "154/nq-cp"},
		{"154 NQ CP", "154/nq-cp"},
		{"1234/QĐ UBND", "1234/qd-ubnd"},
		{"1234.QĐ.UBND", "1234/qd-ubnd"},
		// a law's number: a year, then the issuer's code alone (i26-rev-cite)
		{"luật 31-2030-QH16 đất đai", "31/2030/qh16"},
		// a law's number typed with dots or spaces: a year, then the
		// issuer's code and its term (i27-numkey)
		{"31.2030.QH16", "31/2030/qh16"},
		{"luật 31.2030.QH16 đất đai", "31/2030/qh16"},
		{"31 2030 QH16", "31/2030/qh16"},
		{"12.2031.UBTVQH16", "12/2031/ubtvqh16"},
		// a công văn's number typed with dashes: the issuer's code first,
		// the unit's after it (no type's code; i27-numkey: slashKey's
		// type-code guard dropped)
		{"125-UBND-VX", "125/ubnd-vx"},
		{"công văn 4521-BTC-NSNN", "4521/btc-nsnn"},
		{"73-CP", "73-cp"},
		{"24-NQ/TW", "24-nq/tw"},
	}
	for _, tt := range tests {
		if got := Parse(tt.query).Numbers; !slices.Contains(got, tt.want) {
			t.Errorf("Parse(%q).Numbers = %q, want %q among them", tt.query, got, tt.want)
		}
	}
	// no number made of words: a type's code followed by a word with marks
	// or by a code no number has after it
	for q, not := range map[string]string{
		"154/NQ về việc":     "154/nq-ve",
		"nghị quyết 154 năm": "154/nq-nam",
		// no term after the code: a year and a word are no law's number
		"điều 5 2030 luật": "5/2030/luat",
		"31.2030.QH":       "31/2030/qh",
		// digits after the number are no code: no slash key
		"12-34-AB": "12/34-ab",
		// a digit before a number is joined to it only after "số" (viet
		// splitLead): a query pasted from a table starts with its row's
		// number (i27-numkey)
		"1 5/2031/NĐ-CP": "15/2031/nd-cp",
	} {
		if got := Parse(q).Numbers; slices.Contains(got, not) {
			t.Errorf("Parse(%q).Numbers = %q, want no %q", q, got, not)
		}
	}
	for q, want := range map[string]string{
		"1 5/2031/NĐ-CP":     "5/2031/nd-cp",
		"số 1 5/2031/NĐ-CP":  "15/2031/nd-cp",
		"2 97/2031/NĐ-CP":    "97/2031/nd-cp",
		"số 2 97/2031/NĐ-CP": "97/2031/nd-cp",
	} {
		if got := Parse(q).Numbers; !slices.Equal(got, []string{want}) {
			t.Errorf("Parse(%q).Numbers = %q, want %q only", q, got, want)
		}
	}
}

// TestLooseLawNotFromAmounts (i27-rev-numkey): looseLaw reads a law's
// number typed with dots or spaces only with the Quốc hội's code and its
// term ("QH16", "UBTVQH16"): a date or an amount before a unit or a name
// that ends in digits ("km2", "CO2", "QL18": Quốc lộ 18, "VN30") is no
// number, and a query that names none keeps its digits as words
// (minMatchQuery reads a query with a number otherwise). Queries written
// for the test.
func TestLooseLawNotFromAmounts(t *testing.T) {
	for _, q := range []string{
		"diện tích rừng đến 31.12.2030 km2",
		"mục tiêu giảm phát thải 20 2030 CO2",
		"nồng độ bụi 12 2031 PM2",
		"hoàn thành nâng cấp trước 30.6.2030 QL18",
		"mở rộng đến 30.6.2030 QL1",
		"chỉ số cổ phiếu 2 2030 VN30",
		"bệnh nhân 15.3.2031 COVID19",
		"tiêu chuẩn 9001 2015 TCVN5",
		"31.2030.QH", // no term
	} {
		if got := Parse(q).Numbers; len(got) > 0 {
			t.Errorf("Parse(%q).Numbers = %q, want none", q, got)
		}
	}
	for q, want := range map[string]string{
		"luật 31 2030 qh16 đất đai":  "31/2030/qh16",
		"45.2031.qh16":               "45/2031/qh16",
		"pháp lệnh 12 2031 UBTVQH16": "12/2031/ubtvqh16",
		"Luật số 62.2030.QH15":       "62/2030/qh15",
	} {
		if got := Parse(q).Numbers; !slices.Equal(got, []string{want}) {
			t.Errorf("Parse(%q).Numbers = %q, want %q only", q, got, want)
		}
	}
}
