package offline

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/keep"
)

// CheckKeep checks the service worker's list of files (sw.js, written by the
// keep stage) against the site: every file the worker should keep is listed
// with the hash of what is there, and every listed file exists. A list that
// disagrees would leave a phone reader with a missing page, or a stale one.
func CheckKeep(site string) error {
	b, err := os.ReadFile(filepath.Join(site, keep.Worker))
	if err != nil {
		return err
	}
	listed, err := keep.Parse(b)
	if err != nil {
		return err
	}
	there, err := keep.Walk(site, listed.Pack, listed.Version)
	if err != nil {
		return err
	}
	want := map[string]string{}
	for _, f := range there.Files {
		want[f.Path] = f.Hash
	}
	var problems []Problem
	seen := map[string]bool{}
	for _, f := range listed.Files {
		seen[f.Path] = true
		switch h, ok := want[f.Path]; {
		case !ok:
			problems = append(problems, Problem{Page: keep.Worker, Ref: f.Path, Why: "listed for keeping, but not in the site"})
		case h != f.Hash:
			problems = append(problems, Problem{Page: keep.Worker, Ref: f.Path, Why: "listed with hash " + f.Hash + ", but the file's is " + h})
		}
	}
	for _, f := range there.Files {
		if !seen[f.Path] {
			problems = append(problems, Problem{Page: keep.Worker, Ref: f.Path, Why: "in the site, but not listed for keeping"})
		}
	}
	if len(problems) > 0 {
		return &Error{Problems: problems}
	}
	return nil
}

// network is what reaches the network from a script: the pack's scripts use
// none of it (they load the search index with <script src>); only the service
// worker, which keeps the hosted pack on the device, fetches.
var network = regexp.MustCompile(`\b(fetch|XMLHttpRequest|EventSource|WebSocket|WebTransport|sendBeacon|importScripts|RTCPeerConnection)\b`)

// mayFetch are the scripts that may: the service worker, and its code as
// Hugo built it (keep.Code, which the keep stage turns into the worker).
func mayFetch(rel string) bool { return rel == keep.Worker || rel == keep.Code }

// isIndex tells the search index's data files (search/t-*.js, search/d-*.js):
// the pack's own words as JSON strings, where "fetch" is a word like another.
func isIndex(rel string) bool {
	name := strings.TrimPrefix(rel, "search/")
	return name != rel && !strings.Contains(name, "/") && (strings.HasPrefix(name, "t-") || strings.HasPrefix(name, "d-"))
}

// CheckScripts checks the site's scripts (every .js file but the search index's
// data) use nothing that reaches the network, but for the service worker.
func CheckScripts(site string) error {
	files, err := List(site)
	if err != nil {
		return err
	}
	var problems []Problem
	for _, rel := range files {
		if !strings.HasSuffix(rel, ".js") || mayFetch(rel) || isIndex(rel) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(rel)))
		if err != nil {
			return err
		}
		found := network.FindAllString(string(b), -1)
		slices.Sort(found)
		for _, m := range slices.Compact(found) {
			problems = append(problems, Problem{Page: rel, Ref: m, Why: "a pack script may not reach the network (only the service worker, sw.js, fetches)"})
		}
	}
	if len(problems) > 0 {
		return &Error{Problems: problems}
	}
	return nil
}
