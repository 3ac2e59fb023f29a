// Package cite finds references to documents in Vietnamese text (ParseRefs)
// and what the text does to each: the relation (căn cứ, thực hiện, hướng dẫn,
// sửa đổi, thay thế, bãi bỏ, hết hiệu lực, đình chỉ), the part it targets and
// the date it takes effect (relation.go). ParseDoc also reads what a
// document says of itself: when it takes effect and until when.
//
// A reference is a số/ký hiệu (154/NQ-CP, 30/2020/NĐ-CP, 24-NQ/TW,
// 9394/BTC-NSNN) with what surrounds it:
//
//	ref     = [type-word] ["số" [":"]] key [["ban hành"] "ngày" date] ["của" issuer]
//	key     = number sep segment {sep segment}     (at least one letter segment)
//	sep     = "/" | "-" | "–" | "—" | "_"          (one or two stray spaces allowed)
//	date    = d/m/yyyy | d-m-yyyy | d.m.yyyy | d "tháng" m "năm" yyyy
//
// A date and issuer that follow a trích yếu (title) rather than the key, as in
// Pháp điển source notes ("Thông tư số 50/2017/TT-BTC Hướng dẫn … ngày
// 15/06/2017 của Bộ Tài chính"), are attached by a second pass that treats
// references as opening brackets and "ngày D của I" phrases as closing ones:
// a phrase closes the innermost open reference whose issuer code agrees with
// I. Clause boundaries (";", newline, "(", a sentence end, "có hiệu lực")
// close every open reference, so the parser stays conservative.
//
// The scanner is a single forward pass over the bytes: it stops only at an
// ASCII digit that starts a word and looks a few words back and forth from
// there, so it never backtracks over the text. The relation pass reads only
// the text near references, once.
//
// Files by concern: ref.go (Ref, ParseRefs, the first pass), title.go (the
// second pass), key.go (the key and its canonical spelling), types.go (type
// words and codes, from corpus/doctype), issuer.go (issuers and issuer
// codes), date.go (dates), words.go (scanning words); relations: relation.go
// (the model and the pass), lex.go (its tokens), cue.go (the relation
// words), walk.go (what precedes a reference; walkverb.go the change verbs
// it meets, walklist.go lists and clause heads), pred.go (what follows it, and
// effect dates), part.go (parts), effect.go (effect phrases), self.go (what a
// document says of itself).
package cite
