namespace EfficiencyMisnomer.Runtime.Regression;

/// <summary>The verdict of a measured indicator against its baseline.</summary>
public enum RegressionStatus
{
    /// <summary>Confidently within the tolerance (or the noise floor) of the baseline.</summary>
    Pass,

    /// <summary>Confidently worse than the baseline by more than the tolerance and the noise floor.</summary>
    Regressed,

    /// <summary>Confidently better than the baseline by more than the tolerance and the noise floor.</summary>
    Improved,

    /// <summary>The interval straddles a limit: too noisy to decide, never a pass.</summary>
    Unstable,
}
