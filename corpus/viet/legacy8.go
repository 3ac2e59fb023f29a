package viet

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// VISCII (RFC 1456, 1993) and VPS (the Vietnamese Professional Society's
// code page) are single-byte Vietnamese encodings: ASCII stays, and the
// 134 precomposed letters take the upper half and a few C0 control bytes
// that text never uses. Neither is in x/text and web pages never declare
// them. The tables below list the bytes that differ from ISO-8859-1:
// VISCII's as RFC 1456 defines them (TestVISCIIMatchesIconv checks all
// 256 bytes against glibc iconv), VPS's as GNU recode defines them
// (TestVPSMatchesRecode). recode's VPS has no byte for "Ỗ" and leaves
// 0x91 0x92 0x99 0xA0 0xDF 0xE7 0xEE 0xF6 0xFC undefined; those read as
// windows-1252, as a browser shows them.

var visciiBytes = map[byte]rune{
	0x02: 'Ẳ', 0x05: 'Ẵ', 0x06: 'Ẫ', 0x14: 'Ỷ', 0x19: 'Ỹ', 0x1E: 'Ỵ', 0x80: 'Ạ', 0x81: 'Ắ',
	0x82: 'Ằ', 0x83: 'Ặ', 0x84: 'Ấ', 0x85: 'Ầ', 0x86: 'Ẩ', 0x87: 'Ậ', 0x88: 'Ẽ', 0x89: 'Ẹ',
	0x8A: 'Ế', 0x8B: 'Ề', 0x8C: 'Ể', 0x8D: 'Ễ', 0x8E: 'Ệ', 0x8F: 'Ố', 0x90: 'Ồ', 0x91: 'Ổ',
	0x92: 'Ỗ', 0x93: 'Ộ', 0x94: 'Ợ', 0x95: 'Ớ', 0x96: 'Ờ', 0x97: 'Ở', 0x98: 'Ị', 0x99: 'Ỏ',
	0x9A: 'Ọ', 0x9B: 'Ỉ', 0x9C: 'Ủ', 0x9D: 'Ũ', 0x9E: 'Ụ', 0x9F: 'Ỳ', 0xA0: 'Õ', 0xA1: 'ắ',
	0xA2: 'ằ', 0xA3: 'ặ', 0xA4: 'ấ', 0xA5: 'ầ', 0xA6: 'ẩ', 0xA7: 'ậ', 0xA8: 'ẽ', 0xA9: 'ẹ',
	0xAA: 'ế', 0xAB: 'ề', 0xAC: 'ể', 0xAD: 'ễ', 0xAE: 'ệ', 0xAF: 'ố', 0xB0: 'ồ', 0xB1: 'ổ',
	0xB2: 'ỗ', 0xB3: 'Ỡ', 0xB4: 'Ơ', 0xB5: 'ộ', 0xB6: 'ờ', 0xB7: 'ở', 0xB8: 'ị', 0xB9: 'Ự',
	0xBA: 'Ứ', 0xBB: 'Ừ', 0xBC: 'Ử', 0xBD: 'ơ', 0xBE: 'ớ', 0xBF: 'Ư', 0xC4: 'Ả', 0xC5: 'Ă',
	0xC6: 'ẳ', 0xC7: 'ẵ', 0xCB: 'Ẻ', 0xCE: 'Ĩ', 0xCF: 'ỳ', 0xD0: 'Đ', 0xD1: 'ứ', 0xD5: 'ạ',
	0xD6: 'ỷ', 0xD7: 'ừ', 0xD8: 'ử', 0xDB: 'ỹ', 0xDC: 'ỵ', 0xDE: 'ỡ', 0xDF: 'ư', 0xE4: 'ả',
	0xE5: 'ă', 0xE6: 'ữ', 0xE7: 'ẫ', 0xEB: 'ẻ', 0xEE: 'ĩ', 0xEF: 'ỉ', 0xF0: 'đ', 0xF1: 'ự',
	0xF6: 'ỏ', 0xF7: 'ọ', 0xF8: 'ụ', 0xFB: 'ũ', 0xFC: 'ủ', 0xFE: 'ợ', 0xFF: 'Ữ',
}

