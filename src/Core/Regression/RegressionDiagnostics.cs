using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Regression;

/// <summary>What a regression verdict says to the build: regressed is an error (a warning under gate mode <c>warn</c>),
/// inconclusive a warning (an error when strict), improved and skipped information; a pass says nothing.</summary>
public static class RegressionDiagnostics
{
    public static Diagnostic? Diagnose(RegressionVerdict verdict, GateMode mode = GateMode.Error, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Status switch
        {
            RegressionOutcome.Regressed when mode == GateMode.Error => Diagnostic.Error(verdict.Code, verdict.Message, verdict.Location),
            RegressionOutcome.Regressed => Diagnostic.Warning(verdict.Code, verdict.Message, verdict.Location),
            RegressionOutcome.Inconclusive when strict && mode == GateMode.Error => Diagnostic.Error(verdict.Code, verdict.Message, verdict.Location),
            RegressionOutcome.Inconclusive => Diagnostic.Warning(verdict.Code, verdict.Message, verdict.Location),
            RegressionOutcome.Improved or RegressionOutcome.Skipped or RegressionOutcome.Unchanged or RegressionOutcome.New => Diagnostic.Info(verdict.Code, verdict.Message, verdict.Location),
            _ => null,
        };
    }

    /// <summary>The diagnostics of <paramref name="verdicts"/>, each distinct one once (a missing baseline is said once per model, not per indicator).</summary>
    public static IEnumerable<Diagnostic> DiagnoseAll(IEnumerable<RegressionVerdict> verdicts, GateMode mode = GateMode.Error, bool strict = false) =>
        verdicts.Select(v => Diagnose(v, mode, strict)).OfType<Diagnostic>().Distinct();
}
