using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Specs.Yaml;

namespace EfficiencyMisnomer.Specs.Reading;

/// <summary>
/// Reads <c>benchmarks</c>: name to <c>{ results, cases, budgets }</c>. The results need not exist yet when the spec
/// is read (a pipeline writes them before the gate runs); the gate reports missing ones.
/// </summary>
internal static class BenchmarksReader
{
    private const string NoEntries = "'benchmarks' lists nothing; add one, e.g. 'parsing: { results: BenchmarkDotNet.Artifacts/results, budgets: { mean: { max: 2 ms } } }'";
    private const string NoResults = "benchmark '{0}' has no 'results' (BenchmarkDotNet's full JSON results: a file, its folder, or a pattern such as 'results/*-report-full.json')";
    private const string WildcardInFolder = "benchmark '{0}': results '{1}' has a wildcard in a folder name; wildcards may appear in the file name only";

    private static readonly string[] Keys = { "results", "cases", "budgets" };
    private static readonly char[] Wildcards = { '*', '?' };

    public static IReadOnlyList<BenchmarkEntry> Read(YamlValue value, SpecReadContext context)
    {
        var entries = new List<BenchmarkEntry>();
        if (context.Map(value, "'benchmarks'") is not { } map)
        {
            return entries;
        }

        if (map.Entries.Count == 0)
        {
            context.Error(ErrorCodes.SpecMissingKey, NoEntries, map.Location);
        }

        foreach (var (key, body) in map.Entries)
        {
            if (context.Map(body, $"benchmark '{UserText.Quote(key.Text)}'") is { } fields && ReadEntry(key, fields, context) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static BenchmarkEntry? ReadEntry(YamlScalar key, YamlMap fields, SpecReadContext context)
    {
        var name = UserText.Quote(key.Text);
        Located<string>? results = null;
        Located<string>? cases = null;
        IReadOnlyList<Budget> budgets = Array.Empty<Budget>();
        foreach (var (field, value) in fields.Entries)
        {
            switch (field.Text)
            {
                case "results":
                    results = context.Scalar(value, $"the results of benchmark '{name}'") is { } text ? new Located<string>(text, value.Location) : null;
                    break;
                case "cases":
                    cases = context.Scalar(value, $"the cases of benchmark '{name}'") is { } pattern ? new Located<string>(pattern, value.Location) : null;
                    break;
                case "budgets":
                    budgets = BudgetsReader.Read(value, $"the 'budgets' of benchmark '{name}'", BudgetSection.Benchmark, context);
                    break;
                default:
                    context.UnknownKey(field, $"benchmark '{name}'", Keys);
                    break;
            }
        }

        if (results is null)
        {
            if (!fields.Entries.Any(e => e.Key.Text == "results"))
            {
                context.Error(ErrorCodes.SpecMissingKey, SpecReadContext.Text(NoResults, name), key.Location);
            }

            return null;
        }

        var folder = Path.GetDirectoryName(results.Value.Replace('\\', '/')) ?? "";
        if (folder.IndexOfAny(Wildcards) >= 0)
        {
            context.Error(ErrorCodes.SpecInvalidValue, SpecReadContext.Text(WildcardInFolder, name, UserText.Quote(results.Value)), results.Location);
            return null;
        }

        return context.ResolveInside(results, $"the results of benchmark '{name}'") is { } resolved
            ? new BenchmarkEntry(key.Text, key.Location, results, resolved, cases, budgets)
            : null;
    }
}
