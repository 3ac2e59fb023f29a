package link

// refersOwnArticle reports whether text refers to its own article.
func refersOwnArticle(text string) bool {
	return false
}
