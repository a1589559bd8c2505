package calc

import (
	"strconv"
	"strings"
)

// A PatientCategory says which patients a published amount applies to, as the official
// fee codes name them ("avec régime préférentiel", "à partir du 75ème anniversaire avec
// DMG", "médecin stagiaire" …). It is a list of alternatives, any of which may match; each
// alternative constrains some dimensions and leaves the others open. The zero
// PatientCategory applies to every patient.
//
// Written form (feecodes.csv, data/README.md): alternatives separated by "|", conditions
// by ";", keys in this order: preferential, age, dmg, chronic, referred, conventioned,
// training. Yes/no keys take "yes" or "no"; age takes "A-B" (inclusive whole years) or
// "A-" (A and over). For example
//
//	preferential=yes;age=10-74;dmg=yes|preferential=yes;age=75-;dmg=no
type PatientCategory struct {
	Alternatives []Conditions
	text         string // the written form as read
}

// Conditions is one alternative of a [PatientCategory]: every dimension it sets must hold.
// A zero Tri leaves its dimension open; AgeTo 0 with AgeSet means no upper bound.
type Conditions struct {
	Preferential, DMG, Chronic, Referred, Conventioned, Training Tri
	AgeSet                                                       bool
	AgeFrom, AgeTo                                               int // AgeTo -1: no upper bound
}

// Tri is a yes/no condition that may be left open.
type Tri int8

// The values of a [Tri].
const (
	Open Tri = iota
	Yes
	No
)

func (t Tri) matches(b bool) bool { return t == Open || (t == Yes) == b }

// categoryKeys are the yes/no dimensions in their written order (age comes after
// preferential).
var categoryKeys = [...]string{"preferential", "dmg", "chronic", "referred", "conventioned", "training"}

func (c *Conditions) tri(key string) *Tri {
	switch key {
	case "preferential":
		return &c.Preferential
	case "dmg":
		return &c.DMG
	case "chronic":
		return &c.Chronic
	case "referred":
		return &c.Referred
	case "conventioned":
		return &c.Conventioned
	case "training":
		return &c.Training
	}
	return nil
}

// ParsePatientCategory reads the written form; "" is every patient.
func ParsePatientCategory(s string) (PatientCategory, error) {
	pc := PatientCategory{text: s}
	if s == "" {
		return pc, nil
	}
	for _, alt := range strings.Split(s, "|") {
		var c Conditions
		seen := ""
		for _, cond := range strings.Split(alt, ";") {
			key, val, ok := strings.Cut(cond, "=")
			if !ok || val == "" {
				return pc, errorString(strconv.Quote(cond) + " is not key=value")
			}
			if strings.Contains(seen, ","+key+",") {
				return pc, errorString(strconv.Quote(key) + " given twice in one alternative")
			}
			seen += "," + key + ","
			if key == "age" {
				from, to, ok := strings.Cut(val, "-")
				a, err1 := strconv.Atoi(from)
				b, err2 := -1, error(nil)
				if to != "" {
					b, err2 = strconv.Atoi(to)
				}
				if !ok || err1 != nil || err2 != nil || a < 0 || a > maxAge || (b >= 0 && b < a) {
					return pc, errorString("age " + strconv.Quote(val) + " is not A-B or A- (whole years)")
				}
				c.AgeSet, c.AgeFrom, c.AgeTo = true, a, b
				continue
			}
			t := c.tri(key)
			if t == nil {
				return pc, errorString(strconv.Quote(key) + " is not one of preferential, age, dmg, chronic, referred, conventioned, training")
			}
			switch val {
			case "yes":
				*t = Yes
			case "no":
				*t = No
			default:
				return pc, errorString(key + "=" + strconv.Quote(val) + ": must be yes or no")
			}
		}
		pc.Alternatives = append(pc.Alternatives, c)
	}
	return pc, nil
}

// Text returns the written form as read.
func (pc PatientCategory) Text() string { return pc.text }

// Canonical returns the written form with keys in their order. (Not String: a Stringer's
// method stays in the wasm even unused.)
func (pc PatientCategory) Canonical() string {
	alts := make([]string, len(pc.Alternatives))
	for i, c := range pc.Alternatives {
		alts[i] = c.canonical()
	}
	return strings.Join(alts, "|")
}

// canonical returns the written form of one alternative.
func (c Conditions) canonical() string {
	var parts []string
	for _, key := range categoryKeys {
		if key == "dmg" && c.AgeSet {
			age := "age=" + strconv.Itoa(c.AgeFrom) + "-"
			if c.AgeTo >= 0 {
				age += strconv.Itoa(c.AgeTo)
			}
			parts = append(parts, age)
		}
		switch *c.tri(key) {
		case Yes:
			parts = append(parts, key+"=yes")
		case No:
			parts = append(parts, key+"=no")
		}
	}
	return strings.Join(parts, ";")
}

// A patient is what a query says about the people a category may name.
type patient struct {
	preferential, dmg, chronic, referred, conventioned, training bool
	age                                                          int // -1: not given
}

func patientOf(q Query) patient {
	return patient{preferential: q.Preferential, dmg: q.DMG, chronic: q.Chronic, referred: q.Referred,
		conventioned: q.Doctor != NonConventioned, training: q.InTraining, age: q.Age}
}

// match reports how specifically the category names the patient: the number of dimensions
// of the most specific matching alternative (0 for the every-patient category), or -1 when
// no alternative matches. needsAge is true when an alternative would be decided by the
// patient's age, which the query did not give.
func (pc PatientCategory) match(p patient) (specificity int, needsAge bool) {
	if len(pc.Alternatives) == 0 {
		return 0, false
	}
	best := -1
	for _, c := range pc.Alternatives {
		if !(c.Preferential.matches(p.preferential) && c.DMG.matches(p.dmg) && c.Chronic.matches(p.chronic) &&
			c.Referred.matches(p.referred) && c.Conventioned.matches(p.conventioned) && c.Training.matches(p.training)) {
			continue
		}
		n := 0
		for _, t := range [...]Tri{c.Preferential, c.DMG, c.Chronic, c.Referred, c.Conventioned, c.Training} {
			if t != Open {
				n++
			}
		}
		if c.AgeSet {
			if p.age < 0 {
				needsAge = true
				continue
			}
			if p.age < c.AgeFrom || (c.AgeTo >= 0 && p.age > c.AgeTo) {
				continue
			}
			n++
		}
		best = max(best, n)
	}
	return best, needsAge && best < 0
}

// Categories lists the four beneficiary categories in the order of the official tables.
func Categories() []Category {
	return []Category{{}, {Preferential: true}, {DMG: true}, {Preferential: true, DMG: true}}
}

// Name is the category as the data columns and objects name it: ordinary, preferential,
// ordinary_dmg, preferential_dmg.
func (c Category) Name() string {
	n := "ordinary"
	if c.Preferential {
		n = "preferential"
	}
	if c.DMG {
		n += "_dmg"
	}
	return n
}
