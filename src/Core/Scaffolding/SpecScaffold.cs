using System.Globalization;
using System.Text;
using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Specs.Yaml;
using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Scaffolding;

/// <summary>One model of a spec being scaffolded: where it is, what it was analysed at, and what it measured.</summary>
/// <param name="Name">The model's name in the spec.</param>
/// <param name="Path">The model file relative to the spec's folder, with forward slashes.</param>
/// <param name="Bindings">The symbolic dimensions it was analysed at, each with its size.</param>
/// <param name="Report">Its static analysis at those bindings.</param>
/// <param name="LatencyP50Ms">Its median latency measured on this machine (ms); null when not measured.</param>
public sealed record ScaffoldModel(string Name, string Path, IReadOnlyDictionary<string, long> Bindings, StaticReport Report, double? LatencyP50Ms)
{
    /// <summary>For a decoder with a KV cache, the generation it was analysed at; null otherwise.</summary>
    public Generation? Generation { get; init; }
}

/// <summary>
/// Writes a first spec for models a user already has: every static indicator measured, a budget on each cost with a
/// stated headroom over today's value (so the spec passes at once and fails when a model grows beyond it), the
/// bindings the models were analysed at, a CPU profile with a latency budget from a short measurement, and a
/// regression block. Comments say where each number came from.
/// </summary>
public static class SpecScaffold
{
    /// <summary>The static indicators a scaffold budgets: the costs. The others are listed as comments.</summary>
    public static IReadOnlyList<Indicator> Budgeted { get; } = new[]
    {
        StaticIndicators.Params, StaticIndicators.ModelSize, StaticIndicators.Macs, StaticIndicators.Flops, StaticIndicators.Activations,
        StaticIndicators.MemoryAccess, StaticIndicators.ActivationMemory, StaticIndicators.Depth, StaticIndicators.TrainingMemory,
        StaticIndicators.UnknownOps,
    };

    /// <summary>What a decoder's generation adds to the budgets.</summary>
    public static IReadOnlyList<Indicator> Generated { get; } = new[] { StaticIndicators.MacsPrefill, StaticIndicators.MacsPerToken, StaticIndicators.KvCache };

    /// <summary>The spec's text.</summary>
    /// <param name="name">The spec's name.</param>
    /// <param name="models">The models, in the order given.</param>
    /// <param name="headroom">Static budgets allow this much growth over today's values (0.10 = 10%).</param>
    /// <param name="latencyHeadroom">The latency budget allows this much over the slowest median measured (1.0 = twice it).</param>
    public static string Yaml(string name, IReadOnlyList<ScaffoldModel> models, double headroom, double latencyHeadroom)
    {
        ArgumentNullException.ThrowIfNull(models);
        var yaml = new StringBuilder();
        yaml.Append("# Written by 'misnomer init' from the models as they are today. Every budget below is today's value plus the\n");
        yaml.Append(Line($"# headroom stated beside it: 'misnomer check' passes now and fails when a model outgrows one. Tighten or loosen\n"));
        yaml.Append("# them as your team decides. Every indicator is defined in EfficiencyMisnomer's docs/indicators.md, every key in\n");
        yaml.Append("# docs/spec-reference.md; editors validate this file with its schema/efficiency-spec.schema.json.\n");
        yaml.Append("name: ").Append(Scalar(name)).Append('\n');
        yaml.Append("models:\n");
        foreach (var model in models)
        {
            AppendModel(yaml, model, headroom);
        }

        var optimizer = models.Count > 0 ? models[0].Report.Optimizer.Name() : Optimizer.Adam.Name();
        yaml.Append(Line($"optimizer: {optimizer}  # what training_memory assumes\n"));
        AppendProfile(yaml, models, latencyHeadroom);
        yaml.Append("regression:\n");
        yaml.Append("  baseline: ").Append(Scalar($"baselines/{name}.json")).Append("  # recorded on request: misnomer run SPEC --update-baseline\n");
        yaml.Append("  tolerance: { default: 10%, params: 0% }\n");
        yaml.Append("disagreement: warn  # say when the indicators rank the models in different orders\n");
        return yaml.ToString();
    }

