// Package doctype is vanban's one vocabulary of document types (loại văn
// bản): their canonical names, the codes document numbers carry (Nghị định
// 30/2020/NĐ-CP, Phụ lục III, and the legal and Party codes met in real
// numbers) in their official spelling, the folded forms text is matched on,
// the capitalised line a document header names its type with ("NGHỊ
// QUYẾT"), and a class telling what a document of the type does.
//
// Every table of types in vanban is derived from All: the citation parser
// (corpus/cite), the crawler's header and number readers (crawler/extract),
// the query parser, abbreviation expansion and type boost (search), and plan
// linking (corpus). Adding a type is one line of All (docs/log/design-document-vocabulary.md).
// The headings of a document's divisions (Phần, Chương, Mục) are read here
// too, by the outline and the header reader alike (division.go).
//
// The package imports only corpus/viet and the standard library; its tables
// are built once and only read.
package doctype

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/vanban/vanban/corpus/viet"
)

// Class tells what a document of a type does. Plan linking takes plans to
// the resolutions they implement; legal-effect work takes the Legal class
// (and Nghị quyết or Quyết định whose number carries a year, such as
// 26/2023/NQ-HĐND: whether one of those is normative is a question for the
// number, not the type).
type Class uint8

const (
	// Other is the class of no type: a name not in the vocabulary.
	Other Class = iota
	// Legal documents state rules of general effect: Hiến pháp, Luật,
	// Pháp lệnh, Nghị định, Thông tư…, and what consolidates or binds
	// like them (Văn bản hợp nhất, Án lệ).
	Legal
	// Resolution documents direct what others must do: Nghị quyết, Chỉ
	// thị, Kết luận. Plans implement them.
	Resolution
	// Plan documents implement resolutions task by task: Kế hoạch,
	// Chương trình.
	Plan
	// Scheme documents propose a project or an option: Đề án, Phương án,
	// Dự án. They are not linked as plans.
	Scheme
	// Decision is Quyết định.
	Decision
	// Rules govern how something is done: Quy chế, Quy định, Hướng dẫn.
	Rules
	// Notice documents announce: Thông báo, Thông cáo, Công điện.
	Notice
	// Report documents account or submit: Báo cáo, Tờ trình, Biên bản.
	Report
	// Letter documents correspond: Công văn, Giấy mời, Phiếu gửi…
	Letter
	// Agreement documents bind parties: Hợp đồng, Bản ghi nhớ…
	Agreement
	// Copy is a copy of another document: Bản sao y, Bản trích sao, Bản
	// sao lục.
	Copy
)

var classNames = [...]string{"other", "legal", "resolution", "plan", "scheme", "decision", "rules", "notice", "report", "letter", "agreement", "copy"}

// String returns the class name in lower case: "resolution".
func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return "class(" + strconv.Itoa(int(c)) + ")"
}

// Type is one document type.
type Type struct {
	// Name is the canonical name, NFC with old-style tones: "Nghị quyết".
	Name string
	// Code is the abbreviation numbers carry, as officially spelled: "NQ",
	// "QĐ", "QyĐ", "CTr". It is "" when numbers carry none: a Luật is
	// 45/2019/QH14, a công văn 9394/BTC-NSNN.
	Code string
	// Class tells what a document of the type does.
	Class Class
	// ND30 marks the 30 types of Nghị định 30/2020/NĐ-CP, Phụ lục III.
	ND30 bool
	// Common marks a name that running text mostly uses as an ordinary
	// phrase ("theo quy định", "kỷ luật", "hợp đồng lao động", "dự án đầu
	// tư", "lập biên bản", "mệnh lệnh"): only a number after it (the
	// citation parser) makes it the type. Free-text detection (the search
	// type boost, "nghị quyết 154" partial numbers) leaves these out.
	Common bool
	// Aliases are other names of the type, matched like Name: "Chương
	// trình hành động".
	Aliases []string
	// English is the name an English translation's header gives the type
	// ("DECREE" over "ON PUBLIC ARCHIVES"), or "" when no one name is
	// the translation's. It names a header line only (ByHeader), never
	// running text: "decision" in a sentence is no type.
	English string
}

// header is the line a document's header names its type with: the name
// in capitals, "NGHỊ QUYẾT".
func (t Type) header() string { return strings.ToUpper(t.Name) }

