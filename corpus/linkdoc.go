package corpus

// The seam to the linker (corpus/link): what it reads of a Document and
// of a plan's parents, and the classes plans and resolutions are told by.

import (
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/corpus/outline"
)

// LinkDoc is what the linker reads of d.
func (d *Document) LinkDoc() link.Doc {
	ld := link.Doc{ID: d.ID, Number: d.Number, Type: d.Type, Title: d.Title, Body: d.Body, Hash: d.Hash}
	if d.File != nil {
		ld.File = d.File.Name
	}
	return ld
}

// LinkInput is what Links gives the linker for a plan: the plan, its
// parents (the live documents it cites that have passages, in citation
// order) with their outlines, and the store's parents' cache. The
// measures of linking (corpus/link's leave-one-pair-out tests and sweeps)
// link it again and again with other weights.
type LinkInput struct {
	Plan     link.Doc
	Parents  []link.Doc
	Outlines []*outline.Outline // Outlines[i] is Parents[i]'s
	Cache    *link.Cache        // the store's: a parent version is parsed and weighed once
}

// LinkInput returns the linker's input for document id, an error
// wrapping ErrNotFound when it is not stored or gone. It takes no context,
// as Links: it reads the document and its parents, a few records, and
// parses the parents the cache does not hold. A value, so that Links
// allocates nothing more for it.
func (s *Store) LinkInput(id string) (LinkInput, error) {
	doc, err := s.live(id, "links")
	if err != nil {
		return LinkInput{}, err
	}
	parents, outlines, err := s.parentsWith(doc, s.cache.Outline)
	if err != nil {
		return LinkInput{}, err
	}
	return LinkInput{Plan: doc.LinkDoc(), Parents: parents, Outlines: outlines, Cache: s.cache}, nil
}

// Link links the plan of in to its parents with weights p and background
// bg (nil: none); with link.DefaultParams() and no background it is Links.
func (in *LinkInput) Link(p link.Params, bg link.Background) *link.PlanLinks {
	return link.PlanWith(in.Plan, in.Parents, in.Outlines, p, in.Cache, bg)
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

// MaxLinkedBody is the longest body whose items are linked on request (a
// document's page, `vanban links`, a parent's coverage): plans and
// resolutions run to tens of kilobytes; outlining and linking a body of
// megabytes costs hundreds of megabytes (a 5.8 MB plan: 382 MB, 9.5 s).
const MaxLinkedBody = 2 << 20

// syncCacheParents bounds the linker's cache of parents (link.Cache) of a
// SyncTasks run, storeCacheParents the one a Store keeps while open (the
// largest real parent's targets take some 2 MB).
const (
	syncCacheParents  = 1024
	storeCacheParents = 64
)
