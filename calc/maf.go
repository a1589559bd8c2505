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
	var cs, us [9]*Param // the brackets' ceilings and income limits
	n := 0
	for ; n < len(cs); n++ {
		i := strconv.Itoa(n + 1)
		if cs[n] = ds.param("maf.bracket."+i+".ceiling", q.Date); cs[n] == nil {
			break
		}
		us[n] = ds.param("maf.bracket."+i+".upto", q.Date)
	}
	ceilings, uptos := cs[:n], us[:n]
	if len(ceilings) == 0 {
		return
	}
	args := make([]string, 0, 12)
	args = append(args, "share", euros(*res.PersonalShare), "year", strconv.Itoa(q.Date.Year()), "low", ceilings[0].Value, "high", ceilings[len(ceilings)-1].Value)
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
