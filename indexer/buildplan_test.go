package indexer

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// TestPlanBuild: the workers and batches a heap budget gives.
func TestPlanBuild(t *testing.T) {
	procs := runtime.GOMAXPROCS(0)
	for _, c := range []struct {
		name string
		opts BuildOptions
		want buildPlan
	}{
		{"workers given", BuildOptions{Workers: 2, HeapBytes: 120 << 20}, buildPlan{2, BuildBatchDocs, 1 << 20}},
		{"batch given", BuildOptions{Workers: 1, BatchDocs: 20, HeapBytes: 60 << 20}, buildPlan{1, 20, 1 << 20}},
		{"one worker when the budget holds one batch", BuildOptions{HeapBytes: minBatchText * buildHeapPerTextByte}, buildPlan{1, BuildBatchDocs, minBatchText}},
		{"a tiny budget", BuildOptions{Workers: 3, HeapBytes: 100}, buildPlan{3, BuildBatchDocs, 1}},
	} {
		if got := planBuild(c.opts); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
	// every core when the budget holds a batch for each
	big := int64(procs) * minBatchText * buildHeapPerTextByte
	if got := planBuild(BuildOptions{HeapBytes: big}); got.workers != procs || got.batchText != minBatchText {
		t.Errorf("budget %d on %d cores: %+v", big, procs, got)
	}
	// no budget given: half the soft memory limit
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(2 * minBatchText * buildHeapPerTextByte))
	if got := planBuild(BuildOptions{Workers: 1}); got.batchText != minBatchText {
		t.Errorf("half a limit of two batches: %+v", got)
	}
}