// All is the vocabulary: legal documents, then the administrative types of
// Nghị định 30/2020/NĐ-CP, Phụ lục III (rows 1–30; the 2020 forms: the older
// Nghị định 110/2004 named some otherwise), then Party and other types.
var All = []Type{
	{Name: "Hiến pháp", Class: Legal, English: "Constitution"},
	{Name: "Bộ luật", Class: Legal},
	{Name: "Luật", Class: Legal, Common: true, English: "Law"},
	{Name: "Pháp lệnh", Code: "PL", Class: Legal, English: "Ordinance"},
	{Name: "Lệnh", Code: "L", Class: Legal, Common: true},
	{Name: "Sắc lệnh", Class: Legal},
	{Name: "Nghị định", Code: "NĐ", Class: Legal, English: "Decree"},
	{Name: "Thông tư", Code: "TT", Class: Legal, English: "Circular"},
	{Name: "Thông tư liên tịch", Code: "TTLT", Class: Legal, English: "Joint Circular"},
	{Name: "Văn bản hợp nhất", Code: "VBHN", Class: Legal},
	{Name: "Án lệ", Code: "AL", Class: Legal},
	{Name: "Nghị quyết liên tịch", Code: "NQLT", Class: Resolution, English: "Joint Resolution"},

	{Name: "Nghị quyết", Code: "NQ", Class: Resolution, ND30: true, English: "Resolution"},
	{Name: "Quyết định", Code: "QĐ", Class: Decision, ND30: true, English: "Decision"},
	{Name: "Chỉ thị", Code: "CT", Class: Resolution, ND30: true, English: "Directive"},
	{Name: "Quy chế", Code: "QC", Class: Rules, ND30: true},
	{Name: "Quy định", Code: "QyĐ", Class: Rules, ND30: true, Common: true},
	{Name: "Thông cáo", Code: "TC", Class: Notice, ND30: true},
	{Name: "Thông báo", Code: "TB", Class: Notice, ND30: true, Aliases: []string{"Thông báo kết luận"}},
	{Name: "Hướng dẫn", Code: "HD", Class: Rules, ND30: true},
	{Name: "Chương trình", Code: "CTr", Class: Plan, ND30: true, Aliases: []string{"Chương trình hành động"}},
	{Name: "Kế hoạch", Code: "KH", Class: Plan, ND30: true},
	{Name: "Phương án", Code: "PA", Class: Scheme, ND30: true},
	{Name: "Đề án", Code: "ĐA", Class: Scheme, ND30: true},
	{Name: "Dự án", Code: "DA", Class: Scheme, ND30: true, Common: true},
	{Name: "Báo cáo", Code: "BC", Class: Report, ND30: true, Aliases: []string{"Báo cáo thẩm tra"}},
	{Name: "Biên bản", Code: "BB", Class: Report, ND30: true, Common: true},
	{Name: "Tờ trình", Code: "TTr", Class: Report, ND30: true},
	{Name: "Hợp đồng", Code: "HĐ", Class: Agreement, ND30: true, Common: true},
	{Name: "Công điện", Code: "CĐ", Class: Notice, ND30: true},
	{Name: "Bản ghi nhớ", Code: "BGN", Class: Agreement, ND30: true},
	{Name: "Bản thỏa thuận", Code: "BTT", Class: Agreement, ND30: true},
	{Name: "Giấy ủy quyền", Code: "GUQ", Class: Agreement, ND30: true},
	{Name: "Giấy mời", Code: "GM", Class: Letter, ND30: true},
	{Name: "Giấy giới thiệu", Code: "GGT", Class: Letter, ND30: true},
	{Name: "Giấy nghỉ phép", Code: "GNP", Class: Letter, ND30: true},
	{Name: "Phiếu gửi", Code: "PG", Class: Letter, ND30: true},
	{Name: "Phiếu chuyển", Code: "PC", Class: Letter, ND30: true},
	{Name: "Phiếu báo", Code: "PB", Class: Letter, ND30: true},
	{Name: "Bản sao y", Code: "SY", Class: Copy, ND30: true},
	{Name: "Bản trích sao", Code: "TrS", Class: Copy, ND30: true},
	{Name: "Bản sao lục", Code: "SL", Class: Copy, ND30: true},

	{Name: "Kết luận", Code: "KL", Class: Resolution},
	{Name: "Công văn", Class: Letter},
}

// MaxWords is the most words in a name or alias of All ("Chương trình
// hành động"): how far back a reader of type words must look.
const MaxWords = 4

