package outline

import (
	"strings"
	"testing"
)

// TestAgencyTailListed: a Cục's, Vụ's, Sở's or Ban's lower-case tail with
// no verb of the clause after it is the name's when another agency's name
// follows it in a list (after a comma or "và"): the next name shows where
// this one ends. "thường xuyên" is the clause's adverb before a verb
// ("Sở Y tế thường xuyên kiểm tra …" names "Sở Y tế") and the name's
// when listed ("Vụ Giáo dục thường xuyên, Cục …"); before a verb no
// structure tells "Vụ Giáo dục thường xuyên chủ trì …" from the adverb,
// and the name is read short (the lesser harm: a prefix of the name, not
// a name that does not exist). Lines written for the test, none from the
// collection.
func TestAgencyTailListed(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Cục Hợp tác quốc tế, Vụ Pháp chế chủ trì rà soát các điều ước.", "Cục Hợp tác quốc tế, Vụ Pháp chế"},
		{"Cục Hợp tác quốc tế và Vụ Pháp chế chủ trì rà soát các điều ước.", "Cục Hợp tác quốc tế và Vụ Pháp chế"},
		{"Cục Quản lý xây dựng công trình, Cục Kinh tế xây dựng chủ trì rà soát định mức.", "Cục Quản lý xây dựng công trình, Cục Kinh tế xây dựng"},
		{"Vụ Giáo dục thường xuyên, Cục Nhà giáo và Cán bộ quản lý giáo dục chủ trì biên soạn.", "Vụ Giáo dục thường xuyên, Cục Nhà giáo và Cán bộ quản lý giáo dục"},
		{"Vụ Giáo dục thường xuyên và Cục Quản lý chất lượng hướng dẫn các sở.", "Vụ Giáo dục thường xuyên và Cục Quản lý chất lượng"},
		{"Cục Quản lý đê điều và phòng chống thiên tai, Vụ Kế hoạch chủ trì tổng hợp.", "Cục Quản lý đê điều và phòng chống thiên tai, Vụ Kế hoạch"},
		// guards: an adverb before its verb, after a comma with no agency
		// after it; two clauses; the name before a verb (read short)
		{"Sở Y tế thường xuyên kiểm tra các cơ sở khám bệnh.", "Sở Y tế"},
		{"Sở Y tế thường xuyên, định kỳ kiểm tra các cơ sở khám bệnh.", "Sở Y tế"},
		{"Cục Thuế tổng hợp, Sở Tài chính thẩm định hồ sơ.", "Cục Thuế"},
		{"Cục Hải quan các tỉnh, Sở Công Thương phối hợp kiểm tra.", "Cục Hải quan"},
		{"Vụ Giáo dục thường xuyên chủ trì biên soạn tài liệu.", "Vụ Giáo dục"},
	}
	for _, tt := range tests {
		atoks, an := AgencyWords(tt.text)
		if got := strings.TrimRight(strings.Join(atoks[:an], " "), ",:;."); got != tt.agency {
			t.Errorf("AgencyWords(%q) names %q, want %q", tt.text, got, tt.agency)
		}
	}
}
