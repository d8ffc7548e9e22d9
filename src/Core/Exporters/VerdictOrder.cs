using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Exporters;

/// <summary>Orders verdicts as a reader needs them: what breaks the build first, passes last.</summary>
public static class VerdictOrder
{
    private static readonly string[] Statuses = { "fail", "regressed", "unstable", "inconclusive", "warning", "skipped", "improved", "pass" };

    /// <summary>0 for <c>fail</c>, growing to <c>pass</c>; an unknown status sorts just before <c>pass</c>.</summary>
    public static int Rank(string status)
    {
        var index = Array.IndexOf(Statuses, status);
        return index < 0 ? Statuses.Length - 1 : index;
    }

    /// <summary>Whether a status needs attention: anything but <c>pass</c> and <c>improved</c>.</summary>
    public static bool NeedsAttention(string status) => status is not ("pass" or "improved");

    public static IEnumerable<(ModelResults Model, VerdictResult Verdict)> Sort(SpecResults spec) =>
        spec.Models
            .SelectMany(m => m.Verdicts.Select(v => (Model: m, Verdict: v)))
            .OrderBy(p => Rank(p.Verdict.Status)); // stable: spec order within a status
}
