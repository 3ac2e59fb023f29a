package corpus

import (
	"context"

	bolt "go.etcd.io/bbolt"
)

// Progress says how far a long pass over a store's records has come: an
// upgrade on a read-write open (Open's OpenOptions.Progress) or a salvage
// (Salvage's progress). Done counts the records the step has read; Total
// is how many it reads (0: not known).
type Progress struct {
	Step  string `json:"step"`
	Done  int    `json:"done"`
	Total int    `json:"total"`
}

// The steps Progress names.
const (
	StepImports      = "find retired imports"              // format 6 → 7 (urlids.go)
	StepGraph        = "rebuild citation graph"            // a graph of another graph.Version
	StepTouch        = "renumber live documents"           // after a graph rebuild (touchLive)
	StepTasks        = "mark tasks stale"                  // a task table of another version
	StepURLIDs       = "move tracking-URL documents"       // formats 1–5 → 6 (urlids.go)
	StepSalvageCopy  = "salvage: copy readable documents"  // Salvage's tolerant read and writes
	StepSalvageOrder = "salvage: renumber in stored order" // keepAsStored
)

// progressEvery is how many records a pass reads between two reports.
const progressEvery = 512

// pass is what a long pass over the records honours: ctx, checked at
// every record (a cancelled upgrade returns ctx's error and its
// transaction is rolled back: the batches an upgrade in batches committed
// before it stay, and the next read-write open goes on from them,
// upgradebatch.go), and report,
// told every progressEvery records and at the end of each step. A nil
// pass checks and reports nothing (tests calling a step alone).
type pass struct {
	ctx    context.Context
	report func(Progress)
	total  int // records in the docs bucket; -1: not counted yet
	step   string
	next   int // step's count at which it is reported next
}

func newPass(ctx context.Context, report func(Progress)) *pass {
	return &pass{ctx: ctx, report: report, total: -1}
}

// records is how many records the docs bucket of tx holds, counted once
// (a walk of its pages, not of the records) and only when reported.
func (p *pass) records(tx *bolt.Tx) int {
	if p == nil || p.report == nil {
		return 0
	}
	if p.total < 0 {
		p.total = tx.Bucket(bucketDocs).Stats().KeyN
	}
	return p.total
}

// at is called with the records done so far in step (of total): ctx's
// error when it has ended. It reports once done has gone progressEvery
// past the step's last report, however far apart the calls (a salvage's
// come a batch of 500 at a time).
func (p *pass) at(step string, done, total int) error {
	if p == nil {
		return nil
	}
	if step != p.step {
		p.step, p.next = step, progressEvery
	}
	if p.report != nil && done >= p.next {
		p.report(Progress{Step: step, Done: done, Total: total})
		p.next = done + progressEvery
	}
	return p.ctx.Err()
}

// end reports step finished after done records.
func (p *pass) end(step string, done, total int) {
	if p != nil && p.report != nil {
		p.report(Progress{Step: step, Done: done, Total: max(total, done)})
	}
}
