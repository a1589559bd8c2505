// Command benchdata writes a GENERATED data folder for the growth benchmarks only
// (scripts/bench-growth.sh), in a temporary folder — never into data/.
//
// With -x N: the real data folder with every tariff row repeated under fake codes, so
// the folder holds N times the rows and codes. Fake codes are 9xxxxx (no real
// nomenclature code starts with 9 in our data), their labels start with "[generated]"
// and their note says so.
//
// With -codes N: the real data folder plus N synthetic codes 000000–099999 (never real
// codes), each with its own FR and NL label made of distinct words, one row per year
// over the last -years years (2026 back), and three age bands on every seventh code —
// the size and shape of the whole nomenclature (issue 10), at full scale with -codes
// 10000 -years 15.
//
//	go run ./scripts/benchdata -x 10 -o /tmp/honoraria-10x
//	go run ./scripts/benchdata -codes 10000 -years 15 -o /tmp/honoraria-full
package main

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/shopspring/decimal"

	"honoraria/calc"
	"honoraria/data"
)

func main() {
	times := flag.Int("x", 1, "how many times the real rows (1 = a copy of the real data)")
	codes := flag.Int("codes", 0, "add this many synthetic codes 0xxxxx (up to 100000), with distinct labels")
	years := flag.Int("years", 15, "with -codes: how many years of rows per code (up to 2026)")
	out := flag.String("o", "", "the folder to write (must not exist or be empty; never data/)")
	flag.Parse()
	if *out == "" || *times < 1 || *times > 99 || *codes < 0 || *codes > 100000 || *years < 1 || *years > 30 || (*codes > 0 && *times > 1) {
		fmt.Fprintln(os.Stderr, "usage: go run ./scripts/benchdata (-x N(1–99) | -codes N(≤100000) [-years Y]) -o DIR")
		os.Exit(2)
	}
	if abs, _ := filepath.Abs(*out); strings.HasSuffix(abs, string(filepath.Separator)+"data") {
		fmt.Fprintln(os.Stderr, "benchdata: refusing to write into a folder named data: generated data never goes there")
		os.Exit(2)
	}
	if err := run(*times, *codes, *years, *out); err != nil {
		fmt.Fprintln(os.Stderr, "benchdata:", err)
		os.Exit(1)
	}
}

func run(times, codes, years int, out string) error {
	files, err := data.Files(data.Bundled())
	if err != nil {
		return err
	}
	if codes > 0 {
		files = synthesize(files, codes, years)
	}
	fake := map[string]string{} // real code + copy → fake code
	for _, f := range files {
		b := f.Data
		if filepath.Base(f.Name) == "tariffs.csv" && times > 1 {
			if b, err = multiply(f.Name, b, times, fake); err != nil {
				return err
			}
		}
		p := filepath.Join(out, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, fs.FileMode(0o644)); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "benchdata: %s: %d× the real tariff rows (%d generated codes), %d synthetic codes over %d years\n", out, times, len(fake), codes, years)
	return nil
}