    private static void AppendModel(StringBuilder yaml, ScaffoldModel model, double headroom)
    {
        yaml.Append("  ").Append(Scalar(model.Name)).Append(":\n");
        yaml.Append("    path: ").Append(Scalar(model.Path)).Append('\n');
        if (model.Bindings.Count > 0)
        {
            yaml.Append("    # The symbolic dimensions of its inputs, at the sizes it was analysed at; set the sizes you run at.\n");
            yaml.Append("    bind: { ").Append(string.Join(", ", model.Bindings.Select(b => Line($"{Scalar(b.Key)}: {b.Value}")))).Append(" }\n");
        }

        if (model.Generation is { } generation)
        {
            yaml.Append("    # A decoder with a KV cache: costed and measured per phase, a prompt then tokens generated one at a time\n");
            yaml.Append("    # (set the lengths you serve; prompt + new_tokens must fit the model's position tables).\n");
            yaml.Append(Line($"    generation: {{ prompt: {generation.Prompt}, new_tokens: {generation.NewTokens} }}\n"));
        }

        yaml.Append(Line($"    budgets:  # today's value + {Percent(headroom)}; unknown_ops as it is\n"));
        foreach (var indicator in model.Generation is null ? Budgeted : Budgeted.Concat(Generated))
        {
            var value = model.Report.Indicators.FirstOrDefault(i => i.Name == indicator.Name);
            if (value is null)
            {
                continue;
            }

            var exact = indicator == StaticIndicators.UnknownOps;
            var limit = exact ? Exact(value.Value) : Limit(value.Value, indicator.Unit, headroom);
            var severity = indicator == StaticIndicators.Depth ? ", severity: warning" : "";
            yaml.Append(Line($"      {indicator.Name + ":",-19}{{ max: {limit}{severity} }}  # today {QuantityFormat.Compact(value.Value, indicator.Unit, 3)}\n"));
        }

        var others = model.Report.Indicators.Where(i => !Budgeted.Concat(Generated).Any(b => b.Name == i.Name)).ToList();
        if (others.Count > 0)
        {
            yaml.Append("    # Also measured, not budgeted: ")
                .Append(string.Join(", ", others.Select(i => $"{i.Name} {QuantityFormat.Compact(i.Value, i.Unit, 3)}")))
                .Append('\n');
        }
    }

    private static void AppendProfile(StringBuilder yaml, IReadOnlyList<ScaffoldModel> models, double latencyHeadroom)
    {
        var measured = models.Where(m => m.LatencyP50Ms is not null).ToList();
        yaml.Append("hardware:\n");
        yaml.Append("  cpu:\n");
        yaml.Append("    match: { provider: cpu }  # any CPU machine; narrow it with cpu: \"*EPYC*\" (misnomer hardware prints this machine's)\n");
        yaml.Append("    threads: 1  # one intra-op thread measures most steadily on a shared runner\n");
        if (measured.Count == 0)
        {
            yaml.Append("    budgets: {}  # e.g. latency.p50: { max: 10 ms, batch: 1 }\n");
            return;
        }

        var slowest = measured.Max(m => m.LatencyP50Ms!.Value);
        var today = string.Join(", ", measured.Select(m => $"{m.Name} {QuantityFormat.Compact(m.LatencyP50Ms!.Value, "ms", 3)}"));
        yaml.Append("    budgets:\n");
        yaml.Append(Line($"      # The slowest median measured here + {Percent(latencyHeadroom)}, for other runners and their load (today: {today}).\n"));
        yaml.Append(Line($"      latency.p50: {{ max: {Limit(slowest, "ms", latencyHeadroom)}, batch: 1 }}\n"));
    }

    /// <summary>
    /// <paramref name="value"/> grown by <paramref name="headroom"/>, written compactly in <paramref name="unit"/> and never
    /// below the value itself once read back: a count under a thousand rounds up to a whole number.
    /// </summary>
    public static string Limit(double value, string unit, double headroom)
    {
        var limit = value * (1 + headroom);
        var dimension = IndicatorUnit.Of(unit).Dimension;
        if (dimension == Dimension.Count && limit < 1000)
        {
            return Exact(Math.Ceiling(limit));
        }

        for (var digits = 2; digits <= 6; digits++)
        {
            var text = QuantityFormat.Compact(limit, unit, digits);
            if (QuantityParser.TryParse(text, dimension, out var read, out _) && read / IndicatorUnit.Of(unit).BaseUnits >= value)
            {
                return text;
            }
        }

        return Exact(Math.Ceiling(limit));
    }

    private static string Exact(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Percent(double share) => RegressionText.Percent(share);

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Scalar(string text) => YamlText.Scalar(text);
}
