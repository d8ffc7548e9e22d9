namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// AffineGrid: each grid point's k coordinates are theta's (k, k + 1) matrix times the point's homogeneous base
/// coordinates, a batched MatMul of k + 1 MACs per output element (<c>out · (k + 1)</c>, k being the output's
/// last dim, 2 or 3); the evenly spaced base coordinates are constants and not counted.
/// </summary>
internal sealed class AffineGridCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "AffineGrid" };

    public OperatorCost Cost(CostContext context)
    {
        var output = context.OutputDims(0);
        return output.Length == 0 ? OperatorCost.Elementwise(0) : OperatorCost.Linear(checked(context.OutputElements(0) * (output[^1] + 1)));
    }
}
