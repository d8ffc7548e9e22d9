using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Regression;

/// <summary>The outcome of comparing one indicator with its baseline.</summary>
public enum RegressionOutcome
{
    /// <summary>Within tolerance of the baseline.</summary>
    Pass,

    /// <summary>Worse than the baseline beyond tolerance (and, when measured, with confidence and beyond the noise floor).</summary>
    Regressed,

    /// <summary>Better than the baseline beyond tolerance: the baseline can be recorded again to keep the gain.</summary>
    Improved,

    /// <summary>A measured comparison whose interval still reaches across a limit when measuring ends; never a pass.</summary>
    Inconclusive,

    /// <summary>Not compared: no baseline yet, no entry for this profile, an entry of other hardware, or a value missing on either side.</summary>
    Skipped,

    /// <summary>Against a revision: the model's files are byte-identical at the base, so nothing is compared or measured.</summary>
    Unchanged,

    /// <summary>Against a revision: the model is absent at the base, so there is nothing to compare it with.</summary>
    New,
}

/// <summary>One indicator of one model compared with the baseline.</summary>
/// <param name="Model">The model's name in the spec.</param>
/// <param name="Indicator">The indicator compared.</param>
/// <param name="Status">The outcome.</param>
/// <param name="Measured">This run's value; null when it has none.</param>
/// <param name="Reference">The baseline's value; null when it has none.</param>
/// <param name="Location">The indicator's entry in <c>regression.tolerance</c>, else the <c>regression</c> key.</param>
/// <param name="Message">The sentence a user reads.</param>
public sealed record RegressionVerdict(string Model, string Indicator, RegressionOutcome Status, double? Measured, double? Reference, SourceLocation Location, string Message)
{
    /// <summary>The diagnostic code of this verdict: EM4010 regressed, EM4011 improved, EM4014 inconclusive, EM4012/EM4013/EM4015 skipped, EM4037 unchanged, EM4038 new.</summary>
    public string Code { get; init; } = Status switch
    {
        RegressionOutcome.Regressed => ErrorCodes.Regressed,
        RegressionOutcome.Improved => ErrorCodes.Improved,
        RegressionOutcome.Inconclusive => ErrorCodes.RegressionInconclusive,
        RegressionOutcome.Skipped => ErrorCodes.RegressionNotCompared,
        RegressionOutcome.Unchanged => ErrorCodes.ModelUnchanged,
        RegressionOutcome.New => ErrorCodes.ModelNew,
        _ => string.Empty,
    };

    /// <summary>The hardware profile of a measured comparison; null for a static one.</summary>
    public string? Profile { get; init; }

    /// <summary>The batch size of a measured comparison.</summary>
    public int? Batch { get; init; }

    /// <summary>This run over the baseline (for measured indicators, the statistical comparison's ratio); null when not compared.</summary>
    public double? Ratio { get; init; }

    /// <summary>Lower bound of the ratio's confidence interval; measured indicators only.</summary>
    public double? RatioLower { get; init; }

    /// <summary>Upper bound of the ratio's confidence interval; measured indicators only.</summary>
    public double? RatioUpper { get; init; }

    /// <summary>The tolerance applied.</summary>
    public double Tolerance { get; init; }

    /// <summary>The confidence level of <see cref="RatioLower"/> and <see cref="RatioUpper"/>; measured indicators only.</summary>
    public double? Confidence { get; init; }

    /// <summary>The same ratio's interval at 95% confidence, for tables that show every comparison alike; measured against a revision only.</summary>
    public (double Lower, double Upper)? Interval95 { get; init; }

    /// <summary>What the indicator was compared with: <c>baseline</c>, or the base revision (<c>base main (3f2a1b4c)</c>).</summary>
    public string Against { get; init; } = "baseline";

    /// <summary>The indicator name of a verdict on a model as a whole (unchanged or new against a revision).</summary>
    public const string WholeModel = "model";

    /// <summary>The indicator name of a verdict on a benchmark case as a whole (new against a revision).</summary>
    public const string WholeCase = "case";

    /// <summary>The status as results documents write it: <c>pass</c>, <c>regressed</c>, <c>improved</c>, <c>inconclusive</c>, <c>skipped</c>.</summary>
    public string StatusName => Status.ToString().ToLowerInvariant();
}
