package extract

import (
	"regexp"
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// A page's comment box — its heading ("Ý kiến bạn đọc", "Gửi ý kiến",
// "Danh sách bình luận", "Leave a Reply") and its form's labels ("Họ và
// tên (*)", "Email", "Nội dung", "Mã xác nhận") — is rendered inside the
// article's block on many portals (a DNN or Liferay module puts it under
// the text, one <form> wraps the whole page). The form's controls are
// invisible; their labels and the box's headings are not, and they are no
// text of the article.

// commentHeadingRE matches a comment box's heading, folded to lower case
// without marks, its count ("(3)", "3 bình luận") and trailing colon
// removed by commentKey.
var commentHeadingRE = regexp.MustCompile(`^(?:(?:gui |viet |danh sach |y kien )?binh luan(?: cua ban| ban doc)?` +
	`|(?:gui |viet )?y kien(?: cua ban| ban doc| cua ban doc)?|gop y(?: cua ban| ban doc)?|y kien ban doc` +
	`|(?:leave|post|add|write|submit) (?:a |your )?(?:reply|comment|response)|(?:reader )?comments|comment|responses` +
	`|join the (?:discussion|conversation)|what do you think|deixe (?:um|seu) comentario|comentarios` +
	`|laisser un commentaire|commentaires)$`)

// formLabelRE matches the label of a comment form's field or button,
// folded as commentHeadingRE: read only right under a comment heading.
var formLabelRE = regexp.MustCompile(`^(?:ho (?:va )?ten|ten(?: cua ban)?|email|e-mail|thu dien tu|dia chi(?: email| thu dien tu)?` +
	`|(?:so )?dien thoai|tieu de|noi dung|y kien|ma (?:xac nhan|bao ve|bao mat|an toan|kiem tra)|nhap ma(?: xac nhan| bao ve)?` +
	`|gui|nhap lai|huy|name|your name|your email|email address|website|comment|your comment|message|captcha` +
	`|post comment|submit|cancel reply)$`)

// maxCommentLine bounds the lines read as a comment box's heading or
// label (bytes).
const maxCommentLine = 60

// maxCommentWords bounds the words of a heading or label ("Gửi ý kiến của
// bạn đọc", with a count), as spaces: the cheap test before folding.
const maxCommentWords = 7

// commentCount matches a count beside a heading: "(12)", "12", "0 ".
var commentCount = regexp.MustCompile(`^\d+\s+|\s*\(\d+\)$|\s+\d+$`)

// requiredMark removes a form's required-field star.
var requiredMark = strings.NewReplacer("(*)", "", "*", "")

// commentKey folds l for the comment rules: lower case without marks,
// single spaces, no required-field star or trailing colon.
func commentKey(l string) string {
	if len(l) > maxCommentLine || strings.Count(l, " ") > maxCommentWords {
		return ""
	}
	k := viet.Fold(l) // lower case too
	if strings.ContainsRune(k, '*') {
		k = requiredMark.Replace(k)
	}
	if strings.Contains(k, "  ") || strings.ContainsAny(k, "\t\u00a0") {
		k = strings.Join(strings.Fields(k), " ")
	}
	return strings.TrimRight(strings.TrimSpace(k), ":.… ")
}

// commentHeading reports whether l heads a comment box, with its count
// or not.
func commentHeading(l string) bool {
	if len(l) > maxCommentLine || !containsAny(l, rawCommentWords...) {
		return false // the cheap tests, before folding
	}
	k := commentKey(l)
	if k == "" {
		return false
	}
	named := false // the cheap test before the patterns
	for _, w := range commentWords {
		if strings.Contains(k, w) {
			named = true
			break
		}
	}
	if !named {
		return false
	}
	return commentHeadingRE.MatchString(k) ||
		strings.ContainsAny(k, "0123456789") && commentHeadingRE.MatchString(commentCount.ReplaceAllString(k, ""))
}

// rawCommentWords: every commentHeadingRE heading holds one of them as
// written (NFC, in lower case, capitalised or in capitals).
var rawCommentWords = []string{"luận", "Luận", "LUẬN", "luan", "Luan", "LUAN", "kiến", "KIẾN", "kien", "KIEN",
	"góp", "Góp", "GÓP", "gop", "Gop", "GOP", "omment", "OMMENT", "eply", "EPLY", "espons", "ESPONS",
	"iscuss", "ISCUSS", "onversa", "ONVERSA", "hink", "HINK", "omentá", "OMENTÁ", "omenta", "OMENTA"}

// commentWords: every commentHeadingRE heading holds one of them.
var commentWords = []string{"binh luan", "y kien", "gop y", "repl", "comment", "respons", "discussion", "conversation", "think", "coment"}

// formLabel reports whether l is a comment form's label.
func formLabel(l string) bool {
	k := commentKey(l)
	return k != "" && formLabelRE.MatchString(k)
}
