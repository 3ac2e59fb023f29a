package corpus

// parseRecord decodes line into r as json.Unmarshal does, for the lines a
// BEIR corpus is made of: one object whose keys are Record's, spelled as
// its tags, with string values (and "metadata", an object of PartMeta's
// keys and string values). It returns false, with r partly written, for
// any other line — another key or spelling, a number, null, a nested
// value elsewhere, an escaped key, a string with a control character or
// invalid UTF-8, anything not JSON — which the caller then decodes with
// json.Unmarshal, so every line decodes as encoding/json decodes it
// (FuzzParseRecord; the scanner is jsonscan.go's). A bulk ingest spent 6 % of its CPU in
// json.Unmarshal, which validates a line, then scans it again to decode
// it, through reflection (docs/log/i21-cpu.md).
func parseRecord(line []byte, r *Record) bool {
	p := jsonScan{b: line}
	if !p.object(func(key []byte) bool {
		if string(key) == "metadata" {
			return p.meta(&r.Metadata)
		}
		f := r.field(key)
		if f == nil {
			return false
		}
		var ok bool
		*f, ok = p.str()
		return ok
	}) {
		return false
	}
	return p.end()
}

// parseDocument decodes a record's JSON into d as json.Unmarshal does,
// for the records the store writes for most documents: an object of
// Document's keys whose values are strings, the sequence and the
// truncated size plain non-negative integers, the flags true or false.
// It returns false, with d partly written, for anything else (a
// fetched_at time, attachments, a file, another key or spelling, null, a
// number that is not plain digits), which the caller then decodes with
// json.Unmarshal (FuzzParseDocument). Reading the records back for the
// index build spent 2 % of a bulk ingest's CPU in json.Unmarshal.
func parseDocument(raw []byte, d *Document) bool {
	p := jsonScan{b: raw}
	if !p.object(func(key []byte) bool {
		if f := d.field(key); f != nil {
			var ok bool
			*f, ok = p.str()
			return ok
		}
		switch string(key) {
		case "seq":
			n, ok := p.uint()
			d.Seq = n
			return ok
		case "truncated":
			n, ok := p.uint()
			d.Truncated = int(n)
			return ok
		case "gone":
			return p.bool(&d.Gone)
		case "date_ambiguous":
			return p.bool(&d.DateAmbiguous)
		}
		return false
	}) {
		return false
	}
	return p.end()
}

// field is the string field of d whose tag is key, nil for none.
func (d *Document) field(key []byte) *string {
	switch string(key) {
	case "id":
		return &d.ID
	case "url":
		return &d.URL
	case "site":
		return &d.Site
	case "title":
		return &d.Title
	case "published":
		return &d.Published
	case "summary":
		return &d.Summary
	case "body":
		return &d.Body
	case "category":
		return &d.Category
	case "type":
		return &d.Type
	case "number":
		return &d.Number
	case "issuer":
		return &d.Issuer
	case "part_of":
		return &d.PartOf
	case "hash":
		return &d.Hash
	case "parent":
		return &d.Parent
	}
	return nil
}

// field is the string field of r whose tag is key, nil for none.
func (r *Record) field(key []byte) *string {
	switch string(key) {
	case "_id":
		return &r.ID
	case "title":
		return &r.Title
	case "text":
		return &r.Text
	case "url":
		return &r.URL
	case "published":
		return &r.Published
	case "type":
		return &r.Type
	case "number":
		return &r.Number
	case "issuer":
		return &r.Issuer
	}
	return nil
}

// meta reads a metadata object into m, as Unmarshal does into the same
// struct (a key given twice: the last value).
func (p *jsonScan) meta(m *PartMeta) bool {
	return p.object(func(key []byte) bool {
		var f *string
		switch string(key) {
		case "law":
			f = &m.Law
		case "article":
			f = &m.Article
		default:
			return false
		}
		var ok bool
		*f, ok = p.str()
		return ok
	})
}
