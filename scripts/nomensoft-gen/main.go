// Command nomensoft-gen writes a synthetic INAMI NomenSoft export at full scale, in the real
// multi-file form (reference/nomensoft-export.md, BRIEF §6.4): a folder (and optionally a
// zip) of seven XML tables, one per file, each row an element named like the file inside a
// root named FILE_LIST, fields as child elements.
//
//	go run ./scripts/nomensoft-gen -out DIR [-codes 10000] [-years 16] [-feecodes 650] [-seed 1] [-zip FILE]
//
// Everything is synthetic: nomenclature codes are 000000–099999 (a real code never starts
// with 0) and every label starts with "[SYNTHÉTIQUE]" / "[SYNTHETISCH]". Amounts are random
// but consistent (every reimbursement ≤ the fee, a preferential reimbursement ≥ its
// ordinary counterpart, Σ key-letter coefficient × value rounded to the cent = the fee
// except for a few deliberate mismatches listed on stderr). The same seed always gives the
// same bytes. The program refuses to write into the repository's data/ folder.
package main

import (
	"archive/zip"
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	var o options
	flag.StringVar(&o.out, "out", "", "write the export's XML files into this folder (created if missing)")
	flag.StringVar(&o.zip, "zip", "", "also write the export as this zip file (alone: a temporary folder is used)")
	flag.IntVar(&o.codes, "codes", 10000, "number of nomenclature codes (at most 100000)")
	flag.IntVar(&o.years, "years", 16, "number of years of periods, ending with -last-year")
	flag.IntVar(&o.feeCodes, "feecodes", 650, "number of fee codes in NOMEN_FEECODES")
	flag.Uint64Var(&o.seed, "seed", 1, "random seed (same seed, same bytes)")
	flag.IntVar(&o.lastYear, "last-year", 2026, "the export's current year (its open periods start at the latest in this year)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./scripts/nomensoft-gen -out DIR [-codes 10000] [-years 16] [-feecodes 650] [-seed 1] [-zip FILE]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if _, err := generate(o, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "nomensoft-gen:", err)
		os.Exit(1)
	}
}

type options struct {
	out, zip                         string
	codes, years, feeCodes, lastYear int
	seed                             uint64
}

// A mismatch is a code whose current fee deliberately differs from Σ coefficient × value.
type mismatch struct {
	Code     string
	Fee      int64 // cents
	KeyTotal int64 // Σ coefficient × value, in micro-euros
}

type fileStat struct {
	Name, Encoding string
	Rows           int
	Bytes          int64
}

type report struct {
	Files      []fileStat
	Mismatches []mismatch
}

// The seven tables, in the order they are written to the zip.
const (
	tSummary  = "NOMEN_SUMMARY_EXT"
	tFeeCodes = "NOMEN_FEECODES"
	tLim      = "NOMEN_CODE_FEE_LIM"
	tBisLim   = "NOMEN_CODE_FEE_BIS_LIM"
	tLimHist  = "NOMEN_CODE_FEE_LIM_HIST"
	tBisHist  = "NOMEN_CODE_FEE_BIS_LIM_HIST"
	tDescHist = "NOMEN_CODE_DESC_HIST"
)

var tableOrder = []string{tSummary, tFeeCodes, tLim, tBisLim, tLimHist, tBisHist, tDescHist}

// How each table is written: encoding, line ends, field-name case, date form.
var tableStyle = map[string]struct {
	cp1252, lower bool
	dates         dateStyle
}{
	tSummary:  {cp1252: false, lower: false, dates: withTime},
	tFeeCodes: {cp1252: true, lower: false},
	tLim:      {cp1252: true, lower: false, dates: withTime},
	tBisLim:   {cp1252: false, lower: false, dates: withTime},
	tLimHist:  {cp1252: false, lower: false, dates: dateOnly},
	tBisHist:  {cp1252: false, lower: true, dates: mixed},
	tDescHist: {cp1252: true, lower: true, dates: dateOnly},
}

type dateStyle int

const (
	dateOnly dateStyle = iota
	withTime
	mixed
)

