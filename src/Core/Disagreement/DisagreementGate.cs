using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Disagreement;

/// <summary>
/// The spec's <c>disagreement</c> setting applied to the detector's findings: with <c>warn</c> each order flip is a
/// warning, with <c>error</c> an error (EM4201), with <c>off</c> nothing. The findings are also verdicts of kind
/// <c>disagreement</c> on both models of each flip, so that reports show them.
/// </summary>
public static class DisagreementGate
{
    /// <summary>The kind of the verdicts this gate adds.</summary>
    public const string VerdictKind = "disagreement";

    private const string Advice = "no single indicator ranks these models; compare them on every indicator shown, or set 'disagreement: off' to accept the trade-off";

    /// <summary>Analyzes the results of <paramref name="spec"/> and applies the spec's <c>disagreement</c> setting.</summary>
    public static DisagreementGateResult Evaluate(SpecResults results, Spec spec, DisagreementOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Evaluate(results, spec.Disagreement, options);
    }

    /// <summary>Analyzes the spec and applies its mode. <paramref name="mode"/> carries where the <c>disagreement</c> key is written (the spec's start when absent).</summary>
    public static DisagreementGateResult Evaluate(SpecResults spec, Located<GateMode> mode, DisagreementOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(mode);
        if (mode.Value == GateMode.Off)
        {
            return new DisagreementGateResult(null, Array.Empty<Diagnostic>(), spec);
        }

        var report = MisnomerDetector.Analyze(spec, options ?? DisagreementOptions.Default);
        var severity = mode.Value == GateMode.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
        var status = mode.Value == GateMode.Error ? "fail" : "warning";
        var location = mode.Location.ToString();
        var diagnostics = new List<Diagnostic>();
        var verdicts = new Dictionary<string, List<VerdictResult>>(StringComparer.Ordinal);
        foreach (var flip in report.Flips)
        {
            var message = $"{flip.Sentence}: {Advice}";
            diagnostics.Add(new Diagnostic(ErrorCodes.IndicatorsDisagree, severity, $"spec '{UserText.Quote(spec.Name)}': {message}", mode.Location));
            var indicator = $"{flip.FavourFirst[0].Key} vs {flip.FavourSecond[0].Key}";
            foreach (var model in new[] { flip.First, flip.Second })
            {
                if (!verdicts.TryGetValue(model, out var list))
                {
                    verdicts[model] = list = new List<VerdictResult>();
                }

                list.Add(new VerdictResult(VerdictKind, indicator, status, message, location));
            }
        }

        // Judging again (with measured indicators added) replaces what an earlier judgement found.
        var models = spec.Models
            .Select(m => m with
            {
                Verdicts = m.Verdicts.Where(v => v.Kind != VerdictKind)
                    .Concat(verdicts.TryGetValue(m.Name, out var added) ? added : Enumerable.Empty<VerdictResult>())
                    .ToList(),
            })
            .ToList();
        return new DisagreementGateResult(report, diagnostics, spec with { Models = models });
    }
}

/// <summary>What the disagreement gate found.</summary>
/// <param name="Report">The detector's report; null when the spec's mode is <c>off</c>.</param>
/// <param name="Diagnostics">One EM4201 per order flip, a warning or an error by the spec's mode.</param>
/// <param name="Spec">The spec's results with a <c>disagreement</c> verdict added to both models of each flip.</param>
public sealed record DisagreementGateResult(DisagreementReport? Report, IReadOnlyList<Diagnostic> Diagnostics, SpecResults Spec)
{
    public bool Passed => Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
}
