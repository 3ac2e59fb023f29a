package extract

import (
	"regexp"
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// readingTimeRE matches a reading-time widget's line, folded to lower case
// without marks: "Thời gian đọc: 3 phút", "Reading time: 4 minutes",
// "5 min read", "Tempo de leitura: 1 minuto". A blog theme prints it over
// the post; it is no sentence of the post.
var readingTimeRE = regexp.MustCompile(`^(?:(?:estimated |uoc tinh )?(?:reading time|read time|thoi gian doc|tempo de leitura|tiempo de lectura|temps de lecture|lesezeit)\s*:?\s*(?:~|about |khoang )?\d+\s*(?:min|mins|minutes?|minutos?|minuten|phut)\.?|\d+\s*(?:min|mins|minutes?|phut)\s+(?:read|doc))$`)

// maxReadingTime bounds the line read as a reading time (bytes).
const maxReadingTime = 60

// readingTime reports whether l is a reading-time line.
func readingTime(l string) bool {
	if len(l) > maxReadingTime {
		return false
	}
	return readingTimeRE.MatchString(strings.Join(strings.Fields(strings.ToLower(viet.Fold(l))), " "))
}
