package crawler

// Which query parameter routes a query-routed page (probeurl.go asks the
// soft-404 probe there): a value shaped as an item's ID — 1–18 ASCII
// digits, or a GUID (6F9619FF-8B86-D011-B42D-00C04FC964FF, in braces,
// escaped braces or 32 hex digits: SharePoint, ASP.NET and DNN portals
// route items so), or a slug (?p=ten-van-ban-123, WordPress's ?name=…)
// under a name that says so (p, name, slug, …id: a section's slug varies
// too) — and, of those, the one the site's own addresses say
// is the ID: among the URLs of the page's shape the run has seen (the
// same handler and parameter names), the parameter whose values differ
// from item to item while keeping one shape — named an ID, or after a
// handler (a page routed by its path is that page whatever number its
// query carries). A list's GUID or a language number is the same on
// every item of the shape; a parameter that is a number on one address
// and a word on another is no ID. Without such
// evidence (the page alone of its shape) the name decides: …id (ItemID,
// NewsId) or p (WordPress), else, after a handler (a last path segment
// without digits: default.aspx, index.php, /chi-tiet), the first ID-shaped
// value.

import (
	"crypto/rand"
	"net/url"
	"path"
	"strings"
)

// idKind is the shape of a query value that may be an item's ID.
type idKind int

const (
	notID    idKind = iota
	idDigits        // 1–18 ASCII digits
	idGUID          // a GUID, as written (guidParts)
	idSlug          // a slug: ten-van-ban-123 (slugLike)
)

// valueKind returns the shape of the raw query value v.
func valueKind(v string) idKind {
	switch {
	case allDigits(v) && len(v) <= 18:
		return idDigits
	case guidParts(v) != "":
		return idGUID
	case slugLike(v):
		return idSlug
	}
	return notID
}

// slugLike reports whether the raw query value v is a slug, as
// WordPress's ?name= or a portal's ?p=ten-van-ban-123 route posts by: 3
// to 200 lower-case ASCII letters, digits and hyphens, with a letter and
// a hyphen (a word alone, "vi", "tin", is a language or a section, not
// a post).
func slugLike(v string) bool {
	if len(v) < 3 || len(v) > 200 || !strings.Contains(v, "-") {
		return false
	}
	letter := false
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= 'a' && c <= 'z':
			letter = true
		case c >= '0' && c <= '9', c == '-':
		default:
			return false
		}
	}
	return letter
}

// guidParts returns the 32 hex digits of the GUID v as written in a raw
// query ("6F9619FF-8B86-D011-B42D-00C04FC964FF", "{…}", "%7B…%7D", or
// the 32 digits alone), "" when v is none.
func guidParts(v string) string {
	inner := v
	switch {
	case strings.HasPrefix(v, "{") && strings.HasSuffix(v, "}"):
		inner = v[1 : len(v)-1]
	case len(v) > 6 && strings.EqualFold(v[:3], "%7B") && strings.EqualFold(v[len(v)-3:], "%7D"):
		inner = v[3 : len(v)-3]
	}
	hex := inner
	if len(inner) == 36 {
		for _, i := range []int{8, 13, 18, 23} {
			if inner[i] != '-' {
				return ""
			}
		}
		hex = strings.ReplaceAll(inner, "-", "")
	} else if inner != v { // braces hold the dashed form only
		return ""
	}
	if len(hex) != 32 {
		return ""
	}
	for i := 0; i < len(hex); i++ {
		if !isHex(hex[i]) {
			return ""
		}
	}
	return hex
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// guidLike returns a GUID written as v is (braces, dashes, the letters'
// case) that no item can have: a version 4 GUID of the 16 bytes rnd (random).
func guidLike(v string, rnd [16]byte) string {
	rnd[6] = rnd[6]&0x0f | 0x40 // version 4
	rnd[8] = rnd[8]&0x3f | 0x80 // RFC 4122 variant
	const digits = "0123456789abcdef"
	var hex strings.Builder
	for _, b := range rnd {
		hex.WriteByte(digits[b>>4])
		hex.WriteByte(digits[b&15])
	}
	h := hex.String()
	if strings.ContainsAny(guidParts(v), "ABCDEF") {
		h = strings.ToUpper(h)
	}
	out := h
	if strings.Contains(v, "-") {
		out = h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
	}
	switch {
	case strings.HasPrefix(v, "{"):
		out = "{" + out + "}"
	case strings.HasPrefix(v, "%"):
		out = v[:3] + out + v[len(v)-3:]
	}
	return out
}

// randomGUIDBytes returns 16 random bytes.
func randomGUIDBytes() (b [16]byte) {
	rand.Read(b[:])
	return b
}

// idNamed reports whether a parameter's name says it is an item's ID.
func idNamed(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, "id") || n == "p"
}

