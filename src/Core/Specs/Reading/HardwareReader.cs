using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Specs.Yaml;
using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Specs.Reading;

/// <summary>Reads <c>hardware</c>: profile name to <c>{ match, price_per_hour, grid_intensity, threads, budgets }</c>.</summary>
internal static class HardwareReader
{
    private const string UnknownProvider = "provider '{0}' is not one of {1}{2}";

    private static readonly string[] Keys = { "match", "price_per_hour", "grid_intensity", "threads", "budgets" };
    private static readonly string[] MatchKeys = { "provider", "cpu", "gpu", "os", "arch", "host" };
    private static readonly string[] Providers = { "cpu", "cuda" };

    public static IReadOnlyList<HardwareProfile> Read(YamlValue value, SpecReadContext context) =>
        context.Entries(value, "'hardware'", "hardware profile", null, (key, fields) => ReadProfile(key, fields, context));

    private static HardwareProfile ReadProfile(YamlScalar key, YamlMap fields, SpecReadContext context)
    {
        IReadOnlyDictionary<string, Located<string>> match = new Dictionary<string, Located<string>>();
        Located<double>? price = null, grid = null;
        Located<int>? threads = null;
        IReadOnlyList<Budget> budgets = Array.Empty<Budget>();
        var where = $"hardware profile '{UserText.Quote(key.Text)}'";
        foreach (var (name, value) in fields.Entries)
        {
            switch (name.Text)
            {
                case "match":
                    match = ReadMatch(value, where, context);
                    break;
                case "price_per_hour":
                    price = Located(context.Quantity(value, "price_per_hour", Dimension.Money), value);
                    break;
                case "grid_intensity":
                    grid = Located(context.Quantity(value, "grid_intensity (grams of CO2 per kWh)", Dimension.Count), value);
                    break;
                case "threads":
                    threads = context.PositiveInteger(value, "threads") is { } count ? new Located<int>(count, value.Location) : null;
                    break;
                case "budgets":
                    budgets = BudgetsReader.Read(value, $"the 'budgets' of {where}", BudgetSection.Runtime, context);
                    break;
                default:
                    context.UnknownKey(name, where, Keys);
                    break;
            }
        }

        return new HardwareProfile(key.Text, key.Location, match, price, grid, threads, budgets);
    }

    private static Dictionary<string, Located<string>> ReadMatch(YamlValue value, string where, SpecReadContext context)
    {
        var match = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
        if (context.Map(value, $"the 'match' of {where}") is not { } map)
        {
            return match;
        }

        foreach (var (key, body) in map.Entries)
        {
            if (!MatchKeys.Contains(key.Text, StringComparer.Ordinal))
            {
                context.UnknownKey(key, $"the 'match' of {where}", MatchKeys);
            }
            else if (context.Scalar(body, $"'{key.Text}'") is { } pattern)
            {
                if (key.Text == "provider" && !Providers.Contains(pattern, StringComparer.Ordinal))
                {
                    context.Error(ErrorCodes.SpecInvalidValue,
                        SpecReadContext.Text(UnknownProvider, UserText.Quote(pattern), string.Join(", ", Providers), NameSuggestion.DidYouMean(pattern, Providers)),
                        body.Location);
                    continue;
                }

                match[key.Text] = new Located<string>(pattern, body.Location);
            }
        }

        return match;
    }

    private static Located<double>? Located(double? value, YamlValue node) =>
        value is { } number ? new Located<double>(number, node.Location) : null;
}
