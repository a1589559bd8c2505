package calc

import "strconv"

// maf notes how the personal share counts toward the household's maximum à facturer
// (MàF): the yearly ceiling on personal shares, by household income bracket, with a lower
// social ceiling for preferential households. Supplements never count. The ceiling is
// shown when the year's MàF table is sourced: the bracket for the household income given
// (the MàF uses the net taxable income of two years before — three before 2019), or the
// range of ceilings.
func (res *Quote) maf() {
	ds, q := res.ds, res.Query
	if res.PersonalShare == nil || !res.PersonalShare.IsPositive() {
		return
	}
	var ceilings, uptos []*Param
	for i := 1; i <= 9; i++ {
		c := ds.param("maf.bracket."+strconv.Itoa(i)+".ceiling", q.Date)
		if c == nil {
			break
		}
		ceilings = append(ceilings, c)
		uptos = append(uptos, ds.param("maf.bracket."+strconv.Itoa(i)+".upto", q.Date))
	}
	if len(ceilings) == 0 {
		return
	}
	args := []string{"share", euros(*res.PersonalShare), "year", strconv.Itoa(q.Date.Year()), "low", ceilings[0].Value, "high", ceilings[len(ceilings)-1].Value}
	key, sources := "note.maf", ceilings[0].Sources
	if social := ds.param("maf.social", q.Date); q.Preferential && social != nil {
		key, sources, args = "note.maf-social", social.Sources, append(args, "ceiling", social.Value)
	} else if q.HouseholdIncome != nil {
		for i, c := range ceilings {
			up, ok := decimalOf(uptos[i])
			if uptos[i] == nil || ok && q.HouseholdIncome.LessThanOrEqual(up) {
				key, sources, args = "note.maf-income", c.Sources, append(args, "ceiling", c.Value, "income", euros(*q.HouseholdIncome))
				break
			}
		}
	}
	res.note(key, sources, args...)
}
