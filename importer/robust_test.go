package importer

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"honoraria/calc"
)

// Issue 13.2: a device or binary file is refused at once, without reading it (it used to
// read /dev/zero up to 256 MiB, then fail as bad input).
func TestReadRefusesDeviceQuickly(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	start := time.Now()
	_, err := Read("/dev/zero")
	require.Error(t, err)
	assert.Less(t, time.Since(start), 2*time.Second)
	assert.Contains(t, err.Error(), "not a text file")
	var le *LimitError
	assert.False(t, errors.As(err, &le))

	bin := filepath.Join(t.TempDir(), "image.csv")
	require.NoError(t, os.WriteFile(bin, []byte("nomen_code\x00\x01\x02"), 0o644))
	_, err = Read(bin)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "NUL byte at offset 10")
}

// Issue 13.2: over the size limit is a *LimitError (its own exit status), never a bad-input
// *Error — also for input without a size (a pipe), and also through Parse.
func TestOverLimitIsALimitError(t *testing.T) {
	_, err := Parse("big.csv", make([]byte, maxInput+1))
	var le *LimitError
	require.ErrorAs(t, err, &le)
	var ie *Error
	assert.False(t, errors.As(err, &ie))

	// A pipe reports no size: the limit is enforced while reading (2 MiB here, the same
	// code as Read's 256 MiB).
	const limit = 2 << 20
	fifo := filepath.Join(t.TempDir(), "export.csv")
	if err := exec.Command("mkfifo", fifo).Run(); err != nil {
		t.Skip("no mkfifo")
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer f.Close()
		line := []byte(strings.Repeat(strings.Repeat("x", 1023)+"\n", 1024))
		for i := 0; i <= limit/len(line)+1; i++ {
			if _, err := f.Write(line); err != nil {
				return
			}
		}
	}()
	_, err = readUpTo(fifo, limit)
	require.ErrorAs(t, err, &le)
	assert.Contains(t, le.Reason, "larger than 2 MiB")
}

// Issue 13.5: an export without label columns imports (the rows are written with a
// placeholder label) instead of failing on a generated file.
func TestExportWithoutLabelColumns(t *testing.T) {
	csv := "nomen_code;dbegin_fee;dend_fee;fee_code;fee;author_doc\n109991;01/01/2024;31/12/2999;0;10,005000;X\n109991;01/01/2024;31/12/2999;1600;5,002500;X\n"
	rows, err := Parse("nolabels.csv", []byte(csv))
	require.NoError(t, err)
	res, err := Merge(bundledFiles(t), FromRows("nolabels.csv", rows))
	require.NoError(t, err)
	require.Len(t, res.Added, 1)
	ds, err := calc.NewDataset(res.Files)
	require.NoError(t, err)
	q, err := calc.ParseQuery(map[string]string{"code": "109991", "date": "2024-06-01"})
	require.NoError(t, err)
	quote, err := ds.Quote(q)
	require.NoError(t, err)
	assert.Contains(t, quote.Service.LabelNL, "no label in the export")
	// Issue 13.3: the export's six decimals are rounded once, half up to the cent, and
	// the amounts add up.
	assert.Equal(t, "10.01", quote.Fee.StringFixed(2))
	assert.Equal(t, "5.00", quote.Reimbursement.StringFixed(2))
	assert.Equal(t, "5.01", quote.PersonalShare.StringFixed(2))
}

// Issue 13.5: a defect in a row the import wrote is reported at the export's line the row
// came from, not at the generated file.
func TestWrittenRowErrorPointsAtExport(t *testing.T) {
	files := []calc.File{{Name: "2024/tariffs.csv", Data: []byte(strings.Join(tariffColumns, ",") + "\n" +
		"109991,,,other,,2024-01-01,,,1.00,,,,,,,src,,nolabels.csv:7\n")}}
	err := atExportLine(files, &calc.DataError{File: "2024/tariffs.csv", Line: 2, Field: "label_fr", Err: "empty"})
	var ie *Error
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "nolabels.csv", ie.File)
	assert.Equal(t, 7, ie.Line)
	assert.Contains(t, err.Error(), "nolabels.csv:7: label_fr")
	assert.Nil(t, atExportLine(files, &calc.DataError{File: "2024/tariffs.csv", Line: 1, Field: "x", Err: "y"}))
	assert.Nil(t, atExportLine(files, errors.New("other")))
}
