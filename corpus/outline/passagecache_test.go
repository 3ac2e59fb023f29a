package outline

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/vanban/vanban/internal/shared"
)

// cacheBody is a district's plan for road safety at schools, written for
// these tests: three body tasks, then a Phụ lục assigning two of them in
// other words (rows 1 and 2, which Parse folds: markRestated) and one
// task of its own (row 3).
var cacheBody = strings.Join([]string{
	"I. MỤC TIÊU",
	"Giảm số vụ tai nạn giao thông liên quan đến học sinh trên địa bàn huyện.",
	"II. NHIỆM VỤ",
	"1. Lắp đặt biển báo, gờ giảm tốc và vạch sơn kẻ đường tại cổng các trường học nằm trên quốc lộ, tỉnh lộ.",
	"2. Phòng Giáo dục và Đào tạo tổ chức tập huấn kỹ năng đi xe đạp an toàn cho học sinh trung học cơ sở vào đầu mỗi năm học.",
	"3. Tăng cường tuần tra, xử lý vi phạm về tốc độ tại các tuyến đường quanh trường học vào giờ tan trường.",
	"PHỤ LỤC",
	"PHÂN CÔNG NHIỆM VỤ",
	"STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện",
	"1 | Lắp đặt biển báo, gờ giảm tốc, vạch sơn kẻ đường tại cổng các trường học trên quốc lộ, tỉnh lộ | Phòng Kinh tế, Hạ tầng và Đô thị | Công an huyện | Quý II/2027",
	"2 | Tuần tra, xử lý vi phạm về tốc độ trên các tuyến đường quanh trường học vào giờ tan trường | Công an huyện | Ủy ban nhân dân các xã | Thường xuyên",
	"3 | Xây dựng mô hình cổng trường an toàn giao thông tại mỗi xã | Ủy ban nhân dân các xã | Đoàn Thanh niên huyện | Năm 2027",
}, "\n")

// parseCached parses body and fails unless Parse kept its passages.
func parseCached(t *testing.T, body string) *Outline {
	t.Helper()
	o := Parse(body)
	if o.cache == nil {
		t.Fatalf("Parse kept no passages (no appendix task folded); items %v", itemIDs(o))
	}
	return o
}

// TestPassagesCacheFolds: the fixture is one Parse keeps passages for,
// and they fold rows 1 and 2 into the body tasks they restate.
func TestPassagesCacheFolds(t *testing.T) {
	o := parseCached(t, cacheBody)
	same := map[string]string{}
	for _, p := range o.Passages() {
		same[p.ID] = strings.Join(p.Same, ",")
	}
	if same["II.1"] != "PL.r1" || same["II.3"] != "PL.r2" {
		t.Errorf("Same: %v; want II.1 [PL.r1], II.3 [PL.r2]", same)
	}
}

// TestPassagesCachedEqualFresh: the passages Parse keeps are those
// computed afresh on the outline it returns (markRestated writes Repeats
// after computing them: Repeats must be no input), on the fixture and on
// every document of the development set.
func TestPassagesCachedEqualFresh(t *testing.T) {
	cachedEqualFresh(t, map[string]string{"fixture": cacheBody}, 1)
	t.Run("devset", func(t *testing.T) {
		bodies := map[string]string{}
		for _, d := range readPlans(t, shared.Path(t, "data", "plans")) {
			bodies[d.name] = d.body
		}
		cachedEqualFresh(t, bodies, 1) // 2530/QĐ-TTg's Phụ lục I
	})
}

// cachedEqualFresh checks the passages of each body, at least min of
// them kept by Parse.
func cachedEqualFresh(t *testing.T, bodies map[string]string, min int) {
	t.Helper()
	kept := 0
	for name, body := range bodies {
		o := Parse(body)
		if o.cache != nil {
			kept++
		}
		if got, want := o.Passages(), o.passages(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: cached passages differ from fresh ones", name)
		}
	}
	if kept < min {
		t.Errorf("%d of %d documents kept their passages, want at least %d: the test compared nothing cached", kept, len(bodies), min)
	}
}

