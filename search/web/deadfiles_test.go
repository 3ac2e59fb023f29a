package web

import (
	"testing"
	"time"
)

// TestDeadNote: what the document page says of a dead attachment, from
// its record: the status and the date of its first miss (UTC, as the
// crawler records it); a damaged record (no status, no date) still says
// the file is dead.
func TestDeadNote(t *testing.T) {
	for _, c := range []struct {
		d    DeadAttachment
		want string
	}{
		{DeadAttachment{Status: 404, Since: time.Date(2026, 12, 6, 2, 0, 0, 0, time.UTC)}, "Tệp đính kèm không còn truy cập được (404) từ 06/12/2026"},
		{DeadAttachment{Status: 410, Since: time.Date(2025, 1, 31, 23, 30, 0, 0, time.UTC)}, "Tệp đính kèm không còn truy cập được (410) từ 31/01/2025"},
		// a time in another zone is told by its UTC date, as status does
		{DeadAttachment{Status: 404, Since: time.Date(2026, 3, 1, 5, 0, 0, 0, time.FixedZone("ICT", 7*3600))}, "Tệp đính kèm không còn truy cập được (404) từ 28/02/2026"},
		{DeadAttachment{}, "Tệp đính kèm không còn truy cập được"},
	} {
		if got := deadNote(c.d); got != c.want {
			t.Errorf("deadNote(%+v) = %q; want %q", c.d, got, c.want)
		}
	}
}
