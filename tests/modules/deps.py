#!/usr/bin/env python3
"""
The modules of generator/ and their dependencies, derived from the
#include "x.h" lines: fails on a loop between modules (a module reaching
itself through others) and on a source file longer than MAX_LINES.

A module is a .h/.c pair named alike (chart.h, chart.c). Files named
<m>_<part>.c/.h belong to module <m> when <m>_int.h, its private header,
exists (chart_draw.c is part of chart). Prints every loop with the lines
that make it.

    deps.py [--known FILE] [-v] [DIR]

--known names loops that are known and being taken apart (one per line,
the modules of the loop): they are shown but pass, and a line whose loop
is gone fails, so the list only shrinks. -v prints every module's
dependencies.
"""
import os
import re
import sys

MAX_LINES = 2000
args = sys.argv[1:]
verbose = "-v" in args
known_file = None
if "--known" in args:
    known_file = args[args.index("--known") + 1]
    del args[args.index("--known"):args.index("--known") + 2]
args = [a for a in args if a != "-v"]
SRC = args[0] if args else "generator"

known = set()
if known_file:
    with open(known_file, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].split()
            if line:
                known.add(" ".join(sorted(line)))

files = sorted(f for f in os.listdir(SRC)
               if f.endswith((".c", ".h", ".cc")))


def module_of(name):
    stem = name.rsplit(".", 1)[0]
    if "_" in stem:
        base = stem.split("_", 1)[0]
        if base + "_int.h" in files:
            return base
    return stem


inc = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
edges = {}   # module -> {module: "file:line"}
failed = 0
for f in files:
    m = module_of(f)
    edges.setdefault(m, {})
    with open(os.path.join(SRC, f), encoding="utf-8") as fh:
        lines = fh.readlines()
    if len(lines) > MAX_LINES:
        print("%s/%s: %d lines, more than %d: a file does one job; split it"
              % (SRC, f, len(lines), MAX_LINES))
        failed = 1
    for no, line in enumerate(lines, 1):
        hit = inc.match(line)
        if not hit:
            continue
        target = hit.group(1)
        if target not in files:
            continue  # generated (version.h) or outside generator/
        t = module_of(target)
        if t != m:
            edges[m].setdefault(t, "%s/%s:%d" % (SRC, f, no))

# Tarjan's strongly connected components: every loop lies inside one.
index, low, on, stack, comps = {}, {}, set(), [], []
counter = [0]


def strong(v):
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on.add(v)
    for w in sorted(edges.get(v, {})):
        if w not in index:
            strong(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        comps.append(sorted(comp))


sys.setrecursionlimit(10000)
for v in sorted(edges):
    if v not in index:
        strong(v)


def loop_from(start, comp):
    """One shortest path start -> ... -> start inside comp."""
    prev, queue = {start: None}, [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(edges[v]):
            if w not in comp:
                continue
            if w == start:
                path = [v]
                while prev[path[-1]] is not None:
                    path.append(prev[path[-1]])
                return list(reversed(path)) + [start]
            if w not in prev:
                prev[w] = v
                queue.append(w)
    return []


seen = set()
for comp in comps:
    if len(comp) < 2:
        continue
    key = " ".join(comp)
    seen.add(key)
    path = loop_from(comp[0], set(comp))
    if key in known:
        print("known loop between modules %s (%s)" % (", ".join(comp),
              known_file))
    else:
        failed = 1
        print("loop between modules %s:" % ", ".join(comp))
    for a, b in zip(path, path[1:]):
        print("  %s -> %s (%s)" % (a, b, edges[a][b]))
for key in sorted(known - seen):
    failed = 1
    print("%s: \"%s\" is no loop (any more): delete the line"
          % (known_file, key))

if verbose:
    for m in sorted(edges):
        print("%s: %s" % (m, " ".join(sorted(edges[m]))))
sys.exit(failed)
