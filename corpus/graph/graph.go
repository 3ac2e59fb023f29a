package graph

// Citation graph format (store version 2, graph version Version). Seven
// buckets of store.db, written in the same bbolt transaction as the document
// they describe (the store's Put, PutBatch and MarkGone call Graph.Put), so
// the graph is never behind the store:
//
//	bucket "refs":    document ID → Entry{Number, Refs, Signed,
//	                  Effective, Until, Edges}: the lookup key of the
//	                  document's own number, its outgoing references
//	                  (cite.ParseDoc over title, summary and body, read
//	                  by corpus for EntryOf; one per
//	                  lookup key, self-references left out), what the text
//	                  says of the document's own effect, and the relation
//	                  edges it states (edges.go, Edge); binary, the long
//	                  ones compressed (refsval.go)
//	bucket "bykey":   lookupKey "\x00" citing ID → "" (the cited-by sets)
//	bucket "numbers": lookupKey "\x00" document ID → "" (who carries a number)
//	bucket "relto":   to "\x00" kind "\x00" stating ID "\x00" n → Edge
//	bucket "relfrom": from "\x00" kind "\x00" stating ID "\x00" n → Edge
//	                  (binary, without what the key says: edgeval.go;
//	                  JSON entries of earlier stores still read)
//	bucket "rellink", "relcount": the links of each group of a Lược đồ
//	                  and their count (relcount.go)
//
// An edge end is a lookup key, or "#" and the ID of a stored document
// without number (a lookup key starts with a digit). Gone documents have no
// entries. A lookup key is cite.Ref.LookupKey ("154/nq-cp"), which has no NUL
// byte. References and edges are resolved when read (Refs, Effect,
// Relations), so a citation or a replacement stored before the cited
// document arrives counts once it does, and a replacing decision stored
// tonight changes the status of yesterday's (effect.go). When a document's
// edges that change effect (amends, replaces, repeals, expires, suspends)
// are written or removed, the documents they target get a new sequence in
// the same transaction, so an index that keeps their status reads them
// again.
//
// meta "graph" holds the Version the buckets were built with. Opening a
// store read-write upgrades a version 1 store (no graph) and rebuilds the
// graph when Version changed (a better parser), in one transaction
// (corpus's migrate: Current, Reset, Stamp), and then gives every live
// document a new sequence: an index keeping effect spans read them by the
// old graph and, maybe, by other rules (corpus's touchLive).
//
// Until 2026-12-06 (i19-graph) this was package corpus's graph.go and
// Version was corpus.GraphVersion; the history below counts on.
//
// Graph history, newest first: 36 — a capitalised "Thực hiện" after a
// word it completes ("ban hành Kế hoạch\nThực hiện Nghị quyết …", "triển
// khai\nThực hiện") is a wrapped line, not a clause of its own: the cited
// decision implements the NQ, not the citing text (2026-12-07,
// i31-rev-party, cite's completedBy). 35 — a numbered plan, programme, rules …
// "kèm theo Quyết định số B" is what governs it, B (where it was issued) a
// mention, not a second list item ("Kế hoạch số A kèm theo Quyết định số
// B được thay thế bởi C": A replaced, B not; cite pred.go annexHost); a
// number in brackets after a lower-case word of its own type is that
// generic noun's ("…, Sở Y tế xây dựng kế hoạch chi tiết (số …)": a
// mention, not the capitalized "Kế hoạch" named further back)
// (2026-12-07, i31-rev-cite, cite). 34 — a line opening "Thực hiện" is a
// clause of its own (cite startsClause): a plan's trích yếu "Thực hiện Kế
// hoạch số A … thực hiện Nghị quyết số B …" without a stop no longer makes
// its opening line's "Thực hiện Kế hoạch số A …" an object of B (B
// implemented A) (2026-12-07, i31-party, cite). 33 — "cùng", "cùng với" and "kèm theo"
// (right after a reference) join list items as "và" does ("Nghị định số A
// cùng Thông tư số B được thay thế bởi C": both replaced); a number in
// brackets after its type word, bare or opening a trích yếu, is governed as
// that word is ("Căn cứ Nghị định (số 30/2020/NĐ-CP)", "Căn cứ Nghị định
// quy định chi tiết … (số 102/2024/NĐ-CP)"; "Nghị định [số …] ngày … của
// …" one reference with its date and issuer); a passive whose agent is the
// text itself takes the date after it ("bởi Quyết định này kể từ ngày …"),
// and in parentheses right after its reference is its predicate ("Nghị
// định 160/2024/NĐ-CP (bị thay thế bởi Nghị định này kể từ 01/7/2026)");
// a trích yếu that repeats its reference's type word before the verb
// ("Nghị định số A Nghị định sửa đổi … Nghị định số B") is A's (2026-12-07,
// i31-cite, cite). 32 — a clause after ";" whose item
// before it read its own intransitive ("Nghị định số A, Nghị định số B hết
// hiệu lực; Nghị định số C được thay thế bởi D") reads its own predicate
// and date, no longer expires with A; a code named before its number in
// parentheses ("Căn cứ Bộ luật Lao động (số 45/2019/QH14);") is governed as
// the name is (2026-12-07, i30-rev-cite, cite). 31 — a passive after a list of
// references opening its clause ("Nghị định số A, Nghị định số B và Thông
// tư số C được thay thế bởi …") is said of every item, not the last one
// only (not across ";", a head or a trích yếu, nor to a statute the agent
// cannot change), and a passive whose agent is the text itself ("được thay
// thế bởi Quyết định này") is the text's act; a law named with its number
// in parentheses ("Luật Đất đai (số 45/2013/QH13)", "(Luật số …)",
// "(15/2012/QH13)") is governed as the name is and is the agent's other
// end, no longer the name "Luật Đất đai (số" (2026-12-07, i30-cite, cite
// predicate, selfAgentAhead, subjectItem, nameParen, namesNumber).
// 30 — parentheses after a name that give
// its number behind "số" or "sau đây gọi [tắt] là" ("Luật Đất đai (số
// 45/2013/QH13) được sửa đổi bởi …") name it: the reference in them takes
// the predicate after ")" again, where 29 left it a mention; a unit's code
// with a horn after a number's dot is read in NFD too (2026-12-07,
// i29-rev-cite, cite parenDescribes, doctype.UnitCodeEnd).
// 29 — a reference inside parentheses that
// describe another reference ("Quyết định số 16/QĐ-TTg (phê duyệt Đề án
// theo Nghị định số 73/2029/NĐ-CP) được thay thế bởi …") is not the subject
// of a predicate after ")", passive or intransitive: the decree is only
// mentioned, where it was replaced, repealed or expired with the decision
// (2026-12-07, i29-cite, cite parenDescribes); and a word with a tone mark
// after a number's dot is no code ("Quyết định số 208/QĐ.ĐIỀU 1." cites
// 208/qd, not 208/qd-dieu; doctype.NumberKey, UnitCodeEnd).
// 28 — a dot after any code but a number's
// first ends the number ("88/KH-UBND.VX" is 88/kh-ubnd, where it had no
// key: its document had no own number in the graph), and a reference to
// it reads its date after the unit's code (2026-12-07, i28-refs,
// doctype.NumberKey, cite unitEnd).
// 27 — a reference cut at a dot after a
// unit's code reads its date and issuer after that code ("Công văn số
// 25/SXD.QLN ngày 20/5/2030": 25/SXD of 2030-05-20, where it had no date
// unless "của" and an issuer followed; 2026-12-07, i27-rev-numkey, cite
// candidate).
// 26 — one key for a number (2026-12-07,
// i27-numkey): the graph's ends and a document's own number are
// doctype.NumberKey's, the index's, not the grammar's; a dot after a code
// no type has ends the number ("25/SXD.QLN" is 25/sxd, not 25/sxd-qln), so
// a text citing "25/SXD" cites the document numbered "25/SXD.QLN"; cite
// reads "Công văn số 25/SXD.QLN" as a reference to 25/SXD (dotEnd), where
// it made none.
// 25 — a digit other than "1" before a
// two-digit number after "số" is a stray one, not half of a split ("số 2
// 97/2026/NĐ-CP" names 97/2026, not 297/2026; 2026-12-07, i26-cite, viet
// splitLead; MappingVersion 27).
// 24 — agents listed one a line after a
// passive's "bởi:"/"tại:" are its agents as inline ones are (2026-12-07,
// i25-review6, cite's listHead), not the text's own amendments of them;
// a first half padded with a 0 to two digits is a whole number, not half
// of a split ("Mẫu số 05 15/2024/…" names 15/2024, not 515/2024;
// MappingVersion 26).
// 23 — agents after a colon and more of
// OCR's numbers (2026-12-07, i25-rel): "A được sửa đổi, bổ sung bởi:
// Nghị định B; Nghị định C" lists A's agents (B and C amend A, or the text
// itself when no reference is the subject), not the text's own
// amendments of B and C; a stray comma before "bởi" no longer cuts the
// agent from its passive; the number grammar reads the digits split by a
// space after "số" where both halves are short ("số 3 6/2024/QH15" →
// 36/2024/QH15), a "." for the dash after a type's code ("NĐ.CP"), and a
// Q read as 9 after a split or glued year ("54/201 49H13" → 54/2014/QH13):
// references and edges the text names (MappingVersion 25).
// 22 — relations and OCR'd numbers
// (2026-12-07, i24-rel): an item after ";" in a list of texts (grounds
// under "Căn cứ:", in a grounds cell or heading, the text's own repeal)
// takes the list's relation even when it and the agent before it name
// parts (cite's listed; "… bởi Điều 2 Luật B; Điều 5 Nghị định C": C a
// ground), and a carried agent must be able to change the passive's
// subject (no decree after a law's amender); the number grammar reads a
// 1+3 split year before a Quốc hội code, a year glued to its code
// ("66/2026NĐ-CP"), a term split by a space ("QHI 5") and an H read as
// "I1" ("15/2012/QI113" → 15/2012/QH13): references and edges the text
// names (MappingVersion 24).
// 21 — an item naming its part after ";"
// (2026-12-06, i23-review2, cite's carried) carries a passive's agent
// only after an agent naming its own part (Pháp điển's notes: "… bởi
// Điều 1 Thông tư số A; Điều 3 Thông tư số B"); after a whole text ("bãi
// bỏ Nghị định A được sửa đổi bởi Nghị định B; Điều 5 Nghị định C") it is
// the list's next item (C repealed, not an amender of A).
// 20 — relations leftovers (2026-12-06,
// i23-rel): a year OCR split with a space ("Luật số 02/201 7/QHI14") is
// read whole through the one number grammar (viet.splitYear) where the
// break has one reading, so the number is a reference (02/2017/QH14);
// a relation between two other documents ("Luật A (được sửa đổi bởi
// Luật B); Luật C", "Luật A được sửa đổi bởi Luật B; Nghị định D") no
// longer carries across the ";" after it: the next item takes the list's
// relation (based_on under "Căn cứ:" or a grounds cell) or is read on its
// own; agents listed after a colon, or each naming its part as Pháp
// điển's notes do, still carry (cite's carried).
// 19 — an OCR-broken number in a list
// (2026-12-06, i22-rel4, cite): a list item naming a document by a number
// the first pass could not read ("Luật số 02/201 7/QHI14", a type name,
// "số", words with digits and a "/") is stepped over by the walk, so the
// items after it keep the list's reading (the agents of a passive stay
// agents; they had taken the subject's based_on).
// 18 — căn cứ headings (2026-12-06,
// i22-rel3, cite; 17 is another branch's): a heading naming the grounds
// without a colon ("## CĂN CỨ PHÁP LUẬT", "**Căn cứ pháp lý**", "1. Căn
// cứ pháp lý", a table cell "| Căn cứ pháp lý |") heads the list under it
// up to the next heading, as "Căn cứ:" does (its items were mentions); a
// type code written short before a number ("QĐ 142/2008/QĐ-TTg") is the
// reference's own, not content that makes it partial; an amending law's
// name skips "một số điều" written without "của".
// 16 — amending laws and wrapped headings
// (2026-12-06, i22-reltasks, cite): a law cited by a name that is a
// change ("Luật sửa đổi, bổ sung một số điều của Luật X, Luật Y số N") or
// as the agent of a bare law name ("Luật X được sửa đổi, bổ sung bởi Luật
// số N") amends the laws it names (N amends, by, other the names, as a
// passive's agent), never the citing text; an article heading wrapped
// over lines ("Điều 2. Sửa đổi … Nghị định số A" then "ngày … của Chính
// phủ … (được sửa đổi bởi Nghị định số B)") is one clause, a date on the
// next line is the reference's, and a line opening with markup ("*Căn
// cứ …*") starts its clause.
// 15 — who a passive is said of, and when
// (2026-12-06, i21-rel2, cite): a statute named in a decree's trích yếu
// ("Nghị định số A … thi hành Luật X được sửa đổi bởi Nghị định số B") is
// not the passive's subject, only an act of the Quốc hội or its Standing
// Committee changes a statute (force.go): the subject is A, or with no
// reference in the clause B is a mention; a subject far back in a long
// trích yếu is looked for up to 180 words; the predating rule compares
// dates when both ends' are known, years otherwise; a Quốc hội term of one
// or three digits that names no term reads as the one term of the key's
// year it can be ("87/2025/QH1" → 87/2025/QH15, viet.TermCode).
// 14 — relations staff can trust
// (2026-12-06, i21-rel, cite): a passive without "được" right after its
// reference ("Nghị định số A (sửa đổi, bổ sung tại Nghị định số B)") says
// B amends A; an adjustment of a text's time or schedule "tại" it amends it
// in part ("Điều chỉnh thời gian thực hiện tại Kế hoạch số …" was
// implements); a change whose actor's year is earlier than its target's is
// a mention (predate.go: 19/2026/QH16 was "amended by" 203/2025/QH15); a
// passive whose subject names a document without number names it ("Hiến
// pháp …", "Luật Đầu tư công (được sửa đổi bởi …)"), not the text itself;
// OCR's "QHI15"/"QHI5" read as the term the key's year fixes (one law, not
// three amenders); "một số điều" before an agent marks the change partial.
// 13 — the two rebuilds of 2026-12-06's
// last merges at once (lead's merge): i20-review's (what "bổ sung" adds to
// a named part of a text amends it, cite's walk: "Bổ sung nội dung sau vào
// cuối khoản 2 Điều 5 của Nghị định số …", "Bổ sung nhiệm vụ tại mục II Kế
// hoạch số …" had become mentions under 11's funds rule) and i20-effidx's
// (a rebuild on open now moves every live document to a new sequence,
// corpus's migrate, touchLive, so that the index re-reads each effect
// span; stores that main's binary rebuilt to 11 without it kept the spans
// of 10 — "còn hiệu lực" stale for 380/NQ-CP, 174/CV-BCĐ). Both branches
// had written their change as 12; 12 was never on main alone with both.
// 11 — relations that change a document's
// effect read as staff need them (2026-12-06, i20-effect, cite's
// additionOnly and partReplaced): "bổ sung"/"điều chỉnh" amend only a
// provision or the text ("vốn được giao bổ sung tại Nghị quyết số …" is a
// mention), a change's object never follows "tại" right after its verb,
// and "thay thế" of a phrase, part, appendix or form is an amendment (the
// document stays in force), of the text or of a decision's regulation a
// replacement; an amendment alone is no evidence that a number has effect
// (effect.go: "Không có thông tin về hiệu lực; được sửa đổi, bổ sung bởi …").
// 10 — the portal's type field decides
// (2026-12-06, i18-newsrev, IsReport): a number-less page typed "Tin tức"
// is news even when it links a file, and one typed "Văn bản …" ("Văn bản
// khác", "Văn bản chỉ đạo điều hành", "Văn bản QPPL") is a văn bản whose
// relations count, whatever its title.
// 9 — a news page states no relation
// (2026-12-06, i18-news, report.go's IsReport): a page with no number, no
// type, no file and no attachment is a report, and every reference it
// makes is a mention (still cited_by), so no Lược đồ lists it ("Văn bản
// thực hiện") and nothing it says ("UBND tỉnh bãi bỏ Quyết định số …",
// "Quyết định số A thay thế Quyết định số B") changes an effect status;
// it has no effect of its own.
// 8 — a clause after a lead-in (2026-12-06,
// i18-rel2, cite's issuersAt and actorOf): an issuer list ends at a comma
// unless a "và" closes it or the key's code names the next name ("… của
// UBND tỉnh Phú Thọ, Sở Y tế đã tổ chức …" is issued by the UBND alone),
// and the verb of the clause after a comma closing "Căn cứ/Thực hiện/Trên
// cơ sở A …," is the text's act, not A's ("Căn cứ Quyết định số A …, các
// huyện quán triệt Kết luận số B": B is not implemented by A); a verb
// after "yêu cầu"/"đề nghị" is asked of others: a change so asked is not
// the text's act ("Sở Tư pháp đề nghị bãi bỏ Quyết định số …" is a
// mention), an implementation so asked stays the text's (a Công văn
// implements by asking).
// 7 — a list of grounds only (2026-12-06,
// i18-relrev, cite's listItem): a change's object ("thay thế Quyết định
// số A … ban hành Quy chế thực hiện Nghị định số B và Nghị định số C ngày
// … của Chính phủ sửa đổi …") no longer gives the text the change of C,
// and B written with its own trích yếu or issuer ("Nghị quyết số B về … của
// Chính phủ và Quyết định số C ngày …") keeps C an object of A's trích yếu,
// as does a comma between A and B ("Thực hiện Kế hoạch số A …, các trường
// tuyên truyền về Nghị quyết số B và Quyết định số C ngày … phê duyệt …");
// "được xây dựng trên cơ sở/căn cứ" heads the text's grounds only after a
// type word ("Kế hoạch", "Đề án này"), not after "Dự án", "tuyến đường".
// 6 — lists of grounds and copulas (2026-12-06,
// i18-rel, cite's listItem and copulaOfText): in "trên cơ sở Nghị quyết số
// A … ban hành Chương trình hành động thực hiện Nghị quyết số B và Quyết
// định số C ngày … của UBND tỉnh phê duyệt …" C is a ground as A is, not
// implemented by A; "được xây dựng trên cơ sở/căn cứ …" is a head; a verb
// after "X này là …" or "Kế hoạch là …" is not the text's act; and the
// buckets rellink and relcount, the links of each Lược đồ group counted
// (relcount.go). Before it:
// 1 — first graph (store version 2). 2 — one grammar of
// numbers for the parser, the index and lookups (viet.ScanNumber,
// doctype.NumberKey): a key without "/" is read only in compact capitals
// (73-CP), lookup keys of "_"-joined numbers use "-", type words and codes
// from corpus/doctype. 3 — relations: each reference's relation, part and
// effect date, the document's own effect, the relto and relfrom buckets.
// Within 3, the refs values and the relto/relfrom entries became binary
// (2026-12-05, refsval.go, edgeval.go): each form is told by its first
// byte, JSON ones are still read and are rewritten when their document is,
// so the version stayed and no store rebuilds its graph for it. 4 — the
// title, summary and body are read as three paragraphs (docText), not run
// together into one sentence (2026-12-06, i17-chain): a title's last
// reference was made the actor of a verb opening the summary, which read
// chains backwards ("24-NQ/TW implements 154/NQ-CP"). 5 — a verb in the
// noun phrase after a copula "là" is not the text's own act (2026-12-06,
// i17-actor, cite's actorOf): a news page's "Dự án là một trong những công
// trình trọng điểm thực hiện Nghị quyết số 154/NQ-CP" made the page implement
// 154/NQ-CP.

