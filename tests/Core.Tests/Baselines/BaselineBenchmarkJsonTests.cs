using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Tests.Baselines;

/// <summary>BenchmarkDotNet cases in the baseline file: they survive a round trip and a merge, and a hostile entry is EM4001.</summary>
public sealed class BaselineBenchmarkJsonTests
{
    private static readonly DateTimeOffset Recorded = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    private static BaselineBenchmark Case(string name, string host, params double[] samples) =>
        new("text", name, host, $"host {host}: cpu \"AMD EPYC\" (1 physical, 2 logical cores), arch X64", Recorded,
            new[] { new BaselineIndicator("mean", "ms", samples.Average()), new BaselineIndicator("allocated", "bytes", 312) }, samples);

    [Test]
    public void Benchmark_cases_survive_a_round_trip_in_entry_case_and_host_order()
    {
        var baseline = Baseline.Empty("text-benchmarks") with
        {
            Benchmarks = new[] { Case("Text.Sum", "bbbbbbbbbbbb", 1.2e-4, 1.3e-4), Case("Text.Join", "aaaaaaaaaaaa", 1.6819e-4, 1.70e-4) },
        };

        var read = BaselineJson.Parse(BaselineJson.Write(baseline), "b.json");

        Assert.Multiple(() =>
        {
            Assert.That(read.Benchmarks.Select(b => b.Case), Is.EqualTo(new[] { "Text.Join", "Text.Sum" }));
            var join = read.BenchmarkEntries("text", "Text.Join").Single();
            Assert.That((join.Host, join.Machine, join.Recorded), Is.EqualTo(("aaaaaaaaaaaa", baseline.Benchmarks[1].Machine, Recorded)));
            Assert.That(join.Samples, Is.EqualTo(new[] { 1.682e-4, 1.70e-4 }), "four significant digits, as latency samples");
            Assert.That(join.Indicator("allocated")!.Value, Is.EqualTo(312));
        });
    }

    [Test]
    public void A_baseline_without_benchmarks_is_written_as_before() =>
        Assert.That(BaselineJson.Write(BaselineJsonTests.Sample()), Does.Not.Contain("benchmarks"));

    [Test]
    public void Merging_replaces_only_the_cases_recorded_on_the_same_host()
    {
        var old = Baseline.Empty("s") with { Benchmarks = new[] { Case("A", "host1", 1), Case("A", "host2", 2), Case("B", "host1", 3) } };
        var recorded = Baseline.Empty("s") with { Benchmarks = new[] { Case("A", "host1", 9) } };

        var merged = BaselineMerge.Merge(old, recorded);

        Assert.That(merged.Benchmarks.Select(b => (b.Case, b.Host, b.Samples[0])),
            Is.EquivalentTo(new[] { ("A", "host1", 9.0), ("A", "host2", 2.0), ("B", "host1", 3.0) }));
    }

    [TestCase("""{ "entry": "text", "case": "Text.Join", "samples_ms": [1] }""", "has no 'host'")]
    [TestCase("""{ "case": "Text.Join", "host": "h" }""", "has no 'entry'")]
    [TestCase("""{ "entry": "text", "case": "Text.Join", "host": "h", "samples_ms": [0.001, -1] }""", "sample 1 of benchmark 'text' case 'Text.Join' is -1")]
    [TestCase("""{ "entry": "text", "case": "Text.Join", "host": "h", "samples_ms": [0] }""", "not a positive time")]
    [TestCase("""{ "entry": "text", "case": "Text.Join", "host": "h", "samples_ms": "fast" }""", "")]
    [TestCase("""null""", "an entry of 'benchmarks' is null")]
    public void A_hostile_benchmark_entry_is_refused_with_EM4001(string entry, string expected)
    {
        var text = $$"""{ "format": "{{Baseline.Format}}", "spec": "s", "static": {}, "profiles": [], "benchmarks": [ {{entry}} ] }""";

        var refused = Assert.Throws<EfficiencyException>(() => BaselineJson.Parse(text, "b.json"))!;

        Assert.Multiple(() =>
        {
            Assert.That(refused.Code, Is.EqualTo(ErrorCodes.BaselineUnreadable));
            Assert.That(refused.Message, Does.Contain(expected));
        });
    }
}
