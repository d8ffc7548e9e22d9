using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Runtime.Regression;

namespace EfficiencyMisnomer.Runtime.Tests.Regression;

/// <summary>Which stored verdicts are confirmed beside the recorded model, and how the pair's verdicts replace them.</summary>
public sealed class StoredConfirmationTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";
    private static readonly SourceLocation At = new("spec.yaml", 11, 3);

    private static RegressionVerdict Verdict(string indicator, RegressionOutcome status, string message = "model 'm': latency.p50 1 ms vs 0.5 ms: regressed beyond the 10% tolerance") =>
        new("m", indicator, status, 1, 0.5, At, message) { Ratio = 2 };

    [TestCase("latency.p50", RegressionOutcome.Regressed, true)]
    [TestCase("throughput", RegressionOutcome.Improved, true)]
    [TestCase("cold_start", RegressionOutcome.Inconclusive, true)]
    [TestCase("latency.p50", RegressionOutcome.Pass, false)]
    [TestCase("latency.p50", RegressionOutcome.Skipped, false)]
    [TestCase("peak_memory", RegressionOutcome.Regressed, false)]
    [TestCase("gpu_memory", RegressionOutcome.Regressed, false)]
    public void Only_verdicts_that_are_not_a_pass_on_indicators_the_machine_speed_moves_are_confirmed(string indicator, RegressionOutcome status, bool needed) =>
        Assert.That(StoredConfirmation.Needed(Verdict(indicator, status)), Is.EqualTo(needed));

    [Test]
    public void The_pair_replaces_what_it_compared_and_leaves_the_rest()
    {
        var stored = new[]
        {
            Verdict("latency.p50", RegressionOutcome.Regressed),
            Verdict("energy", RegressionOutcome.Regressed),
            Verdict("peak_memory", RegressionOutcome.Regressed),
        };
        var paired = new[]
        {
            Verdict("latency.p50", RegressionOutcome.Pass, "model 'm': latency.p50 within the 10% tolerance"),
            Verdict("energy", RegressionOutcome.Skipped, "not compared against a revision"),
            Verdict("peak_memory", RegressionOutcome.Pass, "model 'm': peak_memory within"),
        };

        var confirmed = StoredConfirmation.Replace(stored, paired, Commit);

        Assert.Multiple(() =>
        {
            Assert.That(confirmed.Select(v => v.Status), Is.EqualTo(new[] { RegressionOutcome.Pass, RegressionOutcome.Regressed, RegressionOutcome.Regressed }));
            Assert.That(confirmed[0].Message, Does.StartWith("model 'm': latency.p50 within").And.Contain("said regressed (+100.0%)").And.Contain("at 01234567"));
            Assert.That(confirmed[1], Is.SameAs(stored[1]), "a pair that skipped an indicator leaves the stored verdict");
            Assert.That(confirmed[2], Is.SameAs(stored[2]), "memory does not move with the machine's speed");
        });
    }

    [Test]
    public void An_unchanged_model_makes_a_regression_inconclusive_with_its_code()
    {
        var stored = new[] { Verdict("latency.p50", RegressionOutcome.Regressed), Verdict("latency.p50", RegressionOutcome.Pass, "within") };

        var judged = StoredConfirmation.ModelUnchanged(stored, Commit);

        Assert.Multiple(() =>
        {
            Assert.That(judged[0].Status, Is.EqualTo(RegressionOutcome.Inconclusive));
            Assert.That(judged[0].Code, Is.EqualTo(ErrorCodes.RegressionInconclusive));
            Assert.That(judged[0].Message, Does.Contain("would be regressed beyond").And.Contain("byte-identical").And.Contain("01234567"));
            Assert.That(judged[1], Is.SameAs(stored[1]));
        });
    }

    [Test]
    public void A_verdict_that_cannot_be_confirmed_keeps_its_status_and_says_why_on_one_line()
    {
        var judged = StoredConfirmation.Unconfirmed(new[] { Verdict("latency.p50", RegressionOutcome.Regressed) }, Commit, "EM4032: a shallow clone.");

        Assert.Multiple(() =>
        {
            Assert.That(judged[0].Status, Is.EqualTo(RegressionOutcome.Regressed));
            Assert.That(judged[0].Code, Is.EqualTo(ErrorCodes.Regressed));
            Assert.That(judged[0].Message, Does.EndWith("at 01234567: EM4032: a shallow clone)"));
        });
    }
}
