//go:build !race

package cite

// raceEnabled: the race detector is off.
const raceEnabled = false
