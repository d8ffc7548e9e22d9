using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.TestAdapter;

/// <summary>
/// Turns the engine's verdicts into NUnit outcomes, all inside one <see cref="Assert.EnterMultipleScope"/> so every
/// breached budget is reported, not just the first: a failed budget or an error fails the test; a warning-severity
/// breach, an unstable measurement or an indicator not readable here is a warning (never a pass).
/// </summary>
internal static class VerdictAssertions
{
    public static void AssertAll(IEnumerable<Diagnostic> errors, IEnumerable<BudgetVerdict> verdicts)
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var error in errors)
            {
                Assert.That(error.Severity, Is.Not.EqualTo(DiagnosticSeverity.Error), error.ToString());
            }

            foreach (var verdict in verdicts)
            {
                switch (verdict.Status)
                {
                    case VerdictStatus.Fail:
                        Assert.That(verdict.Status, Is.Not.EqualTo(VerdictStatus.Fail), $"{verdict.Location}: {verdict.Message}");
                        break;
                    case VerdictStatus.Warning or VerdictStatus.Unstable or VerdictStatus.Skipped:
                        Assert.Warn($"{verdict.Location}: {verdict.Status.ToString().ToLowerInvariant()}: {verdict.Message}");
                        break;
                }
            }
        }
    }
}
