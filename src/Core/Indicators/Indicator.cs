namespace EfficiencyMisnomer.Indicators;

/// <summary>A cost indicator: its public name (used in specs, JSON and reports), unit, and meaning.</summary>
public sealed record Indicator(string Name, string Unit, string Description);