// TestPassagesAfterWrite: a write to the outline after a first Passages
// call is never answered with the passages of before: each write below
// changes the passages, and Passages returns those of the outline as it
// now is.
func TestPassagesAfterWrite(t *testing.T) {
	item := func(o *Outline, id string) *Item {
		for i := range o.Items {
			if o.Items[i].ID == id {
				return &o.Items[i]
			}
		}
		t.Fatalf("no item %s in %v", id, itemIDs(o))
		return nil
	}
	section := func(o *Outline, id string) *Section {
		for i := range o.Sections {
			if o.Sections[i].ID == id {
				return &o.Sections[i]
			}
		}
		t.Fatalf("no section %s", id)
		return nil
	}
	for _, tc := range []struct {
		name  string
		write func(o *Outline)
	}{
		{"item text", func(o *Outline) {
			item(o, "II.2").Text = "Tổ chức cuộc thi tìm hiểu Luật Giao thông đường bộ cho học sinh."
		}},
		{"item agency", func(o *Outline) { item(o, "II.1").Agency = "Sở Xây dựng" }},
		{"item heading", func(o *Outline) { item(o, "II.2").Heading = true }},
		{"item quoted", func(o *Outline) { item(o, "PL.r3").Quoted = true }},
		{"item line", func(o *Outline) { item(o, "II.2").Line = 40 }},
		{"section title", func(o *Outline) { section(o, "II").Title = "NHIỆM VỤ TRỌNG TÂM" }},
		{"item kind", func(o *Outline) { item(o, "II.2").Kind = SectionBackground }},
		{"items cut", func(o *Outline) { o.Items = o.Items[:len(o.Items)-1] }},
		{"item appended", func(o *Outline) {
			it := *item(o, "II.2")
			it.ID, it.Text, it.Line = "II.4", "Sửa chữa hệ thống đèn tín hiệu tại các nút giao gần trường học.", 7
			o.Items = append(o.Items, it)
		}},
		{"items replaced", func(o *Outline) { o.Items = slices.Clone(o.Items[:2]) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := parseCached(t, cacheBody)
			before := o.Passages()
			tc.write(o)
			got := o.Passages()
			fresh := (&Outline{Sections: o.Sections, Items: o.Items}).Passages()
			if !reflect.DeepEqual(got, fresh) {
				t.Errorf("after the write Passages gives\n%+v\nwant (computed afresh)\n%+v", got, fresh)
			}
			if reflect.DeepEqual(before, fresh) {
				t.Errorf("the write changed no passage: the case tests nothing")
			}
		})
	}
}

// TestPassagesCopy: what a caller does to the passages it got does not
// reach the next caller's.
func TestPassagesCopy(t *testing.T) {
	o := parseCached(t, cacheBody)
	want := o.passages()
	ps := o.Passages()
	ps[0].Text = "đã sửa"
	for i := range ps {
		ps[i].Same = append(ps[i].Same, "X")
		ps[i].Actors = append(ps[i].Actors, "x")
		ps[i].Terms = append(ps[i].Terms, "x")
	}
	_ = append(ps, Passage{ID: "Y"})
	if got := o.Passages(); !reflect.DeepEqual(got, want) {
		t.Errorf("passages after a caller's writes to its copy:\n%+v\nwant\n%+v", got, want)
	}
}

// TestStateSumFields: a change to any field of a section or an item
// changes the state sum, so a field added to either type and not hashed
// by stateSum fails here (a write to it would leave the cache standing).
func TestStateSumFields(t *testing.T) {
	o := parseCached(t, cacheBody)
	seed := o.cache.seed
	base := o.stateSum(seed)
	if base != o.cache.sum {
		t.Fatal("the outline Parse returned is not in the state its passages were kept for")
	}
	check := func(typ string, v reflect.Value) {
		for k := 0; k < v.NumField(); k++ {
			f := v.Field(k)
			f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem() // unexported fields too
			old := reflect.New(f.Type()).Elem()
			old.Set(f)
			switch f.Kind() {
			case reflect.String:
				f.SetString(f.String() + "x")
			case reflect.Int:
				f.SetInt(f.Int() + 1)
			case reflect.Bool:
				f.SetBool(!f.Bool())
			default:
				t.Errorf("%s.%s: a %s field; teach stateSum and this test to hash it", typ, v.Type().Field(k).Name, f.Kind())
				continue
			}
			if o.stateSum(seed) == base {
				t.Errorf("%s.%s changed and the state sum did not: hash it in stateSum", typ, v.Type().Field(k).Name)
			}
			f.Set(old)
			if o.stateSum(seed) != base {
				t.Fatalf("%s.%s restored and the sum differs", typ, v.Type().Field(k).Name)
			}
		}
	}
	check("Section", reflect.ValueOf(&o.Sections[1]).Elem())
	check("Item", reflect.ValueOf(&o.Items[1]).Elem())
}

// TestPassagesConcurrent: readers of one outline (link.Cache shares a
// parent's between goroutines) never write the cache; `go test -race`
// fails here if Passages did.
func TestPassagesConcurrent(t *testing.T) {
	o := parseCached(t, cacheBody)
	want := o.passages()
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for range 4 {
		wg.Go(func() {
			if got := o.Passages(); !reflect.DeepEqual(got, want) {
				errs <- "a concurrent reader got other passages"
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