import (
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// Version is the version of the citation graph buckets; bump it when
// cite.ParseDoc or the bucket layout changes so that stores rebuild on open.
const Version = 36

var (
	bucketRefs    = []byte("refs")
	bucketByKey   = []byte("bykey")
	bucketNumbers = []byte("numbers")
	bucketRelTo   = []byte("relto")
	bucketRelFrom = []byte("relfrom")
)

// bucketMeta is the store's bucket in which the graph keeps its version
// (key "graph").
var bucketMeta = []byte("meta")

// graphBucketNames are the buckets Reset drops and builds.
var graphBucketNames = [][]byte{bucketRefs, bucketByKey, bucketNumbers, bucketRelTo, bucketRelFrom, bucketRelLink, bucketRelCount}

// Codec is what the graph needs of the store's record codec: the long refs
// values are compressed with the store's trained dictionary (refsval.go).
type Codec interface {
	// Compress appends src compressed to dst.
	Compress(dst, src []byte) []byte
	// Decompress returns the frame src decompressed, at most limit bytes.
	Decompress(src []byte, limit uint64) ([]byte, error)
}

// Toucher gives a stored document a new sequence without changing it, so
// that an index keeping its effect status reads it again (the store's).
type Toucher interface {
	Touch(tx *bolt.Tx, id string) error
}

// Graph is the graph in a bbolt transaction of the store: the store opens
// the transaction (a write one for Put) and the graph reads and writes its
// buckets in it.
type Graph struct {
	tx   *bolt.Tx
	c    Codec
	root parent // where Put writes the buckets: tx, or the staging bucket (stage.go)
}

// parent is what the graph's buckets hang from: the store's root (a
// *bolt.Tx) or the staging bucket a rebuild in batches writes (a
// *bolt.Bucket).
type parent interface {
	Bucket(name []byte) *bolt.Bucket
}

// Of is the graph in tx, its refs values read and written with c.
func Of(tx *bolt.Tx, c Codec) Graph { return Graph{tx: tx, c: c, root: tx} }

// Reset drops the graph buckets and creates them empty (a rebuild).
func Reset(tx *bolt.Tx) error {
	for _, b := range graphBucketNames {
		if tx.Bucket(b) != nil {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
		}
	}
	return graphBuckets(tx)
}

// graphBuckets creates the graph buckets.
func graphBuckets(tx *bolt.Tx) error {
	for _, b := range graphBucketNames {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return err
		}
	}
	return nil
}

// Current reports whether the graph of tx was built with this Version and
// keeps the group counts (a graph of version 6 built by a binary between
// its two changes has none).
func Current(tx *bolt.Tx) bool {
	return string(tx.Bucket(bucketMeta).Get([]byte("graph"))) == strconv.Itoa(Version) && tx.Bucket(bucketRelCount) != nil
}

// Stamp records in the store's meta bucket that the graph was built with
// this Version.
func Stamp(tx *bolt.Tx) error {
	return tx.Bucket(bucketMeta).Put([]byte("graph"), []byte(strconv.Itoa(Version)))
}

// RefsBucket is the bucket of the refs values, for the store's upkeep of
// its pages and dictionaries.
func RefsBucket(tx *bolt.Tx) *bolt.Bucket { return tx.Bucket(bucketRefs) }