// index holds All by folded name and alias, by code and by header line.
type index struct {
	byFold   map[string]int   // folded name or alias → index in All
	byCode   map[string]int   // upper-case code → index in All
	byFCode  map[string][]int // folded code → indexes in All
	byHeader map[string]int   // header() → index in All
}

var idx = func() *index {
	x := &index{byFold: map[string]int{}, byCode: map[string]int{}, byFCode: map[string][]int{}, byHeader: map[string]int{}}
	for i, t := range All {
		for _, n := range append([]string{t.Name}, t.Aliases...) {
			f := viet.Fold(n)
			if _, dup := x.byFold[f]; dup {
				panic("doctype: two types named " + f) // programmer error
			}
			x.byFold[f] = i
			if len(strings.Fields(f)) > MaxWords {
				panic("doctype: more than MaxWords words in " + f) // programmer error
			}
		}
		x.byHeader[t.header()] = i
		if t.English != "" {
			e := strings.ToUpper(t.English)
			if _, dup := x.byHeader[e]; dup {
				panic("doctype: two types with header " + e) // programmer error
			}
			x.byHeader[e] = i
		}
		if t.Code != "" {
			u := strings.ToUpper(t.Code)
			if _, dup := x.byCode[u]; dup {
				panic("doctype: two types with code " + u) // programmer error
			}
			x.byCode[u] = i
			f := viet.Fold(t.Code)
			x.byFCode[f] = append(x.byFCode[f], i)
		}
	}
	return x
}()

// ByName returns the type named name (or one of its aliases) in any
// spelling: "Nghị quyết", "nghi quyet", "NGHỊ QUYẾT". Words are separated
// by single spaces.
func ByName(name string) (Type, bool) {
	if i, ok := idx.byFold[viet.Fold(name)]; ok {
		return All[i], true
	}
	return Type{}, false
}

// Match returns the type whose name (or alias) is the longest run of words
// at the start of words, which are folded ("nghi", "quyet", …), and how
// many words it takes: "chuong trinh hanh dong thuc hien" gives Chương
// trình and 4.
func Match(words []string) (Type, int, bool) {
	for n := min(len(words), MaxWords); n >= 1; n-- {
		if i, ok := idx.byFold[strings.Join(words[:n], " ")]; ok {
			return All[i], n, true
		}
	}
	return Type{}, 0, false
}

// Leading returns the type named by the first words of s, in any spelling:
// the Type field of a document ("Chương trình hành động") or a title
// ("Kế hoạch thực hiện Nghị quyết số 154/NQ-CP" gives Kế hoạch).
func Leading(s string) (Type, bool) {
	ws := strings.FieldsFunc(viet.Fold(s), func(r rune) bool { return !isWordRune(r) })
	t, _, ok := Match(ws[:min(len(ws), MaxWords)])
	return t, ok
}

// Of is the type of a document: the one its type field names by its first
// words ("Chương trình hành động"), or its title when the field is empty
// ("Kế hoạch thực hiện Nghị quyết số 154/NQ-CP"). The field wins over the
// title ("Quyết định" titled "Kế hoạch …" is a Quyết định). The zero Type
// when neither names one.
func Of(typ, title string) Type {
	s := typ
	if s == "" {
		s = title
	}
	t, _ := Leading(s)
	return t
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// ByCode returns the type whose code is code, in any case but with its
// marks: "NQ", "nq", "QyĐ" and "QYĐ" are found, "QD" is not QĐ (see
// ByFoldedCode).
func ByCode(code string) (Type, bool) {
	if i, ok := idx.byCode[strings.ToUpper(code)]; ok {
		return All[i], true
	}
	return Type{}, false
}

// ByFoldedCode returns the types whose folded code is code ("qd" gives
// Quyết định; "hd" gives Hướng dẫn and Hợp đồng; "da" Dự án and Đề án), in
// the order of All.
func ByFoldedCode(code string) []Type {
	is := idx.byFCode[viet.Fold(code)]
	out := make([]Type, len(is))
	for k, i := range is {
		out[k] = All[i]
	}
	return out
}

// ByHeader returns the type a header line names: the name in capitals,
// exactly ("NGHỊ QUYẾT", "THÔNG TƯ LIÊN TỊCH"), or an English
// translation's ("RESOLUTION", "JOINT CIRCULAR").
func ByHeader(line string) (Type, bool) {
	if i, ok := idx.byHeader[line]; ok {
		return All[i], true
	}
	return Type{}, false
}
