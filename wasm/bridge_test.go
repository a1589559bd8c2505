//go:build js && wasm

// Run under Node: PATH="$PATH:$(go env GOROOT)/lib/wasm" GOOS=js GOARCH=wasm go test ./wasm/
// (with a small environment: js/wasm caps arguments + environment at 8 KiB;
// see scripts/test-wasm.sh).
package main

import (
	"strings"
	"sync"
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"honoraria/calc"
	"honoraria/data"
	"honoraria/data/bundle"
)

var (
	apiOnce sync.Once
	apiObj  js.Value
	apiDS   *calc.Dataset
)

// bundleText is the data bundle the page would fetch: the repository's data/
// folder, through the same encoder as scripts/bundle.
func bundleText(t *testing.T) string {
	t.Helper()
	files, err := data.Files(data.Bundled())
	require.NoError(t, err)
	text, err := bundle.Encode(files)
	require.NoError(t, err)
	return text
}

// api installs the bridge on a fresh object, as main does on the page: the
// dataset comes from the bundle's text.
func api(t *testing.T) js.Value {
	t.Helper()
	text := bundleText(t)
	apiOnce.Do(func() {
		ds, err := dataset(js.ValueOf(text))
		if err != nil {
			panic(err)
		}
		apiDS = ds
		apiObj = js.Global().Get("Object").New()
		install(apiObj, ds)
	})
	return apiObj
}

// jsObject builds a JS object from Go values.
// jsEval evaluates a JS expression (hostile objects for the bridge).
func jsEval(expr string) js.Value {
	return js.Global().Get("Function").New("return " + expr).Invoke()
}

func jsObject(m map[string]any) js.Value {
	return js.ValueOf(m)
}

// goValue converts a JS value back into the Go shapes of the engine's objects
// (string, bool, nil, float64, []any, map[string]any) for comparison.
func goValue(v js.Value) any {
	switch v.Type() {
	case js.TypeNull, js.TypeUndefined:
		return nil
	case js.TypeString:
		return v.String()
	case js.TypeBoolean:
		return v.Bool()
	case js.TypeNumber:
		return v.Float()
	case js.TypeObject:
		if v.InstanceOf(js.Global().Get("Array")) {
			out := make([]any, v.Length())
			for i := range out {
				out[i] = goValue(v.Index(i))
			}
			return out
		}
		keys := js.Global().Get("Object").Call("keys", v)
		out := make(map[string]any, keys.Length())
		for i := 0; i < keys.Length(); i++ {
			k := keys.Index(i).String()
			out[k] = goValue(v.Get(k))
		}
		return out
	}
	return "<" + v.Type().String() + ">"
}

// normalise turns ints into float64, as they come back from JS.
func normalise(v any) any {
	switch x := v.(type) {
	case int:
		return float64(x)
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = normalise(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalise(e)
		}
		return out
	}
	return v
}

func errorKind(v js.Value) string {
	e := v.Get("error")
	if e.Type() != js.TypeObject {
		return ""
	}
	return e.Get("kind").String()
}

func TestQuoteMatchesEngineObject(t *testing.T) {
	a := api(t)
	fields := map[string]string{"code": "101076", "date": "2024-03-01", "insured": "preferential", "dmg": "1", "lang": "nl"}
	q, err := calc.ParseQuery(fields)
	require.NoError(t, err)
	want, err := apiDS.Quote(q)
	require.NoError(t, err)

	got := a.Call("quote", jsObject(map[string]any{"code": "101076", "date": "2024-03-01", "insured": "preferential", "dmg": "1", "lang": "nl"}))
	require.Empty(t, errorKind(got), "unexpected error: %v", goValue(got))
	assert.Equal(t, "31.81", got.Get("fee").String())
	assert.Equal(t, normalise(want.Object()), goValue(got))
}

