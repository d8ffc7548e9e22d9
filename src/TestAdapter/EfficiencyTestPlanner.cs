using EfficiencyMisnomer.Benchmarks;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Specs;
using NUnit.Framework.Interfaces;

namespace EfficiencyMisnomer.TestAdapter;

/// <summary>
/// Decides the tests of a spec pattern: per model a static test, per model and hardware profile a runtime test, per
/// case of a benchmark entry a benchmark test.
/// Never throws for bad input: a broken spec or setting becomes a not-runnable test with its diagnostics, and a
/// profile for other hardware an ignored test whose reason carries this machine's fingerprint.
/// </summary>
public sealed class EfficiencyTestPlanner
{
    public const string Category = "efficiency";
    public const string StaticCategory = "efficiency-static";
    public const string RuntimeCategory = "efficiency-runtime";
    public const string BenchmarkCategory = "efficiency-benchmark";
    public const string SettingsTestName = "efficiency-settings";

    /// <summary>What marks a model's static test in its name (<c>spec/model/static</c>).</summary>
    public const string StaticSuffix = "static";

    private const string OtherProfileSelected = "hardware profile '{0}' skipped: test parameter efficiency.profile selects '{1}'";
    private const string ProfileNotDeclared = "{0}: error {1}: spec has no hardware profile named '{2}' (test parameter efficiency.profile); it declares: {3}";
    private const string ProviderMissing = "hardware profile '{0}' skipped: {1}. Set efficiency.requireCuda to true to fail instead";

    private readonly EfficiencySettings settings;
    private readonly IProfileMatcher matcher;
    private readonly Func<ProviderSelection> provider;

    /// <param name="settings">The run's settings.</param>
    /// <param name="matcher">Decides which profiles apply to this machine.</param>
    /// <param name="provider">Selects the provider runtime tests will use; called only when a spec declares hardware.</param>
    public EfficiencyTestPlanner(EfficiencySettings settings, IProfileMatcher matcher, Func<ProviderSelection> provider)
    {
        this.settings = settings;
        this.matcher = matcher;
        var selected = new Lazy<ProviderSelection>(provider);
        this.provider = () => selected.Value;
    }

    /// <summary>The tests of every spec file <paramref name="pattern"/> matches from <paramref name="startFolder"/>.</summary>
    public IReadOnlyList<PlannedTest> Plan(string pattern, string startFolder)
    {
        var (files, root, problem) = SpecFiles.Find(pattern, startFolder);
        if (problem is not null)
        {
            return new[] { Invalid(pattern, problem.ToString()) };
        }

        return files.SelectMany(file => PlanSpec(file, root!)).ToList();
    }

    /// <summary>A single not-runnable test for settings that cannot be read.</summary>
    public static PlannedTest InvalidSettings(IEnumerable<Diagnostic> problems) =>
        Invalid(SettingsTestName, string.Join(Environment.NewLine, problems));

    private IEnumerable<PlannedTest> PlanSpec(string file, string root)
    {
        var load = SpecLoader.Load(file);
        if (load.Spec is not { } spec)
        {
            var errors = load.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
            yield return Invalid(TestName(Path.GetRelativePath(root, file).Replace('\\', '/')), string.Join(Environment.NewLine, errors));
            yield break;
        }

        var name = spec.Name.Value;
        if (settings.Profile is { } selected && spec.Hardware.All(p => p.Name != selected))
        {
            var known = spec.Hardware.Count == 0 ? "none" : string.Join(", ", spec.Hardware.Select(p => UserText.Quote(p.Name)));
            yield return Invalid(TestName(name, selected), UserText.Format(ProfileNotDeclared, spec.Location, ErrorCodes.UnknownProfile, UserText.Quote(selected), known));
        }

        foreach (var model in spec.Models)
        {
            var staticCase = new StaticEfficiencyCase(TestName(name, model.Name, StaticSuffix), file, spec.Name.Value, model.Name, settings);
            yield return new PlannedTest(staticCase, RunState.Runnable, null, new[] { Category, StaticCategory });
            foreach (var profile in spec.Hardware)
            {
                var runtimeCase = new RuntimeEfficiencyCase(TestName(name, model.Name, profile.Name), file, spec.Name.Value, model.Name, profile.Name, settings);
                var (state, reason) = Decide(profile);
                yield return new PlannedTest(runtimeCase, state, reason, new[] { Category, RuntimeCategory, profile.Name }, NonParallelizable: true);
            }
        }

        foreach (var entry in spec.Benchmarks)
        {
            foreach (var planned in PlanBenchmark(file, spec, entry))
            {
                yield return planned;
            }
        }
    }

