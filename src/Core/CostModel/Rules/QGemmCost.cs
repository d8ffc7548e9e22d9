namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft QGemm, the quantizer's Gemm over quantized A (input 0) and B (input 3): the MACs of
/// <see cref="GemmCost"/>. Per output: rescaling the int32 accumulator (to float, or requantizing by y_scale) 1,
/// the int32 bias C (input 6) 1, a y_zero_point's add 1.
/// </summary>
internal sealed class QGemmCost : ICostRule
{
    private const int BiasInput = 6;
    private const int OutputScaleInput = 7;
    private const int OutputZeroPointInput = 8;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "QGemm" };

    public OperatorCost Cost(CostContext context)
    {
        var perOutput = 1 + (context.HasInput(BiasInput) ? 1 : 0) + (context.HasInput(OutputScaleInput) && context.HasInput(OutputZeroPointInput) ? 1 : 0);
        return OperatorCost.Linear(GemmCost.Macs(context, context.InputDims(0), context.InputDims(3)), checked(perOutput * context.OutputElements(0)));
    }
}
