using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EfficiencyMisnomer.Benchmarks;

/// <summary>
/// The identity of the machine BenchmarkDotNet ran on, from its host environment: the processor as BenchmarkDotNet
/// names it, its physical and logical cores and the architecture. The OS version, .NET and BenchmarkDotNet versions
/// are left out, as the hardware fingerprint of a model measurement leaves them out, so that a stored baseline survives
/// an update of them. BenchmarkDotNet names a processor in its own words, so this id is never equal to a model
/// measurement's fingerprint of the same machine: benchmark baselines are keyed on this one.
/// </summary>
public static class BenchmarkHostFingerprint
{
    /// <summary>The results documents' host facts the identity is made of.</summary>
    public const string Cpu = "cpu", PhysicalCores = "physical_cores", LogicalCores = "logical_cores", Architecture = "arch";

    /// <summary>Twelve hexadecimal digits naming the host described by <paramref name="facts"/> (<see cref="BenchmarkHost.Facts"/>).</summary>
    public static string Id(IReadOnlyDictionary<string, string> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var identity = string.Join('\n', "benchmarkdotnet", Fact(facts, Cpu), Fact(facts, PhysicalCores), Fact(facts, LogicalCores), Fact(facts, Architecture));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return string.Concat(hash.Take(6).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    /// <summary>One line naming the host and its id, for messages: <c>host 3f2a… : cpu "…" (2 physical, 4 logical cores), arch X64</c>.</summary>
    public static string Summary(IReadOnlyDictionary<string, string> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return $"host {Id(facts)}: cpu \"{Fact(facts, Cpu)}\" ({Count(facts, PhysicalCores)} physical, {Count(facts, LogicalCores)} logical cores), arch {Fact(facts, Architecture)}";
    }

    private static string Fact(IReadOnlyDictionary<string, string> facts, string name) => facts.GetValueOrDefault(name) ?? "";

    private static string Count(IReadOnlyDictionary<string, string> facts, string name) => Fact(facts, name) is { Length: > 0 } count ? count : "?";
}
