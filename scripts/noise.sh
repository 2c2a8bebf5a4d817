#!/usr/bin/env bash
# scripts/noise.sh [CORPUS_DIR]
#
# Measures how often decalque flags real, human-written French: the French manual pages of
# Debian (manpages-fr) rendered to plain text, and the French message catalogs that Debian
# packages install (.mo turned back into text with msgunfmt, msgstr side only). Prints
# findings per 10,000 words, overall and per rule, at each severity. The corpus is built on
# demand under CORPUS_DIR (default: ./corpus, git-ignored) and never committed.
#
# Needs root for apt-get on a fresh Debian machine; everything else comes from this repository.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-corpus}
mkdir -p "$CORPUS"
export LC_ALL=C.UTF-8

need=()
for p in manpages-fr groff-base gettext python3; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if ((${#need[@]})); then
  echo "noise: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# 1. Manual pages → one document per page, one paragraph per line. Hyphenation off and a huge
#    line length so that groff writes each filled paragraph on one line; roff's unbreakable
#    spaces before ; : ! ? » and after « become U+00A0 as the translators meant.
if [[ ! -d $CORPUS/man ]]; then
  echo "noise: rendering manpages-fr" >&2
  mkdir -p "$CORPUS/man.tmp"
  find /usr/share/man/fr -name '*.gz' -type f | sort | while read -r page; do
    name=$(basename "$page" .gz)
    zcat "$page" 2>/dev/null \
      | sed -E 's/\\[ ~]([;:!?»%])/\xc2\xa0\1/g; s/«\\[ ~]/«\xc2\xa0/g' \
      | groff -k -Tutf8 -man -rHY=0 -rLL=20000n -P-cbou 2>/dev/null \
      | python3 scripts/noise_prose.py man > "$CORPUS/man.tmp/$name.txt" || true
    [[ -s $CORPUS/man.tmp/$name.txt ]] || rm -f "$CORPUS/man.tmp/$name.txt"
  done
  mv "$CORPUS/man.tmp" "$CORPUS/man"
fi

# 2. Message catalogs → one document per catalog: the French msgstr of each translated unit.
if [[ ! -d $CORPUS/po ]]; then
  echo "noise: extracting French catalogs" >&2
  mkdir -p "$CORPUS/po.tmp"
  find /usr/share/locale/fr/LC_MESSAGES -name '*.mo' -type f | sort | while read -r mo; do
    name=$(basename "$mo" .mo)
    { msgunfmt --no-wrap "$mo" 2>/dev/null | msgconv -t UTF-8 2>/dev/null || true; } \
      | python3 scripts/noise_prose.py po > "$CORPUS/po.tmp/$name.txt"
    [[ -s $CORPUS/po.tmp/$name.txt ]] || rm -f "$CORPUS/po.tmp/$name.txt"
  done
  mv "$CORPUS/po.tmp" "$CORPUS/po"
fi

cargo build --release -q
for part in man po; do
  ./target/release/decalque check "$CORPUS/$part" --format jsonl --fail-on never > "$CORPUS/$part.jsonl"
done
python3 scripts/noise_report.py "$CORPUS/man" "$CORPUS/man.jsonl" "$CORPUS/po" "$CORPUS/po.jsonl"
