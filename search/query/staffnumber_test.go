package query

import (
	"reflect"
	"regexp"
	"testing"

	"github.com/vanban/vanban/corpus/doctype"
)

// TestPartialStaffShapes: a number staff type without its issuer in the
// shapes the query table of i31-search met (docs/log/i31-search.md) —
// the type's code glued to the digits ("NQ154", "NĐ30", "tt97"), and the
// code before the number with its year ("nd 30/2020", "nq 12/2023") — is a
// partial number; letters and digits glued that name no type ("COVID19",
// "H5N1", "QH15", "CO2", "5G") stay words.
func TestPartialStaffShapes(t *testing.T) {
	tests := []struct {
		in    string
		want  []PartialNumber
		match []string // number keys the first partial matches
		not   []string
	}{
		{"NQ154", []PartialNumber{{Number: "154", Code: "nq"}}, []string{"154/NQ-CP", "154/2022/NQ-HĐND"}, []string{"1154/NQ-CP", "154/KH-UBND"}},
		{"NĐ30", []PartialNumber{{Number: "30", Code: "nd"}}, []string{"30/2020/NĐ-CP"}, []string{"30/2020/TT-BTC"}},
		{"nđ30 văn thư", []PartialNumber{{Number: "30", Code: "nd"}}, []string{"30/2020/NĐ-CP"}, nil},
		{"tt97", []PartialNumber{{Number: "97", Code: "tt"}}, []string{"97/2026/TT-BTC"}, []string{"97/2026/NĐ-CP"}},
		{"QĐ1579", []PartialNumber{{Number: "1579", Code: "qd"}}, []string{"1579/QĐ-UBND"}, nil},
		{"nq57 chuyển đổi số", []PartialNumber{{Number: "57", Code: "nq"}}, []string{"57-NQ/TW"}, nil},
		{"nd 30/2020", []PartialNumber{{Number: "30", Year: "2020", Code: "nd"}}, []string{"30/2020/NĐ-CP"}, []string{"30/2021/NĐ-CP", "30/NĐ-CP", "30/2020/TT-BTC"}},
		{"nq 12/2023", []PartialNumber{{Number: "12", Year: "2023", Code: "nq"}}, []string{"12/2023/NQ-HĐND"}, []string{"12/2024/NQ-HĐND", "112/2023/NQ-HĐND"}},
		{"nghị định số 191/2026", []PartialNumber{{Number: "191", Year: "2026", Code: "nd"}}, []string{"191/2026/NĐ-CP"}, []string{"191/NQ-CP"}},
		{"thông tư 97/2026 bãi bỏ", []PartialNumber{{Number: "97", Year: "2026", Code: "tt"}}, []string{"97/2026/TT-BTC"}, []string{"97/2026/NĐ-CP"}},
		{"COVID19", nil, nil, nil},
		{"H5N1", nil, nil, nil},
		{"QH15", nil, nil, nil},
		{"CO2", nil, nil, nil},
		{"5G", nil, nil, nil},
		{"kh2025abc", nil, nil, nil},
		{"nd 30/20", nil, nil, nil},              // no year
		{"quyết định 12/2023/QĐ", nil, nil, nil}, // a whole number: Numbers, not Partial
	}
	for _, tt := range tests {
		got := Parse(tt.in).Partial
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q).Partial = %#v, want %#v", tt.in, got, tt.want)
			continue
		}
		if len(got) == 0 {
			continue
		}
		re := regexp.MustCompile("^(?:" + got[0].Pattern() + ")$")
		for _, n := range tt.match {
			if !re.MatchString(doctype.NumberKey(n)) {
				t.Errorf("%q does not match %s", tt.in, n)
			}
		}
		for _, n := range tt.not {
			if re.MatchString(doctype.NumberKey(n)) {
				t.Errorf("%q matches %s", tt.in, n)
			}
		}
	}
}

