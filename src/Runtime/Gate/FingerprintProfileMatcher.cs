using EfficiencyMisnomer.Hardware;
using EfficiencyMisnomer.Runtime.Hardware;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Runtime.Gate;

/// <summary>
/// Matches profiles against this machine's fingerprint (provider, CPU and GPU names, OS, architecture,
/// host) by the spec's <c>match</c> rules; a profile that does not match is skipped with the fingerprint.
/// </summary>
public sealed class FingerprintProfileMatcher : IProfileMatcher
{
    private readonly HardwareFingerprintReader reader;
    private readonly Dictionary<string, HardwareFingerprint> fingerprints = new(StringComparer.Ordinal);

    public FingerprintProfileMatcher(HardwareFingerprintReader reader) => this.reader = reader;

    private static readonly Lazy<FingerprintProfileMatcher> Machine = new(() =>
        new FingerprintProfileMatcher(new HardwareFingerprintReader(EnvironmentCpuInfo.ForThisMachine(), new NativeNvml())));

    /// <summary>The matcher of this machine (/proc/cpuinfo or the environment, and NVML when present), read once per process.</summary>
    public static FingerprintProfileMatcher ThisMachine => Machine.Value;

    public (bool Matches, string Reason) Match(HardwareProfile profile, string provider)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var match = ProfileMatcher.Match(profile, Fingerprint(provider).Properties);
        return match.Matches ? (true, Fingerprint(provider).Summary) : (false, match.Skipped()!.Message);
    }

    /// <summary>This machine measuring on <paramref name="provider"/>, read once per provider.</summary>
    public HardwareFingerprint Fingerprint(string provider)
    {
        lock (fingerprints)
        {
            if (!fingerprints.TryGetValue(provider, out var machine))
            {
                fingerprints[provider] = machine = reader.Read(provider);
            }

            return machine;
        }
    }
}
