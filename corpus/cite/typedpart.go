package cite

import "strings"

// TypedPart is a provision cited by its document's type alone, with no
// number: "khoản 1 Điều 38 của Nghị định", "điểm a khoản 2 Điều 5 Nghị
// định như sau", "Điều 4 của Nghị định này". An implementing text that
// restates its parent clause by clause names it so once its number has
// been given; the reader knows which document is meant when only one of
// that type is in play, which the caller decides.
type TypedPart struct {
	Type string // the canonical type (corpus/doctype): "Nghị định", "Luật"
	Part string // the provisions, in the part grammar (part.go): "khoản 1 Điều 38"
	Own  bool   // "… Nghị định này": the text's own document if it is of that type
	Name string // the capitalised word naming the document after its type: "Ngân" in "Luật Ngân sách nhà nước"; "" when none
}

// TypedParts reads the provisions text cites by a document type written
// with a capital and followed by no number (a numbered one is ParseRefs'
// reference: "Nghị định số 20/2025/NĐ-CP", "Nghị định 20/2025/NĐ-CP").
// The part before the type follows the grammar of part.go and must name
// an article (Loci); "Chương II của Nghị định" names none. A capitalised
// word right after the type begins the document's name ("Luật Ngân sách
// nhà nước"): the caller checks it against its candidate's title.
func TypedParts(text string) []TypedPart {
	if !strings.Contains(text, "Điều") && !strings.Contains(text, "điều") {
		return nil
	}
	lx := lexer{s: text, toks: make([]token, 0, 16+len(text)/4), folds: make([]byte, 0, len(text))}
	lx.brk(0)
	lx.lex(0, len(text))
	lx.brk(len(text))
	p := &relPass{tokView: tokView{s: text, toks: lx.toks, folds: string(lx.folds)}}
	var out []TypedPart
	for k := 1; k < len(p.toks); k++ {
		if p.toks[k].kind != tWord || !p.toks[k].cap {
			continue
		}
		typ, m, ok := p.typeWordAt(k, len(p.toks)-1)
		if !ok {
			continue
		}
		next := k + m
		own := p.word(next) == fNay
		if !own && (p.word(next) == "so" || (next < len(p.toks) && p.toks[next].kind == tWord && p.toks[next].digit)) {
			continue
		}
		part, _ := p.partBefore(k - 1)
		if part == "" || len(Loci(part)) == 0 {
			continue
		}
		tp := TypedPart{Type: typ.Name, Part: part, Own: own}
		if !own && next < len(p.toks) && p.toks[next].kind == tWord && p.toks[next].cap && p.toks[next].start == p.toks[next-1].end+1 {
			tp.Name = p.s[p.toks[next].start:p.toks[next].end]
		}
		out = append(out, tp)
		k = next - 1
	}
	return out
}
