using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Tests.Specs;

/// <summary>The <c>regression</c> block's comparison settings: noise floor and strictness, their defaults and their errors.</summary>
public sealed class RegressionSpecTests
{
    private const string Model = "models: { tiny: { path: models/tiny-cnn.onnx } }\n";

    private SpecFolder folder = null!;

    [SetUp]
    public void Create() => folder = new SpecFolder();

    [TearDown]
    public void Delete() => folder.Dispose();

    [Test]
    public void Noise_floor_and_strict_are_read()
    {
        var spec = folder.Load(Model + "regression:\n  baseline: b.json\n  noise_floor: 20 us\n  strict: true\n").Spec!;
        Assert.Multiple(() =>
        {
            Assert.That(spec.Regression!.NoiseFloorMilliseconds, Is.EqualTo(0.02).Within(1e-12));
            Assert.That(spec.Regression.Strict, Is.True);
        });
    }

    [Test]
    public void Defaults_are_a_10_us_floor_and_not_strict()
    {
        var spec = folder.Load(Model + "regression:\n  baseline: b.json\n").Spec!;
        Assert.Multiple(() =>
        {
            Assert.That(spec.Regression!.NoiseFloorMilliseconds, Is.EqualTo(0.01));
            Assert.That(spec.Regression.Strict, Is.False);
            Assert.That(spec.Regression.Tolerance("macs").Value, Is.EqualTo(0.05));
        });
    }

    [Test]
    public void The_schema_knows_the_keys_the_reader_knows()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "schema", "efficiency-spec.schema.json")));
        var keys = schema.RootElement.GetProperty("properties").GetProperty("regression").GetProperty("properties").EnumerateObject().Select(p => p.Name);
        Assert.That(keys, Is.EquivalentTo(new[] { "baseline", "tolerance", "noise_floor", "strict" }));
    }

    [TestCase("  noise_floor: 5%\n", "EM2012", 4, 16, "'noise_floor'")]
    [TestCase("  noise_floor: -1 ms\n", "EM2009", 4, 16, "must not be negative")]
    [TestCase("  strict: yes please\n", "EM2009", 4, 11, "'strict' must be true or false, not 'yes please'")]
    [TestCase("  strickt: true\n", "EM2005", 4, 3, "did you mean 'strict'?")]
    public void Bad_values_are_coded_errors_at_their_position(string line, string code, int row, int column, string text)
    {
        var load = folder.Load(Model + "regression:\n  baseline: b.json\n" + line);
        var error = load.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Multiple(() =>
        {
            Assert.That(load.Spec, Is.Null);
            Assert.That(error.Code, Is.EqualTo(code));
            Assert.That((error.Location!.Line, error.Location.Column), Is.EqualTo((row, column)));
            Assert.That(error.Message, Does.Contain(text));
        });
    }
}
