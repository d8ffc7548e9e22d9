using System.Globalization;
using System.Text;
using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Exporters;

/// <summary>A short plain-text summary of a <see cref="GateResult"/>: per model, each budgeted indicator and its verdict.</summary>
public static class GateResultText
{
    private const int PathLength = 1000;

    private static readonly string[] Header = { "indicator", "measured", "bound", "limit", "status" };

    public static string Table(GateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        foreach (var model in result.Models)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{UserText.Quote(model.SpecPath, PathLength)}: model '{UserText.Quote(model.ModelName)}' ({UserText.Quote(model.ModelPath, PathLength)})");
            if (model.Report is not { } report)
            {
                text.AppendLine("  not analysed");
                continue;
            }

            var rows = model.Verdicts.Select(v =>
            {
                var unit = report[v.Indicator].Unit;
                var (measured, limit) = QuantityFormat.Pair(v.Measured, v.Limit, unit);
                return new[] { v.Indicator, measured, v.Bound == BudgetBound.Max ? "max" : "min", limit, v.Status.ToString().ToLowerInvariant() };
            }).ToList();
            if (rows.Count == 0)
            {
                text.AppendLine("  no budgets evaluated");
                AppendRegressions(text, model.Regressions);
                continue;
            }

            var widths = Header.Select((h, c) => Math.Max(h.Length, rows.Max(r => r[c].Length))).ToArray();
            void Line(string[] cells) => text.AppendLine("  " + string.Join("  ", cells.Select((cell, c) => c is 1 or 3 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
            Line(Header);
            Line(widths.Select(w => new string('-', w)).ToArray());
            rows.ForEach(Line);
            AppendRegressions(text, model.Regressions);
        }

        var verdicts = result.Models.SelectMany(m => m.Verdicts).ToList();
        var errors = result.Diagnostics.Count(d => d.Severity == Diagnostics.DiagnosticSeverity.Error);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{result.Models.Count} model(s), {verdicts.Count} static budget(s): {verdicts.Count(v => v.Status == VerdictStatus.Pass)} passed, {verdicts.Count(v => v.Status == VerdictStatus.Fail)} failed, {verdicts.Count(v => v.Status == VerdictStatus.Warning)} warned; {errors} error(s).");
        var regressions = result.Models.SelectMany(m => m.Regressions).ToList();
        if (regressions.Count > 0)
        {
            text.AppendLine(RegressionSummary(regressions));
        }

        return text.ToString();
    }

    /// <summary>One line per comparison with the baseline or base revision: <c>regression pass     model 'm': macs 2.8 M vs baseline 2.8 M (+0.0%): within 5%</c>.</summary>
    public static void AppendRegressions(StringBuilder text, IEnumerable<RegressionVerdict> regressions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(regressions);
        foreach (var message in regressions.Select(r => $"  regression {r.StatusName,-9} {UserText.Escape(r.Message)}").Distinct())
        {
            text.AppendLine(message);
        }
    }

    /// <summary><c>N regression check(s): a passed, b regressed, c improved, d inconclusive, e skipped.</c></summary>
    public static string RegressionSummary(IReadOnlyCollection<RegressionVerdict> regressions)
    {
        ArgumentNullException.ThrowIfNull(regressions);
        int Count(RegressionOutcome status) => regressions.Count(r => r.Status == status);
        var checks = regressions.Count(r => r.Indicator != RegressionVerdict.WholeModel);
        var models = Count(RegressionOutcome.Unchanged) + Count(RegressionOutcome.New) == 0 ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $" {Count(RegressionOutcome.Unchanged)} model(s) unchanged, {Count(RegressionOutcome.New)} new.");
        return string.Create(CultureInfo.InvariantCulture,
            $"{checks} regression check(s): {Count(RegressionOutcome.Pass)} passed, {Count(RegressionOutcome.Regressed)} regressed, {Count(RegressionOutcome.Improved)} improved, {Count(RegressionOutcome.Inconclusive)} inconclusive, {Count(RegressionOutcome.Skipped)} skipped.{models}");
    }
}
