package cite

import (
	"regexp"
	"strings"
	"unicode"
)

// English translations of Vietnamese documents (a ministry's or a
// portal's English pages) head them with the issuer in English: "THE
// GOVERNMENT", "MINISTRY OF FINANCE", "PEOPLE'S COMMITTEE OF BINH DUONG
// PROVINCE". IssuerByEnglish maps such a line to the issuer's Vietnamese
// name, the one issuerNames owns, so a translation and its original share
// one issuer.

// englishIssuers maps an issuer's English name, folded by englishKey (no
// "the", one space, capitals), to its canonical name in issuerNames
// (checked at init). Spellings of one ministry across translations
// (British and American, "and" or a comma) are rows of their own.
var englishIssuers = map[string]string{
	"GOVERNMENT":     "Chính phủ",
	"PRIME MINISTER": "Thủ tướng Chính phủ",
	"PRESIDENT":      "Chủ tịch nước",
	"PRESIDENT OF SOCIALIST REPUBLIC OF VIETNAM": "Chủ tịch nước",
	"STATE PRESIDENT":                                 "Chủ tịch nước",
	"NATIONAL ASSEMBLY":                               "Quốc hội",
	"NATIONAL ASSEMBLY STANDING COMMITTEE":            "Ủy ban Thường vụ Quốc hội",
	"STANDING COMMITTEE OF NATIONAL ASSEMBLY":         "Ủy ban Thường vụ Quốc hội",
	"POLITBURO":                                       "Bộ Chính trị",
	"PARTY CENTRAL COMMITTEE":                         "Ban Chấp hành Trung ương",
	"CENTRAL COMMITTEE":                               "Ban Chấp hành Trung ương",
	"SECRETARIAT":                                     "Ban Bí thư",
	"GOVERNMENT OFFICE":                               "Văn phòng Chính phủ",
	"OFFICE OF GOVERNMENT":                            "Văn phòng Chính phủ",
	"SUPREME PEOPLE'S COURT":                          "Tòa án nhân dân tối cao",
	"SUPREME PEOPLE'S PROCURACY":                      "Viện kiểm sát nhân dân tối cao",
	"COUNCIL OF JUDGES OF SUPREME PEOPLE'S COURT":     "Hội đồng Thẩm phán Tòa án nhân dân tối cao",
	"STATE AUDIT OFFICE":                              "Kiểm toán nhà nước",
	"STATE AUDIT OFFICE OF VIETNAM":                   "Kiểm toán nhà nước",
	"GOVERNMENT INSPECTORATE":                         "Thanh tra Chính phủ",
	"STATE BANK OF VIETNAM":                           "Ngân hàng Nhà nước Việt Nam",
	"STATE BANK":                                      "Ngân hàng Nhà nước Việt Nam",
	"COMMITTEE FOR ETHNIC MINORITY AFFAIRS":           "Ủy ban Dân tộc",
	"VIETNAM SOCIAL SECURITY":                         "Bảo hiểm xã hội Việt Nam",
	"MINISTRY OF NATIONAL DEFENCE":                    "Bộ Quốc phòng",
	"MINISTRY OF NATIONAL DEFENSE":                    "Bộ Quốc phòng",
	"MINISTRY OF PUBLIC SECURITY":                     "Bộ Công an",
	"MINISTRY OF FOREIGN AFFAIRS":                     "Bộ Ngoại giao",
	"MINISTRY OF HOME AFFAIRS":                        "Bộ Nội vụ",
	"MINISTRY OF JUSTICE":                             "Bộ Tư pháp",
	"MINISTRY OF FINANCE":                             "Bộ Tài chính",
	"MINISTRY OF INDUSTRY AND TRADE":                  "Bộ Công Thương",
	"MINISTRY OF AGRICULTURE AND RURAL DEVELOPMENT":   "Bộ Nông nghiệp và Phát triển nông thôn",
	"MINISTRY OF AGRICULTURE AND ENVIRONMENT":         "Bộ Nông nghiệp và Môi trường",
	"MINISTRY OF TRANSPORT":                           "Bộ Giao thông vận tải",
	"MINISTRY OF CONSTRUCTION":                        "Bộ Xây dựng",
	"MINISTRY OF NATURAL RESOURCES AND ENVIRONMENT":   "Bộ Tài nguyên và Môi trường",
	"MINISTRY OF INFORMATION AND COMMUNICATIONS":      "Bộ Thông tin và Truyền thông",
	"MINISTRY OF LABOUR, INVALIDS AND SOCIAL AFFAIRS": "Bộ Lao động - Thương binh và Xã hội",
	"MINISTRY OF LABOR, INVALIDS AND SOCIAL AFFAIRS":  "Bộ Lao động - Thương binh và Xã hội",
	"MINISTRY OF CULTURE, SPORTS AND TOURISM":         "Bộ Văn hóa, Thể thao và Du lịch",
	"MINISTRY OF SCIENCE AND TECHNOLOGY":              "Bộ Khoa học và Công nghệ",
	"MINISTRY OF EDUCATION AND TRAINING":              "Bộ Giáo dục và Đào tạo",
	"MINISTRY OF HEALTH":                              "Bộ Y tế",
	"MINISTRY OF PLANNING AND INVESTMENT":             "Bộ Kế hoạch và Đầu tư",
	"MINISTRY OF ETHNIC AND RELIGIOUS AFFAIRS":        "Bộ Dân tộc và Tôn giáo",
}

