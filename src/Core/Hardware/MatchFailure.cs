using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Hardware;

/// <summary>One key of a profile's <c>match</c> that a machine does not satisfy.</summary>
/// <param name="Key"><c>provider</c>, <c>cpu</c>, <c>gpu</c>, <c>os</c>, <c>arch</c> or <c>host</c>.</param>
/// <param name="Pattern">What the profile expects.</param>
/// <param name="Actual">What the machine has.</param>
/// <param name="Location">Where the pattern is written in the spec.</param>
public sealed record MatchFailure(string Key, string Pattern, string Actual, SourceLocation Location)
{
    public override string ToString() => $"{Key} \"{Pattern}\" does not match \"{Actual}\"";
}
