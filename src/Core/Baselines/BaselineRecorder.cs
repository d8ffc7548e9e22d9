using System.Globalization;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Files;
using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Revisions;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Baselines;

/// <summary>
/// Records results documents into the baselines of their specs: each spec named in a document is loaded to find its
/// <c>regression.baseline</c>, and the document's static indicators, measurements and BenchmarkDotNet cases are merged into that file.
/// Only ever called on request (<c>misnomer baseline update</c>, <c>misnomer run --update-baseline</c>,
/// <c>efficiency.updateBaseline</c>): no gate writes a baseline on its own.
/// </summary>
public static class BaselineRecorder
{
    private const string NoRegression = "spec '{0}' declares no stored baseline (regression.baseline), so there is no file to record into; add 'regression: {{ baseline: baselines/{0}.json }}' to it";
    private const string SpecUnreadable = "{0}: the spec of '{1}' cannot be loaded to find its baseline file: {2}";
    private const string Recorded = "{0}: recorded {1}";
    private const string FromCommit = "from commit {0}: a later stored verdict that is not a pass is measured again beside that model";
    private const string NoCommit = "no commit for {0}: uncommitted changes, or no git repository, so its stored verdicts cannot be confirmed beside the recorded model; commit the model and record again to allow it";
    private const string Nothing = "results of spec '{0}' hold no indicators to record (no model was analysed or measured)";

    /// <summary>
    /// Records every spec of <paramref name="results"/>; returns one info diagnostic per baseline file written.
    /// A spec that cannot be loaded or declares no <c>regression</c> is a coded error, before anything is written.
    /// </summary>
    /// <param name="results">The results to record.</param>
    /// <param name="store">The store that writes the baselines.</param>
    /// <param name="specRoot">
    /// For a document read from a file: the folder its spec paths must lead into (<see cref="ErrorCodes.PathOutsideRoot"/>
    /// otherwise), so that a document cannot make the tool load, and quote, any file it names. Null for results this
    /// process made from specs it was given.
    /// </param>
    public static IReadOnlyList<Diagnostic> Record(EfficiencyResults results, BaselineStore? store = null, PathRoot? specRoot = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        store ??= BaselineStore.Default;
        var planned = new List<(string Path, Baseline Recorded)>();
        foreach (var spec in results.Specs)
        {
            specRoot?.Require(spec.Path, spec.Path, $"the path of spec '{UserText.Quote(spec.Name)}'", "results document", null);
            var load = SpecLoader.Load(spec.Path);
            if (load.Spec is not { } loaded)
            {
                var first = load.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
                throw new EfficiencyException(first?.Code ?? ErrorCodes.SpecNotFound, UserText.Format(SpecUnreadable, UserText.Quote(spec.Path), UserText.Quote(spec.Name), first?.Message ?? "it has errors"), first?.Location);
            }

            if (loaded.Regression?.ResolvedBaseline is not { } baselinePath)
            {
                throw new EfficiencyException(ErrorCodes.SpecWithoutRegression, UserText.Format(NoRegression, UserText.Quote(spec.Name)), loaded.Location);
            }

            // A measured model's commit is kept only where its files are that commit's: then a later stored verdict can be
            // confirmed by measuring the head beside it.
            var commits = results.Commit is { } commit
                ? loaded.Models.ToDictionary(m => m.Name, m => RepositoryCommit.Holding(commit, loaded.Path, m.ResolvedPath), StringComparer.Ordinal)
                : new Dictionary<string, string?>(StringComparer.Ordinal);
            planned.Add((baselinePath, FromResults(spec, results, name => commits.GetValueOrDefault(name))));
        }

        var written = new List<Diagnostic>();
        foreach (var (path, recorded) in planned)
        {
            if (recorded.Static.Count == 0 && recorded.Profiles.Count == 0 && recorded.Benchmarks.Count == 0)
            {
                written.Add(Diagnostic.Warning(ErrorCodes.NothingToRecord, UserText.Format(Nothing, UserText.Quote(recorded.Spec))));
                continue;
            }

            store.Update(path, old => BaselineMerge.Merge(old, recorded));
            written.Add(Diagnostic.Info(ErrorCodes.BaselineRecorded, UserText.Format(Recorded, UserText.Quote(path), Describe(recorded))));
        }

        return written;
    }

