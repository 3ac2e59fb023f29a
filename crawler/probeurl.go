package crawler

// The addresses of soft-404 probes (soft404.go): an address beside a
// page's own that the site cannot have, routed by the site as it routes
// the page.
//
//   - A query-routed page (a SharePoint or ASP.NET handler,
//     /Pages/default.aspx?ItemID=123, WordPress's ?p=45,
//     DispForm.aspx?ID={6F9619FF-…}): the same handler and parameters, the
//     routing parameter (probeparam.go) a number far past every number of
//     that parameter the run knows (farPast), or a GUID written alike that
//     no item has (guidLike). Replacing the handler instead gets a real
//     404 from such portals, which says nothing about their unknown items.
//   - Any other page: its directory with digit runs as 0, its last
//     segment a random name with the segment's extension, its query
//     values random (probeURL).
//   - When that directory is the page's own (no digits in it), the
//     directory may be what routes the page (a slug per document, any
//     address under it serving the document): the site's answer there is
//     compared with its answer in a random directory too (dirProbeURL).

import (
	"math"
	"net/url"
	"path"
	"strconv"
	"strings"
)

// probeURL returns the probe for page address u and the key of its
// shape: the directory with digit runs as 0, the last segment token plus
// the segment's extension, each query value token.
func probeURL(u *url.URL, token string) (probe, key string) {
	p := *u
	p.Fragment, p.RawFragment = "", ""
	dir, last := path.Split(u.Path)
	p.Path = zeroDigits(dir) + "vanban-kiem-tra-" + token + path.Ext(last)
	p.RawPath = ""
	p.RawQuery = tokenQuery(u.RawQuery, token)
	probe = p.String()
	return probe, strings.ReplaceAll(probe, token, "*")
}

// tokenQuery returns the query q with every value token.
func tokenQuery(q, token string) string {
	if q == "" {
		return ""
	}
	var kvs []string
	for kv := range strings.SplitSeq(q, "&") {
		k, _, _ := strings.Cut(kv, "=")
		kvs = append(kvs, k+"="+token)
	}
	return strings.Join(kvs, "&")
}

// dirProbeURL returns the probe for u in a random directory beside u's
// own (its last directory replaced by the token, the last segment as in
// probeURL), and its key; "" when u's directory is the root.
func dirProbeURL(u *url.URL, token string) (probe, key string) {
	dir, last := path.Split(u.Path)
	parent, _ := path.Split(strings.TrimSuffix(dir, "/"))
	if dir == "/" || dir == "" || parent == "" {
		return "", ""
	}
	p := *u
	p.Fragment, p.RawFragment = "", ""
	p.Path = zeroDigits(parent) + "vanban-kiem-tra-" + token + "/vanban-kiem-tra-" + token + path.Ext(last)
	p.RawPath = ""
	p.RawQuery = tokenQuery(u.RawQuery, token)
	probe = p.String()
	return probe, strings.ReplaceAll(probe, token, "*")
}

// dirRoutes reports whether u's directory could route it: the probe of
// probeURL keeps it as it is (no digits in it), and it is not the root.
func dirRoutes(u *url.URL) bool {
	dir, _ := path.Split(u.Path)
	return dir != "/" && dir != "" && zeroDigits(dir) == dir
}

// rawParam returns the first value of the query parameter named name,
// both as written in the raw query q (as idParam gives them); the name in
// any case, as urlShape folds it (a site may write ItemID and itemid).
func rawParam(q, name string) string {
	for kv := range strings.SplitSeq(q, "&") {
		if k, v, _ := strings.Cut(kv, "="); strings.EqualFold(k, name) {
			return v
		}
	}
	return ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// idProbeURL returns the probe of a query-routed u: param set to a number
// far past known (the largest value of param the run knows for u's
// shape), every other parameter as it is; and its key: u's shape and the
// parameter. ok is false when no such number fits in 18 digits.
func idProbeURL(u *url.URL, param string, known, salt int64) (probe, key string, ok bool) {
	n, ok := farPast(known, salt)
	if !ok {
		return "", "", false
	}
	return withParam(u, param, strconv.FormatInt(n, 10)), urlShape(u.String()) + "#" + param, true
}

// guidProbeURL returns the probe of u routed by the GUID value of param:
// a GUID written alike that no item can have (guidLike, of the random
// bytes rnd), every other parameter as it is.
func guidProbeURL(u *url.URL, param, value string, rnd [16]byte) string {
	return withParam(u, param, guidLike(value, rnd))
}

// slugProbeURL returns the probe of u routed by the slug value of param:
// a slug no post has (vanban-kiem-tra-token), every other parameter as
// it is.
func slugProbeURL(u *url.URL, param, token string) string {
	return withParam(u, param, "vanban-kiem-tra-"+token)
}

// withParam returns u without its fragment and with every value of the
// query parameter param (as written, its name in any case) v.
func withParam(u *url.URL, param, v string) string {
	p := *u
	p.Fragment, p.RawFragment = "", ""
	var kvs []string
	for kv := range strings.SplitSeq(u.RawQuery, "&") {
		if k, _, _ := strings.Cut(kv, "="); strings.EqualFold(k, param) {
			kv = k + "=" + v
		}
		kvs = append(kvs, kv)
	}
	p.RawQuery = strings.Join(kvs, "&")
	return p.String()
}

// farPast returns a number no item of a site whose largest known number
// is known can have: a hundred times it (plus salt mod 100), kept under
// 2³¹ while the numbers fit there (a handler parsing an int32 answers a
// larger one with an error, not its "no such item" page), else under
// 10¹⁸.
func farPast(known, salt int64) (int64, bool) {
	const int32Max = math.MaxInt32
	salt = max(salt, 0)
	switch {
	case known < 0:
		return 0, false
	case known <= (int32Max-99)/100:
		return known*100 + salt%100, true
	case known < int32Max-1000:
		return int32Max - salt%1000, true
	case known <= 9e15:
		return known*100 + salt%100, true
	}
	return 0, false
}
