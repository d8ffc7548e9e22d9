namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// ConvTranspose scatters every input element through the kernel: the weight is
/// <c>[Cin, Cout/group, k1..kn]</c>, so the work is <c>N·Cin·prod(in) · (Cout/group)·prod(kernel)</c>,
/// independent of strides, padding and output size.
/// </summary>
internal sealed class ConvTransposeCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "ConvTranspose" };

    public OperatorCost Cost(CostContext context)
    {
        var weightDims = context.InputDims(1);
        var macs = weightDims.Length < 2 ? 0 : checked(context.InputElements(0) * DimArithmetic.Product(weightDims, from: 1));
        var biasAdds = context.HasInput(2) ? context.OutputElements(0) : 0;
        return OperatorCost.Linear(macs, biasAdds);
    }
}
