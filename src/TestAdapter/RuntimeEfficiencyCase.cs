using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Runtime.Exporters;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.TestAdapter;

/// <summary>
/// The runtime test of one model on one hardware profile: measures it at each batch the profile's budgets name
/// and asserts all of that profile's budgets together.
/// </summary>
public sealed class RuntimeEfficiencyCase : SpecEfficiencyCase
{
    private static readonly System.Text.CompositeFormat NotInSpec = System.Text.CompositeFormat.Parse("{0}: model '{1}' or hardware profile '{2}' is no longer in the spec; rebuild the tests");

    public RuntimeEfficiencyCase(string name, string specPath, string specName, string modelName, string profileName, EfficiencySettings settings)
        : base(name, specPath, specName, settings)
    {
        ModelName = modelName;
        ProfileName = profileName;
    }

    public string ModelName { get; }

    public string ProfileName { get; }

    public override void Assert() => Guarded(AssertBudgets);

    private void AssertBudgets()
    {
        var load = SpecLoader.Load(SpecPath);
        var model = load.Spec?.Models.FirstOrDefault(m => m.Name == ModelName);
        var profile = load.Spec?.Hardware.FirstOrDefault(p => p.Name == ProfileName);
        if (load.Spec is not { } spec || model is null || profile is null)
        {
            var problems = load.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString())
                .DefaultIfEmpty(UserText.Format(NotInSpec, SpecPath, ModelName, ProfileName));
            NUnit.Framework.Assert.Fail(string.Join(Environment.NewLine, problems));
            return;
        }

        var options = new RuntimeGateOptions
        {
            Provider = Settings.EffectiveProvider,
            Measurement = Settings.TimeCap is { } cap ? MeasurementOptions.Default with { TimeCap = cap } : MeasurementOptions.Default,
            Progress = line => TestContext.Progress.WriteLine(line),
            CompareBaselines = !Settings.UpdateBaseline,
            StrictRegression = Settings.StrictRegression,
            Against = Settings.Against,
        };
        var result = RuntimeGate.Measure(spec, model, profile, options);
        if (result.Cases.Count == 0 && result.Diagnostics.FirstOrDefault(d => d.Code == ErrorCodes.ModelUnchanged) is { } unchanged)
        {
            // Byte-identical at the base revision: nothing changed that a measurement could judge.
            NUnit.Framework.Assert.Pass(unchanged.ToString());
        }

        if (result.Cases.Count > 0)
        {
            var document = result.Results;
            ResultFiles.Write(Settings, ResultFiles.Name(SpecName, ModelName, ProfileName, "runtime.results.json"), $"runtime indicators of {Name}",
                path => ResultsJson.WriteFile(path, document));
            if (Settings.UpdateBaseline)
            {
                BaselineRecording.Record(document);
            }
        }

        foreach (var measured in result.Cases)
        {
            TestContext.Out.WriteLine(RuntimeReportText.Case(measured));
        }

        // Breaches come through the verdicts; a provider that cannot run or a session that fails is an error here.
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error
            && d.Code is not (ErrorCodes.BudgetExceeded or ErrorCodes.Regressed or ErrorCodes.RegressionInconclusive));
        VerdictAssertions.AssertAll(errors, result.Cases.SelectMany(c => c.Verdicts), result.Cases.SelectMany(c => c.Regressions),
            Settings.StrictRegression || spec.Regression?.Strict == true);
    }
}
