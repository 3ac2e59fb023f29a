//go:build !unix

package app

func selfMaxRSS() int64 { return 0 }
