namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// Normalizations that compute statistics at run time, per element: the mean (1 add), the centred value
/// (1 sub), its square (1 mul) and the variance sum (1 add), then the normalization by the reciprocal
/// standard deviation (1 mul; the per-group sqrt is neglected) make 5; an affine scale and a bias add
/// 1 each. RMSNormalization and ONNX Runtime's SimplifiedLayerNormalization skip the centring (square,
/// sum, normalize = 3, plus scale);
/// LpNormalization is |x| or x², sum and divide (3).
/// </summary>
internal sealed class NormalizationCost : ICostRule
{
    private const int Normalize = 5;
    private const int RootMeanSquare = 3;
    private const int LpNorm = 3;

    public IReadOnlyCollection<string> OpTypes { get; } = new[]
    {
        "LayerNormalization", "InstanceNormalization", "GroupNormalization", "MeanVarianceNormalization",
        "RMSNormalization", "SimplifiedLayerNormalization", "LpNormalization",
    };

    public OperatorCost Cost(CostContext context)
    {
        var perElement = context.Node.OpType switch
        {
            "LayerNormalization" => Normalize + 1 + (context.HasInput(2) ? 1 : 0),
            "InstanceNormalization" or "GroupNormalization" => Normalize + 2,
            "MeanVarianceNormalization" => Normalize,
            "RMSNormalization" or "SimplifiedLayerNormalization" => RootMeanSquare + 1,
            _ => LpNorm,
        };
        return OperatorCost.Elementwise(checked(perElement * context.OutputElements(0)));
    }
}
