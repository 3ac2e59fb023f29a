package filetext

// binaryShare is the share of control bytes from which a file that no
// magic number names is binary, not a page. Bytes read as random have
// 11 % of them (C0 codes other than tab, newline, form feed and carriage
// return: 28 of 256); text has none in Unicode or windows-1258, and only
// its capitals with a dot below or a hook above in VISCII and VPS, which
// put those in C0 — a few in a hundred even in an all-capitals line.
const binaryShare = 0.05

// looksBinary reports whether the first 8 KB of data are no text in any
// encoding the extractor reads.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8<<10)]
	n := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' || c == 0x7f {
			n++
		}
	}
	return len(head) > 0 && float64(n) > binaryShare*float64(len(head))
}
