namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// Gemm: <c>M·K·N</c> MACs for <c>op(A)[M,K] · op(B)[K,N]</c>. Adding C costs one FLOP per output
/// element; the alpha and beta scalings are not counted (exporters leave them at 1).
/// </summary>
internal sealed class GemmCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Gemm" };

    public OperatorCost Cost(CostContext context)
    {
        var a = context.InputDims(0);
        var b = context.InputDims(1);
        var biasAdds = context.HasInput(2) ? context.OutputElements(0) : 0;
        if (a.Length != 2 || b.Length != 2)
        {
            return OperatorCost.Linear(0, biasAdds);
        }

        var transA = context.Attributes.GetInt("transA", 0) != 0;
        var transB = context.Attributes.GetInt("transB", 0) != 0;
        var m = transA ? a[1] : a[0];
        var k = transA ? a[0] : a[1];
        var n = transB ? b[0] : b[1];
        return OperatorCost.Linear(checked(m * k * n), biasAdds);
    }
}
