#!/usr/bin/env python3
"""A table that breaks across pages, as printed (issue 13).

    tests/pdf/table_break.py DOC.pdf CAPTION

Finds the page holding CAPTION (the caption of a table long enough to
break), and checks on it and the next page: the table goes on there; its
head row is printed again at the top of the next page; the numbers of
each column end at the same x (right-aligned, within 0.5 pt); no cell is
wrapped character by character (each head cell and each first cell is one
word on one line). Prints what is wrong and exits 1.
"""
import re
import subprocess
import sys
from html import unescape


def words(pdf, page):
    xml = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(page),
                          "-l", str(page), pdf, "-"], capture_output=True,
                         text=True, check=True).stdout
    out = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                         r'xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', xml):
        out.append((float(m.group(1)), float(m.group(2)), float(m.group(3)),
                    unescape(m.group(5))))
    return out


def rows(ws):
    """Words grouped by line (same yMin within 1 pt), top to bottom."""
    lines = {}
    for w in ws:
        key = round(w[1])
        for k in list(lines):
            if abs(k - w[1]) < 1:
                key = k
                break
        lines.setdefault(key, []).append(w)
    return [sorted(lines[k]) for k in sorted(lines)]


def main():
    pdf, caption = sys.argv[1], sys.argv[2]
    n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1))
    page = None
    for i in range(1, n + 1):
        text = subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), pdf,
                               "-"], capture_output=True, text=True).stdout
        if caption in text.replace(" ", ""):
            page = i
            break
    if page is None or page == n:
        print("no page holds the caption %r" % caption)
        return 1
    bad = []
    heads = None
    firsts = []
    for p in (page, page + 1):
        lines = rows(words(pdf, p))
        # The head row: the line whose first word is the first head cell.
        idx = [i for i, l in enumerate(lines) if l[0][3] in ("党（工）委", "区域")]
        if not idx:
            bad.append("page %d: no head row" % p)
            continue
        head = [w[3] for w in lines[idx[-1]]]
        if heads is None:
            heads = head
        elif head != heads:
            bad.append("page %d: head row %r, not %r" % (p, head, heads))
        body = [l for l in lines[idx[-1] + 1:]
                if len(l) >= 3 and not re.fullmatch(r"[—\d\s]+",
                                                    " ".join(w[3] for w in l))]
        firsts += [l[0][3] for l in body]
        if p == page + 1 and not body:
            bad.append("page %d: the table does not go on here" % p)
        if p == page + 1 and idx[-1] > 2:
            bad.append("page %d: the head row is not at the top" % p)
        # Right-aligned: the last word of each row (targets reached) and
        # every 已完成/未完成 end at the same x as the others of their column.
        ends = [l[-1][2] for l in body]
        if ends and max(ends) - min(ends) > 0.5:
            bad.append("page %d: last column not right-aligned: %s" %
                       (p, sorted(set(round(e, 1) for e in ends))))
        marks = sorted(w[2] for l in body for w in l if w[3] in ("已完成", "未完成"))
        cols = []
        for x in marks:
            if cols and x - cols[-1][-1] <= 0.5:
                cols[-1].append(x)
            elif cols and any(abs(x - c[0]) <= 0.5 for c in cols):
                pass
            else:
                cols.append([x])
        ncols = len([h for h in heads or [] if h not in ("党（工）委", "区域", "完成目标")])
        if len(cols) > ncols:
            bad.append("page %d: %d value columns end at %d places: %s" %
                       (p, ncols, len(cols), [round(c[0], 1) for c in cols]))
        # Nothing wrapped per character: a lone CJK character on a line of
        # its own would be a cell broken into characters.
        for l in lines:
            if len(l) == 1 and re.fullmatch(r"[\u4e00-\u9fff]", l[0][3]):
                bad.append("page %d: %r alone on a line" % (p, l[0][3]))
    if len(set(firsts)) != len(firsts):
        bad.append("rows printed twice: %r" % firsts)
    for b in bad:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
