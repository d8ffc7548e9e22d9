namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft products that ONNX Runtime's optimizer and quantizer write in place of MatMul, costed as
/// the MatMul they replace (<see cref="MatMulCost"/>). FusedMatMul (and TransposeMatMul, its older name) transposes the last two dims of A and B
/// as <c>transA</c> and <c>transB</c> say and scales by alpha (1 per output); its batch transposes
/// (<c>transBatchA</c>, <c>transBatchB</c>) are not applied. DynamicQuantizeMatMul first quantizes A as
/// DynamicQuantizeLinear does (4 per element); it and MatMulIntegerToFloat rescale each output to float (1)
/// and add the optional bias (1).
/// </summary>
internal sealed class ContribMatMulCost : ICostRule
{
    private const int DynamicQuantize = 4;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "FusedMatMul", "TransposeMatMul", "DynamicQuantizeMatMul", "MatMulIntegerToFloat" };

    public OperatorCost Cost(CostContext context)
    {
        var a = context.InputDims(0);
        var b = context.InputDims(1);
        var outputs = context.OutputElements(0);
        switch (context.Node.OpType)
        {
            case "FusedMatMul" or "TransposeMatMul":
                var alpha = context.Attributes.GetFloat("alpha", 1f) != 1f ? outputs : 0;
                return OperatorCost.Linear(MatMulCost.Macs(Transposed(a, context.Attributes.GetInt("transA", 0)), Transposed(b, context.Attributes.GetInt("transB", 0))), alpha);
            case "DynamicQuantizeMatMul":
                var bias = context.HasInput(4) ? outputs : 0;
                return OperatorCost.Linear(MatMulCost.Macs(a, b), checked((DynamicQuantize * context.InputElements(0)) + outputs + bias));
            default:
                return OperatorCost.Linear(MatMulCost.Macs(a, b), checked(outputs + (context.HasInput(6) ? outputs : 0)));
        }
    }

    private static long[] Transposed(long[] dims, long transpose)
    {
        if (transpose == 0 || dims.Length < 2)
        {
            return dims;
        }

        var swapped = (long[])dims.Clone();
        (swapped[^1], swapped[^2]) = (swapped[^2], swapped[^1]);
        return swapped;
    }
}
