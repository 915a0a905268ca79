#!/usr/bin/env python3
"""Short claims: a few words of one sentence, as a checker types a claim
from memory, and the same with one detail wrong.

usage: short_claims.py make CORPUS OUT.csv [N] [SEED]
       short_claims.py score QUERIES.csv [SYSTEM=]RESULTS.jsonl...

`make` writes N (default 300) claims of each kind from sentences of the
corpus's news and addresses (60 to 220 characters, ten words or more):
`plain`, four to six of the sentence's words in another order, stop
words mostly left out; `wrong`, three to five of its content words and
one year, number, or month changed to another (1965 for 1956, September
for August), which the sentence must still be found for: it is the
passage that settles the claim.  Each row has the file and the
sentence's bytes.
`score` prints, per kind and system, the share of claims whose rank-1
(and any of the first ten) passage holds the sentence, or part of it.
"""
import csv, json, os, random, re, sys
from collections import defaultdict

STOP = set("a an the of to in on and or for by with at from as is was were be "
           "been are that this it its".split())
MONTHS = ("January February March April May June July August September "
          "October November December").split()
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|\d[\d,.]*\d|\d")
YEAR = re.compile(r"1[6-9]\d\d|20\d\d")


def sentences(corpus):
    for sub in ('news', 'sotu'):
        d = os.path.join(corpus, sub)
        for name in sorted(os.listdir(d)) if os.path.isdir(d) else ():
            rel = os.path.join(sub, name)
            try:
                text = open(os.path.join(corpus, rel), 'rb').read().decode('utf-8')
            except UnicodeDecodeError:
                continue
            yield rel, text, [(m.start(), m.group()) for m in
                              re.finditer(r"[A-Z][^.!?\n]{60,220}[.!?]", text)]


def changed(rnd, w):
    if w in MONTHS:
        return rnd.choice([m for m in MONTHS if m != w])
    if YEAR.fullmatch(w):
        return str(int(w) + rnd.choice([-9, -7, -5, -3, -2, -1, 1, 2, 3, 5, 7, 9]))
    return str(int(w) + rnd.randint(1, 9))


def make(corpus, out, n=300, seed=1):
    rnd = random.Random(seed)
    docs = [d for d in sentences(corpus) if d[2]]
    rows = {'plain': [], 'wrong': []}
    for kind in ('plain', 'wrong'):
        tries = 0
        while len(rows[kind]) < n and tries < 100 * n:
            tries += 1
            rel, text, sents = rnd.choice(docs)
            start, s = rnd.choice(sents)
            words = WORD.findall(s)
            if len(words) < 10:
                continue
            if kind == 'plain':
                keep = [w for w in words if w.lower() not in STOP or rnd.random() < 0.3]
                keep = rnd.sample(keep, min(len(keep), rnd.randint(4, 6)))
            else:
                values = [i for i, w in enumerate(words)
                          if w in MONTHS or re.fullmatch(r"\d+", w)]
                if not values:
                    continue
                i = rnd.choice(values)
                content = [j for j, w in enumerate(words) if j != i and w.lower() not in STOP]
                pick = sorted(rnd.sample(content, min(len(content), rnd.randint(3, 5))) + [i])
                keep = [changed(rnd, words[j]) if j == i else words[j] for j in pick]
            if len(keep) < 4:
                continue
            b = len(text[:start].encode('utf-8'))
            rows[kind].append((' '.join(keep), kind, rel, b, b + len(s.encode('utf-8'))))
    with open(out, 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['id', 'query', 'kind', 'gold_path', 'gold_byte', 'gold_end'])
        for kind in ('plain', 'wrong'):
            for k, r in enumerate(rows[kind]):
                w.writerow(['%s%04d' % (kind[0], k)] + list(r))


def holds(r, o):
    return (o['path'].endswith(r['gold_path']) and
            o['byte_start'] < int(r['gold_end']) and o['byte_end'] > int(r['gold_byte']))


def score(queries, runs):
    q = {r['id']: r for r in csv.DictReader(open(queries, newline=''))}
    print('| claims | system | n | R@1 | R@10 |')
    print('|---|---|---|---|---|')
    rows = []
    for run in runs:
        system, _, results = run.rpartition('=')
        got = defaultdict(list)
        for line in open(results):
            o = json.loads(line)
            if 'error' not in o:
                got[o.get('query_id')].append(o)
        per = defaultdict(lambda: [0, 0, 0])
        for i, r in q.items():
            rs = sorted(got.get(i, []), key=lambda o: o['rank'])
            t = per[r['kind']]
            t[0] += 1
            t[1] += bool(rs) and holds(r, rs[0])
            t[2] += any(holds(r, o) for o in rs[:10])
        for kind in per:
            n, r1, r10 = per[kind]
            rows.append((kind, system or 'citesearch', n, r1 / n, r10 / n))
    for row in sorted(rows, key=lambda x: x[0]):
        print('| %s | %s | %d | %.3f | %.3f |' % row)


if __name__ == '__main__':
    if len(sys.argv) >= 4 and sys.argv[1] == 'make':
        make(sys.argv[2], sys.argv[3], *(int(a) for a in sys.argv[4:6]))
    elif len(sys.argv) >= 4 and sys.argv[1] == 'score':
        score(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)
