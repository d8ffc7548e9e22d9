using System.Globalization;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Exporters;

/// <summary>One run's value of an indicator in a trend: where it was measured, what it was, and what the gate said.</summary>
/// <param name="Label">The run: its commit's first 8 characters, or its date when the document names no commit.</param>
/// <param name="Created">When the run's document was made; points are in this order.</param>
/// <param name="Value">The indicator's value.</param>
/// <param name="Lower">The interval's lower bound of a measured value; null for an exact one.</param>
/// <param name="Upper">The interval's upper bound of a measured value; null for an exact one.</param>
/// <param name="Status">The worst verdict on the indicator in that run (<c>fail</c>, <c>regressed</c>, ...); null when none.</param>
/// <param name="BaselineUpdated">Whether the value a regression verdict compared with changed since the previous run: a new baseline.</param>
public sealed record TrendPoint(string Label, DateTimeOffset Created, double Value, double? Lower, double? Upper, string? Status, bool BaselineUpdated)
{
    /// <summary>Whether the gate failed on this point: a failed budget or a regression.</summary>
    public bool Breached => Status is "fail" or "regressed";
}

/// <summary>A gated indicator of one model over runs, static or at one machine, profile and batch.</summary>
/// <param name="Spec">The spec's name.</param>
/// <param name="Model">The model's name.</param>
/// <param name="Indicator">The indicator.</param>
/// <param name="Setup">Static, or the profile, batch and machine.</param>
/// <param name="Unit">The values' unit.</param>
/// <param name="Points">One point per run that has the value, oldest first.</param>
public sealed record TrendSeries(string Spec, string Model, string Indicator, string Setup, string Unit, IReadOnlyList<TrendPoint> Points);

/// <summary>
/// Trends over the runs of many commits (the view benchmark dashboards give): every gated indicator (one a budget or a
/// regression verdict judged in some run) of every model, per setup, with the gate's verdict and baseline changes at
/// each run. Runs are the documents given, ordered by when they were made; documents of one commit (or, without one, of
/// one time) are one run. A series needs two runs to be a trend.
/// </summary>
public static class TrendReport
{
    /// <summary>The most runs a Markdown trend table shows (the latest ones); plots show them all.</summary>
    public const int MarkdownRuns = 12;

    public static IReadOnlyList<TrendSeries> Build(IReadOnlyList<EfficiencyResults> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var ordered = runs.OrderBy(r => r.Created).ToList();
        var series = new Dictionary<(string Spec, string Model, string Indicator, string Setup), (string Unit, List<TrendPoint> Points)>();
        var keys = new List<(string, string, string, string)>();
        var references = new Dictionary<(string, string, string, string), double>();
        foreach (var run in ordered)
        {
            var label = run.Commit is { Length: > 0 } commit ? commit[..Math.Min(8, commit.Length)] : run.Created.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            foreach (var spec in run.Specs)
            {
                foreach (var model in spec.Models)
                {
                    var gated = model.Verdicts.Where(v => v.Kind is "budget" or "regression").ToList();
                    foreach (var group in gated.GroupBy(v => (v.Indicator, v.Profile, v.Batch)))
                    {
                        var (indicator, profile, batch) = group.Key;
                        foreach (var (setup, result) in Values(run, model, indicator, profile, batch))
                        {
                            if (result.Value is not { } value || !double.IsFinite(value))
                            {
                                continue;
                            }

                            var key = (spec.Name, model.Name, indicator, setup);
                            if (!series.TryGetValue(key, out var entry))
                            {
                                series[key] = entry = (result.Unit, new List<TrendPoint>());
                                keys.Add(key);
                            }

                            var reference = group.FirstOrDefault(v => v.Kind == "regression")?.Reference;
                            var updated = entry.Points.Count > 0 && reference is { } now && references.TryGetValue(key, out var before) && before != now;
                            if (reference is { } r)
                            {
                                references[key] = r;
                            }

                            var status = group.OrderBy(v => VerdictOrder.Rank(v.Status)).First().Status;
                            if (entry.Points.Count > 0 && entry.Points[^1].Label == label)
                            {
                                // Another document of the same run (another machine's, a merge): one point per run.
                                entry.Points.RemoveAt(entry.Points.Count - 1);
                            }

                            entry.Points.Add(new TrendPoint(label, run.Created, value, result.Lower, result.Upper, status, updated));
                        }
                    }
                }
            }
        }

        return keys.Where(k => series[k].Points.Count >= 2)
            .Select(k => new TrendSeries(k.Item1, k.Item2, k.Item3, k.Item4, series[k].Unit, series[k].Points)).ToList();
    }

    /// <summary>The indicator's values in one run: the static one, or the measured ones at the verdict's profile and batch, per machine.</summary>
    private static IEnumerable<(string Setup, IndicatorResult Result)> Values(EfficiencyResults run, ModelResults model, string indicator, string? profile, int? batch)
    {
        if (model.StaticIndicator(indicator) is { } exact && profile is null)
        {
            yield return ("static", exact);
            yield break;
        }

        foreach (var measured in model.Runtime.Where(r => r.Profile == profile && (batch is null || r.Batch == batch)))
        {
            if (measured.Indicator(indicator) is { } result)
            {
                var machine = run.Machines.Count > 1 ? $" @{measured.Machine}" : "";
                yield return ($"{ResultsReport.Setup(measured.Profile, measured.Batch)}{machine}", result);
            }
        }
    }
}
