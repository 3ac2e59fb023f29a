//go:build race

package outline

// raceEnabled: the race detector is on (its instrumentation allocates).
const raceEnabled = true
