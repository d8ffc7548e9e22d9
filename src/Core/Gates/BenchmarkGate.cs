using EfficiencyMisnomer.Benchmarks;
using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Files;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Gates;

/// <summary>
/// The spec's <c>benchmarks</c>: reads each entry's BenchmarkDotNet results, selects its cases and judges each case
/// by the entry's budgets, with the same verdicts and codes as a model's static budgets. Problems (results missing or
/// unreadable, a pattern matching no case, an indicator the results lack) become diagnostics at the entry's keys.
/// </summary>
internal static class BenchmarkGate
{
    private const string Subject = "benchmark '{0}' case '{1}'";
    private const string NoResults = "benchmark '{0}': no BenchmarkDotNet results at '{1}' (looked for '{2}'); run the benchmarks with '--exporters fulljson' (or JsonExporter.Full) before the gate";
    private const string NoResultsOfProject = "benchmark '{0}': no BenchmarkDotNet results at '{1}' (looked for '{2}'); 'misnomer run {3}' runs its project and writes them";
    private const string NotJudgedYet = "; its budgets are judged once they exist";
    private const string CannotRead = "benchmark '{0}': {1}";
    private const string NoCase = "benchmark '{0}': no case matches '{1}'; the results hold: {2}";
    private const string NoCases = "benchmark '{0}': the results at '{1}' hold no case";
    private const string TwiceMeasured = "benchmark '{0}': case '{1}' is in both '{2}' and '{3}'; point 'results' at one run";
    private const string OnProfile = " on hardware profile '{0}'";
    private const string Unavailable = "{0}: budget of '{1}' skipped: {2}";
    private const string NoBaseResults = "no BenchmarkDotNet results at '{0}' in {1}: run the benchmarks there too, before the gate";
    private const string BaseUnreadable = "benchmark '{0}': the results of {1} cannot be read: {2}";
    private const string InBase = "{0} (the copy in {1})";
    private const int NamesShown = 10;

    /// <summary>
    /// Judges every case of the spec's entries; an entry that cannot be judged as a whole adds its error to
    /// <paramref name="problems"/> too. With <paramref name="stored"/>, each case is also compared with its recording in
    /// the spec's stored baseline (<see cref="StoredBaseline.Baseline"/> null: no file yet); with <paramref name="revision"/>, with the same
    /// case in the base checkout's results instead.
    /// </summary>
    public static IReadOnlyList<BenchmarkVerdicts> Check(Spec spec, GateMode mode, GateOptions options, List<Diagnostic> diagnostics, List<string> inputs,
        List<BenchmarkProblem> problems, StoredBaseline? stored = null, Revisions.BaseRevision? revision = null)
    {
        var judged = new List<BenchmarkVerdicts>();
        if (mode == GateMode.Off)
        {
            return judged;
        }

        foreach (var entry in spec.Benchmarks)
        {
            var reported = diagnostics.Count;
            var failed = options.BenchmarkProjects is { } runner && entry.Project is not null ? RunProjects(runner, entry, revision) : null;
            if (failed is not null)
            {
                // Results left by an earlier run are not this code's: the entry is not judged.
                diagnostics.Add(failed);
            }

            var cases = failed is null ? CheckEntry(spec, entry, mode, options.RequireBenchmarkResults, diagnostics, inputs) : Array.Empty<BenchmarkVerdicts>();
            if (revision is not null && cases.Count > 0)
            {
                (cases, var unreadable) = CompareWithBase(spec.Regression ?? RegressionPolicy.Implicit(spec.Location), entry, cases, revision, mode, diagnostics, inputs);
                if (unreadable is not null)
                {
                    // Base results that cannot be read fail the entry's comparison as a whole.
                    diagnostics.Add(unreadable);
                    problems.Add(new BenchmarkProblem(spec.Path, entry.Name, unreadable));
                }
            }
            else if (stored is not null && spec.Regression is { } policy)
            {
                cases = cases.Select(c => Compare(policy, entry, c, stored.Baseline, mode, diagnostics)).ToList();
            }

            if (cases.Count == 0)
            {
                // An entry without a judged case failed as a whole: what it reported is the entry's problem.
                problems.AddRange(diagnostics.Skip(reported).Select(d => new BenchmarkProblem(spec.Path, entry.Name, d)));
            }

            judged.AddRange(cases);
        }

        return judged;
    }

