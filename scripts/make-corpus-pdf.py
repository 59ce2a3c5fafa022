#!/usr/bin/env python3
"""Render a simple Markdown source of the sample corpus to an A4 PDF with cairo.

Used by scripts/make-corpus-binaries. Supports what corpus/src/*.md needs:
'#'-headings, paragraphs (one per line), '-' and '1.' lists and pipe tables.
Text is drawn line by line (left aligned, wrapped), with a running header and
"Halaman N dari M" in the footer. A soft hyphen (U+00AD) in the source marks a
permitted break: when such a word does not fit at a line end it is split there
and a visible '-' is drawn, so the PDF carries real end-of-line hyphenation for
the importer's hyphen repair to undo.

The output is deterministic: fixed metadata dates, no timestamps.

usage: make-corpus-pdf.py SOURCE.md OUTPUT.pdf --title T --author A --date YYYY-MM-DD
       [--header TEXT]
"""
import argparse
import re
import sys

import cairo

SHY = "\u00ad"
PAGE_W, PAGE_H = 595.276, 841.89  # A4 in points
MARGIN_L, MARGIN_R = 68.0, 68.0
MARGIN_T, MARGIN_B = 70.0, 70.0
TEXT_W = PAGE_W - MARGIN_L - MARGIN_R
FONT = "DejaVu Sans"

BODY = (10.0, 14.6)           # font size, line height
TABLE = (8.4, 11.6)
HEADINGS = {1: (15.5, 20.0), 2: (12.5, 17.0), 3: (11.0, 15.0)}


