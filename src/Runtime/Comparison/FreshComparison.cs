using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Runtime.Isolation;

namespace EfficiencyMisnomer.Runtime.Comparison;

/// <summary>
/// Cold start and memory of a model and its base, each observed several times in fresh processes, interleaved in a
/// random order so that the machine's state falls on both alike. One fresh process varies by a few percent, so the
/// verdict asks more of these few observations than of the many paired rounds: regressed only when every head
/// observation exceeds every base observation beyond the tolerance (improved likewise), pass when the medians are
/// within it, otherwise inconclusive.
/// </summary>
/// <param name="Base">The base's observations.</param>
/// <param name="Head">The head's observations.</param>
public sealed record FreshComparison(IReadOnlyList<SessionObservation> Base, IReadOnlyList<SessionObservation> Head)
{
    /// <summary>Observations per side before a comparison is made.</summary>
    public const int First = 3;

    /// <summary>Observations per side at most, while a comparison is inconclusive.</summary>
    public const int Most = 7;

    /// <summary><paramref name="count"/> observations of each side, interleaved, added to <paramref name="earlier"/>.</summary>
    public static FreshComparison Observe(IsolatedObserver observer, SessionObservationRequest baseRequest, SessionObservationRequest headRequest, int count,
        Random random, FreshComparison? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(observer);
        ArgumentNullException.ThrowIfNull(random);
        var sides = new[] { new List<SessionObservation>(earlier?.Base ?? Array.Empty<SessionObservation>()), new List<SessionObservation>(earlier?.Head ?? Array.Empty<SessionObservation>()) };
        var requests = new[] { baseRequest, headRequest };
        for (var i = 0; i < count; i++)
        {
            var first = random.Next(2);
            for (var turn = 0; turn < 2; turn++)
            {
                var side = first ^ turn;
                sides[side].Add(observer.Observe(requests[side]));
            }
        }

        return new FreshComparison(sides[0], sides[1]);
    }

    /// <summary>The medians of each side, as reports show them.</summary>
    public (SessionObservation Base, SessionObservation Head) Medians => (FreshSessionSeries.Median(Base), FreshSessionSeries.Median(Head));

    /// <summary>The verdict on one value (<paramref name="select"/>) at <paramref name="tolerance"/>; null when a side has no value.</summary>
    public FreshVerdict? Decide(Func<SessionObservation, double?> select, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(select);
        var before = Base.Select(select).OfType<double>().Where(v => v > 0).ToArray();
        var after = Head.Select(select).OfType<double>().Where(v => v > 0).ToArray();
        if (before.Length == 0 || after.Length == 0)
        {
            return null;
        }

        var ratio = FreshSessionSeries.Median(after.Select(v => (double?)v))!.Value / FreshSessionSeries.Median(before.Select(v => (double?)v))!.Value;
        var lower = after.Min() / before.Max();
        var upper = after.Max() / before.Min();
        var status = lower > 1 + tolerance ? RegressionOutcome.Regressed
            : upper < 1 / (1 + tolerance) ? RegressionOutcome.Improved
            : ratio <= 1 + tolerance && ratio >= 1 / (1 + tolerance) ? RegressionOutcome.Pass
            : RegressionOutcome.Inconclusive;
        return new FreshVerdict(status, ratio, lower, upper, Math.Min(before.Length, after.Length));
    }
}

/// <summary>A fresh-session value compared: the verdict, the ratio of medians and the range of head / base ratios.</summary>
public sealed record FreshVerdict(RegressionOutcome Status, double Ratio, double Lower, double Upper, int Observations);
