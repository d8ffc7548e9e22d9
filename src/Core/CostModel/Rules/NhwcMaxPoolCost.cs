namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft NhwcMaxPool, ONNX Runtime's channels-last int8/uint8 MaxPool: as <see cref="PoolCost"/>'s MaxPool,
/// one compare per kernel position and output element; the layout changes only where channels sit.
/// </summary>
internal sealed class NhwcMaxPoolCost : ICostRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "NhwcMaxPool" };

    public OperatorCost Cost(CostContext context)
    {
        var kernel = DimArithmetic.Product(context.Attributes.GetInts("kernel_shape") ?? Array.Empty<long>());
        return OperatorCost.Elementwise(checked(kernel * context.OutputElements(0)));
    }
}
