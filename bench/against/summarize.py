"""Summarises the trials of bench/comparison-error-rates.sh: per mode, load and arm, how many trials ended in each
verdict and how long a verdict took (median and 90th percentile, whole gate runs: static analysis, fresh processes,
sessions, warm-up and measurement).

usage: summarize.py CALIBRATION.csv TRIALS.csv...
"""

import csv
import statistics
import sys


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        sys.exit(2)
    truth = {}
    with open(sys.argv[1], newline="") as f:
        for row in csv.DictReader(f):
            truth[row["arm"]] = row
    groups = {}
    for path in sys.argv[2:]:
        with open(path, newline="") as f:
            for row in csv.DictReader(line for line in f if not line.startswith("#")):
                groups.setdefault((row["mode"], row["load"], row["arm"]), []).append(row)
    print("| mode | load | head (true head/base, 95%) | trials | regressed | improved | pass | inconclusive | errors | median s | p90 s | other CPU use |")
    print("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for (mode, load, arm), rows in sorted(groups.items()):
        count = {s: sum(1 for r in rows if r["status"] == s) for s in ("regressed", "improved", "pass", "inconclusive")}
        errors = sum(1 for r in rows if r["status"].startswith("error"))
        seconds = sorted(float(r["seconds"]) for r in rows)
        p90 = seconds[min(len(seconds) - 1, int(0.9 * len(seconds)))]
        others = [float(r["other_cpu"]) for r in rows if r["other_cpu"]]
        t = truth.get(arm)
        true = f"{arm} ({float(t['ratio']) - 1:+.1%}, {float(t['lower95']) - 1:+.1%} to {float(t['upper95']) - 1:+.1%})" if t else arm
        other = f"{statistics.median(others):.0%}" if others else "n/a"
        print(f"| {mode} | {load} | {true} | {len(rows)} | {count['regressed']} | {count['improved']} | {count['pass']} | {count['inconclusive']} | {errors} | {statistics.median(seconds):.1f} | {p90:.1f} | {other} |")


if __name__ == "__main__":
    main()
