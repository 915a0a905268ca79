# A Markdown file's title: its front matter's title (YAML's title:, or
# TOML's title = between +++ lines, as Hugo writes it), else its first
# line after the front matter and any HTML comments, without a heading's
# # marks.
. "$(dirname "$0")/lib.sh"

mkdir docs
printf '# The Lemur Report\n\nLemurs live on Madagascar.\n' > docs/heading.md
printf -- '---\nlayout: post\ntitle: "Lemurs at night"\ndate: 2023-01-01\n---\n\nLemurs sleep by day.\n' > docs/front.md
printf -- '---\r\nlayout: post\r\n---\r\n\r\n## Lemur diets ##\r\n\r\nLemurs eat fruit.\r\n' > docs/crlf.md
printf '# A text file keeps its line\n\nLemurs in text.\n' > docs/plain.txt
printf -- '+++\ndraft = false\ntitle = "Lemurs by Hugo"\n+++\n\nLemurs in TOML.\n' > docs/toml.md
printf '<!-- markdownlint-disable MD041 -->\n<!--\n  draft\n-->\n# Lemur comments\n\nLemurs after a comment.\n' > docs/comment.md
# Inline marks a reader does not see: a block quote's >, emphasis, code,
# a link's address; a lone * and snake_case stay.
printf '> **Update:** [Lemur census](https://example.org/census.html) for `2023`\n\nLemurs counted.\n' > docs/marks.md
printf '## Lemurs: 5 * 3 and __init__ of lemur_count ![map](m.png)\n\nLemurs in code.\n' > docs/code.md
printf '**Update:** kept in a text file\n\nLemurs in plain text.\n' > docs/marks.txt
cs index docs 2> log.txt
[ "$status" -eq 0 ] || fail "index: status $status: $(cat log.txt)"
cs query --format jsonl -n 20 lemurs > out.jsonl
python3 - out.jsonl <<'PY' || fail "titles: $(cat out.jsonl)"
import json, sys
titles = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    titles[r["path"]] = r["title"]
want = {"docs/heading.md": "The Lemur Report",
        "docs/front.md": "Lemurs at night",
        "docs/crlf.md": "Lemur diets",
        "docs/plain.txt": "# A text file keeps its line",
        "docs/toml.md": "Lemurs by Hugo",
        "docs/comment.md": "Lemur comments",
        "docs/marks.md": "Update: Lemur census for 2023",
        "docs/code.md": "Lemurs: 5 * 3 and init of lemur_count map",
        "docs/marks.txt": "**Update:** kept in a text file"}
for path, title in want.items():
    if titles.get(path) != title:
        sys.exit("%s: title %r, expected %r" % (path, titles.get(path), title))
PY
echo ok