// localEnglish reads a local issuer: "PEOPLE'S COMMITTEE OF BINH DUONG
// PROVINCE", "PEOPLE'S COUNCIL OF DA NANG CITY", "HA GIANG PROVINCIAL
// PEOPLE'S COMMITTEE", "HO CHI MINH CITY PEOPLE'S COMMITTEE". The level
// is required: "district" is quận or huyện, and a bare "HANOI PEOPLE'S
// COMMITTEE" names no level, so neither is guessed.
var (
	localOfRe     = regexp.MustCompile(`^PEOPLE'S (COMMITTEE|COUNCIL) OF (.+) (PROVINCE|CITY)$`)
	localBeforeRe = regexp.MustCompile(`^(.+) (PROVINCIAL|PROVINCE|CITY) PEOPLE'S (COMMITTEE|COUNCIL)$`)
)

// IssuerByEnglish returns the Vietnamese name of the issuer an English
// header line names ("THE GOVERNMENT" → "Chính phủ", "MINISTRY OF
// FINANCE" → "Bộ Tài chính", "PEOPLE'S COMMITTEE OF BINH DUONG PROVINCE"
// → "Ủy ban nhân dân tỉnh Binh Duong": a place is kept as the translation
// spells it, accents or none), or "" when the line is no issuer it knows.
// Case, "the", curly apostrophes and spacing do not matter; the line must
// be the name and nothing else.
func IssuerByEnglish(line string) string {
	k := englishKey(line)
	if k == "" {
		return ""
	}
	if n, ok := englishIssuers[k]; ok {
		return n
	}
	var body, place, level string
	if m := localOfRe.FindStringSubmatch(k); m != nil {
		body, place, level = m[1], m[2], m[3]
	} else if m := localBeforeRe.FindStringSubmatch(k); m != nil {
		body, place, level = m[3], m[1], m[2]
	} else {
		return ""
	}
	if !placeName(place) {
		return ""
	}
	name := "Ủy ban nhân dân"
	if body == "COUNCIL" {
		name = "Hội đồng nhân dân"
	}
	if level == "CITY" {
		return name + " thành phố " + titleWords(place)
	}
	return name + " tỉnh " + titleWords(place)
}

// englishKey folds an English header line: capitals, one space, a curly
// apostrophe straight, a leading "the" and the "the" of "of the" dropped,
// trailing punctuation off.
func englishKey(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "`", "'").Replace(s)
	s = strings.TrimRight(strings.TrimSpace(s), ".:;,")
	ws := strings.Fields(strings.ToUpper(s))
	out := ws[:0]
	for i, w := range ws {
		if w == "THE" && (i == 0 || ws[i-1] == "OF") {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// placeName reports a place's name: one to four words of letters (a
// hyphen allowed: "BA RIA-VUNG TAU"), none of them a word of an
// organisation's name.
func placeName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		switch w {
		case "OF", "PEOPLE'S", "COMMITTEE", "COUNCIL", "DEPARTMENT", "PROVINCE", "CITY", "DISTRICT", "AND":
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' {
				return false
			}
		}
	}
	return true
}

// titleWords capitalises each word of a place written in capitals: "BINH
// DUONG" → "Binh Duong", "BÀ RỊA-VŨNG TÀU" → "Bà Rịa-Vũng Tàu".
func titleWords(s string) string {
	var b strings.Builder
	upper := true
	for _, r := range strings.ToLower(s) {
		if upper && unicode.IsLetter(r) {
			b.WriteRune(unicode.ToUpper(r))
			upper = false
			continue
		}
		b.WriteRune(r)
		upper = r == ' ' || r == '-'
	}
	return b.String()
}
