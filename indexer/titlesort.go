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
// is not safe for concurrent use; a new one costs about 4 µs and 28 KB, so
// each call makes its own (scratchPool.titleSortKey reuses them).
func titleSortKey(title string) string {
	return sortKeyWith(newTitleCollator(), title)
}

// TitleSortKey is the title_sort value of title: search compares keys
// with that of an empty title ("---": the collation's level separators) to
// find the untitled documents.
func TitleSortKey(title string) string { return titleSortKey(title) }

func newTitleCollator() *collate.Collator {
	return collate.New(language.Vietnamese, collate.IgnoreCase)
}

// sortKeyWith is the title_sort value of title made with collator c.
func sortKeyWith(c *collate.Collator, title string) string {
	return sortEncoding.EncodeToString(c.KeyFromString(&collate.Buffer{}, title))
}

// titleSortKey is titleSortKey with one of sp's collators, which are
// kept for the next documents (a collator is 2.7 % of a document's
// analysis otherwise, docs/log/i21-cpu.md). A nil pool makes a
// collator for the call.
func (sp *scratchPool) titleSortKey(title string) string {
	if sp == nil {
		return titleSortKey(title)
	}
	sp.mu.Lock()
	var c *collate.Collator
	if n := len(sp.collators); n > 0 {
		c = sp.collators[n-1]
		sp.collators = sp.collators[:n-1]
	}
	sp.mu.Unlock()
	if c == nil {
		c = newTitleCollator()
	}
	k := sortKeyWith(c, title)
	sp.mu.Lock()
	if len(sp.collators) < maxFree {
		sp.collators = append(sp.collators, c)
	}
	sp.mu.Unlock()
	return k
}

// sortEncoding writes a key 6 bits per character with 64 ASCII digits in
// increasing byte order and no padding, so the text sorts as the key's
// bytes do (the first differing bit falls in the same character, the
// shorter key's last character is zero-filled, and a prefix sorts first).
// It is a third shorter than hex, whose 4 bits per character made the
// title_sort terms and doc values 5 % of the index (layout 12,
// docs/log/i21-disk.md). No digit is a space: no key reads as one
// of bleve's prefix-coded numbers, which sorting by field would take apart.
var sortEncoding = base64.NewEncoding(sortDigits).WithPadding(base64.NoPadding)

const sortDigits = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