// Honoraria.quote hands JS the quote's JSON written by calc (Quote.AppendJSON), no longer
// its maps through appendJSON: byte for byte the same, for every code and date of the
// bundled data, for a spread of patients.
func TestQuoteJSONIsAppendJSONOfObject(t *testing.T) {
	api(t)
	n := 0
	for _, code := range []string{"101010", "101032", "101054", "101076", "102034", "102771", "103132", "103412", "104134", "101673", "101732"} {
		for _, date := range []string{"2009-06-01", "2015-03-01", "2021-06-01", "2024-03-01", "2025-06-01", "2026-02-01"} {
			for _, extra := range []map[string]string{{}, {"insured": "preferential", "dmg": "1", "lang": "fr", "paid": "40"},
				{"age": "5", "dmg": "1", "lang": "nl", "referred": "1", "doctor": "nonconventioned", "paid": "0"},
				{"age": "80", "insured": "preferential", "preferential-kind": "income", "lang": "de", "setting": "hospital-single"}} {
				in := map[string]string{"code": code, "date": date, "age": "30"}
				for k, v := range extra {
					in[k] = v
				}
				q, err := calc.ParseQuery(in)
				require.NoError(t, err)
				res, err := apiDS.Quote(q)
				if err != nil {
					continue
				}
				require.Equal(t, string(appendJSON(nil, res.Object())), string(res.AppendJSON(nil)), "%v", in)
				n++
			}
		}
	}
	require.Greater(t, n, 50)
}

func TestQuoteKeySpellingsAndValueTypes(t *testing.T) {
	a := api(t)
	base := goValue(a.Call("quote", jsObject(map[string]any{
		"code": "101076", "date": "2024-03-01", "insured": "preferential", "dmg": "1", "third-party": "1", "lang": "fr",
	})))
	require.NotContains(t, base, "error")
	variants := []map[string]any{
		{"code": 101076, "date": "2024-03-01", "insured": "preferential", "dmg": true, "thirdParty": true, "lang": "fr"},
		{"code": "101076", "date": "2024-03-01", "insured": "preferential", "dmg": "true", "third_party": 1, "lang": "fr"},
		{"code": "101076", "date": "2024-03-01", "insured": "preferential", "dmg": 1, "ThirdParty": "1", "lang": "fr", "age": nil},
	}
	for i, v := range variants {
		got := goValue(a.Call("quote", jsObject(v)))
		assert.Equal(t, base, got, "variant %d", i)
	}
	// false and 0 mean "no".
	off := goValue(a.Call("quote", jsObject(map[string]any{"code": "101076", "date": "2024-03-01", "dmg": false, "onDuty": 0})))
	plain := goValue(a.Call("quote", jsObject(map[string]any{"code": "101076", "date": "2024-03-01"})))
	assert.Equal(t, plain, off)
}

