package link

// The subject of an item or a passage: the agencies its text opens with
// ("Bộ Xây dựng, Bộ Công an chỉ đạo …", "Sở Y tế chủ trì …") are who does
// the work, which the actor boost weighs (linkactor.go), not what the work
// is about. Vietnamese names a ministry or a department by its domain, so
// the subject's words are topic words too: "Bộ Xây dựng" meets "xây dựng
// phương án", "Bộ Tài chính" meets "nguồn tài chính", "Bộ Công an" meets
// "công an xã" of any item. With SubjectTerms s the subject's terms weigh
// 1−s, in the passages' terms and the items' queries alike; an agency
// named later in the sentence ("phối hợp với Bộ Xây dựng") keeps its
// weight.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/outline"
)

// splitSubject is text cut after the agencies it opens with (outline.ActorWords:
// past a leading "Đề nghị", "Giao", "Yêu cầu" or "Đối với"): the subject
// with those leading words, and the rest; subject is "" when text opens
// with no agency.
func splitSubject(text string) (subject, rest string) {
	_, _, named := outline.ActorWords(text)
	if named == 0 {
		return "", text
	}
	i := 0
	for _, p := range []string{"Đề nghị ", "Giao ", "Yêu cầu ", "Đối với "} {
		if strings.HasPrefix(text[i:], p) {
			i += len(p)
		}
	}
	for range named {
		i = skip(text, i, true)
		i = skip(text, i, false)
	}
	return text[:i], text[i:]
}

// skip is the index of the first rune of text from i on that is not
// (space true) or is (false) a space.
func skip(text string, i int, space bool) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) != space {
			break
		}
		i += n
	}
	return i
}

// subjectTerms adds the terms of text to add, those of its subject at
// weight 1−s (left out at s 1) and the rest at 1.
func subjectTerms(text string, s float64, add func(term string, w float64)) {
	rest := text
	if s > 0 {
		var subject string
		subject, rest = splitSubject(text)
		if w := 1 - s; w > 0 {
			outline.ScanTerms(subject, func(t string) { add(t, w) })
		}
	}
	outline.ScanTerms(rest, func(t string) { add(t, 1) })
}
