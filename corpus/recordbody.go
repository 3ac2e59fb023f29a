package corpus

import (
	"bytes"
	"strings"
)

// Reading a record's body alone (Store.Bodies: the texts a quoted phrase
// is verified on, the proximity rerank and an abbreviation's rerank read).
// encoding/json validates the whole record and decodes every field; the
// body is the only one wanted, so jsonBody walks the record's top-level
// object, skipping the other values, and unquotes the summary and body
// only. On 3,000 scale documents that took the JSON share of a phrase
// candidate's verification from ~35 % to ~10 % (docs/log/i21-edges.md).
//
// It is exact or it declines: a record whose JSON it does not read the
// way encoding/json would (a key spelt in another case, a value of
// another type, invalid UTF-8, any syntax it does not expect; jsonscan.go
// reads it) makes it report false, and the caller decodes the record in
// full, so the body and the syntax errors are those of json.Unmarshal
// (FuzzRecordBody compares the two). One difference is left: a
// well-formed record with a field of another type ("seq":"x", which no
// writer of the store makes, and a damaged frame fails its checksum
// first) reads its body here where the full decode fails.

// jsonBody returns Document.FullBody of a record's JSON, or false.
func jsonBody(raw []byte) (string, bool) {
	p := jsonScan{b: raw}
	var body, summary string
	if !p.object(func(key []byte) bool {
		var ok bool
		switch {
		case string(key) == "body":
			body, ok = p.str()
		case string(key) == "summary":
			summary, ok = p.str()
		case bytes.EqualFold(key, []byte("body")) || bytes.EqualFold(key, []byte("summary")):
			return false // encoding/json matches keys without case
		default:
			ok = p.skip(0)
		}
		return ok
	}) || !p.end() {
		return "", false
	}
	if summary != "" && !strings.Contains(body, summary) {
		return summary + "\n" + body, true
	}
	return body, true
}
