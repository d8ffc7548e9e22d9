namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft GatedRMSNorm, <c>Y = X · rsqrt(mean(X²) + ε) · scale · SiLU(gate)</c>, per element of X: the
/// RMS normalization with its scale as SimplifiedLayerNormalization costs it (square, sum, normalize, scale = 4),
/// SiLU of the gate (sigmoid 4 and a multiply = 5), and the gating product (1): 10.
/// </summary>
internal sealed class GatedRmsNormCost : ICostRule
{
    private const int PerElement = 10;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GatedRMSNorm" };

    public OperatorCost Cost(CostContext context) => OperatorCost.Elementwise(checked(PerElement * context.InputElements(0)));
}
