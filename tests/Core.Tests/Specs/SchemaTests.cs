using System.Text.Json;
using EfficiencyMisnomer.Indicators;

namespace EfficiencyMisnomer.Tests.Specs;

/// <summary>The editor schema stays in step with the engine: valid JSON, every indicator named, every top-level key known.</summary>
public sealed class SchemaTests
{
    private static readonly Lazy<JsonDocument> Schema = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "schema", "efficiency-spec.schema.json"))));

    [Test]
    public void Is_a_draft_2020_12_schema() =>
        Assert.That(Schema.Value.RootElement.GetProperty("$schema").GetString(), Is.EqualTo("https://json-schema.org/draft/2020-12/schema"));

    [Test]
    public void Static_budgets_name_every_static_indicator() =>
        Assert.That(Names("staticBudgets"), Is.EquivalentTo(StaticIndicators.All.Select(i => i.Name)));

    [Test]
    public void Runtime_budgets_name_every_runtime_indicator() =>
        Assert.That(Names("runtimeBudgets"), Is.EquivalentTo(RuntimeIndicators.All.Select(i => i.Name)));

    [Test]
    public void Top_level_keys_are_those_the_loader_knows() =>
        Assert.That(Schema.Value.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name),
            Is.EquivalentTo(new[] { "name", "models", "bind", "budgets", "optimizer", "hardware", "regression", "disagreement", "benchmarks" }));

    [Test]
    public void Benchmark_budgets_name_every_benchmark_indicator() =>
        Assert.That(Names("benchmarkBudgets"), Is.EquivalentTo(BenchmarkIndicators.All.Select(i => i.Name)));

    private static IEnumerable<string> Names(string definition) =>
        Schema.Value.RootElement.GetProperty("$defs").GetProperty(definition).GetProperty("properties").EnumerateObject().Select(p => p.Name);
}
