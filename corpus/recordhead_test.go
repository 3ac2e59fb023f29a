package corpus

import (
	"encoding/json"
	"testing"
)

// headDocs are bodyDocs with every head field set, in Vietnamese.
func headDocs() []*Document {
	docs := append([]*Document{}, bodyDocs...)
	docs = append(docs, &Document{ID: "f", URL: "https://tinh.gov.vn/van-ban/45?a=1&b=\"2\"", Site: "tinh", Title: "Kế hoạch số 45/KH-UBND <thực hiện>",
		Published: "2024-05-10", Category: "Chỉ đạo - Điều hành", Type: "Kế hoạch", Number: "45/KH-UBND", Issuer: "Ủy ban nhân dân tỉnh",
		Hash: "ee5e620a86f6e8d2", Seq: 999999999999999999, Body: "Điều 1. Giao Sở Nội vụ chủ trì."})
	return docs
}

func TestJSONHead(t *testing.T) {
	for _, d := range headDocs() {
		raw, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var want head
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		if got, ok := jsonHead(raw); !ok || got != want {
			t.Errorf("%s: jsonHead = %+v, %v; want %+v", d.ID, got, ok, want)
		}
	}
	// What it declines: the full decode reads (or refuses) these.
	for name, raw := range map[string]string{
		"key case":           `{"Title":"x"}`,
		"key folded":         `{"ſeq":1}`,
		"escaped key":        `{"\u0074itle":"x"}`,
		"invalid UTF-8":      "{\"title\":\"a\xffb\"}",
		"number title":       `{"title":12}`,
		"null title":         `{"title":null}`,
		"null gone":          `{"gone":null}`,
		"seq fraction":       `{"seq":1.5}`,
		"seq exponent":       `{"seq":1e3}`,
		"seq negative":       `{"seq":-1}`,
		"seq leading zero":   `{"seq":01}`,
		"seq beyond 64 bits": `{"seq":18446744073709551616}`,
		"seq of 19 digits":   `{"seq":1000000000000000000}`,
		"trailing text":      `{"title":"x"} x`,
		"not an object":      `["title"]`,
	} {
		if got, ok := jsonHead([]byte(raw)); ok {
			t.Errorf("%s: jsonHead(%s) = %+v, want it declined", name, raw, got)
		}
	}
	// A surrogate pair, read as encoding/json reads it (jsonscan.go).
	if got, ok := jsonHead([]byte(`{"title":"\ud83d\ude00"}`)); !ok || got.Title != "😀" {
		t.Errorf("surrogate pair: jsonHead = %+v, %v; want the title 😀", got, ok)
	}
	// What it reads past: fields of any type outside the head.
	raw := `{"body":12,"summary":null,"attachments":[{"x":[1,"\ud83d\ude00"]}],"title":"Số 7","seq":0,"gone":false}`
	if got, ok := jsonHead([]byte(raw)); !ok || got != (head{Title: "Số 7"}) {
		t.Errorf("jsonHead(%s) = %+v, %v", raw, got, ok)
	}
}

// FuzzRecordHead: where jsonHead reads a record, encoding/json reads the
// same head from it without an error.
//
//	go test ./corpus -run '^$' -fuzz FuzzRecordHead -fuzztime 60s
func FuzzRecordHead(f *testing.F) {
	for _, d := range headDocs() {
		raw, _ := json.Marshal(d)
		f.Add(raw)
	}
	f.Add([]byte(`{"title":"\u00e9\/\b\f","seq":7,"gone":true,"x":{"a":[1,2,{"b":"\""}]}}`))
	f.Add([]byte(`{"SEQ":1,"seq":2}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		got, ok := jsonHead(raw)
		if !ok {
			return
		}
		var want head
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatalf("jsonHead read %+v where json.Unmarshal fails: %v", got, err)
		}
		if got != want {
			t.Fatalf("jsonHead %+v, json.Unmarshal %+v", got, want)
		}
	})
}
