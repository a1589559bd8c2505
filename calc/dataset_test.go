package calc

import (
	"go/scanner"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const tariffHeader = "code,label_fr,label_nl,category,specialty,valid_from,valid_to,band,fee,reimb_ordinary,reimb_preferential,reimb_ordinary_dmg,reimb_preferential_dmg,key_letters,coefficients,source,link,note\n"

// A hand-broken data file fails with file, line and field.
func TestLoaderRejects(t *testing.T) {
	sources := File{Name: "sources.csv", Data: []byte("id,kind,title,url,date,eli\nsrc,official,A table,https://example.org,2024,\n")}
	good := "101076,fr,nl,gp-consultation,,2024-01-01,2024-12-31,,31.81,,,,,,,src,,\n"
	cases := []struct {
		name string
		file File
		want string
	}{
		{"unknown column", File{"2024/tariffs.csv", []byte(strings.Replace(tariffHeader, "note", "remark", 1) + good)}, "2024/tariffs.csv:1: remark: unknown column"},
		{"missing column", File{"2024/tariffs.csv", []byte(strings.Replace(tariffHeader, ",note", "", 1) + "101076,fr,nl,gp-consultation,,2024-01-01,2024-12-31,,31.81,,,,,,,src,\n")}, "2024/tariffs.csv:1: note: missing column"},
		{"comma decimal", File{"2024/tariffs.csv", []byte(tariffHeader + `101076,fr,nl,gp-consultation,,2024-01-01,2024-12-31,,"31,81",,,,,,,src,,` + "\n")}, `2024/tariffs.csv:2: fee: "31,81" is not an amount`},
		{"negative amount", File{"2024/tariffs.csv", []byte(tariffHeader + "101076,fr,nl,gp-consultation,,2024-01-01,2024-12-31,,-1.00,,,,,,,src,,\n")}, `2024/tariffs.csv:2: fee: "-1.00" is not an amount`},
		{"reimbursement above fee", File{"2024/tariffs.csv", []byte(tariffHeader + "101076,fr,nl,gp-consultation,,2024-01-01,2024-12-31,,31.81,32.00,,,,,,src,,\n")}, "2024/tariffs.csv:2: reimb_ordinary: 32.00 is more than the fee 31.81"},
		{"bad code", File{"2024/tariffs.csv", []byte(tariffHeader + "10107,fr,nl,gp-consultation,,2024-01-01,2024-12-31,,31.81,,,,,,,src,,\n")}, `2024/tariffs.csv:2: code: "10107" is not a 6-digit code`},
		{"impossible date", File{"2024/tariffs.csv", []byte(tariffHeader + "101076,fr,nl,gp-consultation,,2024-02-30,2024-12-31,,31.81,,,,,,,src,,\n")}, `2024/tariffs.csv:2: valid_from: "2024-02-30": no such day`},
		{"end before start", File{"2024/tariffs.csv", []byte(tariffHeader + "101076,fr,nl,gp-consultation,,2024-05-01,2024-04-30,,31.81,,,,,,,src,,\n")}, "2024/tariffs.csv:2: valid_to: 2024-04-30 is before valid_from"},
		{"wrong year folder", File{"2023/tariffs.csv", []byte(tariffHeader + good)}, "2023/tariffs.csv:2: valid_from: 2024-01-01 does not fall in 2023"},
		{"unknown source", File{"2024/tariffs.csv", []byte(tariffHeader + strings.Replace(good, ",src,", ",nosuch,", 1))}, `2024/tariffs.csv:2: source: "nosuch" is not in sources.csv`},
		{"no source", File{"2024/tariffs.csv", []byte(tariffHeader + strings.Replace(good, ",src,", ",,", 1))}, "2024/tariffs.csv:2: source: every figure needs a source"},
		{"unknown category", File{"2024/tariffs.csv", []byte(tariffHeader + strings.Replace(good, "gp-consultation", "gp", 1))}, `2024/tariffs.csv:2: category: "gp" is not one of`},
		{"overlap", File{"2024/tariffs.csv", []byte(tariffHeader + good + strings.Replace(good, "2024-01-01", "2024-06-01", 1))}, "2024/tariffs.csv:3: valid_from: code 101076 period 2024-06-01 → 2024-12-31 overlaps 2024-01-01 → 2024-12-31 (2024/tariffs.csv:2)"},
		{"ragged row", File{"2024/tariffs.csv", []byte(tariffHeader + "101076,fr\n")}, "2024/tariffs.csv:2: row has 2 cells, header has 18"},
		{"unknown parameter", File{"2024/parameters.csv", []byte("name,value,valid_from,valid_to,source,note\nstatut.full,1.00,2024-01-01,,src,\n")}, `2024/parameters.csv:2: name: "statut.full" is not a known parameter`},
		{"parameter amount", File{"2024/parameters.csv", []byte("name,value,valid_from,valid_to,source,note\nstatut_social.full,\"5.881,81\",2024-01-01,,src,\n")}, `2024/parameters.csv:2: value: "5.881,81": must be an amount`},
		{"registry kind", File{"registry.csv", []byte("name,applies,value,unit,label_en,label_fr,label_nl,label_de,description\nx,rule,money,eur,a,b,c,d,\n")}, `registry.csv:2: value: "money" is not a value kind`},
		{"registry label", File{"registry.csv", []byte("name,applies,value,unit,label_en,label_fr,label_nl,label_de,description\nx,rule,amount,eur,a,b,,d,\n")}, `registry.csv:2: label_nl: missing label`},
		{"unknown rule", File{"rules.csv", []byte("rule,applies_to,valid_from,valid_to,insured,dmg,value,source,note\nshare.magic,101076,2024-01-01,,any,any,1.00,src,\n")}, `rules.csv:2: rule: "share.magic" is not a rule the engine implements`},
		{"rule value", File{"rules.csv", []byte("rule,applies_to,valid_from,valid_to,insured,dmg,value,source,note\nshare.fixed,101076,2024-01-01,,any,any,four,src,\n")}, `rules.csv:2: value: "four": must be an amount`},
		{"unknown file", File{"extra.csv", []byte("a\n")}, "extra.csv: unknown data file"},
		{"conflict subject", conflictFile("1010,fee,2024-01-01,31.81,src,31.98,src"), `conflicts.csv:2: subject: "1010" is neither a 6-digit code nor a parameter`},
		{"conflict field", conflictFile("101076,value,2024-01-01,31.81,src,31.98,src"), `conflicts.csv:2: field: "value": a conflict on a code is about one of fee,`},
		{"conflict parameter field", conflictFile("statut_social.full,fee,2024-01-01,31.81,src,31.98,src"), `conflicts.csv:2: field: "fee": a conflict on a parameter or rule is about its value`},
		{"conflict date", conflictFile("101076,fee,2024-13-01,31.81,src,31.98,src"), `conflicts.csv:2: date: "2024-13-01"`},
		{"conflict kept", conflictFile("101076,fee,2024-01-01,\"31,81\",src,31.98,src"), `conflicts.csv:2: kept: "31,81" is not an amount`},
		{"conflict same", conflictFile("101076,fee,2024-01-01,31.81,src,31.810,src"), `conflicts.csv:2: other: the same as kept`},
		{"conflict source", conflictFile("101076,fee,2024-01-01,31.81,src,31.98,nosuch"), `conflicts.csv:2: other_sources: "nosuch" is not in sources.csv`},
		{"missing translation", File{"messages.csv", []byte("key,en,fr,nl,de\nx,a,b,,d\n")}, "messages.csv:2: nl: missing translation"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := []File{sources, c.file}
			if c.file.Name != "registry.csv" {
				files = append(files, File{"registry.csv", readFile(t, "../data/registry.csv")})
			}
			_, err := NewDataset(files)
			require.Error(t, err)
			var de *DataError
			require.ErrorAs(t, err, &de)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

func conflictFile(row string) File {
	return File{"conflicts.csv", []byte("subject,field,date,kept,kept_sources,other,other_sources,note\n" + row + ",\n")}
}

func TestParseQueryErrors(t *testing.T) {
	long := strings.Repeat("9", 500)
	cases := []struct {
		in    map[string]string
		field string
	}{
		{map[string]string{"date": "2024-03-01"}, "code"},
		{map[string]string{"code": "10107", "date": "2024-03-01"}, "code"},
		{map[string]string{"code": "１０１０７６", "date": "2024-03-01"}, "code"},
		{map[string]string{"code": long, "date": "2024-03-01"}, "code"},
		{map[string]string{"code": "101076"}, "date"},
		{map[string]string{"code": "101076", "date": "01/03/2024"}, "date"},
		{map[string]string{"code": "101076", "date": "2024-13-01"}, "date"},
		{map[string]string{"code": "101076", "date": "1850-01-01"}, "date"},
		{map[string]string{"code": "101076", "date": "2024-03-01", "insured": "rich"}, "insured"},
		{map[string]string{"code": "101076", "date": "2024-03-01", "preferential-kind": "x"}, "preferential-kind"},
		{map[string]string{"code": "101076", "date": "2024-03-01", "dmg": "maybe"}, "dmg"},
		{map[string]string{"code": "101076", "date": "2024-03-01", "age": "forty"}, "age"},
		{map[string]string{"code": "101076", "date": "2024-03-01", "age": "-1"}, "age"},
		{map[string]string{"code": "101076", "date": "2024-03-01", "age": "131"}, "age"},
		{map[string]string{"code": "101076", "date": "2024-03-01", "doctor": "<script>"}, "doctor"},
		{map[string]string{"code": "101076", "date": "2024-03-01", "setting": "home"}, "setting"},
		{map[string]string{"code": "101076", "date": "2024-03-01", "paid": "-5"}, "paid"},
		{map[string]string{"code": "101076", "date": "2024-03-01", "paid": "1e9"}, "paid"},
		{map[string]string{"code": "101076", "date": "2024-03-01", "paid": "100000.01"}, "paid"},
		{map[string]string{"code": "101076", "date": "2024-03-01", "paid": "31,81"}, "paid"},
		{map[string]string{"code": "101076", "date": "2024-03-01", "household-income": "lots"}, "household-income"},
		{map[string]string{"code": "101076", "date": "2024-03-01", "titulaires": "0"}, "titulaires"},
		{map[string]string{"code": "101076", "date": "2024-03-01", "dependants": "51"}, "dependants"},
		{map[string]string{"code": "101076", "date": "2024-03-01", "lang": "es"}, "lang"},
		{map[string]string{"code": "101076", "date": "2024-03-01", "colour": "red"}, "colour"},
	}
	for _, c := range cases {
		_, err := ParseQuery(c.in)
		var ie *InputError
		if assert.ErrorAs(t, err, &ie, "%v", c.in) {
			assert.Equal(t, c.field, ie.Field, "%v", c.in)
			assert.Contains(t, err.Error(), c.field)
			assert.LessOrEqual(t, len(ie.Value), 70, "long values are shortened")
		}
	}
}

func TestParseQueryDefaults(t *testing.T) {
	q, err := ParseQuery(map[string]string{"code": "101076", "date": "2024-03-01"})
	require.NoError(t, err)
	assert.Equal(t, Conventioned, q.Doctor)
	assert.Equal(t, Ambulatory, q.Setting)
	assert.Equal(t, -1, q.Age)
	assert.Equal(t, 1, q.Titulaires)
	assert.Equal(t, EN, q.Lang)
	back, err := ParseQuery(q.Values())
	require.NoError(t, err)
	assert.Equal(t, q, back, "Values is the inverse of ParseQuery")
}

// engineSource is the engine's Go code (tests excluded), for the scans below.
func engineSource(t *testing.T) string {
	t.Helper()
	names, err := filepath.Glob("*.go")
	require.NoError(t, err)
	var b strings.Builder
	for _, n := range names {
		if !strings.HasSuffix(n, "_test.go") {
			b.Write(readFile(t, n))
		}
	}
	return b.String()
}

// Every message key the engine's code uses is in messages.csv. A key is a string literal
// of the code whose first segment is a prefix messages.csv uses (nodata., share., compare. …);
// the names passed to ruleFor and param are registry names, not messages, and are removed
// from the source first — a message that shares a rule's name is still checked.
func TestMessagesUsedExist(t *testing.T) {
	ds := fixture(t)
	src := regexp.MustCompile(`(ruleFor|param)\("[^"]*"`).ReplaceAllString(engineSource(t), "")
	keys := quotedKeys(src, ds.messages)
	assert.Greater(t, len(keys), 40, "the scan finds the engine's keys")
	for _, key := range keys {
		_, ok := ds.messages[key]
		assert.True(t, ok, "message %q used in the code is missing from messages.csv", key)
	}
}

// The rules the engine's code asks for (ruleFor("…")) are exactly the rules registry.csv
// declares.
func TestRegistryNamesTheRulesOfTheCode(t *testing.T) {
	ds := fixture(t)
	used := map[string]bool{}
	for _, part := range strings.Split(engineSource(t), `ruleFor("`)[1:] {
		used[part[:strings.IndexByte(part, '"')]] = true
	}
	declared := map[string]bool{}
	for name, e := range ds.registry {
		if e.Applies == "rule" {
			declared[name] = true
		}
	}
	assert.Equal(t, declared, used)
}

// quotedKeys finds the string literals that look like message keys: a prefix that
// messages.csv uses, a dot, and a name. A literal ending in "." or "_" is the start of a key
// built with a suffix (supplement.ban-shared-room. + value), not a key itself.
func quotedKeys(src string, messages map[string]*message) []string {
	prefixes := map[string]bool{}
	for k := range messages {
		prefixes[k[:strings.IndexByte(k+".", '.')]] = true
	}
	key := regexp.MustCompile(`^([a-z_-]+)\.[a-z0-9_.-]*[a-z0-9-]$`)
	// The string literals of the code, read by Go's own scanner (a '"' rune literal or an
	// escaped quote does not throw the count off).
	var sc scanner.Scanner
	fset := token.NewFileSet()
	sc.Init(fset.AddFile("", fset.Base(), len(src)), []byte(src), nil, 0)
	var out []string
	for {
		_, tok, lit := sc.Scan()
		if tok == token.EOF {
			return out
		}
		if tok != token.STRING {
			continue
		}
		part, err := strconv.Unquote(lit)
		if m := key.FindStringSubmatch(part); err == nil && m != nil && prefixes[m[1]] {
			out = append(out, part)
		}
	}
}

// BenchmarkQuote is one quote and its object as maps (Quote.Object: the command line's
// JSON, the tests); BenchmarkQuoteJSON one quote and its object as the JSON the bridge
// hands JS (Quote.AppendJSON, into a buffer kept from call to call as the bridge keeps
// its own): the same answer, every field, without the maps — issue 12.3's measure.
func BenchmarkQuote(b *testing.B) {
	ds := fixture(b)
	q := mustQuery(b, map[string]string{"code": "101076", "date": "2024-03-01", "insured": "preferential", "dmg": "1", "paid": "5"})
	b.ReportAllocs()
	for b.Loop() {
		res, err := ds.Quote(q)
		if err != nil {
			b.Fatal(err)
		}
		_ = res.Object()
	}
}

func BenchmarkQuoteJSON(b *testing.B) {
	ds := fixture(b)
	q := mustQuery(b, map[string]string{"code": "101076", "date": "2024-03-01", "insured": "preferential", "dmg": "1", "paid": "5"})
	var buf []byte
	b.ReportAllocs()
	for b.Loop() {
		res, err := ds.Quote(q)
		if err != nil {
			b.Fatal(err)
		}
		buf = res.AppendJSON(buf[:0])
	}
	b.SetBytes(int64(len(buf)))
}

// TestFieldsContract: every field of the contract is what ParseQuery accepts, each enum
// value parses and round-trips through Values, a value outside the list is refused naming
// the field, and the defaults are what an empty query gets.
func TestFieldsContract(t *testing.T) {
	base := map[string]string{"code": "101076", "date": "2024-03-01"}
	empty, err := ParseQuery(base)
	require.NoError(t, err)
	for _, f := range Fields() {
		if f.Default != "" && f.Name != "lang" {
			assert.Equal(t, f.Default, empty.Values()[f.Name], f.Name)
		}
		for _, v := range f.Values {
			in := map[string]string{"code": "101076", "date": "2024-03-01", "insured": "preferential", f.Name: v}
			q, err := ParseQuery(in)
			require.NoError(t, err, "%s=%s", f.Name, v)
			assert.Equal(t, v, q.Values()[f.Name], f.Name)
		}
		if f.Kind == "enum" {
			_, err := ParseQuery(map[string]string{"code": "101076", "date": "2024-03-01", f.Name: "bogus"})
			var ie *InputError
			require.ErrorAs(t, err, &ie, f.Name)
			assert.Equal(t, f.Name, ie.Field)
			assert.Contains(t, ie.Reason, f.Values[len(f.Values)-1])
		}
	}
	assert.Equal(t, len(Fields()), len(empty.Values()))
}
