package importer

// Fee codes (NOMEN_FEECODES): what the amount of one NomenSoft fee row means.
//
// Each row of NOMEN_CODE_FEE_LIM carries a fee_code; NOMEN_FEECODES describes every fee code
// (fee_code_desc_fr, fee_code_desc_nl, fee_code_cat). ClassifyFeeCode reads those descriptions
// and says whether the amounts are the fee, a reimbursement, a personal share, something else,
// or not understood, and for reimbursements and shares which patients they apply to, written in
// the canonical category grammar of the engine (see canonicalCategory).
//
// Mapping rules. Descriptions are normalised (NormalizeDescription), cut into words and read
// left to right, longest known phrase first. Every word must belong to a known phrase: one
// unread word makes the whole description "unknown", because a half-read category could be
// applied to the wrong patient.
//
//   - Fixed points: fee code 0 = fee; 1300 = reimbursement, preferential=yes; 1600 =
//     reimbursement, preferential=no.
//   - Kind words: "honoraire(s)" (NL honorarium) = fee; "intervention (de l'assurance)",
//     "montant de l'intervention de l'assurance", "remboursement" (NL tegemoetkoming,
//     terugbetaling) = reimbursement; "part personnelle", "intervention personnelle",
//     "ticket modérateur" (NL persoonlijk aandeel, remgeld) = share. Without a kind word,
//     fee_code_cat decides (01 fee; 02, 03, 04, 06 reimbursement; 05 share, leading zeros
//     ignored); without either the description stays unknown.
//   - "other" (understood, not a patient amount; wins over everything else): base de
//     remboursement, prix (sur facture), maximale/maximum/plafond, forfait partiel, le numéro
//     de code est supprimé, pas (encore repris) de tarifs, liste(s) limitative(s), seulement les
//     centres agréés…, voir liste…, montant fixe mensuel (maisons médicales).
//   - Global conditions (bind to every alternative wherever they stand): "avec/sans régime
//     préférentiel" (and "avec/sans intervention majorée") → preferential=yes/no;
//     "prestataire (non) conventionné" → conventioned=yes/no.
//   - Group heads (each opens one alternative of a disjunction): age phrases —
//     "(enfant) avant le 10ème anniversaire" → age=0-9, "à partir du 10ème (anniversaire)
//     jusqu'à son 75ème anniversaire" and "de 10 à 75 ans" → age=10-74, "à partir du 75ème
//     anniversaire" → age=75-, "jusqu'au 18ème anniversaire" → age=0-17, "à partir du 18ème
//     anniversaire" → age=18-, "(enfant de) moins de 5 ans" → age=0-4; "malade chronique" →
//     chronic=yes; "(bénéficiaires) qui consultent un médecin spécialiste après avoir été
//     envoyés par un médecin généraliste" → referred=yes.
//   - Group modifiers (bind to the alternative just opened, or to all when none is open yet):
//     "avec DMG"/"dans le cadre du DMG" → dmg=yes, "sans DMG"/"pas dans le cadre du DMG" →
//     dmg=no, "avec (ou) sans DMG" → no condition, "sans être malade chronique" → chronic=no.
//     "et"/"ou" only separate phrases: "à partir du 75ème anniversaire avec DMG et malade
//     chronique avec DMG" is two alternatives (the rate is for both groups), while "sans DMG et
//     sans être malade chronique" is one (a modifier is not a head).
//   - "médecin (spécialiste) stagiaire" → training=yes: before any group it binds to all
//     (these amounts are the trainee's); after a list of groups it is one more alternative
//     ("… malade chronique sans DMG, médecin stagiaire" = or the doctor is in training).
//   - Unit: "à 30 %" (at the very end) → unit=percent, percent=30, as opposed to "montant
//     fixe" (eur). Unsure: the rows may hold euros computed at that rate; the importer should
//     check the amounts before using them as euros. "montant fixe", "montant (non) arrondi par
//     unité", "à l'acte" are read but change nothing (eur).
//   - FR is read first; NL is read when there is no FR text, and when both are fully read and
//     disagree the fee code is unknown. An FR text with unread words stays unknown whatever
//     the NL says (a translation cannot vouch for words it does not show).
//
// Deliberately unknown (the phrase is clear but the grammar cannot say it, so any category
// would reach patients it does not cover): "patient palliatif"; "fonction agréée de soins
// intensifs"; "à taux exceptionnel"; "si les conditions ne sont pas respectées"; "sur base du
// paragraphe/de l'alinéa N de l'article 7"; "pas de prestations dans l'année calendrier
// précédente"; "une des conditions de surveillance de stage non remplie" (narrower than
// training=yes); "cabinet" (place of care); newborns "de moins de 6 mois" (not whole years);
// dental prostheses by number of teeth; anaesthesia or "prestation dans catégorie K…/N…"
// (by the size of the act, not the patient); the AR of 16/02/2009 exemption; an empty
// description; a fee that names a patient category.

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// A FeeCodeMeaning says what the amounts of one fee code are.
type FeeCodeMeaning struct {
	Meaning  string // "fee", "reimbursement", "share", "other", "unknown"
	Category string // canonical patient-category expression; "" = every patient. Only for reimbursement/share.
	Unit     string // "eur" (fixed amount, default) or "percent"
	Percent  string // e.g. "30" when the description names a percentage ("a_30_"), else ""
	Why      string // short English note of what decided it
}