func generate(o options, log io.Writer) (*report, error) {
	start := time.Now()
	if err := o.check(); err != nil {
		return nil, err
	}
	dir := o.out
	if dir == "" {
		tmp, err := os.MkdirTemp("", "nomensoft-gen-*")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}

	g := newGen(o)
	tables := map[string]*table{}
	for _, name := range tableOrder {
		st := tableStyle[name]
		t, err := createTable(filepath.Join(dir, name+".xml"), name, st.cp1252, st.lower, st.dates)
		if err != nil {
			for _, t := range tables {
				t.f.Close()
			}
			return nil, err
		}
		tables[name] = t
	}
	g.t = tables
	g.writeFeeCodes()
	g.writeCodes()

	rep := &report{Mismatches: g.mismatches}
	var errs []error
	for _, name := range tableOrder {
		t := tables[name]
		n, err := t.close()
		errs = append(errs, err)
		enc := "UTF-8"
		if t.cp1252 {
			enc = "windows-1252"
		}
		rep.Files = append(rep.Files, fileStat{Name: name + ".xml", Encoding: enc, Rows: t.rows, Bytes: n})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var zipBytes int64
	if o.zip != "" {
		n, err := writeZip(o.zip, dir)
		if err != nil {
			return nil, err
		}
		zipBytes = n
	}

	var rows int
	var bytes int64
	for _, f := range rep.Files {
		fmt.Fprintf(log, "%-34s %-12s %9d rows %12d bytes\n", f.Name, f.Encoding, f.Rows, f.Bytes)
		rows += f.Rows
		bytes += f.Bytes
	}
	fmt.Fprintf(log, "%-34s %-12s %9d rows %12d bytes\n", "total (7 files)", "", rows, bytes)
	if o.zip != "" {
		fmt.Fprintf(log, "%-34s %-12s %9s      %12d bytes\n", filepath.Base(o.zip), "zip", "", zipBytes)
	}
	for _, m := range rep.Mismatches {
		fmt.Fprintf(log, "deliberate key-letter mismatch: %s fee %s, Σ coefficient × value = %s\n",
			m.Code, cents(m.Fee), micros(m.KeyTotal))
	}
	fmt.Fprintf(log, "%d codes, %d fee codes, years %d–%d, %d codes with key letters, %d deliberate mismatches, seed %d, %s\n",
		o.codes, len(g.feeCodes), g.firstYear, o.lastYear, g.keyLetterCodes, len(rep.Mismatches), o.seed,
		time.Since(start).Round(time.Millisecond))
	return rep, nil
}

func (o options) check() error {
	switch {
	case o.out == "" && o.zip == "":
		return errors.New("give -out DIR or -zip FILE (or both)")
	case o.codes < 1 || o.codes > 100000:
		return fmt.Errorf("-codes %d: between 1 and 100000 (synthetic codes are 000000–099999)", o.codes)
	case o.years < 1 || o.years > 60:
		return fmt.Errorf("-years %d: between 1 and 60", o.years)
	case o.feeCodes < minFeeCodes:
		return fmt.Errorf("-feecodes %d: at least %d (fee, reimbursements, the other kinds and a few unknown ones)", o.feeCodes, minFeeCodes)
	case o.lastYear < 1990 || o.lastYear > 2998:
		return fmt.Errorf("-last-year %d: between 1990 and 2998", o.lastYear)
	}
	for _, p := range []string{o.out, o.zip} {
		if p == "" {
			continue
		}
		if repoData := insideRepoData(p); repoData != "" {
			return fmt.Errorf("refusing to write %s: it is inside %s, the bundled sourced data", p, repoData)
		}
	}
	return nil
}

// insideRepoData returns the data/ folder of a Go module that p lies in ("" if none): a
// folder named data whose parent holds go.mod.
func insideRepoData(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return ""
	}
	// Resolve symbolic links on the longest existing prefix.
	rest := ""
	for cur := abs; ; {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			abs = filepath.Join(r, rest)
			break
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			break
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
	for cur := abs; ; {
		if filepath.Base(cur) == "data" {
			if _, err := os.Stat(filepath.Join(filepath.Dir(cur), "go.mod")); err == nil {
				return cur
			}
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return ""
		}
		cur = parent
	}
}

func writeZip(path, dir string) (n int64, err error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<20)
	zw := zip.NewWriter(bw)
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) // fixed: same seed, same zip
	for _, name := range tableOrder {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name + ".xml", Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return 0, err
		}
		src, err := os.Open(filepath.Join(dir, name+".xml"))
		if err != nil {
			return 0, err
		}
		_, err = io.Copy(w, src)
		src.Close()
		if err != nil {
			return 0, err
		}
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// ---------------------------------------------------------------------------------------
// Writing XML tables.

type table struct {
	name          string
	cp1252, lower bool
	dates         dateStyle
	f             *os.File
	w             *bufio.Writer
	nl            string
	rows          int
	buf           []byte
	tags          map[string]string
	err           error
}

func createTable(path, name string, cp1252, lower bool, dates dateStyle) (*table, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	t := &table{name: name, cp1252: cp1252, lower: lower, dates: dates, f: f,
		w: bufio.NewWriterSize(f, 1<<20), nl: "\n", tags: map[string]string{}}
	enc := "UTF-8"
	if cp1252 {
		enc, t.nl = "windows-1252", "\r\n" // the Windows-made files end their lines with CRLF
	}
	t.buf = fmt.Appendf(t.buf[:0], `<?xml version="1.0" encoding="%s"?>%s<%s_LIST>%s`, enc, t.nl, name, t.nl)
	t.flush()
	return t, nil
}

func (t *table) tag(field string) string {
	if s, ok := t.tags[field]; ok {
		return s
	}
	s := strings.ToUpper(field)
	if t.lower {
		s = strings.ToLower(field)
	}
	t.tags[field] = s
	return s
}

func (t *table) begin() {
	t.buf = append(t.buf, "  <"...)
	t.buf = append(t.buf, t.name...)
	t.buf = append(t.buf, '>')
	t.buf = append(t.buf, t.nl...)
}

func (t *table) field(name, value string) {
	tag := t.tag(name)
	t.buf = append(t.buf, "    <"...)
	t.buf = append(t.buf, tag...)
	t.buf = append(t.buf, '>')
	t.buf = appendEscaped(t.buf, value)
	t.buf = append(t.buf, "</"...)
	t.buf = append(t.buf, tag...)
	t.buf = append(t.buf, '>')
	t.buf = append(t.buf, t.nl...)
}

