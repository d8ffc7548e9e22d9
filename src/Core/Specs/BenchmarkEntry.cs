using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Specs;

/// <summary>
/// BenchmarkDotNet results a spec declares budgets for: <c>benchmarks: NAME: { results, project, arguments, cases, budgets, hardware }</c>.
/// Each case of the results the entry selects is judged by every budget of the entry, and by the budgets of each
/// hardware profile that matches the host the results were measured on.
/// </summary>
/// <param name="Name">The entry's key under <c>benchmarks</c>.</param>
/// <param name="Location">Where that key is.</param>
/// <param name="Results">The results as written: a full JSON file, a folder (every <c>*-report-full.json</c> in it), or
/// a file pattern (<c>*</c> and <c>?</c> in the file name only), relative to the spec's folder.</param>
/// <param name="ResolvedResults">The results joined to the spec's folder.</param>
/// <param name="Cases">A pattern over case names (<c>Text.Join*</c>) selecting the cases judged; null for every case.</param>
/// <param name="Budgets">The budgets every selected case must meet.</param>
public sealed record BenchmarkEntry(
    string Name,
    SourceLocation Location,
    Located<string> Results,
    string ResolvedResults,
    Located<string>? Cases,
    IReadOnlyList<Budget> Budgets)
{
    /// <summary>Budgets that hold where the results' host matches a hardware profile of the spec, in spec order.</summary>
    public IReadOnlyList<BenchmarkProfileBudgets> Hardware { get; init; } = Array.Empty<BenchmarkProfileBudgets>();

    /// <summary>The project <c>misnomer run</c> runs to write <see cref="Results"/>; null when the results come from elsewhere.</summary>
    public BenchmarkProject? Project { get; init; }
}

/// <summary>
/// An entry's budgets on the hosts a hardware profile matches: <c>hardware: PROFILE: { mean: { max: 2 us } }</c>. Each
/// replaces the entry's budget of the same indicator there.
/// </summary>
/// <param name="Profile">The profile's name under the spec's <c>hardware</c>, where it is written in the entry.</param>
/// <param name="Budgets">The budgets on those hosts.</param>
public sealed record BenchmarkProfileBudgets(Located<string> Profile, IReadOnlyList<Budget> Budgets);
