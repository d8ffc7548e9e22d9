using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Specs;

/// <summary>
/// A machine setup runtime budgets apply to: which machines it matches, what they cost, and the budgets
/// measured there (runtime indicators only).
/// </summary>
/// <param name="Name">The profile's key under <c>hardware</c>.</param>
/// <param name="Location">Where that key is.</param>
/// <param name="Match">Machine property (<c>provider</c>, <c>cpu</c>, <c>gpu</c>, <c>os</c>, <c>arch</c>, <c>host</c>) to a glob pattern.</param>
/// <param name="PricePerHour">Money per hour of the machine, for <c>cost</c>.</param>
/// <param name="GridIntensity">Grams of CO2 per kWh of the machine's electricity, for <c>co2</c>.</param>
/// <param name="Threads">Intra-op threads to measure with.</param>
/// <param name="Budgets">Runtime budgets.</param>
public sealed record HardwareProfile(
    string Name,
    SourceLocation Location,
    IReadOnlyDictionary<string, Located<string>> Match,
    Located<double>? PricePerHour,
    Located<double>? GridIntensity,
    Located<int>? Threads,
    IReadOnlyList<Budget> Budgets);
