package crawler

import (
	"net/url"
	"strings"
)

// trackingParams are query parameters that name where a reader came from
// (a newsletter, Facebook, Zalo), never which page: a portal's own links
// and shares of them differ only by these, and each spelling would be
// fetched and stored as a document of its own.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true, "msclkid": true,
	"yclid": true, "igshid": true, "mc_cid": true, "mc_eid": true, "_ga": true, "_gl": true,
	"_hsenc": true, "_hsmi": true, "zarsrc": true, "gidzl": true, "fb_action_ids": true, "fb_source": true,
}

// canonicalURL returns raw as the crawler keys it: scheme and host lower
// case, the scheme's default port and the fragment dropped, and the
// tracking parameters (utm_*, fbclid, zarsrc …) taken out of the query;
// the other parameters keep their order and spelling, and the path its
// case (servers differ on case). An unparsable URL is returned as it is.
func canonicalURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if p := u.Port(); p == "80" && u.Scheme == "http" || p == "443" && u.Scheme == "https" {
		u.Host = u.Hostname()
		if strings.Contains(u.Host, ":") { // IPv6
			u.Host = "[" + u.Host + "]"
		}
	}
	u.Fragment, u.RawFragment = "", ""
	if u.RawQuery != "" {
		var keep []string
		for kv := range strings.SplitSeq(u.RawQuery, "&") {
			k, _, _ := strings.Cut(kv, "=")
			k = strings.ToLower(k)
			if kv == "" || trackingParams[k] || strings.HasPrefix(k, "utm_") {
				continue
			}
			keep = append(keep, kv)
		}
		u.RawQuery = strings.Join(keep, "&")
	}
	u.ForceQuery = false
	return u.String()
}
