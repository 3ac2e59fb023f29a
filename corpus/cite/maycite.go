package cite

// MayCite reports a digit before a slash or a dash and a capital: the
// shape of a document number ("347/NQ-CP", "57-NQ/TW"), checked before
// the costlier ParseRefs. A text without it holds no reference.
func MayCite(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if (s[i] == '/' || s[i] == '-') && s[i-1] >= '0' && s[i-1] <= '9' && s[i+1] >= 'A' && s[i+1] <= 'Z' {
			return true
		}
	}
	return false
}
