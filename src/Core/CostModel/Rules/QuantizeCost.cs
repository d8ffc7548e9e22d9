namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// Linear (de)quantization, per element: QuantizeLinear divides by the scale and adds the zero point,
/// DequantizeLinear subtracts it and multiplies (2 each; rounding and saturation are not counted).
/// DynamicQuantizeLinear first scans the input for its min and max (2), then quantizes (2).
/// </summary>
internal sealed class QuantizeCost : ICostRule
{
    private const int Affine = 2;
    private const int MinMaxScan = 2;

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear" };

    public OperatorCost Cost(CostContext context)
    {
        var perElement = context.Node.OpType == "DynamicQuantizeLinear" ? MinMaxScan + Affine : Affine;
        return OperatorCost.Elementwise(checked(perElement * context.InputElements(0)));
    }
}