func TestQuoteBadInputReturnsErrorObject(t *testing.T) {
	a := api(t)
	cases := []struct {
		name  string
		query js.Value
		field string
	}{
		{"malformed code", jsObject(map[string]any{"code": "12ab", "date": "2024-03-01"}), "code"},
		{"impossible date", jsObject(map[string]any{"code": "101076", "date": "2024-02-30"}), "date"},
		{"unknown field", jsObject(map[string]any{"code": "101076", "date": "2024-03-01", "colour": "red"}), "colour"},
		{"unknown enum", jsObject(map[string]any{"code": "101076", "date": "2024-03-01", "doctor": "<script>"}), "doctor"},
		{"non-numeric age", jsObject(map[string]any{"code": "101076", "date": "2024-03-01", "age": "old"}), "age"},
		{"NaN age", jsObject(map[string]any{"code": "101076", "date": "2024-03-01", "age": js.Global().Get("NaN")}), "age"},
		{"BigInt age", jsObject(map[string]any{"code": "101076", "date": "2024-03-01", "age": js.Global().Call("BigInt", 10)}), "age"},
		{"object value", jsObject(map[string]any{"code": "101076", "date": "2024-03-01", "age": map[string]any{}}), "age"},
		{"twice", jsObject(map[string]any{"code": "101076", "date": "2024-03-01", "on-duty": "1", "onDuty": "1"}), "on-duty"},
		{"not an object", js.ValueOf("code=101076"), "query"},
		{"array", js.ValueOf([]any{"101076"}), "query"},
		{"missing", js.Undefined(), "query"},
		// Issue 13.6: hostile objects are input errors naming the field, never exceptions.
		{"throwing getter", jsEval(`Object.defineProperty({code: '101076', date: '2024-03-01'}, 'age', {enumerable: true, get() { throw new Error('boom') }})`), "age"},
		{"throwing get trap", jsEval(`new Proxy({code: '101076', date: '2024-03-01'}, {get() { throw new Error('boom') }})`), "code"},
		{"throwing ownKeys trap", jsEval(`new Proxy({}, {ownKeys() { throw new Error('boom') }})`), "query"},
		{"revoked proxy", jsEval(`(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy })()`), "query"},
		{"BigInt query", js.Global().Call("BigInt", 10), "query"},
		{"symbol value", jsEval(`({code: '101076', date: '2024-03-01', age: Symbol('x')})`), "age"},
		{"function value", jsEval(`({code: '101076', date: '2024-03-01', age: () => 1})`), "age"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := a.Call("quote", tc.query)
			require.Equal(t, "input", errorKind(got), "%v", goValue(got))
			assert.Equal(t, tc.field, got.Get("error").Get("field").String())
			assert.NotEmpty(t, got.Get("error").Get("message").String())
			assert.True(t, got.Get("fee").IsUndefined(), "no amount with an error")
		})
	}
}

func TestQuoteNoData(t *testing.T) {
	a := api(t)
	got := a.Call("quote", jsObject(map[string]any{"code": "999999", "date": "2024-03-01"}))
	kind := errorKind(got)
	assert.Contains(t, []string{"no-data", "input"}, kind, "%v", goValue(got))
	assert.True(t, got.Get("fee").IsUndefined())
}

func TestYear(t *testing.T) {
	a := api(t)
	want, err := apiDS.Year(2020, calc.FR)
	require.NoError(t, err)
	for _, y := range []any{2020, "2020"} {
		got := a.Call("year", y, "fr")
		require.Empty(t, errorKind(got), "%v", goValue(got))
		assert.Equal(t, normalise(want.Object()), goValue(got))
	}
	assert.Equal(t, "input", errorKind(a.Call("year", "20x0")))
	assert.Equal(t, "input", errorKind(a.Call("year", 2020, "xx")))
	assert.Equal(t, "input", errorKind(a.Call("year", map[string]any{})))
	assert.Equal(t, "input", errorKind(a.Call("year")))
}

func TestSearch(t *testing.T) {
	a := api(t)
	got := a.Call("search", "1010", "fr", 5)
	require.True(t, got.InstanceOf(js.Global().Get("Array")), "%v", goValue(got))
	require.Greater(t, got.Length(), 0)
	assert.LessOrEqual(t, got.Length(), 5)
	for i := 0; i < got.Length(); i++ {
		assert.Regexp(t, `^1010`, got.Index(i).Get("code").String())
	}
	// The limit may come second.
	assert.Equal(t, 1, a.Call("search", "1010", 1).Length())
	// Empty text: no results, not an error.
	assert.Equal(t, 0, a.Call("search", "").Length())
	// A bad limit is an error object.
	assert.Equal(t, "input", errorKind(a.Call("search", "1010", "fr", 0)))
	assert.Equal(t, "input", errorKind(a.Call("search", map[string]any{})))
}

func TestMeta(t *testing.T) {
	a := api(t)
	got := goValue(a.Call("meta"))
	assert.Equal(t, normalise(apiDS.Meta()), got)
	m := got.(map[string]any)
	assert.NotEmpty(t, m["checksum"])
	assert.NotEmpty(t, m["years"])
}

func TestFlagName(t *testing.T) {
	for in, want := range map[string]string{
		"onDuty": "on-duty", "on_duty": "on-duty", "on-duty": "on-duty", "OnDuty": "on-duty",
		"householdIncome": "household-income", "preferential_kind": "preferential-kind", "code": "code",
	} {
		assert.Equal(t, want, flagName(in), in)
	}
}

