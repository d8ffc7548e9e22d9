using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Tests.Results;

public sealed class ResultsJsonTests
{
    private static EfficiencyResults Sample() => new(
        new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero),
        new[] { new MachineResults("3f2a9c1b7d0e", "fingerprint 3f2a9c1b7d0e: provider cpu", new Dictionary<string, string> { ["provider"] = "cpu", ["cpu"] = "Test CPU" }) },
        new[]
        {
            new SpecResults("vit-scaling", "specs/vit.yaml", "warn", new[]
            {
                new ModelResults(
                    "vit-d48",
                    "specs/models/vit-d48.onnx",
                    new Dictionary<string, double> { ["top1"] = 0.781 },
                    new[] { new IndicatorResult("params", "count", 5_717_416), new IndicatorResult("sparsity", "ratio", null, Note: "not asked for") },
                    new[]
                    {
                        new RuntimeResults("3f2a9c1b7d0e", "ci-cpu", 1, "cpu", new Dictionary<string, string> { ["intra_op_threads"] = "2" },
                            new[]
                            {
                                new IndicatorResult("latency.p50", "s", 0.0031, 0.00309, 0.00311, 1500, true),
                                new IndicatorResult("throughput", "/s", 320, 300, double.PositiveInfinity, 1500, true),
                            },
                            new[] { 0.0030, 0.0031, 0.0032 },
                            new[] { "EM3009: output allocated per run" }),
                    },
                    new[] { new VerdictResult("budget", "params", "pass", "model 'vit-d48': params 5.72 M is within max 100 M", "specs/vit.yaml(7,20)", Measured: 5_717_416, Reference: 100e6) }),
            }),
        });

    [Test]
    public void Round_trip_keeps_every_member_and_writes_infinity_as_null()
    {
        var text = ResultsJson.Write(Sample());
        Assert.That(text, Does.Contain("\"format\": \"efficiency-misnomer/results@1\""));
        Assert.That(text, Does.Contain("\"latency_samples\""));
        Assert.That(text, Does.Contain("\"upper\": null"));

        var read = ResultsJson.Parse(text, "results.json");
        var model = read.Specs[0].Models[0];
        Assert.Multiple(() =>
        {
            Assert.That(read.Created, Is.EqualTo(Sample().Created));
            Assert.That(read.Machines[0].Facts["cpu"], Is.EqualTo("Test CPU"));
            Assert.That(read.Spec("vit-scaling")!.Disagreement, Is.EqualTo("warn"));
            Assert.That(model.Quality["top1"], Is.EqualTo(0.781));
            Assert.That(model.StaticIndicator("params")!.Value, Is.EqualTo(5_717_416));
            Assert.That(model.StaticIndicator("sparsity")!.Available, Is.False);
            Assert.That(model.Runtime[0].Indicator("latency.p50")!.Lower, Is.EqualTo(0.00309));
            Assert.That(model.Runtime[0].Indicator("throughput")!.Upper, Is.Null);
            Assert.That(model.Runtime[0].LatencySamples, Is.EqualTo(new[] { 0.0030, 0.0031, 0.0032 }));
            Assert.That(model.Verdicts[0].Reference, Is.EqualTo(100e6));
            Assert.That(model.Verdicts[0].Profile, Is.Null);
        });
    }

    [Test]
    public void Write_file_replaces_atomically_and_leaves_no_temporary_file()
    {
        var folder = Directory.CreateTempSubdirectory("results-");
        try
        {
            var path = Path.Combine(folder.FullName, "results.json");
            File.WriteAllText(path, "old");
            ResultsJson.WriteFile(path, Sample());
            Assert.That(ResultsJson.Read(path).Specs, Has.Count.EqualTo(1));
            Assert.That(Directory.GetFiles(folder.FullName), Has.Length.EqualTo(1));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [TestCase("", TestName = "Empty text")]
    [TestCase("{ \"format\": ", TestName = "Truncated JSON")]
    [TestCase("[1, 2]", TestName = "An array")]
    [TestCase("{ \"specs\": [] }", TestName = "No format member")]
    [TestCase("{ \"format\": \"efficiency-misnomer/results@2\" }", TestName = "Another major version")]
    [TestCase("{ \"format\": \"efficiency-misnomer/results@1\", \"specs\": 5 }", TestName = "Wrong member type")]
    public void Bad_documents_are_coded_errors_naming_the_file(string text)
    {
        var error = Assert.Throws<EfficiencyException>(() => ResultsJson.Parse(text, "run.json"));
        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.ResultsUnreadable));
        Assert.That(error.Message, Does.StartWith("run.json"));
    }

    [Test]
    public void Missing_file_is_a_coded_error()
    {
        var error = Assert.Throws<EfficiencyException>(() => ResultsJson.Read(Path.Combine(Path.GetTempPath(), "no-such-results-" + Guid.NewGuid().ToString("N") + ".json")));
        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.ResultsUnreadable));
    }
}
