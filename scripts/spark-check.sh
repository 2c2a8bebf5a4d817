#!/usr/bin/env bash
# Runs examples/spark_pipe.py with Spark local[2] on a JSON Lines corpus and checks that
# the records equal a single-process run of decalque. Installs PySpark (~450 MB) in a
# virtual environment under target/ the first time; needs Java 17 (`java -version`).
# Not part of .ci/run: too heavy for every commit.
#
#   bash scripts/spark-check.sh [RECORDS]     # default 20000 records
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-20000}
work=target/spark-check
venv=target/spark-venv
mkdir -p "$work"

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet 'pyspark>=3.5,<5'
fi
cargo build --release --quiet
binary=$(pwd)/target/release/decalque

# A corpus from the seed and the fixtures: paragraphs as records, some with newlines.
python3 - "$records" > "$work/corpus.jsonl" <<'PY'
import json, pathlib, sys
n = int(sys.argv[1])
paras = []
for path in sorted(pathlib.Path("fixtures").rglob("*.txt")):
    paras += [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
for i in range(n):
    text = paras[i % len(paras)]
    if i % 7 == 0:
        text = text + "\n\n" + paras[(i * 3) % len(paras)]
    print(json.dumps({"id": f"r{i}", "text": text}, ensure_ascii=False))
PY

start=$(date +%s.%N)
"$binary" check --format records --id-field id "$work/corpus.jsonl" > "$work/single.jsonl"
single=$(echo "$(date +%s.%N) - $start" | bc)

rm -rf "$work/out"
start=$(date +%s.%N)
"$venv/bin/python" examples/spark_pipe.py "$binary" "$work/corpus.jsonl" "$work/out" --master 'local[2]' 2> "$work/spark.log"
spark=$(echo "$(date +%s.%N) - $start" | bc)

# Partitions keep their order: concatenated part files are the records in input order,
# except that each partition counts lines from 1, so compare without the line numbers.
strip='import json,sys
for l in sys.stdin:
    v=json.loads(l); v.pop("line",None); print(json.dumps(v,sort_keys=True,ensure_ascii=False))'
cat "$work"/out/part-* | python3 -c "$strip" > "$work/spark.cmp"
python3 -c "$strip" < "$work/single.jsonl" > "$work/single.cmp"
if cmp -s "$work/spark.cmp" "$work/single.cmp"; then
    echo "spark-check: OK: $(wc -l < "$work/single.cmp") records identical"
else
    echo "spark-check: FAILED: outputs differ (see $work/spark.cmp and $work/single.cmp)" >&2
    exit 1
fi
printf 'records: %s, single process: %.1f s, Spark local[2] (with start-up): %.1f s\n' "$records" "$single" "$spark"
