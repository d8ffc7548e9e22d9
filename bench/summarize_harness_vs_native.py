"""Summarizes bench/harness-vs-native.sh's rounds: per model, the median p50 of each side, their ratio
and difference, and the goals, as a text table followed by every round.

usage: summarize_harness_vs_native.py SAMPLES
SAMPLES holds one line per round and side, "MODEL LABEL ROUND P50_NS SAMPLES WARMUP_RUNS", LABEL being
harness or native.
"""

import statistics
import sys

RATIO_GOAL = 1.03  # harness p50 at most 3% above native's
DIFFERENCE_GOAL_US = 1.0  # on a model whose inference takes about a microsecond, the harness adds at most this


def main(path):
    rounds = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            model, label, round_, p50, samples, warmup = line.split()
            rounds.setdefault(model, {}).setdefault(label, []).append((int(round_), float(p50), int(samples), int(warmup)))

    print(f"{'model':<16} {'harness p50':>12} {'native p50':>12} {'ratio':>7} {'diff':>10}  goals (ratio <= {RATIO_GOAL}, |diff| <= {DIFFERENCE_GOAL_US:g} us)")
    for model, sides in rounds.items():
        if "harness" not in sides or "native" not in sides:
            continue
        harness = statistics.median(p for _, p, _, _ in sides["harness"])
        native = statistics.median(p for _, p, _, _ in sides["native"])
        ratio = harness / native
        difference_us = (harness - native) / 1e3
        verdicts = f"ratio {'PASS' if ratio <= RATIO_GOAL else 'MISS'}, diff {'PASS' if abs(difference_us) <= DIFFERENCE_GOAL_US else 'MISS'}"
        print(f"{model:<16} {format_ns(harness):>12} {format_ns(native):>12} {ratio:>7.4f} {difference_us:>+8.2f}us  {verdicts}")

    print()
    print("every round (p50, samples, warm-up runs):")
    for model, sides in rounds.items():
        for (round_, h, n, w), (_, nat, _, _) in zip(sides["harness"], sides["native"]):
            print(f"  {model:<16} round {round_}: harness {format_ns(h):>10}  native {format_ns(nat):>10}  ratio {h / nat:.4f}  ({n} samples, {w} warm-up)")


def format_ns(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.3f} ms"
    return f"{ns / 1e3:.2f} us"


if __name__ == "__main__":
    main(sys.argv[1])
