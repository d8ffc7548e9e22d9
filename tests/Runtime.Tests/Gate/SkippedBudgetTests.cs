using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Runtime.Gate;

namespace EfficiencyMisnomer.Runtime.Tests.Gate;

/// <summary>A runtime budget whose indicator could not be read is skipped with a warning whose code says why.</summary>
public sealed class SkippedBudgetTests
{
    [TestCase("energy", "EM3103")]
    [TestCase("co2", "EM3103")]
    [TestCase("gpu_memory", "EM3007")]
    public void A_budget_skipped_for_want_of_a_reading_warns_with_its_own_code(string indicator, string code)
    {
        var verdict = new BudgetVerdict(indicator, double.NaN, 1, BudgetBound.Max, VerdictStatus.Skipped, new SourceLocation("spec.yaml", 9, 20), indicator + " unavailable");

        var diagnostic = RuntimeBudgetEvaluator.Diagnose(verdict)!;

        Assert.That((diagnostic.Code, diagnostic.Severity), Is.EqualTo((code, DiagnosticSeverity.Warning)));
    }
}
