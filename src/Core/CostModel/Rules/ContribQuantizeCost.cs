namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft QuantizeLinear and DequantizeLinear: the same affine map per element as the ONNX operators
/// (<see cref="QuantizeCost"/>), 2 FLOPs each whatever the integer width.
/// </summary>
internal sealed class ContribQuantizeCost : ICostRule
{
    private static readonly QuantizeCost Quantize = new();

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "QuantizeLinear", "DequantizeLinear" };

    public OperatorCost Cost(CostContext context) => Quantize.Cost(context);
}