func (t *table) end() {
	t.buf = append(t.buf, "  </"...)
	t.buf = append(t.buf, t.name...)
	t.buf = append(t.buf, '>')
	t.buf = append(t.buf, t.nl...)
	t.rows++
	t.flush()
}

func (t *table) flush() {
	if t.err != nil {
		t.buf = t.buf[:0]
		return
	}
	b := t.buf
	if t.cp1252 {
		b, t.err = toCP1252(b)
	}
	if t.err == nil {
		_, t.err = t.w.Write(b)
	}
	t.buf = t.buf[:0]
}

func (t *table) close() (int64, error) {
	t.buf = fmt.Appendf(t.buf[:0], "</%s_LIST>%s", t.name, t.nl)
	t.flush()
	err := t.err
	if ferr := t.w.Flush(); err == nil {
		err = ferr
	}
	st, serr := t.f.Stat()
	if cerr := t.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = serr
	}
	if err != nil {
		return 0, fmt.Errorf("%s: %w", t.f.Name(), err)
	}
	return st.Size(), nil
}

func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b = append(b, "&amp;"...)
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		default:
			b = append(b, c)
		}
	}
	return b
}

// Windows-1252 bytes 0x80–0x9F (0 where undefined); 0xA0–0xFF are Latin-1.
var cp1252High = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// toCP1252 converts UTF-8 text to Windows-1252 (in place when it is ASCII).
func toCP1252(b []byte) ([]byte, error) {
	ascii := true
	for _, c := range b {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return b, nil
	}
	out := make([]byte, 0, len(b))
	for _, r := range string(b) {
		switch {
		case r < 0x80 || (r >= 0xA0 && r <= 0xFF):
			out = append(out, byte(r))
		default:
			i := slices.Index(cp1252High[:], r)
			if i < 0 {
				return nil, fmt.Errorf("%q has no Windows-1252 byte", r)
			}
			out = append(out, byte(0x80+i))
		}
	}
	return out, nil
}

// ---------------------------------------------------------------------------------------
// Fee codes.

type kind int

const (
	kFee     kind = iota // fee code 0
	kReimb               // a reimbursement (1300, 1600 and the patient categories)
	kOther               // not a patient category: base de remboursement, prix, …
	kUnknown             // wording no mapping can know
)

type feeCode struct {
	num      int
	fr, nl   string
	cat      string
	kind     kind
	pref     bool   // kReimb: the preferential one of its pair
	other    string // kOther: which one
	partner  int    // kReimb: index of the other fee code of its pair
	fullPair bool   // kReimb: a pair that reimburses the whole fee (DMG-like)
}

type phrase struct{ fr, nl string }

var (
	ages = []phrase{
		{"enfant avant le 10ème anniversaire", "kind vóór de 10de verjaardag"},
		{"à partir du 10ème jusqu'à son 75ème anniversaire", "vanaf de 10de tot de 75ste verjaardag"},
		{"à partir du 75ème anniversaire", "vanaf de 75ste verjaardag"},
		{"de 10 à 75 ans", "van 10 tot 75 jaar"},
		{"jusqu'au 18ème anniversaire", "tot de 18de verjaardag"},
		{"enfant de moins de 5 ans", "kind jonger dan 5 jaar"},
		{"enfant de moins de 7 ans", "kind jonger dan 7 jaar"},
	}
	dmgs = []phrase{
		{"avec DMG", "met GMD"},
		{"sans DMG", "zonder GMD"},
		{"avec ou sans DMG", "met of zonder GMD"},
	}
	chronic = phrase{"malade chronique", "chronisch zieke"}
	trainee = phrase{"médecin stagiaire", "arts in opleiding"}
	prefs   = [2]phrase{{"sans régime préférentiel", "zonder voorkeurregeling"}, {"avec régime préférentiel", "met voorkeurregeling"}}
	// What follows the preferential wording.
	suffixes = []phrase{
		{"prestataire conventionné", "geconventioneerde zorgverlener"},
		{"prestataire non conventionné", "niet-geconventioneerde zorgverlener"},
		{"des qui consultent un médecin spécialiste après avoir été envoyés par un médecin généraliste", "die een arts-specialist raadplegen na verwijzing door een huisarts"},
		{"à 30 %", "tegen 30 %"},
		{"à 50 %", "tegen 50 %"},
		{"à 75 %", "tegen 75 %"},
		{"à 90 %", "tegen 90 %"},
		{"montant fixe", "vast bedrag"},
		{"montant arrondi par unité", "bedrag afgerond per eenheid"},
		{"si les conditions ne sont pas respectées", "indien de voorwaarden niet vervuld zijn"},
		{"pour prestation dans catégorie K 180 ou N 300 et K 400 ou N 600", "voor verstrekking in categorie K 180 of N 300 en K 400 of N 600"},
		{"pour prestation dans catégorie K 400 ou N 600 et plus", "voor verstrekking in categorie K 400 of N 600 en meer"},
	}
	others = []struct{ key, fr, nl string }{
		{"base", "base de remboursement", "terugbetalingsbasis"},
		{"price", "prix", "prijs"},
		{"max", "maximale", "maximaal"},
		{"partial", "forfait partiel pour l'hospitalisation de jour", "gedeeltelijk forfait voor daghospitalisatie"},
		{"deleted", "le numéro de code est supprimé à partir de la date de fin", "het codenummer is geschrapt vanaf de einddatum"},
		{"notariff", "pas de tarifs fixés pour cette prestation", "geen tarieven vastgesteld voor deze verstrekking"},
		{"list", "prestation reprise sur la liste limitative des implants", "verstrekking opgenomen in de limitatieve lijst van de implantaten"},
		{"fixed5", "montant fixe de 5 € par séance", "vast bedrag van 5 € per zitting"},
	}
	// Unknown wordings: plausible, meaningless.
	unk1 = []phrase{{"supplément", "supplement"}, {"coefficient", "coëfficiënt"}, {"montant", "bedrag"}, {"indemnité", "vergoeding"}, {"correctif", "correctie"}}
	unk2 = []phrase{{"de concordance", "van concordantie"}, {"de modulation", "van modulatie"}, {"de péréquation", "van verevening"}, {"d'ajustement", "van aanpassing"}, {"de lissage", "van afvlakking"}}
	unk3 = []phrase{{"en zone de garde", "in wachtzone"}, {"trimestriel", "driemaandelijks"}, {"interprovincial", "interprovinciaal"}, {"pour le régime transitoire", "voor het overgangsstelsel"}, {"hors cadre", "buiten kader"}, {"selon l'annexe", "volgens de bijlage"}}
	unk4 = []phrase{{"bis", "bis"}, {"ter", "ter"}, {"A", "A"}, {"B", "B"}, {"(ancien)", "(oud)"}, {"", ""}}
)

