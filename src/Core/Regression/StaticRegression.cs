using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Regression;

/// <summary>
/// Compares a model's static indicators with the baseline's, exactly, against the tolerance: they are deterministic,
/// so any change beyond the tolerance is real. Static entries are hardware-independent: every machine compares.
/// </summary>
public static class StaticRegression
{
    /// <summary>The verdicts of <paramref name="policy"/> on <paramref name="report"/>; <paramref name="baseline"/> is null when the file does not exist.</summary>
    public static IReadOnlyList<RegressionVerdict> Compare(RegressionPolicy policy, string model, IReadOnlyList<Budget> budgets, StaticReport report, Baseline? baseline)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(report);
        var subject = $"model '{Diagnostics.UserText.Quote(model)}'";
        var verdicts = new List<RegressionVerdict>();
        var entry = baseline?.StaticModel(model);
        foreach (var indicator in RegressionScope.Static(policy, budgets))
        {
            var name = indicator.Name;
            var tolerance = policy.Tolerance(name);
            var location = policy.Names(name) ? tolerance.Location : policy.Location;
            var measured = report.Indicators.FirstOrDefault(i => i.Name == name)?.Value;
            var recorded = entry?.Indicator(name);
            // A missing baseline or entry is said once, at the regression key, not once per indicator.
            RegressionVerdict Skipped(string message, string code) =>
                new(model, name, RegressionOutcome.Skipped, measured, recorded?.Value, code == Diagnostics.ErrorCodes.NoBaseline ? policy.Location : location, message)
                {
                    Code = code, Tolerance = tolerance.Value,
                };

            if (baseline is null)
            {
                verdicts.Add(Skipped(RegressionText.Format(RegressionText.NoBaselineFile, subject, policy.ResolvedBaseline), Diagnostics.ErrorCodes.NoBaseline));
            }
            else if (entry is null)
            {
                verdicts.Add(Skipped(RegressionText.Format(RegressionText.NoStaticEntry, subject, policy.ResolvedBaseline), Diagnostics.ErrorCodes.NoBaseline));
            }
            else if (measured is not { } value)
            {
                verdicts.Add(Skipped(RegressionText.Format(RegressionText.MissingValue, subject, name, "was not computed in this run"), Diagnostics.ErrorCodes.RegressionNotCompared));
            }
            else if (recorded?.Value is not { } reference)
            {
                verdicts.Add(Skipped(RegressionText.Format(RegressionText.MissingValue, subject, name, "has no value in the baseline"), Diagnostics.ErrorCodes.RegressionNotCompared));
            }
            else
            {
                var (status, ratio) = ExactComparison.Compare(name, value, reference, tolerance.Value);
                var message = RegressionText.Compared(subject, name, indicator.Unit, value, reference, status, tolerance.Value, ratio);
                verdicts.Add(new RegressionVerdict(model, name, status, value, reference, location, message) { Ratio = ratio, Tolerance = tolerance.Value });
            }
        }

        return verdicts;
    }
}
