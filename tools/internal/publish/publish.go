// Package publish puts a new build in place of the last: the site folder
// (public/) and the zip (dist/<pack>-<version>.zip) together, so that an
// interruption at any instant (Ctrl+C, kill -9, power loss) leaves both the old
// or both the new once Recover has run, and neither missing.
//
// A journal in the work folder (.guidepack/publish.json) says what is under
// way. Publish first checks that every destination can be written, then:
//
//  1. journal "prepare"; the new site and zip are moved (or copied, across
//     file systems) beside their destinations and synced to disk;
//  2. journal "swap" (the point of no return); the old site is moved aside,
//     the new site and zip renamed into place, the old site removed, the
//     journal removed.
//
// Recover, run before the next build, reads the journal: in "prepare" it
// removes what was moved beside the destinations (rolls back), in "swap" it
// completes the renames (rolls forward). Every step it takes is safe to take
// again, so Recover may itself be interrupted.
package publish

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Plan is one publish.
type Plan struct {
	Site    string // the site folder to replace (public/)
	Zip     string // the zip to replace (dist/<pack>-<version>.zip)
	NewSite string // the new site (the staged folder): moved away by Publish
	NewZip  string // the new zip: moved away by Publish
	Version string // the pack's version, for Recover's message
}

// JournalName is the journal's file name in the work folder.
const JournalName = "publish.json"

// journal is what the journal file holds. Paths are relative to the work
// folder where they can be, so a project folder moved after an interruption
// still recovers.
type journal struct {
	State   string    `json:"state"` // "prepare" or "swap"
	Site    string    `json:"site"`
	Zip     string    `json:"zip"`
	Version string    `json:"version,omitempty"`
	Started time.Time `json:"started"`
}

const (
	statePrepare = "prepare"
	stateSwap    = "swap"
)

// The names beside the destinations: derived from them, never read from the
// journal, so Recover only ever removes files of its own naming.
func newSite(site string) string { return beside(site, "new") }
func oldSite(site string) string { return beside(site, "old") }
func newZip(zip string) string   { return beside(zip, "new") }

func beside(p, what string) string {
	return filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".guidepack-"+what)
}

// Publish puts p's new site and zip in place of the old, keeping the journal in
// work. Use OS (or a test's FS) for fsys. When it fails before the point of no
// return, the old site and zip are as they were; after it, Recover completes
// the publish (it is run here too, and again before the next build).
func Publish(work string, p Plan, fsys FS) error {
	if err := Writable(p.Site, p.Zip); err != nil {
		return err
	}
	j := journal{Site: p.Site, Zip: p.Zip, Version: p.Version, Started: time.Now().UTC().Truncate(time.Second)}
	if err := write(fsys, work, j, statePrepare); err != nil {
		return err
	}
	err := prepare(fsys, p)
	if err == nil {
		err = write(fsys, work, j, stateSwap)
	}
	if err != nil {
		// Before the point of no return: undo (and if that fails too, the
		// next build's Recover does).
		if _, rerr := Recover(work, fsys); rerr != nil {
			return errors.Join(err, rerr)
		}
		return err
	}
	return swap(fsys, work, p.Site, p.Zip)
}

// prepare moves the new site and zip beside their destinations and syncs them.
func prepare(fsys FS, p Plan) error {
	ns, nz := newSite(p.Site), newZip(p.Zip)
	for _, leftover := range []string{ns, oldSite(p.Site), nz} {
		if err := fsys.RemoveAll(leftover); err != nil {
			return err
		}
	}
	if err := move(fsys, p.NewSite, ns); err != nil {
		return err
	}
	if err := move(fsys, p.NewZip, nz); err != nil {
		return err
	}
	if err := fsys.SyncTree(ns); err != nil {
		return err
	}
	return fsys.SyncTree(nz)
}

// swap renames the new site and zip into place; then removes the old site and
// the journal. Each step is taken only when the files show it is still to do,
// so Recover runs it again after an interruption.
func swap(fsys FS, work, site, zip string) error {
	ns, os_, nz := newSite(site), oldSite(site), newZip(zip)
	if exists(ns) {
		if exists(site) {
			if err := fsys.RemoveAll(os_); err != nil {
				return err
			}
			if err := fsys.Rename(site, os_); err != nil {
				return err
			}
		}
		if err := fsys.Rename(ns, site); err != nil {
			return err
		}
	} else if !exists(site) && exists(os_) {
		// Not ours to reach: the new site went missing after the point of no
		// return. The old one goes back rather than leave none.
		if err := fsys.Rename(os_, site); err != nil {
			return err
		}
	}
	if exists(nz) {
		if err := fsys.Rename(nz, zip); err != nil {
			return err
		}
	}
	for _, d := range []string{filepath.Dir(site), filepath.Dir(zip)} {
		if err := fsys.SyncDir(d); err != nil {
			return err
		}
	}
	if err := fsys.RemoveAll(os_); err != nil {
		return err
	}
	return remove(fsys, work)
}