const minFeeCodes = 3 + 8 + 2 + 20 // fee, 1300, 1600; others; two unknown; some pairs

func (g *gen) buildFeeCodes(n int) {
	fc := []feeCode{
		{num: 0, fr: "Honoraire", nl: "Honorarium", cat: "01", kind: kFee},
		{num: 1600, fr: prefs[0].fr, nl: prefs[0].nl, cat: "02", kind: kReimb, partner: 2},
		{num: 1300, fr: prefs[1].fr, nl: prefs[1].nl, cat: "02", kind: kReimb, pref: true, partner: 1},
	}
	for _, o := range others {
		fc = append(fc, feeCode{fr: o.fr, nl: o.nl, cat: pick(g.r, []string{"07", "99", "05"}), kind: kOther, other: o.key})
	}
	nUnknown := max(2, n/30)
	if (n-len(fc)-nUnknown)%2 != 0 {
		nUnknown++
	}
	seen := map[string]bool{}
	for _, f := range fc {
		seen[f.fr] = true
	}
	for len(fc) < 3+len(others)+nUnknown {
		a, b, c, d := pick(g.r, unk1), pick(g.r, unk2), pick(g.r, unk3), pick(g.r, unk4)
		fr := strings.TrimSpace(a.fr + " " + b.fr + " " + c.fr + " " + d.fr)
		if seen[fr] {
			continue
		}
		seen[fr] = true
		nl := strings.TrimSpace(a.nl + " " + b.nl + " " + c.nl + " " + d.nl)
		fc = append(fc, feeCode{fr: fr, nl: nl, cat: pick(g.r, []string{"02", "03", "04", "06", "07", "99"}), kind: kUnknown})
	}
	// Patient-category pairs: sans / avec régime préférentiel with the same qualifier.
	for tries := 0; len(fc) < n; tries++ {
		if tries > 1000*n {
			panic("not enough distinct fee-code wordings")
		}
		q := g.qualifier()
		suffix := phrase{}
		if g.r.IntN(3) == 0 {
			suffix = pick(g.r, suffixes)
		}
		var pair [2]feeCode
		for p := range 2 {
			fr := join(q.fr, prefs[p].fr, suffix.fr)
			nl := join(q.nl, prefs[p].nl, suffix.nl)
			pair[p] = feeCode{fr: fr, nl: nl, kind: kReimb, pref: p == 1}
		}
		if seen[pair[0].fr] || seen[pair[1].fr] {
			continue
		}
		seen[pair[0].fr], seen[pair[1].fr] = true, true
		cat := pick(g.r, []string{"02", "02", "03", "04", "06"})
		full := strings.Contains(q.fr, "avec DMG") && suffix.fr == "" && g.r.IntN(4) == 0
		i := len(fc)
		for p := range 2 {
			pair[p].cat, pair[p].partner, pair[p].fullPair = cat, i+1-p, full
		}
		fc = append(fc, pair[0], pair[1])
	}
	// Numbers: 0, 1300 and 1600 are fixed; the others are distinct in 1–9999.
	used := map[int]bool{0: true, 1300: true, 1600: true}
	for i := 3; i < len(fc); i++ {
		for {
			k := 1 + g.r.IntN(9999)
			if !used[k] {
				used[k] = true
				fc[i].num = k
				break
			}
		}
	}
	g.feeCodes = fc
	for i, f := range fc {
		switch f.kind {
		case kReimb:
			if i > 2 && !f.pref {
				g.pairs = append(g.pairs, i)
			}
		case kOther:
			g.otherIdx[f.other] = i
		case kUnknown:
			g.unknowns = append(g.unknowns, i)
		}
	}
}

