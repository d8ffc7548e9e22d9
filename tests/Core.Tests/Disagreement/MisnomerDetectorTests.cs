using EfficiencyMisnomer.Disagreement;
using static EfficiencyMisnomer.Tests.Disagreement.SpecResultsFactory;

namespace EfficiencyMisnomer.Tests.Disagreement;

public sealed class MisnomerDetectorTests
{
    [Test]
    public void Indicators_that_agree_make_no_flip()
    {
        var spec = Spec(
            Model("small", ("params", 1e6), ("macs", 1e8), ("depth", 10)).WithRun(Run(("latency.p50", 0.002, 0.0019, 0.0021))),
            Model("large", ("params", 4e6), ("macs", 4e8), ("depth", 40)).WithRun(Run(("latency.p50", 0.008, 0.0078, 0.0082))));

        var report = MisnomerDetector.Analyze(spec);

        Assert.That(report.Disagrees, Is.False);
        Assert.That(report.Flips, Is.Empty);
        Assert.That(report.Rankings.Select(r => r.Key), Is.EqualTo(new[] { "params", "macs", "depth", "latency.p50 @ ci-cpu b1" }));
        Assert.That(report.Rankings.Select(r => r.Models[0].Model), Is.All.EqualTo("small"));
        Assert.That(report.Correlations.Select(c => c.KendallTau), Is.All.EqualTo(1.0));
    }

    [Test]
    public void A_flip_names_both_models_and_the_indicators_on_each_side()
    {
        var spec = Spec(
            Model("vit-deep", ("params", 95), ("macs", 106), ("depth", 48)).WithRun(Run(("latency.p50", 0.0015, 0.00148, 0.00152))),
            Model("vit-wide", ("params", 100), ("macs", 100), ("depth", 12)).WithRun(Run(("latency.p50", 0.001, 0.00099, 0.00101))));

        var flip = MisnomerDetector.Analyze(spec).Flips.Single();

        Assert.That((flip.First, flip.Second), Is.EqualTo(("vit-deep", "vit-wide")));
        Assert.That(flip.FavourFirst.Select(d => d.Key), Is.EqualTo(new[] { "params" }));
        Assert.That(flip.FavourSecond.Select(d => d.Key), Is.EqualTo(new[] { "depth", "latency.p50 @ ci-cpu b1", "macs" }), "largest ratio first");
        Assert.That(flip.FavourSecond[0].Ratio, Is.EqualTo(4.0));
        Assert.That(flip.FavourFirst[0].Ratio, Is.EqualTo(100.0 / 95).Within(1e-12));
        Assert.That(flip.Sentence, Is.EqualTo("vit-deep has 5% fewer params than vit-wide but is 1.5× slower (latency.p50 @ ci-cpu b1), has 4× more depth and 6% more macs"));
    }

    [Test]
    public void A_sentence_names_one_time_statistic_and_counts_the_others()
    {
        var spec = Spec(
            Model("deep", ("params", 95)).WithRun(Run(("latency.p50", 0.0020, 0.00199, 0.00201), ("latency.p95", 0.0030, 0.00299, 0.00301), ("latency.mean", 0.0021, 0.00209, 0.00211))),
            Model("wide", ("params", 100)).WithRun(Run(("latency.p50", 0.0010, 0.00099, 0.00101), ("latency.p95", 0.0012, 0.00119, 0.00121), ("latency.mean", 0.0011, 0.00109, 0.00111))));

        var flip = MisnomerDetector.Analyze(spec).Flips.Single();

        Assert.That(flip.FavourSecond, Has.Count.EqualTo(2));
        Assert.That(flip.Sentence, Is.EqualTo("deep has 5% fewer params than wide but is 2× slower (latency.p50 @ ci-cpu b1) (and by 1 more indicator)"));
    }

    [Test]
    public void Tail_latencies_are_shown_but_never_order_two_models()
    {
        // A tail on a shared machine is the machine's interruptions: b's p99 is lower here, with narrow intervals, yet no flip.
        var spec = Spec(
            Model("a", ("params", 100)).WithRun(Run(("latency.p50", 0.0010, 0.00099, 0.00101), ("latency.p99", 0.0050, 0.00499, 0.00501))),
            Model("b", ("params", 200)).WithRun(Run(("latency.p50", 0.0020, 0.00199, 0.00201), ("latency.p99", 0.0030, 0.00299, 0.00301))));

        var report = MisnomerDetector.Analyze(spec);

        Assert.That(report.Flips, Is.Empty);
        Assert.That(report.Rankings.Select(r => r.Key), Has.None.StartsWith("latency.p99"));
    }

