package calc

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The statut social of each doctor status (the agreement's full and partial adhesion, the
// doctor in training's own amount): the doctor view reads this table through contract.js.
func TestStatutStatus(t *testing.T) {
	for _, c := range []struct {
		doctor   DoctorStatus
		training bool
		want     string
	}{
		{Conventioned, false, "full"},
		{PartialAgreed, false, "partial"},
		{PartialFree, false, "partial"},
		{NonConventioned, false, "none"},
		{Conventioned, true, "in_training"},
		{NonConventioned, true, "in_training"},
	} {
		assert.Equal(t, c.want, StatutStatus(c.doctor, c.training), "%s training=%v", c.doctor, c.training)
	}
}
