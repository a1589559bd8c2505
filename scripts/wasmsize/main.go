// Command wasmsize lists the code size of each function of a wasm binary built without
// -ldflags=-s (the name section is needed), summed by Go package: where the bytes go.
//
//	GOOS=js GOARCH=wasm go build -o /tmp/h.wasm ./wasm && go run ./scripts/wasmsize /tmp/h.wasm
package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"sort"
	"strings"
)

type kv struct {
	k string
	v int
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize FILE.wasm [N]")
		os.Exit(2)
	}
	b, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sizes, names, imports, err := parse(b)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	byPkg := map[string]int{}
	total := 0
	for i, sz := range sizes {
		name := names[uint32(i+imports)]
		byPkg[pkgOf(name)] += sz
		total += sz
	}
	var rows []kv
	for k, v := range byPkg {
		rows = append(rows, kv{k, v})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].v > rows[j].v })
	fmt.Printf("code bytes %d in %d functions (file %d bytes)\n", total, len(sizes), len(b))
	if len(os.Args) > 2 { // the largest functions of one package
		var fs []kv
		for i, sz := range sizes {
			if name := names[uint32(i+imports)]; pkgOf(name) == os.Args[2] {
				fs = append(fs, kv{name, sz})
			}
		}
		sort.Slice(fs, func(i, j int) bool { return fs[i].v > fs[j].v })
		limit := 40 // WASMSIZE_ALL=1: every function
		if os.Getenv("WASMSIZE_ALL") != "" {
			limit = len(fs)
		}
		for i, f := range fs {
			if i == limit {
				break
			}
			fmt.Printf("%9d  %s\n", f.v, f.k)
		}
		return
	}
	for i, r := range rows {
		if i == 40 {
			break
		}
		fmt.Printf("%9d  %s\n", r.v, r.k)
	}
}

// pkgOf returns the import path of a Go symbol name such as "honoraria/calc.(*Dataset).Quote".
func pkgOf(name string) string {
	slash := strings.LastIndex(name, "/")
	dot := strings.Index(name[slash+1:], ".")
	if dot < 0 {
		return name
	}
	return name[:slash+1+dot]
}

func uleb(r *bytes.Reader) uint32 {
	var x uint32
	var s uint
	for {
		c, _ := r.ReadByte()
		x |= uint32(c&0x7f) << s
		if c&0x80 == 0 {
			return x
		}
		s += 7
	}
}

func parse(b []byte) (sizes []int, names map[uint32]string, imports int, err error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" || binary.LittleEndian.Uint32(b[4:8]) != 1 {
		return nil, nil, 0, fmt.Errorf("not a wasm binary")
	}
	names = map[uint32]string{}
	r := bytes.NewReader(b[8:])
	for r.Len() > 0 {
		id, _ := r.ReadByte()
		n := uleb(r)
		sec := make([]byte, n)
		r.Read(sec)
		sr := bytes.NewReader(sec)
		switch id {
		case 2: // imports: count function imports
			for c := uleb(sr); c > 0; c-- {
				sr.Seek(int64(uleb(sr)), 1)
				sr.Seek(int64(uleb(sr)), 1)
				kind, _ := sr.ReadByte()
				switch kind {
				case 0:
					uleb(sr)
					imports++
				case 1:
					sr.ReadByte()
					if f, _ := sr.ReadByte(); f == 1 {
						uleb(sr)
					}
					uleb(sr)
				case 2:
					if f, _ := sr.ReadByte(); f == 1 {
						uleb(sr)
					}
					uleb(sr)
				case 3:
					sr.ReadByte()
					sr.ReadByte()
				}
			}
		case 10: // code
			for c := uleb(sr); c > 0; c-- {
				sz := uleb(sr)
				sizes = append(sizes, int(sz))
				sr.Seek(int64(sz), 1)
			}
		case 0: // custom: the name section
			nl := uleb(sr)
			nm := make([]byte, nl)
			sr.Read(nm)
			if string(nm) != "name" {
				continue
			}
			for sr.Len() > 0 {
				sub, _ := sr.ReadByte()
				sl := uleb(sr)
				if sub != 1 {
					sr.Seek(int64(sl), 1)
					continue
				}
				for c := uleb(sr); c > 0; c-- {
					idx := uleb(sr)
					l := uleb(sr)
					s := make([]byte, l)
					sr.Read(s)
					names[idx] = string(s)
				}
			}
		}
	}
	return sizes, names, imports, nil
}
