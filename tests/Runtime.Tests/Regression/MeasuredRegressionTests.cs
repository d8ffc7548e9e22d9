using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Diagnostics;
using static EfficiencyMisnomer.Runtime.Tests.Regression.SyntheticLatencies;

namespace EfficiencyMisnomer.Runtime.Tests.Regression;

public sealed class MeasuredRegressionTests
{
    private static readonly RegressionThresholds FivePercent = new(0.05, 0);

    [Test]
    public void Identical_distributions_pass()
    {
        var result = MeasuredRegression.Compare(Run(1, 2000), Run(2, 2000), FivePercent);

        Assert.That(result.Status, Is.EqualTo(RegressionOutcome.Pass), result.Explanation);
        Assert.That(result.Ratio, Is.InRange(result.RatioLower, result.RatioUpper));
    }

    [Test]
    public void Ten_percent_slower_regresses_at_five_percent_tolerance()
    {
        var result = MeasuredRegression.Compare(Run(3, 2000), Scaled(Run(4, 2000), 1.10), FivePercent);

        Assert.That(result.Status, Is.EqualTo(RegressionOutcome.Regressed), result.Explanation);
        Assert.That(result.RatioLower, Is.GreaterThan(1.05));
        Assert.That(result.Explanation, Does.Match(@"^latency\.p50 [\d.]+ ms vs baseline [\d.]+ ms \(\+\d+\.\d%, 99% interval \+[\d.]+% to \+[\d.]+%\), over the 5% tolerance$"));
    }

    [Test]
    public void Ten_percent_faster_improves()
    {
        var result = MeasuredRegression.Compare(Run(5, 2000), Scaled(Run(6, 2000), 0.90), FivePercent);

        Assert.That(result.Status, Is.EqualTo(RegressionOutcome.Improved), result.Explanation);
        Assert.That(result.RatioUpper, Is.LessThan(1 / 1.05));
    }

    [Test]
    public void Three_percent_slower_passes_at_five_percent_tolerance()
    {
        var result = MeasuredRegression.Compare(Run(7, 2000, runSpread: 0), Scaled(Run(8, 2000, runSpread: 0), 1.03), FivePercent);

        Assert.That(result.Status, Is.EqualTo(RegressionOutcome.Pass), result.Explanation);
        Assert.That(result.Ratio, Is.EqualTo(1.03).Within(0.01));
        Assert.That(result.Explanation, Does.EndWith("within the 5% tolerance"));
    }

    [Test]
    public void Few_noisy_samples_straddling_the_tolerance_are_unstable()
    {
        var result = MeasuredRegression.Compare(Run(9, 30, sigma: 0.3), Scaled(Run(10, 30, sigma: 0.3), 1.05), FivePercent);

        Assert.That(result.Status, Is.EqualTo(RegressionOutcome.Inconclusive), result.Explanation);
        Assert.That(result.RatioLower, Is.LessThan(1.05));
        Assert.That(result.RatioUpper, Is.GreaterThan(1.05));
        Assert.That(result.Explanation, Does.Contain("too noisy to decide"));
    }

    [Test]
    public void A_large_change_measured_too_noisily_to_judge_the_tolerance_is_unstable()
    {
        var result = MeasuredRegression.Compare(Run(17, 60, sigma: 0.4), Scaled(Run(18, 60, sigma: 0.4), 2), FivePercent);

        Assert.That(result.RatioLower, Is.GreaterThan(1.05));
        Assert.That(result.Status, Is.EqualTo(RegressionOutcome.Inconclusive), result.Explanation);
        Assert.That(result.Explanation, Does.Contain("wider than the 5% tolerance allows"));
    }

    [Test]
    public void Fewer_samples_than_the_median_needs_are_unstable()
    {
        var result = MeasuredRegression.Compare(Run(11, 100), Scaled(Run(12, 1), 2), FivePercent);

        Assert.That(result.Status, Is.EqualTo(RegressionOutcome.Inconclusive), result.Explanation);
        Assert.That(result.Explanation, Does.Contain("too few samples"));
    }

    [Test]
    public void Samples_and_noise_floor_are_milliseconds_as_results_and_baselines_store_them()
    {
        var baseline = Run(21, 2000, median: 2.0, runSpread: 0);
        var current = Scaled(Run(22, 2000, median: 2.0, runSpread: 0), 1.10);

        var result = MeasuredRegression.Compare(baseline, current, RegressionThresholds.Default);

        Assert.That(result.Status, Is.EqualTo(RegressionOutcome.Regressed), result.Explanation);
        Assert.That(result.Explanation, Does.Match(@"^latency\.p50 2\.\d+ ms vs baseline [12](\.\d+)? ms \(\+"));
    }

    [Test]
    public void A_change_smaller_than_the_noise_floor_passes()
    {
        var baseline = Run(13, 2000, median: 1e-3, runSpread: 0);
        var current = Scaled(Run(14, 2000, median: 1e-3, runSpread: 0), 1.20);

        var floored = MeasuredRegression.Compare(baseline, current, new RegressionThresholds(0.05, 2e-3));
        var unfloored = MeasuredRegression.Compare(baseline, current, FivePercent);

        Assert.That(floored.Status, Is.EqualTo(RegressionOutcome.Pass), floored.Explanation);
        Assert.That(floored.Explanation, Does.EndWith("within the 2 us noise floor"));
        Assert.That(floored.DecidedByNoiseFloor, Is.True, "the floor, wider than the tolerance here, was the limit");
        Assert.That(unfloored.Status, Is.EqualTo(RegressionOutcome.Regressed), unfloored.Explanation);
        Assert.That(unfloored.DecidedByNoiseFloor, Is.False);
    }

