//go:build !race

package outline

// raceEnabled: the race detector is off.
const raceEnabled = false
