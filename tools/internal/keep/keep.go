// Package keep makes what lets a reader keep the hosted pack on a phone: the
// list of the pack's files with a hash of each (written into the service
// worker, sw.js, so a new version changes the worker's bytes), the web app
// manifest and its icons. Go computes every hash and size; the worker only
// reads the list.
package keep

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The files keep writes into the hosted site (none of them goes into the zip).
const (
	Worker   = "sw.js"                // the service worker, at the root: its scope is the whole pack
	Manifest = "manifest.webmanifest" // the web app manifest
	Dir      = "keep/"                // the icons, and the worker's code as Hugo built it
	Code     = Dir + "worker.js"      // the worker's code (assets/js/sw.js by js.Build), without the list
)

// Listed tells whether a file of the hosted site (a slash path) is one the
// worker keeps on the device: every file of the pack but the zip (download/),
// _headers (only a host reads it), the worker itself and its code.
func Listed(rel string) bool {
	return !strings.HasPrefix(rel, "download/") && rel != "_headers" && rel != Worker && rel != Code
}

// HostedOnly tells whether a file keep writes belongs to the hosted site only:
// the worker, the manifest and the icons are of no use from file://.
func HostedOnly(rel string) bool {
	return rel == Worker || rel == Manifest || strings.HasPrefix(rel, Dir)
}

// File is one file of the list.
type File struct {
	Path string // slash path relative to the site root
	Hash string // the first 16 hex digits of its SHA-256
	Size int64
}

// List is what the worker keeps: the pack's id (the same across versions), its
// version, and every file, sorted by path.
type List struct {
	Pack    string
	Version string
	Files   []File
}

// Size is the bytes of all the files together.
func (l List) Size() int64 {
	var n int64
	for _, f := range l.Files {
		n += f.Size
	}
	return n
}

// ID is a short hash of the whole list: two lists with the same files, hashes,
// pack and version have the same id.
func (l List) ID() string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", l.Pack, l.Version)
	for _, f := range l.Files {
		fmt.Fprintf(h, "%s\x00%s\x00", f.Path, f.Hash)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Hash is how the list names a file's content.
func Hash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:8])
}

// Walk lists the files of the site folder the worker keeps.
func Walk(site, pack, version string) (List, error) {
	l := List{Pack: pack, Version: version}
	err := walkListed(site, func(p, rel string, _ fs.DirEntry) error {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		l.Files = append(l.Files, File{Path: rel, Hash: Hash(b), Size: int64(len(b))})
		return nil
	})
	sort.Slice(l.Files, func(i, j int) bool { return l.Files[i].Path < l.Files[j].Path })
	return l, err
}

// walkListed calls f for each file under site that the worker keeps (Listed),
// with its path and its slash-separated name relative to site.
func walkListed(site string, f func(p, rel string, d fs.DirEntry) error) error {
	return filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(site, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if !Listed(rel) {
			return nil
		}
		return f(p, rel, d)
	})
}

// head starts the worker's first line: the list, as data for the code after it.
const head = "self.GP_KEEP="

// data is the list as the worker reads it: files as [path, hash] pairs (the
// worker makes a Map of them: paths are authors' names, and "constructor" is one).
type data struct {
	Pack    string      `json:"pack"`
	Version string      `json:"version"`
	ID      string      `json:"id"`
	Files   [][2]string `json:"files"`
}

// Script writes the worker: the list on its first line, then code (the
// worker's code as js.Build made it).
func Script(l List, code []byte) []byte {
	d := data{Pack: l.Pack, Version: l.Version, ID: l.ID(), Files: make([][2]string, len(l.Files))}
	for i, f := range l.Files {
		d.Files[i] = [2]string{f.Path, f.Hash}
	}
	var b bytes.Buffer
	b.WriteString(head)
	enc := json.NewEncoder(&b) // escapes <, > and & too: the line stays plain data
	enc.Encode(d)              // a struct of strings: cannot fail
	b.Truncate(b.Len() - 1)
	b.WriteString(";\n")
	b.Write(code)
	return b.Bytes()
}

// Parse reads the list back from a worker Script wrote (sizes are not in it).
func Parse(worker []byte) (List, error) {
	line, _, _ := bytes.Cut(worker, []byte("\n"))
	js, ok := bytes.CutPrefix(line, []byte(head))
	js, ok2 := bytes.CutSuffix(js, []byte(";"))
	if !ok || !ok2 {
		return List{}, errors.New(Worker + ": the first line is not the list of files")
	}
	var d data
	if err := json.Unmarshal(js, &d); err != nil {
		return List{}, fmt.Errorf("%s: the list of files: %v", Worker, err)
	}
	l := List{Pack: d.Pack, Version: d.Version}
	for _, f := range d.Files {
		l.Files = append(l.Files, File{Path: f[0], Hash: f[1]})
	}
	return l, nil
}
