package corpus

// The seam to the linker (corpus/link): what it reads of a Document, and
// the classes plans and resolutions are told by.

import (
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/link"
)

// LinkDoc is what the linker reads of d.
func (d *Document) LinkDoc() link.Doc {
	ld := link.Doc{ID: d.ID, Number: d.Number, Type: d.Type, Title: d.Title, Body: d.Body, Hash: d.Hash}
	if d.File != nil {
		ld.File = d.File.Name
	}
	return ld
}

// refOf names d.
func refOf(d *Document) link.DocRef {
	ld := d.LinkDoc()
	return ld.Ref()
}

// IsPlan reports a document of class doctype.Plan (Kế hoạch, Chương
// trình) by its type, or by its title when it has none.
func IsPlan(d *Document) bool { return doctype.Of(d.Type, d.Title).Class == doctype.Plan }

// IsResolution reports a document of class doctype.Resolution (Nghị
// quyết, Chỉ thị, Kết luận) by its type, or by its title when it has none.
func IsResolution(d *Document) bool { return doctype.Of(d.Type, d.Title).Class == doctype.Resolution }

// syncCacheParents bounds the linker's cache of parents (link.Cache) of a
// SyncTasks run, storeCacheParents the one a Store keeps while open (the
// largest real parent's targets take some 2 MB).
const (
	syncCacheParents  = 1024
	storeCacheParents = 64
)
