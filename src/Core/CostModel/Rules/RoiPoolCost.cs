namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// MaxRoiPool: a region's size is known only at run time, so each output element is costed at its
/// largest bin, a region covering the whole feature map: <c>⌈H / pooled_h⌉ · ⌈W / pooled_w⌉</c>
/// compares. An upper bound, stated as such in docs/indicators.md.
/// </summary>
internal sealed class RoiPoolCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MaxRoiPool" };

    public OperatorCost Cost(CostContext context)
    {
        var x = context.InputDims(0);
        var pooled = context.Attributes.GetInts("pooled_shape");
        if (x.Length != 4 || pooled is not { Length: 2 } || pooled[0] <= 0 || pooled[1] <= 0)
        {
            return OperatorCost.Elementwise(0);
        }

        return OperatorCost.Elementwise(checked(LargestBin(x, pooled[0], pooled[1]) * context.OutputElements(0)));
    }

    /// <summary>The cells of (N, C, H, W) <paramref name="x"/> in one of <paramref name="height"/> × <paramref name="width"/> bins of the whole map.</summary>
    public static long LargestBin(long[] x, long height, long width) => checked(Ceiling(x[2], height) * Ceiling(x[3], width));

    private static long Ceiling(long a, long b) => (a + b - 1) / b;
}
