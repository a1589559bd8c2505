package importer

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

var updateFeeCodes = flag.Bool("update-feecodes", false, "rewrite the expected side of testdata/feecodes.txt")

const feeCodesTable = "testdata/feecodes.txt"

// A feeCodeCase is one line of testdata/feecodes.txt:
//
//	[fee=N] [cat=C] description-fr [|| description-nl]  →  meaning [category] [percent=N]
//
// "@cat C" on its own line sets the fee_code_cat of the lines below it ("@cat -" clears it).
type feeCodeCase struct {
	line     int
	fee      int
	cat      string
	fr, nl   string
	left     string
	meaning  string
	category string
	percent  string
}

func readFeeCodeCases(t *testing.T) ([]string, []feeCodeCase) {
	t.Helper()
	f, err := os.Open(feeCodesTable)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	var cases []feeCodeCase
	cat := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		lines = append(lines, line)
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if rest, ok := strings.CutPrefix(trimmed, "@cat "); ok {
			cat = strings.TrimSpace(rest)
			if cat == "-" {
				cat = ""
			}
			continue
		}
		left, right, ok := strings.Cut(line, "→")
		if !ok {
			t.Fatalf("%s:%d: no → in %q", feeCodesTable, n, line)
		}
		c := feeCodeCase{line: n, fee: -1, cat: cat, left: left}
		desc := strings.TrimSpace(left)
		for {
			if rest, ok := strings.CutPrefix(desc, "fee="); ok {
				num, tail, _ := strings.Cut(rest, " ")
				v, err := strconv.Atoi(num)
				if err != nil {
					t.Fatalf("%s:%d: bad fee=%q", feeCodesTable, n, num)
				}
				c.fee, desc = v, strings.TrimSpace(tail)
				continue
			}
			if rest, ok := strings.CutPrefix(desc, "cat="); ok {
				v, tail, _ := strings.Cut(rest, " ")
				if v == "-" {
					v = ""
				}
				c.cat, desc = v, strings.TrimSpace(tail)
				continue
			}
			break
		}
		fr, nl, _ := strings.Cut(desc, "||")
		c.fr, c.nl = strings.TrimSpace(fr), strings.TrimSpace(nl)
		fields := strings.Fields(right)
		if len(fields) == 0 {
			if !*updateFeeCodes {
				t.Fatalf("%s:%d: no expected meaning", feeCodesTable, n)
			}
		} else {
			c.meaning = fields[0]
			for _, fld := range fields[1:] {
				if v, ok := strings.CutPrefix(fld, "percent="); ok {
					c.percent = v
				} else if c.category == "" {
					c.category = fld
				} else {
					t.Fatalf("%s:%d: two categories", feeCodesTable, n)
				}
			}
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines, cases
}

func formatFeeCodeRight(m FeeCodeMeaning) string {
	s := m.Meaning
	if m.Category != "" {
		s += "  " + m.Category
	}
	if m.Percent != "" {
		s += "  percent=" + m.Percent
	}
	return s
}

func TestFeeCodeTable(t *testing.T) {
	lines, cases := readFeeCodeCases(t)
	if len(cases) < 100 {
		t.Fatalf("only %d cases in %s", len(cases), feeCodesTable)
	}
	for _, c := range cases {
		fee := c.fee
		if fee < 0 {
			fee = 9999 // a fee code with no fixed meaning
		}
		got := ClassifyFeeCode(fee, c.cat, c.fr, c.nl)
		if *updateFeeCodes {
			lines[c.line-1] = strings.TrimRight(c.left, " ") + "  →  " + formatFeeCodeRight(got)
			continue
		}
		wantUnit := "eur"
		if c.percent != "" {
			wantUnit = "percent"
		}
		if got.Meaning != c.meaning || got.Category != c.category || got.Percent != c.percent || got.Unit != wantUnit {
			t.Errorf("%s:%d: %q (cat %q)\n got  %s unit=%s (%s)\n want %s",
				feeCodesTable, c.line, c.fr+" || "+c.nl, c.cat, formatFeeCodeRight(got), got.Unit, got.Why, strings.TrimSpace(strings.SplitN(lines[c.line-1], "→", 2)[1]))
		}
		if got.Why == "" {
			t.Errorf("%s:%d: no Why", feeCodesTable, c.line)
		}
		if (got.Meaning != MeaningReimbursement && got.Meaning != MeaningShare) && got.Category != "" {
			t.Errorf("%s:%d: category %q on a %s", feeCodesTable, c.line, got.Category, got.Meaning)
		}
	}
	if *updateFeeCodes {
		if err := os.WriteFile(feeCodesTable, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFeeCodeFixedPoints(t *testing.T) {
	for _, c := range []struct {
		fee             int
		meaning, cat    string
		descFR, feeCat  string
		wantWhyFragment string
	}{
		{0, MeaningFee, "", "Honoraire", "01", "fee code 0"},
		{0, MeaningFee, "", "", "", "fee code 0"},
		{1300, MeaningReimbursement, "preferential=yes", "", "", "1300"},
		{1300, MeaningReimbursement, "preferential=yes", "Intervention de l'assurance sans régime préférentiel", "02", "1300"},
		{1600, MeaningReimbursement, "preferential=no", "", "", "1600"},
	} {
		got := ClassifyFeeCode(c.fee, c.feeCat, c.descFR, "")
		if got.Meaning != c.meaning || got.Category != c.cat || got.Unit != "eur" || !strings.Contains(got.Why, c.wantWhyFragment) {
			t.Errorf("fee code %d: got %+v", c.fee, got)
		}
	}
}

func TestFeeCodeNormalizeDescription(t *testing.T) {
	for in, want := range map[string]string{
		"À partir du 10ème jusqu'à son 75ème anniversaire, avec DMG":  "a_partir_du_10eme_jusqu_a_son_75eme_anniversaire_avec_dmg",
		"Intervention de l'assurance avec régime préférentiel à 30 %": "intervention_de_l_assurance_avec_regime_preferentiel_a_30_",
		"  Honoraire  ":                "_honoraire_",
		"Ticket modérateur":            "ticket_moderateur",
		"NON CONVENTIONNÉ":             "non_conventionne",
		"e\u0301le\u0300ve":            "eleve", // decomposed accents
		"Œuvre — prix « sur » facture": "oeuvre_prix_sur_facture",
		"":                             "",
	} {
		if got := NormalizeDescription(in); got != want {
			t.Errorf("NormalizeDescription(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFeeCodeCanonicalCategory(t *testing.T) {
	for _, c := range []struct {
		alts []map[string]string
		want string
	}{
		{nil, ""},
		{[]map[string]string{{}}, ""},
		{[]map[string]string{{"dmg": "yes", "age": "10-74", "preferential": "yes"}, {"training": "yes", "preferential": "yes"}},
			"preferential=yes;age=10-74;dmg=yes|preferential=yes;training=yes"},
		{[]map[string]string{{"chronic": "yes"}, {"chronic": "yes"}, {"age": "75-"}}, "chronic=yes|age=75-"},
		{[]map[string]string{{"age": "0-9"}, {}}, ""}, // one alternative covers everyone
		{[]map[string]string{{"conventioned": "no", "referred": "yes", "dmg": ""}}, "referred=yes;conventioned=no"},
		{[]map[string]string{{"zeta": "1", "preferential": "no"}}, "preferential=no;zeta=1"},
	} {
		if got := canonicalCategory(c.alts); got != c.want {
			t.Errorf("canonicalCategory(%v) = %q, want %q", c.alts, got, c.want)
		}
	}
}

// TestFeeCodeBriefExample is the disjunction the brief spells out. The brief's example writes
// "chronic=yes;dmg=no"; its grammar fixes the key order preferential, age, dmg, chronic, …, which
// canonicalCategory follows, so the third alternative reads "dmg=no;chronic=yes".
func TestFeeCodeBriefExample(t *testing.T) {
	got := ClassifyFeeCode(2000, "02", "de_10_a_75_ans_avec_dmg_a_partir_du_75eme_anniversaire_sans_dmg_malade_chronique_sans_dmg_medecin_stagiaire_avec_regime_preferentiel", "")
	want := "preferential=yes;age=10-74;dmg=yes|preferential=yes;age=75-;dmg=no|preferential=yes;dmg=no;chronic=yes|preferential=yes;training=yes"
	if got.Meaning != MeaningReimbursement || got.Category != want {
		t.Errorf("got %+v\nwant category %s", got, want)
	}
}

// TestFeeCodeNeverHalfRead: adding one unknown word to any readable description makes it
// unknown, never a category.
func TestFeeCodeNeverHalfRead(t *testing.T) {
	_, cases := readFeeCodeCases(t)
	n := 0
	for _, c := range cases {
		if c.meaning != MeaningReimbursement && c.meaning != MeaningShare || c.fee >= 0 || c.nl != "" || c.fr == "" {
			continue
		}
		for _, extra := range []string{"patient palliatif", "zorblax"} {
			for _, desc := range []string{c.fr + " " + extra, extra + " " + c.fr} {
				got := ClassifyFeeCode(9999, c.cat, desc, "")
				if got.Meaning != MeaningUnknown || got.Category != "" {
					t.Errorf("%s:%d: %q read as %s %s", feeCodesTable, c.line, desc, got.Meaning, got.Category)
				}
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no case checked")
	}
}

func ExampleClassifyFeeCode() {
	m := ClassifyFeeCode(1234, "02", "Intervention de l'assurance avec régime préférentiel, prestataire conventionné", "")
	fmt.Println(m.Meaning, m.Category)
	// Output: reimbursement preferential=yes;conventioned=yes
}

// FuzzClassifyFeeCode: any input gives a well-formed meaning, and normalising is stable.
func FuzzClassifyFeeCode(f *testing.F) {
	f.Add(42, "02", "Intervention de l'assurance avec régime préférentiel à 30 %", "Tegemoetkoming met voorkeurregeling")
	f.Add(42, "05", "de_10_a_75_ans_avec_dmg_a_partir_du_75eme_anniversaire_sans_dmg_medecin_stagiaire", "")
	f.Add(0, "", "", "")
	f.Fuzz(func(t *testing.T, fee int, cat, fr, nl string) {
		m := ClassifyFeeCode(fee, cat, fr, nl)
		switch m.Meaning {
		case MeaningFee, MeaningReimbursement, MeaningShare, MeaningOther, MeaningUnknown:
		default:
			t.Fatalf("meaning %q", m.Meaning)
		}
		if m.Category != "" && m.Meaning != MeaningReimbursement && m.Meaning != MeaningShare {
			t.Fatalf("category %q on %s", m.Category, m.Meaning)
		}
		if (m.Unit == "percent") != (m.Percent != "") || m.Unit != "eur" && m.Unit != "percent" {
			t.Fatalf("unit %q percent %q", m.Unit, m.Percent)
		}
		if m.Why == "" {
			t.Fatal("no Why")
		}
		n := NormalizeDescription(fr)
		if NormalizeDescription(n) != n {
			t.Fatalf("NormalizeDescription not stable on %q", n)
		}
		for _, r := range n {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
				t.Fatalf("%q in %q", r, n)
			}
		}
	})
}
