namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>
/// A value one measurement observed, with a note on how (its source, or a caveat), or why it could not be
/// observed (never a silent zero). Hardware answers arrive as <see cref="Hardware.Reading{T}"/>.
/// </summary>
public sealed record Observation(double? Value, string? Note)
{
    public static Observation Of(double value, string? note = null) => new(value, note);

    public static Observation Unavailable(string reason) => new(null, "unavailable: " + reason);

    /// <summary>
    /// A hardware reading's reason, its "RAPL unavailable: " shortened to "RAPL: " so that the note reads
    /// "unavailable: RAPL: why" rather than saying unavailable twice.
    /// </summary>
    public static Observation From(Reading<double> reading, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.IsAvailable)
        {
            return Of(reading.Value, note);
        }

        var reason = reading.UnavailableReason!;
        var repeated = reason.IndexOf(" unavailable: ", StringComparison.Ordinal);
        return Unavailable(repeated > 0 ? string.Concat(reason.AsSpan(0, repeated), ": ", reason.AsSpan(repeated + " unavailable: ".Length)) : reason);
    }

    /// <summary>Device memory the session added: NVML's used bytes after the timed loop less those before the session.</summary>
    internal static Observation DeviceGrowth(Reading<long> before, Reading<long> after)
    {
        var reading = before.IsAvailable ? after : before;
        return reading.IsAvailable
            ? Of(Math.Max(0, after.Value - before.Value), "NVML used memory, all processes on the device")
            : From(reading.Select(bytes => (double)bytes));
    }
}
