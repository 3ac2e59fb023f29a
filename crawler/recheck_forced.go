//go:build vanban_recheck_every_night

package crawler

// forcedRecheck is true under the build tag vanban_recheck_every_night:
// the weekly recheck (hubrecheck.go) asks every such page every night, so
// that `go test -tags vanban_recheck_every_night ./crawler/` shows at once
// what a rule too broad breaks on one night in seven (a trap, a pager).
const forcedRecheck = true
