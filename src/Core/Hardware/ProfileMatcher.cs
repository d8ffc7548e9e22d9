using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Hardware;

/// <summary>
/// Matches a spec's hardware profiles against a machine: <c>provider</c> by equality, the other keys as
/// <see cref="Glob"/> patterns, all ignoring case; every key written must match. <c>os</c> matches the OS
/// family (<c>linux</c>) or its description (<c>Linux 6.8.0-…</c>); <c>gpu</c> never matches a machine without one,
/// and <c>host</c> never matches one whose name is unknown.
/// </summary>
public static class ProfileMatcher
{
    private const string UnknownHost = "unknown (not recorded)";

    public static IReadOnlyList<ProfileMatch> MatchAll(IEnumerable<HardwareProfile> profiles, MachineProperties machine) =>
        profiles.Select(profile => Match(profile, machine)).ToList();

    public static ProfileMatch Match(HardwareProfile profile, MachineProperties machine)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(machine);
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

    private static (bool Matches, string Actual) Test(string key, string pattern, MachineProperties machine) => key switch
    {
        "provider" => (string.Equals(pattern.Trim(), machine.Provider, StringComparison.OrdinalIgnoreCase), machine.Provider),
        "cpu" => (Glob.IsMatch(pattern, machine.Cpu), machine.Cpu),
        "gpu" => (machine.Gpu is { } gpu && Glob.IsMatch(pattern, gpu), machine.GpuDescription),
        "os" => (Glob.IsMatch(pattern, machine.OsFamily) || Glob.IsMatch(pattern, machine.OsDescription),
            machine.OsFamily.Length > 0 ? $"{machine.OsFamily}: {machine.OsDescription}" : machine.OsDescription),
        "arch" => (Glob.IsMatch(pattern, machine.Architecture), machine.Architecture),
        "host" => machine.HostName.Length > 0 ? (Glob.IsMatch(pattern, machine.HostName), machine.HostName) : (false, UnknownHost),
        _ => (false, $"no machine property '{key}'"), // the spec loader refuses other keys; kept total for callers building profiles by hand
    };
}
