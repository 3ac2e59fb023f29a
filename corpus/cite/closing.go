package cite

// StatesOwnEffect reports whether text states when its own document takes
// effect: "Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm
// 2026", "Quyết định này có hiệu lực kể từ ngày ký" — the grammar ParseDoc
// reads a document's effective date with (effect.go).
func StatesOwnEffect(text string) bool {
	_, ok := selfEffect(text)
	return ok
}

// EndsEffect reports whether r is a reference whose effect the text ends
// or replaces: "thay thế", "bãi bỏ", "hết hiệu lực", "đình chỉ" (not an
// amendment, which carries the amended text on).
func (r Ref) EndsEffect() bool {
	switch r.Relation {
	case Replaces, Repeals, Expires, Suspends:
		return true
	}
	return false
}
