using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Regression;

namespace EfficiencyMisnomer.Runtime.Regression;

/// <summary>
/// A stored verdict confirmed beside the model it was recorded from. A stored baseline was measured at another time, on
/// a machine whose speed has changed since (a shared virtual machine drifts by ±10% for minutes at a time, and a busy
/// one by a factor), which no statistic of one run can see. So a stored verdict that is not a pass, on an indicator the
/// machine's speed moves, is measured again: the head beside the baseline entry's commit, interleaved in one run, as
/// against a revision. Where the pair decides, its verdict replaces the stored one; where the model is byte-identical
/// to the recorded one, a stored regression or improvement can only be the machine's and becomes inconclusive; where
/// the commit cannot be read (a shallow clone, a Git LFS pointer), the stored verdict stands and says why.
/// </summary>
public static class StoredConfirmation
{
    private const string Confirmed = " (the stored baseline's comparison said {0}; measured again beside the model that baseline was recorded from, at {1}, interleaved in one run)";
    private const string Unchanged = " (inconclusive: the model is byte-identical to the one the baseline was recorded from, at {0}, so the change is the machine's, not the model's; rerun, or record the baseline again if it persists)";
    private const string NotConfirmed = " (not confirmed beside the model the baseline was recorded from, at {0}: {1})";

    /// <summary>Whether a stored verdict is measured again beside its recorded commit: not a pass, on an indicator the machine's speed moves (not memory).</summary>
    public static bool Needed(RegressionVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Status is RegressionOutcome.Regressed or RegressionOutcome.Improved or RegressionOutcome.Inconclusive
            && verdict.Indicator != RuntimeIndicators.PeakMemory.Name && verdict.Indicator != RuntimeIndicators.GpuMemory.Name;
    }

    /// <summary>The commit as messages name it: its first eight digits.</summary>
    public static string Short(string commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return commit[..Math.Min(8, commit.Length)];
    }

    /// <summary>
    /// The stored verdicts with each one <see cref="Needed"/> replaced by the paired verdict of its indicator, where the
    /// pair compared it (not skipped); the paired verdict's message says what the stored comparison had said.
    /// </summary>
    public static IReadOnlyList<RegressionVerdict> Replace(IReadOnlyList<RegressionVerdict> stored, IReadOnlyList<RegressionVerdict> paired, string commit)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(paired);
        return stored.Select(verdict => Needed(verdict) && paired.FirstOrDefault(p => p.Indicator == verdict.Indicator && p.Status != RegressionOutcome.Skipped) is { } beside
            ? beside with { Message = beside.Message + RegressionText.Format(Confirmed, Said(verdict), Short(commit)) }
            : verdict).ToList();
    }

    /// <summary>The stored verdicts where the model is byte-identical to the recorded one: a regression or improvement <see cref="Needed"/> becomes inconclusive.</summary>
    public static IReadOnlyList<RegressionVerdict> ModelUnchanged(IReadOnlyList<RegressionVerdict> stored, string commit)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.Select(verdict => Needed(verdict) && verdict.Status is RegressionOutcome.Regressed or RegressionOutcome.Improved
            ? verdict with
            {
                Status = RegressionOutcome.Inconclusive,
                Code = ErrorCodes.RegressionInconclusive,
                Message = RegressionText.Would(verdict.Message) + RegressionText.Format(Unchanged, Short(commit)),
            }
            : verdict).ToList();
    }

    /// <summary>The stored verdicts, each one <see cref="Needed"/> saying why it could not be confirmed.</summary>
    public static IReadOnlyList<RegressionVerdict> Unconfirmed(IReadOnlyList<RegressionVerdict> stored, string commit, string why)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.Select(verdict => Needed(verdict)
            ? verdict with { Message = verdict.Message + RegressionText.Format(NotConfirmed, Short(commit), why.TrimEnd('.')) }
            : verdict).ToList();
    }

    private static string Said(RegressionVerdict verdict) => verdict.Ratio is { } ratio
        ? $"{verdict.Status.ToString().ToLowerInvariant()} ({RegressionText.Change(ratio)})"
        : verdict.Status.ToString().ToLowerInvariant();
}
