using System.Globalization;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Regression;

/// <summary>The sentences of regression verdicts: the values side by side, the change, and what it means.</summary>
public static class RegressionText
{
    public const string NoBaselineFile = "{0}: no baseline yet ({1} does not exist); not compared. Record one on request: 'misnomer run SPEC --update-baseline', or 'misnomer baseline update RESULTS.json'";
    public const string NoProfileEntry = "{0}: the baseline {1} has no entry for hardware profile '{2}'; not compared. Record one on this machine: 'misnomer run SPEC --update-baseline'";
    public const string OtherMachine = "{0}: the baseline's entry for profile '{1}' was recorded on other hardware ({2}); this machine is {3}. Not compared: record a baseline on this hardware ('misnomer run SPEC --update-baseline'); a CI matrix keeps one entry per runner type";
    public const string NoStaticEntry = "{0}: the baseline {1} has no static indicators of this model; not compared. Record them: 'misnomer check SPEC --results r.json' then 'misnomer baseline update r.json'";
    public const string NoMeasurement = "{0}: the baseline's entry for profile '{1}' on this machine has no measurement at batch {2}; not compared. Record one: 'misnomer run SPEC --update-baseline'";
    public const string MissingValue = "{0}: {1} {2}; not compared";
    public const string Unsettled = " (unsettled after a second measurement: rerun on a quieter machine or raise --time-cap)";

    /// <summary>
    /// <c>model 'm' [p] batch 1: latency.p50 3.21 ms vs baseline 2.90 ms (+10.7%, 99% interval +9.8% to +11.5%): regressed beyond 5%</c>.
    /// </summary>
    /// <param name="subject">The model, and for a measurement its profile and batch.</param>
    /// <param name="indicator">The indicator's name.</param>
    /// <param name="unit">The indicator's unit.</param>
    /// <param name="measured">This run's value.</param>
    /// <param name="reference">The baseline's value.</param>
    /// <param name="status">The outcome.</param>
    /// <param name="tolerance">The tolerance applied.</param>
    /// <param name="ratio"><paramref name="measured"/> over <paramref name="reference"/>.</param>
    /// <param name="interval">The interval of the tested ratio, for measured indicators.</param>
    /// <param name="tested">
    /// The ratio the verdict rests on when it is not <paramref name="ratio"/> (a tail latency is judged by the test of
    /// the latency samples, not by its own two values); shown beside it.
    /// </param>
    /// <param name="against">What the value is compared with: <c>baseline</c>, or <c>base main (3f2a1b4c)</c>.</param>
    /// <param name="basis">What <paramref name="tested"/> rests on, for the sentence.</param>
    public static string Compared(string subject, string indicator, string unit, double measured, double reference, RegressionOutcome status,
        double tolerance, double ratio, (double Lower, double Upper, double Confidence)? interval = null, double? tested = null,
        string against = "baseline", string basis = "the latency samples")
    {
        var (shown, shownReference) = QuantityFormat.Pair(measured, reference, unit);
        var change = Change(ratio);
        if (interval is { } i)
        {
            var by = tested is { } t ? string.Create(CultureInfo.InvariantCulture, $"; by {basis} {Change(t)}") : string.Empty;
            change += string.Create(CultureInfo.InvariantCulture, $"{by}, {Level(i.Confidence)} interval {Bound(i.Lower)} to {Bound(i.Upper)}");
        }

        var outcome = status switch
        {
            RegressionOutcome.Regressed => $"regressed beyond {Percent(tolerance)}",
            RegressionOutcome.Improved when against == "baseline" => $"improved beyond {Percent(tolerance)}; record the baseline again to keep the gain",
            RegressionOutcome.Improved => $"improved beyond {Percent(tolerance)}",
            RegressionOutcome.Inconclusive => $"inconclusive: cannot tell whether it moved beyond {Percent(tolerance)}",
            _ => $"within {Percent(tolerance)}",
        };
        return $"{UserText.Escape(subject)}: {UserText.Escape(indicator)} {shown} vs {UserText.Escape(against)} {shownReference} ({change}): {outcome}";
    }

    /// <summary>A confidence level as a percentage with the digits it needs: <c>99%</c>, <c>99.92%</c>.</summary>
    public static string Level(double confidence)
    {
        var percent = confidence * 100;
        var format = Math.Abs(percent - Math.Round(percent, 1)) < 1e-9 ? "0.#" : "0.###";
        return percent.ToString(format, CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>A ratio as a signed change: 1.107 is <c>+10.7%</c>.</summary>
    public static string Change(double ratio)
    {
        if (!double.IsFinite(ratio))
        {
            return "from zero";
        }

        // A change too small for one decimal (one parameter in 24 k) keeps its first digits: "+0.0%" would hide it.
        var percent = (ratio - 1) * 100;
        var format = percent != 0 && Math.Abs(percent) < 0.05 ? "+0.#####;-0.#####" : "+0.0;-0.0;+0.0";
        return percent.ToString(format, CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>An interval bound as a change with one decimal: an interval's own precision is never finer.</summary>
    public static string Bound(double ratio) =>
        double.IsFinite(ratio) ? ((ratio - 1) * 100).ToString("+0.0;-0.0;+0.0", CultureInfo.InvariantCulture) + "%" : "unbounded";

    /// <summary>A verdict's message as what it would have been: "regressed beyond" becomes "would be regressed beyond".</summary>
    public static string Would(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Replace(": regressed beyond", ": would be regressed beyond", StringComparison.Ordinal)
            .Replace(": improved beyond", ": would be improved beyond", StringComparison.Ordinal);
    }

    public static string Percent(double fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// <paramref name="template"/> filled in; text arguments (subjects, paths, profile names, machine summaries, all
    /// from specs, baselines or the machine) are escaped so that none can start a log line of its own.
    /// </summary>
    public static string Format(string template, params object[] args) =>
        UserText.Format(template, args.Select(a => a is string text ? UserText.Escape(text) : a).ToArray());
}