// Meanings of a fee code.
const (
	MeaningFee           = "fee"
	MeaningReimbursement = "reimbursement"
	MeaningShare         = "share"
	MeaningOther         = "other"
	MeaningUnknown       = "unknown"
)

// categoryKeys is the order of the conditions in a canonical category expression.
var categoryKeys = []string{"preferential", "age", "dmg", "chronic", "referred", "conventioned", "training"}

// accentFold maps accented lower-case Latin letters to their base letters.
var accentFold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'æ': "ae",
	'ç': "c", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ñ': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'œ': "oe",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y", 'ß': "ss",
}

// NormalizeDescription lowers case, removes accents, turns every run of non-alphanumerics
// into "_" ("À partir du 10ème … 75ème anniversaire, avec DMG" →
// "a_partir_du_10eme_…_75eme_anniversaire_avec_dmg"). Leading and trailing runs are kept as
// "_", as the NomenSoft readers do ("à 30 %" → "a_30_").
func NormalizeDescription(s string) string {
	var b strings.Builder
	sep := false
	put := func(t string) {
		if sep {
			b.WriteByte('_')
			sep = false
		}
		b.WriteString(t)
	}
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.Is(unicode.Mn, r): // combining accent of a decomposed letter
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			put(string(r))
		default:
			if f, ok := accentFold[r]; ok {
				put(f)
			} else {
				sep = true
			}
		}
	}
	if sep {
		b.WriteByte('_')
	}
	return b.String()
}

