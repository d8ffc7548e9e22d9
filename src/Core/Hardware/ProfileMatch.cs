using System.Text;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Hardware;

/// <summary>Whether a hardware profile applies to a machine, and if not, every key that failed.</summary>
public sealed record ProfileMatch(HardwareProfile Profile, MachineProperties Machine, IReadOnlyList<MatchFailure> Failures)
{
    private static readonly CompositeFormat SkippedMessage = CompositeFormat.Parse("hardware profile '{0}' skipped: {1}; {2}. {3}");

    public bool Matches => Failures.Count == 0;

    /// <summary>The "skipped" verdict's message, at the first failing pattern; null when the profile matches.</summary>
    public Diagnostic? Skipped() =>
        Matches
            ? null
            : Diagnostic.Info(
                ErrorCodes.HardwareProfileSkipped,
                UserText.Format(SkippedMessage, Profile.Name, string.Join(", ", Failures), Machine.Description, Machine.Advice),
                Failures[0].Location);
}
