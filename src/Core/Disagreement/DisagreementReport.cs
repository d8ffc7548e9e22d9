namespace EfficiencyMisnomer.Disagreement;

/// <summary>How the cost indicators of one spec rank its models, how far the rankings agree, and which pairs of models they order both ways.</summary>
/// <param name="Spec">The spec's name.</param>
/// <param name="Rankings">One ranking per indicator key, static keys first, in catalogue order.</param>
/// <param name="Correlations">Kendall's tau-b of every pair of rankings that both order at least one common pair of models (tau is undefined otherwise).</param>
/// <param name="Flips">The pairs of models that some indicators favour one way and others the other way.</param>
public sealed record DisagreementReport(string Spec, IReadOnlyList<IndicatorRanking> Rankings, IReadOnlyList<RankCorrelation> Correlations, IReadOnlyList<OrderFlip> Flips)
{
    public bool Disagrees => Flips.Count > 0;
}

/// <summary>
/// The spec's models ordered by one indicator, cheapest first. Key: <c>params</c>, or for a runtime indicator
/// <c>latency.p50 @ ci-cpu b1</c> (with <c> on MACHINE</c> when the spec holds measurements of several machines).
/// </summary>
/// <param name="Key">The ranking's name in reports and sentences.</param>
/// <param name="Indicator">The indicator's public name.</param>
/// <param name="Profile">The hardware profile of a runtime indicator; null for a static one.</param>
/// <param name="Batch">The batch size of a runtime indicator.</param>
/// <param name="Machine">The fingerprint id of the machine that measured a runtime indicator.</param>
/// <param name="Models">The models that have a value, cheapest first.</param>
public sealed record IndicatorRanking(string Key, string Indicator, string? Profile, int? Batch, string? Machine, IReadOnlyList<RankedModel> Models);

/// <summary>
/// A model's place in a ranking. <see cref="Rank"/> is one more than the number of models decisively cheaper,
/// so models whose values tie (within the margin, or with overlapping intervals) can share a rank.
/// </summary>
public sealed record RankedModel(string Model, double Value, int Rank);

/// <summary>Kendall's tau-b between two rankings over the pairs of models both rank.</summary>
/// <param name="First">The first ranking's key.</param>
/// <param name="Second">The second ranking's key.</param>
/// <param name="KendallTau">From -1 (reversed) through 0 (unrelated) to 1 (the same order).</param>
/// <param name="Pairs">Pairs of models both rankings hold values for.</param>
public sealed record RankCorrelation(string First, string Second, double KendallTau, int Pairs);

/// <summary>
/// Two models that the indicators order both ways, with a sentence such as
/// "vit-deep has 5% fewer params than vit-wide but 6% more macs and is 1.5× slower (latency.p50 @ ci-cpu b1)".
/// </summary>
/// <param name="First">The model earlier in the spec.</param>
/// <param name="Second">The model later in the spec.</param>
/// <param name="FavourFirst">The indicators by which <paramref name="First"/> is decisively cheaper, largest ratio first.</param>
/// <param name="FavourSecond">The indicators by which <paramref name="Second"/> is decisively cheaper, largest ratio first.</param>
/// <param name="Sentence">The flip in words, for reports and diagnostics.</param>
public sealed record OrderFlip(string First, string Second, IReadOnlyList<IndicatorDifference> FavourFirst, IReadOnlyList<IndicatorDifference> FavourSecond, string Sentence);

/// <summary>One indicator's values for the two models of a flip; <see cref="Ratio"/> is costlier / cheaper (at least 1).</summary>
public sealed record IndicatorDifference(string Key, double FirstValue, double SecondValue, double Ratio);
