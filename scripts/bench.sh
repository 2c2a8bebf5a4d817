#!/usr/bin/env bash
# scripts/bench.sh [CORPUS_DIR]
#
# End-to-end benchmark of the release binary on real French, beside the peers when installed.
#
# Corpus (built on demand under CORPUS_DIR, default ./corpus, git-ignored):
#   - CORPUS_DIR/man: Debian's manpages-fr rendered to plain text, one file per page (built by
#     scripts/noise.sh, which this script calls when the folder is missing);
#   - CORPUS_DIR/bench/seed.txt: fixtures/seed/rnc-bruxelles.txt repeated to ~5 MB;
#   - CORPUS_DIR/bench/2k.txt: the first ~2 KB of the seed, for start-up time.
# Prints, for the full default rule set: MB/s and words/s with --jobs 1 and on all cores, peak
# RSS (GNU time), start-up on 2 KB (mean of 20 runs); then Grammalecte's words/s (on a sample:
# it is ~1000× slower) and `rg -F -i -o -f PHRASES` (PHRASES: every ⟦…⟧ span of the rules' bad
# examples, from `decalque rules --format json`), with the ratios.
#
# Environment: BENCH_RUNS (default 3, best run kept), BENCH_GRAMMALECTE_KB (sample size, 200),
# BENCH_BIG_MB (when set, also measures peak RSS on an input of that many MB).
# Needs root for apt-get on a fresh Debian machine (time, and optionally grammalecte-cli,
# ripgrep: `apt-get install grammalecte-cli ripgrep`).
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-corpus}
RUNS=${BENCH_RUNS:-3}
GKB=${BENCH_GRAMMALECTE_KB:-200}
export LC_ALL=C.UTF-8

if [[ ! -x /usr/bin/time ]]; then
  echo "bench: installing time" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends time >/dev/null
fi
[[ -d $CORPUS/man ]] || scripts/noise.sh "$CORPUS" >/dev/null

mkdir -p "$CORPUS/bench"
B=$CORPUS/bench
if [[ ! -s $B/seed.txt ]]; then
  : >"$B/seed.txt"
  while (($(stat -c %s "$B/seed.txt") < 5 * 1024 * 1024)); do
    for _ in $(seq 100); do cat fixtures/seed/rnc-bruxelles.txt; echo; done >>"$B/seed.txt"
  done
