using EfficiencyMisnomer.Benchmarks;
using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Files;
using EfficiencyMisnomer.Indicators;
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
    private const string NotJudgedYet = "; its budgets are judged once they exist";
    private const string CannotRead = "benchmark '{0}': {1}";
    private const string NoCase = "benchmark '{0}': no case matches '{1}'; the results hold: {2}";
    private const string NoCases = "benchmark '{0}': the results at '{1}' hold no case";
    private const string TwiceMeasured = "benchmark '{0}': case '{1}' is in both '{2}' and '{3}'; point 'results' at one run";
    private const string Unavailable = "benchmark '{0}' case '{1}': budget of '{2}' skipped: {3}";
    private const int NamesShown = 10;

    /// <summary>Judges every case of the spec's entries; an entry that cannot be judged as a whole adds its error to <paramref name="problems"/> too.</summary>
    public static IReadOnlyList<BenchmarkVerdicts> Check(Spec spec, GateMode mode, bool requireResults, List<Diagnostic> diagnostics, List<string> inputs,
        List<BenchmarkProblem> problems)
    {
        var judged = new List<BenchmarkVerdicts>();
        if (mode == GateMode.Off)
        {
            return judged;
        }

        foreach (var entry in spec.Benchmarks)
        {
            var reported = diagnostics.Count;
            var cases = CheckEntry(spec, entry, mode, requireResults, diagnostics, inputs);
            if (cases.Count == 0)
            {
                // An entry without a judged case failed as a whole: what it reported is the entry's problem.
                problems.AddRange(diagnostics.Skip(reported).Select(d => new BenchmarkProblem(spec.Path, entry.Name, d)));
            }

            judged.AddRange(cases);
        }

        return judged;
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
            var message = UserText.Format(NoResults, name, UserText.Quote(entry.Results.Value), UserText.Quote(entry.ResolvedResults));
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

        return selected.Select(c => Judge(spec, entry, c.Run, c.Case, mode, diagnostics)).ToList();
    }

    private static BenchmarkVerdicts Judge(Spec spec, BenchmarkEntry entry, BenchmarkRun run, BenchmarkCase benchmark, GateMode mode, List<Diagnostic> diagnostics)
    {
        var values = BenchmarkCaseIndicators.Of(benchmark);
        var byName = values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        var available = entry.Budgets.Where(b => byName.ContainsKey(b.Indicator.Name)).ToList();
        var verdicts = BudgetEvaluator.Evaluate(UserText.Format(Subject, UserText.Quote(entry.Name), UserText.Quote(benchmark.Name)), available, n => byName[n], mode).ToList();
        diagnostics.AddRange(verdicts.Select(BudgetEvaluator.Diagnose).OfType<Diagnostic>());
        foreach (var budget in entry.Budgets.Except(available))
        {
            var message = UserText.Format(Unavailable, UserText.Quote(entry.Name), UserText.Quote(benchmark.Name), budget.Indicator.Name,
                BenchmarkCaseIndicators.Missing(benchmark, budget.Indicator));
            diagnostics.Add(Diagnostic.Warning(ErrorCodes.BenchmarkIndicatorUnavailable, message, budget.Location));
            verdicts.Add(new BudgetVerdict(budget.Indicator.Name, double.NaN, (budget.Max ?? budget.Min)!.Value, budget.Max is null ? BudgetBound.Min : BudgetBound.Max,
                VerdictStatus.Skipped, budget.Location, message) { Severity = budget.Severity });
        }

        return new BenchmarkVerdicts(spec.Path, entry.Name, benchmark.Name, run.Path, run.Host, values, verdicts) { Samples = benchmark.Samples };
    }

    private static string Names(List<(BenchmarkRun Run, BenchmarkCase Case)> cases)
    {
        var names = cases.Select(c => UserText.Quote(c.Case.Name)).Take(NamesShown).ToList();
        return string.Join(", ", names) + (cases.Count > NamesShown ? $" and {cases.Count - NamesShown} more" : "");
    }
}

/// <summary>Why a spec's benchmark entry could not be judged as a whole: its results missing or unreadable, or no case selected.</summary>
public sealed record BenchmarkProblem(string SpecPath, string Entry, Diagnostic Diagnostic);

/// <summary>One case of a spec's benchmark entry: where it was read, its indicators and the verdict of each budget.</summary>
/// <param name="SpecPath">The spec declaring the entry.</param>
/// <param name="Entry">The entry's name under <c>benchmarks</c>.</param>
/// <param name="Case">BenchmarkDotNet's full name of the case, parameters included.</param>
/// <param name="ResultsFile">The results file that holds the case.</param>
/// <param name="Host">The machine the case ran on, as BenchmarkDotNet describes it.</param>
/// <param name="Values">The case's indicators that the results carry.</param>
/// <param name="Verdicts">One per declared bound; a bound on an indicator the results lack is skipped.</param>
public sealed record BenchmarkVerdicts(string SpecPath, string Entry, string Case, string ResultsFile, BenchmarkHost Host,
    IReadOnlyList<IndicatorValue> Values, IReadOnlyList<BudgetVerdict> Verdicts)
{
    /// <summary>Nanoseconds per operation of each measured workload iteration, as BenchmarkDotNet recorded them.</summary>
    public IReadOnlyList<double> Samples { get; init; } = Array.Empty<double>();
}