    [TestCase(1.00)]
    [TestCase(1.03)]
    [TestCase(1.10)]
    [TestCase(0.90)]
    public void Quantile_summaries_give_the_verdicts_of_the_raw_samples(double factor)
    {
        var baseline = Run(15, 50_000, runSpread: 0);
        var current = Scaled(Run(16, 50_000, runSpread: 0), factor);

        var raw = MeasuredRegression.Compare(baseline, current, FivePercent);
        var stored = MeasuredRegression.Compare(LatencySummary.Of(baseline), current, FivePercent);
        var bothStored = MeasuredRegression.Compare(LatencySummary.Of(baseline), LatencySummary.Of(current), FivePercent);

        Assert.That(LatencySummary.Of(baseline), Has.Count.EqualTo(2000));
        Assert.That(stored.Status, Is.EqualTo(raw.Status), stored.Explanation);
        Assert.That(bothStored.Status, Is.EqualTo(raw.Status), bothStored.Explanation);
        Assert.That(bothStored.Ratio, Is.EqualTo(raw.Ratio).Within(1e-9));
        Assert.That(raw.Ratio, Is.EqualTo(factor).Within(0.01));
    }

    [Test]
    public void Identical_distributions_raise_at_most_one_false_alarm_in_a_hundred_seeds()
    {
        const int Seeds = 1000;
        var counts = new Dictionary<RegressionOutcome, int>();
        for (int seed = 0; seed < Seeds; seed++)
        {
            var status = MeasuredRegression.Compare(Run(100_000 + seed, 500), Run(200_000 + seed, 500), FivePercent).Status;
            counts[status] = counts.GetValueOrDefault(status) + 1;
        }

        TestContext.Out.WriteLine(string.Join(", ", counts.Select(p => $"{p.Key} {p.Value}")));
        Assert.That(counts.GetValueOrDefault(RegressionOutcome.Regressed), Is.LessThanOrEqualTo(Seeds / 100));
        Assert.That(counts.GetValueOrDefault(RegressionOutcome.Improved), Is.LessThanOrEqualTo(Seeds / 100));
    }

    [Test]
    public void A_ten_percent_slowdown_is_caught_in_at_least_ninety_five_seeds_in_a_hundred()
    {
        const int Seeds = 200;
        int regressed = 0;
        for (int seed = 0; seed < Seeds; seed++)
        {
            var result = MeasuredRegression.Compare(Run(300_000 + seed, 500), Scaled(Run(400_000 + seed, 500), 1.10), FivePercent);
            regressed += result.Status == RegressionOutcome.Regressed ? 1 : 0;
        }

        Assert.That(regressed, Is.GreaterThanOrEqualTo(Seeds * 95 / 100));
    }

    private static IEnumerable<TestCaseData> BadInputs()
    {
        double[] good = { 1e-3, 2e-3, 3e-3 };
        yield return Case(Array.Empty<double>(), good, FivePercent, ErrorCodes.RegressionSamplesInvalid, "empty baseline");
        yield return Case(good, Array.Empty<double>(), FivePercent, ErrorCodes.RegressionSamplesInvalid, "empty current");
        yield return Case(new[] { 1e-3, double.NaN }, good, FivePercent, ErrorCodes.RegressionSamplesInvalid, "NaN");
        yield return Case(good, new[] { 1e-3, 0 }, FivePercent, ErrorCodes.RegressionSamplesInvalid, "zero");
        yield return Case(good, new[] { -1e-3 }, FivePercent, ErrorCodes.RegressionSamplesInvalid, "negative");
        yield return Case(good, new[] { double.PositiveInfinity }, FivePercent, ErrorCodes.RegressionSamplesInvalid, "infinite");
        yield return Case(good, good, new RegressionThresholds(1, 0), ErrorCodes.RegressionThresholdsInvalid, "tolerance 1");
        yield return Case(good, good, new RegressionThresholds(-0.01, 0), ErrorCodes.RegressionThresholdsInvalid, "negative tolerance");
        yield return Case(good, good, new RegressionThresholds(double.NaN, 0), ErrorCodes.RegressionThresholdsInvalid, "NaN tolerance");
        yield return Case(good, good, new RegressionThresholds(0.05, -1e-6), ErrorCodes.RegressionThresholdsInvalid, "negative floor");
        yield return Case(good, good, new RegressionThresholds(0.05, 0, 1), ErrorCodes.RegressionThresholdsInvalid, "confidence 1");
        yield return Case(good, good, new RegressionThresholds(0.05, 0, 0), ErrorCodes.RegressionThresholdsInvalid, "confidence 0");

        static TestCaseData Case(double[] baseline, double[] current, RegressionThresholds thresholds, string code, string name) =>
            new TestCaseData(baseline, current, thresholds, code).SetName("Bad_input_is_refused_with_its_code: " + name);
    }

    [TestCaseSource(nameof(BadInputs))]
    public void Bad_input_is_refused_with_its_code(double[] baseline, double[] current, RegressionThresholds thresholds, string code)
    {
        var error = Assert.Throws<EfficiencyException>(() => MeasuredRegression.Compare(baseline, current, thresholds))!;

        Assert.That(error.Code, Is.EqualTo(code));
    }
}