    /// <summary>
    /// A test per case of a benchmark entry (<c>spec/entry/case</c>), the cases read from its results now; when they
    /// cannot be read, one test of the entry (<c>spec/entry</c>) that fails with what the gate says of them.
    /// </summary>
    private IEnumerable<PlannedTest> PlanBenchmark(string file, Spec spec, BenchmarkEntry entry)
    {
        var name = spec.Name.Value;
        string[] categories = { Category, BenchmarkCategory };
        var cases = BenchmarkCases(entry);
        if (cases.Count == 0)
        {
            return new[] { new PlannedTest(new BenchmarkEfficiencyCase(TestName(name, entry.Name), file, name, entry.Name, null, settings), RunState.Runnable, null, categories) };
        }

        return cases.Select(c => new PlannedTest(new BenchmarkEfficiencyCase(TestName(name, entry.Name, c), file, name, entry.Name, c, settings), RunState.Runnable, null, categories));
    }

    /// <summary>The names of the cases the entry selects from its results; none when they cannot be read (the entry's test says why).</summary>
    private static List<string> BenchmarkCases(BenchmarkEntry entry)
    {
        try
        {
            var names = BenchmarkResultsFile.Find(entry.ResolvedResults).SelectMany(f => BenchmarkResultsFile.Read(f).Cases).Select(c => c.Name);
            return names.Where(n => entry.Cases is not { } pattern || Glob.IsMatch(pattern.Value, n)).Distinct(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is EfficiencyException || Files.FileFailure.Is(e))
        {
            return new List<string>();
        }
    }

    /// <summary>Whether a profile's test runs here: the selected profile always does; otherwise the provider and the machine decide.</summary>
    private (RunState State, string? Reason) Decide(HardwareProfile profile)
    {
        if (settings.Profile is { } selected)
        {
            return profile.Name == selected ? (RunState.Runnable, null) : (RunState.Ignored, UserText.Format(OtherProfileSelected, UserText.Quote(profile.Name), UserText.Quote(selected)));
        }

        var selection = provider();
        if (selection.Failure is { } failure && !settings.RequireCuda)
        {
            return (RunState.Ignored, UserText.Format(ProviderMissing, UserText.Quote(profile.Name), UserText.Escape(failure.Message.TrimEnd('.'))));
        }

        // With CUDA required but missing, a CUDA profile stays runnable so that its test fails with the loader's reason.
        var (matches, why) = matcher.Match(profile, selection.Provider);
        return matches ? (RunState.Runnable, null) : (RunState.Ignored, why is null ? null : UserText.Escape(why));
    }

    /// <summary>
    /// A test's name from the names in a spec, joined by <c>/</c>: <c>spec/model/static</c>, <c>spec/model/profile</c>.
    /// Each part is escaped and bounded (a name cannot start a line of the test log), and whitespace and the characters
    /// that test filters treat as syntax become <c>_</c>, so that <c>dotnet test --filter Name=spec/model/profile</c>
    /// selects exactly that test.
    /// </summary>
    public static string TestName(params string[] parts) =>
        string.Join("/", parts.Select(part => new string(UserText.Quote(part).Select(c => char.IsWhiteSpace(c) || FilterSyntax.Contains(c) ? '_' : c).ToArray())));

    private const string FilterSyntax = "=!~()&|,[]\"'\\";

    private static PlannedTest Invalid(string name, string reason) =>
        new(new InvalidEfficiencyCase(name, reason), RunState.NotRunnable, reason, new[] { Category });

}
