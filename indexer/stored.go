package indexer

// Stored is the value of a stored text field among a hit's fields (a
// bleve search result's Fields): the first value of a field stored
// several times, "" when absent.
func Stored(fields map[string]any, name string) string {
	switch v := fields[name].(type) {
	case string:
		return v
	case []any:
		if len(v) > 0 {
			s, _ := v[0].(string)
			return s
		}
	}
	return ""
}