// Recovered says what Recover did.
type Recovered struct {
	Action  string // "" (nothing to do), "rolled back" or "finished"
	Site    string
	Zip     string
	Version string    // the interrupted build's version
	Started time.Time // when the interrupted publish started
}

// Recover completes or undoes a publish that was interrupted, as the journal in
// work says, and says which.
func Recover(work string, fsys FS) (Recovered, error) {
	b, err := os.ReadFile(filepath.Join(work, JournalName))
	if errors.Is(err, fs.ErrNotExist) {
		// A journal half written (its temporary file) never took effect.
		return Recovered{}, fsys.RemoveAll(filepath.Join(work, JournalName+".tmp"))
	}
	if err != nil {
		return Recovered{}, err
	}
	var j journal
	if err := json.Unmarshal(b, &j); err != nil {
		return Recovered{}, fmt.Errorf("%s: %v\nhint: a publish was interrupted and its journal is unreadable; check that public/ and dist/ are as you expect, then remove the journal", filepath.Join(work, JournalName), err)
	}
	j.Site, j.Zip = fromWork(work, j.Site), fromWork(work, j.Zip)
	r := Recovered{Site: j.Site, Zip: j.Zip, Version: j.Version, Started: j.Started}
	switch j.State {
	case stateSwap:
		r.Action = "finished"
		return r, swap(fsys, work, j.Site, j.Zip)
	case statePrepare:
		r.Action = "rolled back"
		for _, p := range []string{newSite(j.Site), newZip(j.Zip)} {
			if err := fsys.RemoveAll(p); err != nil {
				return r, err
			}
		}
		if !exists(j.Site) && exists(oldSite(j.Site)) {
			if err := fsys.Rename(oldSite(j.Site), j.Site); err != nil {
				return r, err
			}
		}
		return r, remove(fsys, work)
	}
	return r, fmt.Errorf("%s: unknown state %q", filepath.Join(work, JournalName), j.State)
}

// write writes the journal in state (atomically: a temporary file renamed).
func write(fsys FS, work string, j journal, state string) error {
	j.State = state
	j.Site, j.Zip = toWork(work, j.Site), toWork(work, j.Zip)
	b, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	return fsys.WriteFile(filepath.Join(work, JournalName), append(b, '\n'))
}

// remove removes the journal (and a temporary one an interrupted write left).
func remove(fsys FS, work string) error {
	for _, name := range []string{JournalName, JournalName + ".tmp"} {
		if err := fsys.RemoveAll(filepath.Join(work, name)); err != nil {
			return err
		}
	}
	return fsys.SyncDir(work)
}

func toWork(work, p string) string {
	if rel, err := filepath.Rel(work, p); err == nil {
		return filepath.ToSlash(rel)
	}
	return p
}

func fromWork(work, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(work, filepath.FromSlash(p))
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// Writable checks, before anything is replaced, that the site and the zip can
// be put in place: their folders exist or can be made, can be written, and
// hold no folder where the zip goes nor a file where the site goes.
func Writable(site, zip string) error {
	if fi, err := os.Stat(site); err == nil && !fi.IsDir() {
		return fmt.Errorf("%s is a file, where the site folder goes\nhint: nothing was published; move the file away and build again", site)
	}
	if fi, err := os.Stat(zip); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a folder, where the zip goes\nhint: nothing was published; move the folder away and build again", zip)
	}
	for _, d := range []string{filepath.Dir(site), filepath.Dir(zip)} {
		if err := probe(d); err != nil {
			return fmt.Errorf("cannot write into %s: %v\nhint: nothing was published; make the folder writable and build again", d, unwrap(err))
		}
	}
	return nil
}

// probe makes folder d if need be and writes and removes a file in it.
func probe(d string) error {
	if err := os.MkdirAll(d, 0o755); err != nil {
		return err
	}
	p := filepath.Join(d, ".guidepack-probe")
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	f.Close()
	return os.Remove(p)
}

// unwrap drops the path of a *PathError (the message names the folder).
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
