"""Print findings per 10,000 words, overall and per rule, from decalque's JSON Lines output.

Arguments: pairs of CORPUS_DIR JSONL_REPORT. Words are counted as whitespace-separated tokens
in the corpus's .txt files.
"""
import collections
import json
import pathlib
import sys

pairs = list(zip(sys.argv[1::2], sys.argv[2::2]))
words = 0
per_rule = collections.Counter()
per_severity = collections.Counter()
severity_of = {}
for text, report in pairs:
    for path in sorted(pathlib.Path(text).glob("*.txt")):
        with open(path, encoding="utf-8") as f:
            words += sum(len(line.split()) for line in f)
    with open(report, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            per_rule[d["rule"]] += 1
            per_severity[d["severity"]] += 1
            severity_of[d["rule"]] = d["severity"]

per10k = lambda n: n * 10000 / max(words, 1)
files = sum(len(list(pathlib.Path(t).glob("*.txt"))) for t, _ in pairs)
print(f"corpus: {', '.join(t for t, _ in pairs)}: {files} documents, {words} words")
for severity in ("error", "warning", "info"):
    print(f"{severity:8} {per_severity[severity]:6}  {per10k(per_severity[severity]):6.2f} per 10,000 words")
at_warning = per_severity["error"] + per_severity["warning"]
print(f"warning+ {at_warning:6}  {per10k(at_warning):6.2f} per 10,000 words (target: at most 3)")
print()
print(f"{'rule':45} {'severity':8} {'count':>6} {'per 10k':>8}")
for rule, n in per_rule.most_common():
    flag = "  <- above 0.5" if per10k(n) > 0.5 and severity_of[rule] != "info" else ""
    print(f"{rule:45} {severity_of[rule]:8} {n:6} {per10k(n):8.2f}{flag}")
