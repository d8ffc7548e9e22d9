using System.Globalization;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Disagreement;

/// <summary>
/// Writes an order flip as one sentence, e.g. "vit-deep has 5% fewer params than vit-wide but 6% more macs
/// and is 1.5× slower (latency.p50 @ ci-cpu b1)". Each side names its largest difference in time first (the
/// paper's point: speed is what the other indicators mispredict; one statistic is enough, p50 and p95 say the same
/// thing), then its largest other differences.
/// </summary>
internal static class FlipSentence
{
    /// <summary>Differences named per side; the rest are counted.</summary>
    private const int Named = 3;

    public static string Write(string first, string second,
        IReadOnlyList<(IndicatorSeries Series, IndicatorDifference Difference)> favourFirst,
        IReadOnlyList<(IndicatorSeries Series, IndicatorDifference Difference)> favourSecond) =>
        $"{UserText.Quote(first)} {Side(favourFirst, cheaper: true, leadingHas: true)} than {UserText.Quote(second)} but {Side(favourSecond, cheaper: false, leadingHas: false)}";

    private static string Side(IReadOnlyList<(IndicatorSeries Series, IndicatorDifference Difference)> differences, bool cheaper, bool leadingHas)
    {
        var phrases = new List<string>();
        var previousBare = false;
        var picked = Pick(differences).ToList();
        foreach (var (series, difference) in picked)
        {
            var (text, bare) = Phrase(series, difference.Ratio, cheaper);
            var needsHas = bare && (phrases.Count == 0 ? leadingHas : !previousBare);
            phrases.Add(needsHas ? "has " + text : text);
            previousBare = bare;
        }

        var named = phrases.Count == 1 ? phrases[0] : string.Join(", ", phrases.Take(phrases.Count - 1)) + " and " + phrases[^1];
        var rest = differences.Count - picked.Count;
        return rest > 0 ? named + string.Create(CultureInfo.InvariantCulture, $" (and by {rest} more {(rest == 1 ? "indicator" : "indicators")})") : named;
    }

    /// <summary>The named differences: the largest in time (if any), then the largest others, <see cref="Named"/> in all.</summary>
    private static IEnumerable<(IndicatorSeries Series, IndicatorDifference Difference)> Pick(
        IReadOnlyList<(IndicatorSeries Series, IndicatorDifference Difference)> differences)
    {
        var times = differences.Where(d => RankedIndicators.IsTime(d.Series.Indicator)).Take(1).ToList();
        return times.Concat(differences.Where(d => !RankedIndicators.IsTime(d.Series.Indicator)).Take(Named - times.Count));
    }

    /// <summary>The phrase for one difference, and whether it is a bare amount ("6% more macs") that may need a verb.</summary>
    private static (string Text, bool Bare) Phrase(IndicatorSeries series, double ratio, bool cheaper)
    {
        // Names come from specs and results documents: escaped and bounded like any user text.
        var where = series.Profile is null ? "" : " (" + UserText.Quote(series.Key) + ")";
        var indicator = UserText.Quote(series.Indicator);
        if (RankedIndicators.IsTime(series.Indicator))
        {
            return ("is " + Times(ratio) + (cheaper ? " faster" : " slower") + where, false);
        }

        if (series.Direction == CostDirection.HigherIsCheaper)
        {
            return ("has " + Times(ratio) + (cheaper ? " higher " : " lower ") + indicator + where, false);
        }

        var less = RankedIndicators.IsCount(series.Indicator) ? "fewer" : "less";
        // "50% fewer" reads better than "2× fewer", "3× more" better than "200% more".
        var amount = ratio >= (cheaper ? 4 : 2) ? Times(ratio) : Percent(cheaper ? 1 - (1 / ratio) : ratio - 1);
        return ($"{amount} {(cheaper ? less : "more")} {indicator}{where}", true);
    }

    private static string Times(double ratio) => double.IsInfinity(ratio)
        ? "infinitely"
        : ratio.ToString(ratio >= 10 ? "0" : "0.##", CultureInfo.InvariantCulture) + "×";

    private static string Percent(double fraction)
    {
        var percent = fraction * 100;
        return percent.ToString(percent >= 10 ? "0" : "0.#", CultureInfo.InvariantCulture) + "%";
    }
}