// qualifier: 1–3 patient segments (an age band with or without DMG, chronically ill), maybe
// a doctor in training, as INAMI's descriptions chain them. The bands of one description do
// not overlap: before 10 / 10 to 75 / from 75 (each at most once), or one of the other
// bands (under 5, under 7, up to 18) alone.
func (g *gen) qualifier() phrase {
	r := g.r
	var segs []phrase
	withDMG := func(p phrase, dmg []phrase) phrase {
		if r.IntN(4) == 0 && len(dmg) == 3 {
			return p
		}
		d := pick(r, dmg)
		return phrase{p.fr + " " + d.fr, p.nl + " " + d.nl}
	}
	if r.IntN(4) == 0 {
		segs = append(segs, withDMG(pick(r, ages[4:]), dmgs))
	} else {
		// Slots: 0 under 10, 1 from 10 to 75 (two wordings), 2 from 75, 3 chronically ill.
		slots := r.Perm(4)[:1+r.IntN(3)]
		slices.Sort(slots)
		for _, s := range slots {
			switch s {
			case 0:
				segs = append(segs, withDMG(ages[0], dmgs))
			case 1:
				segs = append(segs, withDMG(pick(r, []phrase{ages[1], ages[3]}), dmgs))
			case 2:
				segs = append(segs, withDMG(ages[2], dmgs))
			case 3:
				c := withDMG(chronic, dmgs[:2])
				if len(segs) > 0 && r.IntN(2) == 0 {
					c = phrase{"et " + c.fr, "en " + c.nl}
				}
				segs = append(segs, c)
			}
		}
	}
	if r.IntN(6) == 0 {
		segs = append(segs, trainee)
	}
	var fr, nl []string
	for _, s := range segs {
		fr, nl = append(fr, s.fr), append(nl, s.nl)
	}
	return phrase{strings.Join(fr, " "), strings.Join(nl, " ")}
}

func join(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return b.String()
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

func (g *gen) writeFeeCodes() {
	t := g.t[tFeeCodes]
	order := make([]int, len(g.feeCodes))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return g.feeCodes[a].num - g.feeCodes[b].num })
	for _, i := range order {
		f := g.feeCodes[i]
		t.begin()
		t.field("fee_code", strconv.Itoa(f.num))
		t.field("fee_code_desc_fr", f.fr)
		t.field("fee_code_desc_nl", f.nl)
		t.field("fee_code_cat", f.cat)
		t.end()
	}
}

// ---------------------------------------------------------------------------------------
// Codes, periods, amounts.

type gen struct {
	o          options
	r          *rand.Rand
	t          map[string]*table
	firstYear  int
	rate       map[int]int // yearly indexation on 1 January, in 1/10000
	feeCodes   []feeCode
	pairs      []int // index of the ordinary fee code of each patient-category pair (not 1600/1300)
	otherIdx   map[string]int
	unknowns   []int
	indices    map[byte][]keyIndex
	mismatches []mismatch

	keyLetterCodes int
	mismatchEvery  int
}

type keyIndex struct {
	name  string // e.g. N265
	value int64  // micro-euros
}

var letters = []struct {
	l          byte
	vmin, vmax int64 // value range, micro-euros
	cmin, cmax int   // coefficient range
}{
	{'N', 2_100_000, 3_600_000, 4, 40},
	{'K', 1_300_000, 2_600_000, 10, 600},
	{'Q', 20_000, 250_000, 10, 60},
	{'M', 500_000, 1_500_000, 5, 100},
	{'I', 100_000, 600_000, 10, 300},
	{'D', 800_000, 1_600_000, 10, 200},
	{'L', 1_000_000, 2_000_000, 5, 150},
}

func newGen(o options) *gen {
	g := &gen{o: o, r: rand.New(rand.NewPCG(o.seed, 0x4e4f4d454e534f46)), otherIdx: map[string]int{},
		firstYear: o.lastYear - o.years + 1, rate: map[int]int{}, indices: map[byte][]keyIndex{}}
	for y := g.firstYear; y <= o.lastYear; y++ {
		switch r := g.r.IntN(16); {
		case r < 2:
			g.rate[y] = 0 // no indexation this year
		case r == 2:
			g.rate[y] = 500 + g.r.IntN(300) // a high-inflation year
		default:
			g.rate[y] = 50 + g.r.IntN(300)
		}
	}
	g.buildFeeCodes(o.feeCodes)
	for _, l := range letters {
		for range 4 + g.r.IntN(8) {
			v := l.vmin + g.r.Int64N(l.vmax-l.vmin)
			g.indices[l.l] = append(g.indices[l.l], keyIndex{fmt.Sprintf("%c%d", l.l, 100+g.r.IntN(300)), v})
		}
	}
	g.mismatchEvery = 200
	return g
}

type date struct{ y, m, d int }

var openEnd = date{2999, 12, 31}

func (d date) before(e date) bool {
	return d.y < e.y || d.y == e.y && (d.m < e.m || d.m == e.m && d.d < e.d)
}

func (d date) dayBefore() date {
	t := time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
	return date{t.Year(), int(t.Month()), t.Day()}
}

func appendDate(b []byte, d date, withTime bool) []byte {
	b = append(b, byte('0'+d.y/1000), byte('0'+d.y/100%10), byte('0'+d.y/10%10), byte('0'+d.y%10), '-',
		byte('0'+d.m/10), byte('0'+d.m%10), '-', byte('0'+d.d/10), byte('0'+d.d%10))
	if withTime {
		b = append(b, "T00:00:00"...)
	}
	return b
}

