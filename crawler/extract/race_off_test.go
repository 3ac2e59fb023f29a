//go:build !race

package extract

// raceEnabled: the race detector is off.
const raceEnabled = false
