package extract

// ParseDate reads a date written in any of the forms the extractor
// accepts (see date.go: ISO 8601 with or without a time, "ngày 23 tháng 11
// năm 2022", 23/11/2022 and its dotted and dashed spellings) and returns
// it as YYYY-MM-DD, or "" when s holds none. A numeric date that reads two
// ways (05/06/2024) is read in order; with OrderUnknown it stays "".
// It is how a bulk import reads "published" values that are not
// YYYY-MM-DD.
func ParseDate(s string, order DateOrder) string { return parseDate(s, order) }
