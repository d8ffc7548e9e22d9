using EfficiencyMisnomer.Cli;
using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Reporting;
using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Specs;
using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Fuzz.Tests.Regressions;

/// <summary>
/// Inputs the fuzz targets found, shrunk, kept as they were found (docs/fuzzing.md, "Findings"): each one broke the
/// hostile-input contract before its fix.
/// </summary>
public sealed class FoundInputTests
{
    private static readonly string Escapes = string.Concat(Enumerable.Repeat("\u001b[2J", 100));

    /// <summary>Finding R1 (spec-generated): a limit that is not a quantity was quoted raw and whole in EM2009.</summary>
    [Test]
    public void A_limit_of_terminal_escapes_is_quoted_escaped_and_cut()
    {
        var spec = $"models: {{ m: {{ path: m.onnx }} }}\nbudgets:\n  activations_all: {{ min: \"{Escapes.Replace("\u001b", "\\e", StringComparison.Ordinal)}\" }}\n";

        var diagnostic = SpecLoader.Parse(spec, "spec.yaml").Diagnostics.Single(d => d.Code == "EM2009");

        Assert.That(Invariants.IndexOfUnsafe(diagnostic.Message, allowNewline: false), Is.EqualTo(-1), diagnostic.Message);
        Assert.That(diagnostic.Message, Does.Contain("\\u001b[2J").And.Contain("more characters"));
        Assert.That(diagnostic.Message, Has.Length.LessThan(1500), "200 characters quoted, each escaped in at most 6");
    }

    /// <summary>Finding R1, the other messages of the quantity parser: an unknown unit and a wrong dimension.</summary>
    [TestCase("5 \u001bparsecs")]
    [TestCase("5 ms\u2028")]
    public void Quantity_errors_quote_the_text_escaped(string text)
    {
        Assert.That(QuantityParser.TryParse(text, Dimension.Count, out _, out var error), Is.False);
        Assert.That(Invariants.IndexOfUnsafe(error, allowNewline: false), Is.EqualTo(-1), error);
    }

    /// <summary>Finding R2 (cli-arguments): a spec path with a NUL character, or an empty one, made 'check' exit 3 (EM9999).</summary>
    [TestCase("a\0b")]
    [TestCase("")]
    public void Check_with_a_path_no_file_can_have_is_a_coded_error(string path)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = MisnomerCli.Run(new[] { "check", path }, stdout, stderr);

