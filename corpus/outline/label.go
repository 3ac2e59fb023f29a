package outline

// NumberLabel reports a line opening with a number label ("1. ", "2.1. ",
// "3) ", itemLabel) and returns the text after it.
func NumberLabel(line string) (rest string, ok bool) {
	_, _, kind, rest := itemLabel(line)
	if kind != labelNumber {
		return "", false
	}
	return rest, true
}
