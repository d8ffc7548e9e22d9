using System.Globalization;
using EfficiencyMisnomer.Files;

namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>Linux's <c>/proc/cpuinfo</c>: the first model name, and cores counted by distinct (physical id, core id).</summary>
public sealed class ProcCpuInfo : ICpuInfoSource
{
    public const string DefaultPath = "/proc/cpuinfo";

    // x86 says "model name"; ARM kernels say "Hardware" or "Processor", some "cpu model".
    private static readonly string[] ModelKeys = { "model name", "Hardware", "Processor", "cpu model" };

    private readonly Func<string?> text;

    public ProcCpuInfo(string path = DefaultPath) => text = () => TryRead(path);

    private ProcCpuInfo(Func<string?> text) => this.text = text;

    /// <summary>A source over text already read (tests, or a file copied from another machine).</summary>
    public static ProcCpuInfo FromText(string text) => new(() => text);

    public CpuInfo Read() => text() is { } content ? Parse(content) : new CpuInfo(CpuInfo.UnknownModel, null);

    public static CpuInfo Parse(string text)
    {
        var fields = new List<(string Key, string Value)>();
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                fields.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        var model = ModelKeys
            .Select(key => fields.FirstOrDefault(f => f.Key == key && f.Value.Length > 0).Value)
            .FirstOrDefault(value => value is not null);
        return new CpuInfo(model is null ? CpuInfo.UnknownModel : CollapseSpaces(model), PhysicalCores(fields));
    }

    private static int? PhysicalCores(List<(string Key, string Value)> fields)
    {
        var cores = new HashSet<(string, string)>();
        var package = "0";
        foreach (var (key, value) in fields)
        {
            if (key == "physical id")
            {
                package = value;
            }
            else if (key == "core id")
            {
                cores.Add((package, value));
            }
        }

        if (cores.Count > 0)
        {
            return cores.Count;
        }

        var perPackage = fields.FirstOrDefault(f => f.Key == "cpu cores").Value;
        return int.TryParse(perPackage, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : null;
    }

    // Some vendors pad the model name with runs of spaces; a pattern should not have to.
    private static string CollapseSpaces(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            return null;
        }
    }
}
