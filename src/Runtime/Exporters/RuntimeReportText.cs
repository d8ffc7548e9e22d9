using System.Globalization;
using System.Text;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Runtime.Exporters;

/// <summary>
/// Plain text of a measured case: provider and settings, every runtime indicator with its interval (a budgeted one whose
/// interval did not settle marked unstable), then the verdicts.
/// </summary>
public static class RuntimeReportText
{
    public static string Case(RuntimeCase measured)
    {
        ArgumentNullException.ThrowIfNull(measured);
        var text = new StringBuilder();
        var report = measured.Report;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{UserText.Quote(measured.SpecPath)}: model '{UserText.Quote(report.Model)}' [{UserText.Quote(report.Profile)}] batch {report.Batch} on {report.Provider.Provider} ({UserText.Quote(report.Provider.Reason)}); " +
            $"{report.Settings.IntraOpThreads} intra-op / {report.Settings.InterOpThreads} inter-op threads, {report.Settings.ExecutionName}, optimization {report.Settings.OptimizationName}; " +
            $"{report.WarmupRuns} warm-up runs, {report.Elapsed.TotalSeconds:0.0} s");
        var width = report.Indicators.Select(i => i.Name.Length).DefaultIfEmpty(0).Max();
        // Sampling stops when the budgeted statistics are precise; only theirs can be called unstable.
        var budgeted = measured.Verdicts.Select(v => v.Indicator).ToHashSet(StringComparer.Ordinal);
        foreach (var indicator in report.Indicators)
        {
            var value = indicator.Value is { } v ? QuantityFormat.Compact(v, indicator.Indicator.Unit, 3) : "-";
            var interval = indicator.HalfWidth is > 0 and var half ? "±" + QuantityFormat.Compact(half, indicator.Indicator.Unit, 3) : "";
            var samples = indicator.Samples > 1 ? indicator.Samples.ToString(CultureInfo.InvariantCulture) + " samples" : "";
            var note = indicator.Note ?? (indicator.Stable || !budgeted.Contains(indicator.Name) ? "" : "unstable");
            var row = string.Create(CultureInfo.InvariantCulture, $"  {indicator.Name.PadRight(width)} {value,14} {interval,-14} {samples,-14} {note}");
            text.AppendLine(row.TrimEnd());
        }

        if (measured.Paired is { } paired)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {paired.Rounds} interleaved rounds of {paired.Block} inference(s) per side; head/base {paired.Ratio.Ratio:0.0000}, {EfficiencyMisnomer.Regression.RegressionText.Level(paired.Ratio.Confidence)} interval {paired.Ratio.Lower:0.0000} to {paired.Ratio.Upper:0.0000}{(paired.Decided ? "" : ", stopped by the time cap")}");
            text.Append(EfficiencyMisnomer.Exporters.ComparisonText.Table(measured.Regressions));
        }

        foreach (var verdict in measured.Verdicts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {verdict.Status.ToString().ToLowerInvariant(),-8} {verdict.Message}");
        }

        EfficiencyMisnomer.Exporters.GateResultText.AppendRegressions(text, measured.Regressions);

        return text.ToString();
    }
}
