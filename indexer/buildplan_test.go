package indexer

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// TestPlanBuild: the workers and batches a heap budget gives.
func TestPlanBuild(t *testing.T) {
	procs := runtime.GOMAXPROCS(0)
	perWorker := int64(minBatchText * buildHeapPerTextByte) // the budget of one worker's least batch
	for _, c := range []struct {
		name string
		opts BuildOptions
		want buildPlan
	}{
		{"workers given", BuildOptions{Workers: 2, HeapBytes: 4 * perWorker}, buildPlan{2, max(procs/2, 1), BuildBatchDocs, 2 * minBatchText}},
		{"batch given", BuildOptions{Workers: 1, BatchDocs: 20, HeapBytes: perWorker}, buildPlan{1, procs, 20, minBatchText}},
		{"one worker when the budget holds one batch", BuildOptions{HeapBytes: perWorker}, buildPlan{1, procs, BuildBatchDocs, minBatchText}},
		{"one worker, a smaller batch", BuildOptions{HeapBytes: perWorker / 2}, buildPlan{1, procs, BuildBatchDocs, minBatchText / 2}},
		{"a tiny budget", BuildOptions{Workers: 3, HeapBytes: 100}, buildPlan{3, max(procs/3, 1), BuildBatchDocs, 1}},
	} {
		if got := planBuild(c.opts); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
	// every core when the budget holds a batch for each
	if got := planBuild(BuildOptions{HeapBytes: int64(procs) * perWorker}); got.workers != procs || got.batchText != minBatchText || got.analyzers != 1 {
		t.Errorf("a budget of %d batches on %d cores: %+v", procs, procs, got)
	}
	// no budget given: three quarters of the soft memory limit
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(4 * perWorker))
	if got := planBuild(BuildOptions{Workers: 1}); got.batchText != 3*minBatchText {
		t.Errorf("three quarters of a limit of four batches: %+v", got)
	}
}

// TestDefaultBuildHeap: an eighth of the machine, within 192 MB and 1 GB.
func TestDefaultBuildHeap(t *testing.T) {
	for _, c := range []struct {
		total uint64
		want  int64
	}{
		{0, 192 << 20},
		{1 << 30, 192 << 20},
		{4 << 30, 512 << 20},
		{24 << 30, 1 << 30},
	} {
		if got := defaultBuildHeap(c.total); got != c.want {
			t.Errorf("machine of %d bytes: %d, want %d", c.total, got, c.want)
		}
	}
	if totalMemory() == 0 && runtime.GOOS == "linux" {
		t.Error("totalMemory: 0 on Linux")
	}
}
