package calc

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Audit finds a conflict whose kept figure the data no longer holds (e.g. after an import
// replaced the row), and checks nothing for a code whose rows are not loaded.
func TestAuditConflicts(t *testing.T) {
	sources := File{Name: "sources.csv", Data: []byte("id,kind,title,url,date,eli\nsrc,official,A table,https://example.org,2024,\nother,union,A union,https://example.org/u,2024,\n")}
	tariffs := File{"2024/tariffs.csv", []byte(tariffHeader + "101076,fr,nl,gp-consultation,,2024-01-01,2024-12-31,,31.81,,,,,,,src,,\n")}
	registry := File{"registry.csv", readFile(t, "../data/registry.csv")}
	cases := []struct {
		row  string
		want string // "" when Audit finds nothing
	}{
		{"101076,fee,2024-01-01,31.81,src,31.98,other", ""},
		{"101076,fee,2024-06-30,31.80,src,31.98,other", "conflicts.csv:2: kept: 101076 fee on 2024-06-30: the data does not hold 31.80"},
		{"101076,reimb_ordinary,2024-01-01,21.81,src,22.00,other", "conflicts.csv:2: kept: 101076 reimb_ordinary on 2024-01-01: the data does not hold 21.81"},
		{"101076,fee,2025-01-01,31.81,src,31.98,other", "the data does not hold 31.81"}, // no row that day
		{"102771,fee,2026-01-01,32.23,src,33.11,other", ""},                             // rows not loaded
	}
	for _, c := range cases {
		t.Run(c.row, func(t *testing.T) {
			ds, err := NewDataset([]File{sources, registry, tariffs, conflictFile(c.row)})
			require.NoError(t, err)
			var msgs []string
			for _, e := range ds.Audit() {
				msgs = append(msgs, e.Error())
			}
			if c.want == "" {
				assert.Empty(t, msgs)
				return
			}
			require.Len(t, msgs, 1)
			assert.Contains(t, msgs[0], c.want)
		})
	}
}

// Every note that marks a CONFLICT in the bundled data has its structured record in
// conflicts.csv (the record is what the coverage page and Audit read; the note explains).
func TestEveryConflictNoteHasARecord(t *testing.T) {
	ds := bundledForCoverage(t)
	recorded := map[string]bool{}
	for _, c := range ds.conflicts {
		recorded[c.Subject] = true
	}
	check := func(subject, note, where string) {
		if strings.Contains(note, "CONFLICT") && !recorded[subject] {
			t.Errorf("%s: the note of %s marks a CONFLICT that conflicts.csv does not record", where, subject)
		}
	}
	for _, code := range ds.Codes() {
		for _, r := range ds.tariffs[code] {
			check(string(code), r.Note, r.File+":"+itoa(r.Line))
		}
	}
	for name, ps := range ds.params {
		for _, p := range ps {
			check(name, p.Note, p.File+":"+itoa(p.Line))
		}
	}
	for name, rs := range ds.rules {
		for _, r := range rs {
			check(name, r.Note, r.File+":"+itoa(r.Line))
		}
	}
	assert.NotEmpty(t, recorded)
}
