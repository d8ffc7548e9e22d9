namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// TopK as a selection through a heap of k entries: <c>⌈log2 k⌉</c> compares per input element, at least
/// one (k = 1 is an arg-max scan). k is read from the output's size along the axis.
/// </summary>
internal sealed class TopKCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "TopK" };

    public OperatorCost Cost(CostContext context)
    {
        var output = context.OutputDims(0);
        var axis = context.Attributes.GetInt("axis", -1);
        if (axis < 0)
        {
            axis += output.Length;
        }

        var k = axis >= 0 && axis < output.Length ? output[axis] : 1;
        return OperatorCost.Elementwise(checked(DimArithmetic.Log2Ceiling(k) * context.InputElements(0)));
    }
}
