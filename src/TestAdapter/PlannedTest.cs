using NUnit.Framework.Interfaces;

namespace EfficiencyMisnomer.TestAdapter;

/// <summary>A test discovery decided on: its case, whether and why it cannot run, its categories, whether it runs alone.</summary>
/// <param name="Case">The argument of the test method.</param>
/// <param name="RunState">Runnable, not runnable (a broken spec or setting) or ignored (a profile for other hardware).</param>
/// <param name="Reason">Why the test does not run; null when it does.</param>
/// <param name="Categories">NUnit categories, for <c>--filter TestCategory=...</c>.</param>
/// <param name="NonParallelizable">Whether the test must never run beside another (measurements).</param>
public sealed record PlannedTest(EfficiencyCase Case, RunState RunState, string? Reason, IReadOnlyList<string> Categories, bool NonParallelizable = false);
