using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Specs;
using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Budgets;

/// <summary>Compares a model's static indicators with its budgets: one verdict per declared bound.</summary>
public static class BudgetEvaluator
{
    private const string Exceeds = "{0}: {1} {2} exceeds max {3}";
    private const string Within = "{0}: {1} {2} is within max {3}";
    private const string Below = "{0}: {1} {2} is below min {3}";
    private const string AtLeast = "{0}: {1} {2} meets min {3}";
    private const string Model = "model '{0}'";

    /// <summary>
    /// The verdicts of <paramref name="budgets"/> on <paramref name="report"/>. Under <see cref="GateMode.Error"/> a breach
    /// of an error-severity budget fails; a warning-severity budget, or any budget under <see cref="GateMode.Warn"/>, warns.
    /// </summary>
    public static IReadOnlyList<BudgetVerdict> Evaluate(string modelName, IReadOnlyList<Budget> budgets, StaticReport report, GateMode mode)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Evaluate(UserText.Format(Model, UserText.Quote(modelName)), budgets, name => report[name].Value, mode);
    }

    /// <summary>
    /// The verdicts of <paramref name="budgets"/> on the values <paramref name="measured"/> gives by indicator name;
    /// <paramref name="subject"/> starts each message (<c>model 'resnet18'</c>).
    /// </summary>
    public static IReadOnlyList<BudgetVerdict> Evaluate(string subject, IReadOnlyList<Budget> budgets, Func<string, double> measured, GateMode mode)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(budgets);
        ArgumentNullException.ThrowIfNull(measured);
        var verdicts = new List<BudgetVerdict>();
        if (mode == GateMode.Off)
        {
            return verdicts;
        }

        foreach (var budget in budgets)
        {
            var value = measured(budget.Indicator.Name);
            if (budget.Max is { } max)
            {
                verdicts.Add(Verdict(subject, budget, max, BudgetBound.Max, value, value > max.Value, mode));
            }

            if (budget.Min is { } min)
            {
                verdicts.Add(Verdict(subject, budget, min, BudgetBound.Min, value, value < min.Value, mode));
            }
        }

        return verdicts;
    }

    /// <summary>The diagnostic a breached verdict gives (EM2101, or EM2102 for a warning-severity budget); null for a pass.</summary>
    public static Diagnostic? Diagnose(BudgetVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var code = verdict.Severity == BudgetSeverity.Warning ? ErrorCodes.BudgetWarning : ErrorCodes.BudgetExceeded;
        return verdict.Status switch
        {
            VerdictStatus.Fail => Diagnostic.Error(code, verdict.Message, verdict.Location),
            VerdictStatus.Warning => Diagnostic.Warning(code, verdict.Message, verdict.Location),
            _ => null,
        };
    }

    private static BudgetVerdict Verdict(string subject, Budget budget, Limit limit, BudgetBound bound, double measured, bool breached, GateMode mode)
    {
        var status = !breached ? VerdictStatus.Pass
            : budget.Severity == BudgetSeverity.Warning || mode == GateMode.Warn ? VerdictStatus.Warning
            : VerdictStatus.Fail;
        var (shownMeasured, shownLimit) = QuantityFormat.Pair(measured, limit.Value, budget.Indicator.Unit);
        var template = (bound, breached) switch
        {
            (BudgetBound.Max, true) => Exceeds,
            (BudgetBound.Max, false) => Within,
            (BudgetBound.Min, true) => Below,
            _ => AtLeast,
        };
        var message = UserText.Format(template, subject, budget.Indicator.Name, shownMeasured, shownLimit);
        return new BudgetVerdict(budget.Indicator.Name, measured, limit.Value, bound, status, limit.Location, message)
        {
            Severity = budget.Severity,
        };
    }
}
