package cite

import (
	"strings"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// Legal force decides who can change a statute. A Hiến pháp, Luật, Bộ luật
// or Pháp lệnh is amended, replaced or repealed only by an act of the Quốc
// hội or its Standing Committee: a Luật, a Pháp lệnh, a Nghị quyết whose
// number ends in QHnn or UBTVQHnn (a decree, a circular or a decision
// never changes a law). The passive reader (actor.go) uses it to tell a
// statute named in a trích yếu ("Nghị định số A … quy định chi tiết … Luật
// X được sửa đổi, bổ sung bởi Nghị định số B") from the passive's subject.

// statuteTypes are the types only the Assembly's acts change.
var statuteTypes = []string{typeName("hien phap"), typeLaw, typeCode, typeOrdinance}

func isStatuteType(typ string) bool {
	for _, t := range statuteTypes {
		if t == typ {
			return true
		}
	}
	return false
}

// changesStatutes reports whether reference r can change a statute: it is
// an act of the Quốc hội or its Standing Committee by its type or its
// issuer code, or neither is known (nothing then says it cannot).
func changesStatutes(r *Ref) bool {
	switch strings.TrimRight(r.IssuerCode, "0123456789") {
	case "QH", "UBTVQH":
		return true
	}
	if isStatuteType(r.Type) {
		return true
	}
	return r.Type == "" && r.IssuerCode == ""
}

// statuteNamed reports a document named without number whose type is a
// statute's ("Luật Đất đai", "Bộ luật Lao động", "Hiến pháp nước …").
func statuteNamed(name string) bool {
	ws := strings.Fields(strings.ToLower(viet.Fold(name)))
	for n := min(doctype.MaxWords, len(ws)); n >= 1; n-- {
		if t, ok := doctype.ByName(strings.Join(ws[:n], " ")); ok {
			return isStatuteType(t.Name)
		}
	}
	return false
}

// typeOpening returns the canonical type whose words open at token k
// ("Luật", "Bộ luật", "Hiến pháp"), the longest first, or "".
func (p *tokView) typeOpening(k int) string {
	var ws [doctype.MaxWords]string
	for n := doctype.MaxWords; n >= 1; n-- {
		ok := true
		for i := 0; i < n && ok; i++ {
			ws[i] = p.word(k + i)
			ok = ws[i] != ""
		}
		if !ok {
			continue
		}
		if t, found := doctype.ByName(strings.Join(ws[:n], " ")); found {
			return t.Name
		}
	}
	return ""
}

// canChange reports whether reference agent can change the document named
// without number whose type word opens at token ts.
func (p *relPass) canChange(agent, ts int) bool {
	return !isStatuteType(p.typeOpening(ts)) || changesStatutes(&p.refs[agent])
}
