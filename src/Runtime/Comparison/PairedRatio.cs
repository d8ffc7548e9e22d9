namespace EfficiencyMisnomer.Runtime.Comparison;

/// <summary>
/// The ratio head / base of paired observations (one pair per interleaved round) with a distribution-free confidence
/// interval: the Hodges–Lehmann estimate of the per-pair log ratios (the median of their Walsh averages) and the
/// Wilcoxon signed-rank interval around it, exponentiated. Pairing cancels what a round's load does to both sides;
/// the signed-rank interval needs the log ratios to be symmetric about their centre, which the random order of base
/// and head within each round gives when nothing but the models differ. <c>docs/decisions.md</c> says why this and
/// not a bootstrap.
/// </summary>
public static class PairedRatio
{
    private const int Bisections = 200;

    /// <summary>The estimate of head / base and its interval at <paramref name="confidence"/>.</summary>
    /// <param name="baseline">Per-round values of the base (positive, finite).</param>
    /// <param name="head">Per-round values of the head, paired by index with <paramref name="baseline"/>.</param>
    /// <param name="confidence">The interval's confidence level, in (0, 1).</param>
    public static RatioEstimate Estimate(IReadOnlyList<double> baseline, IReadOnlyList<double> head, double confidence)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(head);
        if (baseline.Count != head.Count || baseline.Count == 0)
        {
            throw new ArgumentException($"paired values need the same, non-zero count on both sides (base {baseline.Count}, head {head.Count})", nameof(head));
        }

        var logs = new double[baseline.Count];
        for (var i = 0; i < logs.Length; i++)
        {
            if (!(baseline[i] > 0 && head[i] > 0 && double.IsFinite(baseline[i]) && double.IsFinite(head[i])))
            {
                throw new ArgumentException($"round {i} holds a value that is not a positive finite number (base {baseline[i]}, head {head[i]})", nameof(head));
            }

            logs[i] = Math.Log(head[i] / baseline[i]);
        }

        Array.Sort(logs);
        long n = logs.Length;
        var total = n * (n + 1) / 2;
        var centre = (WalshAverage(logs, (total - 1) / 2) + WalshAverage(logs, total / 2)) / 2;
        var c = SignedRank.LowerCritical(logs.Length, 1 - confidence);
        var (lower, upper) = c < 0
            ? (0.0, double.PositiveInfinity)
            : (Math.Exp(WalshAverage(logs, c)), Math.Exp(WalshAverage(logs, total - 1 - c)));
        return new RatioEstimate(Math.Exp(centre), lower, upper, confidence, logs.Length);
    }

    /// <summary>The <paramref name="k"/>-th smallest (from 0) of the Walsh averages (x_i + x_j) / 2, i ≤ j, of sorted <paramref name="x"/>.</summary>
    internal static double WalshAverage(double[] x, long k)
    {
        double lo = x[0], hi = x[^1];
        if (CountAtMost(x, 2 * lo) > k)
        {
            return lo;
        }

        // Invariant: fewer than k + 1 averages are <= lo, at least k + 1 are <= hi.
        for (var i = 0; i < Bisections; i++)
        {
            var mid = lo + ((hi - lo) / 2);
            if (mid <= lo || mid >= hi)
            {
                break;
            }

            if (CountAtMost(x, 2 * mid) > k)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return hi;
    }

    /// <summary>How many pairs i ≤ j of sorted <paramref name="x"/> have x_i + x_j ≤ <paramref name="sum"/>: two pointers, O(n).</summary>
    private static long CountAtMost(double[] x, double sum)
    {
        long count = 0;
        var j = x.Length - 1;
        for (var i = 0; i < x.Length; i++)
        {
            while (j >= i && x[i] + x[j] > sum)
            {
                j--;
            }

            if (j < i)
            {
                break;
            }

            count += j - i + 1;
        }

        return count;
    }
}

/// <summary>A ratio head / base with its confidence interval.</summary>
/// <param name="Ratio">The estimate; above 1 means the head is slower (or larger).</param>
/// <param name="Lower">The interval's lower bound (0 when too few pairs bound it).</param>
/// <param name="Upper">The interval's upper bound (infinity when too few pairs bound it).</param>
/// <param name="Confidence">The interval's confidence level.</param>
/// <param name="Pairs">The paired observations it rests on.</param>
public sealed record RatioEstimate(double Ratio, double Lower, double Upper, double Confidence, int Pairs)
{
    /// <summary>Whether the interval is bounded on both sides.</summary>
    public bool Bounded => Lower > 0 && double.IsFinite(Upper);
}
