namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// Windowed pooling, per output element: one compare (MaxPool) or add (AveragePool) per kernel position,
/// plus one division for the average; LpPool raises each position to p and adds (2 per position) and
/// takes one root. Padding, strides and dilations change only the output size.
/// </summary>
internal sealed class PoolCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MaxPool", "AveragePool", "LpPool" };

    public OperatorCost Cost(CostContext context)
    {
        var kernel = DimArithmetic.Product(context.Attributes.GetInts("kernel_shape") ?? Array.Empty<long>());
        var perOutput = context.Node.OpType switch
        {
            "MaxPool" => kernel,
            "AveragePool" => checked(kernel + 1),
            _ => checked((2 * kernel) + 1),
        };
        return OperatorCost.Elementwise(checked(perOutput * context.OutputElements(0)));
    }
}
