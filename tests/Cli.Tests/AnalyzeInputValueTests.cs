using EfficiencyMisnomer.ModelBuilder;

namespace EfficiencyMisnomer.Cli.Tests;

/// <summary><c>misnomer analyze --value</c>: a declared input value decides an If, as a spec's <c>inputs</c> do.</summary>
public sealed class AnalyzeInputValueTests
{
    private string folder = "";
    private string model = "";

    [SetUp]
    public void WriteModel()
    {
        folder = CliRunner.TempFolder();
        model = Path.Combine(folder, "vad.onnx");
        File.WriteAllBytes(model, SampleRateModels.VoiceActivity().ToBytes());
    }

    [TearDown]
    public void Delete() => Directory.Delete(folder, recursive: true);

    private (int Code, string Stdout, string Stderr) Analyze(params string[] extra) =>
        CliRunner.Run(new[] { "analyze", model, "--bind", "input=1x512", "--bind", "state=2x1x128", "--format", "json" }.Concat(extra).ToArray());

    [Test]
    public void A_declared_sample_rate_costs_the_branch_it_takes_without_warnings()
    {
        var (code, stdout, stderr) = Analyze("--value", "sr=16000");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0), stderr);
            Assert.That(stdout, Does.Contain($"\"macs\": {SampleRateModels.Macs16k}"));
            Assert.That(stderr, Does.Not.Contain("warning"));
        });
    }

    [Test]
    public void Without_it_the_branch_that_cannot_be_typed_is_a_warning_and_with_the_other_rate_an_error()
    {
        var (undeclared, _, warnings) = Analyze();
        var (other, _, error) = Analyze("--value", "sr=8000");
        var (bad, _, parse) = Analyze("--value", "sr=fast");

        Assert.Multiple(() =>
        {
            Assert.That(undeclared, Is.EqualTo(0));
            Assert.That(warnings, Does.Contain("warning EM1210").And.Contain("input(s) 'sr'"));
            Assert.That(other, Is.Not.EqualTo(0));
            Assert.That(error, Does.Contain("error EM1202").And.Contain("Squeeze"));
            Assert.That(bad, Is.Not.EqualTo(0));
            Assert.That(parse, Does.Contain("error EM1201").And.Contain("'fast' is not a number"));
        });
    }
}