var vpsBytes = map[byte]rune{
	0x02: 'Ạ', 0x03: 'Ậ', 0x04: 'Ặ', 0x05: 'Ẹ', 0x06: 'Ệ', 0x10: 'Ị', 0x11: 'Ọ', 0x12: 'Ộ',
	0x13: 'Ợ', 0x14: 'Ụ', 0x15: 'Ự', 0x19: 'Ỵ', 0x1C: 'Ẫ', 0x1D: 'Ữ', 0x80: 'À', 0x81: 'Ả',
	0x82: 'Ã', 0x83: 'Ấ', 0x84: 'Ầ', 0x85: 'Ẩ', 0x86: 'ọ', 0x87: 'ỗ', 0x88: 'Ă', 0x89: 'ế',
	0x8A: 'ề', 0x8B: 'ể', 0x8C: 'ệ', 0x8D: 'Ắ', 0x8E: 'Ằ', 0x8F: 'Ẳ', 0x90: 'Ế', 0x93: 'Ề',
	0x94: 'Ể', 0x95: 'Ễ', 0x96: 'Ố', 0x97: 'Ồ', 0x98: 'Ổ', 0x9A: 'ý', 0x9B: 'ỷ', 0x9C: 'ỵ',
	0x9D: 'Ớ', 0x9E: 'Ờ', 0x9F: 'Ở', 0xA1: 'ắ', 0xA2: 'ằ', 0xA3: 'ẳ', 0xA4: 'ẵ', 0xA5: 'ặ',
	0xA6: 'Ỡ', 0xA7: 'ớ', 0xA8: 'Ù', 0xA9: 'ờ', 0xAA: 'ở', 0xAB: 'ỡ', 0xAC: 'Ũ', 0xAD: 'Ứ',
	0xAE: 'ợ', 0xAF: 'Ừ', 0xB0: 'ổ', 0xB1: 'Ử', 0xB2: 'Ỳ', 0xB3: 'Ỹ', 0xB4: 'Í', 0xB5: 'Ì',
	0xB6: 'ộ', 0xB7: 'Ỉ', 0xB8: 'Ĩ', 0xB9: 'Ó', 0xBA: 'ử', 0xBB: 'ữ', 0xBC: 'Ò', 0xBD: 'Ỏ',
	0xBE: 'Õ', 0xBF: 'ự', 0xC0: 'ầ', 0xC3: 'ấ', 0xC4: 'ẩ', 0xC5: 'ẫ', 0xC6: 'ậ', 0xC7: 'đ',
	0xC8: 'ẻ', 0xCB: 'ẹ', 0xCC: 'ỉ', 0xCD: 'ễ', 0xCE: 'ị', 0xCF: 'ỹ', 0xD0: 'Ư', 0xD1: 'Ủ',
	0xD2: 'ồ', 0xD3: 'ố', 0xD5: 'ỏ', 0xD6: 'ơ', 0xD7: 'È', 0xD8: 'ừ', 0xD9: 'ứ', 0xDB: 'ũ',
	0xDC: 'ư', 0xDE: 'Ẻ', 0xE4: 'ả', 0xE5: 'ạ', 0xE6: 'ă', 0xEB: 'ẽ', 0xEF: 'ĩ', 0xF0: 'Ẵ',
	0xF1: 'Đ', 0xF7: 'Ơ', 0xF8: 'ụ', 0xFB: 'ủ', 0xFD: 'Ỷ', 0xFE: 'Ẽ', 0xFF: 'ỳ',
}

var (
	visciiDecode, visciiEncode = buildSingleByte(visciiBytes)
	vpsDecode, vpsEncode       = buildSingleByte(vpsBytes)
)

// buildSingleByte returns the decoding table of a code page given the
// bytes where it differs from ISO-8859-1 (other high bytes read as
// windows-1252) and its encoder for the letters it adds.
func buildSingleByte(diff map[byte]rune) ([256]rune, map[rune]byte) {
	var dec [256]rune
	enc := map[rune]byte{}
	for i := range dec {
		dec[i] = cp1252[i]
	}
	for b, r := range diff {
		dec[b] = r
		enc[r] = b
	}
	return dec, enc
}

// DecodeVISCII decodes VISCII bytes to NFC text.
func DecodeVISCII(b []byte) string { return decodeSingle(b, &visciiDecode) }

// DecodeVPS decodes VPS bytes to NFC text.
func DecodeVPS(b []byte) string { return decodeSingle(b, &vpsDecode) }

func decodeSingle(b []byte, table *[256]rune) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for _, c := range b {
		sb.WriteRune(table[c])
	}
	return norm.NFC.String(sb.String())
}

// EncodeVISCII encodes s to VISCII. It exists to build test fixtures.
func EncodeVISCII(s string) ([]byte, error) { return encodeSingle(s, visciiEncode, &visciiDecode) }

// EncodeVPS encodes s to VPS. It exists to build test fixtures.
func EncodeVPS(s string) ([]byte, error) { return encodeSingle(s, vpsEncode, &vpsDecode) }

func encodeSingle(s string, enc map[rune]byte, dec *[256]rune) ([]byte, error) {
	out := make([]byte, 0, len(s))
	for _, r := range norm.NFC.String(s) {
		if b, ok := enc[r]; ok {
			out = append(out, b)
			continue
		}
		if r < 0x100 && dec[r] == r {
			out = append(out, byte(r))
			continue
		}
		return out, ErrUnrepresentable
	}
	return out, nil
}
