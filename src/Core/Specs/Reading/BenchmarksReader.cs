using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Specs.Yaml;

namespace EfficiencyMisnomer.Specs.Reading;

/// <summary>
/// Reads <c>benchmarks</c>: name to <c>{ results, project, arguments, cases, budgets, hardware }</c>. The results need not
/// exist yet when the spec is read (a pipeline, or <c>misnomer run</c> from the project, writes them before the gate
/// runs); the gate reports missing ones.
/// </summary>
internal static class BenchmarksReader
{
    private const string NoEntries = "'benchmarks' lists nothing; add one, e.g. 'parsing: { results: BenchmarkDotNet.Artifacts/results, budgets: { mean: { max: 2 ms } } }'";
    private const string NoResults = "benchmark '{0}' has no 'results' (BenchmarkDotNet's full JSON results: a file, its folder, or a pattern such as 'results/*-report-full.json') and no 'project' to run";
    private const string WildcardInFolder = "benchmark '{0}': results '{1}' has a wildcard in a folder name; wildcards may appear in the file name only";

    private const string NoProfile = "benchmark '{0}' budgets hardware profile '{1}', which the spec's 'hardware' does not declare{2}";
    private const string NoProfiles = "; declare it there with its 'match' rules";
    private const string Declared = "; it declares {0}";

    private static readonly string[] Keys = { "results", "project", "arguments", "cases", "budgets", "hardware" };
    private static readonly char[] Wildcards = { '*', '?' };

    public static IReadOnlyList<BenchmarkEntry> Read(YamlValue value, SpecReadContext context) =>
        context.Entries(value, "'benchmarks'", "benchmark", NoEntries, (key, fields) => ReadEntry(key, fields, context));

    private static BenchmarkEntry? ReadEntry(YamlScalar key, YamlMap fields, SpecReadContext context)
    {
        var name = UserText.Quote(key.Text);
        Located<string>? results = null, project = null, cases = null;
        IReadOnlyList<Located<string>> arguments = Array.Empty<Located<string>>();
        SourceLocation? argumentsKey = null;
        IReadOnlyList<Budget> budgets = Array.Empty<Budget>();
        IReadOnlyList<BenchmarkProfileBudgets> hardware = Array.Empty<BenchmarkProfileBudgets>();
        foreach (var (field, value) in fields.Entries)
        {
            switch (field.Text)
            {
                case "results":
                    results = context.Scalar(value, $"the results of benchmark '{name}'") is { } text ? new Located<string>(text, value.Location) : null;
                    break;
                case "project":
                    project = context.Scalar(value, $"the project of benchmark '{name}'") is { } path ? new Located<string>(path, value.Location) : null;
                    break;
                case "arguments":
                    argumentsKey = field.Location;
                    arguments = BenchmarkProjectReader.ReadArguments(value, name, context) ?? arguments;
                    break;
                case "cases":
                    cases = context.Scalar(value, $"the cases of benchmark '{name}'") is { } pattern ? new Located<string>(pattern, value.Location) : null;
                    break;
                case "budgets":
                    budgets = BudgetsReader.Read(value, $"the 'budgets' of benchmark '{name}'", BudgetSection.Benchmark, context);
                    break;
                case "hardware":
                    hardware = ReadHardware(value, name, context);
                    break;
                default:
                    context.UnknownKey(field, $"benchmark '{name}'", Keys);
                    break;
            }
        }

        if (argumentsKey is { } written && !fields.Entries.Any(e => e.Key.Text == "project"))
        {
            BenchmarkProjectReader.NoProject(written, name, context);
        }

        BenchmarkProject? run = null;
        if (project is not null)
        {
            if (BenchmarkProjectReader.Read(project, arguments, results, name, context) is not { } read)
            {
                return null;
            }

            (run, results) = read;
        }

        if (results is null)
        {
            if (!fields.Entries.Any(e => e.Key.Text is "results" or "project"))
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
            ? new BenchmarkEntry(key.Text, key.Location, results, resolved, cases, budgets) { Hardware = hardware, Project = run }
            : null;
    }

    /// <summary>An entry's <c>hardware</c>: profile name to the budgets that hold where that profile matches the results' host.</summary>
    private static List<BenchmarkProfileBudgets> ReadHardware(YamlValue value, string name, SpecReadContext context)
    {
        var profiles = new List<BenchmarkProfileBudgets>();
        if (context.Map(value, $"the 'hardware' of benchmark '{name}'") is not { } map)
        {
            return profiles;
        }

        foreach (var (profile, budgets) in map.Entries)
        {
            var where = $"the budgets of benchmark '{name}' on hardware profile '{UserText.Quote(profile.Text)}'";
            profiles.Add(new BenchmarkProfileBudgets(new Located<string>(profile.Text, profile.Location),
                BudgetsReader.Read(budgets, where, BudgetSection.Benchmark, context)));
        }

        return profiles;
    }

    /// <summary>Every profile an entry budgets must be one the spec's <c>hardware</c> declares: that is where its <c>match</c> rules are.</summary>
    public static void CheckProfiles(IReadOnlyList<BenchmarkEntry> entries, IReadOnlyList<HardwareProfile> hardware, SpecReadContext context)
    {
        var declared = hardware.Select(p => p.Name).ToList();
        foreach (var entry in entries)
        {
            foreach (var profile in entry.Hardware.Where(p => !declared.Contains(p.Profile.Value, StringComparer.Ordinal)))
            {
                var hint = declared.Count == 0 ? NoProfiles
                    : NameSuggestion.DidYouMean(profile.Profile.Value, declared) is { Length: > 0 } suggestion ? suggestion
                    : SpecReadContext.Text(Declared, string.Join(", ", declared.Select(d => $"'{UserText.Quote(d)}'")));
                context.Error(ErrorCodes.UnknownProfile,
                    SpecReadContext.Text(NoProfile, UserText.Quote(entry.Name), UserText.Quote(profile.Profile.Value), hint), profile.Profile.Location);
            }
        }
    }
}
