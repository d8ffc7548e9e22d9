using Perfolizer.Mathematics.Distributions.ContinuousDistributions;

namespace EfficiencyMisnomer.Runtime.Comparison;

/// <summary>
/// The Wilcoxon signed-rank statistic's null distribution, for the distribution-free confidence interval of a
/// Hodges–Lehmann estimate: exact up to <see cref="ExactUpTo"/> pairs, a normal approximation with continuity
/// correction beyond (where the two agree to well under one rank).
/// </summary>
public static class SignedRank
{
    /// <summary>Pairs up to which the exact distribution is computed (its table has n(n+1)/2 + 1 entries).</summary>
    public const int ExactUpTo = 60;

    private static readonly NormalDistribution Normal = new(0, 1);

    /// <summary>
    /// The largest <c>c</c> with P(T ≤ c) ≤ <paramref name="alpha"/> / 2 for n = <paramref name="pairs"/>, or -1 when even
    /// P(T = 0) is larger (too few pairs for that confidence). The interval at confidence 1 − alpha is then
    /// [W(c+1), W(N−c)] of the N = n(n+1)/2 sorted Walsh averages.
    /// </summary>
    public static long LowerCritical(int pairs, double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pairs);
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must lie in (0, 1)");
        }

        var half = alpha / 2;
        long n = pairs;
        var total = n * (n + 1) / 2;
        if (pairs <= ExactUpTo)
        {
            var cumulative = 0.0;
            var probabilities = Exact(pairs);
            for (long c = 0; c <= total; c++)
            {
                cumulative += probabilities[c];
                if (cumulative > half)
                {
                    return c - 1;
                }
            }

            return total;
        }

        var sd = Math.Sqrt(n * (n + 1) * (2.0 * n + 1) / 24);
        var z = Normal.Quantile(1 - half);
        return Math.Max(-1, (long)Math.Floor((total / 2.0) - 0.5 - (z * sd)));
    }

    /// <summary>P(T = t) for t = 0..n(n+1)/2 under the null: each rank's sign is a fair coin.</summary>
    private static double[] Exact(int pairs)
    {
        var total = pairs * (pairs + 1) / 2;
        var p = new double[total + 1];
        p[0] = 1;
        var reach = 0;
        for (var rank = 1; rank <= pairs; rank++)
        {
            reach += rank;
            for (var t = reach; t >= rank; t--)
            {
                p[t] = (p[t] + p[t - rank]) / 2;
            }

            for (var t = Math.Min(rank - 1, reach); t >= 0; t--)
            {
                p[t] /= 2;
            }
        }

        return p;
    }
}
