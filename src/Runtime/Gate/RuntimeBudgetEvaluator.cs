using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Specs;
using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Runtime.Gate;

/// <summary>
/// Compares a runtime report with a profile's budgets. A breach by the whole interval fails; otherwise an
/// indicator whose interval missed its target is unstable (never a pass); an unavailable one is skipped.
/// </summary>
public static class RuntimeBudgetEvaluator
{
    private const string Exceeds = "model '{0}' [{1}]: {2} {3}{4} exceeds max {5}";
    private const string Within = "model '{0}' [{1}]: {2} {3}{4} is within max {5}";
    private const string Below = "model '{0}' [{1}]: {2} {3}{4} is below min {5}";
    private const string AtLeast = "model '{0}' [{1}]: {2} {3}{4} meets min {5}";
    private const string Unsettled = "model '{0}' [{1}]: {2} {3}{4} against {5} {6} is unstable: its interval straddles the limit and did not reach the precision target within the time cap ({7} samples); rerun on a quieter machine or raise --time-cap";
    private const string NotMeasured = "model '{0}' [{1}]: {2} is not evaluated: {3}";

    public static IReadOnlyList<BudgetVerdict> Evaluate(RuntimeReport report, IEnumerable<Budget> budgets)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(budgets);
        var verdicts = new List<BudgetVerdict>();
        foreach (var budget in budgets)
        {
            var measured = report[budget.Indicator.Name];
            if (budget.Max is { } max)
            {
                verdicts.Add(Verdict(report, budget, measured, max, BudgetBound.Max));
            }

            if (budget.Min is { } min)
            {
                verdicts.Add(Verdict(report, budget, measured, min, BudgetBound.Min));
            }
        }

        return verdicts;
    }

    /// <summary>The diagnostic of a verdict: EM2101/EM2102 for a breach, EM3004 for unstable, EM3007 for skipped; null for a pass.</summary>
    public static Diagnostic? Diagnose(BudgetVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Status switch
        {
            VerdictStatus.Unstable => Diagnostic.Warning(ErrorCodes.MeasurementUnstable, verdict.Message, verdict.Location),
            // Energy and what is derived from it have their own code: their counters are the usual missing piece.
            VerdictStatus.Skipped when verdict.Indicator == RuntimeIndicators.Energy.Name || verdict.Indicator == RuntimeIndicators.Co2.Name =>
                Diagnostic.Warning(ErrorCodes.EnergyUnavailable, verdict.Message, verdict.Location),
            VerdictStatus.Skipped => Diagnostic.Warning(ErrorCodes.IndicatorUnavailable, verdict.Message, verdict.Location),
            _ => BudgetEvaluator.Diagnose(verdict),
        };
    }

    private static BudgetVerdict Verdict(RuntimeReport report, Budget budget, MeasuredIndicator measured, Limit limit, BudgetBound bound)
    {
        var name = budget.Indicator.Name;
        if (measured.Value is not { } value)
        {
            var skipped = UserText.Format(NotMeasured, report.Model, report.Profile, name, measured.Note ?? "unavailable");
            return new BudgetVerdict(name, double.NaN, limit.Value, bound, VerdictStatus.Skipped, limit.Location, skipped) { Severity = budget.Severity };
        }

        var lower = measured.Lower ?? value;
        var upper = measured.Upper ?? value;
        // The verdict is decided once the whole interval lies on one side of the limit, however wide it is;
        // only an interval that straddles the limit after the time cap is unstable.
        var breachedSurely = bound == BudgetBound.Max ? lower > limit.Value : upper < limit.Value;
        var passesSurely = bound == BudgetBound.Max ? upper <= limit.Value : lower >= limit.Value;
        var breached = bound == BudgetBound.Max ? value > limit.Value : value < limit.Value;
        var (shown, shownLimit) = QuantityFormat.Pair(value, limit.Value, budget.Indicator.Unit);
        var interval = measured.HalfWidth is > 0 and var half ? $" (±{QuantityFormat.Compact(half, budget.Indicator.Unit)})" : string.Empty;
        if (!breachedSurely && !passesSurely && !measured.Stable)
        {
            var message = UserText.Format(Unsettled, report.Model, report.Profile, name, shown, interval, bound == BudgetBound.Max ? "max" : "min", shownLimit, measured.Samples);
            return new BudgetVerdict(name, value, limit.Value, bound, VerdictStatus.Unstable, limit.Location, message) { Severity = budget.Severity };
        }

        var fails = breachedSurely || breached;
        var status = !fails ? VerdictStatus.Pass : budget.Severity == BudgetSeverity.Warning ? VerdictStatus.Warning : VerdictStatus.Fail;
        var template = (bound, fails) switch
        {
            (BudgetBound.Max, true) => Exceeds,
            (BudgetBound.Max, false) => Within,
            (BudgetBound.Min, true) => Below,
            _ => AtLeast,
        };
        return new BudgetVerdict(name, value, limit.Value, bound, status, limit.Location, UserText.Format(template, report.Model, report.Profile, name, shown, interval, shownLimit))
        {
            Severity = budget.Severity,
        };
    }

}
