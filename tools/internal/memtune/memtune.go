// Package memtune sets how the build's processes use memory: the soft limit of
// the Hugo child, the collector's pace in the parent while Hugo holds most of
// the memory, and giving memory back between stages. The figures behind each
// setting are in BENCHMARKS.md.
package memtune

import "runtime/debug"

// HugoBudget is the soft memory limit of the Hugo child: 720 MiB, or 125 KiB a
// page (scenario pages counted) for packs over 5,898 pages. Hugo's live heap is
// about 95 KiB a page at its peak (5,000-page bench pack); with Go's default
// pacing its peak memory is twice that, about 1 GB at 5,000 pages, and the
// build's whole peak (this process reads pages meanwhile) over 1 GiB. Under the
// limit the collector runs more often near the top instead, with a third more
// than the live heap to spare. At 144 KiB a page the bench pack (5,000 pages and
// 750 scenarios: 5,750) got 808 MiB and the build peaked at 985–999 MiB, 1,058
// in the worst of five; at 720 MiB, 867–868 (BENCHMARKS.md).
func HugoBudget(pages int) int64 {
	return max(720<<20, int64(pages)*125<<10)
}

// HugoApart says whether Hugo runs in a child process for a pack of this many
// pages (scenarios included). In a child, all of Hugo's memory goes back when it
// ends, so the stages after it run in a small heap; but starting it costs a
// second start of guidepack, which holds all of Hugo (about 0.1 s here, a
// quarter of a small pack's build). Under 300 pages Hugo's memory is under
// 150 MiB: it runs in the build's own process.
func HugoApart(pages int) bool { return pages >= 300 }

// BesideHugo makes this process's collector keep its heap within half again of
// what it holds, not twice, while Hugo's child holds most of the build's
// memory. The returned function restores the setting before.
func BesideHugo() (restore func()) {
	old := debug.SetGCPercent(50)
	return func() { debug.SetGCPercent(old) }
}

// GiveBack returns the memory of what a stage left as garbage to the system, so
// the next stage (or Hugo's child) starts with it free.
func GiveBack() { debug.FreeOSMemory() }
