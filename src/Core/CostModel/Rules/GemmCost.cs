namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// Gemm: <c>M·K·N</c> MACs for <c>op(A)[M,K] · op(B)[K,N]</c>. Adding C costs one FLOP per output
/// element; the alpha and beta scalings are not counted (exporters leave them at 1).
/// </summary>
internal sealed class GemmCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Gemm" };

    public OperatorCost Cost(CostContext context) =>
        OperatorCost.Linear(Macs(context, context.InputDims(0), context.InputDims(1)), context.HasInput(2) ? context.OutputElements(0) : 0);

    /// <summary>The MACs of <c>op(A) · op(B)</c> as the node's <c>transA</c> and <c>transB</c> say; 0 unless both are 2-D.</summary>
    internal static long Macs(CostContext context, long[] a, long[] b)
    {
        if (a.Length != 2 || b.Length != 2)
        {
            return 0;
        }

        var transA = context.Attributes.GetInt("transA", 0) != 0;
        var transB = context.Attributes.GetInt("transB", 0) != 0;
        var m = transA ? a[1] : a[0];
        var k = transA ? a[0] : a[1];
        var n = transB ? b[0] : b[1];
        return checked(m * k * n);
    }
}
