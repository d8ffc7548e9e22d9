"""Summarizes bench/analyze-vs-onnx.sh's samples: medians, ratios and the goals, as a text table.

usage: summarize_runs.py SAMPLES MODEL
SAMPLES holds one line per run, "LABEL RUN WALL_SECONDS PEAK_RSS_KIB", LABEL being misnomer or python.
"""

import os
import statistics
import sys

SPEEDUP_GOAL = 10.0  # misnomer at least this many times faster than Python onnx
MEMORY_GOAL = 1.5  # misnomer's peak RSS at most this multiple of the model file's size
MIB = 2**20
WALL_RESOLUTION = 0.01  # GNU time's %e has two decimals; a faster run reads 0.00

LABELS = {
    "misnomer": "a  misnomer analyze --format json",
    "python": "b  python onnx.load + infer_shapes",
}


def read_samples(path):
    samples = {label: [] for label in LABELS}
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            label, run, wall, kib = line.split()
            samples[label].append((int(run), float(wall), int(kib) * 1024 / MIB))
    return samples


def verdict(ok):
    return "PASS" if ok else "MISS"


def main():
    samples_path, model = sys.argv[1], sys.argv[2]
    samples = read_samples(samples_path)
    file_mib = os.path.getsize(model) / MIB

    medians = {}
    print(f"model: {os.path.basename(model)}, {file_mib:.1f} MiB; {len(samples['misnomer'])} runs each, alternated")
    print()
    print(f"{'command':<38} {'median wall s':>14} {'median peak RSS MiB':>20} {'peak RSS / file':>16}")
    for label, title in LABELS.items():
        wall = statistics.median(s[1] for s in samples[label])
        rss = statistics.median(s[2] for s in samples[label])
        medians[label] = (wall, rss)
        print(f"{title:<38} {wall:>14.3f} {rss:>20.1f} {rss / file_mib:>15.2f}x")
    print()

    # Below the clock's resolution the ratio is a lower bound.
    floor = "" if medians["misnomer"][0] >= WALL_RESOLUTION else ">="
    speedup = medians["python"][0] / max(medians["misnomer"][0], WALL_RESOLUTION)
    memory = medians["misnomer"][1] / file_mib
    print(f"{'goal':<52} {'measured':>10} {'':>6}")
    print(f"{f'speed: python / misnomer median wall >= {SPEEDUP_GOAL:g}x':<52} {floor + f'{speedup:.1f}':>9}x "
          f"{verdict(speedup >= SPEEDUP_GOAL):>6}")
    print(f"{f'memory: misnomer median peak RSS <= {MEMORY_GOAL:g}x file':<52} {memory:>9.2f}x "
          f"{verdict(memory <= MEMORY_GOAL):>6}")
    print()
    print("runs (wall s, peak RSS MiB):")
    for label in LABELS:
        runs = ", ".join(f"{wall:.2f} s {rss:.0f}" for _, wall, rss in sorted(samples[label]))
        print(f"  {label:<9} {runs}")


if __name__ == "__main__":
    main()
