using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Runtime.Gate;

/// <summary>
/// Decides which of a spec's hardware profiles apply to this machine. The provider-only matcher below is
/// what the default <see cref="FingerprintProfileMatcher"/> adds to with the CPU and GPU names, OS and host.
/// </summary>
public interface IProfileMatcher
{
    /// <summary>Whether <paramref name="profile"/> applies when measuring on <paramref name="provider"/>; the reason when it does not.</summary>
    (bool Matches, string Reason) Match(HardwareProfile profile, string provider);
}

/// <summary>Matches on <c>match.provider</c> only (a profile without one matches any provider).</summary>
public sealed class ProviderProfileMatcher : IProfileMatcher
{
    public static ProviderProfileMatcher Instance { get; } = new();

    public (bool Matches, string Reason) Match(HardwareProfile profile, string provider)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!profile.Match.TryGetValue("provider", out var wanted))
        {
            return (true, "no provider in match");
        }

        return string.Equals(wanted.Value, provider, StringComparison.OrdinalIgnoreCase) || wanted.Value == "*"
            ? (true, $"provider {provider}")
            : (false, $"profile wants provider {wanted.Value}, measuring on {provider}");
    }
}
