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
                verdicts.Add(Skipped(RegressionText.Format(RegressionText.NoBaselineFile, subject, policy.ResolvedBaseline ?? string.Empty), Diagnostics.ErrorCodes.NoBaseline));
            }
            else if (entry is null)
            {
                verdicts.Add(Skipped(RegressionText.Format(RegressionText.NoStaticEntry, subject, policy.ResolvedBaseline ?? string.Empty), Diagnostics.ErrorCodes.NoBaseline));
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
                verdicts.Add(Exact(model, indicator, value, reference, tolerance.Value, location, "baseline"));
            }
        }

        return verdicts;
    }

    /// <summary>
    /// The verdicts of <paramref name="policy"/> on <paramref name="report"/> against the same model at a base revision
    /// (<paramref name="baseReport"/>, analysed at the same bindings), named <paramref name="against"/> in messages.
    /// </summary>
    public static IReadOnlyList<RegressionVerdict> Compare(RegressionPolicy policy, string model, IReadOnlyList<Budget> budgets, StaticReport report,
        StaticReport baseReport, string against)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(baseReport);
        var verdicts = new List<RegressionVerdict>();
        foreach (var indicator in RegressionScope.Static(policy, budgets))
        {
            var name = indicator.Name;
            var tolerance = policy.Tolerance(name);
            var location = policy.Names(name) ? tolerance.Location : policy.Against?.Location ?? policy.Location;
            var measured = report.Indicators.FirstOrDefault(i => i.Name == name)?.Value;
            var reference = baseReport.Indicators.FirstOrDefault(i => i.Name == name)?.Value;
            if (measured is { } value && reference is { } before)
            {
                verdicts.Add(Exact(model, indicator, value, before, tolerance.Value, location, against));
                continue;
            }

            var missing = measured is null ? "was not computed for the head" : "was not computed for the base";
            verdicts.Add(new RegressionVerdict(model, name, RegressionOutcome.Skipped, measured, reference, location,
                RegressionText.Format(RegressionText.MissingValue, $"model '{Diagnostics.UserText.Quote(model)}'", name, missing))
            {
                Code = Diagnostics.ErrorCodes.RegressionNotCompared, Tolerance = tolerance.Value, Against = against,
            });
        }

        return verdicts;
    }

    private static RegressionVerdict Exact(string model, Indicators.Indicator indicator, double value, double reference, double tolerance,
        Diagnostics.SourceLocation location, string against)
    {
        var (status, ratio) = ExactComparison.Compare(indicator.Name, value, reference, tolerance);
        var message = RegressionText.Compared($"model '{Diagnostics.UserText.Quote(model)}'", indicator.Name, indicator.Unit, value, reference, status, tolerance, ratio, against: against);
        return new RegressionVerdict(model, indicator.Name, status, value, reference, location, message) { Ratio = ratio, Tolerance = tolerance, Against = against };
    }
}
