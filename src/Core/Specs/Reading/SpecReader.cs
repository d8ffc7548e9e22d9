using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Specs.Yaml;

namespace EfficiencyMisnomer.Specs.Reading;

/// <summary>Reads a spec document's top level and hands each section to its reader.</summary>
internal static class SpecReader
{
    private const string Empty = "the spec is empty; it needs at least 'models' (see docs/spec-reference.md)";
    private const string NoModels = "the spec has no 'models' and no 'benchmarks'; add the models to check, e.g. 'models: { my-model: { path: models/my-model.onnx } }', or BenchmarkDotNet results under 'benchmarks'";

    private static readonly string[] Keys = { "name", "models", "bind", "budgets", "optimizer", "hardware", "regression", "disagreement", "benchmarks" };

    private static readonly Dictionary<string, Optimizer> Optimizers =
        Enum.GetValues<Optimizer>().ToDictionary(o => o.Name(), o => o, StringComparer.Ordinal);

    public static Spec? Read(YamlValue? root, SpecReadContext context)
    {
        var start = new SourceLocation(context.Path, 1, 1);
        if (root is null || root is YamlScalar { IsNull: true } || root is YamlMap { Entries.Count: 0 })
        {
            context.Error(ErrorCodes.SpecEmpty, Empty, start);
            return null;
        }

        if (context.Map(root, "the spec") is not { } map)
        {
            return null;
        }

        var name = new Located<string>(Path.GetFileNameWithoutExtension(context.Path), start);
        IReadOnlyList<ModelEntry>? models = null;
        IReadOnlyList<Binding> bindings = Array.Empty<Binding>();
        IReadOnlyList<Budget> budgets = Array.Empty<Budget>();
        var optimizer = new Located<Optimizer>(Optimizer.Adam, start);
        IReadOnlyList<HardwareProfile> hardware = Array.Empty<HardwareProfile>();
        RegressionPolicy? regression = null;
        var disagreement = new Located<GateMode>(GateMode.Warn, start);
        IReadOnlyList<BenchmarkEntry>? benchmarks = null;
        foreach (var (key, value) in map.Entries)
        {
            switch (key.Text)
            {
                case "name":
                    name = context.Scalar(value, "name") is { } text ? new Located<string>(text, value.Location) : name;
                    break;
                case "models":
                    models = ModelsReader.Read(value, context);
                    break;
                case "bind":
                    bindings = BindingsReader.Read(value, "'bind'", context);
                    break;
                case "budgets":
                    budgets = BudgetsReader.Read(value, "'budgets'", BudgetSection.Static, context);
                    break;
                case "optimizer":
                    optimizer = context.Choice(value, "optimizer", Optimizers) is { } o ? new Located<Optimizer>(o, value.Location) : optimizer;
                    break;
                case "hardware":
                    hardware = HardwareReader.Read(value, context);
                    break;
                case "regression":
                    regression = RegressionReader.Read(key, value, context);
                    break;
                case "disagreement":
                    disagreement = context.Choice(value, "disagreement", GateModes.SpecNames) is { } d ? new Located<GateMode>(d, value.Location) : disagreement;
                    break;
                case "benchmarks":
                    benchmarks = BenchmarksReader.Read(value, context);
                    break;
                default:
                    context.UnknownKey(key, "the spec", Keys);
                    break;
            }
        }

        BenchmarksReader.CheckProfiles(benchmarks ?? Array.Empty<BenchmarkEntry>(), hardware, context);
        if (models is null && benchmarks is null)
        {
            context.Error(ErrorCodes.SpecMissingKey, NoModels, map.Location);
        }

        return context.HasErrors || (models is null && benchmarks is null)
            ? null
            : new Spec(context.Path, name, models ?? Array.Empty<ModelEntry>(), bindings, budgets, optimizer, hardware, regression, disagreement)
            {
                Benchmarks = benchmarks ?? Array.Empty<BenchmarkEntry>(),
            };
    }
}
