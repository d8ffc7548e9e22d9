using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.TestAdapter;

/// <summary>
/// The test of one BenchmarkDotNet case of a spec's <c>benchmarks</c> entry: asserts every budget of the entry on it, and its
/// comparison with the stored baseline or the base checkout where the spec has a <c>regression</c> block.
/// Without a case (the entry's results could not be read when the tests were planned) it is the entry's test, which
/// fails with what the gate says of the entry: results missing, unreadable, or no case selected.
/// </summary>
public sealed class BenchmarkEfficiencyCase : SpecEfficiencyCase
{
    private const string NotJudged = "{0}: benchmark '{1}' case '{2}' is no longer in its results; rebuild the tests";

    public BenchmarkEfficiencyCase(string name, string specPath, string specName, string entry, string? benchmarkCase, EfficiencySettings settings)
        : base(name, specPath, specName, settings)
    {
        Entry = entry;
        Case = benchmarkCase;
    }

    /// <summary>The entry's name under <c>benchmarks</c>.</summary>
    public string Entry { get; }

    /// <summary>BenchmarkDotNet's full name of the case; null for the test of an entry whose cases are unknown.</summary>
    public string? Case { get; }

    public override void Assert() => Guarded(AssertBudgets);

    private void AssertBudgets()
    {
        using var revisions = new Revisions.BaseRevisions { Override = Settings.Against };
        var result = StaticGateRuns.For(SpecPath, compareBaselines: !Settings.UpdateBaseline, revisions, Settings.RunBenchmarks);
        // What the gate says of the entry as a whole (its results, its case pattern) fails each of its tests.
        var entryErrors = result.BenchmarkProblems.Where(p => p.Entry == Entry && p.Diagnostic.Severity == DiagnosticSeverity.Error).Select(p => p.Diagnostic).ToList();
        var judged = result.Benchmarks.Where(b => b.Entry == Entry && (Case is null || b.Case == Case)).ToList();
        if (judged.Count == 0 && entryErrors.Count == 0 && Case is not null)
        {
            NUnit.Framework.Assert.Fail(UserText.Format(NotJudged, UserText.Quote(SpecPath), UserText.Quote(Entry), UserText.Quote(Case)));
            return;
        }

        var document = ResultsBuilder.FromStatic(result, DateTimeOffset.UtcNow);
        document = document with { Specs = document.Specs.Select(s => s.OnlyBenchmark(Entry, Case)).ToList() };
        ResultFiles.Write(Settings, ResultFiles.Name(SpecName, Entry, Case ?? "entry", "benchmark.results.json"), $"results document of {Name}",
            path => ResultsJson.WriteFile(path, document));
        TestContext.Out.Write(GateResultText.Table(result with { Models = Array.Empty<ModelVerdicts>(), Benchmarks = judged }));
        if (Settings.UpdateBaseline && judged.Count > 0)
        {
            BaselineRecording.Record(document);
        }

        // A baseline that cannot be read is an error about the spec as a whole; it fails every test of the spec.
        var baselineErrors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Code == ErrorCodes.BaselineUnreadable);
        var strict = Settings.StrictRegression || result.Specs.FirstOrDefault(s => s.Path == SpecPath)?.Regression?.Strict == true;
        VerdictAssertions.AssertAll(entryErrors.Concat(baselineErrors), judged.SelectMany(b => b.Verdicts), judged.SelectMany(b => b.Regressions), strict);
    }
}
