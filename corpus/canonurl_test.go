package corpus

import (
	"net/url"
	"strings"
	"testing"
)

// TestCanonicalURL: the one spelling of a URL (IDs, frontier keys).
func TestCanonicalURL(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://sotp.hanoi.gov.vn/tin-tuc/ke-hoach-12.html?utm_source=facebook&utm_medium=social", "https://sotp.hanoi.gov.vn/tin-tuc/ke-hoach-12.html"},
		{"https://a.gov.vn/vbpq.aspx?ItemID=96122&fbclid=IwAR0abc", "https://a.gov.vn/vbpq.aspx?ItemID=96122"},
		{"https://a.gov.vn/vbpq.aspx?zarsrc=30&ItemID=5&Keyword=", "https://a.gov.vn/vbpq.aspx?ItemID=5&Keyword="},
		{"HTTPS://WWW.Binhduong.GOV.vn:443/Lists/TinTucSuKien/TongQuat.aspx?PageIndex=2#top", "https://www.binhduong.gov.vn/Lists/TinTucSuKien/TongQuat.aspx?PageIndex=2"},
		{"http://a.gov.vn:80/x?", "http://a.gov.vn/x"},
		{"http://a.gov.vn:8080/x?b=2&a=1", "http://a.gov.vn:8080/x?b=2&a=1"},
		{"https://a.gov.vn/tim-kiem?q=utm_source", "https://a.gov.vn/tim-kiem?q=utm_source"},
	} {
		if got := CanonicalURL(c.in); got != c.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzCanonicalURL: canonical URLs are fixed points, keep no tracking
// parameter, and keep the path as it was (an empty one is "/").
func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{
		"https://www.binhduong.gov.vn/tin-kinh-te/2025/06/123-ke-hoach?utm_source=facebook&utm_medium=social",
		"HTTP://A.gov.vn:80/TW/Pages/vbpq-toanvan.aspx?ItemID=96122&Keyword=&fbclid=IwAR0#top",
		"https://a.gov.vn/x?&&utm_=1&a=b&a=c&ZARSRC=30",
		"http://[::1]:80/a?b",
		"mailto:vanthu@binhduong.gov.vn",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		c := CanonicalURL(raw)
		if cc := CanonicalURL(c); cc != c {
			t.Fatalf("CanonicalURL(%q) = %q, and again %q", raw, c, cc)
		}
		u, err := url.Parse(c)
		if err != nil || c == raw {
			return
		}
		for k := range u.Query() {
			if k = strings.ToLower(k); strings.HasPrefix(k, "utm_") || trackingParams[k] {
				t.Fatalf("CanonicalURL(%q) = %q keeps %s", raw, c, k)
			}
		}
		if o, err := url.Parse(strings.TrimSpace(raw)); err == nil && o.EscapedPath() != u.EscapedPath() && (o.EscapedPath() != "" || u.EscapedPath() != "/") {
			t.Fatalf("CanonicalURL(%q) = %q changed the path", raw, c)
		}
	})
}
