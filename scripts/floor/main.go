//go:build js && wasm

// The size floor: the least a Go wasm bridge with decimal money can weigh.
package main

import (
	"syscall/js"

	"github.com/shopspring/decimal"
)

func main() {
	js.Global().Set("floor", js.FuncOf(func(_ js.Value, args []js.Value) any {
		a, _ := decimal.NewFromString(args[0].String())
		b, _ := decimal.NewFromString(args[1].String())
		return a.Mul(b).Round(2).StringFixed(2)
	}))
	select {}
}