func TestGuardTurnsPanicIntoErrorObject(t *testing.T) {
	v := guard(func() js.Value { panic("boom") }).(js.Value)
	assert.Equal(t, "internal", errorKind(v))
	assert.Contains(t, v.Get("error").Get("message").String(), "boom")
}

func TestToJSConvertsEngineShapes(t *testing.T) {
	in := map[string]any{"s": "x", "b": true, "n": nil, "l": []any{"a", map[string]any{"k": false}}, "i": 2024, "ss": []string{"p"}}
	got := goValue(toJS(in))
	assert.Equal(t, map[string]any{"s": "x", "b": true, "n": nil, "l": []any{"a", map[string]any{"k": false}}, "i": float64(2024), "ss": []any{"p"}}, got)
}

// Strings cross as JSON: quotes, backslashes, control characters, markup and non-ASCII
// come back unchanged; bytes that are not UTF-8 become U+FFFD, as for any Go string.
func TestToJSStrings(t *testing.T) {
	for _, s := range []string{"", `"quoted" \back\slash`, "tab\tnew\nline\r\x00\x1f\x7f", "</script><b>x</b>", "Eigenanteil — ticket modérateur € 😀", "\u2028\u2029"} {
		assert.Equal(t, s, toJS(s).String())
		assert.Equal(t, map[string]any{s: s}, goValue(toJS(map[string]any{s: s})))
	}
	assert.Equal(t, "a\uFFFDb", toJS("a\xffb").String())
	v := guard(func() js.Value { return toJS(map[string]any{"x": struct{}{}}) }).(js.Value)
	assert.Equal(t, "internal", errorKind(v))
	assert.Contains(t, v.Get("error").Get("message").String(), "unsupported type")
}

// The bridge answers with the same data as the command line: same checksum.
func TestDatasetFromBundleMatchesTheFolder(t *testing.T) {
	want, err := data.Load()
	require.NoError(t, err)
	got, err := dataset(js.ValueOf(bundleText(t)))
	require.NoError(t, err)
	assert.Equal(t, want.Meta(), got.Meta())
}