// ClassifyFeeCode gives a fee code its meaning from its number, category and descriptions
// (FR first, NL as a fallback and cross-check).
func ClassifyFeeCode(feeCode int, feeCodeCat, descFR, descNL string) FeeCodeMeaning {
	switch feeCode {
	case FeeCodeFee:
		return FeeCodeMeaning{Meaning: MeaningFee, Unit: "eur", Why: "fee code 0 is the fee"}
	case FeeCodePreferential:
		return FeeCodeMeaning{Meaning: MeaningReimbursement, Category: "preferential=yes", Unit: "eur",
			Why: "fee code 1300 is the preferential reimbursement"}
	case FeeCodeOrdinary:
		return FeeCodeMeaning{Meaning: MeaningReimbursement, Category: "preferential=no", Unit: "eur",
			Why: "fee code 1600 is the ordinary reimbursement"}
	}
	fr := fcRead(descFR, fcPhrasesFR)
	nl := fcRead(descNL, fcPhrasesNL)
	unknown := func(why string) FeeCodeMeaning {
		return FeeCodeMeaning{Meaning: MeaningUnknown, Unit: "eur", Why: why}
	}

	// Something that is not a patient amount, in either language, is decisive.
	for _, r := range []*fcReading{fr, nl} {
		if r.other != "" {
			return FeeCodeMeaning{Meaning: MeaningOther, Unit: "eur", Why: r.other + " → not a patient amount"}
		}
	}

	var use *fcReading
	switch {
	case fr.ok():
		use = fr
		if nl.ok() {
			if nl.category != fr.category || nl.unit != fr.unit || nl.percent != fr.percent {
				return unknown("FR and NL disagree: FR " + fcShow(fr) + ", NL " + fcShow(nl))
			}
			if fr.kind != "" && nl.kind != "" && fr.kind != nl.kind {
				return unknown("FR says " + fr.kind + ", NL says " + nl.kind)
			}
			if fr.kind == "" && nl.kind != "" {
				fr.kind, fr.notes = nl.kind, append(fr.notes, "NL: "+nl.kindWhy)
			}
		}
	case nl.ok() && fr.blank():
		use = nl
		use.notes = append([]string{"no FR description, NL read"}, use.notes...)
	case fr.blank() && !nl.blank():
		return unknown("no FR description; NL: " + nl.problem())
	default:
		return unknown(fr.problem())
	}

	kind := use.kind
	notes := use.notes
	if kind == "" {
		hint := fcCatHint(feeCodeCat)
		if hint == "" {
			return unknown("no kind word (fee, reimbursement, share) and fee_code_cat " + strconv.Quote(feeCodeCat) + " gives none; " + strings.Join(notes, "; "))
		}
		kind = hint
		notes = append(notes, "fee_code_cat "+feeCodeCat+" → "+hint)
	} else if hint := fcCatHint(feeCodeCat); hint != "" && hint != kind {
		notes = append(notes, "fee_code_cat "+feeCodeCat+" hints "+hint+", description wins")
	}
	if kind == MeaningFee && use.category != "" {
		return unknown("a fee for one patient category only (" + use.category + ") cannot be applied to every patient")
	}
	unit := use.unit
	if unit == "" {
		unit = "eur"
	}
	return FeeCodeMeaning{Meaning: kind, Category: use.category, Unit: unit, Percent: use.percent, Why: strings.Join(notes, "; ")}
}

// fcCatHint is what fee_code_cat alone suggests ("" = nothing).
func fcCatHint(cat string) string {
	c := strings.TrimLeft(strings.TrimSpace(cat), "0")
	switch c {
	case "1":
		return MeaningFee
	case "2", "3", "4", "6":
		return MeaningReimbursement
	case "5":
		return MeaningShare
	}
	return ""
}

func fcShow(r *fcReading) string {
	s := r.category
	if s == "" {
		s = "every patient"
	}
	if r.percent != "" {
		s += " at " + r.percent + "%"
	}
	return s
}

