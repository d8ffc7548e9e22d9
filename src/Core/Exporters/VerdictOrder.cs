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

    /// <summary>
    /// Every verdict of the spec with what it judges (a model's name, or a benchmark case as <c>entry: case</c>), in
    /// status order, models before benchmark cases within a status.
    /// </summary>
    public static IEnumerable<(string Subject, VerdictResult Verdict)> SortAll(SpecResults spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Models.SelectMany(m => m.Verdicts.Select(v => (Subject: m.Name, Verdict: v)))
            .Concat(spec.Benchmarks.SelectMany(b => b.Verdicts.Select(v => (Subject: $"{b.Entry}: {b.Case}", Verdict: v))))
            .OrderBy(p => Rank(p.Verdict.Status));
    }

    public static IEnumerable<(ModelResults Model, VerdictResult Verdict)> Sort(SpecResults spec) =>
        spec.Models
            .SelectMany(m => m.Verdicts.Select(v => (Model: m, Verdict: v)))
            .OrderBy(p => Rank(p.Verdict.Status)); // stable: spec order within a status
}