// slugNamed reports whether a parameter's name says its slug value names
// an item: an ID's name, or WordPress's name and the common slug.
func slugNamed(name string) bool {
	n := strings.ToLower(name)
	return idNamed(n) || n == "name" || n == "slug"
}

// named reports whether a candidate's name says it routes the page: a
// slug only by the names slugNamed gives.
func (k idKind) named(name string) bool {
	if k == idSlug {
		return slugNamed(name)
	}
	return idNamed(name)
}

// idParam returns the parameter that routes u and its value as written,
// "" when u is not query-routed. others are the raw queries of the other
// URLs of u's shape the run knows (urlShape: the same host, path pattern
// and parameter names): the evidence of which parameter is the ID.
func idParam(u *url.URL, others []string) (name, value string) {
	type cand struct {
		name, value string
		kind        idKind
		distinct    map[string]bool
		mixed       bool
	}
	var cands []*cand
	named := map[string]bool{}
	for kv := range strings.SplitSeq(u.RawQuery, "&") {
		k, v, _ := strings.Cut(kv, "=")
		if kd := valueKind(v); kd != notID && !named[strings.ToLower(k)] {
			named[strings.ToLower(k)] = true
			cands = append(cands, &cand{name: k, value: v, kind: kd, distinct: map[string]bool{strings.ToLower(v): true}})
		}
	}
	for _, q := range others {
		for _, c := range cands {
			v := rawParam(q, c.name)
			if valueKind(v) != c.kind {
				c.mixed = true
				continue
			}
			c.distinct[strings.ToLower(v)] = true
		}
	}
	// A value that is not named an ID routes u only after a handler (a
	// last path segment without digits): a page routed by its path
	// (quyet-dinh-12.html?ver=3) is the same page whatever the number
	// beside it, so a probe asking another number gets the page itself.
	_, last := path.Split(u.Path)
	handler := !strings.ContainsAny(last, "0123456789")
	var best *cand
	better := func(c *cand) bool { // than best, among the varying ones
		if best == nil {
			return true
		}
		if c.kind.named(c.name) != best.kind.named(best.name) {
			return c.kind.named(c.name)
		}
		if (c.kind == idSlug) != (best.kind == idSlug) { // a number or a GUID first
			return best.kind == idSlug
		}
		return len(c.distinct) > len(best.distinct)
	}
	for _, c := range cands {
		// A slug routes only by its name: a section's or a category's
		// slug varies too (?chuyen-muc=tin-tuc, ?cat=van-ban).
		if !c.mixed && len(c.distinct) >= 2 && (handler && c.kind != idSlug || c.kind.named(c.name)) && better(c) {
			best = c
		}
	}
	if best != nil {
		return best.name, best.value
	}
	// No evidence: the name — a number or a GUID before a slug, as a
	// module's or section's slug sits beside the item's number
	// (modules.php?name=tin-tuc&sid=123) — else the first ID after a
	// handler.
	for _, slug := range []bool{false, true} {
		for _, c := range cands {
			if !c.mixed && (c.kind == idSlug) == slug && c.kind.named(c.name) {
				return c.name, c.value
			}
		}
	}
	for _, c := range cands {
		if !c.mixed && handler && c.kind != idSlug {
			return c.name, c.value
		}
	}
	return "", ""
}

// routeParam returns the parameter that routes u and its value (idParam),
// the evidence the URLs of u's shape the run knows (queued, finished or
// rechecked: a new run seeds every known document). The parameter is
// decided once per run and shape, when a page of the shape is first
// checked, from the run's URLs of the shape (shapes.go); a page without a
// query is routed by no parameter.
func (r *run) routeParam(u *url.URL) (name, value string) {
	shape, self := urlShape(u.String()), u.String()
	r.mu.Lock()
	name, ok := r.routes[shape]
	r.mu.Unlock()
	if ok {
		if name == "" {
			return "", ""
		}
		v := rawParam(u.RawQuery, name)
		if valueKind(v) == notID {
			return "", ""
		}
		return name, v
	}
	var others []string
	if u.RawQuery != "" { // else no parameter routes it: no evidence to read
		r.mu.Lock()
		for _, e := range r.shapeURLs(shape) { // shapes.go
			if e.url != self {
				others = append(others, e.query)
			}
		}
		r.mu.Unlock()
	}
	name, value = idParam(u, others)
	r.mu.Lock()
	if r.routes == nil {
		r.routes = map[string]string{}
	}
	r.routes[shape] = name
	r.mu.Unlock()
	return name, value
}
