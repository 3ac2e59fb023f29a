package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"time"
)

// Document is one article or văn bản as stored. Text fields are cleaned and
// NFC (viet.Clean); tone marks are kept as the source wrote them.
type Document struct {
	ID          string   `json:"id"`
	URL         string   `json:"url"`
	Site        string   `json:"site,omitempty"`
	Title       string   `json:"title"`
	Published   string   `json:"published,omitempty"` // YYYY-MM-DD
	Summary     string   `json:"summary,omitempty"`   // sapo / trích yếu
	Body        string   `json:"body"`
	Category    string   `json:"category,omitempty"`
	Type        string   `json:"type,omitempty"`   // loại văn bản: Nghị quyết, Kế hoạch…
	Number      string   `json:"number,omitempty"` // số ký hiệu: 154/NQ-CP
	Issuer      string   `json:"issuer,omitempty"` // cơ quan ban hành
	Attachments []string `json:"attachments,omitempty"`
	// PartOf names the document this one is a part of, when it is one: the
	// law of an article stored on its own ("Luật Viên chức 2010"), the
	// decision an appendix belongs to. Importers set it from a corpus
	// line's metadata (PartMeta); the index searches it like a short title.
	PartOf    string    `json:"part_of,omitempty"`
	Hash      string    `json:"hash"` // content hash, see contentHash
	FetchedAt time.Time `json:"fetched_at,omitzero"`
	Gone      bool      `json:"gone,omitempty"` // the source now answers 404/410
	Seq       uint64    `json:"seq"`            // store change sequence of the last change

	// Truncated is the size in bytes of the document's text (title,
	// summary, body) before the per-document limit cut it; 0 when it is
	// whole (see LimitText).
	Truncated int `json:"truncated,omitempty"`

	// DateAmbiguous flags a page whose numeric date reads two ways
	// (5/6/2024) when neither its site's day/month order nor the page
	// settled which; Published is empty then.
	DateAmbiguous bool `json:"date_ambiguous,omitempty"`

	// Parent is the ID of the article that links this document's file
	// (an attachment); empty for pages and for files ingested from disk.
	Parent string `json:"parent,omitempty"`
	// File describes the file the document was read from (file.go); nil
	// for an HTML page or a JSON Lines record.
	File *FileInfo `json:"file,omitempty"`
}

// FullBody is the summary (sapo) before the body, unless the body
// already holds it: the text the index analyzes as the body and snippets
// are cut from.
func (d *Document) FullBody() string {
	if d.Summary != "" && !strings.Contains(d.Body, d.Summary) {
		return d.Summary + "\n" + d.Body
	}
	return d.Body
}

// IDForURL derives a stable document ID from a URL: the first 16 hex digits
// of the SHA-256 of its canonical form (CanonicalURL).
func IDForURL(rawURL string) string {
	sum := sha256.Sum256([]byte(CanonicalURL(rawURL)))
	return hex.EncodeToString(sum[:8])
}

// trackingParams are query parameters that name where a reader came from
// (a newsletter, Facebook, Zalo), never which page: a portal's own links
// and shares of them differ only by these, and each spelling would be
// fetched and stored as a document of its own. With utm_*.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true, "msclkid": true,
	"yclid": true, "igshid": true, "mc_cid": true, "mc_eid": true, "_ga": true, "_gl": true,
	"_hsenc": true, "_hsmi": true, "zarsrc": true, "gidzl": true, "fb_action_ids": true, "fb_source": true,
}

// CanonicalURL is the one spelling of a page's URL: document IDs
// (IDForURL) and the crawler's frontier and crawl states are keyed by
// it. Scheme and host lower case, the scheme's default port, the fragment
// and a trailing "?" dropped, an empty path after a host "/", and the tracking
// parameters (utm_*, fbclid, zarsrc …) taken out of the query; the other
// parameters keep their order and spelling, and the path its case
// (servers differ on case: the crawler tells case duplicates by their
// content). An unparsable URL is returned trimmed.
func CanonicalURL(rawURL string) string { return canonicalURL(rawURL, false) }

// canonicalURL is CanonicalURL; with query, the query is left as it is
// (the spelling formats 1–5 stored: legacyURL).
func canonicalURL(rawURL string, query bool) string {
	raw := strings.TrimSpace(rawURL)
	u, err := url.Parse(raw)
	if err != nil {
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
	u.ForceQuery = false
	if u.Path == "" && u.Host != "" {
		u.Path = "/"
	}
	if u.RawQuery != "" && !query {
		var keep []string
		for kv := range strings.SplitSeq(u.RawQuery, "&") {
			k, _, _ := strings.Cut(kv, "=")
			k = strings.ToLower(k)
			if strings.TrimSpace(kv) == "" || trackingParams[k] || strings.HasPrefix(k, "utm_") {
				continue
			}
			keep = append(keep, kv)
		}
		u.RawQuery = strings.Join(keep, "&")
	}
	return strings.TrimSpace(u.String())
}

// contentHash hashes the fields a reader sees, so that a re-fetched page with
// new chrome but the same article counts as unchanged.
func (d *Document) contentHash() string {
	h := sha256.New()
	for _, s := range []string{d.Title, d.Published, d.Summary, d.Body, d.Category, d.Type, d.Number, d.Issuer, strings.Join(d.Attachments, "\n")} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	if d.DateAmbiguous { // only when set, so that existing hashes stay
		h.Write([]byte("date_ambiguous\x00"))
	}
	if d.Parent != "" {
		h.Write([]byte("parent\x00" + d.Parent + "\x00"))
	}
	if d.File != nil {
		d.File.hash(h)
	}
	if d.PartOf != "" { // likewise
		h.Write([]byte("part_of\x00" + d.PartOf + "\x00"))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
