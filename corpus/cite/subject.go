package cite

import "slices"

// subjectOpeners are the words that open a document's subject (its trích
// yếu) right after its issuer's name, folded: "… của UBND tỉnh triển khai
// Nghị quyết …", "… của Chính phủ quy định chi tiết …", "… của Quốc hội
// phê chuẩn …". An issuer read after "của" ends before the first of them.
// This is the one list: the issuer a reference names (genericIssuer) and
// the issuer crawler/extract reads from a title line ("… số N ngày D của
// ISSUER …") both end there. Words that also begin agencies' names are
// not in it: "giao" (Bộ Giao thông vận tải), "tổ chức" (Ban Tổ chức Trung
// ương), "chỉ đạo" (Ban Chỉ đạo).
var subjectOpeners = []string{
	"ve", "v/v",
	"ban hanh", "phe duyet", "phe chuan", "quy dinh", "huong dan",
	"sua doi", "bo sung", "bai bo", "dieu chinh", "thay the",
	"trien khai", "thuc hien", "quan triet", "tang cuong", "day manh",
	"phan bo", "cong bo", "kien toan", "thanh lap",
}

// subjectOpenerWords are subjectOpeners as words (foldWords).
var subjectOpenerWords = func() [][]string {
	out := make([][]string, len(subjectOpeners))
	for i, s := range subjectOpeners {
		out[i] = foldWords(s)
	}
	return out
}()

// SubjectOpeners returns the folded words that open a document's subject
// after its issuer's name ("ve", "ban hanh", "trien khai" …), for a reader
// of titles that must stop an issuer there (crawler/extract).
func SubjectOpeners() []string { return slices.Clone(subjectOpeners) }

// opensSubject reports whether ws (after an issuer's first words) start
// with a subject opener.
func opensSubject(ws []word, spaced []bool) bool {
	for _, o := range subjectOpenerWords {
		if hasWords(ws, spaced, o, true) {
			return true
		}
	}
	return false
}

// opensSubjectAt reports whether the words from token k open a subject (a
// trích yếu): "phê duyệt Đề án …", "về đẩy mạnh …".
func (p *tokView) opensSubjectAt(k int) bool {
	for _, o := range subjectOpenerWords {
		n := 0
		for n < len(o) && p.kind(k+n) == tWord && p.word(k+n) == o[n] {
			n++
		}
		if n == len(o) {
			return true
		}
	}
	return false
}