        Assert.That(code, Is.EqualTo(MisnomerCli.Failure), stderr.ToString());
        Assert.That(stderr.ToString(), Does.Contain("error EM2001").And.Not.Contain("EM9999"));
    }

    /// <summary>
    /// Finding R3 (results-reader): a lone surrogate in a model's name reached the Markdown report as it was. A results
    /// file cannot hold one (the JSON reader refuses it), but results built in memory from a spec can: a YAML
    /// double-quoted name may write "\ud800".
    /// </summary>
    [Test]
    public void A_lone_surrogate_in_a_name_is_escaped_in_the_Markdown_report()
    {
        var results = Named(ResultsJson.Parse(Document("a", "other"), "r.json"), "\ud800x");

        var markdown = ResultsMarkdown.Render(results);

        Assert.That(Invariants.IndexOfUnsafe(markdown, allowNewline: true), Is.EqualTo(-1));
        Assert.That(markdown, Does.Contain("\\ud800x"));
    }

    /// <summary>Finding R4 (results-reader, results-cli): a name XML cannot hold made the HTML report's plot writer fail (EM9999).</summary>
    [TestCase(0x0001)]
    [TestCase(0xffff)]
    [TestCase(0xdc00)]
    public void A_name_XML_cannot_hold_is_escaped_in_the_HTML_report_s_plots(int character)
    {
        // Built here: an attribute's string argument cannot carry a lone surrogate.
        var name = (char)character + "x";
        var shown = $"\\u{character:x4}x";
        var results = Named(ResultsJson.Parse(Document("a", "other"), "r.json"), name);

        var html = HtmlReport.Render(results);

        Assert.That(html, Does.Contain("<svg").And.Contain(shown));
    }

    /// <summary>
    /// Finding R5 (results-reader): a measured indicator whose interval bound is NaN (results built in memory, as a
    /// measurement of one sample can give) made the report's number formatter throw (EM9999 in a report). A results
    /// file cannot hold NaN (the reader refuses it); the formatter must still render what the engine hands it.
    /// </summary>
    [TestCase(double.NaN, "NaN")]
    [TestCase(double.PositiveInfinity, "∞")]
    [TestCase(double.NegativeInfinity, "-∞")]
    public void A_value_that_is_not_finite_is_formatted_not_thrown_on(double value, string shown)
    {
        Assert.That(QuantityFormat.Compact(value, "count"), Does.StartWith(shown));
        Assert.That(QuantityFormat.Compact(value, "samples/s"), Does.StartWith(shown));
        Assert.That(QuantityFormat.Compact(value, "B"), Does.StartWith(shown));
        Assert.That(QuantityFormat.Si(value), Does.StartWith(shown));
        Assert.That(QuantityFormat.Bytes(value), Does.StartWith(shown));
    }

    /// <summary>Finding R5, as the fuzzer found it: throughput measured with a NaN lower bound, in the Markdown and HTML reports.</summary>
    [Test]
    public void A_report_of_a_measurement_with_a_NaN_bound_renders()
    {
        var parsed = ResultsJson.Parse(Document("a", "b"), "r.json");
        var throughput = new IndicatorResult("throughput", "/s", 128.2, double.NaN, 130);
        var run = new RuntimeResults("m1", "ci-cpu", 1, "cpu", new Dictionary<string, string>(), new[] { throughput }, new[] { 7.8 }, Array.Empty<string>());
        var results = parsed with
        {
            Specs = parsed.Specs.Select(s => s with { Models = s.Models.Select(m => m with { Runtime = new[] { run } }).ToList() }).ToList(),
        };

        Assert.That(ResultsMarkdown.Render(results), Does.Contain("NaN"));
        Assert.That(() => HtmlReport.Render(results), Throws.Nothing);
    }

    /// <summary>The document with its first model renamed, as results built in memory may name it.</summary>
    private static EfficiencyResults Named(EfficiencyResults results, string name) => results with
    {
        Specs = results.Specs.Select(s => s with { Models = s.Models.Select((m, i) => i == 0 ? m with { Name = name } : m).ToList() }).ToList(),
    };

    /// <summary>A results document of one spec with two models, each with a quality value and params, as JSON text.</summary>
    private static string Document(string firstName, string secondName) =>
        $$"""
        {
          "format": "efficiency-misnomer/results@1",
          "created": "2025-01-02T03:04:05+00:00",
          "machines": [],
          "specs": [ { "name": "s", "path": "s.yaml", "disagreement": "warn", "models": [
            { "name": "{{firstName}}", "path": "a.onnx", "quality": { "top1": 0.5 },
              "static": [ { "name": "params", "unit": "count", "value": 1000 },
                          { "name": "macs", "unit": "count", "value": 10 } ], "runtime": [], "verdicts": [] },
            { "name": "{{secondName}}", "path": "b.onnx", "quality": { "top1": 0.7 },
              "static": [ { "name": "params", "unit": "count", "value": 2000 },
                          { "name": "macs", "unit": "count", "value": 20 } ], "runtime": [], "verdicts": [] } ] } ]
        }
        """;

    /// <summary>
    /// Finding R6 (onnx-generated): a symbolic dimension bound to a negative number in bindings built in code reached
    /// <c>Dim.Of</c>, which threw (EM9999); it is the binding error EM1201.
    /// </summary>
    [Test]
    public void A_negative_binding_of_a_symbolic_dimension_is_a_coded_error()
    {
        var builder = new ModelBuilder.ModelBuilder("single");
        builder.Output(builder.Node("Relu", new[] { builder.Input("x", Tensors.ElementType.Float, "batch", 4) }, new[] { "y" }), Tensors.ElementType.Float, "batch", 4);
        var model = Graph.OnnxModel.Load(builder.ToBytes(), "single.onnx");
        var bindings = new Shapes.ShapeBindings(new Dictionary<string, long> { ["batch"] = -2 }, new Dictionary<string, long[]>());

        var error = Assert.Throws<Diagnostics.EfficiencyException>(() => CostModel.StaticAnalyzer.Analyze(model, new CostModel.AnalysisOptions { Bindings = bindings }))!;

        Assert.That((error.Code, error.Message), Is.EqualTo(("EM1201", "symbolic dimension 'batch' of input 'x' is bound to -2; a dimension cannot be negative.")));
    }
}
