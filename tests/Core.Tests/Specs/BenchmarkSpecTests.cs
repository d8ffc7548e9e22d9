using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;

namespace EfficiencyMisnomer.Tests.Specs;

/// <summary>The <c>benchmarks</c> section: BenchmarkDotNet results with budgets, alone or beside models, and its errors.</summary>
public sealed class BenchmarkSpecTests
{
    private SpecFolder folder = null!;

    [SetUp]
    public void Create() => folder = new SpecFolder();

    [TearDown]
    public void Delete() => folder.Dispose();

    [Test]
    public void A_spec_of_benchmarks_alone_loads_with_its_results_pattern_cases_and_budgets()
    {
        var spec = folder.Load("benchmarks:\n  text:\n    results: artifacts/results/*-report-full.json\n    cases: \"Text.*\"\n    budgets:\n      mean: { max: 2 us }\n      allocated: { max: 1 KiB, severity: warning }\n      ops_per_s: { min: 1M /s }\n").Spec!;

        var entry = spec.Benchmarks.Single();
        Assert.Multiple(() =>
        {
            Assert.That(spec.Models, Is.Empty);
            Assert.That(entry.Name, Is.EqualTo("text"));
            Assert.That(entry.ResolvedResults, Is.EqualTo(Path.Combine(folder.Path, "artifacts/results/*-report-full.json")));
            Assert.That(entry.Cases!.Value, Is.EqualTo("Text.*"));
            Assert.That(entry.Budgets.Select(b => b.Indicator), Is.EqualTo(new[] { BenchmarkIndicators.Mean, BenchmarkIndicators.Allocated, BenchmarkIndicators.OperationsPerSecond }));
            Assert.That(entry.Budgets[0].Max!.Value, Is.EqualTo(0.002).Within(1e-15), "2 us in ms");
            Assert.That(entry.Budgets[2].Min!.Value, Is.EqualTo(1e6));
        });
    }

    [Test]
    public void Results_that_do_not_exist_yet_are_not_a_spec_error() =>
        Assert.That(folder.Load("benchmarks:\n  text: { results: not/yet/here }\n").Diagnostics, Is.Empty);

    [TestCase("benchmarks:\n  text: { budgets: { mean: { max: 1 ms } } }\n", ErrorCodes.SpecMissingKey, "has no 'results'", TestName = "An entry without results")]
    [TestCase("benchmarks: {}\n", ErrorCodes.SpecMissingKey, "'benchmarks' lists nothing", TestName = "No entry")]
    [TestCase("name: empty\n", ErrorCodes.SpecMissingKey, "no 'models' and no 'benchmarks'", TestName = "Neither models nor benchmarks")]
    [TestCase("benchmarks:\n  text: { results: r, iterations: 5 }\n", ErrorCodes.SpecUnknownKey, "known keys: results, project, arguments, cases, budgets, hardware", TestName = "An unknown key")]
    [TestCase("benchmarks:\n  text: { results: r, budgets: { macs: { max: 1G } } }\n", ErrorCodes.IndicatorInWrongSection, "'macs' is a static indicator", TestName = "A model indicator on a benchmark")]
    [TestCase("budgets: { mean: { max: 1 ms } }\nbenchmarks:\n  text: { results: r }\n", ErrorCodes.IndicatorInWrongSection, "declare it under 'benchmarks: NAME: budgets:'", TestName = "A benchmark indicator on the models")]
    [TestCase("benchmarks:\n  text: { results: r, budgets: { meen: { max: 1 ms } } }\n", ErrorCodes.UnknownIndicator, "did you mean 'mean'", TestName = "A misspelt indicator")]
    [TestCase("benchmarks:\n  text: { results: r, budgets: { mean: { max: 2 KiB } } }\n", ErrorCodes.BudgetWrongUnit, "", TestName = "A time budget in bytes")]
    [TestCase("benchmarks:\n  text: { results: r, budgets: { mean: { max: 1 ms, batch: 4 } } }\n", ErrorCodes.SpecUnknownKey, "", TestName = "A batch on a benchmark budget")]
    [TestCase("benchmarks:\n  text: { results: \"runs/*/results\" }\n", ErrorCodes.SpecInvalidValue, "wildcards may appear in the file name only", TestName = "A wildcard in a folder")]
    [TestCase("benchmarks:\n  text: { results: ../../elsewhere/results }\n", ErrorCodes.PathOutsideRoot, "", TestName = "Results outside the spec's repository")]
    [TestCase("benchmarks:\n  text: { results: [a, b] }\n", ErrorCodes.SpecWrongType, "", TestName = "A list of results")]
    public void A_wrong_benchmark_entry_is_a_coded_error_at_its_key(string yaml, string code, string message)
    {
        var load = folder.Load(yaml);

        Assert.Multiple(() =>
        {
            Assert.That(load.Spec, Is.Null);
            Assert.That(load.Diagnostics.Select(d => d.Code), Does.Contain(code), string.Join(Environment.NewLine, load.Diagnostics));
            Assert.That(load.Diagnostics.Single(d => d.Code == code).Message, Does.Contain(message));
        });
    }
}
