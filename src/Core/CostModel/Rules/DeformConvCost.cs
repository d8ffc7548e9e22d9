namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// DeformConv: the convolution's own <c>out · (C/group) · ∏kernel</c> MACs, plus the sampling that makes it deformable.
/// Every input channel is sampled at every kernel tap of every output location (<c>N · C · ∏kernel · ∏out</c>
/// samples), each a bilinear interpolation of its four neighbours, 4 MACs, and one more where the mask scales it. The
/// interpolation weights, computed once per tap and location from the offsets, are not counted.
/// </summary>
internal sealed class DeformConvCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "DeformConv" };

    public OperatorCost Cost(CostContext context)
    {
        var output = context.OutputDims(0);
        var weight = context.InputDims(1);
        var input = context.InputDims(0);
        if (output.Length < 3 || weight.Length < 3 || input.Length < 2)
        {
            return OperatorCost.Linear(0);
        }

        var convolution = checked(DimArithmetic.Product(output) * DimArithmetic.Product(weight, from: 1));
        var samples = checked(output[0] * input[1] * DimArithmetic.Product(weight, from: 2) * DimArithmetic.Product(output, from: 2));
        var perSample = context.HasInput(4) ? 5 : 4;
        var biasAdds = context.HasInput(3) ? DimArithmetic.Product(output) : 0;
        return OperatorCost.Linear(checked(convolution + (samples * perSample)), biasAdds);
    }
}
