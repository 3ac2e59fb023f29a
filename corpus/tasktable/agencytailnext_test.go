package tasktable

import "testing"

// TestAgencyCellTailNext: after a Cục's or Vụ's lower-case tail the next
// agency is read by the rules the rest of the cell reads: after "và" a
// head written capitalised (outline.HeadFollows, the one rule listedTail
// reads), after a comma any head, as after any name ("Sở Y tế, các đơn vị
// liên quan"). Lines written for the test.
func TestAgencyCellTailNext(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Cục Hợp tác quốc tế và Vụ Pháp chế chủ trì rà soát các điều ước.", "Cục Hợp tác quốc tế, Vụ Pháp chế"},
		{"Cục Phát triển nông thôn tỉnh Yên Bái, Sở Tài chính phối hợp kiểm tra.", "Cục Phát triển nông thôn tỉnh Yên Bái, Sở Tài chính"},
		{"Cục Phát triển nông thôn tỉnh Yên Bái, các sở phối hợp kiểm tra.", "Cục Phát triển nông thôn tỉnh Yên Bái, các sở"},
		{"Sở Y tế, các đơn vị liên quan phối hợp kiểm tra.", "Sở Y tế, các đơn vị liên quan"},
		{"Cục Phát triển nông thôn tỉnh Yên Bái và các đơn vị liên quan phối hợp kiểm tra.", "Cục Phát triển nông thôn tỉnh Yên Bái"},
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}