func (g *gen) dateString(t *table, d date) string {
	wt := t.dates == withTime || t.dates == mixed && g.r.IntN(2) == 0
	var b [19]byte
	return string(appendDate(b[:0], d, wt))
}

type period struct {
	begin, end date
	change     int // the change that starts this period, in 1/10000 (0 for the first)
	fee        int64
}

type pairUse struct {
	idx       int // ordinary fee code; its partner is the preferential one
	ord, pref int // share of the fee reimbursed, in 1/1000
}

func (g *gen) writeCodes() {
	codes := g.pickCodes()
	for _, c := range codes {
		g.writeCode(fmt.Sprintf("%06d", c))
	}
}

// pickCodes: o.codes distinct numbers in 0–99999, sorted (Floyd's sampling).
func (g *gen) pickCodes() []int {
	set := map[int]bool{}
	const n = 100000
	for j := n - g.o.codes; j < n; j++ {
		k := g.r.IntN(j + 1)
		if set[k] {
			k = j
		}
		set[k] = true
	}
	out := make([]int, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func (g *gen) writeCode(code string) {
	r := g.r
	last := g.o.lastYear
	// Life of the code.
	start := date{g.firstYear, 1, 1}
	if r.IntN(100) < 15 && g.o.years > 1 {
		start = date{g.firstYear + 1 + r.IntN(g.o.years-1), pick(r, []int{1, 1, 4, 7, 10}), 1}
	}
	end := openEnd
	abolished := r.IntN(100) < 8 && start.y < last
	if abolished {
		y := start.y + r.IntN(last-start.y)
		end = date{y, 12, 31}
		if m := pick(r, []int{0, 0, 4, 7}); m != 0 && (date{y, m, 1}).after(start) {
			end = date{y, m, 1}.dayBefore()
		}
	}
	// Changes: indexation on 1 January, some mid-year revaluations.
	periods := []period{{begin: start}}
	for y := start.y; y <= last; y++ {
		if y > start.y && g.rate[y] != 0 {
			periods = append(periods, period{begin: date{y, 1, 1}, change: g.rate[y]})
		}
		if r.IntN(100) < 6 {
			d := date{y, pick(r, []int{3, 4, 7, 9, 10}), 1}
			if d.after(start) {
				periods = append(periods, period{begin: d, change: 100 + r.IntN(700)})
			}
		}
	}
	slices.SortStableFunc(periods, func(a, b period) int {
		if a.begin == b.begin {
			return 0
		}
		if a.begin.before(b.begin) {
			return -1
		}
		return 1
	})
	periods = slices.CompactFunc(periods, func(a, b period) bool { return a.begin == b.begin })
	for len(periods) > 1 && periods[len(periods)-1].begin.after(end) {
		periods = periods[:len(periods)-1]
	}
	for i := range periods {
		if i+1 < len(periods) {
			periods[i].end = periods[i+1].begin.dayBefore()
		} else {
			periods[i].end = end
		}
	}

	// The current fee, from key letters for some codes, then back through the changes.
	var keys []keyUse
	var fee int64
	if !abolished && r.IntN(100) < 35 {
		keys, fee = g.keyLetters()
	} else {
		fee = g.randomFee()
	}
	lastIdx := len(periods) - 1
	periods[lastIdx].fee = fee
	for i := lastIdx; i > 0; i-- {
		f := (periods[i].fee*10000*2 + int64(10000+periods[i].change)) / (2 * int64(10000+periods[i].change))
		periods[i-1].fee = max(f, 1)
	}
	if keys != nil {
		g.keyLetterCodes++
		total := keyTotal(keys)
		if g.keyLetterCodes%g.mismatchEvery == 1 {
			d := int64(1 + r.IntN(25))
			if r.IntN(2) == 0 && periods[lastIdx].fee > d {
				d = -d
			}
			periods[lastIdx].fee += d
			g.mismatches = append(g.mismatches, mismatch{code, periods[lastIdx].fee, total})
		}
	}

	// Which fee codes the code carries.
	var pairs []pairUse
	if r.IntN(100) < 80 {
		pairs = append(pairs, g.pairUse(1))
	}
	extra := 0
	switch x := r.IntN(100); {
	case x < 60:
	case x < 75:
		extra = 1
	case x < 85:
		extra = 2
	case x < 95:
		extra = 3
	default:
		extra = 6
	}
	for range extra {
		p := g.pairUse(pick(r, g.pairs))
		if !slices.ContainsFunc(pairs, func(q pairUse) bool { return q.idx == p.idx }) {
			pairs = append(pairs, p)
		}
	}
	var singles []int
	if r.IntN(100) < 4 {
		singles = append(singles, g.otherIdx[pick(r, []string{"base", "price", "max", "partial", "notariff", "list", "fixed5"})])
	}
	if r.IntN(100) < 2 {
		singles = append(singles, pick(r, g.unknowns))
	}
	allBis := r.IntN(100) < 3

	for i, p := range periods {
		current := p.end == openEnd
		lim, bis := g.t[tLimHist], g.t[tBisHist]
		if current {
			lim, bis = g.t[tLim], g.t[tBisLim]
		}
		if allBis {
			lim = bis
		}
		g.feeRow(lim, code, 0, p, p.fee)
		for _, u := range pairs {
			ord := p.fee * int64(u.ord) / 1000
			pref := max(p.fee*int64(u.pref)/1000, ord)
			t := bis
			if u.idx == 1 {
				t = lim
			}
			g.feeRow(t, code, g.feeCodes[g.feeCodes[u.idx].partner].num, p, pref)
			g.feeRow(t, code, g.feeCodes[u.idx].num, p, ord)
		}
		for _, s := range singles {
			g.feeRow(bis, code, g.feeCodes[s].num, p, g.singleAmount(s, p.fee))
		}
		if abolished && i == lastIdx {
			g.feeRow(bis, code, g.feeCodes[g.otherIdx["deleted"]].num, p, 0)
		}
	}

	g.writeLabels(code, start, end, keys, periods[lastIdx])
}

func (d date) after(e date) bool { return e.before(d) }

func (g *gen) pairUse(idx int) pairUse {
	f := g.feeCodes[idx]
	if f.fullPair || g.r.IntN(20) == 0 {
		return pairUse{idx: idx, ord: 1000, pref: 1000}
	}
	ord := 500 + g.r.IntN(451)
	return pairUse{idx: idx, ord: ord, pref: ord + g.r.IntN(1001-ord)}
}

func (g *gen) singleAmount(i int, fee int64) int64 {
	switch g.feeCodes[i].other {
	case "base", "price", "max", "list":
		return fee
	case "notariff":
		return 0
	case "fixed5":
		return min(500, fee)
	}
	return fee * int64(g.r.IntN(1001)) / 1000
}

func (g *gen) randomFee() int64 {
	r := g.r
	switch x := r.IntN(100); {
	case x < 5:
		return 50 + r.Int64N(450) // 0.50–5 €
	case x < 55:
		return 500 + r.Int64N(5500) // 5–60 €
	case x < 85:
		return 6000 + r.Int64N(34000) // 60–400 €
	default:
		return 40000 + r.Int64N(260000) // 400–3000 €
	}
}

type keyUse struct {
	letter byte
	index  keyIndex
	coeff  int
}

func keyTotal(keys []keyUse) int64 {
	var s int64
	for _, k := range keys {
		s += int64(k.coeff) * k.index.value
	}
	return s
}

// keyLetters draws 1–3 key letters and returns them with the fee they give (Σ coefficient ×
// value, rounded half up to the cent; an exact half is avoided so no rounding rule matters).
func (g *gen) keyLetters() ([]keyUse, int64) {
	r := g.r
	n := 1
	if x := r.IntN(10); x >= 9 {
		n = 3
	} else if x >= 6 {
		n = 2
	}
	for {
		var keys []keyUse
		perm := r.Perm(len(letters))
		for _, li := range perm[:n] {
			l := letters[li]
			keys = append(keys, keyUse{letter: l.l, index: pick(r, g.indices[l.l]), coeff: l.cmin + r.IntN(l.cmax-l.cmin+1)})
		}
		total := keyTotal(keys)
		if total%10000 == 5000 {
			continue
		}
		return keys, (total + 5000) / 10000
	}
}

// ---------------------------------------------------------------------------------------
// Labels.

type labelTemplate struct{ fr, nl string }

var labelTemplates = []labelTemplate{
	{"Consultation au cabinet par un médecin spécialiste en %s", "Raadpleging in de spreekkamer door een arts-specialist voor %s"},
	{"Avis rédigé par un médecin spécialiste en %s, après examen du patient", "Advies opgesteld door een arts-specialist voor %s, na onderzoek van de patiënt"},
	{"Prestation technique en %s (honoraire forfaitaire en €)", "Technische verstrekking in %s (forfaitair honorarium in €)"},
	{"Examen de l'œil et de ses annexes – %s", "Onderzoek van het oog en de adnexa – %s"},
	{"Forfait de coordination & de concertation multidisciplinaire — %s", "Forfait voor coördinatie & multidisciplinair overleg — %s"},
	{"Supplément d'honoraires pour une prestation en %s effectuée la nuit, le week-end ou un jour férié", "Honorariumsupplement voor een verstrekking in de %s 's nachts, tijdens het weekend of op een feestdag"},
	{"Séance de réadaptation fonctionnelle en %s, durée minimale de 30 minutes", "Zitting revalidatie %s, minimale duur 30 minuten"},
	{"Visite au domicile du bénéficiaire, orientée %s, par un médecin généraliste agréé", "Bezoek bij de rechthebbende thuis, gericht op %s, door een erkende huisarts"},
	{"Réintégration socioprofessionnelle : bilan d'évaluation en %s", "Reïntegratie: evaluatiebilan %s"},
	{"Surveillance d'un bénéficiaire hospitalisé, service de %s", "Toezicht op een in het ziekenhuis opgenomen rechthebbende, dienst %s"},
}

var specialties = []phrase{
	{"médecine interne", "inwendige geneeskunde"}, {"pédiatrie", "pediatrie"}, {"gériatrie", "geriatrie"},
	{"ophtalmologie", "oftalmologie"}, {"oto-rhino-laryngologie", "oto-rhino-laryngologie"},
	{"neurochirurgie", "neurochirurgie"}, {"gastro-entérologie", "gastro-enterologie"},
	{"pneumologie", "pneumologie"}, {"rhumatologie", "reumatologie"},
	{"dermato-vénéréologie", "dermato-venereologie"}, {"psychiatrie", "psychiatrie"},
	{"médecine nucléaire", "nucleaire geneeskunde"}, {"anesthésie-réanimation", "anesthesie-reanimatie"},
	{"radiothérapie-oncologie", "radiotherapie-oncologie"}, {"médecine physique et réadaptation", "fysische geneeskunde en revalidatie"},
	{"orthopédie", "orthopedie"}, {"biologie clinique", "klinische biologie"}, {"néphrologie", "nefrologie"},
}

var revisions = []phrase{
	{"", ""},
	{", accrédité", ", geaccrediteerd"},
	{", y compris le rapport écrit", ", inclusief het schriftelijk verslag"},
}

var rubrics = []struct{ n, fr, nl string }{
	{"N01", "Consultations, visites et avis de médecins", "Raadplegingen, bezoeken en adviezen van artsen"},
	{"N02", "Prestations techniques médicales — soins courants", "Technische geneeskundige verstrekkingen — gewone verstrekkingen"},
	{"N03", "Surveillance des bénéficiaires hospitalisés", "Toezicht op de in een ziekenhuis opgenomen rechthebbenden"},
	{"N05", "Kinésithérapie et réadaptation", "Kinesitherapie en revalidatie"},
	{"N07", "Biologie clinique", "Klinische biologie"},
	{"N08", "Imagerie médicale", "Medische beeldvorming"},
	{"N11", "Chirurgie générale", "Algemene heelkunde"},
	{"N12", "Ophtalmologie", "Oftalmologie"},
	{"N13", "Oto-rhino-laryngologie", "Oto-rhino-laryngologie"},
	{"N17", "Médecine interne — prestations spéciales", "Inwendige geneeskunde — speciale verstrekkingen"},
	{"N20", "Forfaits et honoraires de coordination", "Forfaits en coördinatiehonoraria"},
}

const (
	synthFR = "[SYNTHÉTIQUE] "
	synthNL = "[SYNTHETISCH] "
)

func (g *gen) writeLabels(code string, start, end date, keys []keyUse, current period) {
	r := g.r
	tmpl, spec := pick(r, labelTemplates), pick(r, specialties)
	// Label versions through time: a new wording on some 1 January.
	versions := []date{start}
	lastY := min(end.y, g.o.lastYear)
	for n := r.IntN(10); n >= 7 && lastY > start.y; n-- {
		d := date{start.y + 1 + r.IntN(lastY-start.y), 1, 1}
		if !slices.Contains(versions, d) && d.before(end) {
			versions = append(versions, d)
		}
	}
	slices.SortFunc(versions, func(a, b date) int {
		if a.before(b) {
			return -1
		}
		if b.before(a) {
			return 1
		}
		return 0
	})
	label := func(v int) (string, string) {
		rev := revisions[min(v, len(revisions)-1)]
		return synthFR + fmt.Sprintf(tmpl.fr, spec.fr) + rev.fr + " (" + code + ")",
			synthNL + fmt.Sprintf(tmpl.nl, spec.nl) + rev.nl + " (" + code + ")"
	}
	t := g.t[tDescHist]
	for i, b := range versions {
		e := end
		if i+1 < len(versions) {
			e = versions[i+1].dayBefore()
		}
		fr, nl := label(i)
		for _, l := range []struct{ lang, text string }{{"F", fr}, {"N", nl}} {
			t.begin()
			t.field("nomen_code", code)
			t.field("language", l.lang)
			t.field("nomen_desc", l.text)
			t.field("dbegin", g.dateString(t, b))
			t.field("dend", g.dateString(t, e))
			t.end()
		}
	}

	fr, nl := label(len(versions) - 1)
	rub := pick(r, rubrics)
	s := g.t[tSummary]
	s.begin()
	s.field("nomen_code", code)
	s.field("dbegin", g.dateString(s, start))
	s.field("nomen_desc_fr", fr)
	s.field("nomen_desc_nl", nl)
	s.field("nomen_grp_n", rub.n)
	s.field("nomen_grp_n_desc_fr", synthFR+rub.fr)
	s.field("nomen_grp_n_desc_nl", synthNL+rub.nl)
	s.field("ambhos_pat_cat", pick(r, []string{"0", "0", "0", "1", "2"}))
	for i, k := range keys { // absent key letters are absent elements (NULL)
		n := strconv.Itoa(i + 1)
		s.field("key_letter"+n, string(k.letter))
		s.field("key_letter_index"+n, k.index.name)
		s.field("key_coeff"+n, strconv.Itoa(k.coeff))
		s.field("key_letter"+n+"_value", strings.Replace(micros(k.index.value), ".", ",", 1))
	}
	if len(keys) > 0 {
		s.field("dbegin_key_letter_value", g.dateString(s, current.begin))
	}
	s.end()
}

func (g *gen) feeRow(t *table, code string, feeCode int, p period, amount int64) {
	t.begin()
	t.field("nomen_code", code)
	t.field("fee_code", strconv.Itoa(feeCode))
	t.field("dbegin_fee", g.dateString(t, p.begin))
	t.field("dend_fee", g.dateString(t, p.end))
	a := cents(amount)
	if t.name == tLimHist {
		a += "0000" // six decimals, as the flat copies give them
	}
	t.field("fee", a)
	t.end()
}

func cents(c int64) string {
	return fmt.Sprintf("%d.%02d", c/100, c%100)
}

func micros(m int64) string {
	return fmt.Sprintf("%d.%06d", m/1_000_000, m%1_000_000)
}
