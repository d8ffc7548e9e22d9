using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Regression;

namespace EfficiencyMisnomer.Runtime.Tests.Regression;

/// <summary>A regression of one session stands only when a fresh session confirms it.</summary>
public sealed class SessionConfirmationTests
{
    [TestCase(RegressionOutcome.Regressed, true)]
    [TestCase(RegressionOutcome.Inconclusive, true)]
    [TestCase(RegressionOutcome.Pass, false)]
    [TestCase(RegressionOutcome.Improved, false)]
    public void Regressed_and_unstable_verdicts_get_a_second_session(RegressionOutcome first, bool needed) =>
        Assert.That(SessionConfirmation.Needed(first), Is.EqualTo(needed));

    [TestCase(RegressionOutcome.Regressed, RegressionOutcome.Regressed, RegressionOutcome.Regressed)]
    [TestCase(RegressionOutcome.Regressed, RegressionOutcome.Pass, RegressionOutcome.Inconclusive)]
    [TestCase(RegressionOutcome.Regressed, RegressionOutcome.Improved, RegressionOutcome.Inconclusive)]
    [TestCase(RegressionOutcome.Inconclusive, RegressionOutcome.Regressed, RegressionOutcome.Regressed)]
    [TestCase(RegressionOutcome.Inconclusive, RegressionOutcome.Pass, RegressionOutcome.Pass)]
    public void Two_sessions_decide_together(RegressionOutcome first, RegressionOutcome second, RegressionOutcome decided) =>
        Assert.That(SessionConfirmation.Decide(first, second), Is.EqualTo(decided));

    [Test]
    public void A_baseline_records_the_median_session_so_one_slow_session_is_not_it()
    {
        double[] slow = { 1.2, 1.18, 1.22 };
        double[] typical = { 1.0, 1.01, 0.99 };
        double[] fast = { 0.97, 0.98, 0.96 };
        Assert.Multiple(() =>
        {
            Assert.That(SessionConfirmation.MedianSession(new IReadOnlyList<double>[] { slow, typical, fast }), Is.EqualTo(1));
            Assert.That(SessionConfirmation.MedianSession(new IReadOnlyList<double>[] { typical, slow, typical }), Is.Not.EqualTo(1), "the slow one is never the median of three");
            Assert.That(SessionConfirmation.MedianSession(new IReadOnlyList<double>[] { slow, Array.Empty<double>(), typical }), Is.EqualTo(0), "a session without samples counts as slowest");
            Assert.That(SessionConfirmation.MedianSession(new IReadOnlyList<double>[] { typical }), Is.EqualTo(0));
        });
    }

    [Test]
    public void The_gate_turns_an_unconfirmed_regression_into_unstable_and_says_why()
    {
        var location = new SourceLocation("spec.yaml", 9, 3);
        var first = new[]
        {
            new RegressionVerdict("m", "latency.p50", RegressionOutcome.Regressed, 1.2, 1.0, location, "latency.p50 regressed"),
            new RegressionVerdict("m", "latency.p99", RegressionOutcome.Regressed, 1.3, 1.0, location, "latency.p99 regressed"),
        };
        var second = new[]
        {
            new RegressionVerdict("m", "latency.p50", RegressionOutcome.Pass, 1.0, 1.0, location, "latency.p50 within"),
            new RegressionVerdict("m", "latency.p99", RegressionOutcome.Regressed, 1.3, 1.0, location, "latency.p99 regressed again"),
        };

        var decided = RuntimeGate.Confirm(first, second);

        Assert.Multiple(() =>
        {
            Assert.That(decided[0].Status, Is.EqualTo(RegressionOutcome.Inconclusive));
            Assert.That(decided[0].Code, Is.EqualTo(ErrorCodes.RegressionInconclusive));
            Assert.That(decided[0].Message, Is.EqualTo("latency.p50 within" + SessionConfirmation.NotConfirmed));
            Assert.That(decided[1].Status, Is.EqualTo(RegressionOutcome.Regressed));
            Assert.That(decided[1].Code, Is.EqualTo(ErrorCodes.Regressed));
        });
    }
}
