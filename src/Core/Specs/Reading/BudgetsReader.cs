using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Specs.Yaml;
using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Specs.Reading;

/// <summary>Reads a <c>budgets</c> map: indicator name to <c>{ max, min, severity }</c> (plus <c>batch</c> for runtime budgets).</summary>
internal static class BudgetsReader
{
    private const string UnknownIndicatorMessage = "unknown indicator '{0}' ({2} indicators: {3}){1}";
    private const string RuntimeUnderStatic = "'{0}' is a runtime indicator, measured per hardware profile; declare it under 'hardware: PROFILE: budgets:'";
    private const string StaticUnderRuntime = "'{0}' is a static indicator, the same on every machine; declare it under the top-level 'budgets:' or a model's 'budgets:'";
    private const string BenchmarkElsewhere = "'{0}' is an indicator of BenchmarkDotNet results; declare it under 'benchmarks: NAME: budgets:'";

    /// <summary>What to say of an indicator written in another section than its own, by its own section.</summary>
    private static readonly Dictionary<BudgetSection, string> WrongSection = new()
    {
        [BudgetSection.Static] = StaticUnderRuntime,
        [BudgetSection.Runtime] = RuntimeUnderStatic,
        [BudgetSection.Benchmark] = BenchmarkElsewhere,
    };

    private static readonly Dictionary<BudgetSection, string> SectionName = new()
    {
        [BudgetSection.Static] = "static",
        [BudgetSection.Runtime] = "runtime",
        [BudgetSection.Benchmark] = "benchmark",
    };
    private const string NoLimit = "the budget of '{0}' has neither max nor min";
    private const string MinAboveMax = "the budget of '{0}' has min {1} above max {2}";

    private static readonly string[] StaticKeys = { "max", "min", "severity" };
    private static readonly string[] RuntimeKeys = { "max", "min", "severity", "batch" };

    private static readonly Dictionary<string, BudgetSeverity> Severities = new(StringComparer.Ordinal)
    {
        ["error"] = BudgetSeverity.Error,
        ["warning"] = BudgetSeverity.Warning,
    };

    public static IReadOnlyList<Budget> Read(YamlValue value, string where, BudgetSection section, SpecReadContext context)
    {
        var budgets = new List<Budget>();
        if (context.Map(value, where) is not { } map)
        {
            return budgets;
        }

        foreach (var (key, body) in map.Entries)
        {
            if (Indicator(key, section, context) is { } indicator && ReadBudget(indicator, key, body, section, context) is { } budget)
            {
                budgets.Add(budget);
            }
        }

        return budgets;
    }

    private static Indicator? Indicator(YamlScalar key, BudgetSection section, SpecReadContext context)
    {
        if (Find(key.Text, section) is { } own)
        {
            return own;
        }

        var home = Enum.GetValues<BudgetSection>().Where(other => other != section).Cast<BudgetSection?>().FirstOrDefault(other => Find(key.Text, other!.Value) is not null);
        if (home is { } found)
        {
            context.Error(ErrorCodes.IndicatorInWrongSection, SpecReadContext.Text(WrongSection[found], UserText.Quote(key.Text)), key.Location);
            return null;
        }

        var names = Names(section).ToList();
        var suggestion = NameSuggestion.DidYouMean(key.Text, names.Concat(Enum.GetValues<BudgetSection>().Where(s => s != section).SelectMany(Names)));
        context.Error(ErrorCodes.UnknownIndicator,
            SpecReadContext.Text(UnknownIndicatorMessage, UserText.Quote(key.Text), suggestion, SectionName[section], string.Join(", ", names)),
            key.Location);
        return null;
    }

    private static Indicator? Find(string name, BudgetSection section) => section switch
    {
        BudgetSection.Static => IndicatorCatalog.FindStatic(name),
        BudgetSection.Runtime => IndicatorCatalog.FindRuntime(name),
        _ => IndicatorCatalog.FindBenchmark(name),
    };

    private static IEnumerable<string> Names(BudgetSection section) => section switch
    {
        BudgetSection.Static => IndicatorCatalog.StaticNames,
        BudgetSection.Runtime => IndicatorCatalog.RuntimeNames,
        _ => IndicatorCatalog.BenchmarkNames,
    };

    private static Budget? ReadBudget(Indicator indicator, YamlScalar key, YamlValue body, BudgetSection section, SpecReadContext context)
    {
        if (context.Map(body, $"the budget of '{indicator.Name}'") is not { } map)
        {
            return null;
        }

        var unit = IndicatorUnit.Of(indicator.Unit);
        Limit? max = null, min = null;
        var severity = BudgetSeverity.Error;
        Located<int>? batch = null;
        var errors = context.Diagnostics.Count;
        foreach (var (name, value) in map.Entries)
        {
            switch (name.Text)
            {
                case "max":
                    max = ReadLimit(value, $"'{indicator.Name}' max", unit, context);
                    break;
                case "min":
                    min = ReadLimit(value, $"'{indicator.Name}' min", unit, context);
                    break;
                case "severity":
                    severity = context.Choice(value, "severity", Severities) ?? severity;
                    break;
                case "batch" when section == BudgetSection.Runtime:
                    batch = context.PositiveInteger(value, "batch") is { } size ? new Located<int>(size, value.Location) : null;
                    break;
                default:
                    context.UnknownKey(name, $"the budget of '{indicator.Name}'", section == BudgetSection.Runtime ? RuntimeKeys : StaticKeys);
                    break;
            }
        }

        if (context.Diagnostics.Count > errors)
        {
            return null;
        }

        if (max is null && min is null)
        {
            context.Error(ErrorCodes.BudgetWithoutLimit, SpecReadContext.Text(NoLimit, indicator.Name), key.Location);
            return null;
        }

        if (max is not null && min is not null && min.Value > max.Value)
        {
            context.Error(ErrorCodes.BudgetMinAboveMax, SpecReadContext.Text(MinAboveMax, indicator.Name, min.Text, max.Text), min.Location);
            return null;
        }

        return new Budget(indicator, max, min, severity, key.Location) { Batch = batch };
    }

    private static Limit? ReadLimit(YamlValue value, string what, IndicatorUnit unit, SpecReadContext context) =>
        context.Quantity(value, what, unit.Dimension) is { } baseValue
            ? new Limit(baseValue / unit.BaseUnits, ((YamlScalar)value).Text.Trim(), value.Location)
            : null;
}
