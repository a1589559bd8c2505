//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/shopspring/decimal"
)

// The floor as a page (scripts/bench-browser.mjs serves it with index.html and floor.js):
// at start it writes one decimal result into the page, as the calculator shows its first
// fee — <p data-field="fee" data-value="31.81">. Left out of the size floor (scripts/size.sh).
func init() {
	doc := js.Global().Get("document")
	if doc.Type() != js.TypeObject {
		return
	}
	fee := decimal.RequireFromString("30.00").Mul(decimal.RequireFromString("1.0604")).Round(2).StringFixed(2)
	p := doc.Call("createElement", "p")
	p.Call("setAttribute", "data-field", "fee")
	p.Call("setAttribute", "data-value", fee)
	p.Set("textContent", fee+" €")
	doc.Get("body").Call("append", p)
}
