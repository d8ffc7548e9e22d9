using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Gates;

/// <summary>Turns what the gates found into <see cref="EfficiencyResults"/>: the front ends write these, reports read them.</summary>
public static class ResultsBuilder
{
    /// <summary>The static half of a run: the results the gate built for every loaded spec, no machine.</summary>
    public static EfficiencyResults FromStatic(GateResult gate, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(gate);
        return new EfficiencyResults(created, Array.Empty<MachineResults>(), gate.Results)
        {
            Commit = Revisions.RepositoryCommit.Of(gate.Specs.Select(s => s.Path)),
        };
    }

    /// <summary>
    /// A spec's models as the static gate saw them (<paramref name="analysed"/>; a model it did not reach has no static
    /// indicators), and the cases of its benchmarks the gate judged.
    /// </summary>
    public static SpecResults Spec(Spec spec, IReadOnlyList<ModelVerdicts> analysed, IReadOnlyList<BenchmarkVerdicts>? benchmarks = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(analysed);
        var models = spec.Models.Select(model => Model(model, analysed.FirstOrDefault(m => m.SpecPath == spec.Path && m.ModelName == model.Name))).ToList();
        var revision = analysed.FirstOrDefault(m => m.SpecPath == spec.Path && m.Base is not null)?.Base!.Revision;
        return new SpecResults(spec.Name.Value, spec.Path, DisagreementName(spec.Disagreement.Value), models)
        {
            Revisions = revision is null ? null : new RevisionResults(revision.Against, revision.Source, revision.Commit, revision.HeadCommit),
            Benchmarks = (benchmarks ?? Array.Empty<BenchmarkVerdicts>()).Where(b => b.SpecPath == spec.Path).Select(Benchmark).ToList(),
        };
    }

    /// <summary>
    /// A judged benchmark case: its host, indicators, raw samples (ms per operation, at most
    /// <see cref="RuntimeResults.MaxStoredSamples"/>: <see cref="WholeLaunches"/>) and verdicts.
    /// </summary>
    public static BenchmarkResults Benchmark(BenchmarkVerdicts judged)
    {
        ArgumentNullException.ThrowIfNull(judged);
        var (samples, launches) = WholeLaunches(judged.Samples, judged.Launches);
        return new BenchmarkResults(judged.Entry, judged.Case, judged.ResultsFile, judged.Host.Facts(), judged.Values.Select(Indicator).ToList(),
            samples.Select(Benchmarks.BenchmarkCaseIndicators.Milliseconds).ToList(),
            judged.Verdicts.Select(v => Verdict(v, v.Profile)).Concat(judged.Regressions.Select(Verdict)).ToList())
        {
            Launches = launches,
        };
    }

    /// <summary>
    /// The samples a results document keeps: the first launches whose samples fit in
    /// <see cref="RuntimeResults.MaxStoredSamples"/>, whole, with their sizes, so that a comparison with the document
    /// still tests launches; without sizes, or when the first launch alone is larger, its first samples and no sizes.
    /// </summary>
    private static (IReadOnlyList<double> Samples, IReadOnlyList<int> Launches) WholeLaunches(IReadOnlyList<double> samples, IReadOnlyList<int> launches)
    {
        var kept = new List<int>();
        var count = 0;
        foreach (var size in launches)
        {
            if (count + size > RuntimeResults.MaxStoredSamples)
            {
                break;
            }

            count += size;
            kept.Add(size);
        }

        return kept.Count == 0
            ? (samples.Take(RuntimeResults.MaxStoredSamples).ToList(), Array.Empty<int>())
            : (samples.Take(count).ToList(), kept);
    }

    /// <summary>A model's static indicators and budget verdicts; empty when it was not analysed.</summary>
    public static ModelResults Model(ModelEntry model, ModelVerdicts? analysed)
    {
        ArgumentNullException.ThrowIfNull(model);
        var quality = model.Quality.ToDictionary(q => q.Name, q => q.Value, StringComparer.Ordinal);
        var indicators = analysed?.Report?.Indicators.Select(Indicator).ToList() ?? new List<IndicatorResult>();
        var verdicts = analysed?.Verdicts.Select(v => Verdict(v)).Concat(analysed.Regressions.Select(Verdict)).ToList() ?? new List<VerdictResult>();
        return new ModelResults(model.Name, model.ResolvedPath, quality, indicators, Array.Empty<RuntimeResults>(), verdicts)
        {
            Base = analysed?.Base is { } counterpart
                ? new BaseResults(counterpart.Model.Status.ToString().ToLowerInvariant(), counterpart.Model.RelativePath,
                    counterpart.Report?.Indicators.Select(Indicator).ToList() ?? new List<IndicatorResult>(), Array.Empty<RuntimeResults>())
                : null,
        };
    }

    /// <summary>An exact static value: no interval, one observation.</summary>
    public static IndicatorResult Indicator(IndicatorValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new IndicatorResult(value.Name, value.Unit, value.Value);
    }

    /// <summary>A budget's verdict; <paramref name="profile"/> and <paramref name="batch"/> for a runtime budget.</summary>
    public static VerdictResult Verdict(BudgetVerdict verdict, string? profile = null, int? batch = null)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new VerdictResult("budget", verdict.Indicator, StatusName(verdict.Status), verdict.Message, verdict.Location.ToString(),
            profile, batch, double.IsFinite(verdict.Measured) ? verdict.Measured : null, verdict.Limit);
    }

    /// <summary>A comparison with the baseline: kind <c>regression</c>, the baseline's value as the reference, the ratio and its interval.</summary>
    public static VerdictResult Verdict(RegressionVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new VerdictResult("regression", verdict.Indicator, verdict.StatusName, verdict.Message, verdict.Location.ToString(),
            verdict.Profile, verdict.Batch, verdict.Measured, verdict.Reference, verdict.Ratio, verdict.RatioLower, verdict.RatioUpper)
        {
            Confidence = verdict.Confidence,
            RatioLower95 = verdict.Interval95?.Lower,
            RatioUpper95 = verdict.Interval95?.Upper,
            Against = verdict.Against,
        };
    }

    /// <summary>The name of a status in results documents: <c>pass</c>, <c>fail</c>, <c>warning</c>, <c>unstable</c>, <c>skipped</c>.</summary>
    public static string StatusName(VerdictStatus status) => status.ToString().ToLowerInvariant();

    private static string DisagreementName(GateMode mode) => mode.ToString().ToLowerInvariant();
}
