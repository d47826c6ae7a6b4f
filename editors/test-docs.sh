#!/usr/bin/env bash
# Keeps docs/editors/ honest: neovim.md and emacs.md must embed editors/nvim/modelcard.lua and
# editors/emacs/init.el verbatim (the files their end-to-end tests load), and the TOML/JSON snippets must parse.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
docs=$repo/docs/editors

# embeds DOC FILE LANG: DOC shows FILE verbatim, in a ```LANG block between BEGIN/END markers naming FILE.
embeds() {
  local doc=$docs/$1 file=$2 lang=$3
  local begin="<!-- BEGIN $file -->" end="<!-- END $file -->"
  [[ $(grep -cxF "$begin" "$doc") == 1 && $(grep -cxF "$end" "$doc") == 1 ]] ||
    { echo "test-docs: $1 needs exactly one '$begin' ... '$end' pair" >&2; exit 1; }
  local embedded
  embedded=$(awk -v b="$begin" -v e="$end" '$0 == e { on = 0 } on { print } $0 == b { on = 1 }' "$doc" |
    sed -e "1{/^\`\`\`$lang\$/d;}" -e '${/^```$/d;}')
  diff -u --label "docs/editors/$1 (embedded)" --label "$file" <(printf '%s\n' "$embedded") "$repo/$file" >&2 ||
    { echo "test-docs: docs/editors/$1 drifted from $file; paste the file between the markers" >&2; exit 1; }
}
embeds neovim.md editors/nvim/modelcard.lua lua
embeds emacs.md editors/emacs/init.el elisp

# Fenced ```toml and ```json blocks: parse each one (python3 3.11+ has tomllib).
if python3 -c 'import tomllib' 2>/dev/null; then
  python3 - "$docs"/*.md <<'PY'
import json, re, sys, tomllib
bad = 0
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    for lang, body in re.findall(r"^```(toml|json)\n(.*?)^```$", text, re.S | re.M):
        try:
            tomllib.loads(body) if lang == "toml" else json.loads(body)
        except Exception as e:
            bad += 1
            print(f"test-docs: {path}: bad {lang} block: {e}\n{body}", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
else
  echo "test-docs: python3 3.11+ not found, TOML/JSON snippets not parsed" >&2
fi
echo "test-docs: neovim.md and emacs.md embed editors/nvim/modelcard.lua and editors/emacs/init.el verbatim; snippets parse"
