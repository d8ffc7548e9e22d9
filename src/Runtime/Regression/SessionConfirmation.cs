using EfficiencyMisnomer.Regression;
using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace EfficiencyMisnomer.Runtime.Regression;

/// <summary>
/// When a measured comparison is measured again in a fresh session, and what the two sessions decide together.
/// One session can run 10-20% slow on a shared machine (thread placement, cache and memory layout) with an
/// interval as narrow as any other, so no test on its samples alone can tell it from a regression: a
/// <see cref="RegressionOutcome.Regressed"/> verdict stands only when a second session confirms it. An
/// <see cref="RegressionOutcome.Inconclusive"/> one gets the second session to decide. For the same reason a baseline is
/// recorded from the median of <see cref="RecordedSessions"/> sessions: one slow session would hide every later
/// slowdown of its size, and the median session is slow only when most of them are.
/// </summary>
public static class SessionConfirmation
{
    /// <summary>Appended to the message of a regression that a second session did not confirm.</summary>
    public const string NotConfirmed = " (a first measurement regressed, a second in a fresh session did not: the sessions disagree; rerun on a quieter machine)";

    /// <summary>Whether a first verdict needs a second session before it is reported.</summary>
    public static bool Needed(RegressionOutcome first) => first is RegressionOutcome.Regressed or RegressionOutcome.Inconclusive;

    /// <summary>The verdict of two sessions: a regression the second does not confirm is inconclusive; otherwise the second decides.</summary>
    public static RegressionOutcome Decide(RegressionOutcome first, RegressionOutcome second) =>
        first == RegressionOutcome.Regressed && second != RegressionOutcome.Regressed ? RegressionOutcome.Inconclusive : second;

    /// <summary>Sessions measured when a baseline is recorded.</summary>
    public const int RecordedSessions = 3;

    /// <summary>The index of the session whose median latency is the median of the sessions' medians.</summary>
    public static int MedianSession(IReadOnlyList<IReadOnlyList<double>> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        if (sessions.Count == 0)
        {
            throw new ArgumentException("at least one session is needed", nameof(sessions));
        }

        var ordered = sessions.Select((samples, index) => (Median: samples.Count == 0 ? double.PositiveInfinity : Median(samples), Index: index))
            .OrderBy(s => s.Median)
            .ToList();
        return ordered[(ordered.Count - 1) / 2].Index;
    }

    private static double Median(IReadOnlyList<double> samples) =>
        SimpleQuantileEstimator.Instance.Quantile(new Sample(samples.ToArray()), 0.5).NominalValue;
}
