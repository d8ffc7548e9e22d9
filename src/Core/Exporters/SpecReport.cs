using EfficiencyMisnomer.Disagreement;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Exporters;

/// <summary>What a report shows of one spec: every indicator of every model side by side, verdicts, baseline deltas and disagreements.</summary>
/// <param name="Spec">The spec's results.</param>
/// <param name="Indicators">Quality metrics and static indicators (rows) of every model (columns).</param>
/// <param name="Runtime">One table per machine, profile and batch: runtime indicators (rows) of the models measured there (columns).</param>
/// <param name="Verdicts">Status, model, indicator, setup, message and location of every verdict, those that need attention first.</param>
/// <param name="AttentionCount">How many of <see cref="Verdicts"/> rows (the first ones) need attention.</param>
/// <param name="BaselineDeltas">Regression verdicts with their baseline value, now and the relative change; null when there are none.</param>
/// <param name="Rankings">The models in order of each indicator, cheapest first.</param>
/// <param name="Correlations">Kendall's tau between the rankings of indicators that do not all agree; null when every ranking agrees.</param>
/// <param name="Disagreement">The detector's findings; its flip sentences are listed as they are.</param>
/// <param name="Comparisons">
/// Against a base revision, one table per model: indicator, setup, base, head, head/base, 95% interval, verdict (a
/// model unchanged or new says so in its caption); empty when the run compared against no revision.
/// </param>
public sealed record SpecReport(
    SpecResults Spec,
    ReportTable Indicators,
    IReadOnlyList<ReportTable> Runtime,
    ReportTable Verdicts,
    int AttentionCount,
    ReportTable? BaselineDeltas,
    ReportTable? Rankings,
    ReportTable? Correlations,
    DisagreementReport Disagreement,
    IReadOnlyList<ReportTable> Comparisons)
{
    /// <summary>The spec's BenchmarkDotNet cases side by side: their indicators (rows) per case (columns); null when it has none.</summary>
    public ReportTable? Benchmarks { get; init; }
}
