package indexer

import (
	"os"
	"runtime"
	"strconv"
	"strings"
)

// The default soft memory limit of the bulk commands (ingest, index), from
// what the machine has. A build runs as many segment workers as its heap
// budget holds batches (planBuild): one under 256 MB, two under 512 MB…
// So the default gives a worker per core while the machine's memory (the
// cgroup's limit when it has one, else the physical memory) holds
// memPerWorker for each, at most maxDefaultWorkers: a small machine (one
// core, or under 4 GB) stays at 256 MB and one worker, a two-core machine
// of 4 GB or more takes 512 MB and two (docs/log/i21-bulk.md).
// Lucene bounds its indexing buffer the same way, by RAM: a segment is
// flushed when the buffered documents take IndexWriterConfig's RAM buffer
// (16 MB by default; one writer per indexing thread), and Elasticsearch
// gives it 10 % of the node's heap (indices.memory.index_buffer_size, at
// least 48 MB), a heap the JVM sizes from the machine's memory.
const (
	workerMemLimit    = 256 << 20 // the soft limit one segment worker needs
	memPerWorker      = 2 << 30   // the machine's memory each worker asks for
	maxDefaultWorkers = 8
)

// DefaultMemLimit is the soft heap limit, in bytes, that a bulk command
// takes when none is given: workerMemLimit per segment worker the machine
// gives room to.
func DefaultMemLimit() int64 {
	return defaultMemLimit(runtime.GOMAXPROCS(0), machineMemory())
}

// defaultMemLimit is DefaultMemLimit on a machine of procs cores and mem
// bytes of memory (0: unknown, one worker).
func defaultMemLimit(procs int, mem uint64) int64 {
	workers := max(min(procs, maxDefaultWorkers), 1)
	for workers > 1 && mem/uint64(workers) < memPerWorker {
		workers--
	}
	return int64(workers) * workerMemLimit
}

// machineMemory is the memory the process may use: the smaller of the
// machine's and its cgroup's limit (0 when neither is known).
func machineMemory() uint64 {
	mem := totalMemory()
	if c := cgroupMemory(); c > 0 && (mem == 0 || c < mem) {
		mem = c
	}
	return mem
}

// cgroupMemory is the memory limit of the process's cgroup (v2's
// memory.max, v1's memory.limit_in_bytes), 0 when there is none.
func cgroupMemory() uint64 {
	for _, f := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		if b, err := os.ReadFile(f); err == nil {
			return parseCgroupLimit(string(b))
		}
	}
	return 0
}

// parseCgroupLimit reads a cgroup memory limit file's value: "max" (v2)
// or a huge number (v1's "no limit") is none, 0.
func parseCgroupLimit(s string) uint64 {
	n, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
	if err != nil || n >= 1<<60 {
		return 0
	}
	return n
}