// multiply appends times−1 copies of every row of a tariffs.csv, each under a fake code.
func multiply(name string, b []byte, times int, fake map[string]string) ([]byte, error) {
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	out := append([][]string(nil), rows...)
	for k := 1; k < times; k++ {
		for _, r := range rows[1:] {
			c := append([]string(nil), r...)
			key := fmt.Sprintf("%s/%d", r[col["code"]], k)
			if fake[key] == "" {
				fake[key] = fmt.Sprintf("9%05d", len(fake)+1)
			}
			c[col["code"]] = fake[key]
			c[col["label_fr"]] = "[generated] " + c[col["label_fr"]]
			c[col["label_nl"]] = "[generated] " + c[col["label_nl"]]
			c[col["note"]] = "GENERATED for scripts/bench-growth.sh from " + r[col["code"]] + ": not a real code or figure."
			out = append(out, c)
		}
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Words of the synthetic labels: every code gets a distinct (act, site, qualifier)
// triple, in French and in Dutch, so a search for a word finds a realistic share.
var (
	actsFR  = []string{"consultation", "examen", "échographie", "radiographie", "biopsie", "ponction", "injection", "suture", "excision", "drainage", "perfusion", "endoscopie", "scintigraphie", "manipulation", "réduction", "incision", "infiltration", "cathétérisme", "dilatation", "prélèvement", "anesthésie", "rééducation", "exploration", "ablation", "réparation"}
	actsNL  = []string{"raadpleging", "onderzoek", "echografie", "radiografie", "biopsie", "punctie", "injectie", "hechting", "excisie", "drainage", "infuus", "endoscopie", "scintigrafie", "manipulatie", "repositie", "incisie", "infiltratie", "katheterisatie", "dilatatie", "staalname", "anesthesie", "revalidatie", "exploratie", "verwijdering", "herstelling"}
	sitesFR = []string{"du genou", "de la hanche", "de l'épaule", "du coude", "du poignet", "de la cheville", "du pied", "de la main", "du thorax", "de l'abdomen", "du crâne", "du rachis", "du cœur", "du foie", "du rein", "de la vessie", "de la prostate", "du sein", "de la thyroïde", "du poumon", "de l'œil", "de l'oreille", "du nez", "de la gorge", "de la peau"}
	sitesNL = []string{"van de knie", "van de heup", "van de schouder", "van de elleboog", "van de pols", "van de enkel", "van de voet", "van de hand", "van de thorax", "van het abdomen", "van de schedel", "van de wervelkolom", "van het hart", "van de lever", "van de nier", "van de blaas", "van de prostaat", "van de borst", "van de schildklier", "van de long", "van het oog", "van het oor", "van de neus", "van de keel", "van de huid"}
	qualFR  = []string{"unilatéral", "bilatéral", "chez l'enfant", "en urgence", "sous anesthésie", "avec contrôle", "par voie percutanée", "en hospitalisation", "en ambulatoire", "de suivi", "complet", "partiel", "avec rapport", "sans rapport", "itératif", "en salle d'opération", "au domicile", "par un spécialiste", "par un généraliste", "pendant la nuit", "le week-end", "avec sédation", "sous guidage", "avec prothèse", "de contrôle"}
	qualNL  = []string{"eenzijdig", "tweezijdig", "bij kinderen", "dringend", "onder verdoving", "met controle", "percutaan", "bij opname", "ambulant", "voor opvolging", "volledig", "gedeeltelijk", "met verslag", "zonder verslag", "herhaald", "in de operatiezaal", "aan huis", "door een specialist", "door een huisarts", "'s nachts", "in het weekend", "met sedatie", "onder geleide", "met prothese", "ter controle"}
)

// synthesize adds codes synthetic codes 000000–099999 to the tariffs of the last years
// years (ending 2026), one row per code and year, three bands on every seventh code.
func synthesize(files []calc.File, codes, years int) []calc.File {
	const header = "code,label_fr,label_nl,category,specialty,valid_from,valid_to,band,fee,reimb_ordinary,reimb_preferential,reimb_ordinary_dmg,reimb_preferential_dmg,key_letters,coefficients,source,link,note\n"
	byName := map[string]int{}
	for i, f := range files {
		byName[f.Name] = i
	}
	n := len(actsFR)
	step := 100000 / codes // spread the codes over 000000–099999
	for y := 2026 - years + 1; y <= 2026; y++ {
		var b strings.Builder
		for i := 0; i < codes; i++ {
			code := fmt.Sprintf("%06d", i*step)
			a, s, q := i%n, (i/n)%n, (i/(n*n))%n
			fr := fmt.Sprintf("%s %s %s", actsFR[a], sitesFR[s], qualFR[q])
			nl := fmt.Sprintf("%s %s %s", actsNL[a], sitesNL[s], qualNL[q])
			if i >= n*n*n {
				fr, nl = fmt.Sprintf("%s (%d)", fr, i/(n*n*n)), fmt.Sprintf("%s (%d)", nl, i/(n*n*n))
			}
			cat, bands := "other", []string{""}
			if i%7 == 3 {
				cat, bands = "gp-visit", []string{"under-10", "10-to-75", "over-75-or-chronic"}
			}
			for k, band := range bands {
				cents := 1000 + (i*37)%9000 + (y-2000)*40 + k*150
				fee := decimal.New(int64(cents), -2)
				ord := fee.Mul(decimal.New(75, -2)).Round(2)
				pref := fee.Mul(decimal.New(90, -2)).Round(2)
				fmt.Fprintf(&b, "%s,%s,%s,%s,,%d-01-01,%d-12-31,%s,%s,%s,%s,,,,,benchdata,,GENERATED by scripts/benchdata: not a real code or figure.\n",
					code, csvField(fr), csvField(nl), cat, y, y, band, fee.StringFixed(2), ord.StringFixed(2), pref.StringFixed(2))
			}
		}
		name := fmt.Sprintf("%d/tariffs.csv", y)
		if i, ok := byName[name]; ok {
			files[i].Data = append(append([]byte(nil), files[i].Data...), b.String()...)
		} else {
			files = append(files, calc.File{Name: name, Data: []byte(header + b.String())})
		}
	}
	// The synthetic rows' source.
	i := byName["sources.csv"]
	files[i].Data = append(append([]byte(nil), files[i].Data...), "benchdata,other,GENERATED by scripts/benchdata for the growth benchmarks: not a real source,https://example.invalid/benchdata,2026,\n"...)
	return files
}

func csvField(s string) string {
	if strings.ContainsAny(s, ",\"\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}
