package outline

// Item labels: "1. ", "2.1. ", "a) ", "(1) ", "- ", "b.1) ", "ii) " at the
// start of a line (itemLabel), and the number label other packages read.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// NumberLabel reports a line opening with a number label ("1. ", "2.1. ",
// "3) ", itemLabel) and returns the text after it.
func NumberLabel(line string) (rest string, ok bool) {
	_, _, kind, rest := itemLabel(line)
	if kind != labelNumber {
		return "", false
	}
	return rest, true
}

type labelKind int

const (
	labelNone      labelKind = iota
	labelNumber              // "1.", "2.1.", "1)"
	labelLetter              // "a)", "đ)"
	labelParen               // "(1)", "(a)"
	labelDash                // "-", "–", "•"
	labelPlus                // "+"
	labelRow                 // a row of a task table
	labelPara                // a paragraph of its own under a heading or after a list
	labelSubLetter           // "b.1)", "b.1.2)": a point under a lettered point
	labelRoman               // "ii)", "iv)": a list numbered in lower-case roman ("i)" when "ii)" follows)
)

// itemLabel recognizes "1. ", "2.1. ", "1) ", "1- ", "a) ", "a- ", "đ) ", "b.1) ",
// "(1) ", "- ", "• ", "+ " at the start of a line, and returns the label as written, the
// ID part it gives ("2.1", "a", "(1)"), its kind and the text after it.
func itemLabel(line string) (label, id string, kind labelKind, rest string) {
	r, n := utf8.DecodeRuneInString(line)
	switch r {
	case '-', '–', '—', '•', '·':
		next, _ := utf8.DecodeRuneInString(line[n:])
		if next == ' ' || unicode.IsUpper(next) {
			return "-", "", labelDash, strings.TrimSpace(line[n:])
		}
		return "", "", labelNone, line
	case '+':
		if strings.HasPrefix(line, "+ ") {
			return "+", "", labelPlus, strings.TrimSpace(line[2:])
		}
		return "", "", labelNone, line
	case '(':
		if end := strings.IndexByte(line, ')'); end > 1 && end <= 6 && end+1 < len(line) && line[end+1] == ' ' {
			in := line[1:end]
			if isAllDigits(in) && end <= 4 || utf8.RuneCountInString(in) == 1 && unicode.IsLower([]rune(in)[0]) || romanValue(in) > 0 {
				return line[:end+1], line[:end+1], labelParen, strings.TrimSpace(line[end+1:])
			}
		}
		return "", "", labelNone, line
	}
	i := 0
	for i < len(line) && (line[i] >= '0' && line[i] <= '9' || line[i] == '.' && i > 0 && line[i-1] != '.') {
		i++
	}
	if i > 0 && i+1 < len(line) {
		num := strings.TrimSuffix(line[:i], ".")
		switch {
		case line[i-1] == '.' && line[i] == ' ' && shortParts(num):
			return line[:i], num, labelNumber, strings.TrimSpace(line[i:])
		case line[i] == ')' && line[i-1] != '.' && i+1 < len(line) && line[i+1] == ' ' && shortParts(num):
			return line[:i+1], num, labelNumber, strings.TrimSpace(line[i+1:])
		case line[i] == '-' && line[i-1] != '.' && i+2 < len(line) && line[i+1] == ' ' && shortParts(num):
			// "1- Nâng cao nhận thức…", "2.1- Về thể chế": the dash of
			// Party documents, as in "I-", only before a capital ("5- 6
			// tuổi" is a range).
			if next, _ := utf8.DecodeRuneInString(line[i+2:]); unicode.IsUpper(next) {
				return line[:i+1], num, labelNumber, strings.TrimSpace(line[i+1:])
			}
		case line[i] == ' ' && strings.Contains(num, ".") && shortParts(num):
			// "1.1 Hỗ trợ…" without the final dot, only before a capital.
			if next, _ := utf8.DecodeRuneInString(line[i+1:]); unicode.IsUpper(next) {
				return line[:i], num, labelNumber, strings.TrimSpace(line[i:])
			}
		}
		return "", "", labelNone, line
	}
	if unicode.IsLower(r) && n < len(line) && line[n] == '.' {
		// "b.1) Đối tượng…", "b.1.1) Người nộp thuế…"
		j := n
		for j < len(line) && (line[j] == '.' || line[j] >= '0' && line[j] <= '9') {
			j++
		}
		if j+1 < len(line) && line[j] == ')' && line[j+1] == ' ' && line[j-1] != '.' && shortParts(line[n+1:j]) {
			return line[:j+1], line[:j], labelSubLetter, strings.TrimSpace(line[j+1:])
		}
		return "", "", labelNone, line
	}
	if unicode.IsLower(r) && n < len(line)-1 && line[n] == ')' && line[n+1] == ' ' {
		return line[:n+1], line[:n], labelLetter, strings.TrimSpace(line[n+1:])
	}
	if unicode.IsLower(r) && n+2 < len(line) && line[n] == '-' && line[n+1] == ' ' {
		// "a- Tổ chức hội nghị…": the Party's lettered point, as its
		// "1- ", only before a capital ("x- quang" is a word).
		if next, _ := utf8.DecodeRuneInString(line[n+2:]); unicode.IsUpper(next) {
			return line[:n+1], line[:n], labelLetter, strings.TrimSpace(line[n+1:])
		}
	}
	if end := strings.IndexByte(line, ')'); end > 1 && end <= 5 && end+1 < len(line) && line[end+1] == ' ' && romanValue(line[:end]) > 0 {
		// "ii) Quyết định thành lập…", "iv) Hồ sơ năng lực:"
		return line[:end+1], line[:end], labelRoman, strings.TrimSpace(line[end+1:])
	}
	return "", "", labelNone, line
}

// romanValue is the value of a lower-case roman numeral of two to five
// letters ("ii" 2, "iv" 4, "xii" 12), 0 for anything else ("i", "v" and
// "x" are letters too: the parser tells them by their neighbours).
func romanValue(s string) int {
	if len(s) < 2 {
		return 0
	}
	return lowerRoman(s)
}

// shortParts reports a section number of at most 4 parts of 1–2 digits
// ("1", "2.1"), not a year ("2030.").
func shortParts(num string) bool {
	parts := strings.Split(num, ".")
	for _, p := range parts {
		if len(p) == 0 || len(p) > 2 {
			return false
		}
	}
	return len(parts) <= 4
}
