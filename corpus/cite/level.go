package cite

import "strings"

// levelNouns are the levels of government, as written in lower case,
// the two-word ones first: the one table of them. An issuer's level
// ("Ủy ban nhân dân tỉnh …", levels), an agency's locality in the actor
// scanner and the task table (corpus/outline, corpus/tasktable) and the
// case of a place name (crawler/extract) read it.
var levelNouns = []string{"thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường"}

// levelAround are the words written before a level ("các tỉnh", "cấp
// xã"); levelScopes name the level of a body without a noun ("Ủy ban
// Trung ương Mặt trận", "chính quyền địa phương").
var levelAround, levelScopes = []string{"các", "cấp"}, [][]string{{"trung", "ương"}, {"địa", "phương"}}

// levelNounWords are levelNouns' words; levelWordSet every word of
// levelNouns and levelAround.
var levelNounWords, levelWordSet = func() ([][]string, map[string]bool) {
	var ws [][]string
	set := map[string]bool{}
	for _, n := range levelNouns {
		ws = append(ws, strings.Fields(n))
	}
	for _, n := range append(levelNouns[:len(levelNouns):len(levelNouns)], levelAround...) {
		for _, w := range strings.Fields(n) {
			set[w] = true
		}
	}
	return ws, set
}()

// LevelNouns is the levels of government in lower case, the two-word
// ones first ("thành phố", …, "tỉnh", …, "phường"): a copy.
func LevelNouns() []string {
	return append([]string(nil), levelNouns...)
}

// LevelAt is the number of words of the level of government lower (words
// in viet.Lower, punctuation off) opens with: 2 for "thành phố", "thị
// xã", "thị trấn", 1 for "tỉnh", "huyện", "quận", "xã", "phường"; 0 for
// none, and for "xã hội" (society, no level).
func LevelAt(lower []string) int {
	if len(lower) > 1 && lower[0] == "xã" && lower[1] == "hội" {
		return 0
	}
	for _, lw := range levelNounWords {
		if len(lw) > len(lower) {
			continue
		}
		ok := true
		for j, w := range lw {
			ok = ok && lower[j] == w
		}
		if ok {
			return len(lw)
		}
	}
	return 0
}

// LevelWord reports whether w (in viet.Lower) is a word of a level of
// government or of the words before one ("tỉnh", "thành", "phố", "thị",
// "trấn", "các", "cấp"), wherever it stands: the task table reads it of a
// word already read ("tỉnh ủy, thành ủy", "các tỉnh:"); whether the words
// ahead are a level is LevelRunAt's ("cấp xã", not "cấp giấy phép").
func LevelWord(w string) bool {
	return levelWordSet[w]
}

// ScopeAt is 2 when lower (words in viet.Lower) opens with "trung ương"
// or "địa phương", else 0.
func ScopeAt(lower []string) int {
	for _, sc := range levelScopes {
		if len(lower) > 1 && lower[0] == sc[0] && lower[1] == sc[1] {
			return 2
		}
	}
	return 0
}

// thanhWords are the second syllables of the words "thành" opens that
// follow an agency's name: "thành lập" (to found), "thành viên"
// (member), "thành phần" (member, part). Before them "thành" is no
// "thành phố"; not "công": verbs open with it after the level ("các
// tỉnh, thành công bố …").
var thanhWords = map[string]bool{"lập": true, "viên": true, "phần": true}

// LevelRunAt is the number of words at the start of lower (words in
// viet.Lower) that a level takes as one: a level noun (LevelAt), "trung
// ương" or "địa phương" (ScopeAt), "các cấp" (every level), or one word
// of LevelWord ("các", "thành" of "các tỉnh, thành"), but not "thị" or
// "trấn" alone ("Ban Thị đua": a name's word), nor "thành" of a word
// it opens (thanhWords: "Ủy ban nhân dân tỉnh thành lập …", "Các bộ,
// ngành thành viên …"), nor "cấp" but before a
// level noun or a scope ("cấp tỉnh", "cấp trung ương"): before anything
// else it is the verb to grant ("Sở Xây dựng cấp giấy phép …"); 0 when
// none, and for "xã hội".
func LevelRunAt(lower []string) int {
	if n := LevelAt(lower); n > 0 {
		return n
	}
	if n := ScopeAt(lower); n > 0 {
		return n
	}
	if len(lower) == 0 || len(lower) > 1 && lower[0] == "xã" && lower[1] == "hội" {
		return 0
	}
	switch w := lower[0]; {
	case w == "các" && len(lower) > 1 && lower[1] == "cấp":
		return 2
	case w == "cấp":
		if LevelAt(lower[1:]) > 0 || ScopeAt(lower[1:]) > 0 {
			return 1
		}
		return 0
	case w == "thành" && len(lower) > 1 && thanhWords[lower[1]]:
		return 0 // "Ủy ban nhân dân tỉnh thành lập …", "Các bộ, ngành thành viên …"
	case LevelWord(w) && w != "thị" && w != "trấn":
		return 1
	}
	return 0
}
