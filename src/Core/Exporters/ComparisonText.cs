using System.Globalization;
using System.Text;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Exporters;

/// <summary>
/// A model compared with its base revision as a table: indicator, base, head, the ratio the verdict rests on, its 95%
/// interval, verdict; one row per indicator compared, for the console and the test output.
/// </summary>
public static class ComparisonText
{
    /// <summary>The table of <paramref name="verdicts"/> (comparisons against a revision); empty when there are none.</summary>
    public static string Table(IEnumerable<RegressionVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var rows = verdicts.Where(v => v.Against != "baseline" && v.Indicator != RegressionVerdict.WholeModel).ToList();
        if (rows.Count == 0)
        {
            return string.Empty;
        }

        var table = new List<string[]> { Header };
        foreach (var row in rows)
        {
            var unit = IndicatorCatalog.Find(row.Indicator)?.Unit ?? string.Empty;
            var (head, reference) = row.Measured is { } m && row.Reference is { } r ? QuantityFormat.Pair(m, r, unit) : (Value(row.Measured, unit), Value(row.Reference, unit));
            var interval = row.Interval95 is { } i ? $"{RegressionText.Bound(i.Lower)} to {RegressionText.Bound(i.Upper)}"
                : row.RatioLower is { } lower && row.RatioUpper is { } upper ? $"{RegressionText.Bound(lower)} to {RegressionText.Bound(upper)} (range)" : "-";
            table.Add(new[] { row.Indicator, reference, head, row.Ratio is { } ratio ? RegressionText.Change(ratio) : "-", interval, row.StatusName });
        }

        var widths = Enumerable.Range(0, table[0].Length).Select(c => table.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"  against {rows[0].Against}:");
        foreach (var row in table)
        {
            text.AppendLine(("  " + string.Join("  ", row.Select((cell, c) => c is 1 or 2 or 3 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c])))).TrimEnd());
        }

        return text.ToString();
    }

    // The ratio is the one the verdict rests on: for timed indicators that of the paired rounds (the typical inference),
    // so a tail's own two values may differ from it; for cold start and memory the ratio of the fresh processes' medians.
    private static readonly string[] Header = { "indicator", "base", "head", "head/base", "95% interval", "verdict" };

    private static string Value(double? value, string unit) => value is { } v ? QuantityFormat.Compact(v, unit) : "-";
}
