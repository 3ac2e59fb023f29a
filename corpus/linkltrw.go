package corpus

// The re-ranker's weights (linkltr.go): not trained yet; RerankK is 0 by
// default, so they are unused.
var ltrDefault = ltrWeights{}

// ltrDefaultK is the number of candidates the trained weights re-rank.
const ltrDefaultK = 0
