namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// MatMul and its quantized forms, with numpy semantics: a 1-D operand is a row (A) or column (B)
/// vector, and the batch dims broadcast. MACs are <c>prod(batch) · M · K · N</c>.
/// </summary>
internal sealed class MatMulCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MatMul", "MatMulInteger", "QLinearMatMul" };

    public OperatorCost Cost(CostContext context) =>
        OperatorCost.Linear(Macs(context.InputDims(0), context.InputDims(context.Node.OpType == "QLinearMatMul" ? 3 : 1)));

    /// <summary>The MACs of <c>a × b</c> with numpy semantics; 0 when an operand's shape is unknown.</summary>
    internal static long Macs(long[] a, long[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var m = a.Length == 1 ? 1 : a[^2];
        var k = a[^1];
        var n = b.Length == 1 ? 1 : b[^1];
        var batch = DimArithmetic.Broadcast(a.Length > 2 ? a[..^2] : Array.Empty<long>(), b.Length > 2 ? b[..^2] : Array.Empty<long>());
        return checked(DimArithmetic.Product(batch) * m * k * n);
    }
}
