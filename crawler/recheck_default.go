//go:build !vanban_recheck_every_night

package crawler

// forcedRecheck is false: the weekly recheck of article pages that stored
// no document asks each on its night (hubrecheck.go).
const forcedRecheck = false
