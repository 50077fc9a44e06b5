// Package scenariomap draws a scenario as a map: an SVG of its steps as boxes and
// its choices as arrows, laid out in layers from the start step down, so a
// facilitator (or a reader who has finished) sees every path at once.
//
// # The layout
//
// A layered (Sugiyama) layout in five steps, each in its own file:
//
//  1. graph.go: the steps are nodes and the choices (and a question's or a
//     reflection's next) are edges. A depth-first search from the start step, in
//     choice order, finds the back-edges (a choice that leads back to a step on
//     the current path, or to itself); they are set aside and drawn around the
//     side. The rest is acyclic: each step's rank is its longest path from the
//     start, and an edge that spans several ranks gets a dummy node on each rank
//     it crosses.
//  2. order.go: the order of the nodes in each rank: barycentre sweeps, down and
//     up, keeping the order with the fewest crossings, then adjacent swaps while
//     they remove crossings.
//  3. place.go: coordinates. Ranks are rows; in each row the x of every node is
//     pulled towards the mean of its neighbours' (best-path and long edges pull
//     harder, so they run straight) with the row's order and spacing kept, by
//     isotonic regression (pool adjacent violators): the closest x that keeps
//     the boxes apart.
//  4. route.go: each edge leaves its box at a port of its own on the bottom
//     side, labelled with the choice's letter, and runs as curves through the
//     gaps between rows (never across a box) into a port on the target's top.
//     A back-edge runs down into the gap, right to a lane of its own beyond the
//     widest row, up, and back left into its target's top.
//  5. svg.go: the drawing. Presentation attributes only (no style attributes,
//     no <style>, no script), so it passes a strict Content Security Policy and
//     also reads as a file of its own. It is written on a scenario's page and
//     again on its facilitator sheet, so it is kept small: elements that look
//     alike share one <g> that carries their attributes (SVG inherits them),
//     ids are short, and a tall map's print parts hold only what shows in
//     them.
//
// Everything is deterministic: the same scenario gives the same bytes.
//
// # Why not a library
//
// Checked December 2026: github.com/nulab/autog is a pure-Go port of Graphviz
// dot's phases, but it is at version 0 with an unstable API, does not route
// self-loops, and documents overlaps with unequal node sizes; we would still
// write the ports, labels and side routing. d2's layout engines (dagre, ELK) run
// JavaScript in goja, and github.com/goccy/go-graphviz runs Graphviz as
// WebAssembly: both heavy for a build that must need nothing but Go and stay
// fast. Scenarios are small (tens of steps), so a few hundred lines of simple,
// tested algorithms serve better.
package scenariomap
