package cite

import (
	"strings"
	"testing"
)

// TestIssuerByEnglish: header lines of English translations, written for
// the test in the shapes ministries' and provinces' English pages use,
// map to the Vietnamese issuer names; lines that are not an issuer's
// whole name, or whose level is not said, map to none.
func TestIssuerByEnglish(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"THE GOVERNMENT", "Chính phủ"},
		{"GOVERNMENT", "Chính phủ"},
		{"The Prime Minister", "Thủ tướng Chính phủ"},
		{"THE NATIONAL ASSEMBLY", "Quốc hội"},
		{"STANDING COMMITTEE OF THE NATIONAL ASSEMBLY", "Ủy ban Thường vụ Quốc hội"},
		{"THE PRESIDENT OF THE SOCIALIST REPUBLIC OF VIETNAM", "Chủ tịch nước"},
		{"MINISTRY OF FINANCE", "Bộ Tài chính"},
		{"MINISTRY  OF  FINANCE.", "Bộ Tài chính"},
		{"MINISTRY OF NATIONAL DEFENSE", "Bộ Quốc phòng"},
		{"MINISTRY OF LABOUR, INVALIDS AND SOCIAL AFFAIRS", "Bộ Lao động - Thương binh và Xã hội"},
		{"MINISTRY OF CULTURE, SPORTS AND TOURISM", "Bộ Văn hóa, Thể thao và Du lịch"},
		{"STATE BANK OF VIETNAM", "Ngân hàng Nhà nước Việt Nam"},
		{"THE SUPREME PEOPLE’S COURT", "Tòa án nhân dân tối cao"},
		{"PEOPLE'S COMMITTEE OF BINH DUONG PROVINCE", "Ủy ban nhân dân tỉnh Binh Duong"},
		{"PEOPLE’S COMMITTEE OF HO CHI MINH CITY", "Ủy ban nhân dân thành phố Ho Chi Minh"},
		{"PEOPLE'S COUNCIL OF DA NANG CITY", "Hội đồng nhân dân thành phố Da Nang"},
		{"HA GIANG PROVINCIAL PEOPLE'S COMMITTEE", "Ủy ban nhân dân tỉnh Ha Giang"},
		{"PEOPLE'S COMMITTEE OF BÀ RỊA-VŨNG TÀU PROVINCE", "Ủy ban nhân dân tỉnh Bà Rịa-Vũng Tàu"},
		{"HANOI PEOPLE'S COMMITTEE", ""},                     // no level
		{"PEOPLE'S COMMITTEE OF BA DINH DISTRICT", ""},       // quận or huyện?
		{"PEOPLE'S COMMITTEE", ""},                           // no place
		{"GENERAL DEPARTMENT OF TAXATION", ""},               // not in the table
		{"MINISTRY OF FINANCE ANNOUNCES NEW TAX RULES", ""},  // a headline, not the name
		{"DEPARTMENT OF FINANCE OF BINH DUONG PROVINCE", ""}, // a Sở: not read
		{"PEOPLE'S COMMITTEE OF 12 PROVINCES PROVINCE", ""},  // no place
		{"SOCIALIST REPUBLIC OF VIETNAM", ""},
		{"", ""},
	} {
		if got := IssuerByEnglish(tc.in); got != tc.want {
			t.Errorf("IssuerByEnglish(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzIssuerByEnglish: any line maps to nothing, a name of issuerNames,
// or a local committee's or council's name, and never panics.
func FuzzIssuerByEnglish(f *testing.F) {
	for _, s := range []string{"THE GOVERNMENT", "PEOPLE'S COMMITTEE OF BINH DUONG PROVINCE", "HA GIANG PROVINCIAL PEOPLE'S COUNCIL", "the the", "’"} {
		f.Add(s)
	}
	known := make(map[string]bool)
	for _, n := range issuerNames {
		known[n] = true
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := IssuerByEnglish(s)
		if n != "" && !known[n] && !strings.HasPrefix(n, "Ủy ban nhân dân ") && !strings.HasPrefix(n, "Hội đồng nhân dân ") {
			t.Errorf("IssuerByEnglish(%q) = %q", s, n)
		}
	})
}

// TestEnglishIssuersKnown holds the English table to the one owner of
// issuer names: every value is a name issuerNames has, every key is in
// the form englishKey looks up (a key that is not would never match).
func TestEnglishIssuersKnown(t *testing.T) {
	known := make(map[string]bool, len(issuerNames))
	for _, n := range issuerNames {
		known[n] = true
	}
	for e, n := range englishIssuers {
		if !known[n] {
			t.Errorf("%q → %q: not a name issuerNames has", e, n)
		}
		if englishKey(e) != e {
			t.Errorf("%q: not a key (englishKey gives %q)", e, englishKey(e))
		}
	}
}
