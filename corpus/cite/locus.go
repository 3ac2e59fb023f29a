package cite

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// Locus is one provision a part names: an article, a clause of it or a
// point of that clause ("điểm a khoản 2 Điều 5": {"5", "2", "a"}). Clause
// and Point are "" when the part names the whole article or clause.
type Locus struct {
	Article, Clause, Point string
}

// Loci reads the provisions a part names (Ref.Part, the grammar of
// part.go): "khoản 1 và khoản 2 Điều 38" is clauses 1 and 2 of article
// 38, "điểm a, b khoản 2 Điều 5" points a and b of its clause 2,
// "khoản 1 Điều 3 và Điều 5" clause 1 of article 3 and article 5. A clause
// or point belongs to the nearest article (clause) written after it; one
// with no article after it ("khoản 2" alone: the citing text's own) and a
// part naming chapters, sections or annexes give no locus.
func Loci(part string) []Locus {
	type unit struct {
		level int // 0 point, 1 clause, 2 article
		label string
	}
	var us []unit
	level := -1
	for _, w := range strings.FieldsFunc(part, func(r rune) bool {
		return r == ' ' || r == ',' || r == ';' || r == '(' || r == ')'
	}) {
		switch viet.Fold(w) {
		case "diem":
			level = 0
		case "khoan":
			level = 1
		case "dieu":
			level = 2
		case "va", "hoac", "cac", "cua", "tai", "thuoc", "trong":
		default:
			if level >= 0 && locusLabel(w, level) {
				us = append(us, unit{level, locusName(w, level)})
			} else {
				level = -1 // "Mục 2", "Chương II", "Phụ lục": not a provision
			}
		}
	}
	// Each unit's container is the nearest unit of a higher level written
	// after it (a point may sit directly under an article: "điểm b Điều 9").
	var out []Locus
	parent := make([]int, len(us))
	hasChild := make([]bool, len(us))
	for i := range us {
		parent[i] = -1
		for j := i + 1; j < len(us); j++ {
			if us[j].level > us[i].level {
				parent[i] = j
				hasChild[j] = true
				break
			}
		}
	}
	for i := range us {
		if hasChild[i] {
			continue
		}
		var l Locus
		for k := i; k >= 0; k = parent[k] {
			switch us[k].level {
			case 0:
				l.Point = us[k].label
			case 1:
				l.Clause = us[k].label
			case 2:
				l.Article = us[k].label
			}
		}
		if l.Article != "" {
			out = append(out, l)
		}
	}
	return out
}

// locusLabel reports whether w labels a unit of the level: a number for
// an article or clause ("38", "5a"), a letter for a point ("a", "đ").
func locusLabel(w string, level int) bool {
	w = strings.TrimSuffix(w, ".")
	if w == "" || len(w) > 6 {
		return false
	}
	if level == 0 {
		r := []rune(w)
		return len(r) == 1 && viet.Lower(w) == w && !(r[0] >= '0' && r[0] <= '9')
	}
	return w[0] >= '0' && w[0] <= '9'
}

// locusName is the label of a unit as a passage ID spells it: an
// inserted article's letter lower case ("Điều 63A" is Đ63a, as the
// outline reads the heading "ĐIỀU 63A."), a point's as written.
func locusName(w string, level int) string {
	w = strings.TrimSuffix(w, ".")
	if level > 0 {
		w = strings.ToLower(w)
	}
	return w
}
