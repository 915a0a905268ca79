#!/usr/bin/env python3
"""Who said it: of a quote set with the speaker the text names
(bench/said-quotes.csv, said-mail.csv: id,category,query,gold,speaker;
gold a shipped article's number or a path under the corpus, a colon and
a line; speaker "-" when the words are the text's own), the share whose
rank-1 passage is the gold one and whose said_by names that speaker
("-": names no one), and the share whose said_by names someone else (a
wrong attribution is worse than none).  Names compare case-folded, NFKC,
apostrophes alike, one within the other ("Rama" for "Edi Rama").

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
    found = right = other = 0
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
        other += not ok and got is not None
        if not ok:
            print(f"{q['id']}: said_by {got!r}, the article's speaker {want!r}", file=sys.stderr)
    n = len(rows)
    print(f"n={n} at rank 1 {found / n:.3f} speaker right {right / n:.3f} "
          f"someone else {other / n:.3f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
