using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Runtime.Tests.Disagreement;

/// <summary>A spec's results as the detector reads them, made from what the runtime gate returns (static reports and measured cases).</summary>
internal static class CaseStudyResults
{
    public const string Machine = "this-machine";

    public static SpecResults From(string specPath, RuntimeGateResult gate)
    {
        var spec = SpecLoader.Load(specPath).Spec ?? throw new InvalidOperationException($"{specPath} does not load");
        var models = spec.Models.Select(model =>
        {
            var report = gate.Static!.Models.Single(m => m.ModelName == model.Name).Report!;
            var statics = report.Indicators.Select(i => new IndicatorResult(i.Name, i.Unit, i.Value)).ToList();
            var runs = gate.Cases.Where(c => c.ModelName == model.Name).Select(c => new RuntimeResults(
                Machine,
                c.Report.Profile,
                c.Report.Batch,
                c.Report.Provider.Provider,
                new Dictionary<string, string>(),
                c.Report.Indicators.Select(i => new IndicatorResult(i.Name, i.Indicator.Unit, i.Value, i.Lower, i.Upper, i.Samples, i.Stable, i.Note)).ToList(),
                Array.Empty<double>(),
                Array.Empty<string>())).ToList();
            return new ModelResults(model.Name, model.ResolvedPath, model.Quality.ToDictionary(q => q.Name, q => q.Value), statics, runs, Array.Empty<VerdictResult>());
        }).ToList();
        return new SpecResults(spec.Name.Value, specPath, "warn", models);
    }
}
