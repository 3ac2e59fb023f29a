package corpus

// Co-agencies as actors. A plan item names the agency in charge and often
// the ones it works with ("Sở Công Thương: … Phối hợp Bộ Chỉ huy Quân sự
// tỉnh, Công an tỉnh … tổ chức vận chuyển hàng đến các cụm dân cư bị chia
// cắt"); the parent may have addressed that very task to the partners'
// counterparts ("Bộ Quốc phòng, Bộ Công an … vận chuyển lương thực cứu
// trợ"), since a province shares out among its departments what the
// centre asked of several ministries. With PartnerBoost w, an item whose
// own agency does not meet a passage's but one of its co-agencies does gets
// w of the actor boost (weighed as the item's own agency would be, by how
// few passages name the partner: linkactor.go). Off by default: measured in
// docs/design.md, i17-miss3.

// partnersOf is the domain keys of the co-agencies of item i that are not
// among own: the row's co-agency column (Item.Partners), else the agencies
// named after "phối hợp (với)" in its text (partnersRest, where the tasks
// view reads them too).
func (o *Outline) partnersOf(i int, own []string) []string {
	it := &o.Items[i]
	text := it.Partners
	if text == "" {
		text = partnersRest(it.Text)
	}
	if text == "" {
		return nil
	}
	var out []string
	for _, k := range actors(text) {
		if !overlaps([]string{k}, own) {
			out = append(out, k)
		}
	}
	return out
}
