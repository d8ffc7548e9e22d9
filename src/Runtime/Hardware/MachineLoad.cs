using System.Globalization;

namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>
/// How much of the machine's CPU time other processes (and, on a virtual machine, the hypervisor's other guests: steal
/// time) used while a measurement ran, from the kernel's counters: all CPUs' busy time (<c>/proc/stat</c>) less this
/// process's own (<c>/proc/self/stat</c>), over all CPUs' time. A comparison with a stored baseline is only as good as the
/// machine is quiet; this says whether it was.
/// </summary>
public sealed class MachineLoad
{
    private const string Stat = "/proc/stat";
    private const string SelfStat = "/proc/self/stat";
    private readonly (long Busy, long Total)? systemStart;
    private readonly long? selfStart;

    private MachineLoad((long Busy, long Total)? system, long? self)
    {
        systemStart = system;
        selfStart = self;
    }

    /// <summary>Starts watching: reads the counters now.</summary>
    public static MachineLoad Start() => new(ReadSystem(), ReadSelf());

    /// <summary>Other processes' share of all CPUs' time since <see cref="Start"/> (0 to 1); unavailable off Linux.</summary>
    public Reading<double> Stop()
    {
        if (systemStart is not { } start || selfStart is not { } self || ReadSystem() is not { } end || ReadSelf() is not { } selfEnd)
        {
            return Reading.Unavailable<double>("the CPU counters are read from /proc on Linux only");
        }

        return Share(start, end, self, selfEnd);
    }

    /// <summary>Other processes' share between two readings of the system's and this process's counters.</summary>
    internal static Reading<double> Share((long Busy, long Total) start, (long Busy, long Total) end, long selfStart, long selfEnd)
    {
        var total = end.Total - start.Total;
        if (total <= 0)
        {
            return Reading.Unavailable<double>("the CPU counters did not advance (the measurement was shorter than a clock tick)");
        }

        var others = (end.Busy - start.Busy) - (selfEnd - selfStart);
        return Reading.Of(Math.Clamp((double)others / total, 0, 1));
    }

    /// <summary>All CPUs' busy and total time from the first line of <c>/proc/stat</c>, in clock ticks.</summary>
    internal static (long Busy, long Total)? ParseSystem(string firstLine)
    {
        var fields = firstLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5 || fields[0] != "cpu")
        {
            return null;
        }

        // user nice system idle iowait irq softirq steal [guest guest_nice: already counted in user and nice]
        var values = fields.Skip(1).Take(8).Select(f => long.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1).ToArray();
        if (values.Any(v => v < 0))
        {
            return null;
        }

        var idle = values[3] + (values.Length > 4 ? values[4] : 0);
        var total = values.Sum();
        return (total - idle, total);
    }

    /// <summary>This process's user and system time from <c>/proc/self/stat</c>, in clock ticks.</summary>
    internal static long? ParseSelf(string stat)
    {
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
        return fields.Length > 12
            && long.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out var user)
            && long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out var system)
            ? user + system
            : null;
    }

    private static (long Busy, long Total)? ReadSystem()
    {
        try
        {
            return OperatingSystem.IsLinux() && File.Exists(Stat) ? ParseSystem(File.ReadLines(Stat).FirstOrDefault() ?? string.Empty) : null;
        }
        catch (Exception e) when (Files.FileFailure.Is(e))
        {
            return null;
        }
    }

    private static long? ReadSelf()
    {
        try
        {
            return OperatingSystem.IsLinux() && File.Exists(SelfStat) ? ParseSelf(File.ReadAllText(SelfStat)) : null;
        }
        catch (Exception e) when (Files.FileFailure.Is(e))
        {
            return null;
        }
    }
}
