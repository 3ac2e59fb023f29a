package extract

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/unicode/norm"
)

// decode converts body to UTF-8 in NFC and reports the encoding's name.
//
// Order: a BOM, the Content-Type charset parameter, then a <meta>
// declaration in the first 1024 bytes (found with the HTML tokenizer, so
// "@charset" in an inline style or "charset=utf-8" in a data: URL is not
// taken for one). A declaration of a Latin charset (windows-1252,
// ISO-8859-1, ASCII: server and CMS defaults) is weak: bytes that are valid
// UTF-8 are UTF-8, and bytes that read as a Vietnamese legacy encoding
// (windows-1258, TCVN3, VNI, VISCII, VPS) are decoded as that. With nothing declared,
// valid UTF-8 is UTF-8 unless its text is VNI/TCVN3 glyphs stored as
// Latin-1 letters; other bytes are sniffed among the Vietnamese encodings,
// else windows-1252 as browsers do. Sniffing scores each decoding by its
// share of valid Vietnamese syllables (viet.SniffLegacy).
func decode(body []byte, contentType string) ([]byte, string, error) {
	enc, name := declared(body, contentType)
	switch {
	case enc == nil:
		if utf8.Valid(body) {
			enc, name = encoding.Nop, "utf-8"
			if n, text := legacyInUTF8(body); n != "" {
				return nfc(text), n, nil
			}
		} else if n, text := viet.SniffLegacy(body, sniffWords); n != "" {
			return nfc(text), n, nil
		} else {
			enc, name = charmap.Windows1252, "windows-1252"
		}
	case latin(name):
		if hasHighBytes(body) {
			if utf8.Valid(body) {
				enc, name = encoding.Nop, "utf-8"
			} else if n, text := viet.SniffLegacy(body, sniffWords); n != "" {
				return nfc(text), n, nil
			}
		}
	}
	var out []byte
	if name == "utf-8" {
		out = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	} else {
		var err error
		out, err = enc.NewDecoder().Bytes(body)
		if err != nil {
			return nil, name, err
		}
	}
	return nfc(out), name, nil
}

// sniffWords is how many more valid Vietnamese syllables than a
// windows-1252 reading a legacy decoding of 8-bit bytes must give;
// glyphWords is the same for UTF-8 text re-read as font glyphs, which needs
// more evidence since Latin-1 letters in UTF-8 are usually just that.
const (
	sniffWords = 4
	glyphWords = 20
)

func nfc(b []byte) []byte {
	if !norm.NFC.IsNormal(b) {
		return norm.NFC.Bytes(b)
	}
	return b
}

// latin reports whether an htmlindex name is a Latin single-byte charset
// that pages declare by default rather than by knowledge.
func latin(name string) bool {
	switch name {
	case "windows-1252", "iso-8859-1", "us-ascii", "iso-8859-15":
		return true
	}
	return false
}

func hasHighBytes(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// legacyInUTF8 handles pages whose UTF-8 text is a font encoding's glyphs
// (VNI or TCVN3 text shown with a .VnTime or VNI-Times font): when every
// non-ASCII rune is Latin-1, the runes are taken back to bytes and sniffed.
func legacyInUTF8(body []byte) (string, []byte) {
	high := false
	for i := 0; i < len(body); {
		c := body[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(body[i:])
		if r > 0xFF {
			return "", nil
		}
		high = true
		i += size
	}
	if !high {
		return "", nil
	}
	raw := make([]byte, 0, len(body))
	for _, r := range string(body) {
		raw = append(raw, byte(r))
	}
	n, text := viet.SniffLegacy(raw, glyphWords)
	if n == "windows-1258" {
		return "", nil // Latin-1 letters are what the page says
	}
	return n, text
}

// declared returns the encoding named by a BOM, the header or a <meta>
// declaration, or nil when there is none.
func declared(body []byte, contentType string) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(body, []byte("\xef\xbb\xbf")):
		return encoding.Nop, "utf-8"
	case bytes.HasPrefix(body, []byte("\xfe\xff")):
		return lookup("utf-16be")
	case bytes.HasPrefix(body, []byte("\xff\xfe")):
		return lookup("utf-16le")
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if e, n := lookup(params["charset"]); e != nil {
			return e, n
		}
	}
	return lookup(metaCharset(body[:min(len(body), 1024)]))
}

// metaCharset returns the charset label of the first <meta charset> or
// <meta http-equiv="content-type" content="…; charset=…"> in head.
func metaCharset(head []byte) string {
	if !bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		return ""
	}
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			if string(name) != "meta" || !more {
				continue
			}
			var cs, content string
			httpEquiv := false
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "charset":
					cs = string(v)
				case "http-equiv":
					httpEquiv = strings.EqualFold(string(v), "content-type")
				case "content":
					content = string(v)
				}
			}
			if cs != "" {
				return cs
			}
			if httpEquiv {
				if _, params, err := mime.ParseMediaType(content); err == nil && params["charset"] != "" {
					return params["charset"]
				}
				if i := strings.Index(strings.ToLower(content), "charset="); i >= 0 {
					return strings.TrimSpace(content[i+len("charset="):])
				}
			}
		}
	}
}

func lookup(label string) (encoding.Encoding, string) {
	label = strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	if label == "" {
		return nil, ""
	}
	e, err := htmlindex.Get(label)
	if err != nil || e == nil {
		return nil, ""
	}
	n, err := htmlindex.Name(e)
	if err != nil {
		return nil, ""
	}
	if n == "utf-8" {
		return encoding.Nop, n
	}
	return e, n
}