    /// <summary>
    /// Runs the entry's project: first the base checkout's copy where the comparison is with a base checkout (whole runs,
    /// base then head, as close as BenchmarkDotNet lets two builds interleave), then the head's. The first failure, if any.
    /// </summary>
    private static Diagnostic? RunProjects(BenchmarkProjectRunner runner, BenchmarkEntry entry, Revisions.BaseRevision? revision)
    {
        var project = entry.Project!;
        if (revision is not null && revision.LocateInCheckout(project.ResolvedPath).Path is { } baseProject
            && revision.LocateInCheckout(project.ResolvedArtifacts).Path is { } baseArtifacts && BenchmarkProjectRunner.IsProject(baseProject)
            && runner.Run(entry, baseProject, baseArtifacts) is { } baseFailed)
        {
            return baseFailed with { Message = UserText.Format(InBase, baseFailed.Message, revision.Describe) };
        }

        return runner.Run(entry);
    }

    private static IReadOnlyList<BenchmarkVerdicts> CheckEntry(Spec spec, BenchmarkEntry entry, GateMode mode, bool requireResults, List<Diagnostic> diagnostics, List<string> inputs)
    {
        var name = UserText.Quote(entry.Name);
        IReadOnlyList<string> files;
        try
        {
            files = BenchmarkResultsFile.Find(entry.ResolvedResults);
        }
        catch (Exception e) when (e is EfficiencyException || FileFailure.Is(e))
        {
            var (code, why) = e is EfficiencyException coded ? (coded.Code, coded.Message) : (ErrorCodes.BenchmarkResultsUnreadable, UserText.Escape(e.Message));
            diagnostics.Add(Diagnostic.Error(code, UserText.Format(CannotRead, name, why.TrimEnd('.')), entry.Results.Location));
            return Array.Empty<BenchmarkVerdicts>();
        }

        if (files.Count == 0)
        {
            var message = entry.Project is null
                ? UserText.Format(NoResults, name, UserText.Quote(entry.Results.Value), UserText.Quote(entry.ResolvedResults))
                : UserText.Format(NoResultsOfProject, name, UserText.Quote(entry.Results.Value), UserText.Quote(entry.ResolvedResults), UserText.Quote(spec.Path));
            diagnostics.Add(requireResults
                ? Diagnostic.Error(ErrorCodes.BenchmarkResultsNotFound, message, entry.Results.Location)
                : Diagnostic.Warning(ErrorCodes.BenchmarkResultsNotFound, message + NotJudgedYet, entry.Results.Location));
            return Array.Empty<BenchmarkVerdicts>();
        }

        var cases = new List<(BenchmarkRun Run, BenchmarkCase Case)>();
        foreach (var file in files)
        {
            inputs.Add(file);
            try
            {
                var run = BenchmarkResultsFile.Read(file);
                cases.AddRange(run.Cases.Select(c => (run, c)));
            }
            catch (EfficiencyException e)
            {
                diagnostics.Add(Diagnostic.Error(e.Code, UserText.Format(CannotRead, name, e.Message.TrimEnd('.')), entry.Results.Location));
                return Array.Empty<BenchmarkVerdicts>();
            }
        }

        if (cases.GroupBy(c => c.Case.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            var (first, second) = (twice.First().Run.Path, twice.Skip(1).First().Run.Path);
            diagnostics.Add(Diagnostic.Error(ErrorCodes.BenchmarkCasesNotFound,
                UserText.Format(TwiceMeasured, name, UserText.Quote(twice.Key), UserText.Quote(first), UserText.Quote(second)), entry.Results.Location));
            return Array.Empty<BenchmarkVerdicts>();
        }

        var selected = entry.Cases is { } pattern ? cases.Where(c => Glob.IsMatch(pattern.Value, c.Case.Name)).ToList() : cases;
        if (selected.Count == 0)
        {
            diagnostics.Add(entry.Cases is { } unmatched
                ? Diagnostic.Error(ErrorCodes.BenchmarkCasesNotFound, UserText.Format(NoCase, name, UserText.Quote(unmatched.Value), Names(cases)), unmatched.Location)
                : Diagnostic.Error(ErrorCodes.BenchmarkCasesNotFound, UserText.Format(NoCases, name, UserText.Quote(entry.Results.Value)), entry.Results.Location));
            return Array.Empty<BenchmarkVerdicts>();
        }

        // The profiles are matched once per results file (one host), and a skipped one said once, however many cases it holds.
        var selections = new Dictionary<BenchmarkRun, BenchmarkProfiles.Selection>(ReferenceEqualityComparer.Instance);
        foreach (var run in selected.Select(c => c.Run).Distinct(ReferenceEqualityComparer.Instance).Cast<BenchmarkRun>())
        {
            selections[run] = BenchmarkProfiles.Select(spec, entry, run.Host);
            diagnostics.AddRange(selections[run].Skipped.Select(s => s.Skipped).Where(d => !diagnostics.Contains(d)).ToList());
        }

        return selected.Select(c => Judge(spec, entry, c.Run, c.Case, selections[c.Run], mode, diagnostics)).ToList();
    }

    private static BenchmarkVerdicts Judge(Spec spec, BenchmarkEntry entry, BenchmarkRun run, BenchmarkCase benchmark, BenchmarkProfiles.Selection selection,
        GateMode mode, List<Diagnostic> diagnostics)
    {
        var values = BenchmarkCaseIndicators.Of(benchmark);
        var byName = values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        var verdicts = new List<BudgetVerdict>();
        foreach (var (profile, budgets) in selection.Held)
        {
            var subject = UserText.Format(Subject, UserText.Quote(entry.Name), UserText.Quote(benchmark.Name))
                + (profile is null ? "" : UserText.Format(OnProfile, UserText.Quote(profile)));
            var available = budgets.Where(b => byName.ContainsKey(b.Indicator.Name)).ToList();
            var judged = BudgetEvaluator.Evaluate(subject, available, n => byName[n], mode).Select(v => v with { Profile = profile }).ToList();
            diagnostics.AddRange(judged.Select(BudgetEvaluator.Diagnose).OfType<Diagnostic>());
            verdicts.AddRange(judged);
            foreach (var budget in budgets.Except(available))
            {
                var message = UserText.Format(Unavailable, subject, budget.Indicator.Name, BenchmarkCaseIndicators.Missing(benchmark, budget.Indicator));
                diagnostics.Add(Diagnostic.Warning(ErrorCodes.BenchmarkIndicatorUnavailable, message, budget.Location));
                verdicts.Add(Skipped(budget, double.NaN, message) with { Profile = profile });
            }
        }

        foreach (var (declared, skipped) in selection.Skipped)
        {
            verdicts.AddRange(declared.Budgets.Select(b =>
                Skipped(b, byName.GetValueOrDefault(b.Indicator.Name, double.NaN), skipped.Message) with { Profile = declared.Profile.Value }));
        }

        return new BenchmarkVerdicts(spec.Path, entry.Name, benchmark.Name, run.Path, run.Host, values, verdicts)
        {
            Samples = benchmark.Samples,
            Launches = benchmark.Launches,
            Budgets = selection.Held.SelectMany(h => h.Budgets).ToList(),
        };
    }

    private static BudgetVerdict Skipped(Budget budget, double measured, string message) =>
        new(budget.Indicator.Name, measured, (budget.Max ?? budget.Min)!.Value, budget.Max is null ? BudgetBound.Min : BudgetBound.Max, VerdictStatus.Skipped,
            budget.Location, message) { Severity = budget.Severity };

    private static BenchmarkVerdicts Compare(RegressionPolicy policy, BenchmarkEntry entry, BenchmarkVerdicts judged, Baselines.Baseline? baseline, GateMode mode,
        List<Diagnostic> diagnostics)
    {
        var regressions = BenchmarkRegression.Compare(policy, entry.Name, judged.Case, judged.Budgets, judged.Values, RunOf(judged), judged.Host.Facts(), baseline);
        diagnostics.AddRange(RegressionDiagnostics.DiagnoseAll(regressions, mode, policy.Strict));
        return judged with { Regressions = regressions };
    }

    /// <summary>
    /// Every case of the entry against the same case in the base's results: the results at the same path in a folder
    /// holding a checkout of the base, where the base's benchmarks were run in the same job.
    /// </summary>
    private static (IReadOnlyList<BenchmarkVerdicts> Cases, Diagnostic? Unreadable) CompareWithBase(RegressionPolicy policy, BenchmarkEntry entry,
        IReadOnlyList<BenchmarkVerdicts> cases, Revisions.BaseRevision revision, GateMode mode, List<Diagnostic> diagnostics, List<string> inputs)
    {
        var (basePath, unavailable) = revision.LocateInCheckout(entry.ResolvedResults);
        var baseCases = new Dictionary<string, BenchmarkCase>(StringComparer.Ordinal);
        if (basePath is not null)
        {
            try
            {
                var files = BenchmarkResultsFile.Find(basePath);
                unavailable = files.Count == 0 ? UserText.Format(NoBaseResults, UserText.Quote(basePath), revision.Describe) : null;
                foreach (var file in files)
                {
                    inputs.Add(file);
                    foreach (var benchmark in BenchmarkResultsFile.Read(file).Cases)
                    {
                        baseCases.TryAdd(benchmark.Name, benchmark);
                    }
                }
            }
            catch (Exception e) when (e is EfficiencyException || FileFailure.Is(e))
            {
                // The base's results exist but cannot be read: an error, as a base model that cannot be read is.
                var (code, why) = e is EfficiencyException coded ? (coded.Code, coded.Message) : (ErrorCodes.BenchmarkResultsUnreadable, UserText.Escape(e.Message));
                return (cases, Diagnostic.Error(code, UserText.Format(BaseUnreadable, UserText.Quote(entry.Name), revision.Describe, why.TrimEnd('.')), revision.Location));
            }
        }

        var against = "base " + revision.Describe;
        var compared = cases.Select(judged =>
        {
            var regressions = BenchmarkRegression.CompareWithBase(policy, entry.Name, judged.Case, judged.Budgets, judged.Values, RunOf(judged),
                baseCases.GetValueOrDefault(judged.Case), unavailable, against, revision.Location);
            diagnostics.AddRange(RegressionDiagnostics.DiagnoseAll(regressions, mode, policy.Strict));
            return judged with { Regressions = regressions };
        }).ToList();
        return (compared, null);
    }

    /// <summary>A judged case's raw times as the comparisons take them: milliseconds per operation, with each launch's size.</summary>
    private static BenchmarkRegression.Run RunOf(BenchmarkVerdicts judged) =>
        new(judged.Samples.Select(BenchmarkCaseIndicators.Milliseconds).ToList(), judged.Launches);

    private static string Names(List<(BenchmarkRun Run, BenchmarkCase Case)> cases)
    {
        var names = cases.Select(c => UserText.Quote(c.Case.Name)).Take(NamesShown).ToList();
        return string.Join(", ", names) + (cases.Count > NamesShown ? $" and {cases.Count - NamesShown} more" : "");
    }
}

/// <summary>
/// Why a spec's benchmark entry could not be judged as a whole: its results missing or unreadable, no case selected, or
/// the base's results (against a base checkout) unreadable.
/// </summary>
public sealed record BenchmarkProblem(string SpecPath, string Entry, Diagnostic Diagnostic);

/// <summary>One case of a spec's benchmark entry: where it was read, its indicators and the verdict of each budget.</summary>
/// <param name="SpecPath">The spec declaring the entry.</param>
/// <param name="Entry">The entry's name under <c>benchmarks</c>.</param>
/// <param name="Case">BenchmarkDotNet's full name of the case, parameters included.</param>
/// <param name="ResultsFile">The results file that holds the case.</param>
/// <param name="Host">The machine the case ran on, as BenchmarkDotNet describes it.</param>
/// <param name="Values">The case's indicators that the results carry.</param>
/// <param name="Verdicts">One per declared bound; a bound on an indicator the results lack, or of a hardware profile the host does not match, is skipped.</param>
public sealed record BenchmarkVerdicts(string SpecPath, string Entry, string Case, string ResultsFile, BenchmarkHost Host,
    IReadOnlyList<IndicatorValue> Values, IReadOnlyList<BudgetVerdict> Verdicts)
{
    /// <summary>Nanoseconds per operation of each measured workload iteration, as BenchmarkDotNet recorded them.</summary>
    public IReadOnlyList<double> Samples { get; init; } = Array.Empty<double>();

    /// <summary>How many of <see cref="Samples"/> each BenchmarkDotNet launch measured, in order.</summary>
    public IReadOnlyList<int> Launches { get; init; } = Array.Empty<int>();

    /// <summary>The budgets that held on the case: the entry's, and those of each hardware profile its host matches (which replace the entry's of the same indicator).</summary>
    public IReadOnlyList<Budget> Budgets { get; init; } = Array.Empty<Budget>();

    /// <summary>The case compared with its recording in the stored baseline or with the base checkout's results; empty when not compared.</summary>
    public IReadOnlyList<RegressionVerdict> Regressions { get; init; } = Array.Empty<RegressionVerdict>();
}

/// <summary>The spec's stored baseline, as read for a run that compares with it; <see cref="Baseline"/> is null when the file does not exist yet.</summary>
public sealed record StoredBaseline(Baselines.Baseline? Baseline);
