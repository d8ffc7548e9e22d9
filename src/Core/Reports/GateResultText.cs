using System.Globalization;
using System.Text;
using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Reports;

/// <summary>A short plain-text summary of a <see cref="GateResult"/>: per model, each budgeted indicator and its verdict.</summary>
public static class GateResultText
{
    private static readonly string[] Header = { "indicator", "measured", "bound", "limit", "status" };

    public static string Table(GateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        foreach (var model in result.Models)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{model.SpecPath}: model '{model.ModelName}' ({model.ModelPath})");
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
                continue;
            }

            var widths = Header.Select((h, c) => Math.Max(h.Length, rows.Max(r => r[c].Length))).ToArray();
            void Line(string[] cells) => text.AppendLine("  " + string.Join("  ", cells.Select((cell, c) => c is 1 or 3 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
            Line(Header);
            Line(widths.Select(w => new string('-', w)).ToArray());
            rows.ForEach(Line);
        }

        var verdicts = result.Models.SelectMany(m => m.Verdicts).ToList();
        var errors = result.Diagnostics.Count(d => d.Severity == Diagnostics.DiagnosticSeverity.Error);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{result.Models.Count} model(s), {verdicts.Count} budget(s): {verdicts.Count(v => v.Status == VerdictStatus.Pass)} passed, {verdicts.Count(v => v.Status == VerdictStatus.Fail)} failed, {verdicts.Count(v => v.Status == VerdictStatus.Warning)} warned; {errors} error(s).");
        return text.ToString();
    }
}
