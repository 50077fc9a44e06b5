// Package stamp records what the last good build read and wrote, so that a
// build with nothing changed (no source, no output, not the program) can say so
// at once instead of building the same pack again: the same sources always
// build the same bytes.
//
// Files are compared by name, size and modification time, as make and go do;
// the program by its Go build ID (the same source built again has the same ID,
// so `go run` keeps it too).
package stamp

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Stamp is the last good build's record.
type Stamp struct {
	Sources string          `json:"sources"` // Sources at the start of that build (and after it)
	Outputs string          `json:"outputs"` // Outputs when it had published
	Result  json.RawMessage `json:"result"`  // what it reported
}

// Read returns the stamp in file; ok is false when there is none (or it is
// unreadable: then the build runs).
func Read(file string) (s Stamp, ok bool) {
	b, err := os.ReadFile(file)
	if err != nil || json.Unmarshal(b, &s) != nil || s.Sources == "" || s.Outputs == "" {
		return Stamp{}, false
	}
	return s, true
}

// Write writes s to file (a temporary file renamed: never half a stamp).
func Write(file string, s Stamp) error {
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	tmp := file + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, file)
}

// skippedDirs are folders under a project that no build reads: tools' caches
// and Hugo's own (written while it builds).
var skippedDirs = map[string]bool{"node_modules": true, "resources/_gen": true}

// Sources sums what a build of the project at root may read: every file under
// it except the folders in skip (its outputs, its work folder), folders whose
// names start with a dot (.git, a publish under way) and skippedDirs; and the
// program itself.
func Sources(root string, skip ...string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "program %s\n", programID())
	skipped := map[string]bool{}
	for _, s := range skip {
		if abs, err := filepath.Abs(s); err == nil {
			skipped[abs] = true
			fmt.Fprintf(h, "skip %q\n", abs) // other outputs: another build
		}
	}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() && p != root && (skipped[p] || strings.HasPrefix(d.Name(), ".") || skippedDirs[rel]) {
			return filepath.SkipDir
		}
		return entry(h, rel, d)
	})
	return hex.EncodeToString(h.Sum(nil)), err
}

// Outputs sums the files under each path (a folder or a file); a path that is
// missing sums as missing.
func Outputs(paths ...string) (string, error) {
	h := sha256.New()
	for _, root := range paths {
		fmt.Fprintf(h, "root %s\n", root)
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				fmt.Fprintf(h, "missing\n")
				return nil
			}
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			return entry(h, filepath.ToSlash(rel), d)
		})
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// entry adds a file's name, mode, size and time to h.
func entry(h hash.Hash, rel string, d fs.DirEntry) error {
	if d.IsDir() {
		return nil // its files say what it holds
	}
	fi, err := d.Info()
	if err != nil {
		return err
	}
	fmt.Fprintf(h, "f %q %o %d %d\n", rel, fi.Mode(), fi.Size(), fi.ModTime().UnixNano())
	return nil
}

// programID names the running program's build: its Go build ID (the go
// command writes it into every binary: an ELF note, or near the start of the
// text elsewhere); else its path, size and time.
func programID() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	if ef, err := elf.Open(exe); err == nil {
		defer ef.Close()
		// The note: name size, description size, type (4), "Go\x00\x00", the ID.
		if sec := ef.Section(".note.go.buildid"); sec != nil {
			if b, err := sec.Data(); err == nil && len(b) > 16 {
				if n := int(ef.ByteOrder.Uint32(b[4:8])); 16+n <= len(b) {
					return string(b[16 : 16+n])
				}
			}
		}
	}
	f, err := os.Open(exe)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, head)
	const open, end = "\xff Go build ID: \"", "\"\n \xff"
	if i := bytes.Index(head[:n], []byte(open)); i >= 0 {
		if j := bytes.Index(head[i+len(open):n], []byte(end)); j >= 0 {
			return string(head[i+len(open) : i+len(open)+j])
		}
	}
	fi, err := f.Stat()
	if err != nil {
		return "unknown"
	}
	return fmt.Sprintf("%s %d %d", exe, fi.Size(), fi.ModTime().UnixNano())
}
