using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Tests.Baselines;

/// <summary>The baseline file: every member survives a round trip, the layout diffs well, and anything else is refused with EM4001.</summary>
public sealed class BaselineJsonTests
{
    internal static Baseline Sample() => new(
        "vit-scaling",
        new[]
        {
            new BaselineModel("vit-w3072", new[] { new BaselineIndicator("params", "parameters", 86_567_656), new BaselineIndicator("macs", "MAC", 17.56e9) }),
            new BaselineModel("vit-d48", new[] { new BaselineIndicator("params", "parameters", 85_000_000), new BaselineIndicator("sparsity", "ratio", null) }),
        },
        new[]
        {
            new BaselineProfile("h200", "7c1e0a9b3f21", "provider cuda, gpu NVIDIA H200", new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero), new[]
            {
                new BaselineMeasurement("vit-d48", 8,
                    new[] { new BaselineIndicator("latency.p50", "ms", 1.25, 1.24, 1.26, 900), new BaselineIndicator("energy", "J", null, Samples: 0) },
                    new[] { 1.251, 1.249, 1.3 }),
            }),
            new BaselineProfile("ci-cpu", "3f2a9c1b7d0e", "provider cpu, cpu AMD EPYC 7763", new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), new[]
            {
                new BaselineMeasurement("vit-d48", 1,
                    new[] { new BaselineIndicator("latency.p50", "ms", 31.5, 31.2, 31.8, 400), new BaselineIndicator("throughput", "samples/s", 31.7, 31.4, double.PositiveInfinity, 400) },
                    new[] { 31.52, 31.48, 0.0001234 }) { OtherCpuShare = 0.02, Reference = new ReferenceSpeed(0.0243, 0.9874), Commit = "0123456789abcdef0123456789abcdef01234567" },
            }),
        });

    [Test]
    public void Round_trip_keeps_every_member()
    {
        var read = BaselineJson.Parse(BaselineJson.Write(Sample()), "b.json");
        var original = Sample();
        Assert.Multiple(() =>
        {
            Assert.That(read.Spec, Is.EqualTo(original.Spec));
            Assert.That(read.Static.Select(m => m.Model), Is.EqualTo(new[] { "vit-d48", "vit-w3072" }), "models in name order");
            foreach (var model in original.Static)
            {
                Assert.That(read.StaticModel(model.Model)!.Indicators, Is.EquivalentTo(model.Indicators));
            }

            Assert.That(read.Profiles.Select(p => p.Profile), Is.EqualTo(new[] { "ci-cpu", "h200" }), "profiles in name order");
            foreach (var profile in original.Profiles)
            {
                var back = read.Entries(profile.Profile).Single();
                Assert.That((back.Fingerprint, back.Machine, back.Recorded), Is.EqualTo((profile.Fingerprint, profile.Machine, profile.Recorded)));
                var measurement = profile.Measurements.Single();
                var backMeasurement = back.Measurement(measurement.Model, measurement.Batch)!;
                Assert.That(backMeasurement.LatencySamples, Is.EqualTo(measurement.LatencySamples));
                Assert.That((backMeasurement.OtherCpuShare, backMeasurement.Reference, backMeasurement.Commit), Is.EqualTo((measurement.OtherCpuShare, measurement.Reference, measurement.Commit)));
                // JSON has no infinity: an unbounded side comes back as null.
                Assert.That(backMeasurement.Indicators,
                    Is.EquivalentTo(measurement.Indicators.Select(i => i with { Upper = i.Upper is { } u && double.IsFinite(u) ? u : null })));
            }

            Assert.That(read.Entries("ci-cpu").Single().Measurement("vit-d48", 1)!.Indicator("throughput")!.Upper, Is.Null, "infinity is written as null");
            Assert.That(BaselineJson.Write(read), Is.EqualTo(BaselineJson.Write(original)), "writing what was read gives the same bytes");
        });
    }

    [Test]
    public void Samples_are_rounded_to_four_digits_on_one_line_and_indicators_one_per_line()
    {
        var baseline = Sample() with { Profiles = new[] { Sample().Profiles[1] with { Measurements = new[] { Sample().Profiles[1].Measurements[0] with { LatencySamples = new[] { 31.5249999, 0.000123456, 1234567.0 } } } } } };
        var text = BaselineJson.Write(baseline);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("\"latency_samples_ms\": [31.52, 0.0001235, 1235000]"));
            Assert.That(text, Does.Contain("\"latency.p50\": { \"value\": 31.5, \"lower\": 31.2, \"upper\": 31.8, \"samples\": 400, \"unit\": \"ms\" }"));
            Assert.That(text, Does.Contain("\"params\": { \"value\": 85000000, \"unit\": \"parameters\" }"));
        });
    }

    [TestCase("", "not a baseline file")]
    [TestCase("{ \"format\": \"efficiency-misnomer/baseline@1\", \"spec\": \"a\", \"static\": {", "not a baseline file")]
    [TestCase("[1, 2, 3]", "not a baseline file")]
    [TestCase("{ \"format\": \"efficiency-misnomer/results@1\" }", "its 'format' is not efficiency-misnomer/baseline@1")]
    [TestCase("{ \"format\": \"efficiency-misnomer/baseline@2\", \"spec\": \"a\" }", "baseline format 'efficiency-misnomer/baseline@2' is not supported")]
    [TestCase("{ \"format\": \"efficiency-misnomer/baseline@1\", \"spec\": \"a\", \"profiles\": [ { \"profile\": \"p\" } ] }", "profile 'p' has no 'fingerprint'")]
    [TestCase("{ \"format\": \"efficiency-misnomer/baseline@1\", \"spec\": \"a\", \"profiles\": [ { \"profile\": \"p\", \"fingerprint\": \"f\", \"measurements\": [ { \"model\": \"m\", \"batch\": 1, \"reference_ms\": { \"compute\": -1, \"memory\": 1 } } ] } ] }", "the reference_ms of model 'm'")]
    [TestCase("{ \"format\": \"efficiency-misnomer/baseline@1\", \"spec\": \"a\", \"profiles\": [ { \"profile\": \"p\", \"fingerprint\": \"f\", \"measurements\": [ { \"model\": \"m\", \"batch\": 1, \"commit\": \"--upload-pack=touch x\" } ] } ] }", "the commit of model 'm'")]
    [TestCase("{ \"format\": \"efficiency-misnomer/baseline@1\", \"spec\": \"a\", \"profiles\": [ { \"profile\": \"p\", \"fingerprint\": \"f\", \"measurements\": [ { \"model\": \"m\", \"batch\": 1, \"commit\": \"main\" } ] } ] }", "not a commit id")]
    [TestCase("{ \"format\": \"efficiency-misnomer/baseline@1\", \"spec\": \"a\", \"profiles\": [ { \"profile\": \"p\", \"fingerprint\": \"f\", \"measurements\": [ { \"model\": \"m\", \"batch\": 1, \"commit\": \"0123456789ABCDEF0123456789ABCDEF01234567\" } ] } ] }", "not a commit id")]
    public void Anything_else_is_refused_with_a_coded_error_naming_the_file(string text, string expected)
    {
        var error = Assert.Throws<EfficiencyException>(() => BaselineJson.Parse(text, "baselines/x.json"))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.BaselineUnreadable));
            Assert.That(error.Message, Does.StartWith("baselines/x.json").And.Contain(expected));
            Assert.That(error.Message, Does.Not.Contain("\n"));
        });
    }
}
