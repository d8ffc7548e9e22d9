using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>
/// Matches a spec's hardware profiles against a fingerprint: <c>provider</c> by equality, the other keys as
/// <see cref="Glob"/> patterns, all ignoring case; every key written must match. <c>os</c> matches the OS
/// family (<c>linux</c>) or its description (<c>Linux 6.8.0-…</c>); <c>gpu</c> never matches a machine without one.
/// </summary>
public static class ProfileMatcher
{
    public static IReadOnlyList<ProfileMatch> MatchAll(IEnumerable<HardwareProfile> profiles, HardwareFingerprint machine) =>
        profiles.Select(profile => Match(profile, machine)).ToList();

    public static ProfileMatch Match(HardwareProfile profile, HardwareFingerprint machine)
    {
        var failures = new List<MatchFailure>();
        foreach (var (key, pattern) in profile.Match)
        {
            var (matches, actual) = Test(key, pattern.Value, machine);
            if (!matches)
            {
                failures.Add(new MatchFailure(key, pattern.Value, actual, pattern.Location));
            }
        }

        return new ProfileMatch(profile, machine, failures);
    }

    private static (bool Matches, string Actual) Test(string key, string pattern, HardwareFingerprint machine) => key switch
    {
        "provider" => (string.Equals(pattern.Trim(), machine.Provider, StringComparison.OrdinalIgnoreCase), machine.Provider),
        "cpu" => (Glob.IsMatch(pattern, machine.Cpu.Model), machine.Cpu.Model),
        "gpu" => (machine.Gpu is { } gpu && Glob.IsMatch(pattern, gpu.Name), machine.GpuDescription),
        "os" => (Glob.IsMatch(pattern, machine.Host.OsFamily) || Glob.IsMatch(pattern, machine.Host.OsDescription),
            $"{machine.Host.OsFamily}: {machine.Host.OsDescription}"),
        "arch" => (Glob.IsMatch(pattern, machine.Host.Architecture), machine.Host.Architecture),
        "host" => (Glob.IsMatch(pattern, machine.Host.HostName), machine.Host.HostName),
        _ => (false, $"no machine property '{key}'"), // the spec loader refuses other keys; kept total for callers building profiles by hand
    };
}
