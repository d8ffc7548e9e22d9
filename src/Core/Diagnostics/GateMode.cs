namespace EfficiencyMisnomer.Diagnostics;

/// <summary>
/// How a finding is reported: as an error, as a warning, or not at all. The gate's mode for budget breaches and
/// regressions (MSBuild, CLI, NUnit), and a spec's <c>disagreement</c> for indicators that rank its models differently.
/// </summary>
public enum GateMode
{
    Error,
    Warn,
    Off,
}

/// <summary>The names of <see cref="GateMode"/> as users write them (<c>error</c>, <c>warn</c>, <c>off</c>): one parser for every front end.</summary>
public static class GateModes
{
    private static readonly Dictionary<string, GateMode> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["error"] = GateMode.Error,
        ["warn"] = GateMode.Warn,
        ["off"] = GateMode.Off,
    };

    /// <summary>Each name and its mode, case-sensitive, as a spec writes them (its schema lists them in lowercase).</summary>
    public static IReadOnlyDictionary<string, GateMode> SpecNames { get; } = ByName.ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal);

    /// <summary>Every accepted name, in the order of the enum.</summary>
    public static IReadOnlyList<string> Names { get; } = ByName.Keys.ToArray();

    /// <summary>The mode <paramref name="text"/> names, ignoring case; false for anything else, numbers included.</summary>
    public static bool TryParse(string? text, out GateMode mode) => ByName.TryGetValue(text?.Trim() ?? "", out mode);
}
