namespace EfficiencyMisnomer.Runtime.Sessions;

/// <summary>
/// The number of physical cores: hyper-threads share execution units, so one inference thread per
/// logical CPU oversubscribes them. Linux reads <c>/proc/cpuinfo</c>; elsewhere the logical count.
/// </summary>
public static class PhysicalCores
{
    private static readonly Lazy<int> Cached = new(Read);

    public static int Count => Cached.Value;

    /// <summary>Distinct (physical id, core id) pairs of a <c>/proc/cpuinfo</c> text; null when it names none.</summary>
    internal static int? FromCpuInfo(IEnumerable<string> lines)
    {
        var cores = new HashSet<(string, string)>();
        string physical = "0";
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (key == "physical id")
            {
                physical = value;
            }
            else if (key == "core id")
            {
                cores.Add((physical, value));
            }
        }

        return cores.Count > 0 ? cores.Count : null;
    }

    private static int Read()
    {
        try
        {
            if (OperatingSystem.IsLinux() && File.Exists("/proc/cpuinfo")
                && FromCpuInfo(File.ReadLines("/proc/cpuinfo")) is { } count)
            {
                // A container may be limited to fewer CPUs than the machine's cores.
                return Math.Clamp(count, 1, Environment.ProcessorCount);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Math.Max(1, Environment.ProcessorCount);
    }
}
