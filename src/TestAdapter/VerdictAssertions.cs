using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.TestAdapter;

/// <summary>
/// Turns the engine's verdicts into NUnit outcomes, all inside one <see cref="Assert.EnterMultipleScope"/> so every
/// breached budget and every regression is reported, not just the first, each as one line (<c>file(line,col): message</c>,
/// no expected/actual boilerplate; the indicators' table is in the test's output): a failed budget, a regression or an error
/// fails the test, and so does an unstable verdict on an error-severity budget (the engine has already re-measured it
/// with a longer cap; a gate that passes what it could not decide is no gate); a warning-severity breach or unstable
/// verdict, or an indicator not readable here, is a warning (never a pass); an inconclusive comparison with the baseline
/// warns, or fails when strict; an improvement, a comparison skipped (no baseline yet, other hardware), or a model
/// unchanged or new against a base revision is written to the test's output.
/// </summary>
internal static class VerdictAssertions
{
    public static void AssertAll(IEnumerable<Diagnostic> errors, IEnumerable<BudgetVerdict> verdicts) =>
        AssertAll(errors, verdicts, Array.Empty<RegressionVerdict>(), strict: false);

    public static void AssertAll(IEnumerable<Diagnostic> errors, IEnumerable<BudgetVerdict> verdicts, IEnumerable<RegressionVerdict> regressions, bool strict)
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var error in errors)
            {
                if (error.Severity == DiagnosticSeverity.Error)
                {
                    Assert.Fail(error.ToString());
                }
            }

            foreach (var verdict in verdicts)
            {
                switch (verdict.Status)
                {
                    case VerdictStatus.Fail:
                        Assert.Fail(UserText.Escape($"{verdict.Location}: {verdict.Message}"));
                        break;
                    case VerdictStatus.Unstable when verdict.Severity == BudgetSeverity.Error:
                        Assert.Fail(UserText.Escape($"{verdict.Location}: unstable: {verdict.Message}"));
                        break;
                    case VerdictStatus.Warning or VerdictStatus.Unstable or VerdictStatus.Skipped:
                        Assert.Warn(UserText.Escape($"{verdict.Location}: {verdict.Status.ToString().ToLowerInvariant()}: {verdict.Message}"));
                        break;
                }
            }

            foreach (var regression in regressions)
            {
                var text = UserText.Escape($"{regression.Location}: {regression.StatusName}: {regression.Message}");
                switch (regression.Status)
                {
                    case RegressionOutcome.Regressed:
                        Assert.Fail(text);
                        break;
                    case RegressionOutcome.Inconclusive when strict:
                        Assert.Fail(text);
                        break;
                    case RegressionOutcome.Inconclusive:
                        Assert.Warn(text);
                        break;
                    case RegressionOutcome.Improved or RegressionOutcome.Skipped or RegressionOutcome.Unchanged or RegressionOutcome.New:
                        TestContext.Out.WriteLine(text);
                        break;
                }
            }
        }
    }
}
