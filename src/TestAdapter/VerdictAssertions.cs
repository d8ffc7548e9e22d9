using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.TestAdapter;

/// <summary>
/// Turns the engine's verdicts into NUnit outcomes, all inside one <see cref="Assert.EnterMultipleScope"/> so every
/// breached budget is reported, not just the first: a failed budget or an error fails the test, and so does an
/// unstable verdict on an error-severity budget (the engine has already re-measured it with a longer cap; a gate that
/// passes what it could not decide is no gate). A warning-severity breach or unstable verdict, or an indicator not
/// readable here, is a warning (never a pass).
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
                    case VerdictStatus.Unstable when verdict.Severity == BudgetSeverity.Error:
                        Assert.That(verdict.Status, Is.Not.EqualTo(VerdictStatus.Unstable), $"{verdict.Location}: unstable: {verdict.Message}");
                        break;
                    case VerdictStatus.Warning or VerdictStatus.Unstable or VerdictStatus.Skipped:
                        Assert.Warn($"{verdict.Location}: {verdict.Status.ToString().ToLowerInvariant()}: {verdict.Message}");
                        break;
                }
            }
        }
    }
}
