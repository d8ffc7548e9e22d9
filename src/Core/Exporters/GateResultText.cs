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

            AppendVerdicts(text, model.Verdicts, name => report[name].Unit);
            AppendRegressions(text, model.Regressions);
        }

        foreach (var benchmark in result.Benchmarks)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{UserText.Quote(benchmark.SpecPath, PathLength)}: benchmark '{UserText.Quote(benchmark.Entry)}' case '{UserText.Quote(benchmark.Case)}' ({UserText.Quote(benchmark.ResultsFile, PathLength)})");
            AppendVerdicts(text, benchmark.Verdicts, name => Indicators.IndicatorCatalog.FindBenchmark(name)?.Unit ?? "");
            AppendRegressions(text, benchmark.Regressions);
        }

        var verdicts = result.Models.SelectMany(m => m.Verdicts).ToList();
        var errors = result.Diagnostics.Count(d => d.Severity == Diagnostics.DiagnosticSeverity.Error);
        var models = result.Models.Count > 0 || result.Benchmarks.Count == 0;
        if (models)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{result.Models.Count} model(s), {verdicts.Count} static budget(s): {verdicts.Count(v => v.Status == VerdictStatus.Pass)} passed, {verdicts.Count(v => v.Status == VerdictStatus.Fail)} failed, {verdicts.Count(v => v.Status == VerdictStatus.Warning)} warned; {errors} error(s).");
        }

        if (result.Benchmarks.Count > 0)
        {
            var judged = result.Benchmarks.SelectMany(b => b.Verdicts).ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{result.Benchmarks.Count} benchmark case(s), {judged.Count} budget(s): {judged.Count(v => v.Status == VerdictStatus.Pass)} passed, {judged.Count(v => v.Status == VerdictStatus.Fail)} failed, {judged.Count(v => v.Status == VerdictStatus.Warning)} warned, {judged.Count(v => v.Status == VerdictStatus.Skipped)} skipped{(models ? "" : $"; {errors} error(s)")}.");
        }

        var regressions = result.Models.SelectMany(m => m.Regressions).Concat(result.Benchmarks.SelectMany(b => b.Regressions)).ToList();
        if (regressions.Count > 0)
        {
            text.AppendLine(RegressionSummary(regressions));
        }

        return text.ToString();
    }

    /// <summary>A table of budget verdicts, each value in its indicator's unit (<paramref name="unitOf"/>); a line saying so when there are none.</summary>
    private static void AppendVerdicts(StringBuilder text, IReadOnlyList<BudgetVerdict> verdicts, Func<string, string> unitOf)
    {
        var rows = verdicts.Select(v =>
        {
            var (measured, limit) = QuantityFormat.Pair(v.Measured, v.Limit, unitOf(v.Indicator));
            // A benchmark budget of a hardware profile names it: the same indicator may be budgeted by several.
            var indicator = v.Profile is null ? v.Indicator : $"{v.Indicator} [{UserText.Escape(v.Profile)}]";
            return new[] { indicator, double.IsFinite(v.Measured) ? measured : "n/a", v.Bound == BudgetBound.Max ? "max" : "min", limit, v.Status.ToString().ToLowerInvariant() };
        }).ToList();
        if (rows.Count == 0)
        {
            text.AppendLine("  no budgets evaluated");
            return;
        }

        var widths = Header.Select((h, c) => Math.Max(h.Length, rows.Max(r => r[c].Length))).ToArray();
        void Line(string[] cells) => text.AppendLine("  " + string.Join("  ", cells.Select((cell, c) => c is 1 or 3 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
        Line(Header);
        Line(widths.Select(w => new string('-', w)).ToArray());
        rows.ForEach(Line);
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
