namespace EfficiencyMisnomer.Runtime.Measurement;

/// <summary>A value a reader obtained, or why it could not (never a silent zero).</summary>
public sealed record Reading(double? Value, string? Note)
{
    public static Reading Of(double value, string? note = null) => new(value, note);

    public static Reading Unavailable(string reason) => new(null, "unavailable: " + reason);
}
