package viet

import "testing"

// TestUntype: a word typed with an input method switched off keeps its
// keys — Telex ("quyeets", "ddinhj": the marks' letters after the vowels,
// the tone's last) or VNI ("quye61t", "d9i5nh": digits) — and reads as
// the syllable they spell. A word that is a syllable already, or whose
// keys spell none (acronyms, foreign words, codes), is left alone.
func TestUntype(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
		shaped   bool // a key shaped a letter, not a tone's alone
	}{
		{"quyeets", "quyết", true, true},
		{"ddinhj", "định", true, true},
		{"chuyeenr", "chuyển", true, true},
		{"ddooir", "đổi", true, true},
		{"soos", "số", true, true},
		{"vieejt", "việt", true, true}, // the tone typed before the final consonant
		{"nguwowif", "người", true, true},
		{"tuw", "tư", true, true},
		{"hoaf", "hòa", true, false},
		{"khoer", "khỏe", true, false},
		{"DDAAUF", "đầu", true, true},
		{"Tieengs", "tiếng", true, true},
		{"chuye63n", "chuyển", true, true},
		{"d9o63i", "đổi", true, true},
		{"so61", "số", true, true},
		{"quye61t", "quyết", true, true},
		{"d9i5nh", "định", true, true},
		{"ngu7o72i", "người", true, true},
		{"chuyen", "", false, false}, // a syllable already
		{"so", "", false, false},
		{"ubnd", "", false, false},
		{"covid", "", false, false},
		{"online", "", false, false},
		{"stem", "", false, false},
		{"ocop", "", false, false},
		{"grdp", "", false, false},
		{"email", "", false, false},
		{"smart", "", false, false},
		{"wifi", "", false, false},
		{"h5n1", "", false, false},
		{"qh15", "", false, false},
		{"nq154", "", false, false},
		{"2025", "", false, false},
		{"as", "", false, false},     // too short to tell
		{"visa", "vía", true, false}, // a tone's key alone: the caller decides
		{"taxi", "tãi", true, false},
		{"ssss", "", false, false},
		{"quyeetsj", "", false, false}, // two tones
		// Telex's keys spelling a shaped vowel no Vietnamese rhyme has
		// (i31-rev-search: ValidSyllable checks the folded shape, "uan",
		// "uin"): codes, units and English words of the collections
		{"kWp", "", false, false}, // kilowatt peak: "kưp"
		{"WAN", "", false, false}, // "ưan"
		{"Twin", "", false, false},
		{"swap", "", false, false},
		{"laws", "", false, false}, // "lắ": ă wants a final consonant
		{"quaw", "", false, false},
		{"saas", "", false, false}, // "sấ": â too
		{"caa", "", false, false},
		{"NA8", "", false, false}, // VNI's key the same
		{"wow", "", false, false}, // "ươ" wants a final
		{"BWM", "", false, false},
		// and the rhymes they do have
		{"muwa", "mưa", true, true},
		{"nhuwngx", "những", true, true},
		{"guwir", "gửi", true, true},
		{"luwu", "lưu", true, true},
		{"chuwcs", "chức", true, true},
		{"tuwowir", "tưởi", true, true},
		{"lawngs", "lắng", true, true},
		{"mawtj", "mặt", true, true},
		{"ddaats", "đất", true, true},
		{"traan", "trân", true, true},
		{"caays", "cấy", true, true},
		{"tuaanf", "tuần", true, true},
		{"khuaay", "khuây", true, true},
		{"xoawn", "xoăn", true, true},
		{"lu7o7ng", "lương", true, true},
		{"ta8ng", "tăng", true, true},
	} {
		got, shaped, ok := Untype(tt.in)
		if got != tt.want || ok != tt.ok || shaped != tt.shaped {
			t.Errorf("Untype(%q) = %q, %v, %v; want %q, %v, %v", tt.in, got, shaped, ok, tt.want, tt.shaped, tt.ok)
		}
	}
}

// FuzzUntype: whatever it reads, Untype answers a valid syllable or
// nothing.
func FuzzUntype(f *testing.F) {
	for _, s := range []string{"quyeets", "d9o64i", "ngu7o72i", "aaaa", "ww", "dd9", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if w, shaped, ok := Untype(s); ok && !ValidSyllable(w) || !ok && (w != "" || shaped) {
			t.Errorf("Untype(%q) = %q, %v", s, w, ok)
		}
	})
}
