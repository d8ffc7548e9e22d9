using System.Text;
using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Runtime.Gate;

/// <summary>
/// Measures a case and evaluates its budgets; while a verdict is unstable (its interval still straddles the limit
/// when the time cap passes), measures again with a longer cap. A burst of load on a shared machine then costs
/// time, not a verdict; only a case that stays undecided after every attempt is reported unstable.
/// </summary>
public static class SettledMeasurement
{
    /// <summary>Measurements of one case at most: the first, then re-measurements while a verdict is unstable.</summary>
    public const int Attempts = 2;

    /// <summary>Each re-measurement's time cap over the previous one's.</summary>
    public const double CapGrowth = 2;

    private static readonly CompositeFormat Remeasuring =
        CompositeFormat.Parse("model '{0}' [{1}]: {2} unstable after {3:0.#} s; measuring again with a {4:0.#} s time cap");

    /// <summary>Measures <paramref name="measured"/> with <paramref name="measurer"/>, re-measuring while a verdict is unstable.</summary>
    public static (RuntimeReport Report, IReadOnlyList<BudgetVerdict> Verdicts) Measure(
        RuntimeMeasurer measurer, MeasurementCase measured, IReadOnlyList<Budget> budgets, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(measurer);
        ArgumentNullException.ThrowIfNull(measured);
        return Measure(options => measurer.With(options).Measure(measured), measurer.Options, budgets, progress);
    }

    /// <summary>Runs <paramref name="measure"/> with <paramref name="options"/>, then with a longer cap while a verdict is unstable.</summary>
    public static (RuntimeReport Report, IReadOnlyList<BudgetVerdict> Verdicts) Measure(
        Func<MeasurementOptions, RuntimeReport> measure, MeasurementOptions options, IReadOnlyList<Budget> budgets, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(budgets);
        var report = measure(options);
        var verdicts = RuntimeBudgetEvaluator.Evaluate(report, budgets);
        for (int attempt = 1; attempt < Attempts && verdicts.Any(v => v.Status == VerdictStatus.Unstable); attempt++)
        {
            var longer = options with { TimeCap = options.TimeCap * CapGrowth };
            var unstable = string.Join(", ", verdicts.Where(v => v.Status == VerdictStatus.Unstable).Select(v => v.Indicator).Distinct());
            progress?.Invoke(UserText.Format(Remeasuring, report.Model, report.Profile, unstable, options.TimeCap.TotalSeconds, longer.TimeCap.TotalSeconds));
            options = longer;
            report = measure(options);
            verdicts = RuntimeBudgetEvaluator.Evaluate(report, budgets);
        }

        return (report, verdicts);
    }
}
