using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Disagreement;

/// <summary>
/// Finds where a spec's cost indicators rank its models differently. This minimal form ranks the static
/// indicators only and reports every pair of models that two indicators order oppositely.
/// </summary>
public static class MisnomerDetector
{
    public static DisagreementReport Analyze(SpecResults spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var rankings = new List<IndicatorRanking>();
        foreach (var name in spec.Models.SelectMany(m => m.Static).Select(i => i.Name).Distinct(StringComparer.Ordinal))
        {
            var values = spec.Models
                .Select(m => (m.Name, Value: m.StaticIndicator(name)?.Value))
                .Where(v => v.Value is not null)
                .Select(v => (v.Name, Value: v.Value!.Value))
                .OrderBy(v => v.Value)
                .ToList();
            if (values.Count == spec.Models.Count && values.Count > 1 && values[0].Value != values[^1].Value)
            {
                rankings.Add(new IndicatorRanking(name, name, null, null, null,
                    values.Select((v, i) => new RankedModel(v.Name, v.Value, i + 1)).ToList()));
            }
        }

        var correlations = new List<RankCorrelation>();
        for (int i = 0; i < rankings.Count; i++)
        {
            for (int j = i + 1; j < rankings.Count; j++)
            {
                correlations.Add(Correlate(rankings[i], rankings[j]));
            }
        }

        var flips = new List<OrderFlip>();
        var models = spec.Models.Select(m => m.Name).ToList();
        for (int i = 0; i < models.Count; i++)
        {
            for (int j = i + 1; j < models.Count; j++)
            {
                var differences = rankings.Select(r => Difference(r, models[i], models[j])).ToList();
                var favourFirst = differences.Where(d => d.FirstValue < d.SecondValue).ToList();
                var favourSecond = differences.Where(d => d.FirstValue > d.SecondValue).ToList();
                if (favourFirst.Count > 0 && favourSecond.Count > 0)
                {
                    flips.Add(new OrderFlip(models[i], models[j], favourFirst, favourSecond,
                        $"'{models[i]}' is cheaper by {favourFirst[0].Key} but '{models[j]}' is cheaper by {favourSecond[0].Key}."));
                }
            }
        }

        return new DisagreementReport(spec.Name, rankings, correlations, flips);
    }

    private static IndicatorDifference Difference(IndicatorRanking ranking, string first, string second)
    {
        var a = ranking.Models.First(m => m.Model == first).Value;
        var b = ranking.Models.First(m => m.Model == second).Value;
        return new IndicatorDifference(ranking.Key, a, b, b == 0 ? double.PositiveInfinity : a / b);
    }

    private static RankCorrelation Correlate(IndicatorRanking first, IndicatorRanking second)
    {
        int concordant = 0, discordant = 0, pairs = 0;
        var a = first.Models.ToDictionary(m => m.Model, m => m.Value, StringComparer.Ordinal);
        var b = second.Models.ToDictionary(m => m.Model, m => m.Value, StringComparer.Ordinal);
        var names = a.Keys.ToList();
        for (int i = 0; i < names.Count; i++)
        {
            for (int j = i + 1; j < names.Count; j++)
            {
                pairs++;
                var sign = Math.Sign(a[names[i]] - a[names[j]]) * Math.Sign(b[names[i]] - b[names[j]]);
                concordant += sign > 0 ? 1 : 0;
                discordant += sign < 0 ? 1 : 0;
            }
        }

        return new RankCorrelation(first.Key, second.Key, pairs == 0 ? 1 : (concordant - discordant) / (double)pairs, pairs);
    }
}

/// <summary>How a spec's cost indicators rank its models, how well the rankings agree, and which pairs of models they order oppositely.</summary>
public sealed record DisagreementReport(string Spec, IReadOnlyList<IndicatorRanking> Rankings, IReadOnlyList<RankCorrelation> Correlations, IReadOnlyList<OrderFlip> Flips)
{
    public bool Disagrees => Flips.Count > 0;
}

/// <summary>The models ordered by one indicator (at one profile, batch and machine for a runtime one), cheapest first.</summary>
public sealed record IndicatorRanking(string Key, string Indicator, string? Profile, int? Batch, string? Machine, IReadOnlyList<RankedModel> Models);

/// <summary>A model's value and rank (1 = cheapest) under one indicator.</summary>
public sealed record RankedModel(string Model, double Value, int Rank);

/// <summary>Kendall's tau between two indicators' rankings over the pairs of models both rank.</summary>
public sealed record RankCorrelation(string First, string Second, double KendallTau, int Pairs);

/// <summary>Two models that some indicators call the first cheaper and others the second.</summary>
public sealed record OrderFlip(string First, string Second, IReadOnlyList<IndicatorDifference> FavourFirst, IReadOnlyList<IndicatorDifference> FavourSecond, string Sentence);

/// <summary>One indicator's values for the two models of a flip; <see cref="Ratio"/> is first over second.</summary>
public sealed record IndicatorDifference(string Key, double FirstValue, double SecondValue, double Ratio);
