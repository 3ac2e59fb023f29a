package web

import (
	"net/url"
	"strconv"
	"strings"
)

// paramWant is what a parameter of the document routes accepts, in the
// API's English and the page's Vietnamese: the one owner of the words
// both answer a malformed value with (400).
type paramWant struct {
	names  []string // the parameters it reads
	en, vi string   // what they accept
}

var (
	wantPart  = paramWant{[]string{"part"}, "a part number from 1", "số thứ tự phần, từ 1"}
	wantCited = paramWant{[]string{"cited"}, "a page number from 1", "số trang, từ 1"}
	wantRel   = paramWant{[]string{"rel", "relpage"}, "a group such as in.implements or out.based_on, and a page number from 1",
		"một nhóm như in.implements hoặc out.based_on, và số trang từ 1 (relpage chỉ đi cùng rel)"}
)

// api is the JSON API's message: "parameter cited: want a page number from 1".
func (p paramWant) api() string {
	s := "parameter "
	if len(p.names) > 1 {
		s = "parameters "
	}
	return s + strings.Join(p.names, ", ") + ": want " + p.en
}

// page is the document page's message, naming the values given.
func (p paramWant) page(v url.Values) string {
	got := make([]string, 0, len(p.names))
	for _, n := range p.names {
		if v.Has(n) {
			got = append(got, n+"="+strconv.Quote(v.Get(n)))
		}
	}
	return "Tham số " + strings.Join(p.names, ", ") + " không hợp lệ (" + strings.Join(got, ", ") + "): cần " + p.vi + "."
}

// partParam reads the parameter part (the part of a long body shown, from
// 1; 1 when absent). A part past the last is well formed: the caller's 404.
func partParam(v url.Values) (int, bool) {
	s := v.Get("part")
	if s == "" {
		return 1, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1
}

// docParams are a document page's parameters, well formed.
type docParams struct {
	part, cited, relpage int
	rel                  *relGroup
}

// readDocParams reads the document page's parameters part, cited, rel and
// relpage; the first malformed one's want, with ok false.
func readDocParams(v url.Values) (p docParams, bad paramWant, ok bool) {
	if p.part, ok = partParam(v); !ok {
		return p, wantPart, false
	}
	if p.cited, ok = citedPageParam(v.Get("cited")); !ok {
		return p, wantCited, false
	}
	if p.rel, p.relpage, ok = relParams(v); !ok {
		return p, wantRel, false
	}
	return p, paramWant{}, true
}
