package link

// The weights of linking (Params) and the values chosen on the
// development sets (DefaultParams).

// Params are the weights of the linking score; DefaultParams
// holds the values chosen on ../shared/data/plans (eval links). Each is
// described where it is used; docs/log/design-citation-graph.md has the figures and the
// leave-one-pair-out check (TestLinksLOPO).
type Params struct {
	// TargetWeights are the weights a parent's passages are built into
	// targets with: the one owner of what the targets depend on.
	TargetWeights
	QueryContext  float64 // weight of an item's headings and section title in its query
	AgencyContext float64 // … of a heading that only names its agency ("1. Sở Y tế:")
	ActorBoost    float64 // an item and passage addressed to the same agency score 1+ActorBoost times more
	ActionBoost   float64 // the cosine of their action vectors adds up to ActionBoost
	GoalWeight    float64 // a goal passage's score weighs GoalWeight
	NoneShare     float64 // an item whose NoneMeasure is under NoneShare implements nothing specific
	AlsoShare     float64 // further links score at least AlsoShare of the best
	NovelShare    float64 // … with words the earlier ones lack worth NovelShare of it
	MaxMatches    int
	// With a background (linkbg.go): the weight of the terms it associates
	// with an item's syllable pairs (× their strength, at least
	// RelatedMin), and the power of its idf each term's weight is
	// multiplied by. Both 0 by default.
	RelatedWeight float64
	RelatedMin    float64
	BackgroundIDF float64
	// MatchDecay (0: off): a passage's term matches, strongest first, count
	// MatchDecay^rank of their score (linkdecay.go). It ranks only; further
	// links are judged by the undecayed score.
	MatchDecay float64
	// ParentPrior (0: off): the passages of a parent that another of the
	// plan's parents cites weigh 1−ParentPrior (linkparent.go).
	ParentPrior float64
	// NoneMeasure is the measure NoneShare cuts (linknone.go).
	NoneMeasure NoneMeasure
	// ActorIDF (0: off): the share of the actor boost that depends on how
	// few of the passages the item may link to the shared agency is
	// addressed in (linkactor.go).
	ActorIDF float64
	// ActorSmooth: passages naming no agency added to the count of the
	// actor weight's idf (linkactor.go), so that it moves smoothly with the
	// number of passages; 0: the count as it is (a parent of one passage
	// gives the whole boost, two both naming the agency none).
	ActorSmooth float64
	// OwnText (0: off; 0.5 by default): an item heading others (a group heading with a
	// task of its own) is queried with its own words at 1 and the items
	// under it at 1−OwnText (linkowntext.go).
	OwnText float64
	// RefBoost (0: off): the passages under a provision of its parent an
	// item cites by number ("khoản 1 Điều 38 Nghị định số …") weigh
	// RefBoost (linkref.go).
	RefBoost float64
	// RerankK (0: off): the linker's top RerankK candidates of each item
	// are ordered again by the learned linear scorer Rerank (linkltr.go).
	RerankK int
	Rerank  LTRWeights
	// AlignBoost (0: off): a passage whose section title holds the terms
	// of the item's section title (their idf share h) ranks as if it scored
	// 1+AlignBoost·h times more (linkalign.go). It ranks only: the
	// "implements nothing" decision and the further links' thresholds
	// read the candidate first without it, by its score without it.
	AlignBoost float64
	// CitedTitle (0: off, the default): the words of the title of a
	// document an item cites ("… của Bộ Chính trị về đột phá phát triển
	// khoa học …", cite.Titles) weigh 1−CitedTitle in its query and self
	// score (linkcited.go). Measured and not kept (docs/log/i21-cited.md): 0.25 gains one item of set 4 and loses the
	// leave-one-pair-out check.
	CitedTitle float64
	// ContextWords (0: off; 20 by default): an item above the one queried
	// (a lead-in, a parent item) counts at most ContextWords words in its
	// query; a longer one's terms weigh QueryContext·ContextWords/words
	// (linkcontext.go). The section's title keeps QueryContext.
	ContextWords float64
	// Progress (0: off): an item reporting on the progress of a whole
	// document ("Báo cáo tình hình triển khai thực hiện Nghị quyết số …")
	// is offered, never ranked (linkprogress.go reportsOnWhole).
	Progress float64
	// Leaders (0: off): … and so is an item assigning a deputy leader of
	// the issuer ("Giao Phó Thủ tướng …", assignsLeader).
	Leaders float64
	// Scope (0: off): in a legal text whose scope details only texts
	// other than its parents, an item citing no parent is offered, never
	// ranked (linkscope.go scopedElsewhere).
	Scope float64
	// Difficulties (0: off): … and so is an item asking that difficulties
	// met in carrying out be reported ("Trong quá trình thực hiện, nếu có
	// khó khăn, vướng mắc, … phản ánh về Bộ …", outline.ReportsDifficulties).
	Difficulties float64
	// OwnPlan (0: off): … and so is an item asking the units to draw up
	// their own plan for carrying out the tasks as a whole ("xây dựng kế
	// hoạch triển khai thực hiện phù hợp với …", linkownplan.go).
	OwnPlan float64
	// OwnAgency (0: off): a passage addressed to the item's own agency is
	// never a further link, only the first (linkfurther.go).
	OwnAgency float64
	// OwnArticle (0: off): in a legal text, an item building on another
	// provision of its own article ("… quy định tại khoản 1 Điều này")
	// that cites no parent gets no link unless its best passage does the
	// same (linkownarticle.go).
	OwnArticle float64
	// OwnExec (0: off): an item organising the plan's own carrying out —
	// its emulation drive and the criteria under it, its reporting regime —
	// gets no link unless its best passage asks for the same
	// (linkownexec.go).
	OwnExec float64
}

// TargetWeights are the weights of Params read while a parent's passages
// are built into targets (newParentTargets reads these and no other, as
// it is given no other): the parents' cache (Cache) keeps a parent's
// targets for the TargetWeights they were built with and builds them again
// for any other, so a weight read there is declared here, and a sweep of
// it (TestLinksSweep) measures what it says. The rest of Params is read
// per plan and item.
type TargetWeights struct {
	PassageContext float64 // weight of a passage's headings in its terms
	// Closing (0: off): closing provisions — an item's or a passage's
	// statement of its document's effect or of the end of another's — are
	// neither linked nor linked to (corpus/outline closing.go).
	Closing float64
}

func DefaultParams() Params {
	return Params{
		TargetWeights: TargetWeights{PassageContext: 0.5, Closing: 1},
		QueryContext:  1.0,
		AgencyContext: 0,
		ActorBoost:    0.5,
		ActionBoost:   0.3,
		GoalWeight:    0.8,
		NoneShare:     0.165,
		AlsoShare:     0.6,
		NovelShare:    0.25,
		MaxMatches:    2,
		RelatedMin:    0.3,
		MatchDecay:    0.98,
		ParentPrior:   0.3,
		NoneMeasure:   noneRaw,
		ActorIDF:      1,
		RefBoost:      3,
		AlignBoost:    0.5,
		OwnText:       0.5,
		ContextWords:  20,
		Progress:      1,
		Leaders:       1,
		Scope:         1,
		Difficulties:  1,
		OwnPlan:       1,
		OwnAgency:     1,
		OwnArticle:    1,
		OwnExec:       1,
	}
}
