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

// TestDefaultMemLimit: 256 MB per core while the machine has 2 GB per
// core, at most eight; one worker's 256 MB on a small or unknown machine.
func TestDefaultMemLimit(t *testing.T) {
	const mb, gb = 1 << 20, 1 << 30
	for _, c := range []struct {
		procs int
		mem   uint64
		want  int64
	}{
		{1, 64 * gb, 256 * mb},
		{2, 0, 256 * mb},
		{2, 3 * gb, 256 * mb},
		{2, 4 * gb, 512 * mb},
		{2, 24 * gb, 512 * mb},
		{4, 6 * gb, 768 * mb},
		{16, 64 * gb, 2048 * mb},
		{0, 8 * gb, 256 * mb},
	} {
		if got := defaultMemLimit(c.procs, c.mem); got != c.want {
			t.Errorf("%d cores, %d bytes: %d MB, want %d", c.procs, c.mem, got/mb, c.want/mb)
		}
	}
	// what the limit gives the build: a worker per 256 MB
	for workers := int64(1); workers <= 4; workers++ {
		if got := planBuild(BuildOptions{HeapBytes: workers * workerMemLimit / 4 * buildHeapShare}); got.workers != int(min(workers, int64(runtime.GOMAXPROCS(0)))) {
			t.Errorf("a limit of %d MB: %d workers, want %d", workers*256, got.workers, workers)
		}
	}
}

// TestParseCgroupLimit: a number is the limit; "max" (v2) and v1's
// "unlimited" (a page-rounded 2⁶³) are none.
func TestParseCgroupLimit(t *testing.T) {
	for in, want := range map[string]uint64{
		"max\n":                  0,
		"9223372036854771712\n":  0,
		"4294967296\n":           4 << 30,
		"":                       0,
		"536870912":              512 << 20,
		"not a number 536870912": 0,
	} {
		if got := parseCgroupLimit(in); got != want {
			t.Errorf("%q: %d, want %d", in, got, want)
		}
	}
}
