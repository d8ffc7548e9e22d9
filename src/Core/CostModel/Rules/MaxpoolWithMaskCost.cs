namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft MaxpoolWithMask: as <see cref="PoolCost"/>'s MaxPool, one compare per kernel position and output
/// element, plus one test of the mask per position, <c>2 · prod(kernel_shape) · out</c>: an upper bound, since a
/// zero in the mask ends the window's scan early.
/// </summary>
internal sealed class MaxpoolWithMaskCost : ICostRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MaxpoolWithMask" };

    public OperatorCost Cost(CostContext context)
    {
        var kernel = DimArithmetic.Product(context.Attributes.GetInts("kernel_shape") ?? Array.Empty<long>());
        return OperatorCost.Elementwise(checked(2 * kernel * context.OutputElements(0)));
    }
}
