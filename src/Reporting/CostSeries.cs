using System.Globalization;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Reporting;

/// <summary>One cost indicator's values over a spec's models: a static one, or a runtime one at one machine, profile and batch.</summary>
/// <param name="Indicator">The indicator's name.</param>
/// <param name="Title">The indicator, with its setup for a runtime one (<c>latency.p50, ci-cpu b1</c>).</param>
/// <param name="Unit">The unit of the values, as the document names it.</param>
/// <param name="Values">The available values by model name, in spec order.</param>
public sealed record CostSeries(string Indicator, string Title, string Unit, IReadOnlyList<KeyValuePair<string, double>> Values)
{
    /// <summary>Whether a larger value is better (throughput, tokens per second, arithmetic intensity); costs are lower-is-better.</summary>
    public bool HigherIsBetter => EfficiencyMisnomer.Regression.IndicatorDirection.HigherIsBetter(Indicator);

    /// <summary>Every series of a spec that can be plotted: values for at least two models, not all equal.</summary>
    public static IReadOnlyList<CostSeries> Of(SpecResults spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var series = new List<CostSeries>();
        foreach (var name in Ordered(spec.Models.SelectMany(m => m.Static).Select(i => i.Name), IndicatorCatalog.StaticNames))
        {
            var values = spec.Models.Select(m => (m.Name, Result: m.StaticIndicator(name))).ToList();
            Add(series, name, name, values);
        }

        var setups = spec.Models.SelectMany(m => m.Runtime).Select(r => (r.Machine, r.Profile, r.Batch)).Distinct().ToList();
        var machines = setups.Select(s => s.Machine).Distinct(StringComparer.Ordinal).Count();
        foreach (var (machine, profile, batch) in setups)
        {
            var runs = spec.Models
                .Select(m => (m.Name, Run: m.Runtime.LastOrDefault(r => r.Machine == machine && r.Profile == profile && r.Batch == batch)))
                .Where(p => p.Run is not null)
                .ToList();
            var setup = $"{profile} b{batch.ToString(CultureInfo.InvariantCulture)}" + (machines > 1 ? $" @{machine}" : "");
            foreach (var name in Ordered(runs.SelectMany(p => p.Run!.Indicators).Select(i => i.Name), IndicatorCatalog.RuntimeNames))
            {
                Add(series, name, $"{name}, {setup}", runs.Select(p => (p.Name, Result: p.Run!.Indicator(name))).ToList());
            }
        }

        return series;
    }

    private static void Add(List<CostSeries> series, string name, string title, List<(string Model, IndicatorResult? Result)> results)
    {
        var values = results
            .Where(r => r.Result?.Value is { } v && double.IsFinite(v))
            .Select(r => new KeyValuePair<string, double>(r.Model, r.Result!.Value!.Value))
            .ToList();
        if (values.Count >= 2 && values.Any(v => v.Value != values[0].Value))
        {
            series.Add(new CostSeries(name, title, results.First(r => r.Result is not null).Result!.Unit, values));
        }
    }

    private static List<string> Ordered(IEnumerable<string> present, IEnumerable<string> catalogue)
    {
        var set = present.Distinct(StringComparer.Ordinal).ToList();
        var ordered = catalogue.Where(set.Contains).ToList();
        ordered.AddRange(set.Where(n => !ordered.Contains(n)));
        return ordered;
    }
}
