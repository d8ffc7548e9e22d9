namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// Conv and its quantized forms. The weight is <c>[Cout, Cin/group, k1..kn]</c>, so every output element
/// accumulates <c>Cin/group × prod(kernel)</c> products: <c>N·Cout·prod(out) · (Cin/group)·prod(kernel)</c>.
/// </summary>
internal sealed class ConvCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Conv", "ConvInteger", "QLinearConv" };

    public OperatorCost Cost(CostContext context)
    {
        var (weight, bias) = context.Node.OpType switch
        {
            "QLinearConv" => (3, 8),
            "ConvInteger" => (1, -1),
            _ => (1, 2),
        };

        var output = context.OutputElements(0);
        var weightDims = context.InputDims(weight);
        var macs = weightDims.Length < 2 ? 0 : checked(output * DimArithmetic.Product(weightDims, from: 1));
        var biasAdds = bias >= 0 && context.HasInput(bias) ? output : 0;
        return OperatorCost.Linear(macs, biasAdds);
    }
}
