package link

// Actions: what an item or passage asks to be done, in classes, so that
// linking weighs the action against the topic words ("Tổ chức hội nghị …
// tuyên truyền về hạ tầng 5G" communicates; it builds no infrastructure).

import (
	"math"
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// actionClasses are the kinds of action of administrative tasks, each with
// the folded verbs (and verbal nouns) that name it: what is done, not what
// it is done to (hạ tầng, 5G, thực phẩm are topics, left to BM25). A phrase counts once per text; a phrase
// in the first clause (the task's own verb) counts double.
var actionClasses = [...]struct {
	name    string
	phrases []string
}{
	{"inform", []string{"tuyen truyen", "truyen thong", "pho bien", "thong tin", "cong khai", "khuyen cao", "thong bao", "dang tai", "nang cao nhan thuc", "van dong"}},
	{"train", []string{"tap huan", "dao tao", "boi duong", "dien tap", "hoi thao", "hoi nghi"}},
	{"regulate", []string{"ban hanh", "sua doi", "van ban quy pham", "the che", "quy dinh", "huong dan"}},
	{"inspect", []string{"thanh tra", "kiem tra", "giam sat", "xu ly vi pham", "xu phat", "xu ly nghiem"}},
	{"report", []string{"bao cao", "tong hop", "thong ke", "theo doi", "don doc"}},
	{"fund", []string{"kinh phi", "ngan sach", "bo tri von", "nguon von", "du toan"}},
	{"invest", []string{"dau tu", "nang cap", "lap dat", "trang bi", "xay dung cong trinh"}},
	{"research", []string{"nghien cuu", "thi diem", "chuyen giao", "ung dung"}},
	{"relief", []string{"cuu tro", "tiep te", "cung ung", "cap phat", "phan phoi", "ho tro"}},
	{"rescue", []string{"so tan", "di doi", "cuu ho", "cuu nan", "tim kiem"}},
	{"review", []string{"ra soat", "danh gia", "kiem ke"}},
	{"policy", []string{"co che", "chinh sach", "uu dai"}},
}

// actionVec is the weight of each action class in a text, of length 1
// (zero when the text names none).
type actionVec [len(actionClasses)]float64

// actionVector is the action classes of text.
func actionVector(text string) actionVec {
	var v actionVec
	f := " " + strings.Join(strings.Fields(foldPunct(text)), " ") + " "
	first := f
	if i := strings.IndexAny(f, ";.:"); i > 0 {
		first = f[:i] + " "
	}
	for c, ac := range actionClasses {
		for _, p := range ac.phrases {
			if strings.Contains(f, " "+p+" ") {
				v[c]++
				if strings.Contains(first, " "+p+" ") {
					v[c]++
				}
			}
		}
	}
	n := 0.0
	for _, x := range v {
		n += x * x
	}
	if n > 0 {
		n = math.Sqrt(n)
		for c := range v {
			v[c] /= n
		}
	}
	return v
}

// foldPunct folds text and spaces out its punctuation, keeping ";.:" as
// clause marks.
func foldPunct(text string) string {
	var b strings.Builder
	for _, w := range strings.Fields(viet.Fold(text)) {
		w = strings.Trim(w, ",()\"“”'")
		end := ""
		if strings.HasSuffix(w, ";") || strings.HasSuffix(w, ".") || strings.HasSuffix(w, ":") {
			end = w[len(w)-1:]
			w = w[:len(w)-1]
		}
		b.WriteString(w)
		b.WriteString(" ")
		if end != "" {
			b.WriteString(end + " ")
		}
	}
	return b.String()
}

// cosine is the cosine of two action vectors: 1 for the same actions, 0
// for none in common or none named.
func (a *actionVec) cosine(b actionVec) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}
