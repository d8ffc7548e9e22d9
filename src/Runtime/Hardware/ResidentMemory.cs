using System.Globalization;
using EfficiencyMisnomer.Files;

namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>
/// Host resident memory added by a session and its runs. On Linux the kernel's high-water mark (VmHWM)
/// is reset by writing 5 to <c>/proc/self/clear_refs</c>, so the peak is the session's own; where that is
/// refused, the growth of resident memory (VmRSS) is reported instead, and the note says so.
/// </summary>
public sealed class ResidentMemory
{
    private const string Status = "/proc/self/status";
    private const string ClearRefs = "/proc/self/clear_refs";
    private long baseline;
    private bool highWaterReset;

    public void Begin()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        highWaterReset = TryResetHighWater();
        baseline = Field("VmRSS") ?? 0;
    }

    public Observation End()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Observation.Unavailable("resident memory is read from /proc on Linux only");
        }

        if (highWaterReset && Field("VmHWM") is { } peak)
        {
            return Observation.Of(Math.Max(0, peak - baseline));
        }

        return Field("VmRSS") is { } now
            ? Observation.Of(Math.Max(0, now - baseline), "resident growth (VmRSS), not the peak: the high-water mark could not be reset")
            : Observation.Unavailable($"{Status} is not readable");
    }

    private static bool TryResetHighWater()
    {
        try
        {
            File.WriteAllText(ClearRefs, "5");
            return true;
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            return false;
        }
    }

    /// <summary>A <c>/proc/self/status</c> field in bytes (the file gives kB).</summary>
    private static long? Field(string name)
    {
        try
        {
            if (!File.Exists(Status))
            {
                return null;
            }

            foreach (var line in File.ReadLines(Status))
            {
                if (line.StartsWith(name + ":", StringComparison.Ordinal))
                {
                    var digits = new string(line.AsSpan(name.Length + 1).Trim().ToString().TakeWhile(char.IsDigit).ToArray());
                    return long.Parse(digits, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }
}
