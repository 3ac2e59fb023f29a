package corpus

import "testing"

// TestParseCrafted: inputs made to find where the direct parsers and
// encoding/json part — keys differing in case (which encoding/json
// matches case-insensitively), duplicate keys (it takes the last, and
// merges a repeated object), null, numbers in strings and past uint64,
// surrogate escapes paired, lone, reversed and doubled, invalid UTF-8
// (which it replaces by U+FFFD), a BOM, white space JSON does not allow,
// trailing garbage: each either goes to encoding/json (fast false) or is
// read as it reads it (sameAsJSON, sameDocAsJSON).
func TestParseCrafted(t *testing.T) {
	for _, tc := range []struct {
		s    string
		fast bool // taken by both parsers
	}{
		{`{"title":"a","Title":"b"}`, false},
		{`{"TITLE":"b","title":"a"}`, false},
		{`{"tItle":"b"}`, false},
		{`{"title":"a","title":"b"}`, true},
		{`{"title":"a","title":null}`, false},
		{`{"title":null}`, false},
		{`{"title":5}`, false},
		{`{"title":"\ud83d\ude00 \ud800\ud800\udc00 \udc00\ud800 \ud800\u0041 \udfff"}`, true},
		{`{"title":"\ud800\u00"}`, false},
		{`{"title":"\u0000\u001f\u007f\u2028"}`, true},
		{"{\"title\":\"\x7f\"}", true},
		{"{\"title\":\"a\xffb\"}", false},
		{"{\"title\":\"\xed\xa0\x80\"}", false},
		{"{\"title\":\"\xef\xbf\xbd\"}", true},
		{"{\"title\":\"a\tb\"}", false},
		{"\xef\xbb\xbf{\"title\":\"a\"}", false},
		{"{\"title\":\"a\"}\xc2\xa0", false},
		{"{\"title\":\"a\"}\f", false},
		{"\r\n\t {\"title\" :\r\"a\"\n}\t\r\n", true},
		{`{"title":"a"}x`, false},
		{`{"title":"a"}{}`, false},
		{`{"title":"a",}`, false},
		{`{"title":"a" "id":"b"}`, false},
		{`{"ti\u0074le":"a"}`, false},
		{`{"x":{"title":"a"}}`, false},
		{`null`, false},
		{`{}`, true},
		{`{"title":"\/\b\f\n\r\t\"\\"}`, true},
		{`{"title":"\x"}`, false},
		{`{"title":"a\`, false},
	} {
		if got := sameAsJSON(t, []byte(tc.s)); got != tc.fast {
			t.Errorf("parseRecord takes %q: %v, want %v", tc.s, got, tc.fast)
		}
		if got := sameDocAsJSON(t, []byte(tc.s), Document{ID: "old", Seq: 3}); got != tc.fast {
			t.Errorf("parseDocument takes %q: %v, want %v", tc.s, got, tc.fast)
		}
	}
	for _, tc := range []struct {
		s    string
		fast bool
	}{
		{`{"metadata":{"law":"a"},"metadata":{"article":"b"}}`, true},
		{`{"metadata":{"law":"a"},"metadata":null}`, false},
		{`{"metadata":{"Law":"a"}}`, false},
		{`{"metadata":{"law":"a","x":1}}`, false},
		{`{"_id":"a","_ID":"b"}`, false},
	} {
		if got := sameAsJSON(t, []byte(tc.s)); got != tc.fast {
			t.Errorf("parseRecord takes %q: %v, want %v", tc.s, got, tc.fast)
		}
	}
	for _, tc := range []struct {
		s    string
		fast bool
	}{
		{`{"seq":999999999999999999}`, true},
		{`{"seq":18446744073709551615}`, false},
		{`{"seq":18446744073709551616}`, false},
		{`{"seq":"5"}`, false},
		{`{"seq":5.0}`, false},
		{`{"seq":5e0}`, false},
		{`{"seq":-0}`, false},
		{`{"seq":00}`, false},
		{`{"seq":0 , "seq":7}`, true},
		{`{"truncated":9223372036854775807}`, false},
		{`{"gone":true,"gone":false}`, true},
		{`{"gone":null}`, false},
		{`{"gone":True}`, false},
		{`{"gone":truex}`, false},
		{`{"Seq":5}`, false},
		{`{"fetched_at":"2024-01-02T03:04:05Z"}`, false},
		{`{"file":{"name":"a"}}`, false},
	} {
		if got := sameDocAsJSON(t, []byte(tc.s), Document{ID: "old", Seq: 3, Gone: true}); got != tc.fast {
			t.Errorf("parseDocument takes %q: %v, want %v", tc.s, got, tc.fast)
		}
	}
}