fi
# Whole lines up to 2 KB.
awk '{ n += length($0) + 1; if (n > 2048) exit; print }' fixtures/seed/rnc-bruxelles.txt >"$B/2k.txt"
# The whole corpus as one file too, for the peers that take one file.
[[ -s $B/all.txt ]] || cat "$CORPUS"/man/*.txt "$B/seed.txt" >"$B/all.txt"

cargo build --release -q
BIN=./target/release/decalque
INPUTS=("$CORPUS/man" "$B/seed.txt")
BYTES=$(cat "$CORPUS"/man/*.txt "$B/seed.txt" | wc -c)
WORDS=$(cat "$CORPUS"/man/*.txt "$B/seed.txt" | wc -w)
FILES=$(($(ls "$CORPUS"/man/*.txt | wc -l) + 1))

# best_of CMD…: runs CMD $RUNS times, prints "seconds peak_kb" of the fastest run.
best_of() {
  local best="" rss=0 out t m
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -o "$B/time.txt" -f '%e %M' "$@" >/dev/null 2>&1 || true
    out=$(tail -1 "$B/time.txt")
    t=${out% *}
    m=${out#* }
    if [[ -z $best ]] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
    ((m > rss)) && rss=$m
  done
  echo "$best $rss"
}
rate() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%.1f", (t > 0 ? n / t : 0) }'; }
mbps() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%.2f", (t > 0 ? n / 1048576 / t : 0) }'; }

echo "# decalque benchmark — $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
printf 'corpus: %d files, %.1f MB, %d words (manpages-fr + seed ×~2000)\n' "$FILES" "$(awk -v b="$BYTES" 'BEGIN{print b/1048576}')" "$WORDS"
echo

read -r T1 R1 < <(best_of "$BIN" check "${INPUTS[@]}" --jobs 1 --fail-on never --format jsonl)
read -r TN RN < <(best_of "$BIN" check "${INPUTS[@]}" --fail-on never --format jsonl)
read -r T2 R2 < <(best_of "$BIN" check "${INPUTS[@]}" --jobs 2 --fail-on never --format jsonl)
printf '%-34s %8s s %8s MB/s %12s words/s %8s MB RSS\n' \
  "decalque --jobs 1" "$T1" "$(mbps "$BYTES" "$T1")" "$(rate "$WORDS" "$T1")" "$((R1 / 1024))" \
  "decalque --jobs 2" "$T2" "$(mbps "$BYTES" "$T2")" "$(rate "$WORDS" "$T2")" "$((R2 / 1024))" \
  "decalque (all $(nproc) cores)" "$TN" "$(mbps "$BYTES" "$TN")" "$(rate "$WORDS" "$TN")" "$((RN / 1024))"
echo "speed-up 1→2 threads: $(awk -v a="$T1" -v b="$T2" 'BEGIN{printf "%.2f", (b > 0 ? a / b : 0)}')×"

# Start-up: whole process on ~2 KB, mean of 20 runs (after one warm-up).
"$BIN" check "$B/2k.txt" --fail-on never >/dev/null
START=$(python3 - "$BIN" "$B/2k.txt" <<'EOF'
import subprocess, sys, time
runs = []
for _ in range(20):
    t = time.perf_counter()
    subprocess.run([sys.argv[1], "check", sys.argv[2], "--fail-on", "never"], stdout=subprocess.DEVNULL, check=True)
    runs.append(time.perf_counter() - t)
print(f"{sum(runs) / len(runs) * 1000:.1f} {min(runs) * 1000:.1f}")
EOF
)
echo "start-up on $(wc -c <"$B/2k.txt") B: mean ${START% *} ms, best ${START#* } ms (20 runs)"

if [[ -n ${BENCH_BIG_MB:-} ]]; then
  big=$B/big.txt
  : >"$big"
  while (($(stat -c %s "$big") < BENCH_BIG_MB * 1024 * 1024)); do cat "$B/all.txt" >>"$big"; done
  read -r TB RB < <(RUNS=1 best_of "$BIN" check "$big" --fail-on never --format jsonl)
  echo "big input ($(($(stat -c %s "$big") / 1048576)) MB, one file): ${TB} s, peak RSS $((RB / 1024)) MB"
  rm -f "$big"
fi
echo

# Peers.
if command -v rg >/dev/null; then
  "$BIN" rules --format json | python3 -c '
import json, re, sys
seen = set()
for rule in json.load(sys.stdin):
    for ex in rule.get("examples", []):
        for span in re.findall(r"⟦(.*?)⟧", ex.get("bad") or ""):
            span = span.strip()
            if len(span) >= 3 and span.lower() not in seen:
                seen.add(span.lower()); print(span)
' >"$B/phrases.txt"
  NP=$(wc -l <"$B/phrases.txt")
  read -r RT1 _ < <(best_of rg -j1 -F -i -o -f "$B/phrases.txt" "${INPUTS[@]}")
  read -r RTN _ < <(best_of rg -F -i -o -f "$B/phrases.txt" "${INPUTS[@]}")
  printf '%-34s %8s s %8s MB/s %12s words/s\n' \
    "rg -F -i -o ($NP phrases) -j1" "$RT1" "$(mbps "$BYTES" "$RT1")" "$(rate "$WORDS" "$RT1")" \
    "rg -F -i -o ($NP phrases)" "$RTN" "$(mbps "$BYTES" "$RTN")" "$(rate "$WORDS" "$RTN")"
  echo "decalque / rg time ratio: $(awk -v a="$T1" -v b="$RT1" 'BEGIN{printf "%.1f", a / b}')× (1 thread), $(awk -v a="$TN" -v b="$RTN" 'BEGIN{printf "%.1f", a / b}')× (all cores)"
else
  echo "rg: not installed (apt-get install ripgrep)"
fi

if command -v grammalecte-cli >/dev/null; then
  head -c $((GKB * 1024)) "$B/all.txt" | awk 'NR > 1 { print prev } { prev = $0 }' >"$B/gsample.txt"
  GW=$(wc -w <"$B/gsample.txt")
  echo "" >"$B/empty.txt"
  read -r G0 _ < <(RUNS=1 best_of grammalecte-cli -f "$B/empty.txt" -j)
  read -r GT _ < <(RUNS=1 best_of grammalecte-cli -f "$B/gsample.txt" -j)
  GRATE=$(awk -v w="$GW" -v t="$GT" -v s="$G0" 'BEGIN{ printf "%.1f", w / (t - s) }')
  echo "grammalecte-cli -j: ${GT} s on a ${GKB} KB sample ($GW words; start-up ${G0} s subtracted): $GRATE words/s (1 thread)"
  echo "decalque / Grammalecte words/s, 1 thread: $(awk -v a="$(rate "$WORDS" "$T1")" -v b="$GRATE" 'BEGIN{printf "%.0f", a / b}')×"
else
  echo "grammalecte-cli: not installed (apt-get install grammalecte-cli)"
fi
