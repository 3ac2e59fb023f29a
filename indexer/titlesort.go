package indexer

import (
	"encoding/base64"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// titleSortKey is the value of the title_sort field: the Vietnamese
// collation key of a title, written so that bleve's byte order sorts
// titles as a Vietnamese reader expects (An Giang, Ăn, Ân Thi, Bình Dương,
// Dương, Đà Nẵng, Hà Nội) instead of putting Ă, Â and Đ after Z. A collator
// is not safe for concurrent use; a new one costs about 4 µs, so each call
// makes its own.
func titleSortKey(title string) string {
	c := collate.New(language.Vietnamese, collate.IgnoreCase)
	return sortEncoding.EncodeToString(c.KeyFromString(&collate.Buffer{}, title))
}

// sortEncoding writes a key 6 bits per character with 64 ASCII digits in
// increasing byte order and no padding, so the text sorts as the key's
// bytes do (the first differing bit falls in the same character, the
// shorter key's last character is zero-filled, and a prefix sorts first).
// It is a third shorter than hex, whose 4 bits per character made the
// title_sort terms and doc values 5 % of the index (layout 12,
// docs/performance.md "i21-disk"). No digit is a space: no key reads as one
// of bleve's prefix-coded numbers, which sorting by field would take apart.
var sortEncoding = base64.NewEncoding(sortDigits).WithPadding(base64.NoPadding)

const sortDigits = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