class Layout:
    """Collects drawing operations per page; pages are rendered after layout
    so that the footer can say 'of M'."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.pages = [[]]
        self.y = MARGIN_T

    # -- measuring ---------------------------------------------------------
    def font(self, size, bold=False):
        self.ctx.select_font_face(
            FONT, cairo.FONT_SLANT_NORMAL,
            cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL)
        self.ctx.set_font_size(size)

    def width(self, text, size, bold=False):
        self.font(size, bold)
        return self.ctx.text_extents(text.replace(SHY, "")).x_advance

    def wrap(self, text, size, width, bold=False):
        """Greedy wrap; words with soft hyphens may be split at line ends."""
        words = text.split()
        lines, cur = [], ""
        for w in words:
            cand = (cur + " " + w) if cur else w
            if self.width(cand, size, bold) <= width:
                cur = cand
                continue
            # try to split the word at a soft hyphen
            if SHY in w and cur:
                parts = w.split(SHY)
                best = None
                for i in range(len(parts) - 1, 0, -1):
                    head = "".join(parts[:i]) + "-"
                    if self.width(cur + " " + head, size, bold) <= width:
                        best = i
                        break
                if best is not None:
                    lines.append(cur + " " + "".join(parts[:best]) + "-")
                    cur = SHY.join(parts[best:])
                    continue
            if cur:
                lines.append(cur)
            cur = w
        if cur:
            lines.append(cur)
        return [l.replace(SHY, "") for l in lines]

    # -- placing -----------------------------------------------------------
    def need(self, h):
        if self.y + h > PAGE_H - MARGIN_B:
            self.pages.append([])
            self.y = MARGIN_T

    def text_line(self, x, text, size, lh, bold=False):
        self.need(lh)
        self.pages[-1].append(("text", x, self.y + size, text, size, bold))
        self.y += lh

    def rule(self, x0, y0, x1, y1):
        self.pages[-1].append(("line", x0, y0, x1, y1))

    def space(self, h):
        self.y += h

    # -- blocks ------------------------------------------------------------
    def heading(self, level, text):
        size, lh = HEADINGS.get(level, HEADINGS[3])
        lines = self.wrap(text, size, TEXT_W, bold=True)
        # keep with next: heading plus two body lines
        self.need(lh * len(lines) + 2 * BODY[1] + 6)
        self.space(4 if level > 1 else 0)
        for l in lines:
            self.text_line(MARGIN_L, l, size, lh, bold=True)
        self.space(4)

    def paragraph(self, text, indent=0.0, marker=None):
        size, lh = BODY
        lines = self.wrap(text, size, TEXT_W - indent)
        for i, l in enumerate(lines):
            if i == 0 and marker:
                self.need(lh)
                self.pages[-1].append(("text", MARGIN_L + indent - 14, self.y + size,
                                       marker, size, False))
            self.text_line(MARGIN_L + indent, l, size, lh)
        self.space(6 if not marker else 2)

    def table(self, rows):
        size, lh = TABLE
        ncol = max(len(r) for r in rows)
        rows = [r + [""] * (ncol - len(r)) for r in rows]
        natural = [max(self.width(r[c], size, bold=(i == 0)) for i, r in enumerate(rows)) + 8
                   for c in range(ncol)]
        total = sum(natural)
        if total <= TEXT_W:
            widths = natural
        else:
            floor = [min(n, 60.0) for n in natural]
            rest = TEXT_W - sum(floor)
            extra = [n - f for n, f in zip(natural, floor)]
            es = sum(extra) or 1.0
            widths = [f + rest * e / es for f, e in zip(floor, extra)]
        self.space(2)
        for i, r in enumerate(rows):
            cells = [self.wrap(r[c], size, widths[c] - 8, bold=(i == 0)) or [""] for c in range(ncol)]
            h = max(len(c) for c in cells) * lh + 4
            self.need(h)
            top = self.y
            self.rule(MARGIN_L, top, MARGIN_L + sum(widths), top)
            x = MARGIN_L
            for c in range(ncol):
                for j, l in enumerate(cells[c]):
                    self.pages[-1].append(("text", x + 4, top + 2 + j * lh + size, l, size, i == 0))
                x += widths[c]
            self.y = top + h
        self.rule(MARGIN_L, self.y, MARGIN_L + sum(widths), self.y)
        self.space(10)


def parse(md):
    """Yield blocks: ('h', level, text), ('p', text), ('li', marker, text), ('table', rows)."""
    lines = md.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip():
            i += 1
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            yield ("h", len(m.group(1)), m.group(2).strip())
            i += 1
            continue
        if line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            yield ("table", rows)
            continue
        m = re.match(r"^(\d+\.|-)\s+(.*)$", line)
        if m:
            marker = "•" if m.group(1) == "-" else m.group(1)
            yield ("li", marker, m.group(2))
            i += 1
            continue
        yield ("p", line.strip())
        i += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("output")
    ap.add_argument("--title", required=True)
    ap.add_argument("--author", required=True)
    ap.add_argument("--date", required=True, help="YYYY-MM-DD")
    ap.add_argument("--header", default="")
    a = ap.parse_args()

    md = open(a.source, encoding="utf-8").read()

    # Lay out on a scratch surface first (measuring needs a context).
    scratch = cairo.ImageSurface(cairo.FORMAT_ARGB32, 10, 10)
    lay = Layout(cairo.Context(scratch))
    for b in parse(md):
        if b[0] == "h":
            lay.heading(b[1], b[2])
        elif b[0] == "p":
            lay.paragraph(b[1])
        elif b[0] == "li":
            lay.paragraph(b[2], indent=18.0, marker=b[1])
        elif b[0] == "table":
            lay.table(b[1])

    surface = cairo.PDFSurface(a.output, PAGE_W, PAGE_H)
    stamp = a.date + "T09:00:00"
    surface.set_metadata(cairo.PDFMetadata.TITLE, a.title)
    surface.set_metadata(cairo.PDFMetadata.AUTHOR, a.author)
    surface.set_metadata(cairo.PDFMetadata.CREATOR, "Telaah sample corpus (scripts/make-corpus-pdf.py)")
    surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, stamp)
    surface.set_metadata(cairo.PDFMetadata.MOD_DATE, stamp)
    ctx = cairo.Context(surface)
    total = len(lay.pages)
    for n, ops in enumerate(lay.pages, start=1):
        ctx.set_source_rgb(0, 0, 0)
        if a.header:
            ctx.select_font_face(FONT, cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_NORMAL)
            ctx.set_font_size(8.0)
            ctx.move_to(MARGIN_L, 42)
            ctx.show_text(a.header)
            ctx.set_line_width(0.4)
            ctx.move_to(MARGIN_L, 48)
            ctx.line_to(PAGE_W - MARGIN_R, 48)
            ctx.stroke()
        for op in ops:
            if op[0] == "text":
                _, x, y, text, size, bold = op
                ctx.select_font_face(FONT, cairo.FONT_SLANT_NORMAL,
                                     cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL)
                ctx.set_font_size(size)
                ctx.move_to(x, y)
                ctx.show_text(text)
            else:
                _, x0, y0, x1, y1 = op
                ctx.set_line_width(0.5)
                ctx.move_to(x0, y0)
                ctx.line_to(x1, y1)
                ctx.stroke()
        footer = "Halaman %d dari %d" % (n, total)
        ctx.select_font_face(FONT, cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_NORMAL)
        ctx.set_font_size(8.0)
        fw = ctx.text_extents(footer).x_advance
        ctx.move_to((PAGE_W - fw) / 2, PAGE_H - 40)
        ctx.show_text(footer)
        ctx.show_page()
    surface.finish()
    print("%s: %d pages" % (a.output, total), file=sys.stderr)


if __name__ == "__main__":
    main()
