namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft GroupNorm and SkipGroupNorm (channels-last group normalization of diffusion UNets), per
/// element: the normalization, scale and bias as GroupNormalization (7), then SiLU when <c>activation</c>
/// is 1 (sigmoid 4, multiply 1). SkipGroupNorm first adds the skip (1) and the optional bias (1).
/// </summary>
internal sealed class ContribGroupNormCost : ICostRule
{
    private const int NormalizeScaleBias = 7;
    private const int Silu = 5;
    private const int SkipBiasInput = 4;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GroupNorm", "SkipGroupNorm" };

    public OperatorCost Cost(CostContext context)
    {
        var perElement = NormalizeScaleBias + (context.Attributes.GetInt("activation", 0) == 1 ? Silu : 0);
        if (context.Node.OpType == "SkipGroupNorm")
        {
            perElement += 1 + (context.HasInput(SkipBiasInput) ? 1 : 0);
        }

        return OperatorCost.Elementwise(checked(perElement * context.InputElements(0)));
    }
}
