#!/usr/bin/env python3
"""Who said it: of a quote set with the speaker the text names
(bench/said-quotes.csv, said-mail.csv: id,category,query,gold,speaker;
gold a shipped article's number or a path under the corpus, a colon and
a line; speaker "-" when the words are the text's own), the share whose
rank-1 passage is the gold one and whose said_by names that speaker
("-": names no one), and the share whose said_by names someone else (a
wrong attribution is worse than none), apart from a short form or a
description of the right one (Dr. Lerner, the company).  Names compare
case-folded, NFKC, apostrophes alike, one within the other ("Rama" for
"Edi Rama").

usage: said_score.py QUERIES.csv RESULTS.jsonl
"""
import csv, json, sys, unicodedata


def norm(s):
    return unicodedata.normalize("NFKC", s).replace("\u2019", "'").casefold()


def main(queries, results):
    top = {}
    for line in open(results, encoding="utf-8", errors="replace"):
        r = json.loads(line)
        if r.get("rank") == 1:
            top[r["query_id"]] = r
    rows = list(csv.DictReader(open(queries, encoding="utf-8")))
    found = right = other = less = 0
    for q in rows:
        r = top.get(q["id"])
        file, line = q["gold"].rsplit(":", 1)
        # A gold file is a path under the corpus (mail/easy-ham-1/...) or
        # a shipped article's number (001).
        in_file = r and (("/" + r["path"]).endswith("/" + file) if "/" in file else
                         r["path"].split("/")[-1].startswith(file + "_"))
        if not in_file or not r["line_start"] <= int(line) <= r["line_end"]:
            print(f"{q['id']}: not at rank 1", file=sys.stderr)
            continue
        found += 1
        got = (r.get("said_by") or {}).get("name")
        want = q["speaker"]
        ok = got is None if want == "-" else \
            got is not None and (norm(want) in norm(got) or norm(got) in norm(want))
        right += ok
        if not ok and got is not None:
            if want != "-" and less_than(got, want):
                less += 1
            else:
                other += 1
        if not ok:
            print(f"{q['id']}: said_by {got!r}, the article's speaker {want!r}", file=sys.stderr)
    n = len(rows)
    print(f"n={n} at rank 1 {found / n:.3f} speaker right {right / n:.3f} "
          f"someone else {other / n:.3f} (a short form or a description of the "
          f"speaker {less / n:.3f})")


def less_than(got, want):
    """Whether `got` names `want` by less than his name: the same surname
    after a title (Dr. Lerner for Harriet Lerner), or "the" and a noun
    (the company for Starbucks). Neither is another person."""
    g, w = norm(got).split(), norm(want).split()
    return (len(g) == 2 and g[-1] == w[-1]) or (g[0] == "the" and len(g) <= 3)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
