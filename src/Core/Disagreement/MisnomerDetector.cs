using System.Globalization;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Disagreement;

/// <summary>
/// Finds where cost indicators disagree, the paper's misnomer: ranks a spec's models by every cost indicator
/// present, correlates the rankings, and lists the pairs of models whose order depends on the indicator chosen.
/// </summary>
public static class MisnomerDetector
{
    /// <summary>
    /// Ranks the spec's models by every cost indicator present (static ones, and each runtime indicator per
    /// machine/profile/batch as its own key), correlates the rankings, and lists the pairs of models whose order flips.
    /// </summary>
    public static DisagreementReport Analyze(SpecResults spec) => Analyze(spec, DisagreementOptions.Default);

    /// <inheritdoc cref="Analyze(SpecResults)"/>
    public static DisagreementReport Analyze(SpecResults spec, DisagreementOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var series = Series(spec).Where(s => s.Points.Count >= 2).ToList();
        var models = spec.Models.Select(m => m.Name).Distinct(StringComparer.Ordinal).ToList();
        var rankings = series.Select(s => Rank(s, options)).ToList();
        return new DisagreementReport(spec.Name, rankings, Correlations(series, models, options), Flips(series, models, options));
    }

    private static IEnumerable<IndicatorSeries> Series(SpecResults spec)
    {
        foreach (var name in IndicatorCatalog.StaticNames)
        {
            if (RankedIndicators.Direction(name) is not { } direction)
            {
                continue;
            }

            var points = new Dictionary<string, SeriesPoint>(StringComparer.Ordinal);
            foreach (var model in spec.Models)
            {
                if (model.StaticIndicator(name)?.Value is { } value && double.IsFinite(value))
                {
                    points.TryAdd(model.Name, new SeriesPoint(value, null, null, Measured: false));
                }
            }

            yield return new IndicatorSeries(name, name, null, null, null, direction, points);
        }

        var runs = spec.Models.SelectMany(m => m.Runtime).ToList();
        var severalMachines = runs.Select(r => r.Machine).Distinct(StringComparer.Ordinal).Skip(1).Any();
        var setups = runs.Select(r => (r.Machine, r.Profile, r.Batch)).Distinct()
            .OrderBy(s => s.Machine, StringComparer.Ordinal).ThenBy(s => s.Profile, StringComparer.Ordinal).ThenBy(s => s.Batch);
        foreach (var (machine, profile, batch) in setups)
        {
            foreach (var name in IndicatorCatalog.RuntimeNames)
            {
                if (RankedIndicators.Direction(name) is not { } direction)
                {
                    continue;
                }

                var points = new Dictionary<string, SeriesPoint>(StringComparer.Ordinal);
                foreach (var model in spec.Models)
                {
                    var run = model.Runtime.FirstOrDefault(r => r.Machine == machine && r.Profile == profile && r.Batch == batch);
                    if (run?.Indicator(name) is { Value: { } value } indicator && double.IsFinite(value))
                    {
                        points.TryAdd(model.Name, new SeriesPoint(value, Finite(indicator.Lower), Finite(indicator.Upper), Measured: true));
                    }
                }

                var key = string.Create(CultureInfo.InvariantCulture, $"{name} @ {profile} b{batch}") + (severalMachines ? " on " + machine : "");
                yield return new IndicatorSeries(key, name, profile, batch, machine, direction, points);
            }
        }
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private static IndicatorRanking Rank(IndicatorSeries series, DisagreementOptions options)
    {
        var ordered = series.Points
            .OrderBy(p => series.Direction == CostDirection.LowerIsCheaper ? p.Value.Value : -p.Value.Value)
            .ToList();
        var ranked = ordered
            .Select(p => new RankedModel(p.Key, p.Value.Value,
                1 + ordered.Count(o => CostComparison.Compare(o.Value, p.Value, series.Direction, options) < 0)))
            .ToList();
        return new IndicatorRanking(series.Key, series.Indicator, series.Profile, series.Batch, series.Machine, ranked);
    }

    private static List<RankCorrelation> Correlations(List<IndicatorSeries> series, List<string> models, DisagreementOptions options)
    {
        var correlations = new List<RankCorrelation>();
        for (int i = 0; i < series.Count; i++)
        {
            for (int j = i + 1; j < series.Count; j++)
            {
                var first = new List<int>();
                var second = new List<int>();
                foreach (var (a, b) in Pairs(models))
                {
                    if (Order(series[i], a, b, options) is { } x && Order(series[j], a, b, options) is { } y)
                    {
                        first.Add(x);
                        second.Add(y);
                    }
                }

                var tau = first.Count > 0 ? KendallTau.TauB(first, second) : double.NaN;
                if (!double.IsNaN(tau))
                {
                    correlations.Add(new RankCorrelation(series[i].Key, series[j].Key, tau, first.Count));
                }
            }
        }

        return correlations;
    }

    private static List<OrderFlip> Flips(List<IndicatorSeries> series, List<string> models, DisagreementOptions options)
    {
        var flips = new List<OrderFlip>();
        foreach (var (a, b) in Pairs(models))
        {
            var favourFirst = new List<(IndicatorSeries Series, IndicatorDifference Difference)>();
            var favourSecond = new List<(IndicatorSeries Series, IndicatorDifference Difference)>();
            foreach (var s in series)
            {
                if (Order(s, a, b, options) is not { } order || order == 0)
                {
                    continue;
                }

                var (x, y) = (s.Points[a].Value, s.Points[b].Value);
                var difference = new IndicatorDifference(s.Key, x, y, CostComparison.Ratio(x, y));
                (order < 0 ? favourFirst : favourSecond).Add((s, difference));
            }

            if (favourFirst.Count > 0 && favourSecond.Count > 0)
            {
                favourFirst = favourFirst.OrderByDescending(d => d.Difference.Ratio).ToList();
                favourSecond = favourSecond.OrderByDescending(d => d.Difference.Ratio).ToList();
                flips.Add(new OrderFlip(a, b,
                    favourFirst.Select(d => d.Difference).ToList(),
                    favourSecond.Select(d => d.Difference).ToList(),
                    FlipSentence.Write(a, b, favourFirst, favourSecond)));
            }
        }

        return flips;
    }

    /// <summary>The order of two models by one series, or null when either lacks a value.</summary>
    private static int? Order(IndicatorSeries series, string a, string b, DisagreementOptions options) =>
        series.Points.TryGetValue(a, out var x) && series.Points.TryGetValue(b, out var y)
            ? CostComparison.Compare(x, y, series.Direction, options)
            : null;

    private static IEnumerable<(string First, string Second)> Pairs(List<string> models)
    {
        for (int i = 0; i < models.Count; i++)
        {
            for (int j = i + 1; j < models.Count; j++)
            {
                yield return (models[i], models[j]);
            }
        }
    }
}