// TestParseTyped: words typed with the input method off (Telex or VNI keys
// left in them, viet.Untype) are read as the syllables they spell, so
// "quyeets ddinhj 1579" is "quyết định 1579", a partial number; a word
// that spells none stays as typed.
func TestParseTyped(t *testing.T) {
	for _, tt := range []struct {
		in      string
		text    string
		partial []PartialNumber
	}{
		{"chuyeenr ddooir soos", "chuyen doi so", nil}, // no marks anywhere: read without them (restored)
		{"chuye63n d9o63i so61", "chuyen doi so", nil},
		{"quyeets ddinhj 1579", "quyet dinh 1579", []PartialNumber{{Number: "1579", Code: "qd"}}},
		{"kees hoachj 236", "ke hoach 236", []PartialNumber{{Number: "236", Code: "kh"}}},
		{"quyeenf thua ke cua con nuoi", "quyen thua ke cua con nuoi", nil},
		{"quyeenf thừa kế của con nuôi", "quyền thừa kế của con nuôi", nil}, // among words with marks: with them
		{"ubnd covid wifi", "ubnd covid wifi", nil},
		{"chuyển đổi so", "chuyển đổi so", nil},
		{"visa du lịch", "visa du lịch", nil},                 // a tone's key alone: a foreign word
		{"hoachj 236", "hoachj 236", nil},                     // nor read alone
		{"visa ddi nuwowcs ngoaif", "via di nuoc ngoai", nil}, // beside typed words it is read too
	} {
		q := Parse(tt.in)
		if q.Text != tt.text || !reflect.DeepEqual(q.Partial, tt.partial) {
			t.Errorf("Parse(%q): text %q, partial %v; want %q, %v", tt.in, q.Text, q.Partial, tt.text, tt.partial)
		}
	}
}

// TestPartialNumbersInARow: partial numbers typed one after another, with
// one space between them ("NQ154 TT97", "nq 154 tt 97", "nd 30/2020 nd
// 31/2021") or a comma after one, are each read — a match must not eat the
// space the next one starts after (i31-rev-search: the second was lost) —
// and a year typed with spaces around its slash ("nd 30 /2020") is read.
func TestPartialNumbersInARow(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []PartialNumber
	}{
		{"NQ154 TT97", []PartialNumber{{Number: "154", Code: "nq"}, {Number: "97", Code: "tt"}}},
		{"NĐ30 QĐ1579 KH236", []PartialNumber{{Number: "30", Code: "nd"}, {Number: "1579", Code: "qd"}, {Number: "236", Code: "kh"}}},
		{"NQ154, TT97", []PartialNumber{{Number: "154", Code: "nq"}, {Number: "97", Code: "tt"}}},
		{"nq 154 tt 97", []PartialNumber{{Number: "154", Code: "nq"}, {Number: "97", Code: "tt"}}},
		{"nd 30/2020 nd 31/2021", []PartialNumber{{Number: "30", Year: "2020", Code: "nd"}, {Number: "31", Year: "2021", Code: "nd"}}},
		{"nghị quyết 154, kế hoạch 236", []PartialNumber{{Number: "154", Code: "nq"}, {Number: "236", Code: "kh"}}},
		{"nd 30 /2020", []PartialNumber{{Number: "30", Year: "2020", Code: "nd"}}},
		{"nđ 30 / 2020 văn thư", []PartialNumber{{Number: "30", Year: "2020", Code: "nd"}}},
		{"NQ154/2020", nil},         // a slash after: not this shape
		{"nq 1234567", nil},         // seven digits
		{"nd 30/20201", nil},        // five digits after the slash
		{"NQ154,5", nil},            // a decimal
		{"nq 154.2", nil},           // nor here
		{"COVID19, H5N1 QH15", nil}, // words
	} {
		if got := Parse(tt.in).Partial; !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q).Partial = %v, want %v", tt.in, got, tt.want)
		}
	}
}
