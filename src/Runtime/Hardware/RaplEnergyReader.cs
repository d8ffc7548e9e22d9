using System.Globalization;
using System.Text.RegularExpressions;

namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>
/// CPU package energy from Linux's powercap interface: every top-level <c>intel-rapl:N</c> zone's
/// <c>energy_uj</c> (AMD processors use the same names), summed. Sub-zones (<c>intel-rapl:N:M</c>, cores and
/// DRAM) are inside their package and <c>psys</c> covers the packages, so both are left out to avoid counting
/// twice. Each counter wraps at its <c>max_energy_range_uj</c>.
/// </summary>
public sealed partial class RaplEnergyReader : EnergyMeter<long[]>
{
    public const string DefaultRoot = "/sys/class/powercap";

    private readonly Reading<Zone[]> zones;

    public RaplEnergyReader(string root = DefaultRoot) => zones = Discover(root);

    public override string Source =>
        zones.IsAvailable ? "RAPL " + string.Join(", ", zones.Value!.Select(z => z.Name)) : "RAPL";

    /// <summary>Why this machine's RAPL cannot be read; null when it can.</summary>
    public string? UnavailableReason => zones.UnavailableReason ?? Sample().UnavailableReason;

    protected override Reading<long[]> Sample()
    {
        if (!zones.IsAvailable)
        {
            return Reading.Unavailable<long[]>(zones.UnavailableReason!);
        }

        var values = new long[zones.Value!.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var counter = ReadNumber(Path.Combine(zones.Value[i].Folder, "energy_uj"));
            if (!counter.IsAvailable)
            {
                return Reading.Unavailable<long[]>(counter.UnavailableReason!);
            }

            values[i] = counter.Value;
        }

        return Reading.Of(values);
    }

    protected override double JoulesBetween(long[] first, long[] last)
    {
        var microjoules = 0.0;
        for (var i = 0; i < first.Length; i++)
        {
            microjoules += last[i] >= first[i] ? last[i] - first[i] : zones.Value![i].Range - first[i] + last[i];
        }

        return microjoules / 1e6;
    }

    [GeneratedRegex(@"^intel-rapl:\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex PackageZone();

    private static Reading<Zone[]> Discover(string root)
    {
        if (!Directory.Exists(root))
        {
            return Reading.Unavailable<Zone[]>($"RAPL unavailable: {root} does not exist (not Linux, or no powercap driver)");
        }

        var found = new List<Zone>();
        foreach (var folder in Directory.EnumerateDirectories(root).Where(f => PackageZone().IsMatch(Path.GetFileName(f))).Order(StringComparer.Ordinal))
        {
            var name = File.Exists(Path.Combine(folder, "name")) ? ReadText(Path.Combine(folder, "name")).Value?.Trim() : null;
            if (name == "psys")
            {
                continue;
            }

            var range = ReadNumber(Path.Combine(folder, "max_energy_range_uj"));
            if (!range.IsAvailable)
            {
                return Reading.Unavailable<Zone[]>(range.UnavailableReason!);
            }

            found.Add(new Zone(name ?? Path.GetFileName(folder), folder, range.Value));
        }

        return found.Count == 0
            ? Reading.Unavailable<Zone[]>($"RAPL unavailable: no intel-rapl package zone under {root}")
            : Reading.Of(found.ToArray());
    }

    private static Reading<long> ReadNumber(string path)
    {
        var text = ReadText(path);
        if (!text.IsAvailable)
        {
            return Reading.Unavailable<long>(text.UnavailableReason!);
        }

        return long.TryParse(text.Value!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? Reading.Of(value)
            : Reading.Unavailable<long>($"RAPL unavailable: {path} holds '{text.Value.Trim()}', not a number");
    }

    private static Reading<string> ReadText(string path)
    {
        try
        {
            return Reading.Of(File.ReadAllText(path));
        }
        catch (UnauthorizedAccessException)
        {
            // Since Linux 5.10 energy_uj is readable by root only (CVE-2020-8694).
            return Reading.Unavailable<string>($"RAPL unavailable: {path} is readable by root only; run as root or make it readable (chmod o+r)");
        }
        catch (IOException e)
        {
            return Reading.Unavailable<string>($"RAPL unavailable: cannot read {path}: {e.Message}");
        }
    }

    private sealed record Zone(string Name, string Folder, long Range);
}
