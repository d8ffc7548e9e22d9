using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Files;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.TestAdapter;

/// <summary>The static test of one model: analyses its graph and asserts every static budget of the spec.</summary>
public sealed class StaticEfficiencyCase : SpecEfficiencyCase
{
    private static readonly System.Text.CompositeFormat NotInSpec = System.Text.CompositeFormat.Parse("{0}: model '{1}' is no longer in the spec; rebuild the tests");

    public StaticEfficiencyCase(string name, string specPath, string specName, string modelName, EfficiencySettings settings)
        : base(name, specPath, specName, settings) => ModelName = modelName;

    public string ModelName { get; }

    public override void Assert() => Guarded(AssertBudgets);

    private void AssertBudgets()
    {
        using var revisions = new Revisions.BaseRevisions { Override = Settings.Against };
        var result = StaticGateRuns.For(SpecPath, compareBaselines: !Settings.UpdateBaseline, revisions);
        var model = result.Models.FirstOrDefault(m => m.ModelName == ModelName);
        if (model is null)
        {
            var problems = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).DefaultIfEmpty(UserText.Format(NotInSpec, UserText.Quote(SpecPath), UserText.Quote(ModelName)));
            NUnit.Framework.Assert.Fail(string.Join(Environment.NewLine, problems));
            return;
        }

        if (model.Report is { } report)
        {
            ResultFiles.Write(Settings, ResultFiles.Name(SpecName, ModelName, "static.json"), $"static indicators of {Name}",
                path => OutputFile.WriteAllText(path, FileRole.Results, StaticReportJson.Write(report)));
            TestContext.Out.WriteLine(StaticReportText.Table(report));
        }

        if (result.Specs is [var spec, ..])
        {
            var document = ResultsBuilder.FromStatic(result, DateTimeOffset.UtcNow);
            document = document with { Specs = document.Specs.Select(s => s.Only(ModelName)).ToList() };
            ResultFiles.Write(Settings, ResultFiles.Name(spec.Name.Value, ModelName, "static.results.json"), $"results document of {Name}",
                path => ResultsJson.WriteFile(path, document));
            if (Settings.UpdateBaseline && model.Report is not null)
            {
                BaselineRecording.Record(document);
            }
        }

        TestContext.Out.Write(GateResultText.Table(result with { Models = new[] { model }, Benchmarks = Array.Empty<BenchmarkVerdicts>() }));
        // Breaches come through the verdicts; what else is an error about this model (it cannot be analysed,
        // its graph is broken) sits at the model's entry in the spec or in its own report.
        var entry = SpecLoader.Load(SpecPath).Spec?.Models.FirstOrDefault(m => m.Name == ModelName);
        var errors = result.Diagnostics.Where(d => d.Code == ErrorCodes.ModelNotAnalysable && d.Location == entry?.Location)
            .Concat(model.Report?.Diagnostics ?? Array.Empty<Diagnostic>())
            .Where(d => d.Severity == DiagnosticSeverity.Error);
        // A baseline or base revision that cannot be read is an error about the spec as a whole; it fails every test of the spec.
        var baselineErrors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && (d.Code is ErrorCodes.BaselineUnreadable
            || d.Code.StartsWith("EM403", StringComparison.Ordinal)));
        VerdictAssertions.AssertAll(errors.Concat(baselineErrors), model.Verdicts, model.Regressions, strict: false);
    }
}