// A missing or broken bundle is a plain error, never a half-loaded dataset.
func TestDatasetErrors(t *testing.T) {
	text := bundleText(t)
	for _, tc := range []struct {
		name string
		v    js.Value
		want string
	}{
		{"not given", js.Undefined(), "no data bundle"},
		{"not a string", js.ValueOf(42), "no data bundle"},
		{"an HTML page", js.ValueOf("<!doctype html>\n<p>not found</p>\n"), `expected "#honoraria-data 1"`},
		{"truncated", js.ValueOf(text[:len(text)/2]), "truncated"},
		{"a broken file", js.ValueOf(strings.Replace(text, "\n101076,", "\n10107x,", 1)), "tariffs.csv:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds, err := dataset(tc.v)
			require.Error(t, err)
			assert.Nil(t, ds)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// Where the time of one Honoraria.quote call goes (run under node, see scripts/test-wasm.sh):
// the engine, the conversion of its object to JS, and the whole call from JS.
func BenchmarkBridge(b *testing.B) {
	t := &testing.T{}
	a := api(t)
	fields := map[string]string{"code": "101076", "date": "2024-03-01", "insured": "preferential", "dmg": "1", "lang": "nl"}
	q, err := calc.ParseQuery(fields)
	require.NoError(b, err)
	res, err := apiDS.Quote(q)
	require.NoError(b, err)
	obj := res.Object()
	query := jsObject(map[string]any{"code": "101076", "date": "2024-03-01", "insured": "preferential", "dmg": "1", "lang": "nl"})
	b.Run("engine", func(b *testing.B) {
		for b.Loop() {
			res, _ := apiDS.Quote(q)
			_ = res.Object()
		}
	})
	b.Run("json", func(b *testing.B) {
		for b.Loop() {
			_ = appendJSON(nil, obj)
		}
	})
	// What Honoraria.quote does in Go since issue 12.3: the quote and its JSON, no maps.
	b.Run("engine+json", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			res, _ := apiDS.Quote(q)
			buf = res.AppendJSON(buf[:0])
		}
	})
	b.Run("toJS", func(b *testing.B) {
		for b.Loop() {
			_ = toJS(obj)
		}
	})
	b.Run("call", func(b *testing.B) {
		for b.Loop() {
			_ = a.Call("quote", query)
		}
	})
}

// Issue 13.6: the API never throws; a BigInt argument is an input error, not "internal".
func TestAPINeverThrows(t *testing.T) {
	a := api(t)
	got := a.Call("year", js.Global().Call("BigInt", 2020), "fr")
	require.Equal(t, "input", errorKind(got), "%v", goValue(got))
	assert.Equal(t, "year", got.Get("error").Get("field").String())
	got = a.Call("year", 2020, js.Global().Call("BigInt", 1))
	require.Equal(t, "input", errorKind(got), "%v", goValue(got))
	assert.Equal(t, "lang", got.Get("error").Get("field").String())
	got = a.Call("search", js.Global().Call("BigInt", 1))
	require.Equal(t, "input", errorKind(got), "%v", goValue(got))
	assert.Equal(t, "text", got.Get("error").Get("field").String())
	// A prototype trap that throws is never consulted: the query is answered.
	got = a.Call("quote", jsEval(`new Proxy({code: '101076', date: '2024-03-01'}, {getPrototypeOf() { throw new Error('boom') }})`))
	assert.Equal(t, "31.81", got.Get("fee").String(), "%v", goValue(got))
	// After all that the API still answers.
	got = a.Call("quote", jsObject(map[string]any{"code": "101076", "date": "2024-03-01"}))
	assert.Equal(t, "31.81", got.Get("fee").String())
}

// Honoraria.compare is calc.Dataset.Compare's object: the page renders it as it comes.
func TestCompareMatchesEngineObject(t *testing.T) {
	a := api(t)
	fields := map[string]string{"code": "102034", "date": "2016-05-01", "dmg": "1", "lang": "en"}
	want, err := apiDS.Compare(fields, calc.CompareReferral, nil)
	require.NoError(t, err)
	got := a.Call("compare", jsObject(map[string]any{"code": "102034", "date": "2016-05-01", "dmg": true, "lang": "en"}), "referral")
	require.Empty(t, errorKind(got), "%v", goValue(got))
	assert.Equal(t, normalise(want.Object()), goValue(got))
	d := got.Get("differences").Index(0)
	assert.Equal(t, "share", d.Get("why").String())
	assert.Equal(t, "share.fixed share.referral-reduction", d.Get("data").Get("reasons").String())
	assert.Equal(t, "share.referral-reduction", d.Get("causes").Index(1).Get("key").String())

	// The user's own cases, as the page sends them (dmg "" is "without DMG").
	got = a.Call("compare", jsObject(map[string]any{"code": "102034", "date": "2016-05-01", "dmg": "1", "lang": "en"}), "custom",
		js.ValueOf([]any{map[string]any{"insured": "ordinary", "dmg": ""}, map[string]any{"insured": "preferential", "dmg": "1", "referred": "1"}}))
	require.Empty(t, errorKind(got), "%v", goValue(got))
	assert.Equal(t, 2, got.Get("columns").Length())
	assert.Equal(t, "1.00", got.Get("columns").Index(1).Get("answer").Get("personal_share").String())
	assert.Equal(t, "Case 1: ordinary, no DMG", got.Get("columns").Index(0).Get("label").String())

	// A bad kind or case is an input error naming it; a query that does not parse leaves
	// its error in every column.
	for _, tc := range []struct {
		kind, cases js.Value
		field       string
	}{
		{js.ValueOf("neighbours"), js.Undefined(), "compare"},
		{js.ValueOf("custom"), js.ValueOf([]any{map[string]any{"age": "7x"}, map[string]any{}}), "age"},
		{js.ValueOf("custom"), js.ValueOf([]any{map[string]any{"colour": "red"}, map[string]any{}}), "case"},
		{js.ValueOf("custom"), js.ValueOf([]any{map[string]any{}}), "cases"},
	} {
		got := a.Call("compare", jsObject(map[string]any{"code": "101076", "date": "2024-03-01"}), tc.kind, tc.cases)
		require.Equal(t, "input", errorKind(got), "%v", goValue(got))
		assert.Equal(t, tc.field, got.Get("error").Get("field").String())
	}
	got = a.Call("compare", jsObject(map[string]any{"code": "12ab", "date": "2024-03-01"}))
	require.Empty(t, errorKind(got), "%v", goValue(got))
	assert.Equal(t, "input", errorKind(got.Get("columns").Index(0).Get("answer")))
	assert.Equal(t, 0, got.Get("differences").Length())
}

// Honoraria.poster is the quote's object with its poster row; the declared maximum counts
// only where a supplement may be charged.
func TestPoster(t *testing.T) {
	a := api(t)
	q := func(doctor string) js.Value {
		return jsObject(map[string]any{"code": "101076", "date": "2024-03-01", "doctor": doctor})
	}
	got := a.Call("poster", q("nonconventioned"), "10,05")
	require.Empty(t, errorKind(got), "%v", goValue(got))
	quote := goValue(a.Call("quote", q("nonconventioned"))).(map[string]any)
	row := goValue(got).(map[string]any)
	assert.Equal(t, map[string]any{"fee": "31.81", "reimbursement": quote["reimbursement"], "personal_share": quote["personal_share"],
		"forbidden": false, "declared": true, "max_supplement": "10.05", "total": "41.86"}, row["poster"])
	delete(row, "poster")
	assert.Equal(t, quote, row, "the rest is the quote")
	assert.True(t, a.Call("poster", q("nonconventioned")).Get("poster").Get("total").IsNull(), "no maximum declared: total unknown")
	assert.Equal(t, "0.00", a.Call("poster", q("conventioned"), 10).Get("poster").Get("max_supplement").String())
	bad := a.Call("poster", q("nonconventioned"), "1.234")
	require.Equal(t, "input", errorKind(bad), "%v", goValue(bad))
	assert.Equal(t, "max", bad.Get("error").Get("field").String())
	assert.Equal(t, "1.234", bad.Get("error").Get("value").String())
	assert.Equal(t, "no-data", errorKind(a.Call("poster", jsObject(map[string]any{"code": "101076", "date": "2010-03-01"}))))
}

// The page with the whole bundled data answers as the command line (the folder's dataset),
// for every code on the first day of each of its rows, for two patients: e2e/split.test.mjs
// compares the split page with this page for every code and with the command line for a
// sample only.
func TestQuoteEveryCodeAsTheFolder(t *testing.T) {
	a := api(t)
	folder, err := data.Load()
	require.NoError(t, err)
	n := 0
	for _, code := range folder.Codes() {
		seen := map[string]bool{}
		for _, row := range folder.Tariffs(code) {
			date := row.Period.From.String()
			if seen[date] {
				continue
			}
			seen[date] = true
			for _, extra := range []map[string]string{{}, {"insured": "preferential", "dmg": "1", "age": "30"}} {
				fields := map[string]string{"code": string(code), "date": date, "lang": "fr"}
				in := map[string]any{"code": string(code), "date": date, "lang": "fr"}
				for k, v := range extra {
					fields[k] = v
					in[k] = v
				}
				got := a.Call("quote", jsObject(in))
				q, err := calc.ParseQuery(fields)
				require.NoError(t, err)
				want, err := folder.Quote(q)
				if err != nil {
					assert.NotEmpty(t, errorKind(got), "%v: the folder says %v", fields, err)
					assert.True(t, got.Get("fee").IsUndefined(), "%v", fields)
					continue
				}
				assert.Equal(t, normalise(want.Object()), goValue(got), "%v", fields)
				n++
			}
		}
	}
	assert.Greater(t, n, 100)
}
