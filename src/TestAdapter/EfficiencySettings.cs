using System.Globalization;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Runtime.Sessions;

namespace EfficiencyMisnomer.TestAdapter;

/// <summary>
/// The run's settings, read from NUnit's test parameters (<c>TestRunParameters</c> in a <c>.runsettings</c> file).
/// An unreadable value is a coded diagnostic, never an exception.
/// </summary>
/// <param name="Profile">Measure this profile whatever the machine (<c>efficiency.profile</c>); null matches profiles to the machine.</param>
/// <param name="Provider">The provider asked for (<c>efficiency.provider</c>).</param>
/// <param name="RequireCuda">Whether a missing CUDA fails runtime tests instead of skipping them (<c>efficiency.requireCuda</c>).</param>
/// <param name="Results">Folder the result JSON files go to (<c>efficiency.results</c>); null is NUnit's work directory.</param>
/// <param name="TimeCap">Wall time one measured case may take (<c>efficiency.timeCap</c>, seconds); null keeps the engine's default.</param>
public sealed record EfficiencySettings(string? Profile, ProviderRequest Provider, bool RequireCuda, string? Results, TimeSpan? TimeCap)
{
    public const string UpdateBaselineKey = "efficiency.updateBaseline";
    public const string StrictKey = "efficiency.strict";
    public const string AgainstKey = "efficiency.against";
    public const string RunBenchmarksKey = "efficiency.runBenchmarks";

    public const string ProfileKey = "efficiency.profile";
    public const string ProviderKey = "efficiency.provider";
    public const string RequireCudaKey = "efficiency.requireCuda";
    public const string ResultsKey = "efficiency.results";
    public const string TimeCapKey = "efficiency.timeCap";

    private static readonly System.Text.CompositeFormat BadValue = System.Text.CompositeFormat.Parse("test parameter {0} = '{1}' is not valid: expected {2}. Fix it where it is set: the dotnet test command line (-- TestRunParameters.Parameter(name=\"{0}\", value=\"...\")) or the TestRunParameters of the .runsettings file given with --settings");

    public static EfficiencySettings Default { get; } = new(null, ProviderRequest.Auto, false, null, null);

    /// <summary>
    /// Whether the tests record their results into the specs' baselines instead of comparing with them
    /// (<c>efficiency.updateBaseline</c>); nothing else ever writes a baseline.
    /// </summary>
    public bool UpdateBaseline { get; init; }

    /// <summary>Whether a comparison with the baseline still inconclusive after a second measurement fails the test (<c>efficiency.strict</c>).</summary>
    public bool StrictRegression { get; init; }

    /// <summary>
    /// The base revision (or checkout folder) each model is measured against, over the specs' <c>regression.against</c>
    /// (<c>efficiency.against</c>); <c>none</c> compares with the stored baselines instead; null keeps each spec's.
    /// </summary>
    public string? Against { get; init; }

    /// <summary>
    /// Whether the benchmark tests run their entries' projects before judging them (<c>efficiency.runBenchmarks</c>), once
    /// per spec and test run, as <c>misnomer run</c> does; off by default, so that tests read the results a pipeline wrote.
    /// </summary>
    public bool RunBenchmarks { get; init; }

    /// <summary>The provider to select with: <see cref="ProviderRequest.Cuda"/> whenever CUDA is required.</summary>
    public ProviderRequest EffectiveProvider => RequireCuda ? ProviderRequest.Cuda : Provider;

    /// <summary>Reads the settings through <paramref name="parameter"/> (a name to its value, null when unset).</summary>
    public static (EfficiencySettings Settings, IReadOnlyList<Diagnostic> Problems) Read(Func<string, string?> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var problems = new List<Diagnostic>();
        var provider = ProviderRequest.Auto;
        if (Value(parameter, ProviderKey) is { } providerText && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            problems.Add(Problem(ProviderKey, providerText, "auto, cpu or cuda"));
        }

        var requireCuda = Flag(parameter, RequireCudaKey, problems);
        TimeSpan? timeCap = null;
        if (Value(parameter, TimeCapKey) is { } capText)
        {
            if (double.TryParse(capText, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= TimeSpan.MaxValue.TotalSeconds / 2)
            {
                timeCap = TimeSpan.FromSeconds(seconds);
            }
            else
            {
                problems.Add(Problem(TimeCapKey, capText, "a positive number of seconds"));
            }
        }

        var updateBaseline = Flag(parameter, UpdateBaselineKey, problems);
        var strict = Flag(parameter, StrictKey, problems);
        var runBenchmarks = Flag(parameter, RunBenchmarksKey, problems);
        var settings = new EfficiencySettings(Value(parameter, ProfileKey), provider, requireCuda, Value(parameter, ResultsKey), timeCap)
        {
            UpdateBaseline = updateBaseline,
            StrictRegression = strict,
            Against = Value(parameter, AgainstKey),
            RunBenchmarks = runBenchmarks,
        };
        return (settings, problems);
    }

    /// <summary>A true/false parameter, false when unset; anything else is a problem.</summary>
    private static bool Flag(Func<string, string?> parameter, string key, List<Diagnostic> problems)
    {
        var flag = false;
        if (Value(parameter, key) is { } text && !bool.TryParse(text, out flag))
        {
            problems.Add(Problem(key, text, "true or false"));
        }

        return flag;
    }

    private static string? Value(Func<string, string?> parameter, string key) =>
        parameter(key) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static Diagnostic Problem(string key, string value, string expected) =>
        Diagnostic.Error(ErrorCodes.InvalidTestParameter, UserText.Format(BadValue, key, value, expected));
}
