package extract

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/unicode/norm"
)

// decode converts body to UTF-8 in NFC and reports the encoding's name.
//
// Order: the Content-Type charset parameter, then what
// charset.DetermineEncoding finds (BOM, <meta> in the first 1024 bytes).
// With nothing declared, valid UTF-8 is UTF-8; anything else is
// windows-1258 when its bytes look Vietnamese (tone marks as combining
// bytes after letters, or đ/Đ) and windows-1252 otherwise, as browsers do.
func decode(body []byte, contentType string) ([]byte, string, error) {
	enc, name := declared(body, contentType)
	if enc == nil {
		switch {
		case utf8.Valid(body):
			enc, name = encoding.Nop, "utf-8"
		case looksWindows1258(body):
			enc, name = charmap.Windows1258, "windows-1258"
		default:
			enc, name = charmap.Windows1252, "windows-1252"
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
	if !norm.NFC.IsNormal(out) {
		out = norm.NFC.Bytes(out)
	}
	return out, name, nil
}

// declared returns the encoding named by the header, a BOM or a <meta>
// declaration, or nil when there is none.
func declared(body []byte, contentType string) (encoding.Encoding, string) {
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if e, n := lookup(params["charset"]); e != nil {
			return e, n
		}
	}
	e, n, certain := charset.DetermineEncoding(body, "")
	head := body[:min(len(body), 1024)]
	if !certain && !bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		// No BOM and no <meta>: DetermineEncoding only guessed, and our
		// guess knows more about Vietnamese.
		return nil, ""
	}
	if e == nil {
		return nil, ""
	}
	if n == "utf-8" || n == "" {
		return encoding.Nop, "utf-8"
	}
	return e, n
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

// looksWindows1258 reports whether undeclared 8-bit text reads as
// Vietnamese in windows-1258: its tone-mark bytes (0xCC grave, 0xEC acute,
// 0xDE tilde, 0xD2 hook, 0xF2 dot below) follow ASCII letters, or it holds
// đ/Đ (0xF0/0xD0).
func looksWindows1258(b []byte) bool {
	marks, high := 0, 0
	for i, c := range b {
		if c < 0x80 {
			continue
		}
		high++
		switch c {
		case 0xCC, 0xEC, 0xDE, 0xD2, 0xF2:
			if i > 0 && isASCIILetter(b[i-1]) {
				marks++
			}
		case 0xF0, 0xD0:
			marks++
		}
	}
	return high > 0 && marks*3 >= high
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
