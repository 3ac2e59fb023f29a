// Package outline reads the body of a Vietnamese government document into
// its outline: the sections, the items (numbered, lettered and bulleted
// points, task-table rows, paragraphs standing as items, the provisions
// an amending text quotes) and the passages an implementing item can
// carry out. It is the one reader of a body's structure: the linker
// (corpus/link), the task list and the coverage of package corpus, the
// evaluation of links and the web pages all read outlines through it.
//
// Parse(body) returns an *Outline: Sections (a roman or lettered heading,
// an article "Điều N.", a part, an appendix "PHỤ LỤC", each of a kind:
// tasks, goals, organisation, funding, background, preamble) and Items,
// each with a stable ID ("II.1.a", "Đ4.2", "PLI.r3", "1.•2"), its parent,
// its section, and for a task-table row its agency, co-agencies, output and
// deadline. Outline.Passages lists the parts of a parent document an item
// can implement, each with its terms (Terms) and the domain keys of the
// agencies it is addressed to (Outline.Actors). The predicates the linker
// and the tasks decide by are here too, next to the rules they share
// with the parser: Item.Linkable (an item offered for linking),
// Outline.ClosingItem and Outline.ClosingPassage (a closing provision),
// AgencyName (a line that only names an agency), ActorWords (the agencies
// a text starts with), NumberLabel (a clause number), ArticleHeading (the
// number and title of "Điều 12. …", which the index reads as well),
// Sentences and ScanTerms (the words passages and items are compared by).
//
// Files by concern. The parser: plan.go (the types, Parse and the
// line-by-line state machine), planfront.go (the header block and the
// closing block), planhead.go (headings and sections), planlist.go
// (items, their parents and IDs), planletter.go (lettered points, OCR
// letters), plantext.go (continued lines, paragraphs, section text),
// planamend.go (where a quoted amendment opens and closes), planquote.go
// (the quoted provisions grafted as items; one-paragraph articles),
// planitem.go (Linkable). Line shapes: layout.go (what the others share:
// words, white space, sentence ends), layoutfront.go (header and closing
// lines), layouthead.go (section headings), layoutarticle.go (article
// headings), label.go (item labels), layouttable.go (task-table header
// rows and cells), layoutagency.go (agency names), table.go and
// tablewrap.go (task tables and their wrapped cells), wrap.go and
// wrapref.go (hard-wrapped bodies, page lines), ocrlabel.go (labels OCR
// damaged), articlekind.go (the kind of an article's section). What the
// parser and the linker share: closing.go and closingparty.go (closing
// provisions; the Party's line on its own dissemination), passage.go
// (passages), actor.go (the agencies a text is addressed to), terms.go
// (terms).
//
// # Caveats
//
// IDs are a contract. Item and passage IDs are in URLs, in the task
// records the store keeps (corpus/tasktable) and in the labels of the
// linking dev sets. An ID is its section's and its own label's; one taken
// twice gets a fallback anchored on the nearest ID that holds it
// ("II.1~2", "PLII.s3.1"; plan.go), so a section added or dropped before
// that anchor leaves it, unless the edit adds or drops the label itself:
// an unnumbered section's items have their labels alone as IDs, document
// wide, so a "1." added before an appendix makes its first form's "1"
// "PLI.s1.1" (TestFallbackIDsDocumentWide). A change to what Parse,
// Passages or the predicates
// produce must bump tasksVersion in corpus/tasktable/version.go, with a line of
// history, so that stored tasks are computed again.
//
// The input is a body as the store keeps it: one paragraph or table row a
// line, the cells of a row separated by " | " (crawler/extract and the
// file converters write it so). A line with decomposed marks (NFD) is
// read composed, so an NFD body has its NFC twin's outline (texts
// composed), and a heading's first word is compared in viet.Canon's tone
// placement ("Điêù 5.", "ĐIÊÙ 5."; headingForm); an article's word with
// no tone ("Điêu 5.", "Dieu 5.", OCR or a text without diacritics) is
// read as "Điều" where the line then reads as a heading (toneless). A body hard-wrapped at a width (pdftotext,
// e-mail) is recognised from its first 200 text lines (wrap.go); other
// line breaks inside a paragraph are joined only where a line plainly
// goes on (lower case, no final punctuation).
//
// The reader is heuristic. It was built on real plans, resolutions,
// decrees and letters; a layout it has not met may give sections or items
// a reader would draw otherwise. For any input it returns an outline
// whose IDs are unique, whose parents come before their children and
// whose lines lie inside the body, and it never panics: FuzzParseOutline
// holds it to that, and TestOutlineCheck (VANBAN_OUTLINE_CHECK=1) lists
// the anomalies it leaves on the real documents of ../shared.
//
// Cost: one pass over the lines with bounded look-aheads (a list's end
// within maxListLines, a quote within maxQuoteLines, a letter within
// maxLetterLookahead), about linear in the body. A quote's lines are read
// again for its provisions, and a quote's quote once more, no deeper
// (maxQuoteDepth). Passages is computed on
// every call (its terms and actors included): callers that need it again
// keep it (link.Cache keeps a parent's outline and targets).
//
// Parse holds no state between calls and logs nothing: it is safe for
// concurrent use. An Outline is a plain value; a caller that changes it
// owns the change.
//
// Terms and ScanTerms are the linker's terms too: a change to them moves
// link scores, not only the passages' collapse (tasksVersion again).
package outline
