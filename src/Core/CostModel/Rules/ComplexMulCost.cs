namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft ComplexMul and ComplexMulConj: each output pair is one complex product, 4 multiplies and 2 adds
/// (conjugating B only flips signs), so 6 FLOPs per pair, <c>3 × out</c>.
/// </summary>
internal sealed class ComplexMulCost : ICostRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "ComplexMul", "ComplexMulConj" };

    public OperatorCost Cost(CostContext context) => OperatorCost.Elementwise(checked(3 * context.OutputElements(0)));
}
