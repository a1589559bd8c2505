package bundle

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"honoraria/calc"
	"honoraria/data"
)

func TestRoundTripOfTheBundledData(t *testing.T) {
	files, err := data.Files(data.Bundled())
	require.NoError(t, err)
	text, err := Encode(files)
	require.NoError(t, err)
	back, err := Decode(text)
	require.NoError(t, err)
	assert.Equal(t, files, back)

	// Same data, same checksum: the page shows the checksum the command line shows.
	want, err := calc.NewDataset(files)
	require.NoError(t, err)
	got, err := calc.NewDataset(back)
	require.NoError(t, err)
	assert.Equal(t, want.Meta(), got.Meta())

	// Deterministic whatever the order of the files.
	rev := append([]calc.File(nil), files...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	again, err := Encode(rev)
	require.NoError(t, err)
	assert.Equal(t, text, again)
}

func TestFormat(t *testing.T) {
	text, err := Encode([]calc.File{
		{Name: "b/x.csv", Data: []byte("no,newline")},
		{Name: "a.csv", Data: []byte("h\r\n1\r\n")},
		{Name: "empty.csv", Data: []byte("")},
		{Name: "blank.csv", Data: []byte("\n\n")},
	})
	require.NoError(t, err)
	assert.Equal(t, "#honoraria-data 1\n"+
		"#file a.csv\nh\r\n1\r\n"+
		"#file b/x.csv noeol\nno,newline\n"+
		"#file blank.csv\n\n\n"+
		"#file empty.csv\n"+
		"#end\n", text)
	back, err := Decode(text)
	require.NoError(t, err)
	assert.Equal(t, []calc.File{
		{Name: "a.csv", Data: []byte("h\r\n1\r\n")},
		{Name: "b/x.csv", Data: []byte("no,newline")},
		{Name: "blank.csv", Data: []byte("\n\n")},
		{Name: "empty.csv", Data: []byte("")},
	}, back)
}

func TestEncodeRefuses(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files []calc.File
		want  string
	}{
		{"marker in a file", []calc.File{{Name: "a.csv", Data: []byte("x\n#file b.csv\n")}}, "a.csv:2"},
		{"end in a file", []calc.File{{Name: "a.csv", Data: []byte("#end")}}, "a.csv:1"},
		{"space in a name", []calc.File{{Name: "a b.csv"}}, `"a b.csv"`},
		{"newline in a name", []calc.File{{Name: "a\nb.csv"}}, `"a\nb.csv"`},
		{"parent folder", []calc.File{{Name: "../a.csv"}}, `"../a.csv"`},
		{"absolute", []calc.File{{Name: "/a.csv"}}, `"/a.csv"`},
		{"twice", []calc.File{{Name: "a.csv"}, {Name: "a.csv"}}, "a.csv: given twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Encode(tc.files)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"empty", "", `line 1: expected "#honoraria-data 1", found ""`},
		{"an HTML page", "<!doctype html>\n<title>404</title>\n", `found "<!doctype html>"`},
		{"a newer version", "#honoraria-data 2\n#end\n", `found "#honoraria-data 2"`},
		{"truncated mid-line", Header + "\n#file a.csv\nh,x", "line 3: no newline at the end: the bundle is truncated"},
		{"truncated at a line", Header + "\n#file a.csv\nh,x\n", `no "#end" line`},
		{"text before a file", Header + "\nh,x\n#end\n", "line 2: text before the first"},
		{"text after the end", Header + "\n#end\nmore\n", `line 3: text after "#end"`},
		{"a file twice", Header + "\n#file a.csv\nx\n#file a.csv\n#end\n", `line 4: file name "a.csv" empty or given twice`},
		{"an empty name", Header + "\n#file \n#end\n", `line 2: file name "" empty or given twice`},
		{"truncated in a file", Header + "\n#file a.csv\nh\n1\n2", "line 5: no newline at the end"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files, err := Decode(tc.text)
			require.Error(t, err)
			assert.Nil(t, files)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestEmptyBundle(t *testing.T) {
	text, err := Encode(nil)
	require.NoError(t, err)
	assert.Equal(t, Header+"\n#end\n", text)
	files, err := Decode(text)
	require.NoError(t, err)
	assert.Empty(t, files)
}

// A bundle written by hand (files in any order, names Encode would refuse) still reads.
func TestDecodeByHand(t *testing.T) {
	files, err := Decode(Header + "\n#file z.csv\nz\n#file my data.csv noeol\na\n#file end.csv\n#end.\n#end\n")
	require.NoError(t, err)
	assert.Equal(t, []calc.File{{Name: "z.csv", Data: []byte("z\n")}, {Name: "my data.csv", Data: []byte("a")}, {Name: "end.csv", Data: []byte("#end.\n")}}, files)
}

// Every encodable set of files decodes to itself, whatever its bytes.
func FuzzRoundTrip(f *testing.F) {
	f.Add("a.csv", "h\n1\n", "2024/b.csv", "x")
	f.Add("a.csv", "", "b.csv", "\n")
	f.Fuzz(func(t *testing.T, n1, d1, n2, d2 string) {
		files := []calc.File{{Name: n1, Data: []byte(d1)}, {Name: n2, Data: []byte(d2)}}
		text, err := Encode(files)
		if err != nil {
			return
		}
		back, err := Decode(text)
		require.NoError(t, err)
		if n2 < n1 {
			files[0], files[1] = files[1], files[0]
		}
		require.Len(t, back, 2)
		for i := range files {
			assert.Equal(t, files[i].Name, back[i].Name)
			assert.Equal(t, string(files[i].Data), string(back[i].Data))
		}
	})
}