// canonicalCategory writes alternatives of conditions in the canonical grammar: conditions in
// the order of categoryKeys joined by ";", alternatives joined by "|" in their first order,
// duplicates removed, empty values left out. An alternative without conditions covers every
// patient, so the whole expression is then "". Keys outside the grammar come last, sorted, so
// that nothing is silently dropped.
func canonicalCategory(alts []map[string]string) string {
	var out []string
	seen := map[string]bool{}
	for _, alt := range alts {
		var conds []string
		for _, k := range categoryKeys {
			if v := alt[k]; v != "" {
				conds = append(conds, k+"="+v)
			}
		}
		var extra []string
		for k, v := range alt {
			if v != "" && !fcKnownKey(k) {
				extra = append(extra, k+"="+v)
			}
		}
		sort.Strings(extra)
		conds = append(conds, extra...)
		if len(conds) == 0 {
			return ""
		}
		s := strings.Join(conds, ";")
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return strings.Join(out, "|")
}

func fcKnownKey(k string) bool {
	for _, c := range categoryKeys {
		if c == k {
			return true
		}
	}
	return false
}

// What a phrase does.
type fcAction int

const (
	fcNoise    fcAction = iota // read, changes nothing (val: note or "")
	fcKind                     // val: fee, reimbursement, share
	fcOther                    // val: reason
	fcGlobal                   // key=val on every alternative
	fcHead                     // opens an alternative with key=val (age: computed)
	fcModifier                 // key=val on the open alternative (or all if none)
	fcTraining                 // training=yes: global before any group, else an alternative
	fcPercent                  // unit=percent, percent = the number
)

// Age computations of an age phrase from its numbers.
const (
	fcAgeNone   = iota
	fcAgeBefore // before the n-th birthday / under n years: 0-(n-1)
	fcAgeFrom   // from the n-th birthday: n-
	fcAgeSpan   // from n to m (exclusive, "de 10 à 75 ans" = 10-74): n-(m-1)
)

// A phrase is a pattern of words: "#" a number, "#e" an ordinal (10eme, 75ste, 18de, 1er),
// "a|b" alternatives, a trailing "?" an optional word; "$" as the last word anchors the
// phrase at the end of the description.
type fcPhrase struct {
	pat    []string
	action fcAction
	key    string
	val    string
	age    int
}

func fcP(pat string, action fcAction, key, val string) fcPhrase {
	return fcPhrase{pat: strings.Fields(pat), action: action, key: key, val: val}
}

func fcAge(pat string, age int) fcPhrase {
	return fcPhrase{pat: strings.Fields(pat), action: fcHead, key: "age", age: age}
}

var fcPhrasesFR = []fcPhrase{
	// kinds
	fcP("honoraire|honoraires", fcKind, "", MeaningFee),
	fcP("intervention|ntervention|interventions", fcKind, "", MeaningReimbursement),
	fcP("intervention de l assurance", fcKind, "", MeaningReimbursement),
	fcP("intervention de l assurance obligatoire", fcKind, "", MeaningReimbursement),
	fcP("montant de l intervention de? l? assurance?", fcKind, "", MeaningReimbursement),
	fcP("montant de l intervention de l assurance obligatoire", fcKind, "", MeaningReimbursement),
	fcP("remboursement|rembousement", fcKind, "", MeaningReimbursement),
	fcP("montant du remboursement", fcKind, "", MeaningReimbursement),
	fcP("part personnelle", fcKind, "", MeaningShare),
	fcP("part personnelle du|des beneficiaire|beneficiaires", fcKind, "", MeaningShare),
	fcP("quote part personnelle", fcKind, "", MeaningShare),
	fcP("intervention personnelle", fcKind, "", MeaningShare),
	fcP("intervention personnelle du|des beneficiaire|beneficiaires", fcKind, "", MeaningShare),
	fcP("ticket moderateur", fcKind, "", MeaningShare),

	// not a patient amount
	fcP("base de remboursement", fcOther, "", "base de remboursement (reimbursement base)"),
	fcP("prix", fcOther, "", "prix (a price)"),
	fcP("maximale|maximal|maximum|plafond", fcOther, "", "a maximum"),
	fcP("forfait partiel", fcOther, "", "forfait partiel (partial lump sum of a centre)"),
	fcP("le? numero de code est supprime", fcOther, "", "code supprimé (the code is deleted)"),
	fcP("code supprime", fcOther, "", "code supprimé (the code is deleted)"),
	fcP("pas de tarif|tarifs", fcOther, "", "pas de tarifs (no tariffs)"),
	fcP("pas encore repris de tarifs", fcOther, "", "pas encore repris de tarifs (no tariffs yet)"),
	fcP("liste|listes limitative|limitatives", fcOther, "", "liste limitative (a limitative list)"),
	fcP("seulement les centres agrees", fcOther, "", "only approved centres may bill the code"),
	fcP("voir liste", fcOther, "", "voir liste (see a list of centres)"),
	fcP("montant fixe mensuel", fcOther, "", "monthly lump sum (maisons médicales)"),

	// read, no effect
	fcP("de l assurance", fcNoise, "", ""),
	fcP("montant de l indemnite", fcNoise, "", `"montant de l'indemnité" names no kind`),
	fcP("montant fixe", fcNoise, "", `"montant fixe" → fixed amount (eur)`),
	fcP("montant arrondi par unite", fcNoise, "", `"montant arrondi par unité" → amount rounded per unit (eur)`),
	fcP("montant non arrondi par unite", fcNoise, "", `"montant non arrondi par unité" → amount not rounded per unit (eur)`),
	fcP("a l acte", fcNoise, "", `"à l'acte" → per act`),
	fcP("beneficiaire|beneficiaires", fcNoise, "", ""),
	fcP("pour? les|des|du|le beneficiaire|beneficiaires", fcNoise, "", ""),
	fcP("et|ou", fcNoise, "", ""),

	// global conditions
	fcP("avec regime preferentiel", fcGlobal, "preferential", "yes"),
	fcP("sans regime preferentiel", fcGlobal, "preferential", "no"),
	fcP("avec intervention majoree", fcGlobal, "preferential", "yes"),
	fcP("sans intervention majoree", fcGlobal, "preferential", "no"),
	fcP("prestataire|dispensateur|medecin conventionne|conventionnee|conventionnes", fcGlobal, "conventioned", "yes"),
	fcP("prestataire|dispensateur|medecin non conventionne|conventionnee|conventionnes", fcGlobal, "conventioned", "no"),

	// group heads
	fcAge("enfant|enfants? avant le #e anniversaire", fcAgeBefore),
	fcAge("a partir du #e anniversaire? jusqu a son #e anniversaire", fcAgeSpan),
	fcAge("a partir du #e anniversaire? jusqu au #e anniversaire", fcAgeSpan),
	fcAge("a partir du #e anniversaire", fcAgeFrom),
	fcAge("de # a # ans", fcAgeSpan),
	fcAge("jusqu au #e anniversaire", fcAgeBefore),
	fcAge("enfant|enfants? de? moins de # ans", fcAgeBefore),
	fcP("malade|malades chronique|chroniques", fcHead, "chronic", "yes"),
	fcP("pour? des|les beneficiaires? qui consultent un medecin specialiste apres avoir ete envoyes par un medecin generale|generaliste", fcHead, "referred", "yes"),

	// group modifiers
	fcP("avec dmg", fcModifier, "dmg", "yes"),
	fcP("sans dmg", fcModifier, "dmg", "no"),
	fcP("avec ou? sans dmg", fcModifier, "dmg", ""),
	fcP("avec dossier medical global", fcModifier, "dmg", "yes"),
	fcP("sans dossier medical global", fcModifier, "dmg", "no"),
	fcP("avec ou? sans dossier medical global", fcModifier, "dmg", ""),
	fcP("dans le cadre du dmg", fcModifier, "dmg", "yes"),
	fcP("dans le cadre du dossier medical global", fcModifier, "dmg", "yes"),
	fcP("pas|hors dans? le cadre du dmg", fcModifier, "dmg", "no"),
	fcP("pas|hors dans? le cadre du dossier medical global", fcModifier, "dmg", "no"),
	fcP("sans etre malade chronique", fcModifier, "chronic", "no"),

	// doctor in training
	fcP("medecin stagiaire", fcTraining, "training", "yes"),
	fcP("medecin specialiste|generaliste stagiaire", fcTraining, "training", "yes"),
	fcP("medecin specialiste|generaliste en formation", fcTraining, "training", "yes"),

	// unit
	fcP("a # $", fcPercent, "", ""),
	fcP("# pourcent|pct $", fcPercent, "", ""),
}

// Dutch phrases (fallback when the French cannot be read). Not checked against a real NL
// export: none was available, so they only ever rescue a description or veto a disagreeing one.
var fcPhrasesNL = []fcPhrase{
	fcP("honorarium|honoraria|honoraire|honoraires", fcKind, "", MeaningFee),
	fcP("tegemoetkoming|verzekeringstegemoetkoming|terugbetaling", fcKind, "", MeaningReimbursement),
	fcP("tegemoetkoming van de verzekering", fcKind, "", MeaningReimbursement),
	fcP("bedrag van de tegemoetkoming van de verzekering", fcKind, "", MeaningReimbursement),
	fcP("persoonlijk aandeel", fcKind, "", MeaningShare),
	fcP("persoonlijk aandeel van de rechthebbende|rechthebbenden", fcKind, "", MeaningShare),
	fcP("persoonlijke tussenkomst", fcKind, "", MeaningShare),
	fcP("remgeld", fcKind, "", MeaningShare),

	fcP("terugbetalingsbasis|vergoedingsbasis", fcOther, "", "terugbetalingsbasis (reimbursement base)"),
	fcP("basis van de? terugbetaling", fcOther, "", "terugbetalingsbasis (reimbursement base)"),
	fcP("prijs", fcOther, "", "prijs (a price)"),
	fcP("maximum|maximaal|maximale|plafond", fcOther, "", "a maximum"),
	fcP("partieel|gedeeltelijk forfait", fcOther, "", "partial lump sum"),
	fcP("geen tarief|tarieven", fcOther, "", "geen tarieven (no tariffs)"),
	fcP("limitatieve lijst|lijsten", fcOther, "", "limitatieve lijst (a limitative list)"),
	fcP("geschrapt", fcOther, "", "code geschrapt (the code is deleted)"),

	fcP("rechthebbende|rechthebbenden", fcNoise, "", ""),
	fcP("vast bedrag", fcNoise, "", `"vast bedrag" → fixed amount (eur)`),
	fcP("per prestatie", fcNoise, "", `"per prestatie" → per act`),
	fcP("en|of", fcNoise, "", ""),

	fcP("met voorkeurregeling", fcGlobal, "preferential", "yes"),
	fcP("zonder voorkeurregeling", fcGlobal, "preferential", "no"),
	fcP("met verhoogde tegemoetkoming", fcGlobal, "preferential", "yes"),
	fcP("zonder verhoogde tegemoetkoming", fcGlobal, "preferential", "no"),
	fcP("geconventioneerde zorgverlener|verstrekker|arts|geneesheer", fcGlobal, "conventioned", "yes"),
	fcP("niet geconventioneerde zorgverlener|verstrekker|arts|geneesheer", fcGlobal, "conventioned", "no"),
	fcP("zorgverlener|verstrekker geconventioneerd", fcGlobal, "conventioned", "yes"),
	fcP("zorgverlener|verstrekker niet geconventioneerd", fcGlobal, "conventioned", "no"),

	fcAge("kind|kinderen? voor de #e verjaardag", fcAgeBefore),
	fcAge("vanaf de #e verjaardag? tot zijn|de #e verjaardag", fcAgeSpan),
	fcAge("vanaf de #e verjaardag", fcAgeFrom),
	fcAge("van # tot # jaar", fcAgeSpan),
	fcAge("tot de|zijn #e verjaardag", fcAgeBefore),
	fcAge("kind|kinderen? jonger dan # jaar", fcAgeBefore),
	fcP("chronisch|chronische zieke|zieken|ziek", fcHead, "chronic", "yes"),
	fcP("na verwijzing door een|de huisarts", fcHead, "referred", "yes"),
	fcP("verwezen door een|de huisarts", fcHead, "referred", "yes"),

	fcP("met gmd", fcModifier, "dmg", "yes"),
	fcP("zonder gmd", fcModifier, "dmg", "no"),
	fcP("met of? zonder gmd", fcModifier, "dmg", ""),
	fcP("met globaal medisch dossier", fcModifier, "dmg", "yes"),
	fcP("zonder globaal medisch dossier", fcModifier, "dmg", "no"),
	fcP("met of? zonder globaal medisch dossier", fcModifier, "dmg", ""),
	fcP("in het kader van het gmd", fcModifier, "dmg", "yes"),
	fcP("niet in het kader van het gmd", fcModifier, "dmg", "no"),
	fcP("zonder chronisch ziek te zijn", fcModifier, "chronic", "no"),

	fcP("arts|geneesheer stagiair", fcTraining, "training", "yes"),
	fcP("stagiair arts|geneesheer", fcTraining, "training", "yes"),
	fcP("arts|geneesheer specialist in opleiding", fcTraining, "training", "yes"),
	fcP("huisarts in opleiding", fcTraining, "training", "yes"),

	fcP("aan|tegen # $", fcPercent, "", ""),
	fcP("# pct|procent $", fcPercent, "", ""),
}

// Why a description the grammar cannot say stays unknown (checked on the normalised text,
// for the note only: any unread word already makes it unknown).
var fcBlockers = []struct{ sub, why string }{
	{"palliati", "palliative patients are not a category of the grammar"},
	{"soins_intensifs", "an approved intensive-care function is a hospital condition, not in the grammar"},
	{"taux_excepti", "an exceptional rate applies under conditions the grammar cannot say"},
	{"conditions_ne_sont_pas_respectees", "applies only when conditions are not respected"},
	{"surveillan", "a trainee whose supervision conditions are not met is narrower than training=yes"},
	{"cabinet", "the place of care (cabinet) is not in the grammar"},
	{"mois", "an age in months cannot be written in whole years"},
	{"prothese", "a dental prosthesis by number of teeth is not a patient category"},
	{"anesthesie", "depends on the size of the act, not on the patient"},
	{"categorie", "depends on the size of the act (key-letter category), not on the patient"},
	{"article_7", "a legal provision (article 7) the grammar cannot say"},
	{"annee_calendrier", "depends on services in the previous calendar year"},
	{"ar_du", "an exemption under a royal decree the grammar cannot say"},
}

var (
	fcNumber  = regexp.MustCompile(`^[0-9]+$`)
	fcOrdinal = regexp.MustCompile(`^([0-9]+)(eme|e|er|ere|de|ste)$`)
)

// fcReading is what one description says.
type fcReading struct {
	text     string // normalised
	kind     string
	kindWhy  string
	other    string
	category string
	unit     string
	percent  string
	notes    []string
	unread   []string
	conflict string
	words    int // words read into a condition, kind or unit
}

// ok: fully read and not empty.
func (r *fcReading) ok() bool {
	return len(r.unread) == 0 && r.conflict == "" && r.words > 0
}

// blank: nothing at all in the description (so NL may stand in for it). A French text with
// unread words is not blank: its NL translation cannot vouch for words it does not show.
func (r *fcReading) blank() bool {
	return r.words == 0 && len(r.unread) == 0 && r.conflict == ""
}

func (r *fcReading) problem() string {
	switch {
	case r.conflict != "":
		return r.conflict
	case len(r.unread) > 0:
		s := "unread " + strconv.Quote(strings.Join(r.unread, " … ")) + " in " + strconv.Quote(r.text)
		for _, b := range fcBlockers {
			if strings.Contains(r.text, b.sub) {
				s += ": " + b.why
				break
			}
		}
		return s
	case r.text == "" || strings.Trim(r.text, "_") == "":
		return "empty description"
	}
	return "nothing read in " + strconv.Quote(r.text)
}

// fcMatch matches pat against words from i; it returns the number of words used and the
// numbers found, or -1.
func fcMatch(pat []string, words []string, i int) (int, []int) {
	var nums []int
	var rec func(p, w int) int
	rec = func(p, w int) int {
		if p == len(pat) {
			return w
		}
		tok := pat[p]
		if tok == "$" {
			if w == len(words) {
				return w
			}
			return -1
		}
		optional := strings.HasSuffix(tok, "?")
		tok = strings.TrimSuffix(tok, "?")
		if w < len(words) {
			saved := len(nums)
			if fcWordMatches(tok, words[w], &nums) {
				if end := rec(p+1, w+1); end >= 0 {
					return end
				}
			}
			nums = nums[:saved]
		}
		if optional {
			return rec(p+1, w)
		}
		return -1
	}
	end := rec(0, i)
	if end < 0 {
		return -1, nil
	}
	return end - i, nums
}

func fcWordMatches(tok, word string, nums *[]int) bool {
	for _, alt := range strings.Split(tok, "|") {
		switch alt {
		case "#":
			if fcNumber.MatchString(word) {
				n, err := strconv.Atoi(word)
				if err == nil {
					*nums = append(*nums, n)
					return true
				}
			}
		case "#e":
			if m := fcOrdinal.FindStringSubmatch(word); m != nil {
				n, err := strconv.Atoi(m[1])
				if err == nil {
					*nums = append(*nums, n)
					return true
				}
			}
		default:
			if alt == word {
				return true
			}
		}
	}
	return false
}

// fcAgeRange gives the canonical age value of an age phrase, or "" when impossible.
func fcAgeRange(age int, nums []int) string {
	switch {
	case age == fcAgeBefore && len(nums) == 1 && nums[0] >= 1:
		return "0-" + strconv.Itoa(nums[0]-1)
	case age == fcAgeFrom && len(nums) == 1:
		return strconv.Itoa(nums[0]) + "-"
	case age == fcAgeSpan && len(nums) == 2 && nums[1] > nums[0]:
		return strconv.Itoa(nums[0]) + "-" + strconv.Itoa(nums[1]-1)
	}
	return ""
}

// fcRead reads one description with a phrase table.
func fcRead(desc string, phrases []fcPhrase) *fcReading {
	r := &fcReading{text: NormalizeDescription(desc)}
	var words []string
	for _, w := range strings.Split(r.text, "_") {
		if w != "" {
			words = append(words, w)
		}
	}
	global := map[string]string{}
	var groups []map[string]string
	set := func(m map[string]string, key, val, phrase string) {
		if old, ok := m[key]; ok && old != val && r.conflict == "" {
			r.conflict = strconv.Quote(phrase) + " contradicts " + key + "=" + old
		}
		m[key] = val
	}
	var unread []string
	flush := func() {
		if len(unread) > 0 {
			r.unread = append(r.unread, strings.Join(unread, "_"))
			unread = nil
		}
	}
	for i := 0; i < len(words); {
		best, bestN := -1, 0
		var bestNums []int
		for pi, p := range phrases {
			n, nums := fcMatch(p.pat, words, i)
			if n > bestN {
				best, bestN, bestNums = pi, n, nums
			}
		}
		if best < 0 {
			unread = append(unread, words[i])
			i++
			continue
		}
		flush()
		p := phrases[best]
		phrase := strings.Join(words[i:i+bestN], "_")
		i += bestN
		switch p.action {
		case fcNoise:
			if p.val != "" {
				r.notes = append(r.notes, p.val)
				r.words++
			}
		case fcKind:
			if r.kind != "" && r.kind != p.val && r.conflict == "" {
				r.conflict = strconv.Quote(phrase) + " says " + p.val + " but the description already said " + r.kind
			}
			r.kind = p.val
			r.kindWhy = strconv.Quote(phrase) + " → " + p.val
			r.notes = append(r.notes, r.kindWhy)
			r.words++
		case fcOther:
			if r.other == "" {
				r.other = strconv.Quote(phrase) + ": " + p.val
			}
		case fcGlobal:
			set(global, p.key, p.val, phrase)
			r.notes = append(r.notes, strconv.Quote(phrase)+" → "+p.key+"="+p.val+" (all)")
			r.words++
		case fcHead:
			val := p.val
			if p.key == "age" {
				if val = fcAgeRange(p.age, bestNums); val == "" {
					r.unread = append(r.unread, phrase)
					continue
				}
			}
			groups = append(groups, map[string]string{p.key: val})
			r.notes = append(r.notes, strconv.Quote(phrase)+" → "+p.key+"="+val)
			r.words++
		case fcModifier:
			target, where := global, " (all)"
			if len(groups) > 0 {
				target, where = groups[len(groups)-1], ""
			}
			if p.val != "" {
				set(target, p.key, p.val, phrase)
				r.notes = append(r.notes, strconv.Quote(phrase)+" → "+p.key+"="+p.val+where)
			} else {
				r.notes = append(r.notes, strconv.Quote(phrase)+" → any "+p.key)
			}
			r.words++
		case fcTraining:
			if len(groups) == 0 {
				set(global, p.key, p.val, phrase)
				r.notes = append(r.notes, strconv.Quote(phrase)+" → training=yes (all)")
			} else {
				groups = append(groups, map[string]string{p.key: p.val})
				r.notes = append(r.notes, strconv.Quote(phrase)+" after groups → or training=yes")
			}
			r.words++
		case fcPercent:
			if len(bestNums) != 1 || bestNums[0] < 1 || bestNums[0] > 100 {
				r.unread = append(r.unread, phrase)
				continue
			}
			r.unit, r.percent = "percent", strconv.Itoa(bestNums[0])
			r.notes = append(r.notes, strconv.Quote(phrase)+" → "+r.percent+"%")
			r.words++
		}
	}
	flush()
	if len(groups) == 0 {
		groups = []map[string]string{{}}
	}
	alts := make([]map[string]string, 0, len(groups))
	for _, g := range groups {
		alt := map[string]string{}
		for k, v := range global {
			alt[k] = v
		}
		for k, v := range g {
			if old, ok := alt[k]; ok && old != v && r.conflict == "" {
				r.conflict = "alternative " + k + "=" + v + " contradicts " + k + "=" + old + " of the whole description"
			}
			alt[k] = v
		}
		alts = append(alts, alt)
	}
	r.category = canonicalCategory(alts)
	return r
}
