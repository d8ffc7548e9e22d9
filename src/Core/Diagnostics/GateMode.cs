namespace EfficiencyMisnomer.Diagnostics;

/// <summary>How the gate reports: breaches as errors, as warnings, or not at all.</summary>
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

    /// <summary>Every accepted name, in the order of the enum.</summary>
    public static IReadOnlyList<string> Names { get; } = ByName.Keys.ToArray();

    /// <summary>The mode <paramref name="text"/> names, ignoring case; false for anything else, numbers included.</summary>
    public static bool TryParse(string? text, out GateMode mode) => ByName.TryGetValue(text?.Trim() ?? "", out mode);
}
