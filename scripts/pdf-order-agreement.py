#!/usr/bin/env python3
"""Word-order agreement of extracted text with the known source text.

    pdf-order-agreement.py SOURCE.txt EXTRACTED.txt [EXTRACTED2.txt ...]

For each extraction prints:
  bigrams  share of the source's word bigrams (consecutive word pairs, as a
           multiset) that the extraction also has: reading order, and words
           broken at line ends (a word left as "compila-" + "tion" breaks two
           bigrams), both count;
  words    share of the source's words (multiset) found in the extraction.
Words are lower-cased runs of letters and digits with inner hyphens and
apostrophes kept ("sister-city" and "sistercity" are different words).

Used to compare Telaah's PDF reading order with an independent extraction
(pdftotext -layout, pdftotext in reading order) on the fixtures that
tests/fixtures/ingest/make_layout_pdf.py writes.
"""
import re
import sys
from collections import Counter

WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def words(text):
    return [w.lower() for w in WORD.findall(text)]


def agreement(source, extracted):
    s, e = words(source), words(extracted)
    sb, eb = Counter(zip(s, s[1:])), Counter(zip(e, e[1:]))
    bigrams = sum((sb & eb).values()) / max(1, sum(sb.values()))
    unigrams = sum((Counter(s) & Counter(e)).values()) / max(1, len(s))
    return bigrams, unigrams


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 1
    source = open(argv[1], encoding="utf-8").read()
    for path in argv[2:]:
        b, u = agreement(source, open(path, encoding="utf-8").read())
        print(f"{path}\tbigrams {b * 100:.1f}%\twords {u * 100:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
