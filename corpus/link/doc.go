// Package link links the items of an implementing document (a plan, a
// programme, a decision assigning tasks) to the passages of the parent
// documents it cites: which passage of the resolution each task carries
// out, or that it carries out nothing specific.
//
// Its input is Doc, what it reads of a document (ID, number, type,
// title, body, the file's name and the version hash); corpus fills it
// from its stored Document and finds a plan's parents through its
// citation graph, so this package knows neither the store nor the graph.
// Its output is PlanLinks: every item of the plan's outline (from
// corpus/outline) with the passages it implements, best first (Match).
//
// The files by concern: link.go (the entry points Plan and PlanWith, what
// they return, and the steps of a plan's linking), linkparams.go (the
// weights, Params and DefaultParams), linktargets.go (the parents'
// passages as targets and the BM25 statistics over them), linkquery.go
// (an item's query), linkrank.go (ranking an item's candidates and
// picking its links; linkfurther.go which may follow the first), linkactor.go and action.go (the agency and the
// action factors), linknone.go (the "implements nothing" decision),
// linkdecay.go, linkparent.go, linkref.go, linkalign.go, linkowntext.go,
// linkscope.go, linkownarticle.go, linkcited.go, linkcontext.go, linkprogress.go (the rules
// added one by one, each with its measure in docs/log/, topic linking), linkbg.go (a background
// collection, off by default),
// linkltr.go (the learned re-ranker, off by default; its trainer is test
// code, linkltrtrain_test.go), taskcache.go (the parents' cache, Cache).
//
// The measures of linking on the development sets are this package's
// external tests (package link_test: lopo_test.go, lopo_null_test.go,
// ltr_lopo_test.go, linksweep_test.go, linkbg_real_test.go, missdump_test.go), which read
// the sets through a corpus store (corpus.Store.LinkInput) and what
// export_test.go exports of the decision and the re-ranker.
//
// Caveats:
//   - The weights (DefaultParams) were chosen on the linking development
//     sets (eval links) and checked leave-one-pair-out
//     (TestLinksLOPO); a change of what this package produces bumps
//     corpus/tasktable's tasksVersion, since the stored tasks hold the links.
//   - The parents' cache keeps one set of a parent's targets per ID and
//     Hash, built with the TargetWeights last asked (the only weights
//     targets are built with; another value builds them again): a Doc
//     with an empty Hash is the same version as any other with its ID, so
//     a caller without versions passes a nil *Cache.
//   - Scores are summed in a fixed order (sorted terms): the same input
//     gives the same links to the last bit, cached or not.
package link

// Doc is what the linker reads of a document: corpus's Document without
// what linking does not need (dates, site, URL, summary, attachments).
type Doc struct {
	ID     string
	Number string // số ký hiệu ("154/NQ-CP"): parents are told apart by its key (doctype.NumberKey)
	Type   string // loại văn bản; the title's first words when empty (doctype.Of)
	Title  string // its trích yếu: a plan naming its parent there links to that one
	Body   string
	File   string // the name of the file it was read from, "" for a page
	Hash   string // the version: Cache keeps what it built of a parent per ID and Hash
}

// Ref names d.
func (d *Doc) Ref() DocRef {
	return DocRef{ID: d.ID, Number: d.Number, Type: d.Type, Title: d.Title, File: d.File}
}
