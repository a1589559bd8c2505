package importer

// FeeCodeMeaning says what the amounts of one fee code are. (Stub until the classifier
// lands: fee codes 0, 1300 and 1600 only.)
type FeeCodeMeaning struct {
	Meaning  string
	Category string
	Unit     string
	Percent  string
	Why      string
}

// ClassifyFeeCode gives a fee code its meaning.
func ClassifyFeeCode(feeCode int, feeCodeCat, descFR, descNL string) FeeCodeMeaning {
	switch feeCode {
	case 0:
		return FeeCodeMeaning{Meaning: "fee", Unit: "eur"}
	case 1300:
		return FeeCodeMeaning{Meaning: "reimbursement", Category: "preferential=yes", Unit: "eur"}
	case 1600:
		return FeeCodeMeaning{Meaning: "reimbursement", Category: "preferential=no", Unit: "eur"}
	}
	return FeeCodeMeaning{Meaning: "unknown", Unit: "eur"}
}
