namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft EmbedLayerNormalization, per output element: the word, position and optional segment
/// lookups are data movement; adding them costs 1 or 2, the layer normalization with scale and bias 7.
/// A mask (input 7) is summed into the mask index, one FLOP per mask element.
/// </summary>
internal sealed class EmbedLayerNormalizationCost : ICostRule
{
    private const int LayerNormalization = 7;
    private const int SegmentEmbedding = 4;
    private const int Mask = 7;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "EmbedLayerNormalization" };

    public OperatorCost Cost(CostContext context)
    {
        var adds = context.HasInput(SegmentEmbedding) ? 2 : 1;
        var perElement = checked((adds + LayerNormalization) * context.OutputElements(0));
        return OperatorCost.Elementwise(checked(perElement + context.InputElements(Mask)));
    }
}
