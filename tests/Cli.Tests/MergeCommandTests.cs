using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Cli.Tests;

/// <summary>`misnomer merge`: documents of several machines into one, with coded errors for unreadable or conflicting input.</summary>
public sealed class MergeCommandTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = CliRunner.TempFolder();

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string machine, double paramsValue)
    {
        var document = new EfficiencyResults(
            new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero),
            new[] { new MachineResults(machine, $"fingerprint {machine}", new Dictionary<string, string>()) },
            new[]
            {
                new SpecResults("tiny", "specs/tiny.yaml", "warn", new[]
                {
                    new ModelResults("tiny", "models/tiny.onnx", new Dictionary<string, double>(),
                        new[] { new IndicatorResult("params", "count", paramsValue) },
                        new[]
                        {
                            new RuntimeResults(machine, "ci", 1, "cpu", new Dictionary<string, string>(),
                                new[] { new IndicatorResult("latency.p50", "s", 0.001, 0.00099, 0.00101, 50, true) }, new[] { 0.001 }, Array.Empty<string>()),
                        },
                        Array.Empty<VerdictResult>()),
                }),
            });
        var path = Path.Combine(folder, name);
        ResultsJson.WriteFile(path, document);
        return path;
    }

    [Test]
    public void Merges_two_machines_into_the_output_file()
    {
        var output = Path.Combine(folder, "merged.json");
        var (code, stdout, stderr) = CliRunner.Run("merge", Write("a.json", "cpu-1", 28_000), Write("b.json", "cpu-2", 28_000), "--output", output);

        Assert.That(code, Is.EqualTo(MisnomerCli.Success), stderr);
        Assert.That(stdout, Does.Contain("2 machine(s), 1 spec(s), 1 model(s) from 2 document(s)"));
        var merged = ResultsJson.Read(output);
        Assert.That(merged.Specs.Single().Models.Single().Runtime.Select(r => r.Machine), Is.EqualTo(new[] { "cpu-1", "cpu-2" }));
    }

    [Test]
    public void Conflicting_static_values_exit_one_with_EM4120_and_write_nothing()
    {
        var output = Path.Combine(folder, "merged.json");
        var (code, _, stderr) = CliRunner.Run("merge", Write("a.json", "cpu-1", 28_000), Write("b.json", "cpu-2", 30_000), "-o", output);

        Assert.That(code, Is.EqualTo(MisnomerCli.Failure));
        Assert.That(stderr, Does.Contain("error EM4120: "));
        Assert.That(stderr, Does.Contain("model 'tiny': static params is 30000 here but 28000 in "));
        Assert.That(File.Exists(output), Is.False);
    }

    [Test]
    public void An_unreadable_document_exits_one_with_EM4101()
    {
        var broken = Path.Combine(folder, "broken.json");
        File.WriteAllText(broken, "{ not json");
        var (code, _, stderr) = CliRunner.Run("merge", broken, "--output", Path.Combine(folder, "merged.json"));

        Assert.That(code, Is.EqualTo(MisnomerCli.Failure));
        Assert.That(stderr, Does.Contain("error EM4101: " + broken));
    }

    [Test]
    public void Without_output_it_is_a_usage_error() =>
        Assert.That(CliRunner.Run("merge", Write("a.json", "cpu-1", 28_000)).ExitCode, Is.EqualTo(MisnomerCli.Usage));
}
