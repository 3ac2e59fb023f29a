package tasktable

import (
	"github.com/vanban/vanban/corpus/internal/taskdocs"
	"github.com/vanban/vanban/corpus/link"
)

// The resolution and the plan of the task tests (corpus/internal/taskdocs),
// as the table reads them.
func resolutionDoc() *testDoc {
	return &testDoc{plan: planOf(taskdocs.Resolution()), plain: true}
}

func planDoc() *testDoc {
	return &testDoc{plan: planOf(taskdocs.Plan()), parents: []string{"nq"}}
}

func planOf(d taskdocs.Doc) Plan {
	return Plan{Doc: link.Doc{ID: d.ID, Type: d.Type, Number: d.Number, Title: d.Title, Body: d.Body},
		Site: d.Site, Published: d.Published, URL: d.URL}
}
