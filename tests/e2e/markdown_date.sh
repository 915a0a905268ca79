# A Markdown file's date, without a manifest, is its front matter's date
# (YAML's date:, TOML's date =), the day of a timestamp; a date a
# manifest gives still wins, and what is no date is none.
. "$(dirname "$0")/lib.sh"

mkdir docs
printf -- '---\ntitle: Egrets\ndate: 2023-05-06\n---\n\nEgrets nest.\n' > docs/yaml.md
printf -- '---\ndate: "2022-11-30T08:15:00+01:00"\n---\n\nEgrets fly.\n' > docs/stamp.md
printf -- '+++\ndate = 2021-03-04T10:00:00Z\ntitle = "Egrets"\n+++\n\nEgrets wade.\n' > docs/toml.md
printf -- '---\ndate: 2020-02\n---\n\nEgrets eat.\n' > docs/month.md
printf -- '---\ndate: May 6, 2023\n---\n\nEgrets rest.\n' > docs/words.md
printf -- '---\ndate: 2023-02-30\n---\n\nEgrets sleep.\n' > docs/bad.md
printf -- '---\ndate: 2019-01-01\n---\n\nEgrets call.\n' > docs/manifest.md
printf -- 'date: 2018-01-01\n\nEgrets in text.\n' > docs/plain.md
printf 'path,date\nmanifest.md,2015-07-08\n' > docs/manifest.csv
cs index docs 2> log.txt
[ "$status" -eq 0 ] || fail "index: status $status: $(cat log.txt)"
cs query --format jsonl -n 20 egrets > out.jsonl
python3 - out.jsonl <<'PY' || fail "dates: $(cat out.jsonl)"
import json, sys
dates = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    dates[r["path"]] = r["date"]
want = {"docs/yaml.md": "2023-05-06", "docs/stamp.md": "2022-11-30",
        "docs/toml.md": "2021-03-04", "docs/month.md": "2020-02",
        "docs/words.md": "", "docs/bad.md": "", "docs/manifest.md": "2015-07-08",
        "docs/plain.md": ""}
for path, date in want.items():
    if dates.get(path) != date:
        sys.exit("%s: date %r, expected %r" % (path, dates.get(path), date))
PY
cs query --format jsonl -n 20 date:2023 egrets > out.jsonl
[ "$(jq_py '" ".join(sorted(set(r["path"] for r in rs)))' < out.jsonl)" = "docs/yaml.md" ] ||
    fail "date:2023: $(cat out.jsonl)"
echo ok
