#!/usr/bin/env python3
"""Scores the runs of bench/quality into one table.

usage: quality_score.py OUT_DIR DEV_SEEDS.csv QUERIES_DIR CORPUS "name:prefix ..."
Reads OUT_DIR/PREFIX-{dev-corpus,dev-medium,quotes,misquotes}.jsonl.
"""
import csv, difflib, json, os, re, sys
from collections import defaultdict

out, dev_csv, qdir, corpus, systems = sys.argv[1:6]
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")  # as make-queries.py

def load(path):
    res = defaultdict(list)
    if os.path.exists(path):
        for line in open(path, encoding='utf-8'):
            if line.startswith('{'):
                r = json.loads(line)
                if 'rank' in r:
                    res[str(r['query_id'])].append(r)
    for v in res.values():
        v.sort(key=lambda r: r['rank'])
    return res

def dev_rows(path):
    qs = list(csv.DictReader(open(dev_csv, encoding='utf-8')))
    res = load(path)
    ranks = []
    for q in qs:
        gold = [g.split(':') for g in q['gold'].split(';')]
        hit = lambda r: any(os.path.basename(r['path']).startswith(f + '_') and
                            r['line_start'] <= int(l) <= r['line_end'] for f, l in gold)
        ranks.append(next((i for i, r in enumerate(res.get(q['id'], []), 1) if hit(r)), None))
    return ranks, None, None, None

def gold_words(q, n):
    data = open(os.path.join(corpus, q['gold_path']), 'rb').read()[int(q['gold_byte']):]
    text = data[:4000].decode('utf-8', 'replace')
    return [m.group() for m in WORD.finditer(text)][:n]

def changed_words(q):
    """The words a misquote changed: for a drop, the word missing; for a
    replacement, a changed number or a swap, the words at the positions
    where quote and source differ (both words of a swap: either describes
    it)."""
    qw = [m.group() for m in WORD.finditer(q['query'])]
    gw = gold_words(q, len(qw) + 1)
    if q.get('change') == 'drop':
        sm = difflib.SequenceMatcher(a=[w.lower() for w in qw], b=[w.lower() for w in gw[:len(qw) + 1]])
        words = set()
        for op, a0, a1, b0, b1 in sm.get_opcodes():
            if op != 'equal':
                words.update(w.lower() for w in qw[a0:a1] + gw[b0:b1])
        return words
    return {w.lower() for a, b in zip(qw, gw) if a.lower() != b.lower() for w in (a, b)}

def span_rows(path, qfile, misquote):
    qs = list(csv.DictReader(open(qfile, encoding='utf-8')))
    res = load(path)
    ranks, precise, exact, named = [], 0, 0, 0
    for q in qs:
        g, gb = q['gold_path'], int(q['gold_byte'])
        rs = res.get(q['id'], [])
        hit = lambda r: r['path'].endswith(g) and r['byte_start'] <= gb < r['byte_end']
        rank = next((i for i, r in enumerate(rs[:10], 1) if hit(r)), None)
        ranks.append(rank)
        if rank == 1:
            top = rs[0]
            precise += top['byte_end'] - top['byte_start'] <= 1500
            exact += any(s == gb for s, e in top.get('highlights', []))
            if misquote:
                cw = changed_words(q)
                said = ' '.join((d.get('query', '') + ' ' + d.get('source', '')).lower()
                                for d in top.get('diff', []) if d.get('op') != '=')
                named += any(w in said.split() for w in cw)
    n = len(qs)
    return ranks, precise / n, exact / n, (named / n if misquote else None)

def fmt(v):
    return '   -  ' if v is None else '%6.3f' % v

sets = [('dev_seeds, corpus/', lambda p: dev_rows(p + '-dev-corpus.jsonl')),
        ('dev_seeds, medium', lambda p: dev_rows(p + '-dev-medium.jsonl')),
        ('quotes, medium', lambda p: span_rows(p + '-quotes.jsonl', os.path.join(qdir, 'quotes.csv'), False)),
        ('misquotes, medium', lambda p: span_rows(p + '-misquotes.jsonl', os.path.join(qdir, 'misquotes.csv'), True))]
print('| %-20s | %-10s | %6s | %6s | %6s | %9s | %13s | %6s |' %
      ('set', 'system', 'R@1', 'R@10', 'MRR', 'precise@1', 'exact-start@1', 'diff@1'))
print('|' + '|'.join('-' * (w + 2) for w in (20, 10, 6, 6, 6, 9, 13, 6)) + '|')
for name, run in sets:
    for spec in systems.split():
        label, prefix = spec.split(':')
        path = os.path.join(out, prefix)
        if not os.path.exists(path + {'dev_seeds, corpus/': '-dev-corpus.jsonl', 'dev_seeds, medium': '-dev-medium.jsonl',
                                      'quotes, medium': '-quotes.jsonl', 'misquotes, medium': '-misquotes.jsonl'}[name]):
            continue
        ranks, precise, exact, named = run(path)
        n = len(ranks)
        r1 = sum(1 for r in ranks if r == 1) / n
        r10 = sum(1 for r in ranks if r and r <= 10) / n
        mrr = sum(1.0 / r for r in ranks if r) / n
        print('| %-20s | %-10s | %s | %s | %s | %9s | %13s | %s |' %
              (name, label, fmt(r1), fmt(r10), fmt(mrr), fmt(precise).strip(), fmt(exact).strip(), fmt(named)))
