using EfficiencyMisnomer.Benchmarks;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Hardware;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Gates;

/// <summary>
/// Which of a benchmark entry's budgets hold on the host its results were measured on: the budgets of each hardware
/// profile whose <c>match</c> the host satisfies, and the entry's own except those a matching profile replaces (by
/// indicator). A profile the host does not satisfy is skipped with the reason, as a model's runtime profile is.
/// </summary>
internal static class BenchmarkProfiles
{
    /// <summary>The budgets that hold (profile null: the entry's own) and the profiles skipped with their "skipped" message.</summary>
    public sealed record Selection(
        IReadOnlyList<(string? Profile, IReadOnlyList<Budget> Budgets)> Held,
        IReadOnlyList<(BenchmarkProfileBudgets Budgets, Diagnostic Skipped)> Skipped);

    public static Selection Select(Spec spec, BenchmarkEntry entry, BenchmarkHost host)
    {
        var machine = host.Properties();
        var matched = new List<BenchmarkProfileBudgets>();
        var skipped = new List<(BenchmarkProfileBudgets, Diagnostic)>();
        foreach (var declared in entry.Hardware)
        {
            // The spec reader refuses a profile the spec does not declare; a spec built by hand without it budgets nothing there.
            if (spec.Hardware.FirstOrDefault(p => p.Name == declared.Profile.Value) is not { } profile)
            {
                continue;
            }

            var match = ProfileMatcher.Match(profile, machine);
            if (match.Skipped() is { } reason)
            {
                skipped.Add((declared, reason));
            }
            else
            {
                matched.Add(declared);
            }
        }

        var replaced = matched.SelectMany(m => m.Budgets).Select(b => b.Indicator.Name).ToHashSet(StringComparer.Ordinal);
        var held = new List<(string?, IReadOnlyList<Budget>)> { (null, entry.Budgets.Where(b => !replaced.Contains(b.Indicator.Name)).ToList()) };
        held.AddRange(matched.Select(m => ((string?)m.Profile.Value, m.Budgets)));
        return new Selection(held, skipped);
    }
}