    [Test]
    public void Static_values_within_one_percent_tie()
    {
        var spec = Spec(Model("a", ("params", 1000), ("macs", 500)), Model("b", ("params", 1005), ("macs", 490)));

        var report = MisnomerDetector.Analyze(spec);

        Assert.That(report.Flips, Is.Empty, "0.5% more params is no order");
        Assert.That(report.Rankings.Single(r => r.Key == "params").Models.Select(m => m.Rank), Is.EqualTo(new[] { 1, 1 }));
        Assert.That(report.Rankings.Single(r => r.Key == "macs").Models.Select(m => m.Rank), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void Measured_values_whose_intervals_overlap_tie_and_make_no_flip()
    {
        var spec = Spec(
            Model("a", ("params", 1e6)).WithRun(Run(("latency.p50", 0.0020, 0.0017, 0.0023))),
            Model("b", ("params", 2e6)).WithRun(Run(("latency.p50", 0.0018, 0.0015, 0.0021))));

        var report = MisnomerDetector.Analyze(spec);

        Assert.That(report.Flips, Is.Empty, "b looks 10% faster, but the intervals overlap");
        var latency = report.Rankings.Single(r => r.Indicator == "latency.p50");
        Assert.That(latency.Models.Select(m => (m.Model, m.Rank)), Is.EqualTo(new[] { ("b", 1), ("a", 1) }));
    }

    [Test]
    public void Measured_values_with_separate_intervals_flip()
    {
        var spec = Spec(
            Model("a", ("params", 1e6)).WithRun(Run(("latency.p50", 0.0020, 0.00195, 0.00205))),
            Model("b", ("params", 2e6)).WithRun(Run(("latency.p50", 0.0018, 0.00175, 0.00185))));

        var flip = MisnomerDetector.Analyze(spec).Flips.Single();

        Assert.That(flip.Sentence, Is.EqualTo("a has 50% fewer params than b but is 1.11× slower (latency.p50 @ ci-cpu b1)"));
    }

    [Test]
    public void Throughput_ranks_higher_as_cheaper()
    {
        var spec = Spec(
            Model("a", ("params", 1e6)).WithRun(Run(("throughput", 300, 290, 310))),
            Model("b", ("params", 2e6)).WithRun(Run(("throughput", 600, 590, 610))));

        var report = MisnomerDetector.Analyze(spec);

        var throughput = report.Rankings.Single(r => r.Indicator == "throughput");
        Assert.That(throughput.Models.Select(m => m.Model), Is.EqualTo(new[] { "b", "a" }), "cheapest first: the faster one");
        var flip = report.Flips.Single();
        Assert.That(flip.FavourSecond.Single().Key, Is.EqualTo("throughput @ ci-cpu b1"));
        Assert.That(flip.FavourSecond.Single().Ratio, Is.EqualTo(2.0));
        Assert.That(flip.Sentence, Is.EqualTo("a has 50% fewer params than b but has 2× lower throughput (throughput @ ci-cpu b1)"));
        Assert.That(report.Correlations.Single().KendallTau, Is.EqualTo(-1.0));
    }

    [Test]
    public void Several_machines_are_keyed_and_ranked_separately()
    {
        var spec = Spec(
            Model("a").WithRun(RunOn("cpu-1", ("latency.p50", 0.001, 0.00099, 0.00101))).WithRun(RunOn("gpu-2", ("latency.p50", 0.004, 0.0039, 0.0041))),
            Model("b").WithRun(RunOn("cpu-1", ("latency.p50", 0.002, 0.0019, 0.0021))).WithRun(RunOn("gpu-2", ("latency.p50", 0.001, 0.00099, 0.00101))));

        var report = MisnomerDetector.Analyze(spec);

        Assert.That(report.Rankings.Select(r => (r.Key, r.Machine)), Is.EqualTo(new[]
        {
            ("latency.p50 @ ci-cpu b1 on cpu-1", "cpu-1"),
            ("latency.p50 @ ci-cpu b1 on gpu-2", "gpu-2"),
        }));
        var flip = report.Flips.Single();
        Assert.That(flip.FavourFirst.Single().Key, Is.EqualTo("latency.p50 @ ci-cpu b1 on cpu-1"));
        Assert.That(flip.FavourSecond.Single().Key, Is.EqualTo("latency.p50 @ ci-cpu b1 on gpu-2"));
        Assert.That(flip.Sentence, Is.EqualTo("a is 2× faster (latency.p50 @ ci-cpu b1 on cpu-1) than b but is 4× slower (latency.p50 @ ci-cpu b1 on gpu-2)"));
    }

    [Test]
    public void Unavailable_and_unranked_indicators_are_left_out()
    {
        var a = Model("a", ("params", 1e6), ("sharing_factor", 1), ("macs_per_step", 10));
        var b = Model("b", ("params", 2e6), ("sharing_factor", 6), ("macs_per_step", 1));
        a = a with { Static = a.Static.Append(new EfficiencyMisnomer.Results.IndicatorResult("macs", "MAC", null, Note: "unknown")).ToList() };
        b = b with { Static = b.Static.Append(new EfficiencyMisnomer.Results.IndicatorResult("macs", "MAC", 1)).ToList() };

        var report = MisnomerDetector.Analyze(Spec(a, b));

        Assert.That(report.Rankings.Select(r => r.Key), Is.EqualTo(new[] { "params" }), "macs has one value: nothing to rank");
        Assert.That(report.Flips, Is.Empty);
    }

    [Test]
    public void Single_observations_never_order_by_default()
    {
        var spec = Spec(
            Model("a", ("params", 1e6)).WithRun(Run(("peak_memory", 10e6, 10e6, 10e6), ("cold_start", 0.050, 0.050, 0.050))),
            Model("b", ("params", 2e6)).WithRun(Run(("peak_memory", 1e6, 1e6, 1e6), ("cold_start", 0.030, 0.030, 0.030))));

        var report = MisnomerDetector.Analyze(spec);

        Assert.That(report.Flips, Is.Empty, "one reading of 10x less memory may be noise");
        Assert.That(report.Rankings.Single(r => r.Indicator == "peak_memory").Models.Select(m => (m.Model, m.Rank)), Is.EqualTo(new[] { ("b", 1), ("a", 1) }));
    }

    [Test]
    public void Single_observations_order_beyond_a_margin_when_asked()
    {
        var spec = Spec(
            Model("a", ("params", 1e6)).WithRun(Run(("peak_memory", 10e6, 10e6, 10e6), ("cold_start", 0.050, 0.050, 0.050))),
            Model("b", ("params", 2e6)).WithRun(Run(("peak_memory", 8.5e6, 8.5e6, 8.5e6), ("cold_start", 0.030, 0.030, 0.030))));

        var flip = MisnomerDetector.Analyze(spec, DisagreementOptions.Default with { SingleObservationMargin = 0.25 }).Flips.Single();

        Assert.That(flip.FavourSecond.Select(d => d.Key), Is.EqualTo(new[] { "cold_start @ ci-cpu b1" }), "15% less peak memory is within the margin, 40% less cold start is not");
    }

    [Test]
    public void A_sentence_names_three_indicators_per_side_and_counts_the_rest()
    {
        var spec = Spec(
            Model("a", ("params", 100), ("macs", 500), ("flops", 1000), ("depth", 50), ("activations", 70), ("memory_access", 90)).WithRun(Run(("cost", 2.0, 1.9, 2.1))),
            Model("b", ("params", 400), ("macs", 100), ("flops", 250), ("depth", 20), ("activations", 50), ("memory_access", 80)).WithRun(Run(("cost", 4.0, 3.9, 4.1))));

        var flip = MisnomerDetector.Analyze(spec).Flips.Single();

        Assert.That(flip.Sentence, Is.EqualTo(
            "a has 4× fewer params and 50% less cost (cost @ ci-cpu b1) than b but 5× more macs, 4× more flops and 2.5× more depth (and by 2 more indicators)"));
        Assert.That(flip.FavourSecond.Select(d => d.Key), Is.EqualTo(new[] { "macs", "flops", "depth", "activations", "memory_access" }));
    }
}