    /// <summary>What one spec's results contribute to its baseline: static indicators of analysed models, measurements per profile and machine.</summary>
    /// <param name="spec">The spec's results.</param>
    /// <param name="results">The document holding them.</param>
    /// <param name="commitOf">Per model name, the commit whose files are the measured model (<see cref="BaselineMeasurement.Commit"/>); none when null.</param>
    public static Baseline FromResults(SpecResults spec, EfficiencyResults results, Func<string, string?>? commitOf = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(results);
        var models = spec.Models.Where(m => m.Static.Count > 0)
            .Select(m => new BaselineModel(m.Name, m.Static.Select(Indicator).ToList()))
            .ToList();
        var profiles = spec.Models
            .SelectMany(m => m.Runtime.Select(r => (Model: m.Name, Run: r)))
            .GroupBy(p => (p.Run.Profile, p.Run.Machine))
            .Select(group =>
            {
                var machine = results.Machine(group.Key.Machine);
                var measurements = group
                    .Select(p => new BaselineMeasurement(p.Model, p.Run.Batch, p.Run.Indicators.Select(Indicator).ToList(), p.Run.LatencySamples)
                    {
                        OtherCpuShare = p.Run.Settings.TryGetValue(BaselineMeasurement.OtherCpuShareSetting, out var share)
                            && double.TryParse(share, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1 ? value : null,
                        Reference = Setting(p.Run.Settings, BaselineMeasurement.ReferenceComputeSetting) is { } compute
                            && Setting(p.Run.Settings, BaselineMeasurement.ReferenceMemorySetting) is { } memory
                            && new ReferenceSpeed(compute, memory) is { IsValid: true } reference ? reference : null,
                        Commit = commitOf?.Invoke(p.Model),
                    })
                    .ToList();
                return new BaselineProfile(group.Key.Profile, group.Key.Machine, machine?.Summary ?? "", results.Created, measurements);
            })
            .ToList();
        var benchmarks = spec.Benchmarks
            .Select(b => new BaselineBenchmark(b.Entry, b.Case, Benchmarks.BenchmarkHostFingerprint.Id(b.Host), Benchmarks.BenchmarkHostFingerprint.Summary(b.Host), results.Created,
                b.Indicators.Select(Indicator).ToList(), b.Samples) { Launches = b.Launches })
            .ToList();
        return new Baseline(spec.Name, models, profiles) { Benchmarks = benchmarks };
    }

    private static double? Setting(IReadOnlyDictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static BaselineIndicator Indicator(IndicatorResult indicator) =>
        new(indicator.Name, indicator.Unit, indicator.Value, indicator.Lower, indicator.Upper, indicator.Samples);

    private static string Describe(Baseline recorded)
    {
        var parts = new List<string>();
        if (recorded.Static.Count > 0)
        {
            parts.Add(UserText.Format("the static indicators of {0} model(s)", recorded.Static.Count));
        }

        parts.AddRange(recorded.Benchmarks.GroupBy(b => b.Host).Select(g => UserText.Format("{0} benchmark case(s) on host {1}", g.Count(), UserText.Quote(g.Key))));
        parts.AddRange(recorded.Profiles.Select(p => UserText.Format("{0} measurement(s) of profile '{1}' on machine {2}", p.Measurements.Count, UserText.Quote(p.Profile), UserText.Quote(p.Fingerprint))));
        var measured = recorded.Profiles.SelectMany(p => p.Measurements).ToList();
        var commits = measured.Select(m => m.Commit).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var without = measured.Where(m => m.Commit is null).Select(m => m.Model).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (commits.Count > 0)
        {
            parts.Add(UserText.Format(FromCommit, string.Join(", ", commits.Select(c => c[..Math.Min(8, c.Length)]))));
        }

        if (without.Count > 0)
        {
            parts.Add(UserText.Format(NoCommit, string.Join(", ", without.Select(m => "'" + UserText.Quote(m) + "'"))));
        }

        return string.Join("; ", parts);
    }

}
