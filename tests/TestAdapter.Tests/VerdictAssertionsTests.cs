using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Specs;
using NUnit.Framework.Interfaces;

namespace EfficiencyMisnomer.TestAdapter.Tests;

public sealed class VerdictAssertionsTests
{
    private static readonly SourceLocation Where = new("spec.yaml", 9, 20);

    [Test]
    public void An_unstable_verdict_on_an_error_budget_fails_the_test()
    {
        var outcome = IsolatedOutcome.Of(() => VerdictAssertions.AssertAll(Array.Empty<Diagnostic>(), new[] { Verdict(VerdictStatus.Unstable, BudgetSeverity.Error) }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Failed));
            Assert.That(outcome.Message, Is.EqualTo("spec.yaml(9,20): unstable: latency.p99 straddles 5 ms"), "one line, no expected/actual boilerplate");
        }
    }

    [Test]
    public void An_unstable_verdict_on_a_warning_budget_is_a_warning_not_a_pass()
    {
        var outcomes = IsolatedOutcome.All(() => VerdictAssertions.AssertAll(Array.Empty<Diagnostic>(), new[] { Verdict(VerdictStatus.Unstable, BudgetSeverity.Warning) }));

        Assert.That(outcomes.Select(o => o.Status), Is.EqualTo(new[] { AssertionStatus.Warning }));
    }

    [Test]
    public void Every_breach_is_reported_not_just_the_first()
    {
        var outcomes = IsolatedOutcome.All(() => VerdictAssertions.AssertAll(Array.Empty<Diagnostic>(), new[]
        {
            Verdict(VerdictStatus.Fail, BudgetSeverity.Error), Verdict(VerdictStatus.Unstable, BudgetSeverity.Error), Verdict(VerdictStatus.Pass, BudgetSeverity.Error),
        }));

        Assert.That(outcomes.Select(o => o.Status), Is.EqualTo(new[] { AssertionStatus.Failed, AssertionStatus.Failed }));
    }

    [Test]
    public void Passing_verdicts_record_nothing()
    {
        var outcomes = IsolatedOutcome.All(() => VerdictAssertions.AssertAll(Array.Empty<Diagnostic>(), new[] { Verdict(VerdictStatus.Pass, BudgetSeverity.Error) }));

        Assert.That(outcomes, Is.Empty);
    }

    private static BudgetVerdict Verdict(VerdictStatus status, BudgetSeverity severity) =>
        new("latency.p99", 4.9, 5, BudgetBound.Max, status, Where, "latency.p99 straddles 5 ms") { Severity = severity };
}
