namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft GatherBlockQuantized: gathers rows of block-quantized data and dequantizes what it
/// gathered, 2 FLOPs per output element (subtract the zero point, multiply by the block's scale, as
/// DequantizeLinear); the gather itself moves data.
/// </summary>
internal sealed class GatherBlockQuantizedCost : ICostRule
{
    private const int Dequantize = 2;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GatherBlockQuantized" };

    public OperatorCost Cost(CostContext context) => OperatorCost.Elementwise(checked(Dequantize * context.OutputElements(0)));
}
