namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft SkipLayerNormalization and SkipSimplifiedLayerNormalization, per element: the residual
/// sum <c>input + skip</c> (1) and the optional bias (1), then the normalization as the unfused operators
/// cost it: LayerNormalization 5 + scale 1 + beta 1 when present; RMS normalization 3 + scale 1.
/// </summary>
internal sealed class SkipLayerNormalizationCost : ICostRule
{
    private const int Normalize = 5;
    private const int RootMeanSquare = 3;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "SkipLayerNormalization", "SkipSimplifiedLayerNormalization" };

    public OperatorCost Cost(CostContext context)
    {
        bool simplified = context.Node.OpType == "SkipSimplifiedLayerNormalization";
        int biasInput = simplified ? 3 : 4;
        var residual = 1 + (context.HasInput(biasInput) ? 1 : 0);
        var normalization = simplified ? RootMeanSquare + 1 : Normalize + 1 + (context.HasInput(3) ? 1 : 0);
        return OperatorCost.Elementwise(checked((residual + normalization) * context.InputElements(0)));
    }
}
