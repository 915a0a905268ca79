#!/usr/bin/env python3
"""Long quotations: a paragraph of a speech or a chapter quoted whole, or
with words left out ("...").

usage: long_quotes.py make CORPUS OUT.csv [N] [SEED]
       long_quotes.py score CORPUS QUERIES.csv RESULTS.jsonl

`make` writes N (default 200) quotations of 60 to 300 words, each cut
from a paragraph of the corpus longer than it (State of the Union
addresses and Moby-Dick have many), as the words stand in the file, with
the file and byte where the quotation starts (at a letter or digit);
paragraphs holding a double quote are left out (a quotation inside the
quotation is another query).  Then N/2 quotations with an ellipsis: two
parts of 12 to 30 words with 20 to 200 words left out between them
(their `words` say so: "12+20+12").
`score` prints, per length, the share answered at rank 1 with an exact
match in the right file whose highlights are the quotation's parts: the
first starts at the quotation's first byte, each holds its part's words.
"""
import csv, json, os, random, re, sys
from collections import defaultdict

LENGTHS = (60, 100, 150, 300)
# Elided: words of the first part, words left out, words of the second.
ELIDED = ((12, 20, 12), (15, 60, 15), (30, 100, 30), (20, 200, 20))


def make(corpus, out, n=200, seed=1):
    rnd = random.Random(seed)
    files = []
    for sub in ("sotu", "moby-dick"):
        for dp, _, fs in os.walk(os.path.join(corpus, sub)):
            files += [os.path.join(dp, f) for f in fs if f.endswith(".txt")]
    files.sort()
    rows = []
    while len(rows) < n + n // 2:
        whole = len(rows) < n
        shape = (LENGTHS[len(rows) % len(LENGTHS)] if whole
                 else ELIDED[len(rows) % len(ELIDED)])
        length = shape if whole else sum(shape)
        path = rnd.choice(files)
        data = open(path, "rb").read()
        paras = [m for m in re.finditer(rb"[^\n]+(?:\n[^\n]+)*", data)
                 if len(m.group().split()) > length + 10 and
                 not re.search('["\u201c\u201d\u00ab\u00bb]',
                               m.group().decode("utf-8", "replace"))]
        if not paras:
            continue
        p = rnd.choice(paras)
        words = list(re.finditer(rb"\S+", p.group()))
        first = rnd.randrange(0, len(words) - length)
        span = words[first:first + length]
        if not span[0].group()[:1].isalnum():
            continue
        join = lambda ws: b" ".join(w.group() for w in ws).decode("utf-8")
        if whole:
            text, label = join(span), length
        else:
            a, gap, b = shape
            text = join(span[:a]) + " ... " + join(span[a + gap:])
            label = "%d+%d+%d" % shape
        rows.append({"id": "l%04d" % len(rows), "query": '"%s"' % text,
                     "gold_path": os.path.relpath(path, corpus),
                     "gold_byte": p.start() + span[0].start(), "words": label})
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


def score(corpus, queries, results):
    res = defaultdict(list)
    for line in open(results, encoding="utf-8"):
        r = json.loads(line)
        if "rank" in r:
            res[str(r["query_id"])].append(r)
    total, found = defaultdict(int), defaultdict(int)
    for q in csv.DictReader(open(queries, encoding="utf-8")):
        n = q["words"]
        total[n] += 1
        rs = sorted(res.get(q["id"], []), key=lambda r: r["rank"])
        if not rs:
            continue
        r = rs[0]
        if r["match"] != "exact" or not r["path"].endswith(q["gold_path"]):
            continue
        data = open(os.path.join(corpus, q["gold_path"]), "rb").read()
        # Its words, not the punctuation around them: a highlight ends
        # with its part's last word.
        words = lambda t: re.findall(r"\w+", t)
        parts = [words(p) for p in q["query"][1:-1].split(" ... ")]
        got = [words(data[s:e].decode("utf-8", "replace")) for s, e in r["highlights"]]
        if r["highlights"][0][0] == int(q["gold_byte"]) and got == parts:
            found[n] += 1
    print("| words | quotations | exact at rank 1, highlighted whole |")
    print("|---|---|---|")
    order = lambda n: (not n.isdigit(), int(n.split("+")[0]) if n[0].isdigit() else 0, n)
    for n in sorted(total, key=order):
        print("| %s | %d | %.3f |" % (n, total[n], found[n] / total[n]))
    print("| all | %d | %.3f |" % (sum(total.values()),
                                    sum(found.values()) / max(1, sum(total.values()))))


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3], *(int(a) for a in sys.argv[4:6]))
    elif len(sys.argv) == 5 and sys.argv[1] == "score":
        score(*sys.argv[2:5])
    else:
        sys.exit(__doc__)
